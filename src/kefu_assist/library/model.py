"""Validated, immutable library objects."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping


def shorten(value: str, limit: int = 60) -> str:
    """A user's value as quoted in a message: a 1 MB key or id must not make a 1 MB line."""
    if len(value) <= limit:
        return value
    return f"{value[:limit]}…({len(value):,} characters)"


@dataclass(frozen=True)
class Script:
    id: str
    category: str
    title: str
    replies: tuple[str, ...]
    examples: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    file: str = ""
    line: int = 0
    # reply checking (kefu_assist.checker): "soothe" / "defend" order the suggestions for an
    # upset buyer; ``reviewed`` pairs (rule id, reason) a team lead accepted for this script's
    # replies; ``reply_lines`` the line of each reply, for file:line findings
    tone: str = ""
    reviewed: tuple[tuple[str, str], ...] = ()
    reply_lines: tuple[int, ...] = ()
    code: str | None = None  # the Qianniu 快捷编码 typed after / (unique across the library)

    @property
    def agent_initiated(self) -> bool:
        """Scripts without examples are sent on the agent's initiative: browsed, never matched."""
        return not self.examples


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    message: str
    script_id: str | None = None
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        who = f" [{self.script_id}]" if self.script_id else ""
        tag = "" if self.severity == "error" else "warning: "
        return f"{where}: {tag}{self.message}{who}"


@dataclass(frozen=True)
class Library:
    scripts: tuple[Script, ...]
    placeholders: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    vocabulary: tuple[str, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()
    categories: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    files: tuple[Path, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {s.id: s for s in self.scripts})

    def get(self, script_id: str) -> Script | None:
        return self._by_id.get(script_id)  # type: ignore[attr-defined]

    def in_category(self, category: str) -> tuple[Script, ...]:
        return tuple(s for s in self.scripts if s.category == category)

    @property
    def matchable(self) -> tuple[Script, ...]:
        return tuple(s for s in self.scripts if not s.agent_initiated)

    def category_label(self, category: str) -> str:
        return self.categories.get(category, category)


@dataclass(frozen=True)
class LoadResult:
    """What a load produced. ``library`` is None when nothing usable could be read (a file that
    does not parse, a missing path): the caller keeps whatever library it had."""

    library: Library | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity != "error")

    @property
    def ok(self) -> bool:
        return self.library is not None and not self.errors


def shrink_ratio(old: Library, new: Library) -> float:
    """The share of ``old``'s scripts that ``new`` no longer has, by count: 0.0 when nothing was
    dropped (or scripts were added), 0.5 when a reload lost half. A file cut off at a script
    boundary still parses; a caller can ask before swapping in a library that shrank a lot."""
    if not old.scripts or len(new.scripts) >= len(old.scripts):
        return 0.0
    return (len(old.scripts) - len(new.scripts)) / len(old.scripts)
