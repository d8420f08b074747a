"""The editor as a team lead uses it: pick a script, change it, see lint and the reply checker,
try it, save (only that script's lines change, a .bak is kept), add, delete, a refused save,
unsaved changes."""
from __future__ import annotations

import difflib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from kefu_assist.library import load_library

HERE = Path(__file__).resolve().parent


def pick(qtbot, editor, script_id: str) -> None:
    """Click the script in the tree."""
    tree = editor.ui.scriptTree
    item = editor.list._item(script_id)
    assert item is not None, editor.list.visible_ids()
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_into(qtbot, widget, text: str) -> None:
    """Type at the end of a line or text edit as the team lead does: Chinese arrives from the
    input method as committed text, a line break as the Enter key."""
    widget.setFocus()
    if hasattr(widget, "moveCursor"):
        widget.moveCursor(QTextCursor.MoveOperation.End)
    else:
        widget.end(False)
    for i, part in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if part:
            event = QInputMethodEvent()
            event.setCommitString(part)
            QApplication.sendEvent(widget, event)


def lint_text(editor) -> str:
    ui = editor.ui
    return "\n".join(ui.lintList.item(i).text() for i in range(ui.lintList.count()))


def wait_lint(qtbot, editor, needle: str, present: bool = True) -> None:
    qtbot.waitUntil(lambda: not editor.lint.pending and (needle in lint_text(editor)) == present, timeout=20000)


def changed_lines(before: str, after: str) -> list[int]:
    """1-based line numbers of ``before`` that the diff touches."""
    out = []
    for tag, a1, a2, _b1, _b2 in difflib.SequenceMatcher(None, before.splitlines(), after.splitlines()).get_opcodes():
        if tag != "equal":
            out += list(range(a1 + 1, max(a2, a1 + 1) + 1))
    return out


def script_span(path: Path, script_id: str) -> range:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {script_id}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("- id:") or lines[i].lstrip().startswith("#")), len(lines))
    return range(start + 1, end + 1)


def test_pick_change_an_example_see_lint_and_save_only_that_scripts_lines(qtbot, open_editor, commented):
    before = commented.read_text(encoding="utf-8")
    editor = open_editor(commented)
    pick(qtbot, editor, "bargain.price")
    assert editor.ui.titleEdit.text() == "价格说明"
    assert editor.ui.examplesEdit.toPlainText() == "能再便宜点吗\n可以打个折吗"
    wait_lint(qtbot, editor, "没有问题")
    # an example another category already has: lint says so with the line it will be saved at
    type_into(qtbot, editor.ui.examplesEdit, "\n在吗")
    assert editor.form.dirty and editor.ui.saveButton.isEnabled()
    wait_lint(qtbot, editor, "also an example of 'greeting.hi'")
    assert f"{commented}:19:" in lint_text(editor)
    # replaced by a good one: the warning goes away
    editor.ui.examplesEdit.setPlainText("能再便宜点吗\n可以打个折吗\n有没有优惠券")
    wait_lint(qtbot, editor, "also an example", present=False)
    assert "没有问题" in lint_text(editor)
    span = script_span(commented, "bargain.price")
    with qtbot.waitSignal(editor.librarySaved, timeout=20000) as saved:
        qtbot.mouseClick(editor.ui.saveButton, Qt.MouseButton.LeftButton)
    assert saved.args == [commented, "bargain.price"]
    after = commented.read_text(encoding="utf-8")
    assert changed_lines(before, after) and set(changed_lines(before, after)) <= set(span)
    assert "      - 有没有优惠券\n" in after  # the block list stays a block list
    assert (commented.parent / "scripts.yaml.bak").read_text(encoding="utf-8") == before
    assert load_library(commented).library.get("bargain.price").examples[-1] == "有没有优惠券"
    qtbot.waitUntil(lambda: not editor.form.dirty and "已保存" in editor.ui.stateLabel.text())


def test_a_reply_with_wechat_is_highlighted_and_explained(qtbot, open_editor, commented):
    editor = open_editor(commented)
    pick(qtbot, editor, "shipping_fee.free")
    edit = editor.form.editors[0]
    assert not editor.form.findings[0]
    type_into(qtbot, edit, "有问题加微信聊")
    qtbot.waitUntil(lambda: bool(editor.form.findings[0]), timeout=5000)
    finding = next(f for f in editor.form.findings[0] if "微信" in f.text)
    assert finding.blocking
    text = edit.toPlainText()
    assert "微信" in text[finding.start:finding.end]
    # the span is painted in the reply itself
    block = edit.document().findBlock(finding.start)
    formats = [r for r in block.layout().formats() if r.format.background().color().name() != "#000000"]
    assert any(r.start <= finding.start - block.position() < r.start + r.length for r in formats)
    assert any(r.format.underlineStyle() != r.format.underlineStyle().NoUnderline for r in formats)
    # and explained below, and marked on the variant's tab
    assert editor.ui.findingsLabel.isVisible()
    assert "说法 1 违规「" in editor.ui.findingsLabel.text() and "微信" in editor.ui.findingsLabel.text()
    assert editor.ui.replyTabs.tabText(0) == "说法 1（违规）"
    # lint (the same checks as kefu-assist lint) reports it as an error of the saved line
    wait_lint(qtbot, editor, "（off_platform）")
    assert "说法 1 违规「" in lint_text(editor)
    assert f"{commented}:36:" in lint_text(editor)


def test_try_it_shows_the_edited_script_first_before_saving(qtbot, open_editor, commented):
    before = commented.read_bytes()
    editor = open_editor(commented)
    pick(qtbot, editor, "small_talk.weather")
    question = "你养的小狗叫什么名字"
    editor.ui.tryEdit.setText(question)
    with qtbot.waitSignal(editor.trial.shown, timeout=60000) as unedited:
        qtbot.mouseClick(editor.ui.tryButton, Qt.MouseButton.LeftButton)
    assert not unedited.args[0] or unedited.args[0][0].script_id != "small_talk.weather" or not unedited.args[0][0].confident
    type_into(qtbot, editor.ui.examplesEdit, "\n你养的小狗叫什么")
    with qtbot.waitSignal(editor.trial.shown, timeout=60000) as edited:
        qtbot.mouseClick(editor.ui.tryButton, Qt.MouseButton.LeftButton)
    top = edited.args[0][0]
    assert top.script_id == "small_talk.weather"
    assert "正在编辑的话术" in editor.ui.tryResults.item(0).text()
    assert commented.read_bytes() == before  # nothing saved


def test_delete_asks_first_and_cuts_only_that_script(qtbot, open_editor, commented, answer):
    before = commented.read_text(encoding="utf-8")
    editor = open_editor(commented)
    pick(qtbot, editor, "bargain.price")
    asked = answer("No")
    qtbot.mouseClick(editor.ui.deleteButton, Qt.MouseButton.LeftButton)
    assert asked and "价格说明" in asked[0]
    assert commented.read_text(encoding="utf-8") == before
    answer("Yes")
    with qtbot.waitSignal(editor.librarySaved, timeout=20000):
        qtbot.mouseClick(editor.ui.deleteButton, Qt.MouseButton.LeftButton)
    after = commented.read_text(encoding="utf-8")
    assert "bargain.price" not in after and "价格说明" not in after
    assert "# 运费相关，别删这行注释" in after and "# —— 议价 ——" in after
    assert set(changed_lines(before, after)) <= set(script_span(commented.parent / "scripts.yaml.bak", "bargain.price"))
    qtbot.waitUntil(lambda: "bargain.price" not in editor.list.visible_ids() and editor.form.original_id == "shipping_fee.free", timeout=20000)


def test_add_a_new_script_in_a_category(qtbot, open_editor, commented):
    editor = open_editor(commented)
    ui = editor.ui
    ui.categoryFilter.setCurrentIndex(ui.categoryFilter.findData("bargain"))
    assert editor.list.visible_ids() == ["bargain.price"]
    qtbot.mouseClick(ui.addButton, Qt.MouseButton.LeftButton)
    assert ui.categoryCombo.currentData() == "bargain" and editor.form.original_id is None
    type_into(qtbot, ui.titleEdit, "学生优惠")
    assert ui.idEdit.text() == "bargain.xsyh"
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("greeting"))
    ui.categoryCombo.activated.emit(ui.categoryCombo.currentIndex())
    assert ui.idEdit.text() == "greeting.xsyh"
    ui.categoryCombo.setCurrentIndex(ui.categoryCombo.findData("bargain"))
    ui.categoryCombo.activated.emit(ui.categoryCombo.currentIndex())
    assert ui.idEdit.text() == "bargain.xsyh"
    assert any("学生优惠" in ui.scriptTree.currentItem().text(0) for _ in [0])
    type_into(qtbot, ui.examplesEdit, "学生有优惠吗\n学生党能便宜吗")
    type_into(qtbot, editor.form.editors[0], "亲，学生党下单备注学校，送一份文具小礼物～")
    with qtbot.waitSignal(editor.librarySaved, timeout=20000):
        qtbot.keyClick(ui.titleEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    library = load_library(commented).library
    ids = [s.id for s in library.scripts]
    assert ids[-1] == "bargain.xsyh" and len(ids) == 5  # appended to the file holding the category
    assert library.get("bargain.xsyh").examples == ("学生有优惠吗", "学生党能便宜吗")
    qtbot.waitUntil(lambda: editor.list.visible_ids() == ["bargain.price", "bargain.xsyh"], timeout=20000)
    assert not editor.form.dirty


def test_a_refused_save_shows_a_banner_and_leaves_the_file(qtbot, open_editor, tmp_path):
    path = tmp_path / "flow.yaml"
    path.write_bytes((HERE / "flow_library.yaml").read_bytes())
    before = path.read_bytes()
    editor = open_editor(path)
    pick(qtbot, editor, "bargain.price")
    type_into(qtbot, editor.ui.titleEdit, "（改）")
    with qtbot.waitSignal(editor.saveFailed, timeout=20000):
        qtbot.mouseClick(editor.ui.saveButton, Qt.MouseButton.LeftButton)
    assert editor.ui.banner.isVisible()
    assert "没有保存" in editor.ui.bannerLabel.text() and "[ ]" in editor.ui.bannerLabel.text()
    assert path.read_bytes() == before and not (tmp_path / "flow.yaml.bak").exists()
    assert editor.form.dirty and editor.ui.titleEdit.text() == "价格说明（改）"  # the edit is kept
    # live lint already said so before saving
    wait_lint(qtbot, editor, "[ ]")


def test_unsaved_changes_are_asked_about_before_switching_and_closing(qtbot, open_editor, commented, answer):
    before = commented.read_bytes()
    editor = open_editor(commented)
    pick(qtbot, editor, "greeting.hi")
    type_into(qtbot, editor.ui.titleEdit, "问好")
    asked = answer("Cancel")
    pick(qtbot, editor, "bargain.price")
    assert len(asked) == 1 and "未保存" in asked[0]
    assert editor.form.original_id == "greeting.hi" and editor.ui.titleEdit.text() == "打招呼问好"
    assert editor.ui.scriptTree.currentItem().data(0, Qt.ItemDataRole.UserRole) == "greeting.hi"
    editor.close()
    assert editor.isVisible() and len(asked) == 2
    answer("Discard")
    pick(qtbot, editor, "bargain.price")
    assert editor.form.original_id == "bargain.price" and commented.read_bytes() == before
    type_into(qtbot, editor.ui.titleEdit, "！")
    answer("Save")
    with qtbot.waitSignal(editor.librarySaved, timeout=20000):
        pick(qtbot, editor, "shipping_fee.free")
    qtbot.waitUntil(lambda: editor.form.original_id == "shipping_fee.free", timeout=20000)
    assert load_library(commented).library.get("bargain.price").title == "价格说明！"


def test_review_tab_mounts_and_selects_a_script(qtbot, open_editor, commented):
    from PySide6.QtWidgets import QLabel

    editor = open_editor(commented)
    index = editor.add_tab(QLabel("待处理"), "待处理")
    assert index == 1 and editor.ui.tabs.tabText(1) == "待处理"
    editor.ui.tabs.setCurrentIndex(1)
    assert editor.select_script("shipping_fee.free")
    assert editor.ui.tabs.currentIndex() == 0 and editor.ui.codeEdit.text() == "by"
    assert not editor.select_script("no.such")


def test_a_file_edited_by_hand_meanwhile_is_read_again_and_an_edit_in_progress_stays(qtbot, open_editor, commented):
    editor = open_editor(commented)
    pick(qtbot, editor, "greeting.hi")
    type_into(qtbot, editor.ui.titleEdit, "呀")
    text = commented.read_text(encoding="utf-8").replace("title: 包邮吗", "title: 包邮不包邮")
    with qtbot.waitSignal(editor.libraryLoaded, timeout=20000):
        commented.write_text(text, encoding="utf-8")
    assert editor.form.dirty and editor.ui.titleEdit.text() == "打招呼呀"
    with qtbot.waitSignal(editor.librarySaved, timeout=20000):
        editor.save()
    after = commented.read_text(encoding="utf-8")
    assert "title: 包邮不包邮" in after and "title: 打招呼呀" in after  # both edits kept


def test_a_broken_file_is_said_in_the_banner_until_it_is_fixed(qtbot, open_editor, commented):
    good = commented.read_text(encoding="utf-8")
    commented.write_text(good.replace("category: bargain", "category: no_such_category"), encoding="utf-8")
    editor = open_editor(commented)
    assert editor.ui.banner.isVisible() and "1 处错误" in editor.ui.bannerLabel.text()
    assert "no_such_category" in editor.ui.bannerDetails.toPlainText()
    assert "bargain.price" not in editor.list.visible_ids()
    with qtbot.waitSignal(editor.libraryLoaded, timeout=20000):
        commented.write_text(good, encoding="utf-8")
    assert not editor.ui.banner.isVisible() and "bargain.price" in editor.list.visible_ids()


def test_the_librarys_last_script_is_not_deleted(qtbot, open_editor, tmp_path, answer):
    path = tmp_path / "one.yaml"
    path.write_text("version: 1\nscripts:\n  - id: greeting.hi\n    category: greeting\n    title: 打招呼\n    replies: [\"亲，您好～\"]\n", encoding="utf-8")
    before = path.read_bytes()
    editor = open_editor(path)
    answer("Yes")
    qtbot.mouseClick(editor.ui.deleteButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.ui.banner.isVisible(), timeout=20000)
    assert editor.ui.bannerLabel.text().startswith("没有删除：") and "唯一" in editor.ui.bannerLabel.text()
    assert path.read_bytes() == before and not (tmp_path / "one.yaml.bak").exists()


def test_a_report_banner_is_written_in_the_report_colour_not_the_error_colour(qtbot, open_editor, commented):
    """An import's or export's report (``error=False``) was painted in the error banner's red:
    the banner's ``info`` property was re-polished but not its labels, which kept the red text.
    Each switch, both ways, must repaint the head line in the banner's kind."""
    from PySide6.QtGui import QPalette

    editor = open_editor(commented)
    ui = editor.ui

    def colours() -> set[str]:
        return {ui.bannerLabel.palette().color(QPalette.ColorRole.WindowText).name()}

    seen = {}
    for error in (True, False, True, False):
        editor.show_banner("头一行", ["细节"], error=error)
        seen.setdefault(error, colours())
        assert colours() == seen[error], (error, colours(), seen)
    assert seen[True] != seen[False]
    assert ui.bannerLabel.palette().color(QPalette.ColorRole.WindowText).name() == "#0958d9"  # the report's blue


def test_the_banner_details_box_is_as_tall_as_its_lines_up_to_a_limit(qtbot, open_editor, commented):
    """Seen in the flow's screenshots: an export's one note sat in a box five lines tall, the
    form below it squeezed for nothing. The box fits its lines (a long line counted as the lines
    it wraps into), every line readable without scrolling, and stops growing at six lines."""
    editor = open_editor(commented)
    box = editor.ui.bannerDetails
    heights = {}
    for n in (1, 2, 3, 6, 20):
        editor.show_banner("报告", [f"第 {k} 条说明" for k in range(n)], error=False)
        QApplication.processEvents()
        heights[n] = box.height()
        if n <= 6:
            assert box.verticalScrollBar().maximum() == 0, (n, heights)  # all of it shown
    assert heights[1] < heights[2] < heights[3] < heights[6], heights
    assert heights[20] <= heights[6] + 4, heights  # six lines, then it scrolls
    editor.show_banner("报告", ["很长的一条说明，" * 40], error=False)
    QApplication.processEvents()
    assert box.height() > heights[1] and box.verticalScrollBar().maximum() == 0
