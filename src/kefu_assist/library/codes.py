"""Qianniu 快捷编码 (short codes): what a valid one looks like, in one place for the loader, the
importer and the exporter.

Agents type a code after ``/`` in Qianniu's chat box. Codes are written half-width and lower-case,
and the tools that check Qianniu's phrase files refuse a code that starts or ends with a digit
(../shared/qianniu.md); so a valid code is ASCII lower-case letters and digits, a letter first
and last. No length limit is documented; 20 characters is far above what anyone types.
"""
from __future__ import annotations

import re
import unicodedata

CODE_RE = re.compile(r"^[a-z](?:[a-z0-9]*[a-z])?\Z")
MAX_CODE_LEN = 20


def code_problem(code: str) -> str | None:
    """Why ``code`` is not a valid 快捷编码, or None when it is."""
    if not code:
        return "code is empty"
    if len(code) > MAX_CODE_LEN:
        return f"code '{code}' is longer than {MAX_CODE_LEN} characters"
    if CODE_RE.match(code):
        return None
    folded = fold_code(code)
    if folded != code and CODE_RE.match(folded) and len(folded) <= MAX_CODE_LEN:
        return f"code '{code}' must be half-width lower-case: write '{folded}'"
    if code[0].isdigit() or code[-1].isdigit():
        return f"code '{code}' starts or ends with a digit, which Qianniu does not accept"
    return f"code '{code}' may hold only the letters a-z and digits, a letter first and last"


def fold_code(code: str) -> str:
    """Full-width to half-width, upper to lower case, spaces out: what a code typed by hand
    usually meant."""
    return "".join(unicodedata.normalize("NFKC", code).split()).lower()
