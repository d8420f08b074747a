"""A stand-in for the chat client's input box, run in its own process by the hotkey's end-to-end
test: one line edit holding the buyer's message, selected. Every change of its text is written to
the file named on the command line (one JSON line: {"text": ..., "sent": ...}); Enter in it
("send") is recorded as sent, which the sidebar must never do; "t" is the Unix time of the change
(benchmarks/bench_hotkey.py times the paste with it)."""
from __future__ import annotations

import json
import sys
import time

from PySide6.QtWidgets import QApplication, QLineEdit


def main() -> None:
    out, message = sys.argv[1], sys.argv[2]
    app = QApplication([])
    edit = QLineEdit(message)
    edit.setWindowTitle("chat-standin")
    edit.resize(420, 40)
    sent = {"n": 0}

    def record(*_args: object) -> None:
        with open(out, "a", encoding="utf-8") as f:
            f.write(json.dumps({"text": edit.text(), "sent": sent["n"], "t": time.time()}, ensure_ascii=False) + "\n")

    def send() -> None:
        sent["n"] += 1
        record()

    edit.textChanged.connect(record)
    edit.returnPressed.connect(send)
    edit.show()
    edit.selectAll()
    record()
    app.exec()


if __name__ == "__main__":
    main()
