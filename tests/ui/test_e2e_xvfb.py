"""End to end, as a person does it: the real program under Xvfb, a buyer question pasted into the
message box, Enter, and the system clipboard read from another process with xclip.

Typing Chinese with `xdotool type` depends on keymap tricks that Qt's xcb input does not reliably
follow, so the question is put on the clipboard with xclip and pasted with Ctrl+V, the way agents
bring a buyer message over from the chat client.

Each run happens twice: on a bare X server, and with a window manager (openbox) running, where
focus moves between windows as on a desktop: re-showing the window for Ctrl+T or closing the
settings dialog can leave the keys nowhere there and not on the bare server."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .xdesktop import desktop, wait, x

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

TOOLS = ("Xvfb", "xclip", "xdotool")
FIXTURE = Path(__file__).resolve().parent / "fixture_library.yaml"
QUESTION = "能开发票吗"
REPLY = "亲，可以开发票的，不收任何费用，下单后把抬头和税号发给小美就好～"
CHECKBOX_ROW_Y = 47  # 监听剪贴板's row, from the window's top: margin, the title row, spacing, half a row


@pytest.fixture(params=["bare", "openbox"])
def xvfb_display(request):
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.skip(f"end-to-end test needs {', '.join(missing)} (apt-get install xvfb xclip xdotool)")
    if request.param == "openbox" and (shutil.which("openbox") is None or shutil.which("xprop") is None):
        pytest.skip("the window-manager run needs openbox and xprop (apt-get install openbox x11-utils)")
    with desktop(window_manager=request.param == "openbox") as display:
        yield display


def _put_on_clipboard(display: str, text: str) -> None:
    """The buyer's question, copied in "the chat client" (xclip keeps serving it in the background;
    its output goes to /dev/null: the forked server would hold a pipe open)."""
    subprocess.run(["xclip", "-selection", "clipboard", "-i"], env={**os.environ, "DISPLAY": display}, input=text, text=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20, check=True)


def test_paste_question_enter_copies_reply_to_system_clipboard(xvfb_display, tmp_path, request):
    display = xvfb_display
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        KEFU_ASSIST_TRACE_STARTUP="1",
        KEFU_ASSIST_CONFIG_DIR=str(tmp_path / "config"),
        KEFU_ASSIST_DATA_DIR=str(tmp_path / "data"),
        KEFU_ASSIST_CACHE_DIR=str(tmp_path / "cache"),
    )
    log = tmp_path / "stderr.txt"
    with log.open("w") as err:
        app = subprocess.Popen([sys.executable, "-m", "kefu_assist", "--library", str(FIXTURE)], env=env, stdout=subprocess.DEVNULL, stderr=err)
    try:
        def ready():
            if app.poll() is not None:
                raise AssertionError(f"the program exited with {app.returncode}:\n{log.read_text()}")
            return "kefu-assist-trace ready" in log.read_text()

        wait(ready, 30, "the sidebar to load its library")
        window = wait(lambda: x(display, "xdotool", "search", "--name", "kefu-assist", check=False).stdout.split(), 10, "the window")[0]
        title = x(display, "xdotool", "getwindowname", window).stdout.strip()
        assert title.count("客服话术助手") == 1, f"the window title repeats itself: {title!r}"
        x(display, "xdotool", "windowactivate", "--sync", window, check=False)
        x(display, "xdotool", "windowfocus", "--sync", window, check=False)

        def key(*keys: str) -> None:
            for k in keys:
                x(display, "xdotool", "key", "--clearmodifiers", k)
                time.sleep(0.3)  # Qt and the window manager handle one key before the next

        def paste_and_copy(*before: str) -> None:
            """Keys the agent presses first (none of them to focus the message box), then Ctrl+V
            of the question and Enter: the reply must reach the system clipboard."""
            _put_on_clipboard(display, QUESTION)
            key(*before)
            key("ctrl+v")
            time.sleep(0.6)  # the debounce and the update
            key("Return")

            def clipboard():
                out = x(display, "xclip", "-selection", "clipboard", "-o", check=False).stdout
                return out if out == REPLY else None

            try:
                wait(clipboard, 10, "the reply on the system clipboard")
            except AssertionError:
                now = x(display, "xclip", "-selection", "clipboard", "-o", check=False).stdout
                raise AssertionError(f"after {before}: clipboard holds {now!r}, expected {REPLY!r}\n{log.read_text()}") from None

        def state() -> str:
            return x(display, "xprop", "-id", window, "_NET_WM_STATE", check=False).stdout

        managed = "openbox" in request.node.callspec.id
        paste_and_copy("ctrl+l")
        # pinning must keep the keys with the message box (it used to re-create the window)
        paste_and_copy("ctrl+t", "Escape")
        if managed:  # the window manager keeps it above the others, and it is still the active one
            assert "_NET_WM_STATE_ABOVE" in state()
            assert x(display, "xdotool", "getactivewindow").stdout.split() == [window]
        paste_and_copy("ctrl+t", "Escape")  # and unpinning
        if managed:
            assert "_NET_WM_STATE_ABOVE" not in state()
        # the settings dialog, closed with Esc, hands the keys back
        paste_and_copy("ctrl+comma", "Escape", "Escape")
        # a click on 监听剪贴板 (right-aligned in the row under the title bar) turns the watch on
        # and leaves the keys with the message box: a question copied "in the chat client" becomes
        # the message by itself, and Enter copies its reply
        key("Escape")  # an empty message box: only the clipboard watch can fill it now
        # (the width from getwindowgeometry; its position is off by the frame under openbox, so the
        # pointer moves relative to the window itself)
        geometry = dict(line.split("=", 1) for line in x(display, "xdotool", "getwindowgeometry", "--shell", window).stdout.split())
        x(display, "xdotool", "mousemove", "--window", window, str(int(geometry["WIDTH"]) - 24), str(CHECKBOX_ROW_Y))
        x(display, "xdotool", "click", "1")
        time.sleep(0.5)
        _put_on_clipboard(display, QUESTION)
        time.sleep(0.8)  # picked up, the debounce and the update
        key("Return")
        try:
            wait(lambda: x(display, "xclip", "-selection", "clipboard", "-o", check=False).stdout == REPLY, 10, "the reply")
        except AssertionError:
            now = x(display, "xclip", "-selection", "clipboard", "-o", check=False).stdout
            raise AssertionError(f"after clicking 监听剪贴板: clipboard holds {now!r}\n{log.read_text()}") from None
        assert app.poll() is None, "the program must keep running after a copy"
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
