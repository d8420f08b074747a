"""A virtual X desktop for the end-to-end tests: Xvfb on a free display, optionally openbox
managing it, and the small helpers the tests drive it with (xprop, xdotool, xclip)."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import pytest

_spec = importlib.util.spec_from_file_location("kefu_assist_packaging_xvfb", Path(__file__).resolve().parents[2] / "packaging" / "xvfb.py")
assert _spec is not None and _spec.loader is not None
_xvfb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_xvfb)

T = TypeVar("T")


def start_xvfb() -> tuple[subprocess.Popen, int]:
    """Xvfb on a display number it picks itself: packaging/xvfb.py, which the release smoke test
    uses too."""
    try:
        return _xvfb.start_xvfb()
    except _xvfb.XvfbError as exc:
        pytest.fail(str(exc))


def wait(predicate: Callable[[], T], timeout: float, what: str) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def x(display: str, *args: str, input: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "DISPLAY": display}
    return subprocess.run(list(args), env=env, input=input, capture_output=True, text=True, timeout=20, check=check)


def _answering_xvfb(attempts: int = 3) -> tuple[subprocess.Popen, int]:
    """A started Xvfb a client got through to. On a loaded machine shared with other test runs
    an Xvfb now and then exits right after reporting its number (openbox then failed three times
    with "Failed to open the display"): such a server is replaced, up to ``attempts`` times."""
    exits = []
    for _attempt in range(attempts):
        proc, n = start_xvfb()
        wait(lambda proc=proc, n=n: Path(f"/tmp/.X11-unix/X{n}").exists() or proc.poll() is not None, 10, "Xvfb to start")
        # the socket appears before the server answers: wait until a client gets through
        if proc.poll() is None:
            wait(lambda proc=proc, n=n: x(f":{n}", "xprop", "-root", check=False).returncode == 0 or proc.poll() is not None, 10, "Xvfb to answer")
        if proc.poll() is None:
            return proc, n
        exits.append(f":{n} exited with {proc.returncode}")
    pytest.fail(f"Xvfb did not stay up {attempts} times: {'; '.join(exits)}")


@contextmanager
def desktop(*, window_manager: bool) -> Iterator[str]:
    """Xvfb answering on a free display (and openbox managing it): yields ``":N"``."""
    proc, n = _answering_xvfb()
    wm = None
    wm_log = tempfile.TemporaryFile()
    try:
        if window_manager:
            for _attempt in range(3):  # openbox now and then quits at start on a loaded machine
                wm = subprocess.Popen(["openbox", "--sm-disable"], env={**os.environ, "DISPLAY": f":{n}"},
                                      stdout=wm_log, stderr=wm_log)
                wait(lambda wm=wm: "window id" in x(f":{n}", "xprop", "-root", "_NET_SUPPORTING_WM_CHECK", check=False).stdout
                     or wm.poll() is not None, 10, "openbox to manage the screen")
                if wm.poll() is None:
                    break
            else:
                wm_log.seek(0)
                pytest.fail(f"openbox exited with {wm.returncode if wm else '?'} three times: {wm_log.read().decode(errors='replace')[-500:]}")
        yield f":{n}"
    finally:
        if wm is not None:
            wm.terminate()
            wm.wait(timeout=10)
        proc.terminate()
        proc.wait(timeout=10)
        wm_log.close()
