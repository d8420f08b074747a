"""The sidebar driven as an agent drives it, in sequences the single-step tests miss: visit a tab
then paste a new message, pin the window then type, tick 监听剪贴板 then paste. The clipboard is
the application's real one (offscreen Qt keeps a working in-process clipboard)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

HERE = Path(__file__).resolve().parent
LONG = HERE / "long_entries_library.yaml"
CTRL = Qt.KeyboardModifier.ControlModifier


def clipboard():
    return QGuiApplication.clipboard()


def press(qtbot, widget, key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the agent presses it: to whatever widget has the keyboard focus right now."""
    target = QGuiApplication.focusObject() or widget
    qtbot.keyClick(target, key, mods)


def paste(qtbot, window, text: str) -> None:
    """Copy ``text`` (in the chat client) and press Ctrl+V where the keyboard focus is."""
    clipboard().setText(text)
    press(qtbot, window, Qt.Key.Key_V, CTRL)
    qtbot.waitUntil(lambda: not window.suggest.debounce.isActive(), timeout=2000)


def ctrl_l_paste(qtbot, window, text: str) -> None:
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    assert window.ui.messageEdit.hasFocus()
    paste(qtbot, window, text)


# -- 13: content never widens the sidebar ---------------------------------------------------------

def _min_width(window) -> int:
    return max(window.minimumSizeHint().width(), window.minimumWidth())


def test_long_category_entry_never_widens_the_sidebar(make_window, qtbot, tmp_path):
    from kefu_assist.ui.placement import WIDTH

    window = make_window(LONG)
    longest = max((window.ui.categoryCombo.itemText(i) for i in range(window.ui.categoryCombo.count())), key=len)
    assert window.ui.categoryCombo.fontMetrics().horizontalAdvance(longest) > WIDTH  # the case of the issue
    window.ui.tabs.setCurrentIndex(1)  # 浏览全部: the category list is laid out
    qtbot.wait(50)
    assert window.width() == WIDTH
    press(qtbot, window, Qt.Key.Key_T, CTRL)  # pin
    qtbot.wait(50)
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert (window.width(), _min_width(window) <= WIDTH) == (WIDTH, True)
    QTest.mouseClick(window.ui.clipboardCheck, Qt.MouseButton.LeftButton, pos=QPoint(8, window.ui.clipboardCheck.height() // 2))
    assert window.ui.clipboardCheck.isChecked()
    qtbot.wait(50)
    assert (window.width(), _min_width(window) <= WIDTH) == (WIDTH, True)
    from kefu_assist.ui.settings import Preferences

    window.apply_preferences(Preferences(**{**window.prefs.__dict__, "font_size": 12}))  # the settings' OK
    qtbot.wait(50)
    assert (window.width(), _min_width(window) <= WIDTH) == (WIDTH, True)
    window.close()
    again = make_window(LONG)  # the saved width is the narrow one
    assert again.width() == WIDTH


TEXT = st.text(alphabet=st.sampled_from("售后问题退换货补发维修投诉平台介入处理流程ABCxyz0123（）/、："), min_size=30, max_size=120)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(category=TEXT, title=TEXT, status=TEXT, banner=TEXT, message=TEXT)
def test_no_content_widens_the_sidebar(make_window, qtbot, category, title, status, banner, message):
    """Whatever text lands in the category list, the script list, the status line, the banner
    or the message box, the sidebar's minimum width stays within its docked width."""
    from kefu_assist.ui.placement import WIDTH

    global _WINDOW
    window = _WINDOW if _WINDOW is not None and _WINDOW.isVisible() else None
    if window is None:
        window = _WINDOW = make_window(LONG)
    window.ui.categoryCombo.addItem(category)
    window.ui.scriptList.addItem(title)
    window.ui.statusLabel.setText(status)
    window.ui.bannerLabel.setText(banner)
    window.ui.bannerDetails.setPlainText("/a/very/long/path/without/spaces/" + banner * 3 + ".yaml:12: " + title)
    window.ui.bannerActions.show()
    window.ui.banner.show()
    window.library._details_toggled(True)
    window.ui.messageEdit.setPlainText(message)
    window.toast(status)
    for tab in range(window.ui.tabs.count()):
        window.ui.tabs.setCurrentIndex(tab)
        qtbot.wait(1)
        assert _min_width(window) <= WIDTH, (tab, category, title, status, banner)
    window._set_on_top(not bool(window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint))
    assert window.width() == WIDTH


_WINDOW = None


@pytest.fixture(autouse=True)
def _forget_window():
    global _WINDOW
    yield
    _WINDOW = None


def test_a_saved_geometry_off_the_right_edge_is_pulled_back_on_screen(make_window, library_file):
    window = make_window(library_file, wait=False)
    area = QGuiApplication.primaryScreen().availableGeometry()
    window.resize(610, 700)
    window.move(area.right() - 360, area.top() + 10)  # widened while docked at the right edge
    window.close()
    again = make_window(library_file, wait=False)
    frame = again.frameGeometry()
    assert area.left() <= frame.left() and frame.right() <= area.right()
    assert again.width() == 610  # a width the agent chose is kept, only the position moves


# -- 14: Enter copies only the selected card the agent can see --------------------------------------

SENTINEL = "剪贴板上原来的内容"


@pytest.mark.parametrize("tab", [1, 2, 3], ids=["浏览全部", "常用", "统计"])
@pytest.mark.parametrize("how", ["paste", "type", "capture"])
def test_a_new_message_shows_the_suggestions_and_enter_copies_the_visible_card(make_window, library_file, qtbot, tab, how):
    window = make_window(library_file)
    window.ui.tabs.setCurrentIndex(tab)
    if how == "capture":
        window.ui.clipboardCheck.setChecked(True)
        clipboard().setText("能开发票吗")
        qtbot.waitUntil(lambda: window.message == "能开发票吗", timeout=2000)
        press(qtbot, window, Qt.Key.Key_L, CTRL)
    elif how == "paste":
        ctrl_l_paste(qtbot, window, "能开发票吗")
    else:
        press(qtbot, window, Qt.Key.Key_L, CTRL)
        window.ui.messageEdit.insertPlainText("能开发票吗")  # typed (QTest cannot type Chinese)
        qtbot.waitUntil(lambda: not window.suggest.debounce.isActive(), timeout=2000)
    assert window.ui.tabs.currentIndex() == 0
    card = window.suggest.cards[window.suggest.selected]
    assert card.isVisible() and card.script.id == "invoice.free"
    press(qtbot, window, Qt.Key.Key_Return)
    assert clipboard().text() == window.service.render("invoice.free").text


@pytest.mark.parametrize("tab", [1, 2, 3])
def test_enter_on_an_old_message_behind_another_tab_shows_the_cards_before_copying(make_window, library_file, qtbot, tab):
    window = make_window(library_file)
    ctrl_l_paste(qtbot, window, "包邮吗")
    window.ui.tabs.setCurrentIndex(tab)
    clipboard().setText(SENTINEL)
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    press(qtbot, window, Qt.Key.Key_Return)
    assert clipboard().text() == SENTINEL  # nothing copied unseen
    assert window.ui.tabs.currentIndex() == 0 and window.suggest.cards[window.suggest.selected].isVisible()
    press(qtbot, window, Qt.Key.Key_Return)
    assert clipboard().text() == window.service.render("shipping_fee.free").text


# -- 15: with no confident suggestion Enter copies nothing --------------------------------------------

UNSURE = ["今天天气好", "可以用美元付款吗 paypal", "你几岁了呀", "蓝牙耳机能连电脑吗", "asdfgh"]


@pytest.mark.parametrize("question", UNSURE)
def test_enter_copies_nothing_without_a_confident_suggestion(make_window, library_file, qtbot, question):
    window = make_window(library_file)
    ctrl_l_paste(qtbot, window, question)
    views = window.suggest.views
    assert not any(v.suggestion.confident for v in views)
    clipboard().setText(SENTINEL)
    press(qtbot, window, Qt.Key.Key_Return)
    assert clipboard().text() == SENTINEL
    assert window.ui.toastLabel.isVisible() and window.ui.toastLabel.text() == "没有合适的话术"
    assert window.ui.toastLabel.property("warn")  # in the warning colour, not the green of 已复制
    for card in window.suggest.visible_cards:  # a guess is not dressed as a match: no highlighted words
        assert "<b" not in card.reply.text() and "<b" not in card.title.text()
    assert window.service.recorder.copies == []
    assert window.suggest.selected == -1 and not any(c.property("selected") for c in window.suggest.cards)
    if not views:  # nothing even close: nothing to pick
        return
    # Ctrl+1 copies the closest card on purpose, as does ↓ then Enter
    press(qtbot, window, Qt.Key.Key_1, CTRL)
    assert clipboard().text() == views[0].replies[0].text or window.copier.form.isVisible()
    clipboard().setText(SENTINEL)
    window.copier.form.cancel() if window.copier.form.isVisible() else None
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    window.suggest.select(-1)
    press(qtbot, window, Qt.Key.Key_Down)
    assert window.suggest.selected == 0
    press(qtbot, window, Qt.Key.Key_Return)
    assert clipboard().text() == views[0].replies[0].text or window.copier.form.isVisible()


def test_enter_still_copies_the_confident_card_of_a_multi_question(make_window, library_file, qtbot):
    window = make_window(library_file)
    ctrl_l_paste(qtbot, window, "能便宜点吗？包邮吗？")
    top = window.suggest.views[window.suggest.selected]
    assert top.suggestion.confident
    press(qtbot, window, Qt.Key.Key_Return)
    assert clipboard().text() == window.suggest.cards[window.suggest.selected].reply_text


# -- 17: pasting the captured text replaces it ----------------------------------------------------------

@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from("包邮吗能开发票在亲？ abc12"), min_size=1, max_size=12).filter(str.strip),
       where=st.sampled_from(["end", "home", "middle", "all"]))
def test_ctrl_v_of_the_captured_message_replaces_it(make_window, library_file, qtbot, text, where):
    global _WINDOW
    window = _WINDOW if _WINDOW is not None and _WINDOW.isVisible() else None
    if window is None:
        window = _WINDOW = make_window(library_file)
        window.ui.clipboardCheck.setChecked(True)
    window.suggest.clear_message()
    window.clipboard.set_enabled(False)  # a text seen before would be ignored as a repeat
    clipboard().setText("")
    window.clipboard.set_enabled(True)
    clipboard().setText(text)  # copied in the chat client: the watcher makes it the message
    qtbot.waitUntil(lambda: window.message == text.strip(), timeout=2000)
    window.ui.messageEdit.setFocus()
    cursor = window.ui.messageEdit.textCursor()
    if where == "end":
        cursor.movePosition(cursor.MoveOperation.End)
    elif where == "home":
        cursor.movePosition(cursor.MoveOperation.Start)
    elif where == "middle":
        cursor.setPosition(len(window.message) // 2)
    else:
        cursor.select(cursor.SelectionType.Document)
    window.ui.messageEdit.setTextCursor(cursor)
    press(qtbot, window, Qt.Key.Key_V, CTRL)  # out of habit
    assert window.message == text.strip()


def test_ctrl_v_of_other_text_still_pastes_where_the_cursor_is(make_window, library_file, qtbot):
    window = make_window(library_file)
    window.ui.clipboardCheck.setChecked(True)
    clipboard().setText("包邮吗")
    qtbot.waitUntil(lambda: window.message == "包邮吗", timeout=2000)
    window.ui.clipboardCheck.setChecked(False)
    clipboard().setText("？发顺丰")
    window.ui.messageEdit.setFocus()
    window.ui.messageEdit.moveCursor(window.ui.messageEdit.textCursor().MoveOperation.End)
    press(qtbot, window, Qt.Key.Key_V, CTRL)
    assert window.message == "包邮吗？发顺丰"


# -- 16: keys keep reaching the message box ----------------------------------------------------------

def _type_after(qtbot, window, text: str = "abc") -> None:
    qtbot.wait(50)
    target = QGuiApplication.focusObject()
    assert target is window.ui.messageEdit, f"keys go to {target!r}"
    for ch in text:
        press(qtbot, window, getattr(Qt.Key, f"Key_{ch.upper()}"))
    assert window.message.endswith(text)


def test_typing_after_ctrl_t_reaches_the_message_box(make_window, library_file, qtbot):
    window = make_window(library_file)
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    press(qtbot, window, Qt.Key.Key_T, CTRL)
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    _type_after(qtbot, window)
    press(qtbot, window, Qt.Key.Key_T, CTRL)  # and back
    assert not window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    _type_after(qtbot, window, "de")


@pytest.mark.parametrize("name", ["clipboardCheck", "pinButton"])
def test_clicking_the_top_controls_leaves_the_keys_with_the_message_box(make_window, library_file, qtbot, name):
    window = make_window(library_file)
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    widget = getattr(window.ui, name)
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(6, widget.height() // 2))
    assert widget.isChecked()
    _type_after(qtbot, window)


def test_closing_the_settings_gives_the_keys_back_to_the_message_box(make_window, library_file, qtbot, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    window = make_window(library_file)
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    for accept in (False, True):
        def close_dialog(accept=accept):
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, QDialog)
            dialog.findChild(type(window.ui.messageEdit.parent()))  # the dialog is up
            dialog.accept() if accept else dialog.reject()

        QTimer.singleShot(100, close_dialog)
        press(qtbot, window, Qt.Key.Key_Comma, CTRL)
        _type_after(qtbot, window, "xy")


# -- 4: a library with no scripts, or one that lost a third of them, does not replace the one in use --

def _library_text(n: int, *, tag: str = "") -> str:
    lines = ["version: 1", "scripts:" if n else "scripts: []"]
    for i in range(n):
        lines += [
            f"  - id: greeting.s{i}",
            "    category: greeting",
            f"    title: 问候{i}{tag}",
            f"    examples: [第{i}号问题在吗]",
            f'    replies: ["亲，第{i}号回复{tag}"]',
        ]
    return "\n".join(lines) + "\n"


def _save(window, qtbot, path: Path, text: str):
    with qtbot.waitSignal(window.libraryLoaded, timeout=10000) as blocker:
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return blocker.args[0]


def _no_latin(text: str) -> bool:
    return not any("a" <= ch.lower() <= "z" for ch in text)


@pytest.mark.parametrize("empty", ["scripts: []\n", "scripts:\n", "placeholders: {shop: 本店}\n"])
def test_a_save_without_scripts_keeps_the_library_in_use_and_says_why(make_window, tmp_path, qtbot, empty):
    path = tmp_path / "lib.yaml"
    path.write_text(_library_text(6), encoding="utf-8")
    window = make_window(path)
    assert len(window.service.library.scripts) == 6
    _save(window, qtbot, path, "version: 1\n" + empty)
    assert len(window.service.library.scripts) == 6  # the last good library stays
    assert window.ui.banner.isVisible() and "一条话术也没有" in window.ui.bannerLabel.text()
    assert _no_latin(window.ui.bannerLabel.text())
    assert not window.ui.bannerDetails.isVisible()
    window.ui.bannerDetailsButton.click()
    assert window.ui.bannerDetails.isVisible() and str(path) in window.ui.bannerDetails.toPlainText()
    window.ui.bannerCloseButton.click()
    assert not window.ui.banner.isVisible()
    _save(window, qtbot, path, "version: 1\n" + empty + "# saved again\n")  # the next change shows it again
    assert window.ui.banner.isVisible()


def test_a_first_library_without_scripts_says_so(make_window, tmp_path):
    path = tmp_path / "lib.yaml"
    path.write_text("version: 1\nscripts: []\n", encoding="utf-8")
    window = make_window(path)
    assert not window.service.ready
    assert window.ui.banner.isVisible() and "一条话术也没有" in window.ui.bannerLabel.text()


@pytest.mark.parametrize(("before", "after", "held"), [(10, 6, True), (10, 7, False), (9, 5, True), (9, 6, False), (3, 1, True), (4, 3, False)])
def test_a_save_dropping_more_than_a_third_asks_first(make_window, tmp_path, qtbot, before, after, held):
    path = tmp_path / "lib.yaml"
    path.write_text(_library_text(before), encoding="utf-8")
    window = make_window(path)
    _save(window, qtbot, path, _library_text(after))
    if not held:
        assert len(window.service.library.scripts) == after and not window.ui.banner.isVisible()
        return
    assert len(window.service.library.scripts) == before
    assert window.ui.banner.isVisible() and window.ui.bannerActions.isVisible()
    assert f"只有 {after} 条" in window.ui.bannerLabel.text() and _no_latin(window.ui.bannerLabel.text())
    window.ui.bannerKeepButton.click()  # 保留
    assert not window.ui.banner.isVisible() and len(window.service.library.scripts) == before
    _save(window, qtbot, path, _library_text(after, tag="改"))  # the next save asks again
    assert window.ui.banner.isVisible() and len(window.service.library.scripts) == before
    window.ui.bannerAcceptButton.click()  # 接受
    assert len(window.service.library.scripts) == after and not window.ui.banner.isVisible()
    assert window.service.library.get("greeting.s0").title == "问候0改"
    assert f"{after} 条" in window.library.status_text


@pytest.mark.parametrize("case", ["yaml", "script"])
def test_the_error_banner_speaks_chinese_with_file_and_line_behind_details(make_window, library_file, qtbot, case):
    window = make_window(library_file)
    good = library_file.read_text(encoding="utf-8")
    text = good.replace("category: invoice", "category: invoce") if case == "script" else good + "  - id: [broken\n"
    _save(window, qtbot, library_file, text)
    assert window.ui.banner.isVisible()
    assert _no_latin(window.ui.bannerLabel.text()), window.ui.bannerLabel.text()
    assert not window.ui.bannerDetails.isVisible() and window.ui.bannerDetailsButton.text() == "详情"
    window.ui.bannerDetailsButton.click()
    assert window.ui.bannerDetails.isVisible() and f"{library_file}:" in window.ui.bannerDetails.toPlainText()
    window.resize(window.width(), 860)
    qtbot.wait(20)
    assert window.ui.banner.height() <= window.ui.banner.sizeHint().height()  # the tabs take the spare height, not the banner
    window.ui.bannerCloseButton.click()
    assert not window.ui.banner.isVisible()


# -- 18: the smaller points ----------------------------------------------------------------------------

def _text_colour(label):
    from PySide6.QtGui import QPalette

    return label.palette().color(QPalette.ColorRole.WindowText).name()


@pytest.mark.parametrize("sequence", [["包邮吗", "你几岁了呀"], ["你几岁了呀"], ["今天天气好", "包邮吗", "你几岁了呀"]])
def test_unconfident_and_chit_chat_cards_are_greyed_and_confident_ones_are_not(make_window, library_file, qtbot, sequence):
    from kefu_assist.ui import theme

    window = make_window(library_file)
    muted, text = theme.PALETTES["light"]["muted"], theme.PALETTES["light"]["text"]
    for question in sequence:
        ctrl_l_paste(qtbot, window, question)
        for card, view in zip(window.suggest.visible_cards, window.suggest.views):
            want = text if view.suggestion.confident else muted
            assert (_text_colour(card.reply), _text_colour(card.title)) == (want, want), (question, card.script.id)


def test_the_status_line_names_the_library(make_window, library_file):
    window = make_window(library_file)
    assert library_file.name in window.ui.statusLabel.text() and "条" in window.ui.statusLabel.text()
    assert window.ui.statusLabel.toolTip() == str(library_file)


def test_an_agent_without_a_nickname_is_recorded_by_the_system_user_name(make_window, library_file, qtbot, monkeypatch):
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "wangfang")
    window = make_window(library_file)
    assert window.prefs.agent == ""
    ctrl_l_paste(qtbot, window, "包邮吗")
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.service.recorder.copies[-1][1] == "wangfang"
    from kefu_assist.ui.settings import Preferences

    window.apply_preferences(Preferences(**{**window.prefs.__dict__, "agent": "阿青"}))
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.service.recorder.copies[-1][1] == "阿青"
