"""Render the script editor (编辑话术) to a PNG for the README, as a team lead sees it mid-edit: a
script picked, a new buyer question added as an example, a reply variant that breaks a rule
(highlighted and explained, and in the lint list) and 试一试 answered with the unsaved library.
Run it under Xvfb with a CJK font:

    xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python scripts/screenshot_editor.py docs/screenshot-editor.png

The shipped library is copied to a temporary folder first: nothing is saved anywhere."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = "shipping_fee.free"
EXAMPLE = "你们家发货包不包邮费"
BAD_VARIANT = "亲，运费的事可以加微信详细聊，给您最低价～"
QUESTION = "发货包不包邮费呀"


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshot-editor.png")
    home = Path(tempfile.mkdtemp(prefix="kefu-shot-"))
    for name in ("DATA", "CONFIG", "CACHE"):
        os.environ[f"KEFU_ASSIST_{name}_DIR"] = str(home / name.lower())
    library = home / "话术库" / "scripts.yaml"
    library.parent.mkdir()
    shutil.copy(ROOT / "resources" / "scripts.yaml", library)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kefu_assist.ui.editor.window import EditorWindow

    app = QApplication.instance() or QApplication([])
    editor = EditorWindow(library)
    editor.resize(1240, 860)
    editor.show()
    state = {"step": 0}

    def edit(_loaded: object) -> None:
        if state["step"]:
            return
        state["step"] = 1
        script_id = SCRIPT if editor.library is not None and editor.library.get(SCRIPT) else editor.library.scripts[3].id  # type: ignore[union-attr]
        editor.select_script(script_id)
        ui = editor.ui
        ui.examplesEdit.setPlainText(ui.examplesEdit.toPlainText() + "\n" + EXAMPLE)
        editor.form.add_reply(BAD_VARIANT, focus=True)
        editor.form.check_replies()
        ui.tryEdit.setText(QUESTION)
        editor.trial.run()

    def shoot(_suggestions: object) -> None:
        QTimer.singleShot(1500, lambda: (editor.grab().save(str(out)), app.quit()))

    editor.libraryLoaded.connect(edit)
    editor.trial.shown.connect(shoot)
    QTimer.singleShot(60000, app.quit)  # never hang a build
    app.exec()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
