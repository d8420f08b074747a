"""`{name}` slots in replies: parsed strictly, rendered without str.format.

Only a bare identifier may stand between braces; ``{{`` and ``}}`` are literal braces. Anything
else (``{shop.name}``, ``{0}``, ``{a[1]}``, ``{x!r}``, an unclosed brace) is malformed: the loader
reports it, and rendering leaves it as written. Rendering never raises and never evaluates anything.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping


@dataclass(frozen=True)
class Segment:
    text: str
    name: str | None = None  # a placeholder when set; text then holds how it was written


@dataclass(frozen=True)
class ParsedTemplate:
    segments: tuple[Segment, ...]
    problems: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for seg in self.segments:
            if seg.name is not None:
                seen.setdefault(seg.name, None)
        return tuple(seen)


@dataclass(frozen=True)
class Rendered:
    text: str
    missing: tuple[str, ...]  # names with no value, left visible as {name}


def _explain(inner: str) -> str:
    if len(inner) > 60:
        return f"placeholder {{{inner[:60]}…}} ({len(inner):,} characters) is not a plain name"
    if inner == "":
        return "empty placeholder {}"
    if inner.isdigit():
        return f"positional placeholder {{{inner}}}: use a name such as {{shop}}"
    if any(ch in inner for ch in ".[]!:()"):
        return f"placeholder {{{inner}}} is not a plain name: attribute, index and format access are not allowed"
    return f"placeholder {{{inner}}} is not a valid name (letters, digits and _ only, not starting with a digit)"


# One token at a time: a literal brace pair, a whole {slot} (whose inside holds no brace), or a
# lone brace. The possessive [^{}]*+ never backtracks, so each character is looked at a bounded
# number of times and a million-brace run parses in linear time (the old find()-per-brace scan
# was quadratic: 7 s for 500,000 unclosed braces).
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*+)\}|[{}]")

MAX_PROBLEMS = 5  # per template: the rest are counted in one last line, not listed one a line

MAX_REPLY_CHARS = 10_000
"""A reply with its placeholders filled is at most this long (the same cap as a buyer message).
The loader reports a longer one as an error; ``render`` never builds one."""


def parse(template: str) -> ParsedTemplate:
    if "{" not in template and "}" not in template:  # most replies: nothing to parse
        return ParsedTemplate((Segment(template),) if template else (), ())
    segments: list[Segment] = []
    problems: list[str] = []
    more = 0
    buf: list[str] = []

    def flush() -> None:
        if buf:
            segments.append(Segment("".join(buf)))
            buf.clear()

    def problem(message: str) -> None:
        nonlocal more
        if len(problems) < MAX_PROBLEMS:
            problems.append(message)
        else:
            more += 1

    pos = 0
    for m in _TOKEN.finditer(template):
        start = m.start()
        if start > pos:
            buf.append(template[pos:start])
        token = m.group()
        if token == "{{":
            buf.append("{")
        elif token == "}}":
            buf.append("}")
        elif token == "{":
            problem(f"unclosed '{{' at character {start + 1}")
            buf.append(token)
        elif token == "}":
            problem(f"unmatched '}}' at character {start + 1}")
            buf.append(token)
        else:
            inner = m.group(1)
            if inner.isidentifier() and inner.isascii():
                flush()
                segments.append(Segment(token, inner))
            else:
                problem(_explain(inner))
                buf.append(token)
        pos = m.end()
    if pos < len(template):
        buf.append(template[pos:])
    flush()
    if more:
        problems.append(f"and {more:,} more malformed braces")
    return ParsedTemplate(tuple(segments), tuple(problems))


def _value(values: Mapping[str, object], name: str) -> str | None:
    value = values.get(name)
    if value is None:
        return None
    text = str(value)
    return text or None


def rendered_length(template: str | ParsedTemplate, values: Mapping[str, object]) -> int:
    """How long ``render`` would make the reply with no cap, without building it."""
    parsed = parse(template) if isinstance(template, str) else template
    total = 0
    for seg in parsed.segments:
        value = _value(values, seg.name) if seg.name is not None else None
        total += len(seg.text if value is None else value)
    return total


def render(template: str, values: Mapping[str, object], *, limit: int = MAX_REPLY_CHARS) -> Rendered:
    """Fill the slots. A value that would make the reply longer than ``limit`` is not used: its
    slot stays visible, as a slot with no value does, so the sidebar asks the agent for it and a
    1 MB value used 200 times never becomes a 200 MB reply. The result is at most ``limit``
    plus the template's own length."""
    parsed = parse(template)
    out: list[str] = []
    size = 0
    missing: dict[str, None] = {}
    for seg in parsed.segments:
        text = seg.text
        if seg.name is not None:
            value = _value(values, seg.name)
            if value is not None and size + len(value) <= limit:
                text = value
            else:
                missing.setdefault(seg.name, None)
        out.append(text)
        size += len(text)
    return Rendered("".join(out), tuple(missing))
