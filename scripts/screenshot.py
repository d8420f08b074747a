"""Render the sidebar answering a question to a PNG, as it looks on a desktop (run it under Xvfb
with a CJK font for the README: `xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python
scripts/screenshot.py docs/screenshot.png`). A third argument ``browse`` shows 浏览全部 searching
for the second one instead (`... docs/screenshot-browse.png by browse`); ``check`` puts the second
one in the 检查 box as a reply to check (`... docs/screenshot-check.png 亲，… check`)."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshot.png")
    question = sys.argv[2] if len(sys.argv) > 2 else "能便宜点吗？包邮吗？"
    tab = sys.argv[3] if len(sys.argv) > 3 else "suggest"
    home = Path(tempfile.mkdtemp(prefix="kefu-shot-"))
    for name in ("DATA", "CONFIG", "CACHE"):
        os.environ[f"KEFU_ASSIST_{name}_DIR"] = str(home / name.lower())
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kefu_assist.service import AssistService
    from kefu_assist.ui.main_window import MainWindow
    from kefu_assist.ui.settings import open_settings

    app = QApplication.instance() or QApplication([])
    service = AssistService()
    library = ROOT / "resources" / "scripts.yaml"
    window = MainWindow(service, open_settings(), library)
    window.resize(360, 860)
    window.show()
    service.load(library)
    window.refresh_all()
    if tab == "browse":
        window.library.index = service.search_index()
        window.ui.tabs.setCurrentIndex(1)
        window.ui.searchEdit.setText(question)
    elif tab == "check":
        window.checker.set_text(question)
    else:
        window.ui.messageEdit.setPlainText(question)
        window.suggest.update()

    def shoot() -> None:
        window.grab().save(str(out))
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
