"""浏览全部 keystroke in the sidebar (issue 11): the browse panel's refresh slot -- search, build the
list rows (marked titles), select the first row and fill the preview card -- at 10,000 scripts.

Beside it, timed in the same run on the same panel and queries: the baseline, the plain filter
the sidebar used before (``AssistService.browse()``, which normalises every script on every
keystroke; the panel still falls back to it in the second or two before the index is built).
``--old COMMIT`` also times the search index and browse panel as they were at that commit (their
two modules read from git, the rest of the program today's), keystroke rounds alternated with
today's so that both see the same load.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_browse.py [--scripts 10000] [--old COMMIT]
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
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


def load_old(commit: str, module: str):
    """``kefu_assist.<module>`` as it was at ``commit``, beside today's (same package, new name)."""
    rel = "src/kefu_assist/" + module.replace(".", "/") + ".py"
    source = subprocess.run(["git", "show", f"{commit}:{rel}"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    name = f"kefu_assist.{module}_at_{commit[:7]}"
    spec = importlib.util.spec_from_loader(name, loader=None)
    assert spec is not None
    mod = importlib.util.module_from_spec(spec)
    mod.__package__ = f"kefu_assist.{module.rpartition('.')[0]}"
    sys.modules[name] = mod  # dataclasses look their module up
    exec(compile(source, f"{rel}@{commit[:7]}", "exec"), mod.__dict__)
    return mod


def summary(name: str, xs: list[float]) -> str:
    q = statistics.quantiles(xs, n=20)
    return f"{name:<46} median {statistics.median(xs):7.1f} ms   p95 {q[18]:7.1f} ms   max {max(xs):7.1f} ms   ({len(xs)} keystrokes)"


def run(path: Path, rounds: int, old: str | None) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from kefu_assist.library import search
    from kefu_assist.library.search import SearchIndex
    from kefu_assist.service import AssistService
    from kefu_assist.ui.browse_panel import TAB, BrowsePanel
    from kefu_assist.ui.compiled.main_window_ui import Ui_SidebarView
    from kefu_assist.ui.favourites import Favourites
    from kefu_assist.ui.library_ctl import LibraryController

    app = QApplication.instance() or QApplication([])
    service = AssistService()
    t = time.perf_counter()
    service.load(path)
    print(f"library: {len(service.library.scripts)} scripts, loaded in {time.perf_counter() - t:.2f} s")

    def sidebar(panel_class, index):
        host = QWidget()
        ui = Ui_SidebarView()
        ui.setupUi(host)
        host.resize(360, 760)
        ui.tabs.setCurrentIndex(TAB)  # 浏览全部 shown: the repaint paints its list (and marks its rows)
        host.show()
        lib = LibraryController(ui, service, path)
        panel = panel_class(ui, lib, Favourites())
        panel.library_changed()
        return host, ui, lib, panel, index

    def build(cls, label: str):
        t = time.perf_counter()
        index = cls(service.library)
        print(f"index build ({label}, once per library load, on a worker): {time.perf_counter() - t:.2f} s")
        return index

    # pypinyin's dictionaries and the per-character readings are loaded once a process: a first
    # build, not timed, pays for them, so that each timed build pays for its own work only
    SearchIndex(service.library)
    search._pinyin_strings.cache_clear()
    classes = {"today": SearchIndex}
    if old:
        old_search, old_panel = load_old(old, "library.search"), load_old(old, "ui.browse_panel")
        classes = {old[:7]: old_search.SearchIndex, **classes}
    indexes = {}
    for _ in range(2):  # alternated, twice each
        for label, cls in classes.items():
            indexes[label] = build(cls, label)
        for cache in (sys.modules[cls.__module__]._pinyin_strings for cls in classes.values()):
            cache.cache_clear()
    setups = {"search index + list + preview": sidebar(BrowsePanel, indexes["today"])}
    if old:
        setups = {f"before ({old[:7]}): index + list + preview": sidebar(old_panel.BrowsePanel, indexes[old[:7]]), **setups}

    def keystrokes(setup, with_index: bool, times: list[float], painted: list[float]) -> None:
        host, ui, lib, panel, index = setup
        lib.index = index if with_index else None
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

    base: tuple[list[float], list[float]] = ([], [])
    baseline_setup = setups["search index + list + preview"]
    for _ in range(rounds):
        keystrokes(baseline_setup, False, *base)
    print(summary("baseline: plain filter (old browse())", base[0]))
    print(summary("  with the window painted", base[1]))
    results: dict[str, tuple[list[float], list[float]]] = {label: ([], []) for label in setups}
    for _ in range(rounds):  # alternated: each round of keystrokes once per setup
        for label, setup in setups.items():
            keystrokes(setup, True, *results[label])
    for label, (times, painted) in results.items():
        print(summary(label, times))
        print(summary("  with the window painted", painted))
    for host, *_ in setups.values():
        host.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scripts", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--old", help="also time the search index and browse panel as they were at this commit")
    args = parser.parse_args()
    print(machine.describe())
    print(f"reference loop: {machine.reference_s():.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        run(genlib.write(Path(tmp) / "lib.yaml", args.scripts, 5), args.rounds, args.old)
    print(f"reference loop: {machine.reference_s():.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
