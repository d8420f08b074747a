"""A team lead's whole round, end to end: the real program (``python -m kefu_assist --library
FOLDER``, its own config/data/cache folders and a SQLite usage database) under Xvfb with openbox,
driven by real key presses and clicks (xdotool) and the clipboard (xclip):

1. a library folder with one small file, and a Qianniu export (GBK, a multi-line quoted phrase,
   a group that names a scenario, 发货, and one that does not, 店铺活动);
2. Ctrl+E → 导入千牛短语… → the open dialog (the path typed) → the save dialog (its offer taken)
   → the phrases are scripts in the editor's list;
3. the 店铺活动 phrase found by its 快捷编码 in the search box, its 分类 set to promotion, Ctrl+S;
4. an agent pastes a buyer question nothing answers into the sidebar (it is recorded as
   unmatched, in the SQLite database);
5. the 待处理 tab, the question, 加为例句 to the script the team lead searched for;
6. 导出千牛短语… → the save dialog (the path typed) → a CSV.

Then the files: the YAML changed by exactly what the steps did (a .bak each write), the CSV is
GBK with the header and every phrase and code, and import → export → import loses nothing.

Clicks go to positions in the editor window (its size is fixed by the window, 1100×780, and it is
moved to the screen's corner first); every click is followed by a wait for its effect on the
files or the window title, so a moved button fails loudly, not silently. Qt's own file dialogs
(no platform theme under openbox) take a typed path in their file-name box, which has the focus.

Every step's screenshot goes to the test's own folder (``shots/``); the two the README shows
(the import's report, the 待处理 tab) are also copied to ``$KEFU_ASSIST_FLOW_SHOTS`` when set:
``KEFU_ASSIST_FLOW_SHOTS=docs python3 tasks.py test tests/ui/editor/test_team_lead_flow_xvfb.py``."""

from __future__ import annotations

import csv
import difflib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from kefu_assist.library import qianniu, qianniu_csv
from kefu_assist.library.categories import CATEGORIES
from kefu_assist.library.loader import load_library

from ..xdesktop import desktop, wait, x

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

TOOLS = ("Xvfb", "openbox", "xdotool", "xclip", "xprop", "import")

SHOP = """\
version: 1
# 本店自己写的话术（手工维护）
scripts:
  - id: greeting.hi
    category: greeting
    title: 打招呼
    examples:
      - 在吗
    replies:
      - 亲，您好～有什么可以帮您？
"""

HEADER = "快捷短语编码,快捷短语,快捷短语分组"
PHRASES = [  # code, phrase, group
    ("fhsj", "亲，付款后48小时内发货，\n节假日顺延一天哦～", "发货"),
    ("mjhd", "亲，本店满199减20，\n可以和店铺券叠加使用～", "店铺活动"),
    ("hyjf", "亲，会员积分可以在店铺首页兑换小礼品哦～", "店铺活动"),
    ("xx", "亲，感谢您的支持，欢迎下次光临～", ""),
]
FIXED_CODE, FIXED_TO = "mjhd", "promotion"  # the phrase whose group did not map, and its fix
QUESTION = "满两百减二十能跟优惠券一起用吗"  # an agent's buyer question nothing confident answers

# the screenshots the README shows (the others stay in the test's own folder)
KEPT = {"step2-imported.png": "screenshot-editor-import.png", "step5-review.png": "screenshot-review-tab.png"}

# positions in the editor window (1100×780, relative to its top-left corner)
BANNER_CLOSE = (1068, 25)
TAB_EDITOR = (46, 18)
TAB_REVIEW = (116, 20)
TREE_SECOND_ROW = (120, 131)
CATEGORY = (720, 108)
IMPORT = (80, 761)
EXPORT = (228, 761)
REVIEW_FIRST_ITEM = (200, 130)
REVIEW_SCRIPT_SEARCH = (740, 333)
REVIEW_ADD = (1036, 333)


def _csv_bytes() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER.split(","))
    writer.writerows(PHRASES)
    return out.getvalue().encode("gbk")


def _phrases(path: Path) -> list[tuple[str, str, str]]:
    result = qianniu_csv.read_file(path)
    return [(p.code, p.text, p.group) for p in result.phrases]


def test_team_lead_imports_fixes_reviews_and_exports(tmp_path):
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install xvfb openbox xdotool xclip x11-utils imagemagick)")
    shots_dir = tmp_path / "shots"
    shots_dir.mkdir()
    keep = Path(os.environ["KEFU_ASSIST_FLOW_SHOTS"]).resolve() if os.environ.get("KEFU_ASSIST_FLOW_SHOTS") else None
    folder = tmp_path / "lib"
    folder.mkdir()
    shop = folder / "shop.yaml"
    shop.write_text(SHOP, encoding="utf-8")
    source = tmp_path / "export from qianniu.csv"
    source.write_bytes(_csv_bytes())
    exported = tmp_path / "back-to-qianniu.csv"
    database = tmp_path / "usage.db"

    with desktop(window_manager=True) as display:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "KEFU_ASSIST_DB")}
        env.update(
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            KEFU_ASSIST_TRACE_STARTUP="1",
            # a fatal signal prints every thread's Python stack into the log below (the program
            # once died of SIGBUS here: Qt's stock file dialog, listing this folder, had opened the
            # database's files and so dropped the program's SQLite locks; see ui/file_dialogs.py)
            PYTHONFAULTHANDLER="1",
            KEFU_ASSIST_DB=f"sqlite:///{database}",
            KEFU_ASSIST_CONFIG_DIR=str(tmp_path / "config"),
            KEFU_ASSIST_DATA_DIR=str(tmp_path / "data"),
            KEFU_ASSIST_CACHE_DIR=str(tmp_path / "cache"),
        )
        log = tmp_path / "stderr.txt"
        with log.open("w") as err:
            app = subprocess.Popen(
                [sys.executable, "-m", "kefu_assist", "--library", str(folder)], env=env, stdout=subprocess.DEVNULL, stderr=err
            )

        def alive() -> bool:
            """False while the program runs (so ``alive() or condition`` waits on the condition)."""
            if app.poll() is not None:
                raise AssertionError(f"the program exited with {app.returncode}:\n{log.read_text()}")
            return False

        def key(*keys: str) -> None:
            for k in keys:
                x(display, "xdotool", "key", "--clearmodifiers", k)
                time.sleep(0.3)  # Qt and the window manager handle one key before the next

        def type_text(text: str) -> None:  # ASCII only (paths, codes)
            x(display, "xdotool", "type", "--delay", "30", text)

        def paste(text: str) -> None:  # Chinese goes through the clipboard, as agents paste it
            subprocess.run(
                ["xclip", "-selection", "clipboard", "-i"],
                env={**os.environ, "DISPLAY": display},
                input=text,
                text=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=20,
                check=True,
            )
            key("ctrl+v")

        def click(window: str, at: tuple[int, int]) -> None:
            x(display, "xdotool", "mousemove", "--window", window, str(at[0]), str(at[1]))
            x(display, "xdotool", "click", "1")
            time.sleep(0.3)

        def find(name: str, timeout: float = 20) -> str:
            return wait(
                lambda: alive() or x(display, "xdotool", "search", "--onlyvisible", "--name", name, check=False).stdout.split(),
                timeout,
                f"a window named {name}",
            )[-1]

        def gone(name: str) -> None:
            wait(
                lambda: not x(display, "xdotool", "search", "--onlyvisible", "--name", name, check=False).stdout.split(),
                20,
                f"the window {name} to close",
            )

        def shot(name: str) -> Path:
            path = shots_dir / name
            x(display, "import", "-window", "root", str(path))
            if keep is not None and name in KEPT:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, keep / KEPT[name])
            return path

        def dialog_path(title: str, path: Path | None) -> None:
            """Qt's file dialog titled ``title``: type ``path`` into its file-name box (or take
            what it offers) and press Enter."""
            dialog = find(title)
            x(display, "xdotool", "windowactivate", "--sync", dialog, check=False)
            time.sleep(0.5)
            if path is not None:
                key("ctrl+a")
                type_text(str(path))
                time.sleep(0.3)
            key("Return")
            gone(title)

        try:
            wait(lambda: alive() or "kefu-assist-trace ready" in log.read_text(), 90, "the sidebar to load its library")
            sidebar = find("kefu-assist")
            x(display, "xdotool", "windowactivate", "--sync", sidebar, check=False)
            key("ctrl+e")
            editor = find("编辑话术")
            x(display, "xdotool", "windowmove", "--sync", editor, "0", "0", check=False)
            x(display, "xdotool", "windowactivate", "--sync", editor, check=False)
            time.sleep(1.5)
            shot("step1-editor.png")

            # 2) import
            click(editor, IMPORT)
            dialog_path("导入千牛快捷短语", source)
            dialog_path("导入为话术文件", None)  # the offer: a new file in the library folder, named after the CSV
            imported = folder / f"{source.stem}.yaml"
            wait(lambda: alive() or imported.exists(), 30, "the imported library file")
            time.sleep(2)
            shot("step2-imported.png")
            click(editor, BANNER_CLOSE)

            # 3) the phrase of 店铺活动 found by its code, its category fixed
            key("ctrl+f")
            type_text(FIXED_CODE)
            time.sleep(1)
            click(editor, TREE_SECOND_ROW)
            library = load_library(folder).library
            assert library is not None
            categories = list(library.categories)
            script = next(s for s in library.scripts if s.code == FIXED_CODE)
            assert script.category not in CATEGORIES and FIXED_TO in categories  # 店铺活动 named no scenario
            imported_before = imported.read_text(encoding="utf-8")
            click(editor, CATEGORY)  # the list opens on the current one
            time.sleep(0.5)
            key("Home", *["Down"] * categories.index(FIXED_TO), "Return")
            shot("step3-category.png")
            key("ctrl+s")
            wait(lambda: alive() or (folder / f"{imported.name}.bak").exists(), 30, "the save of the fixed category")
            time.sleep(1)
            shot("step3-saved.png")

            # 4) an agent pastes a question nothing answers
            x(display, "xdotool", "windowactivate", "--sync", sidebar, check=False)
            time.sleep(0.5)
            paste(QUESTION)
            time.sleep(1)
            shot("step4-sidebar.png")

            def recorded() -> bool:
                alive()
                if not database.exists():
                    return False
                with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:  # read-only: never checkpoints or removes the program's WAL
                    try:
                        return bool(db.execute("select count(*) from unmatched_events").fetchone()[0])
                    except sqlite3.OperationalError:  # not created yet
                        return False

            wait(recorded, 60, "the unmatched question in the usage database")

            # 5) 待处理 → the question → 加为例句
            x(display, "xdotool", "windowactivate", "--sync", editor, check=False)
            click(editor, TAB_REVIEW)
            key("F5")
            time.sleep(2)
            click(editor, REVIEW_FIRST_ITEM)
            click(editor, REVIEW_SCRIPT_SEARCH)
            type_text(FIXED_CODE)
            time.sleep(1)
            shot("step5-review-search.png")
            key("Down", "Return")  # the completion's first (only) row
            time.sleep(0.5)
            shot("step5-review.png")
            click(editor, REVIEW_ADD)
            wait(
                lambda: alive() or QUESTION in imported.read_text(encoding="utf-8"),
                30,
                "the example written into the imported file",
            )
            time.sleep(1)
            shot("step5-added.png")

            # 6) export
            click(editor, TAB_EDITOR)
            click(editor, EXPORT)
            dialog_path("导出千牛快捷短语", exported)
            wait(lambda: alive() or exported.exists(), 30, "the exported CSV")
            time.sleep(1)
            shot("step6-exported.png")
            alive()
        finally:
            app.terminate()
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()

    # the files: the hand-written one untouched, the imported one changed by exactly the two steps
    assert shop.read_text(encoding="utf-8") == SHOP and not (folder / "shop.yaml.bak").exists()
    after = imported.read_text(encoding="utf-8")
    changes = [
        line
        for line in difflib.unified_diff(imported_before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changes == [f"-  category: {script.category}", f"+  category: {FIXED_TO}", f"+  examples: [{QUESTION}]"], changes
    # the .bak is the file before the last write (the category fixed, no example yet)
    assert (folder / f"{imported.name}.bak").read_text(encoding="utf-8") == imported_before.replace(
        f"  category: {script.category}\n  title: {script.title}", f"  category: {FIXED_TO}\n  title: {script.title}", 1
    )
    final = load_library(folder).library
    assert final is not None
    fixed = final.get(script.id)
    assert fixed.category == FIXED_TO and QUESTION in fixed.examples

    # the export: GBK, the header, every phrase with its code; the fixed one under its new group
    raw = exported.read_bytes()
    text = raw.decode("gbk")
    assert text.splitlines()[0] == HEADER
    rows = _phrases(exported)
    by_code = {code: (phrase, group) for code, phrase, group in rows}
    for code, phrase, group in PHRASES:
        assert by_code[code][0] == phrase
        if code != FIXED_CODE:
            assert by_code[code][1] == group
    assert by_code[FIXED_CODE][1] == final.category_label(FIXED_TO)
    # the hand-written script, which had no code, goes out too (a code made from its title)
    (own,) = [row for row in rows if row[0] not in {code for code, _, _ in PHRASES}]
    assert own[1:] == ("亲，您好～有什么可以帮您？", "问候") and len(rows) == len(PHRASES) + 1
    # import → export → import loses nothing
    again = tmp_path / "again"
    again.mkdir()
    qianniu.import_file(exported, again / "again.yaml")
    round_trip = tmp_path / "again.csv"
    reloaded = load_library(again).library
    assert reloaded is not None
    round_trip.write_bytes(qianniu.library_to_phrases(reloaded).encode())
    assert _phrases(round_trip) == rows and round_trip.read_bytes() == raw
