"""Start-up of the frozen sidebar (the release bundle), cold and warm, against the issue's targets:
window shown <= 1.0 s and first (confident) suggestion <= 1.5 s after start.

    python3 packaging/build.py                     # first: dist/ holds this version's archive
    python3 benchmarks/bench_frozen_start.py       # 5 cold and 5 warm starts, and the baselines

The archive is unpacked into a temporary folder (a place other than where it was built, as on an
agent's machine) and the program started under Xvfb, timed from spawning it to its start-up trace
(ui/app.py): "shown", "ready" (the library is in, suggestions possible) and "confident" (the
co-ranker's weights are in too, from the shipped index, the agent's cache, or training; see
packaging/smoke.py: confident_at). Cold: empty settings, data and cache folders each time; warm:
one set of folders a start has filled.

Timed in the same run:
- the same bundle without its shipped index (packaging/launcher.py): a first start then trains
  the co-ranker, in-process on the loader thread (a frozen program has no interpreter to start a
  training child), while the plain matcher answers: what shipping the index saves, and a check
  that the frozen program's own training path works;
- the program from source with the build venv's interpreter (cold: trains in its child process);
- the machine's reference loop (benchmarks/machine.py), before and after.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import bundle_rules  # noqa: E402
import launcher  # noqa: E402
import machine  # noqa: E402
import smoke  # noqa: E402

TARGET_SHOWN, TARGET_CONFIDENT = 1.0, 1.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold and warm starts each (default 5)")
    parser.add_argument("--baseline-runs", type=int, default=3, help="cold starts of each baseline (default 3)")
    args = parser.parse_args(argv)
    version = bundle_rules.project_version(ROOT)
    name = bundle_rules.folder_name(version)
    archive = ROOT / "dist" / (name + (".zip" if smoke.WINDOWS else ".tar.gz"))
    python = ROOT / "build" / "venv" / ("Scripts/python.exe" if smoke.WINDOWS else "bin/python")
    if not archive.is_file():
        print(f"no {archive.relative_to(ROOT)}: run python3 packaging/build.py first", file=sys.stderr)
        return 2
    if not smoke.xvfb_available():
        print("needs Xvfb, xclip and xdotool", file=sys.stderr)
        return 2
    print(f"machine: {machine.describe()}; reference loop {machine.reference_s():.2f} s (about 1.0 s when quiet)", flush=True)
    with tempfile.TemporaryDirectory(prefix="kefu-bench-start-") as tmp:
        tmp = Path(tmp)
        smoke.unpack(archive, tmp / "unpacked")
        folder = tmp / "unpacked" / name
        exe = folder / ("kefu-assist.exe" if smoke.WINDOWS else "kefu-assist")
        bare = tmp / "bare" / name  # the same bundle without its shipped index
        shutil.copytree(folder, bare, symlinks=True)
        shutil.rmtree(bare.joinpath("_internal", *launcher.SHIPPED_INDEX))
        xvfb, display = smoke.start_xvfb()
        try:
            cold, warm = smoke.startups([str(exe)], tmp / "frozen", args.runs, display=display)
            bare_cold, _ = smoke.startups([str(bare / exe.name)], tmp / "bare-runs", args.baseline_runs, display=display, warm_runs=0)
            source_cold, source_warm = smoke.startups([str(python), "-m", "kefu_assist"], tmp / "source", args.baseline_runs, display=display)
        finally:
            xvfb.terminate()
            xvfb.wait(timeout=10)
    print(f"machine: reference loop {machine.reference_s():.2f} s after the runs", flush=True)
    print("seconds from spawning the program (Xvfb); median and max")
    print("  " + smoke.summary("frozen, cold: empty settings and cache", cold))
    print("  " + smoke.summary("frozen, warm", warm))
    print("  " + smoke.summary("baseline: frozen without the shipped index, cold (trains in-process)", bare_cold))
    print("  " + smoke.summary("baseline: from source, cold (trains in a child)", source_cold))
    print("  " + smoke.summary("baseline: from source, warm", source_warm))
    worst = max(run["shown"] for run in cold + warm), max(run["confident"] for run in cold + warm)
    met = worst[0] <= TARGET_SHOWN and worst[1] <= TARGET_CONFIDENT
    print(f"targets: shown <= {TARGET_SHOWN} s, confident <= {TARGET_CONFIDENT} s; worst frozen run {worst[0]:.3f} s / {worst[1]:.3f} s: {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
