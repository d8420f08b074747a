"""`{name}` slots in replies: parsed strictly, rendered without str.format.

Only a bare identifier may stand between braces; ``{{`` and ``}}`` are literal braces. Anything
else (``{shop.name}``, ``{0}``, ``{a[1]}``, ``{x!r}``, an unclosed brace) is malformed: the loader
reports it, and rendering leaves it as written. Rendering never raises and never evaluates anything.
"""
from __future__ import annotations

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
    if inner == "":
        return "empty placeholder {}"
    if inner.isdigit():
        return f"positional placeholder {{{inner}}}: use a name such as {{shop}}"
    if any(ch in inner for ch in ".[]!:()"):
        return f"placeholder {{{inner}}} is not a plain name: attribute, index and format access are not allowed"
    return f"placeholder {{{inner}}} is not a valid name (letters, digits and _ only, not starting with a digit)"


def parse(template: str) -> ParsedTemplate:
    if "{" not in template and "}" not in template:  # most replies: nothing to parse
        return ParsedTemplate((Segment(template),) if template else (), ())
    segments: list[Segment] = []
    problems: list[str] = []
    buf: list[str] = []
    i, n = 0, len(template)

    def flush() -> None:
        if buf:
            segments.append(Segment("".join(buf)))
            buf.clear()

    while i < n:
        ch = template[i]
        if ch == "{":
            if i + 1 < n and template[i + 1] == "{":
                buf.append("{")
                i += 2
                continue
            close = template.find("}", i + 1)
            nested = template.find("{", i + 1)
            if close == -1 or (nested != -1 and nested < close):
                problems.append(f"unclosed '{{' at character {i + 1}")
                buf.append(ch)
                i += 1
                continue
            inner = template[i + 1 : close]
            written = template[i : close + 1]
            if inner.isidentifier() and inner.isascii():
                flush()
                segments.append(Segment(written, inner))
            else:
                problems.append(_explain(inner))
                buf.append(written)
            i = close + 1
        elif ch == "}":
            if i + 1 < n and template[i + 1] == "}":
                buf.append("}")
                i += 2
                continue
            problems.append(f"unmatched '}}' at character {i + 1}")
            buf.append(ch)
            i += 1
        else:
            buf.append(ch)
            i += 1
    flush()
    return ParsedTemplate(tuple(segments), tuple(problems))


def render(template: str, values: Mapping[str, object]) -> Rendered:
    parsed = parse(template)
    out: list[str] = []
    missing: dict[str, None] = {}
    for seg in parsed.segments:
        if seg.name is None:
            out.append(seg.text)
            continue
        value = values.get(seg.name)
        if value is None or str(value) == "":
            missing.setdefault(seg.name, None)
            out.append(seg.text)
        else:
            out.append(str(value))
    return Rendered("".join(out), tuple(missing))
