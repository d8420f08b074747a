"""The global hotkey on X11 with python-xlib (no Qt).

The hotkey is an XGrabKey on the root window, once for each state of NumLock and CapsLock,
listened to on a thread with its own connection (Xlib connections are not shared between
threads). The chat window is the one _NET_ACTIVE_WINDOW names (the input focus without a window
manager). Its selection is copied by sending Ctrl+C with XTEST, after releasing the hotkey's
modifiers still held (else the chat client would see Ctrl+Alt+C); the reply is pasted by
activating the window (a _NET_ACTIVE_WINDOW client message to the root, as a pager does) and
sending Ctrl+V. Nothing here ever presses Enter.
"""
from __future__ import annotations

import os
import select
import threading
import time
from typing import Any, Callable

from Xlib import X, XK, display, error
from Xlib.ext import xtest
from Xlib.protocol import event as xevent

from ...keycombo import Combo
from . import HotkeyError

MASKS = {"Ctrl": X.ControlMask, "Shift": X.ShiftMask, "Alt": X.Mod1Mask, "Win": X.Mod4Mask}
IGNORED = (0, X.LockMask, X.Mod2Mask, X.LockMask | X.Mod2Mask)  # CapsLock, NumLock
ACTIVATE_WAIT = 0.3  # seconds for the window manager to hand the focus over before Ctrl+V
RELEASE_WAIT = 0.5  # seconds for the agent to let go of the hotkey's key (see send_copy)
SOURCE_PAGER = 2  # _NET_ACTIVE_WINDOW's source indication: "a pager" is obeyed at once


def keysym_name(key: str) -> str:
    """The X keysym name of a combo's key ("Q" -> "q", "5" -> "5", "F5" -> "F5")."""
    return key.lower() if len(key) == 1 else key


def modifier_mask(combo: Combo) -> int:
    mask = 0
    for m in combo.modifiers:
        mask |= MASKS[m]
    return mask


class X11Backend:
    def __init__(self, display_name: str | None = None, *, open_display: Callable[[str | None], Any] = display.Display):
        self._name = display_name
        self._open = open_display
        self._thread: threading.Thread | None = None
        self._wake: tuple[int, int] | None = None
        self._local = threading.local()
        self._keycode = 0  # the hotkey's key, grabbed

    # -- the main thread's connection --------------------------------------------------------
    @property
    def _d(self) -> Any:
        d = getattr(self._local, "d", None)
        if d is None:
            try:
                d = self._local.d = self._open(self._name)
            except Exception as e:
                raise HotkeyError(f"无法连接 X 显示：{e}") from e
        return d

    # -- listening ------------------------------------------------------------------------------
    def start(self, combo: Combo, pressed: Callable[[], None]) -> None:
        self.stop()
        try:
            d = self._open(self._name)
        except Exception as e:
            raise HotkeyError(f"无法连接 X 显示：{e}") from e
        root = d.screen().root
        keycode = d.keysym_to_keycode(XK.string_to_keysym(keysym_name(combo.key)))
        if not keycode:
            d.close()
            raise HotkeyError(f"键盘上没有 {combo.key} 键，无法注册快捷键 {combo}")
        mask = modifier_mask(combo)
        self._keycode = keycode
        catch = error.CatchError(error.BadAccess)
        for extra in IGNORED:
            root.grab_key(keycode, mask | extra, True, X.GrabModeAsync, X.GrabModeAsync, onerror=catch)
        d.sync()
        if catch.get_error():
            for extra in IGNORED:
                root.ungrab_key(keycode, mask | extra)
            d.close()
            raise HotkeyError(f"快捷键 {combo} 已被其他程序占用，请在设置里换一个")
        self._wake = os.pipe()
        wake_read = self._wake[0]

        def run() -> None:
            try:
                while True:
                    while d.pending_events():
                        ev = d.next_event()
                        if ev.type == X.KeyPress and ev.detail == keycode and (ev.state & ~(X.LockMask | X.Mod2Mask)) & 0xFF == mask:
                            pressed()
                    ready, _, _ = select.select([d.fileno(), wake_read], [], [])
                    if wake_read in ready:
                        return
            finally:
                d.close()
                os.close(wake_read)

        self._thread = threading.Thread(target=run, name="kefu-hotkey-x11", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        d = getattr(self._local, "d", None)
        if d is not None:  # this thread's connection (the next call opens another)
            self._local.d = None
            d.close()
        if self._thread is None or self._wake is None:
            return
        os.write(self._wake[1], b"x")
        self._thread.join(timeout=2)
        os.close(self._wake[1])
        self._thread = None
        self._wake = None

    # -- the chat window -----------------------------------------------------------------------
    def active_window(self) -> int | None:
        d = self._d
        root = d.screen().root
        prop = root.get_full_property(d.intern_atom("_NET_ACTIVE_WINDOW"), X.AnyPropertyType)
        if prop is not None and len(prop.value) and prop.value[0]:
            return int(prop.value[0])
        focus = d.get_input_focus().focus
        wid = focus if isinstance(focus, int) else getattr(focus, "id", 0)
        return int(wid) if wid and wid not in (X.PointerRoot, root.id) else None

    def send_copy(self, window: int) -> None:
        # While the hotkey's key is down the grab is active and every key, our Ctrl+C too, goes
        # to the grabbing client, not the chat window: wait for the agent to let go of it.
        d = self._d
        deadline = time.monotonic() + RELEASE_WAIT
        code = self._keycode
        while code and d.query_keymap()[code // 8] & (1 << (code % 8)) and time.monotonic() < deadline:
            time.sleep(0.005)
        self._release_held()
        self._chord("Control_L", "c")

    def paste_into(self, window: int) -> bool:
        d = self._d
        target = d.create_resource_object("window", window)
        try:
            target.get_attributes()
        except error.XError:
            return False  # the chat window was closed meanwhile
        root = d.screen().root
        atom = d.intern_atom("_NET_ACTIVE_WINDOW")
        managed = root.get_full_property(d.intern_atom("_NET_SUPPORTING_WM_CHECK"), X.AnyPropertyType) is not None
        if managed:
            msg = xevent.ClientMessage(window=target, client_type=atom, data=(32, [SOURCE_PAGER, X.CurrentTime, 0, 0, 0]))
            root.send_event(msg, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
            d.flush()
            deadline = time.monotonic() + ACTIVATE_WAIT
            while self.active_window() != window and time.monotonic() < deadline:
                time.sleep(0.01)
        else:
            target.set_input_focus(X.RevertToParent, X.CurrentTime)
            d.sync()
        self._release_held()
        self._chord("Control_L", "v")
        return True

    # -- keys ----------------------------------------------------------------------------------
    def _release_held(self) -> None:
        """Release (for the X server) the modifier keys still held down, the hotkey's own."""
        d = self._d
        pressed = d.query_keymap()
        for codes in d.get_modifier_mapping():
            for code in codes:
                if code and pressed[code // 8] & (1 << (code % 8)):
                    xtest.fake_input(d, X.KeyRelease, code)
        d.sync()

    def _chord(self, modifier: str, key: str) -> None:
        d = self._d
        mod = d.keysym_to_keycode(XK.string_to_keysym(modifier))
        code = d.keysym_to_keycode(XK.string_to_keysym(key))
        for kind, c in ((X.KeyPress, mod), (X.KeyPress, code), (X.KeyRelease, code), (X.KeyRelease, mod)):
            xtest.fake_input(d, kind, c)
        d.sync()
