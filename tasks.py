#!/usr/bin/env python3
"""The project's two commands, each doing its own set-up; needs only Python 3.11+ (and git to
clone). Works on Linux, macOS and Windows.

    python3 tasks.py run  [kefu-assist arguments]   # set up .venv, start the sidebar
    python3 tasks.py test [pytest arguments]        # set up .venv with test tools; ruff, mypy, then every test
    python3 tasks.py replytrain [--jobs 2] [--cache DIR] [--quiet]   # retrain resources/reply_model.json.gz by its recipe
    python3 tasks.py questiontrain   # retrain resources/question_model.bin (matching/writers.py), a few seconds

Set-up creates .venv beside this file and installs the project into it (editable, so edits take
effect at once); it is repeated only when pyproject.toml changes.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
# run before the tests, configured in pyproject.toml ([tool.ruff], [tool.mypy])
LINTERS = (
    ("ruff", ["ruff", "check", "--quiet", "src", "tests", "benchmarks", "scripts", "tasks.py"]),
    ("mypy", ["mypy"]),
)


def _stamp(extra: str) -> Path:
    return VENV / f".installed-{extra}"


def setup(extra: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"kefu-assist needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"creating {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True, upgrade_deps=False).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = _stamp(extra)
    if stamp.exists() and stamp.read_text() == digest:
        return
    target = f".[{extra}]" if extra else "."
    print(f"installing kefu-assist{f' with {extra} tools' if extra else ''} into {VENV} …", flush=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], cwd=ROOT, check=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", target], cwd=ROOT, check=True)
    stamp.write_text(digest)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "replytrain", "questiontrain"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        if command == "run":
            setup("")
            return subprocess.call([str(PYTHON), "-m", "kefu_assist", *rest], cwd=ROOT)
        if command == "replytrain":  # the reply model's recipe (checker/replytrain.py), from this checkout
            setup("test" if _stamp("test").exists() else "")  # NumPy is a runtime dependency; a test venv has it
            return subprocess.call([str(PYTHON), "-m", "kefu_assist.checker.replytrain", *rest], cwd=ROOT)
        if command == "questiontrain":  # the writers' question model (matching/writers.py), after editing its files or the library
            setup("test" if _stamp("test").exists() else "")
            return subprocess.call([str(PYTHON), "-c", "from kefu_assist.matching import writers_train; writers_train.train_shipped(writers_train.checkout_root())", *rest], cwd=ROOT)
        setup("test")
        for name, check in LINTERS:
            if subprocess.call([str(PYTHON), "-m", *check], cwd=ROOT) != 0:
                print(f"{name} found problems (above); fix them first", file=sys.stderr)
                return 1
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env)
    except subprocess.CalledProcessError as exc:
        print(f"set-up failed: {' '.join(map(str, exc.cmd))} exited with {exc.returncode}", file=sys.stderr)
        return exc.returncode or 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
