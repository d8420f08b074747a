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
    qtbot.waitUntil(lambda: not window._debounce.isActive(), timeout=2000)


def ctrl_l_paste(qtbot, window, text: str) -> None:
    press(qtbot, window, Qt.Key.Key_L, CTRL)
    assert window.messageEdit.hasFocus()
    paste(qtbot, window, text)


# -- 13: content never widens the sidebar ---------------------------------------------------------

def _min_width(window) -> int:
    return max(window.minimumSizeHint().width(), window.minimumWidth())


def test_long_category_entry_never_widens_the_sidebar(make_window, qtbot, tmp_path):
    from kefu_assist.ui.main_window import WIDTH

    window = make_window(LONG)
    longest = max((window.categoryCombo.itemText(i) for i in range(window.categoryCombo.count())), key=len)
    assert window.categoryCombo.fontMetrics().horizontalAdvance(longest) > WIDTH  # the case of the issue
    window.tabs.setCurrentIndex(1)  # 浏览全部: the category list is laid out
    qtbot.wait(50)
    assert window.width() == WIDTH
    press(qtbot, window, Qt.Key.Key_T, CTRL)  # pin
    qtbot.wait(50)
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert (window.width(), _min_width(window) <= WIDTH) == (WIDTH, True)
    QTest.mouseClick(window.clipboardCheck, Qt.MouseButton.LeftButton, pos=QPoint(8, window.clipboardCheck.height() // 2))
    assert window.clipboardCheck.isChecked()
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
    from kefu_assist.ui.main_window import WIDTH

    global _WINDOW
    window = _WINDOW if _WINDOW is not None and _WINDOW.isVisible() else None
    if window is None:
        window = _WINDOW = make_window(LONG)
    window.categoryCombo.addItem(category)
    window.scriptList.addItem(title)
    window.statusLabel.setText(status)
    window.bannerLabel.setText(banner)
    window.banner.show()
    window.messageEdit.setPlainText(message)
    window.toast(status)
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
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
