"""The sidebar as an agent uses it: type, pick, copy; clipboard watch; hot reload; settings."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

LOADING = "正在加载话术库…"


def banner_text(window) -> str:
    """What the banner says, its details included ("" while hidden)."""
    ui = window.ui
    return "" if ui.banner.isHidden() else ui.bannerLabel.text() + "\n" + ui.bannerDetails.toPlainText()


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


def test_window_is_narrow_chinese_and_usable_while_loading(make_window, library_file, qtbot):
    window = make_window(library_file, wait=False)
    assert window.width() == 360
    assert window.ui.stateLabel.text() == LOADING
    with qtbot.waitSignal(window.libraryLoaded, timeout=15000):
        window.start_library()
        # the message box takes typing while the library loads in the background
        assert window.library.loading
        qtbot.keyClicks(window.ui.messageEdit, "abc")
        assert window.message == "abc"
    assert window.service.ready
    assert "话术库" in window.ui.statusLabel.text()


def test_first_placement_is_at_right_edge(make_window, library_file):
    window = make_window(library_file, wait=False)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert abs(window.frameGeometry().right() - area.right()) <= 2


def test_typing_shows_expected_category_first(make_window, library_file, type_message):
    window = make_window(library_file)
    type_message(window, "这个包邮吗")
    assert window.suggest.cards[0].script.category == "shipping_fee"
    assert window.suggest.cards[0].chip.text() == "包邮/运费"
    assert "<b" in window.suggest.cards[0].title.text() or "<b" in window.suggest.cards[0].reply.text() or window.ui.messageEdit.extraSelections()
    assert not window.suggest.cards[0].property("weak")


def test_enter_copies_exactly_the_rendered_reply(make_window, library_file, type_message, qtbot):
    window = make_window(library_file)
    type_message(window, "在吗")
    expected = window.service.render("greeting.hello", 0).text
    assert "{" not in expected and "小熊家居旗舰店" in expected
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return)
    assert clipboard_text() == expected
    assert window.message == "在吗"  # Enter copies, it does not add a line
    assert window.ui.toastLabel.isVisible() and window.ui.toastLabel.text() == "已复制"
    (event, _agent), = window.service.recorder.copies
    assert (event.script_id, event.rank, event.variant) == ("greeting.hello", 1, 0)
    assert event.seconds_to_copy is not None and event.seconds_to_copy >= 0


def test_shift_enter_inserts_a_newline(make_window, library_file, qtbot):
    window = make_window(library_file)
    window.ui.messageEdit.setFocus()
    qtbot.keyClicks(window.ui.messageEdit, "a")
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(window.ui.messageEdit, "b")
    assert window.message == "a\nb"


def test_ctrl_n_copies_the_nth_and_arrows_move(make_window, library_file, type_message, qtbot):
    window = make_window(library_file)
    type_message(window, "能便宜点吗？包邮吗？")
    cats = [c.script.category for c in window.suggest.visible_cards]
    assert cats[:2] == ["bargain", "shipping_fee"]
    # several questions: each confident card says which one it answers
    assert window.suggest.cards[1].clauseLabel.text().endswith("包邮吗")
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert clipboard_text() == window.service.render("shipping_fee.free").text
    assert window.service.recorder.copies[-1][0].rank == 2
    window.suggest.select(0)
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Down)
    assert window.suggest.selected == 1
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Up)
    assert window.suggest.selected == 0
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return)
    assert clipboard_text() == window.service.render("bargain.general").text


def test_variants_switch_before_copying(make_window, library_file, type_message, qtbot):
    window = make_window(library_file)
    type_message(window, "能便宜点吗")
    card = window.suggest.cards[0]
    assert card.script.id == "bargain.general"
    assert card.variantLabel.text() == "1/3" and card.nextButton.isVisible()
    qtbot.mouseClick(card.nextButton, Qt.MouseButton.LeftButton)
    assert card.variantLabel.text() == "2/3"
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert card.variantLabel.text() == "3/3"
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.mouseClick(card.copyButton, Qt.MouseButton.LeftButton)
    assert clipboard_text() == window.service.render("bargain.general", 1).text
    assert window.service.recorder.copies[-1][0].variant == 1


def test_double_click_copies(make_window, library_file, type_message, qtbot):
    window = make_window(library_file)
    type_message(window, "什么时候发货")
    qtbot.mouseDClick(window.suggest.cards[0], Qt.MouseButton.LeftButton)
    assert clipboard_text() == "亲，16:00前付款的订单当天发出，之后的次日发出哦～"


def test_placeholder_form_asks_then_copies(make_window, library_file, type_message, qtbot):
    window = make_window(library_file)
    QGuiApplication.clipboard().setText("before")
    type_message(window, "物流怎么不动了")
    assert window.suggest.cards[0].script.id == "logistics.tracking"
    assert "[快递单号]" in window.suggest.cards[0].reply.text()
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return)
    assert window.copier.form.isVisible()
    assert clipboard_text() == "before"  # nothing copied with a hole in it
    field = window.copier.form.fields["tracking_no"]
    assert field.hasFocus()
    qtbot.keyClicks(field, "SF1234567890")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not window.copier.form.isVisible()
    assert clipboard_text() == "亲，您的包裹单号是SF1234567890，目前在运输途中，小美会帮您持续跟进～"
    assert window.ui.messageEdit.hasFocus()


def test_placeholder_form_escape_cancels(make_window, library_file, type_message, qtbot):
    window = make_window(library_file)
    QGuiApplication.clipboard().setText("before")
    type_message(window, "物流怎么不动了")
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    field = window.copier.form.fields["tracking_no"]
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not window.copier.form.isVisible()
    assert clipboard_text() == "before"
    assert window.service.recorder.copies == []


def test_no_confident_suggestion_shows_closest_in_grey_and_reports_once(make_window, library_file, type_message, qtbot):
    window = make_window(library_file)
    type_message(window, "今天天气好")
    assert window.ui.stateLabel.text().startswith("没有合适的话术")
    assert window.suggest.visible_cards and all(c.property("weak") for c in window.suggest.visible_cards)
    window.suggest.settle.setInterval(50)
    window.suggest.message_changed()
    qtbot.waitUntil(lambda: window.service.recorder.unmatched != [], timeout=2000)
    window.suggest.message_changed()
    qtbot.wait(150)
    from kefu_assist.ui.main_window import system_user_name

    assert window.service.recorder.unmatched == [("今天天气好", system_user_name())]  # no nickname set


def test_escape_clears_the_message(make_window, library_file, type_message, qtbot):
    window = make_window(library_file)
    type_message(window, "在吗")
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Escape)
    assert window.message == ""
    qtbot.waitUntil(lambda: not window.suggest.visible_cards, timeout=2000)


def test_focus_shortcut_and_tooltips(make_window, library_file, qtbot):
    window = make_window(library_file)
    window.ui.searchEdit.setFocus()
    window.activateWindow()
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.ui.messageEdit.hasFocus()
    assert "Ctrl+L" in window.ui.messageEdit.toolTip()


def test_clipboard_watch_picks_up_outside_text_and_ignores_own(make_window, library_file, qtbot):
    window = make_window(library_file)
    window.ui.clipboardCheck.setChecked(True)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("能开发票吗")  # the agent copies a buyer message in the chat client
    qtbot.waitUntil(lambda: window.message == "能开发票吗", timeout=2000)
    assert window.suggest.cards[0].script.category == "invoice"
    qtbot.keyClick(window.ui.messageEdit, Qt.Key.Key_Return)
    reply = window.service.render("invoice.free").text
    qtbot.wait(300)
    assert clipboard.text() == reply
    assert window.message == "能开发票吗"  # its own copy did not become the message
    # the same outside text again is a repeat: a message the agent edited meanwhile stays
    window.suggest.set_message("我自己改的")
    clipboard.setText("我自己改的")
    qtbot.wait(300)
    assert window.message == "我自己改的"
    window.ui.clipboardCheck.setChecked(False)
    clipboard.setText("在吗")
    qtbot.wait(300)
    assert window.message == "我自己改的"


BROKEN = """version: 1
scripts:
  - id: greeting.hello
    category: greeting
    title: 问候
    examples: [在吗]
    replies: ["亲在的"
"""


def _save_by_replace(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def test_broken_save_shows_banner_keeps_old_library_fixed_save_clears(make_window, library_file, type_message, qtbot):
    window = make_window(library_file)
    type_message(window, "包邮吗")
    good = library_file.read_text(encoding="utf-8")
    with qtbot.waitSignal(window.libraryLoaded, timeout=5000) as blocker:
        _save_by_replace(library_file, BROKEN)
    assert blocker.args[0].library is None
    assert window.ui.banner.isVisible()
    assert window.ui.bannerLabel.text().startswith("话术库文件有错误，没有生效，仍在使用上次加载的话术库")
    assert f"{library_file}:" in banner_text(window) and "YAML" in banner_text(window)
    # the old library still answers, and the agent's text is untouched
    assert window.message == "包邮吗"
    assert window.suggest.cards[0].script.id == "shipping_fee.free"
    type_message(window, "能开发票吗")
    assert window.suggest.cards[0].script.category == "invoice"
    # a fixed save (again by replace: the watcher re-added the path) clears the banner
    fixed = good.replace("亲，本店全场包邮", "亲，本店全部包邮")
    with qtbot.waitSignal(window.libraryLoaded, timeout=5000) as blocker:
        _save_by_replace(library_file, fixed)
    assert blocker.args[0].ok
    assert not window.ui.banner.isVisible()
    type_message(window, "包邮吗")
    assert window.suggest.cards[0].reply_text.startswith("亲，本店全部包邮")


def test_save_with_one_broken_script_uses_the_rest_and_shows_banner(make_window, library_file, qtbot):
    window = make_window(library_file)
    text = library_file.read_text(encoding="utf-8").replace("category: invoice", "category: invoce")
    with qtbot.waitSignal(window.libraryLoaded, timeout=5000) as blocker:
        library_file.write_text(text, encoding="utf-8")
    assert blocker.args[0].library is not None
    assert window.ui.banner.isVisible()
    assert window.ui.bannerLabel.text().startswith("话术库有 1 处错误，出错的话术已跳过")
    assert "unknown category 'invoce'" in banner_text(window) and "[invoice.free]" in banner_text(window)
    assert window.service.library.get("invoice.free") is None


def test_settings_persist_across_restarts(make_window, library_file, type_message, qtbot):
    from kefu_assist.ui.settings import Preferences

    window = make_window(library_file)
    prefs = Preferences(shop="小狐狸服饰", agent="阿青", always_on_top=True, clipboard_watch=True, font_size=13, theme="dark")
    window.apply_preferences(prefs)
    window.resize(380, 700)
    window.move(20, 30)
    type_message(window, "在吗")
    assert "小狐狸服饰" in window.suggest.cards[0].reply.text() and "阿青" in window.suggest.cards[0].reply.text()
    window.close()

    again = make_window(library_file)
    assert again.prefs == prefs
    assert again.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert again.ui.pinButton.isChecked() and again.ui.clipboardCheck.isChecked()
    assert again.clipboard.enabled
    assert again.service.agent == "阿青"
    assert "font-size: 13pt" in again.styleSheet() and "#1e1f22" in again.styleSheet()
    assert (again.width(), again.height()) == (380, 700)
    type_message(again, "在吗")
    assert "小狐狸服饰" in again.suggest.cards[0].reply.text()


def test_settings_dialog_round_trip(make_window, library_file, qtbot, monkeypatch):
    from kefu_assist.ui.settings_dialog import SettingsDialog

    window = make_window(library_file)
    dialog = SettingsDialog(window.prefs, window)
    qtbot.addWidget(dialog)
    dialog.shopEdit.setText("新店")
    dialog.agentEdit.setText("小王")
    dialog.fontSpin.setValue(12)
    dialog.themeCombo.setCurrentIndex(dialog.themeCombo.findData("dark"))
    dialog.clipboardCheck.setChecked(True)
    prefs = dialog.preferences()
    assert (prefs.shop, prefs.agent, prefs.font_size, prefs.theme, prefs.clipboard_watch) == ("新店", "小王", 12, "dark", True)
    assert dialog.clipboardNote.text()


def test_browse_tab_copies_an_agent_initiated_script(make_window, library_file, qtbot):
    window = make_window(library_file)
    window.ui.tabs.setCurrentIndex(1)
    index = window.ui.categoryCombo.findData("__agent_initiated__")
    assert index > 0 and "催付" in window.ui.categoryCombo.itemText(index)
    window.ui.categoryCombo.setCurrentIndex(index)
    titles = [window.ui.scriptList.item(i).text() for i in range(window.ui.scriptList.count())]
    assert any("催付" in t for t in titles) and any("核对地址" in t for t in titles)
    row = next(i for i, t in enumerate(titles) if "催付" in t)
    window.ui.scriptList.setCurrentRow(row)
    window.ui.scriptList.setFocus()
    qtbot.keyClick(window.ui.scriptList, Qt.Key.Key_Return)
    assert clipboard_text() == "亲，看到您拍下了宝贝还没付款哦，库存紧张，付款后小美马上为您安排发货～"
    event = window.service.recorder.copies[-1][0]
    assert (event.script_id, event.rank, event.score) == ("order_placed.urge_payment", None, None)


def test_browse_search_and_placeholder_form(make_window, library_file, qtbot):
    window = make_window(library_file)
    window.focus_search()
    window.ui.searchEdit.insert("核对")  # QTest.keyClicks aborts on non-Latin-1 text
    assert window.ui.scriptList.count() == 1
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    assert window.copier.form.isVisible() and list(window.copier.form.fields) == ["address"]
    field = window.copier.form.fields["address"]
    field.insert("杭州市西湖区文三路1号")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert clipboard_text() == "亲，跟您核对一下收货地址：杭州市西湖区文三路1号，没问题的话我们就安排发货啦～"


def test_dark_theme_and_font_size_apply(make_window, library_file):
    from kefu_assist.ui.settings import Preferences

    window = make_window(library_file)
    window.apply_preferences(Preferences(theme="dark", font_size=14))
    assert "#1e1f22" in window.styleSheet() and "font-size: 14pt" in window.styleSheet()


@pytest.fixture
def shipped_window(make_window, shipped_library_path):
    """The sidebar over the shipped library, loaded."""
    window = make_window(shipped_library_path)
    assert window.service.ready, banner_text(window)
    return window


def test_shipped_library_answers(shipped_window, type_message):
    window = shipped_window
    type_message(window, "这个包邮吗")
    assert window.suggest.cards[0].script.category == "shipping_fee"
    type_message(window, "能便宜点吗？包邮吗？")
    cats = {c.script.category for c in window.suggest.visible_cards[:3]}
    assert {"bargain", "shipping_fee"} <= cats


def test_the_questions_counted_leave_out_what_the_buyer_only_declines(shipped_window, type_message):
    # two extras declined, two things asked: the state line says two questions, as the cards answer them
    window = shipped_window
    type_message(window, "不要发票 赠品也不要 快递能放驿站吗 还有保温效果怎么样")
    assert window.ui.stateLabel.text() == "2 个问题，已按问题推荐"
    type_message(window, "能便宜点吗 包邮吗 几天能到")
    assert window.ui.stateLabel.text() == "3 个问题，已按问题推荐"
    type_message(window, "不要发票了")
    assert not window.ui.stateLabel.text().endswith("已按问题推荐")


def test_chit_chat_says_so_offers_a_way_back_and_is_not_a_library_gap(make_window, library_file, type_message, qtbot):
    window = make_window(library_file)
    type_message(window, "你几岁了呀")
    assert window.ui.stateLabel.text().startswith("买家在闲聊")
    assert window.suggest.visible_cards and all(c.property("weak") for c in window.suggest.visible_cards)
    assert window.suggest.visible_cards[0].script.id == "small_talk.personal"
    window.suggest.settle.setInterval(50)
    window.suggest.message_changed()
    qtbot.wait(300)
    assert window.service.recorder.unmatched == []


def test_browse_searches_by_pinyin_once_the_index_is_built_in_the_background(make_window, library_file, qtbot):
    window = make_window(library_file)
    qtbot.waitUntil(lambda: window.browse.index is not None, timeout=15000)
    window.focus_search()
    window.ui.searchEdit.insert("fapiao")  # no script holds these letters: only the pinyin of 发票 does
    assert window.browse.shown_ids == ["invoice.free"]
    qtbot.keyClick(window.ui.searchEdit, Qt.Key.Key_Return)
    assert clipboard_text() == window.service.render("invoice.free").text
    # a reload builds the index again for the new library, and search follows it
    library_file.write_text(library_file.read_text(encoding="utf-8").replace("title: 发票", "title: 开票"), encoding="utf-8")
    with qtbot.waitSignal(window.libraryLoaded, timeout=15000):
        window.library.reload()
    qtbot.waitUntil(lambda: window.browse.index is not None, timeout=15000)
    window.ui.searchEdit.setText("kaipiao")
    assert window.browse.shown_ids == ["invoice.free"]
