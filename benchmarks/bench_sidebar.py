"""Sidebar figures (issue 3): start-up, keystroke-to-suggestions, memory.

    python benchmarks/bench_sidebar.py [--library PATH] [--runs N]

- start-up: the real program in a subprocess (offscreen platform), timed from just before the
  process is spawned to the "shown" and "ready" milestones it prints with
  KEFU_ASSIST_TRACE_STARTUP=1; max RSS is read from /proc once it is ready and has answered.
- keystroke: the window's update slot (suggest + fill the cards), debounce aside, over ~200
  realistic buyer messages (the shared eval questions and their typing prefixes).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO.parent / "shared" / "eval"


def default_library() -> Path:
    shipped = REPO / "resources" / "scripts.yaml"
    return shipped if shipped.is_file() else REPO / "tests" / "ui" / "fixture_library.yaml"


def isolated_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        KEFU_ASSIST_TRACE_STARTUP="1",
        KEFU_ASSIST_CONFIG_DIR=str(tmp / "config"),
        KEFU_ASSIST_DATA_DIR=str(tmp / "data"),
        KEFU_ASSIST_CACHE_DIR=str(tmp / "cache"),
    )
    return env


def vm_hwm_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def startup_once(library: Path, tmp: Path) -> dict[str, float]:
    log = tmp / "trace.txt"
    with log.open("w") as err:
        t0 = time.time()
        proc = subprocess.Popen([sys.executable, "-m", "kefu_assist", "--library", str(library)], env=isolated_env(tmp), stdout=subprocess.DEVNULL, stderr=err)
    try:
        events: dict[str, float] = {}
        deadline = time.monotonic() + 60
        while "ready" not in events and time.monotonic() < deadline:
            time.sleep(0.01)
            for line in log.read_text().splitlines():
                parts = line.split()
                if len(parts) >= 3 and parts[0] == "kefu-assist-trace":
                    events[parts[1]] = float(parts[2]) - t0
            if proc.poll() is not None:
                raise SystemExit(f"the sidebar exited early:\n{log.read_text()}")
        time.sleep(1.0)  # let it settle (idle timers, first paint done)
        events["rss_mb"] = vm_hwm_kb(proc.pid) / 1024 if Path(f"/proc/{proc.pid}").exists() else float("nan")
        return events
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def messages() -> list[str]:
    questions: list[str] = []
    for name in ("dev_questions.tsv", "seed_questions.tsv"):
        path = SHARED_EVAL / name
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line and not line.startswith("#") and "\t" in line:
                    questions.append(line.split("\t", 1)[1])
    if not questions:
        questions = ["在吗", "能便宜点吗？包邮吗？", "什么时候发货", "物流怎么不动了", "能开发票吗"] * 20
    out = list(questions)
    for q in questions:  # what the box holds while a message is being typed
        if len(q) >= 4:
            out.append(q[: len(q) // 2])
    return out[:220] if len(out) >= 200 else out


def keystroke(library: Path) -> list[float]:
    tmp = Path(tempfile.mkdtemp(prefix="kefu-bench-"))
    for k, v in isolated_env(tmp).items():
        os.environ[k] = v
    sys.path.insert(0, str(REPO / "src"))
    from PySide6.QtWidgets import QApplication

    from kefu_assist.service import AssistService
    from kefu_assist.ui.main_window import MainWindow
    from kefu_assist.ui.settings import open_settings

    app = QApplication.instance() or QApplication([])
    service = AssistService()
    window = MainWindow(service, open_settings(), library)
    window.show()
    result = service.load(library)
    if result.library is None:
        raise SystemExit(f"library does not load: {result.problems[:3]}")
    window.refresh_all()
    app.processEvents()
    times = []
    for text in messages():
        window.messageEdit.blockSignals(True)
        window.messageEdit.setPlainText(text)
        window.messageEdit.blockSignals(False)
        t = time.perf_counter()
        window.update_suggestions()
        times.append((time.perf_counter() - t) * 1000)
        app.processEvents()  # layout and paint happen here, outside the slot
    window.close()
    return times


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--library", type=Path, default=default_library())
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"library: {args.library}")
    runs = []
    for i in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="kefu-bench-") as tmp:
            runs.append(startup_once(args.library, Path(tmp)))
    for key, label, target in (("shown", "window shown", "<= 0.5 s"), ("ready", "first suggestion possible", "<= 1.5 s")):
        vals = [r[key] for r in runs]
        print(f"{label:28s} median {statistics.median(vals):.3f} s  (runs: {', '.join(f'{v:.3f}' for v in vals)})  target {target}")
    rss = [r["rss_mb"] for r in runs]
    print(f"{'max RSS after ready':28s} {max(rss):.0f} MB  target <= 300 MB")
    times = keystroke(args.library)
    print(f"{'keystroke -> suggestions':28s} p50 {pct(times, 50):.2f} ms  p99 {pct(times, 99):.2f} ms  max {max(times):.2f} ms  over {len(times)} messages  target p99 <= 50 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
