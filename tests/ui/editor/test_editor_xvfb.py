"""End to end under Xvfb: the real program, Ctrl+E in the sidebar opens 编辑话术 on the library in
use, its window is drawn (a screenshot of it is not blank), and Ctrl+S with nothing changed
writes nothing."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..xdesktop import desktop, wait, x

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

HERE = Path(__file__).resolve().parent


def test_ctrl_e_opens_the_editor_on_the_library_in_use(tmp_path):
    missing = [t for t in ("Xvfb", "xdotool", "xprop", "import") if shutil.which(t) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt-get install xvfb xdotool x11-utils imagemagick)")
    library = tmp_path / "lib" / "scripts.yaml"
    library.parent.mkdir()
    shutil.copy(HERE / "commented_library.yaml", library)
    before = library.read_bytes()
    with desktop(window_manager=False) as display:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", KEFU_ASSIST_TRACE_STARTUP="1",
                   KEFU_ASSIST_CONFIG_DIR=str(tmp_path / "config"), KEFU_ASSIST_DATA_DIR=str(tmp_path / "data"),
                   KEFU_ASSIST_CACHE_DIR=str(tmp_path / "cache"))
        log = tmp_path / "stderr.txt"
        with log.open("w") as err:
            app = subprocess.Popen([sys.executable, "-m", "kefu_assist", "--library", str(library)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=err)
        try:
            def ready():
                if app.poll() is not None:
                    raise AssertionError(f"the program exited with {app.returncode}:\n{log.read_text()}")
                return "kefu-assist-trace ready" in log.read_text()

            wait(ready, 60, "the sidebar to load its library")
            sidebar = wait(lambda: x(display, "xdotool", "search", "--name", "kefu-assist", check=False).stdout.split(), 10, "the sidebar")[0]
            x(display, "xdotool", "windowactivate", "--sync", sidebar, check=False)
            x(display, "xdotool", "windowfocus", "--sync", sidebar, check=False)
            x(display, "xdotool", "key", "--clearmodifiers", "ctrl+e")
            editor = wait(lambda: x(display, "xdotool", "search", "--name", "编辑话术", check=False).stdout.split(), 20, "the editor window")[0]
            shot = tmp_path / "editor.png"
            # drawn once the library is read: the script tree (left, under the search box, where
            # the sidebar at the screen's right edge never is) holds the scripts' titles
            def drawn():
                x(display, "import", "-window", editor, "-crop", "280x200+10+110", str(shot), check=False)
                colours = x(display, "identify", "-format", "%k", str(shot), check=False).stdout.strip()
                return colours.isdigit() and int(colours) > 20
            wait(drawn, 30, "the editor to list the scripts")
            x(display, "import", "-window", editor, str(tmp_path / "whole.png"), check=False)
            x(display, "xdotool", "windowfocus", "--sync", editor, check=False)
            x(display, "xdotool", "key", "--clearmodifiers", "ctrl+s")  # nothing changed: nothing written
            assert app.poll() is None, log.read_text()
            assert library.read_bytes() == before and not (library.parent / "scripts.yaml.bak").exists()
        finally:
            app.terminate()
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
