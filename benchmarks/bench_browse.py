"""浏览全部 keystroke in the sidebar (issue 11): the browse panel's refresh slot -- search, build the
list rows (marked titles), select the first row and fill the preview card -- at 10,000 scripts.

Beside it, timed in the same run on the same panel and queries: the baseline, the plain filter
the sidebar used before (``AssistService.browse()``, which normalises every script on every
keystroke; the panel still falls back to it in the second or two before the index is built).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_browse.py [--scripts 10000]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import genlib  # noqa: E402
import machine  # noqa: E402

# what an agent types, one keystroke at a time (Chinese as an input method commits it)
KEYSTROKES = ["b", "ba", "bao", "baoy", "baoyou", "f", "fp", "包", "包邮", "发票", "退货运费", "七天无理由", "没有这个", "x", "xy", "xyz"]


def run(path: Path, rounds: int) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from kefu_assist.service import AssistService
    from kefu_assist.ui.browse_panel import BrowsePanel
    from kefu_assist.ui.compiled.main_window_ui import Ui_SidebarView
    from kefu_assist.ui.favourites import Favourites
    from kefu_assist.ui.library_ctl import LibraryController

    app = QApplication.instance() or QApplication([])
    host = QWidget()
    ui = Ui_SidebarView()
    ui.setupUi(host)
    host.resize(360, 760)
    host.show()
    service = AssistService()
    t = time.perf_counter()
    service.load(path)
    print(f"library: {len(service.library.scripts)} scripts, loaded in {time.perf_counter() - t:.2f} s")
    lib = LibraryController(ui, service, path)
    panel = BrowsePanel(ui, lib, Favourites())
    panel.library_changed()
    t = time.perf_counter()
    index = service.search_index()
    print(f"index build (once per library load, on a worker): {time.perf_counter() - t:.2f} s")

    def keystrokes(label: str, with_index: bool) -> list[float]:
        lib.index = index if with_index else None
        times, painted = [], []
        for _ in range(rounds):
            for text in KEYSTROKES:
                ui.searchEdit.blockSignals(True)
                ui.searchEdit.setText(text)
                ui.searchEdit.blockSignals(False)
                t = time.perf_counter()
                panel.refresh()
                times.append((time.perf_counter() - t) * 1000)
                host.repaint()  # and the list painted (the marked rows are worked out here)
                app.processEvents()
                painted.append((time.perf_counter() - t) * 1000)
        for name, xs in ((label, times), ("  with the window painted", painted)):
            q = statistics.quantiles(xs, n=20)
            print(f"{name:<42} median {statistics.median(xs):7.1f} ms   p95 {q[18]:7.1f} ms   max {max(xs):7.1f} ms   ({len(xs)} keystrokes)")
        return times

    keystrokes("baseline: plain filter (old browse())", False)
    keystrokes("search index + list + preview", True)
    host.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scripts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(machine.describe())
    print(f"reference loop: {machine.reference_s():.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        run(genlib.write(Path(tmp) / "lib.yaml", args.scripts, 5), args.rounds)
    print(f"reference loop: {machine.reference_s():.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
