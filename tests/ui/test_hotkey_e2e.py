"""The global hotkey end to end, as an agent does it: the real program under Xvfb with a window
manager (openbox), a stand-in chat window in another process holding the buyer's message
selected, the hotkey pressed with xdotool, Enter in the sidebar: the reply must be in the
stand-in's input, the stand-in focused again, and nothing sent."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .xdesktop import desktop, wait, x

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixture_library.yaml"
QUESTION = "能开发票吗"
REPLY = "亲，可以开发票的，不收任何费用，下单后把抬头和税号发给小美就好～"
OTHER = "你好，在吗"  # on the clipboard before the press: with text selected it is not the message
TOOLS = ("Xvfb", "xdotool", "xclip", "openbox", "xprop")


@pytest.fixture
def chat_desktop():
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.skip(f"the hotkey's end-to-end test needs {', '.join(missing)} (apt-get install xvfb xdotool xclip openbox x11-utils)")
    pytest.importorskip("Xlib", reason="python-xlib (a Linux dependency) is not installed")
    with desktop(window_manager=True) as display:
        yield display


def _start(display: str, tmp_path: Path, settings: str = "") -> tuple[subprocess.Popen, Path]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", KEFU_ASSIST_TRACE_STARTUP="1",
               KEFU_ASSIST_CONFIG_DIR=str(tmp_path / "config"), KEFU_ASSIST_DATA_DIR=str(tmp_path / "data"),
               KEFU_ASSIST_CACHE_DIR=str(tmp_path / "cache"))
    if settings:
        (tmp_path / "config").mkdir(mode=0o700, exist_ok=True)
        (tmp_path / "config" / "settings.ini").write_text(settings, encoding="utf-8")
    log = tmp_path / "stderr.txt"
    with log.open("w") as err:
        app = subprocess.Popen([sys.executable, "-m", "kefu_assist", "--library", str(FIXTURE)], env=env, stdout=subprocess.DEVNULL, stderr=err)

    def ready():
        if app.poll() is not None:
            raise AssertionError(f"the program exited with {app.returncode}:\n{log.read_text()}")
        return "kefu-assist-trace ready" in log.read_text()

    wait(ready, 60, "the sidebar to load its library")
    return app, log


def _standin(display: str, tmp_path: Path) -> tuple[subprocess.Popen, Path, str]:
    out = tmp_path / "standin.jsonl"
    log = tmp_path / "standin-stderr.txt"
    with log.open("w") as err:
        proc = subprocess.Popen([sys.executable, str(HERE / "chat_standin.py"), str(out), QUESTION],
                                env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}, stdout=subprocess.DEVNULL, stderr=err)
    try:
        window = wait(lambda: x(display, "xdotool", "search", "--onlyvisible", "--name", "chat-standin", check=False).stdout.split(),
                       20, "the stand-in window")[0]

        def active() -> bool:  # asked again until the window manager has mapped it
            x(display, "xdotool", "windowactivate", window, check=False)
            time.sleep(0.1)
            return x(display, "xdotool", "getactivewindow", check=False).stdout.split() == [window]

        wait(active, 20, "the stand-in to be active")
    except AssertionError as e:
        _stop(proc)
        raise AssertionError(f"{e}\nstand-in: {log.read_text()}") from None
    return proc, out, window


def _last(out: Path) -> dict:
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    return json.loads(lines[-1]) if lines else {}


def _stop(*procs: subprocess.Popen) -> None:
    for p in procs:
        p.terminate()
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()


def test_hotkey_takes_the_selection_and_enter_pastes_the_reply_into_the_chat_window(chat_desktop, tmp_path):
    display = chat_desktop
    app, log = _start(display, tmp_path)
    standin = None
    try:
        sidebar = wait(lambda: x(display, "xdotool", "search", "--onlyvisible", "--name", "kefu-assist", check=False).stdout.split(), 10, "the sidebar")[0]
        subprocess.run(["xclip", "-selection", "clipboard", "-i"], env={**os.environ, "DISPLAY": display}, input=OTHER, text=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20, check=True)
        standin, out, chat = _standin(display, tmp_path)
        x(display, "xdotool", "key", "ctrl+alt+q")
        # the selection, not what was on the clipboard, is the message; the sidebar takes the keys
        wait(lambda: x(display, "xdotool", "getactivewindow", check=False).stdout.split() == [sidebar], 30,
              f"the sidebar to be active after the hotkey\n{log.read_text()}")
        assert x(display, "xclip", "-selection", "clipboard", "-o", check=False).stdout == QUESTION
        time.sleep(0.3)
        x(display, "xdotool", "key", "Return")
        try:
            wait(lambda: _last(out).get("text") == REPLY, 10, "the reply in the stand-in's input")
        except AssertionError:
            raise AssertionError(f"the stand-in holds {_last(out)!r}\n{log.read_text()}") from None
        assert x(display, "xdotool", "getactivewindow").stdout.split() == [chat], "the chat window has the focus back"
        time.sleep(0.5)
        assert {k: _last(out)[k] for k in ("text", "sent")} == {"text": REPLY, "sent": 0}, "pasted, never sent"

        # nothing selected: the hotkey takes the clipboard as it is
        x(display, "xdotool", "key", "End")  # the cursor at the end, no selection
        subprocess.run(["xclip", "-selection", "clipboard", "-i"], env={**os.environ, "DISPLAY": display}, input=QUESTION, text=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20, check=True)
        time.sleep(0.3)
        x(display, "xdotool", "key", "ctrl+alt+q")
        wait(lambda: x(display, "xdotool", "getactivewindow", check=False).stdout.split() == [sidebar], 10, "the sidebar again")
        time.sleep(0.3)
        x(display, "xdotool", "key", "ctrl+1")
        wait(lambda: _last(out).get("text") == REPLY + REPLY, 10, "the second reply after the first")
        assert _last(out)["sent"] == 0
        assert app.poll() is None
    finally:
        _stop(app, *([standin] if standin else []))


@pytest.fixture
def bare_display():
    if shutil.which("Xvfb") is None or shutil.which("xdotool") is None:
        pytest.skip("needs Xvfb and xdotool (apt-get install xvfb xdotool)")
    pytest.importorskip("Xlib", reason="python-xlib (a Linux dependency) is not installed")
    with desktop(window_manager=False) as display:
        yield display


def test_x11_grab_fires_on_the_combo_only_and_a_taken_combo_is_refused(bare_display):
    from kefu_assist.keycombo import parse
    from kefu_assist.ui.hotkey import HotkeyError
    from kefu_assist.ui.hotkey.x11 import X11Backend

    presses: list[str] = []
    first = X11Backend(bare_display)
    first.start(parse("Ctrl+Alt+Q"), lambda: presses.append("q"))
    try:
        x(bare_display, "xdotool", "key", "ctrl+q")  # not the combo
        x(bare_display, "xdotool", "key", "ctrl+alt+q")
        wait(lambda: presses, 5, "the grab to fire")
        x(bare_display, "xdotool", "key", "Num_Lock")  # NumLock on: still the combo
        x(bare_display, "xdotool", "key", "ctrl+alt+q")
        wait(lambda: len(presses) == 2, 5, "the grab to fire with NumLock on")
        time.sleep(0.2)
        assert presses == ["q", "q"]
        second = X11Backend(bare_display)
        with pytest.raises(HotkeyError, match="已被其他程序占用"):
            second.start(parse("ctrl+alt+q"), lambda: None)
    finally:
        first.stop()
    again = X11Backend(bare_display)  # stop let it go
    again.start(parse("Ctrl+Alt+Q"), lambda: None)
    again.stop()


def test_x11_copy_waits_for_the_hotkeys_key_to_be_let_go(bare_display):
    """While the grabbed key is down, X sends every key to the grabbing client: a Ctrl+C sent then
    would never reach the chat window (an agent holds Ctrl+Alt+Q for a moment)."""
    import threading

    from Xlib import XK, display

    from kefu_assist.keycombo import parse
    from kefu_assist.ui.hotkey.x11 import X11Backend

    backend = X11Backend(bare_display)
    backend.start(parse("Ctrl+Alt+Q"), lambda: None)
    probe = display.Display(bare_display)
    code = probe.keysym_to_keycode(XK.string_to_keysym("q"))

    def q_down() -> bool:
        return bool(probe.query_keymap()[code // 8] & (1 << (code % 8)))

    try:
        x(bare_display, "xdotool", "keydown", "ctrl+alt+q")
        assert q_down()
        let_go = threading.Timer(0.2, lambda: x(bare_display, "xdotool", "keyup", "q"))
        let_go.start()
        backend.send_copy(0)
        assert not q_down(), "Ctrl+C was sent while the hotkey's key was still held"
        let_go.join()
    finally:
        x(bare_display, "xdotool", "keyup", "ctrl+alt+q", check=False)
        probe.close()
        backend.stop()
