"""The script editor's worker operations (ui/editor/ops.py), each beside its plain baseline timed
in the same run:

- live lint of one edited script (library copied, the edit spliced in, the copy loaded and the
  script's replies checked), with the writer run on the whole file and on the script's own
  lines, against `kefu-assist lint`'s own work on the unedited library (load_library + every
  reply checked), and the save itself (script_writer on the whole file);
- the 试一试 matcher over the edited library against build_matcher on the unedited one.

    .venv/bin/python benchmarks/bench_editor.py [--scripts 10000] [--rounds 3] [--no-trial]

The live lint runs on a worker 400 ms after the last keystroke; these figures say how long the
team lead waits for the list to update after pausing."""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import genlib  # noqa: E402
import machine  # noqa: E402


def timed(fn, rounds: int) -> float:
    out = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def run(label: str, path: Path, rounds: int, trial: bool) -> None:
    from kefu_assist.checker import load_checker
    from kefu_assist.checker.lint import lint_replies
    from kefu_assist.library import load_library
    from kefu_assist.library.writer import script_fields, update_script
    from kefu_assist.matching.matcher import build_matcher
    from kefu_assist.ui.editor import ops

    loaded = ops.load(path)
    library = loaded.library
    assert library is not None
    script = library.scripts[len(library.scripts) // 2]
    fields = script_fields(script)
    fields["examples"] = [*fields.get("examples", []), "这个周末能送到吗"]
    checker, _ = load_checker(path)

    def baseline_lint() -> None:
        result = load_library(path)
        assert result.library is not None
        lint_replies(result.library, checker)

    base = timed(baseline_lint, rounds)
    whole = timed(lambda: ops.lint_edit(path, script.id, fields, loaded.checker), rounds)
    live = timed(lambda: ops.lint_edit(path, script.id, fields, loaded.checker, library), rounds)

    def save() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / path.name
            shutil.copyfile(path, copy)
            update_script(copy, script.id, fields)

    saved = timed(save, 1)
    print(f"{label}: {len(library.scripts):,} scripts")
    print(f"  kefu-assist lint's work (load + every reply checked): {base:.3f} s")
    print(f"  live lint, the writer on the whole copied file (first version): {whole:.3f} s")
    print(f"  live lint, the writer on the script's own lines (ops.edited_text): {live:.3f} s")
    print(f"  保存 (script_writer.update_script on the whole file, on a worker): {saved:.3f} s")
    if trial:
        plain = timed(lambda: build_matcher(library, background_training=True).wait_trained(300), 1)
        tried = timed(lambda: ops.trial_matcher(library, script.id, fields), 1)
        print(f"  build_matcher on the saved library (trained in a child): {plain:.3f} s")
        print(f"  试一试 matcher on the edited library: {tried:.3f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scripts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-trial", action="store_true", help="skip the matcher builds of the large library")
    args = parser.parse_args()
    print(machine.describe())
    print(f"reference loop: {machine.reference_s():.2f} s")
    run("shipped library", ROOT / "resources" / "scripts.yaml", args.rounds, True)
    with tempfile.TemporaryDirectory() as tmp:
        run("generated library", genlib.write(Path(tmp) / "lib.yaml", args.scripts, 5), args.rounds, not args.no_trial)
    print(f"reference loop: {machine.reference_s():.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
