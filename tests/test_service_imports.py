"""The checker package is imported on first use, by two threads in the sidebar: the reply rules
read on a worker after a load (ui/workers.py), the first message's mood on the GUI thread a moment
later. The mood's import then ran into the package half-initialised on the worker: ImportError
(cannot import name 'Cue' from partially initialized module) on one side, KeyError:
'kefu_assist.checker' on the other (the hotkey sidebar test failed so on a busy machine). Fresh
interpreters: the rules first, the mood 1-20 ms later, as the sidebar does."""
from __future__ import annotations

import subprocess
import sys

import pytest

CODE = """
import sys, threading, time
from kefu_assist.service import AssistService
svc = AssistService()
errors = []
def rules():
    try:
        svc.reply_checker()
    except Exception as e:
        errors.append(repr(e))
def moods():
    try:
        AssistService.mood("你们这什么态度 我要投诉")
    except Exception as e:
        errors.append(repr(e))
first = threading.Thread(target=rules)
then = threading.Thread(target=moods)
first.start()
time.sleep(float(sys.argv[1]))
then.start()
first.join()
then.join()
print(errors)
"""


@pytest.mark.parametrize("delay", [0.001, 0.005, 0.01, 0.03])
def test_the_mood_read_while_the_rules_load_on_a_worker(delay):
    proc = subprocess.run([sys.executable, "-c", CODE, str(delay)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]", proc.stdout
