"""Render 待处理 (the review queue) to a PNG, as a team lead sees it (run it under Xvfb with a CJK
font for the README: `xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python
scripts/screenshot_review.py docs/screenshot-review.png`); a second argument ``learned`` shows a
learned example selected instead of the most asked unmatched question.

A copy of the shipped library and a fresh SQLite store, filled the way the sidebar fills them:
each question is suggested for, reported unmatched when nothing is confident, and some are
copied by two agents from a card other than a confident first one (learned examples)."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (agent, question, copied card or None): questions of our own, never from the shared sets
ASKED = [
    ("小美", "能寄到南极科考站吗", None), ("小王", "能寄到南极科考站吗", None), ("小李", "能寄到南极科考站吗？", None),
    ("小美", "你们仓库在哪个城市", None), ("小王", "你们仓库在哪个城市", None),
    ("小美", "直播间说的赠品怎么没有", 2), ("小王", "直播间说的赠品怎么没有", 2),
    ("小美", "买两件能不能再送个袋子", 1),
    ("小李", "宠物会不会咬坏", None),
]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshot-review.png")
    kind = sys.argv[2] if len(sys.argv) > 2 else "unmatched"
    home = Path(tempfile.mkdtemp(prefix="kefu-shot-"))
    for name in ("DATA", "CONFIG", "CACHE"):
        os.environ[f"KEFU_ASSIST_{name}_DIR"] = str(home / name.lower())
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kefu_assist.service import AssistService, CopyEvent
    from kefu_assist.store.recorder import Recorder
    from kefu_assist.ui import theme
    from kefu_assist.ui.review_window import review_window

    app = QApplication.instance() or QApplication([])
    library = home / "library"
    library.mkdir()
    shutil.copy(ROOT / "resources" / "scripts.yaml", library / "scripts.yaml")
    service = AssistService()
    service.load(library)
    recorder = Recorder(f"sqlite:///{home / 'usage.sqlite3'}", spool_root=home / "spool")
    service.recorder = recorder
    for agent, question, rank in ASKED:
        service.agent = agent
        views = service.suggest(question)
        if not any(v.suggestion.confident for v in views):
            service.unmatched(question)
        if rank is not None and len(views) >= rank:
            v = views[rank - 1]
            service.copied(CopyEvent(v.script.id, v.script.category, 0, rank, v.suggestion.score, question, 5.0, v.suggestion.confident))
    recorder.flush(30)
    window = review_window(lambda: service, lambda: recorder.engine(5), library_path=lambda: library)
    window.setStyleSheet(theme.stylesheet("light") + "\nQWidget { font-size: 10pt; }")
    window.resize(980, 600)
    window.show()
    panel = window.panel

    def pick() -> None:
        chosen = [i for i in panel.items if i.kind == kind]
        if chosen:
            panel.select(chosen[0])

    def shoot() -> None:
        if panel.guesses and kind == "unmatched":
            panel.choose_guess(1)
        window.grab().save(str(out))
        app.quit()

    panel.loaded.connect(lambda _n: QTimer.singleShot(0, pick))
    QTimer.singleShot(4000, shoot)
    app.exec()
    recorder.close()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
