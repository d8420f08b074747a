"""Compile the Designer views of resources/ui/*.ui into Python (src/kefu_assist/ui/compiled/).

    .venv/bin/python scripts/compile_ui.py          # after editing a .ui file in Designer
    .venv/bin/python scripts/compile_ui.py --check  # exit 1 if a compiled view is out of date

The .ui files stay the source of truth. The sidebar builds its views from the compiled forms only
(about twice as fast as QUiLoader, and every widget a typed attribute of the form object); each
records the digest of its .ui file, and a test runs --check, so a .ui edited without
recompiling fails the suite instead of being ignored.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "resources" / "ui"
OUT_DIR = ROOT / "src" / "kefu_assist" / "ui" / "compiled"


def uic() -> str:
    exe = Path(sys.executable).with_name("pyside6-uic")
    return str(exe) if exe.exists() else "pyside6-uic"


_IMPORT_RE = re.compile(r"^from (PySide6\.\w+) import \((.*?)\)\n", re.S | re.M)


def trim_imports(code: str) -> str:
    """uic imports some thirty Qt classes whatever the form uses; each one imported makes
    PySide6 build that class and its enums (QGradient alone has 180), which the window's start-up
    would pay for. Keep the names the form uses."""
    body = _IMPORT_RE.sub("", code)

    def keep(match: re.Match) -> str:
        names = [n.strip() for n in match.group(2).replace("\n", " ").split(",") if n.strip()]
        used = [n for n in names if re.search(rf"\b{n}\b", body)]
        return f"from {match.group(1)} import {', '.join(used)}\n" if used else ""

    return _IMPORT_RE.sub(keep, code)


def compiled_text(ui: Path) -> str:
    code = trim_imports(subprocess.run([uic(), "--no-autoconnection", str(ui)], capture_output=True, text=True, check=True).stdout)
    digest = hashlib.sha256(ui.read_bytes()).hexdigest()
    header = f"# Compiled from resources/ui/{ui.name} by scripts/compile_ui.py; do not edit.\n"
    return header + f'UI_SHA256 = "{digest}"\n\n' + code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only report views whose compiled form is out of date")
    args = parser.parse_args()
    stale = []
    for ui in sorted(UI_DIR.glob("*.ui")):
        target = OUT_DIR / f"{ui.stem}_ui.py"
        text = compiled_text(ui)
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current.splitlines()[:2] == text.splitlines()[:2]:
            continue  # same .ui digest (the uic banner may differ between PySide6 versions)
        stale.append(target)
        if not args.check:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    if args.check and stale:
        for target in stale:
            print(f"out of date: {target.relative_to(ROOT)} (run scripts/compile_ui.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
