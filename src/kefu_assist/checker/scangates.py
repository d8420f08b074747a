"""Which scans of a reply can be skipped: gates read from the rules' own patterns, so that a reply wakes
only the scans it can match (issue 12: ``check`` of one reply p99 <= 2 ms).

Two kinds of gate, both derived from whatever patterns the rules hold (the shipped file, a team
lead's, a test's), never written by hand:

- the characters a match can start with (``first_chars``, check8r);
- literal strings a match must contain (``requirements``): for ``(开|做|出|给)不(了|出)(发票|票)``
  one of 发票/票 and 不. They are read from the pattern parsed by ``re._parser`` (Python's own,
  private parser; without it, or when it fails, a scan has no literal gate and runs as before).

A scan runs only when the reply holds one of its first characters and, for each of (at most two of)
its literal sets, one of the set's literals: a match needs all of them, so a skipped scan could not
have matched and the findings are those of running every scan (property-tested).

Parsing some 800 patterns costs 0.15-0.5 s, so the gates are saved in the cache folder of the
matcher's index (``paths.cache_dir() / "index"``) under a digest of the patterns' sources and flags
(``*.gates.json``, written atomically; a damaged or foreign file is ignored and written again) and
kept in memory for the process: a checker is built from them in milliseconds.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

_SPECIAL = frozenset("\\[](){}.*+?^$|")


def _plain(ch: str) -> bool:
    return ch not in _SPECIAL and not ch.isspace()


def _split_top(src: str, start: int = 0, stop: str = "") -> tuple[list[str], int] | None:
    """``src`` from ``start`` cut at its ``|`` outside groups and classes, up to a ``stop``
    character at the same depth (or the end); the pieces and where it stopped. None: unbalanced."""
    pieces, current, depth, k = [], [], 0, start
    while k < len(src):
        ch = src[k]
        if ch == "\\":
            current.append(src[k : k + 2])
            k += 2
            continue
        if ch == "[":  # a class: copy it whole (a ] right after [ or [^ is a member)
            end = k + 1 + (src[k + 1 : k + 2] == "^")
            end = src.find("]", end + 1 if src[end : end + 1] == "]" else end)
            if end < 0:
                return None
            current.append(src[k : end + 1])
            k = end + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                if stop == ")":
                    pieces.append("".join(current))
                    return pieces, k
                return None
            depth -= 1
        elif ch == "|" and depth == 0:
            pieces.append("".join(current))
            current = []
            k += 1
            continue
        current.append(ch)
        k += 1
    if stop:
        return None
    pieces.append("".join(current))
    return pieces, k


def _branch_starts(branch: str) -> set[str] | None:
    """The first characters of one alternative, or None when it is not plain."""
    if not branch:
        return None
    if _plain(branch[0]):
        return None if len(branch) > 1 and branch[1] in "?*{" else {branch[0]}
    if branch[0] != "(" or branch.startswith("(?"):
        return None
    cut = _split_top(branch, 1, ")")
    if cut is None:
        return None
    inner, end = cut
    if branch[end + 1 : end + 2] in ("?", "*") or branch[end + 1 : end + 3] == "{0":
        return None  # the group is optional: the match may start after it
    out: set[str] = set()
    for alt in inner:
        got = _branch_starts(alt)
        if got is None:
            return None
        out |= got
    return out


def _starts(items) -> tuple[frozenset[str] | None, bool]:
    """The characters a match of the parsed regex ``items`` can start with (None: any) and whether
    it can match empty text."""
    from re import _constants as c  # type: ignore[attr-defined]  # the parser's own vocabulary (see first_chars)

    chars: set[str] = set()
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero width: the match starts at what follows
        if op is c.LITERAL:
            return frozenset(chars | {chr(av)}), False
        if op is c.IN:
            out: set[str] = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    out.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] <= 256:
                    out.update(chr(k) for k in range(value[0], value[1] + 1))
                elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                    out.update("0123456789０１２３４５６７８９")
                elif kind is c.CATEGORY and value is c.CATEGORY_SPACE:
                    out.update(" \t\n\r\f\v\u3000\xa0")
                else:
                    return None, False  # a negated class, a category, a wide range: anything
            return frozenset(chars | out), False
        if op is c.SUBPATTERN:
            first, empty = _starts(av[-1])
        elif op is c.BRANCH:
            first, empty = frozenset(), False
            for branch in av[1]:
                got, got_empty = _starts(branch)
                if got is None:
                    return None, False
                first, empty = first | got, empty or got_empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
            first, empty = _starts(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False  # any character, a back reference ...: no gate
        if first is None:
            return None, False
        chars |= first
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _parsed_starts(pattern: re.Pattern[str]) -> set[str] | None:
    """The same read by the regex parser (slower at start-up: only for what the source leaves)."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        first, empty = _starts(_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 - an internal parser that changed: scan every time
        return None
    return None if first is None or empty else set(first)


@lru_cache(maxsize=4096)
def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """check8r: the characters (both cases) a match of ``pattern`` can start with, or None when
    that cannot be told (a pattern that may start anywhere or match empty text). Read from the
    source text where it is plain (each top-level alternative starts with a literal character, or
    with a group of alternatives that each do: ``(发票|开票)…``), else by the regex parser. A reply
    holding none of them cannot match, so the scan is skipped: most of the rules' 500-odd patterns
    start with a topic word the reply lacks."""
    cut = _split_top(pattern.pattern)
    starts: set[str] | None = set() if cut is not None else None
    for branch in cut[0] if cut is not None else ():
        got = _branch_starts(branch)
        if got is None or starts is None:
            starts = None
            break
        starts |= got
    if starts is None:
        starts = _parsed_starts(pattern)
    if starts is None:
        return None
    out: set[str] = set()
    for c in starts:
        if _caseless(c):
            out.add(c)
        elif c.isascii():  # a letter: each character re.IGNORECASE reads as it (s: S and ſ)
            out.update((c.lower(), c.upper()), _ODD_TWINS.get(c.lower(), ""))
        else:
            return None  # a letter of another script: its twins are not listed here, no gate
    return frozenset(out)


# the characters other than its two cases that re.IGNORECASE matches to an ASCII letter (the
# Kelvin sign, the dotted capital I, the dotless i, the long s); a test checks the list against re
_ODD_TWINS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
# characters re.IGNORECASE matches to others beyond their cases (re._casefix: µ and μ, ı and i ...)
try:
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]

    _RE_TWINNED = frozenset(chr(c) for k, v in _EXTRA_CASES.items() for c in (k, *v))
except ImportError:  # pragma: no cover - an older re: its twins are the cases
    _RE_TWINNED = frozenset()



# -- literal gates: strings every match holds ----------------------------------------------------
_sre: Any
_sre_parser: Any
try:
    from re import _constants as _sre, _parser as _sre_parser  # type: ignore[attr-defined,no-redef]
except ImportError:  # pragma: no cover - a Python whose re has no such modules: first characters only
    _sre = _sre_parser = None

MAX_SETS = 2  # literal sets checked per scan (beside its first characters): the two likeliest to be absent


def _caseless(ch: str) -> bool:
    """Whether no other character matches ``ch`` under re.IGNORECASE: Chinese characters, digits,
    punctuation. A letter (Latin, full-width, Greek, circled ...) has case twins (k and the
    Kelvin sign K, s and ſ), so a literal's letters are never part of a gate (a test checks this
    reading against re's own case tables)."""
    return ("\u3400" <= ch <= "\u9fff") or (ch.lower() == ch == ch.upper() and ch.casefold() == ch and ch not in _RE_TWINNED)


def _caseless_core(literal: str) -> str:
    """The longest run of ``literal`` free of letters: a part of a required string is required too,
    and it holds whatever case the reply is typed in ("" when the literal is all letters)."""
    best, run = "", ""
    for ch in literal + "A":
        if _caseless(ch):
            run += ch
            continue
        if len(run) > len(best):
            best = run
        run = ""
    return best


def _requirements(seq) -> list[frozenset[str]]:
    """Sets of literal strings such that every match of the parsed pattern ``seq`` contains a string
    of each set. Conservative: a run of literal characters, what a group or a repeat (at least
    once) requires, and an alternation whose every branch requires something (the union of each
    branch's likeliest-absent set). Classes, lookarounds and optional parts require nothing."""
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in seq:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.extend(_run(run))
            run = []
        if op is _sre.SUBPATTERN:
            out.extend(_requirements(av[-1]))
        elif op is _sre.BRANCH:
            branches = [_requirements(branch) for branch in av[1]]
            if branches and all(branches):
                out.append(frozenset().union(*(min(b, key=_cost) for b in branches)))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            out.extend(_requirements(av[2]))
    if run:
        out.extend(_run(run))
    return out


def _run(chars: list[str]) -> list[frozenset[str]]:
    core = _caseless_core("".join(chars))
    return [frozenset({core})] if core else []


def _cost(literals: frozenset[str]) -> tuple[float, int]:
    """How likely a reply holds one of ``literals`` (a rough guess by length: one character is often
    there, three rarely), and how many there are to look for."""
    return min(1.0, sum(0.3 if len(lit) == 1 else 0.05 if len(lit) == 2 else 0.02 for lit in literals)), len(literals)


def requirements(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...]:
    """Up to ``MAX_SETS`` sets of strings (letters left out, see ``_caseless_core``), each holding one
    string that every match of ``pattern`` contains, the likeliest-absent first; () when none is known."""
    if _sre_parser is None:
        return ()
    try:
        found = _requirements(_sre_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - a private parser that changed shape: no literal gate
        return ()
    sets: set[frozenset[str]] = set()
    for literals in found:
        # a string holding another of the set adds nothing (微信 beside 信 of v信)
        sets.add(frozenset(lit for lit in literals if not any(o != lit and o in lit for o in literals)))
    chosen = sorted(sets, key=lambda s: (_cost(s), sorted(s)))[:MAX_SETS]
    return tuple(tuple(sorted(s)) for s in chosen if _cost(s)[0] < 1.0)


# -- the gates of a list of scans, cached ----------------------------------------------------------
FORMAT = 1  # bump when what a gate means or how it is read changes
KEEP = 4  # newest gate files kept in the cache folder
SUFFIX = ".gates.json"
# a scan's gate: sets of strings, each holding one that every match contains (its first characters
# among them), the likeliest-absent first; () for a scan that can match anything
Gate = tuple[tuple[str, ...], ...]


def gate(pattern: re.Pattern[str]) -> Gate:
    """``pattern``'s first characters and literal sets (``requirements``), the likeliest-absent first."""
    first = first_chars(pattern)
    sets = {frozenset(s) for s in requirements(pattern)} | ({first} if first is not None else set())
    return tuple(tuple(sorted(s)) for s in sorted(sets, key=lambda s: (_cost(s), sorted(s))))


def _key(patterns: Sequence[re.Pattern[str]]) -> str:
    h = hashlib.sha256(f"{FORMAT}|{MAX_SETS}|{sys.version_info[0]}.{sys.version_info[1]}".encode())
    for p in patterns:
        h.update(f"\x1e{p.flags}\x1f".encode() + p.pattern.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def default_folder() -> Path:
    from ..paths import cache_dir

    return cache_dir() / "index"


def _read(path: Path, key: str, count: int) -> list[Gate] | None:
    """The gates saved at ``path`` under ``key`` for ``count`` scans; None when missing, damaged or
    another's (the caller reads the patterns again and writes the file anew)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("gates"), list) or len(data["gates"]) != count:
            return None
        out: list[Gate] = []
        for sets in data["gates"]:
            if not (isinstance(sets, list) and all(isinstance(s, list) and s and all(isinstance(lit, str) and lit for lit in s) for s in sets)):
                return None
            out.append(tuple(tuple(s) for s in sets))
        return out
    except (OSError, ValueError, TypeError, UnicodeError):
        return None


def _write(folder: Path, path: Path, key: str, gates: list[Gate]) -> None:
    from ..atomic import atomic_write

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_write(path, durable=False) as fh:
            json.dump({"key": key, "gates": gates}, fh, ensure_ascii=True)
        for old in sorted(folder.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk: the next checker reads the patterns again, nothing else


def gates(patterns: Sequence[re.Pattern[str]], folder: Path | None = None, key: str | None = None) -> list[Gate]:
    """Each pattern's gate: from ``folder`` (default: the index cache folder) when saved there under
    the patterns' digest, else read from the patterns and saved."""
    key = _key(patterns) if key is None else key
    folder = default_folder() if folder is None else folder
    path = folder / f"{key}{SUFFIX}"
    got = _read(path, key, len(patterns))
    if got is None:
        got = [gate(p) for p in patterns]
        _write(folder, path, key, got)
    return got


class ScanGates:
    """Which of a list of scans a text can wake: a scan one of whose sets (its first characters, its
    literal sets) has no string in the text cannot match it. Each scan is filed under the strings
    of its likeliest-absent set, so the text's strings wake a few dozen scans of some 800; the
    woken ones are then held to their other sets."""

    def __init__(self, found: Sequence[Gate]):
        self._by: dict[str, list[int]] = {}  # a string -> the scans filed under it
        self._always: list[int] = []  # scans without any gate
        self._others: list[tuple[frozenset[str], ...]] = []  # each scan's other sets
        keys: set[str] = set()
        for k, sets in enumerate(found):
            if not sets:
                self._always.append(k)
            for lit in sets[0] if sets else ():
                self._by.setdefault(lit, []).append(k)
            self._others.append(tuple(frozenset(s) for s in sets[1:]))
            keys.update(lit for s in sets for lit in s)
        self._chars = frozenset(lit for lit in keys if len(lit) == 1)
        self._pairs = frozenset(lit for lit in keys if len(lit) == 2)
        self._longer: dict[str, list[str]] = {}
        for lit in sorted(lit for lit in keys if len(lit) > 2):
            self._longer.setdefault(lit[:2], []).append(lit)
        self._heads = frozenset(self._longer)

    @classmethod
    def of(cls, patterns: Sequence[re.Pattern[str]], folder: Path | None = None) -> "ScanGates":
        """The gates of ``patterns``: this process's own when it built them before (checkers of
        the same rules share them), else from the cache folder or the patterns (``gates``)."""
        key = _key(patterns)
        got = _built.get(key)
        if got is None:
            got = cls(gates(patterns, folder, key))
            if len(_built) >= 8:
                _built.pop(next(iter(_built)))
            _built[key] = got
        return got

    def wake(self, text: str) -> list[int]:
        """The scans that may match ``text``, in their order."""
        present = set(text) & self._chars
        pairs = {text[i : i + 2] for i in range(len(text) - 1)}
        present |= pairs & self._pairs
        for head in pairs & self._heads:
            present.update(lit for lit in self._longer[head] if lit in text)
        woken = set(self._always)
        by = self._by
        for lit in present:
            ids = by.get(lit)
            if ids is not None:
                woken.update(ids)
        others = self._others
        out = []
        for k in sorted(woken):
            for required in others[k]:
                if required.isdisjoint(present):
                    break
            else:
                out.append(k)
        return out


_built: dict[str, ScanGates] = {}  # this process's gates, by the patterns' digest
