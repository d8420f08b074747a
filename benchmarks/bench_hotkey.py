"""The global hotkey's round trip (issue 14), timed on the real program under Xvfb with openbox
and the stand-in chat window of tests/ui/chat_standin.py.

    python benchmarks/bench_hotkey.py [--runs N]

- hotkey -> suggestions: from just before ``xdotool key ctrl+alt+q`` (chat window focused, the
  buyer's message selected) to the sidebar's "hotkey-shown" trace line (the selection copied
  from the chat window, the cards filled, the keys asked back). Baseline in the same run: a bare
  ``xdotool key`` into the stand-in until its text changes (the cost of the key tool and the X
  round trip on their own).
- Enter -> text in the chat window: from just before ``xdotool key Return`` in the sidebar to
  the stand-in's change (copy, focus handed back by the window manager, Ctrl+V, the clipboard
  served to the stand-in). Baseline: ``xdotool key ctrl+v`` into the focused stand-in, the same
  paste without the sidebar.

Medians and maxima in milliseconds, with the machine's reference loop (benchmarks/machine.py).
Needs Xvfb, openbox, xdotool and xclip.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests" / "ui"))

import machine  # noqa: E402

FIXTURE = REPO / "tests" / "ui" / "fixture_library.yaml"
STANDIN = REPO / "tests" / "ui" / "chat_standin.py"
QUESTION = "能开发票吗"
OTHER = "你好，在吗"


def x(display: str, *args: str, input: str | None = None) -> str:
    return subprocess.run(list(args), env={**os.environ, "DISPLAY": display}, input=input, capture_output=True, text=True, timeout=20).stdout


def wait(pred, timeout: float = 10.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        v = pred()
        if v:
            return v
        time.sleep(0.002)
    raise SystemExit("timed out")


def last(out: Path) -> dict:
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    return json.loads(lines[-1]) if lines else {}


def clip(display: str, text: str) -> None:
    subprocess.run(["xclip", "-selection", "clipboard", "-i"], env={**os.environ, "DISPLAY": display}, input=text, text=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20, check=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-hotkey-"))
    n = next(i for i in range(250, 400) if not Path(f"/tmp/.X{i}-lock").exists() and not Path(f"/tmp/.X11-unix/X{i}").exists())
    display = f":{n}"
    procs = [subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x900x24", "-nolisten", "tcp", "-noreset"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        wait(lambda: Path(f"/tmp/.X11-unix/X{n}").exists())
        procs.append(subprocess.Popen(["openbox", "--sm-disable"], env={**os.environ, "DISPLAY": display}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        wait(lambda: "window id" in x(display, "xprop", "-root", "_NET_SUPPORTING_WM_CHECK"))
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", KEFU_ASSIST_TRACE_STARTUP="1", KEFU_ASSIST_CONFIG_DIR=str(tmp / "config"),
                   KEFU_ASSIST_DATA_DIR=str(tmp / "data"), KEFU_ASSIST_CACHE_DIR=str(tmp / "cache"))
        log = tmp / "stderr.txt"
        with log.open("w") as err:
            procs.append(subprocess.Popen([sys.executable, "-m", "kefu_assist", "--library", str(FIXTURE)], env=env, stdout=subprocess.DEVNULL, stderr=err))
        wait(lambda: "kefu-assist-trace ready" in log.read_text(), 60)
        sidebar = wait(lambda: x(display, "xdotool", "search", "--onlyvisible", "--name", "kefu-assist").split())[0]
        out = tmp / "standin.jsonl"
        procs.append(subprocess.Popen([sys.executable, str(STANDIN), str(out), QUESTION], env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        chat = wait(lambda: x(display, "xdotool", "search", "--onlyvisible", "--name", "chat-standin").split(), 20)[0]

        def focus(window: str) -> None:
            def ok() -> bool:
                x(display, "xdotool", "windowactivate", window)
                time.sleep(0.05)
                return x(display, "xdotool", "getactivewindow").split() == [window]
            wait(ok)

        hotkey, paste, base_key, base_paste = [], [], [], []
        messages: list[str] = []  # the replies pasted: each must answer the selection, not the clipboard
        for _ in range(args.runs):
            # reset the chat input to the question, selected
            focus(chat)
            clip(display, QUESTION)
            x(display, "xdotool", "key", "ctrl+a", "ctrl+v")
            wait(lambda: last(out).get("text") == QUESTION)
            # baseline: a bare key into the stand-in (End then a character is typed: 'a')
            x(display, "xdotool", "key", "End")
            t0 = time.time()
            x(display, "xdotool", "key", "a")
            wait(lambda: last(out).get("text") == QUESTION + "a")
            base_key.append((last(out)["t"] - t0) * 1000)
            x(display, "xdotool", "key", "BackSpace", "ctrl+a")
            wait(lambda: last(out).get("text") == QUESTION)
            clip(display, OTHER)  # the clipboard holds something else: the selection must win
            # hotkey -> suggestions
            shown = log.read_text().count("hotkey-shown")
            t0 = time.time()
            x(display, "xdotool", "key", "ctrl+alt+q")
            wait(lambda shown=shown: log.read_text().count("hotkey-shown") > shown)
            stamp = float([line for line in log.read_text().splitlines() if "hotkey-shown" in line][-1].split()[2])
            hotkey.append((stamp - t0) * 1000)

            wait(lambda: x(display, "xdotool", "getactivewindow").split() == [sidebar])
            # Enter -> text in the chat window
            reply_before = len(out.read_text(encoding="utf-8").splitlines())
            t0 = time.time()
            x(display, "xdotool", "key", "Return")
            wait(lambda before=reply_before: len(out.read_text(encoding="utf-8").splitlines()) > before and last(out)["text"] != QUESTION)
            paste.append((last(out)["t"] - t0) * 1000)
            assert last(out)["sent"] == 0
            reply = last(out)["text"]
            messages.append(reply)
            # baseline paste: the same reply pasted with a bare ctrl+v into the focused stand-in
            focus(chat)
            clip(display, reply)
            x(display, "xdotool", "key", "ctrl+a", "BackSpace")
            wait(lambda: last(out).get("text") == "")
            t0 = time.time()
            x(display, "xdotool", "key", "ctrl+v")
            wait(lambda reply=reply: last(out).get("text") == reply)
            base_paste.append((last(out)["t"] - t0) * 1000)

        def fig(name: str, values: list[float]) -> None:
            print(f"{name:42s} median {statistics.median(values):6.1f} ms   max {max(values):6.1f} ms   (n={len(values)})")

        print(f"machine: {machine.describe()}")
        print(f"reference loop: {machine.reference_s():.2f} s")
        fig("hotkey -> suggestions", hotkey)
        fig("  baseline: bare xdotool key -> stand-in", base_key)
        fig("Enter -> reply in the chat window", paste)
        fig("  baseline: bare xdotool ctrl+v -> stand-in", base_paste)
        print(f"replies answering the selection: {sum('发票' in m for m in messages)}/{len(messages)}")
    finally:
        for p in reversed(procs):
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
