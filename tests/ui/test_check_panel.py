"""Issue 12 in the sidebar, as an agent works: the 检查 box (spans underlined and explained, the
rewording one click away), the copy flow asking before a reply that costs points (values typed
into the placeholder form included), the clipboard watch telling the agent's own reply from a
buyer question, the 买家情绪激动 chip with the soothing script first, and 统计's upset share."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

HERE = Path(__file__).resolve().parent
MOOD_LIBRARY = HERE / "mood_library.yaml"
SENTINEL = "（聊天窗口里原来的内容）"


def clipboard():
    return QGuiApplication.clipboard()


def type_reply(qtbot, window, text: str) -> None:
    panel = window.checker
    window.ui.tabs.setCurrentIndex(panel.tab_index)
    panel.edit.setFocus()
    panel.edit.clear()
    panel.edit.insertPlainText(text)
    assert panel.debounce.isActive()  # checked after the pause, not on the keystroke
    qtbot.waitUntil(lambda: not panel.debounce.isActive() and panel.text == text, timeout=2000)


def selection_spans(edit) -> list[tuple[int, int, str]]:
    return sorted((s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.underlineColor().name()) for s in edit.extraSelections())


# -- the 检查 box --------------------------------------------------------------------------------

def test_typed_reply_shows_each_span_underlined_and_explained(make_window, qtbot, library_file):
    from kefu_assist.ui.check_panel import BLOCK_COLOUR, WARN_COLOUR

    window = make_window(library_file)
    reply = "亲，这款绝对不掉色。加我微信送您优惠券～"
    type_reply(qtbot, window, reply)
    panel = window.checker
    findings = panel.findings
    assert {f.rule for f in findings} >= {"absolute_claim", "off_platform"}
    expected = sorted((f.start, f.end, (BLOCK_COLOUR if f.blocking else WARN_COLOUR)) for f in findings)
    assert selection_spans(panel.edit) == expected
    assert [reply[s:e] for s, e, _c in expected] == [f.text for f in sorted(findings, key=lambda f: f.start)]
    # every finding explained beside the text, in its colour's words
    assert [r.finding for r in panel.rows] == findings
    for row in panel.rows:
        assert row.isVisible() and row.message.text() == row.finding.message
    assert "会扣分" in panel.status.text() and "提醒" in panel.status.text()


def test_rewording_is_one_click_away(make_window, qtbot, library_file):
    window = make_window(library_file)
    type_reply(qtbot, window, "亲，这款绝对不掉色。加我微信送您优惠券～")
    panel = window.checker
    word = next(r for r in panel.rows if r.finding.rule == "absolute_claim" and r.finding.replacement)
    qtbot.mouseClick(word.applyButton, Qt.MouseButton.LeftButton)
    assert word.finding.replacement in panel.text and "绝对" not in panel.text
    sentence = next(r for r in panel.rows if r.finding.rule == "off_platform")
    assert sentence.applyButton is not None
    qtbot.mouseClick(sentence.applyButton, Qt.MouseButton.LeftButton)
    assert "微信" not in panel.text and panel.text.startswith("亲，这款")
    assert not any(f.blocking for f in panel.findings)


def test_clean_reply_says_so_and_clears_the_marks(make_window, qtbot, library_file):
    window = make_window(library_file)
    type_reply(qtbot, window, "亲，加我微信哦")
    assert window.checker.edit.extraSelections()
    type_reply(qtbot, window, "亲，本店全场包邮，您放心下单～")
    assert window.checker.findings == [] and window.checker.edit.extraSelections() == []
    assert window.checker.rows == [] and "没有发现问题" in window.checker.status.text()


@pytest.mark.parametrize(("text", "expected"), [
    ("亲，加我微信。然后我们再聊！", "{s}然后我们再聊！"),
    ("先说好。亲，加V发您", "先说好。{s}"),
    ("好的！亲，加我微信～稍等", "好的！{s}稍等"),
])
def test_sentence_rewording_replaces_only_its_sentence(text, expected):
    from kefu_assist.checker import check
    from kefu_assist.ui.check_panel import apply_finding

    finding = next(f for f in check(text) if f.rule == "off_platform")
    out = apply_finding(text, finding)
    assert out == expected.format(s=finding.suggestion)


# -- the copy flow --------------------------------------------------------------------------------

def _tracking_card(window, type_message) -> int:
    type_message(window, "快递到哪了")
    return next(i for i, v in enumerate(window.suggest.views) if v.script.id == "logistics.tracking") + 1


def test_form_values_that_break_a_rule_ask_before_copying(make_window, qtbot, library_file, type_message):
    window = make_window(library_file)
    clipboard().setText(SENTINEL)
    window.suggest.copy_rank(_tracking_card(window, type_message))
    form = window.copier.form
    assert form.isVisible()
    form.fields["tracking_no"].setText("加V12345")
    qtbot.mouseClick(form.okButton, Qt.MouseButton.LeftButton)
    box = window.copier.confirmBox
    assert box is not None and box.isVisible() and "加V" in box.text() and "仍要复制吗" in box.text()
    assert clipboard().text() == SENTINEL  # never copied silently
    back = next(b for b in box.buttons() if b.text().startswith("不复制"))
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.copier.confirmBox is None)
    assert clipboard().text() == SENTINEL
    assert form.isVisible() and form.fields["tracking_no"].text() == "加V12345"  # back to fix it
    form.fields["tracking_no"].setText("SF1234567890")
    with qtbot.waitSignal(window.copier.copied):
        qtbot.mouseClick(form.okButton, Qt.MouseButton.LeftButton)
    assert window.copier.confirmBox is None
    assert clipboard().text() == "亲，您的包裹单号是SF1234567890，目前在运输途中，小美会帮您持续跟进～"


def test_agent_may_still_copy_after_the_warning(make_window, qtbot, library_file, type_message):
    window = make_window(library_file)
    window.suggest.copy_rank(_tracking_card(window, type_message))
    window.copier.form.fields["tracking_no"].setText("加我微信")
    qtbot.mouseClick(window.copier.form.okButton, Qt.MouseButton.LeftButton)
    box = window.copier.confirmBox
    with qtbot.waitSignal(window.copier.copied):
        qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "仍然复制"), Qt.MouseButton.LeftButton)
    assert "加我微信" in clipboard().text() and not window.copier.form.isVisible()


def test_clean_reply_copies_without_asking(make_window, qtbot, library_file, type_message):
    window = make_window(library_file)
    type_message(window, "包邮吗")
    with qtbot.waitSignal(window.copier.copied):
        window.suggest.copy_rank(1)
    assert window.copier.confirmBox is None


# -- the clipboard watch ------------------------------------------------------------------------

def test_copied_own_reply_is_checked_in_place_not_matched(make_window, qtbot, library_file, type_message):
    window = make_window(library_file)
    type_message(window, "能开发票吗")
    window.ui.clipboardCheck.setChecked(True)
    own = window.service.render("shipping_fee.free").text.replace("您放心下单", "加我微信再便宜点")
    clipboard().setText(own)
    qtbot.waitUntil(lambda: window.checker.text == own, timeout=2000)
    assert window.ui.messageEdit.toPlainText() == "能开发票吗"  # not taken for the buyer's message
    assert window.ui.tabs.currentIndex() == window.checker.tab_index
    assert any(f.rule == "off_platform" and f.blocking for f in window.checker.findings)
    assert window.ui.toastLabel.isVisible() and window.ui.toastLabel.text().startswith("回复里有 1 处会扣分")
    # a buyer question copied next still becomes the message
    clipboard().setText("什么时候发货")
    qtbot.waitUntil(lambda: window.ui.messageEdit.toPlainText() == "什么时候发货", timeout=2000)
    assert window.ui.tabs.currentIndex() == 0


def test_copied_clean_own_reply_is_confirmed_without_leaving_the_suggestions(make_window, qtbot, library_file, type_message):
    window = make_window(library_file)
    type_message(window, "包邮吗")
    window.ui.clipboardCheck.setChecked(True)
    typed = "亲，这个颜色很百搭的，您放心拍哦～"
    clipboard().setText(typed)
    qtbot.waitUntil(lambda: window.checker.text == typed, timeout=2000)
    assert window.ui.messageEdit.toPlainText() == "包邮吗" and window.ui.tabs.currentIndex() == 0
    assert "没有问题" in window.ui.toastLabel.text()


LIBRARY = Path(__file__).resolve().parents[2] / "resources" / "scripts.yaml"


@pytest.fixture(scope="module")
def shipped():
    from kefu_assist.service import AssistService

    service = AssistService()
    service.load(LIBRARY)
    replies = [service.render(s.id, i).text for s in service.library.scripts for i in range(len(s.replies))]
    return service, replies


def test_every_library_reply_counts_as_the_agents_own(shipped):
    from kefu_assist.ui.check_panel import looks_like_reply

    _service, replies = shipped
    assert replies and all(looks_like_reply(r, replies) for r in replies)
    # a reply the agent typed in the library's manner reads as an answer without the library too
    opening = [r for r in replies if r.startswith("亲")]
    missed = [r for r in opening if not looks_like_reply(r, [])]
    assert len(opening) > 100 and len(missed) <= len(opening) // 20


def test_no_buyer_question_counts_as_a_reply(shipped):
    from kefu_assist.ui.check_panel import looks_like_reply

    service, replies = shipped
    examples = [e for s in service.library.scripts for e in s.examples]
    wrong = [e for e in examples if looks_like_reply(e, replies)]
    assert len(examples) > 100 and wrong == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="包邮发货颜色尺码多少钱这个那个能不可以吗呢么", min_size=0, max_size=12),
       st.sampled_from(["？", "?", "吗", "吗？", "呢？", "么", "嘛", "不", "没有"]))
def test_a_question_starting_with_qin_is_a_buyer_message(body, end):
    from kefu_assist.ui.check_panel import looks_like_reply

    assert not looks_like_reply("亲，" + body + end)


# -- buyer mood ---------------------------------------------------------------------------------

def test_upset_buyer_gets_the_marker_and_the_soothing_card_first(make_window, qtbot, type_message):
    window = make_window(MOOD_LIBRARY)
    type_message(window, "颜色跟图片差太多了，我要投诉！")
    chip = window.suggest.moodChip
    assert chip.isVisible() and "买家情绪激动" in chip.text() and "投诉" in chip.toolTip()
    ids = [v.script.id for v in window.suggest.views]
    assert ids[0] == "complaint.sorry" and window.suggest.cards[0].isVisible()
    assert "color_difference.photo" in ids[1:]  # the factual answer beside it, never first
    type_message(window, "有色差吗")
    assert not chip.isVisible()
    assert window.suggest.views[0].script.id == "color_difference.photo"


def test_repeated_asking_in_the_conversation_marks_the_buyer_upset(make_window, qtbot, type_message):
    window = make_window(MOOD_LIBRARY)
    type_message(window, "到底什么时候发货")
    assert not window.suggest.moodChip.isVisible()  # alone, calm enough
    type_message(window, "什么时候发货")
    window.suggest.settle.setInterval(10)
    window.suggest.settle.start()
    qtbot.waitUntil(lambda: not window.suggest.settle.isActive(), timeout=2000)
    type_message(window, "到底什么时候发货")
    assert window.suggest.moodChip.isVisible()  # asked again within minutes
    assert window.suggest.views[0].script.id == "complaint.sorry"


def test_history_keeps_only_the_last_minutes():
    from kefu_assist.ui.check_panel import BuyerHistory

    now = [1000.0]
    history = BuyerHistory(seconds=300, limit=3, clock=lambda: now[0])
    history.add("在吗")
    now[0] += 200
    history.add("什么时候发货")
    history.add("  ")
    assert history.before("到底什么时候发货") == ("在吗", "什么时候发货")
    assert history.before("什么时候发货") == ("在吗",)
    now[0] += 150
    assert history.before("x") == ("什么时候发货",)
    for m in "abcd":
        history.add(m)
    assert history.before("x") == ("b", "c", "d")


# -- 统计 ----------------------------------------------------------------------------------------

def test_stats_shows_the_upset_share_per_day(qtbot):
    from kefu_assist.ui.stats_view import StatsView

    view = StatsView()
    qtbot.addWidget(view)
    view.resize(360, 900)
    view.show()
    rows = [{"day": "2026-11-20", "messages": 10, "upset": 1, "share": 0.1},
            {"day": "2026-11-21", "messages": 4, "upset": 2, "share": 0.5},
            {"day": "2026-11-22", "messages": 5, "upset": 0, "share": 0.0}]
    view.show_stats({"total_copies": 0, "upset_share_by_day": rows})
    chart = view.upsetChart
    assert chart.isVisible() and chart.has_data and chart.shares == [0.1, 0.5, 0.0]
    rects = chart.bar_rects()
    assert rects[1].height() == pytest.approx(5 * rects[0].height()) and rects[2].height() == 0
    assert "2 条情绪激动（50%）" in chart.tooltip_at(rects[1].center().toPoint())
    rows.append({"day": "2026-11-25", "messages": 2, "upset": 2, "share": 1.0})  # 23rd, 24th: no messages
    view.show_stats({"total_copies": 0, "upset_share_by_day": rows})
    assert chart.shares == [0.1, 0.5, 0.0, 0.0, 0.0, 1.0]
    assert "0 条消息" in chart.tooltip_at(chart.bar_rects()[4].center().toPoint())
    view.show_stats({"total_copies": 0})
    assert not chart.has_data


def test_the_reply_rules_and_their_model_are_read_behind_the_window_not_at_the_first_check(make_window, qtbot, library_file, monkeypatch):
    """Reading the rules and the trained reply model takes tenths of a second: the library load's
    worker does it once the library is in use, so neither the first suggestion nor the agent's
    first 检查 or copy waits for it on the GUI thread."""
    import threading

    from kefu_assist import checker

    threads: list[str] = []
    real = checker.load_checker

    def spy(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(checker, "load_checker", spy)
    window = make_window(library_file)
    qtbot.waitUntil(lambda: bool(threads) and window.service._checker is not None, timeout=10000)  # after the library, on its worker
    assert threading.main_thread().name not in threads
    before = len(threads)
    type_reply(qtbot, window, "亲，加我微信发您优惠券")
    assert window.checker.findings and len(threads) == before  # the first check reads nothing more


def test_a_soothing_card_put_first_for_the_mood_says_so_instead_of_a_low_match(make_window, qtbot, type_message):
    # nothing matched confidently, the buyer is upset: the complaint card leads and is selected, and its
    # label says why (先安抚), not a similarity far under the cards below it; a matched card keeps its %
    from kefu_assist.ui.widgets import MOOD_FIRST_TEXT

    window = make_window(MOOD_LIBRARY)
    type_message(window, "你们再拖着我就去12315")
    first = window.suggest.views[0]
    assert first.suggestion.for_mood and first.suggestion.confident
    assert window.suggest.cards[0].scoreLabel.text() == MOOD_FIRST_TEXT
    type_message(window, "有色差吗")
    assert window.suggest.cards[0].scoreLabel.text().startswith("匹配 ")
