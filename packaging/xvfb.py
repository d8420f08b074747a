"""Xvfb on a display number it picks itself (``-displayfd``), for the release smoke test, the
frozen-start benchmark and the end-to-end tests alike: runs side by side (several checkouts, CI
beside a developer's run, a smoke test during the tests) cannot take the same number between a
check for a free number and the server's start, as they could when the caller chose it.

``-noreset``: an X server resets when its last client disconnects, closing every connection being
opened meanwhile. On a bare display (no window manager holding one) the readiness probe's xprop was
often that last client, and the next client (the hotkey backend, the sidebar) now and then got
"Connection reset by peer" (test_hotkey_e2e.py in a fresh-clone CI run)."""
from __future__ import annotations

import os
import select
import subprocess
import time
from pathlib import Path


class XvfbError(Exception):
    """Xvfb did not start, or did not say which display it took."""


def start_xvfb(timeout: float = 10.0) -> tuple[subprocess.Popen, int]:
    """A started Xvfb (1280x900, no TCP) and its display number, once its socket exists."""
    read_end, write_end = os.pipe()
    try:
        proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x900x24", "-nolisten", "tcp", "-noreset"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(write_end,))
    finally:
        os.close(write_end)
    data = b""
    deadline = time.monotonic() + timeout
    try:
        while not data.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            chunk = os.read(read_end, 16)
            if not chunk:
                break
            data += chunk
    finally:
        os.close(read_end)
    if not data.strip().isdigit():
        proc.kill()
        proc.wait(timeout=10)
        raise XvfbError(f"Xvfb did not report a display number (exit {proc.poll()}, said {data!r})")
    number = int(data)
    while not Path(f"/tmp/.X11-unix/X{number}").exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if proc.poll() is not None:
        raise XvfbError(f"Xvfb :{number} exited with {proc.returncode}")
    return proc, number
