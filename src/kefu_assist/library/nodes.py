"""Converting one file's YAML nodes into scripts, placeholders, categories and synonyms, checking
each value as it goes and recording every problem with its line (:class:`_FileReader`); and the
text cleaning every value gets (:func:`clean_text`). Used by :mod:`.loader`."""
from __future__ import annotations

import difflib
import re
from typing import Iterable

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .codes import code_problem
from .model import Problem, Script, shorten
from .placeholders import MAX_REPLY_CHARS, ParsedTemplate
from .placeholders import parse as parse_template

TOP_KEYS = ("version", "placeholders", "vocabulary", "synonyms", "scripts", "categories")
SCRIPT_KEYS = ("id", "category", "title", "examples", "keywords", "replies", "tone", "reviewed", "code")
TONES = ("soothe", "defend")  # how a script reads to an upset buyer (kefu_assist.checker.mood)
SUPPORTED_VERSION = 1
ID_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")

# Text that reaches a terminal, a chat window or a JSON line must not carry what steers them:
# whole ANSI escape sequences (colour, window title), then lone C0/C1 control characters (tab and
# newline stay: replies have lines) and the bidi embeddings, overrides and isolates that reorder
# what a reader sees. Line and paragraph separators become plain newlines.
_ANSI_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK_RE = re.compile("[\x85\u2028\u2029]")


def clean_text(value: str) -> tuple[str, tuple[str, ...]]:
    """``value`` without control characters, and the characters removed (as escapes, for a message)."""
    if value.isprintable() or not (_CONTROL_RE.search(value) or _LINE_BREAK_RE.search(value) or "\x1b" in value):
        return value, ()
    found = dict.fromkeys(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}" for c in _CONTROL_RE.findall(value) + _LINE_BREAK_RE.findall(value))
    cleaned = _CONTROL_RE.sub("", _ANSI_RE.sub("", value))
    return _LINE_BREAK_RE.sub("\n", cleaned), tuple(found)


def _describe_removed(what: str, removed: tuple[str, ...]) -> str:
    shown = ", ".join(removed[:5]) + (" …" if len(removed) > 5 else "")
    return f"{what} held control characters ({shown}); they were removed"


def _line(node: Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 0


def _did_you_mean(key: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _FileReader:
    """Converts the nodes of one file, appending problems as it goes."""

    def __init__(self, file: str, problems: list[Problem], categories: dict[str, str]):
        self.file = file
        self.problems = problems
        self.categories = categories
        self.replies_read: list[tuple[int, ParsedTemplate]] = []  # line and parse of each reply of the last script

    def error(self, node: Node | None, message: str, script_id: str | None = None, line: int | None = None) -> None:
        self.problems.append(Problem(self.file, line if line is not None else _line(node), message, shorten(script_id) if script_id else script_id))

    def warn(self, node: Node | None, message: str, script_id: str | None = None) -> None:
        self.problems.append(Problem(self.file, _line(node), message, shorten(script_id) if script_id else script_id, "warning"))

    # -- generic shapes -------------------------------------------------------------------
    def mapping(self, node: MappingNode, allowed: tuple[str, ...], what: str, script_id: str | None = None) -> dict[str, Node]:
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.error(key_node, f"{what}: keys must be plain words", script_id)
                continue
            key = str(key_node.value)
            if key not in allowed:
                self.error(key_node, f"unknown key '{shorten(key)}' in {what}{_did_you_mean(key, allowed)}", script_id)
                continue
            if key in out:
                self.error(key_node, f"duplicate key '{shorten(key)}' in {what}", script_id)
                continue
            out[key] = value_node
        return out

    def text(self, node: Node, what: str, script_id: str | None = None) -> str | None:
        if not isinstance(node, ScalarNode) or node.tag.endswith(":null"):
            self.error(node, f"{what} must be text", script_id)
            return None
        value, removed = clean_text(str(node.value))
        value = value.strip()
        if removed:
            self.warn(node, _describe_removed(what, removed), script_id)
        if not value:
            self.error(node, f"{what} is empty", script_id)
            return None
        return value

    def text_list(self, node: Node, what: str, script_id: str | None = None) -> list[tuple[str, Node]] | None:
        if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
            return []
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what} must be a list", script_id)
            return None
        items: list[tuple[str, Node]] = []
        for item in node.value:
            value = self.text(item, f"an entry of {what}", script_id)
            if value is not None:
                items.append((value, item))
        return items

    # -- sections ---------------------------------------------------------------------------
    def placeholders(self, node: Node) -> dict[str, str]:
        if not isinstance(node, MappingNode):
            self.error(node, "placeholders must be a mapping of name: value")
            return {}
        out: dict[str, str] = {}
        for key_node, value_node in node.value:
            name = str(getattr(key_node, "value", ""))
            if not (name.isidentifier() and name.isascii()):
                self.error(key_node, f"placeholder name '{shorten(name)}' must be a plain name (letters, digits, _)")
                continue
            if not isinstance(value_node, ScalarNode):
                self.error(value_node, f"placeholder '{shorten(name)}' must have a text value")
                continue
            value, removed = clean_text("" if value_node.tag.endswith(":null") else str(value_node.value))
            if removed:
                self.warn(value_node, _describe_removed(f"placeholder '{shorten(name)}'", removed))
            if len(value) > MAX_REPLY_CHARS:
                self.error(value_node, f"placeholder '{shorten(name)}' is {len(value):,} characters long; a value is at most {MAX_REPLY_CHARS:,} (the sidebar will ask for it instead)")
                continue
            out[name] = value
        return out

    def categories_section(self, node: Node) -> dict[str, str]:
        if not isinstance(node, MappingNode):
            self.error(node, "categories must be a mapping of id: 中文名")
            return {}
        out: dict[str, str] = {}
        for key_node, value_node in node.value:
            cid = str(getattr(key_node, "value", ""))
            if not ID_RE.match(cid):
                self.error(key_node, f"category id '{shorten(cid)}' must be letters, digits, _ . -")
                continue
            label = self.text(value_node, f"the label of category '{shorten(cid)}'")
            if label is not None:
                out[cid] = label
        return out

    def synonyms(self, node: Node) -> list[tuple[str, ...]]:
        if not isinstance(node, SequenceNode):
            self.error(node, "synonyms must be a list of word lists")
            return []
        groups = []
        for group_node in node.value:
            words = self.text_list(group_node, "a synonym group")
            if words is None:
                continue
            if len(words) < 2:
                self.error(group_node, "a synonym group needs at least two words")
                continue
            groups.append(tuple(w for w, _ in words))
        return groups

    def script(self, node: Node) -> Script | None:
        if not isinstance(node, MappingNode):
            self.error(node, "each script must be a mapping with id, category, title and replies")
            return None
        id_node = next((v for k, v in node.value if getattr(k, "value", None) == "id"), None)
        script_id = str(id_node.value).strip() if isinstance(id_node, ScalarNode) and id_node.value else None
        before = len(self.problems)
        self.replies_read = []
        fields = self.mapping(node, SCRIPT_KEYS, "script", script_id)
        line = _line(node)
        for required in ("id", "category", "title", "replies"):
            if required not in fields:
                self.error(node, f"script is missing '{required}'", script_id)
        if "id" in fields and self.text(fields["id"], "id", script_id) is None:
            script_id = None  # a list, a mapping or nothing where the id belongs: reported just now
        elif script_id is not None and not ID_RE.match(script_id):
            self.error(id_node, f"script id '{shorten(script_id)}' may hold only letters, digits, _ . -", script_id)
        category = self.text(fields["category"], "category", script_id) if "category" in fields else None
        if category is not None and category not in self.categories:
            self.error(fields["category"], f"unknown category '{shorten(category)}'{_did_you_mean(category, self.categories)}", script_id)
        title = self.text(fields["title"], "title", script_id) if "title" in fields else None
        replies: list[str] = []
        reply_lines: list[int] = []
        if "replies" in fields:
            items = self.text_list(fields["replies"], "replies", script_id)
            if items is not None and not items and not any(p.line == _line(fields["replies"]) for p in self.problems[before:]):
                self.error(fields["replies"], "replies is empty: give at least one reply", script_id)
            for reply, reply_node in items or []:
                parsed = parse_template(reply)
                for message in parsed.problems:
                    self.error(reply_node, f"malformed placeholder in reply: {message}", script_id)
                replies.append(reply)
                self.replies_read.append((_line(reply_node), parsed))
                reply_lines.append(_line(reply_node))
        examples = self.text_list(fields["examples"], "examples", script_id) if "examples" in fields else []
        keywords = self.text_list(fields["keywords"], "keywords", script_id) if "keywords" in fields else []
        tone = ""
        if "tone" in fields:
            tone = self.text(fields["tone"], "tone", script_id) or ""
            if tone and tone not in TONES:
                self.error(fields["tone"], f"tone '{tone}' must be one of: {', '.join(TONES)}", script_id)
        reviewed = self.reviewed(fields["reviewed"], script_id) if "reviewed" in fields else ()
        code = self.text(fields["code"], "code", script_id) if "code" in fields else None
        if code is not None and (why := code_problem(code)) is not None:
            self.error(fields["code"], why, script_id)
        if any(p.severity == "error" for p in self.problems[before:]):
            return None
        assert script_id is not None and category is not None and title is not None
        return Script(
            id=script_id,
            category=category,
            title=title,
            replies=tuple(replies),
            examples=tuple(dict.fromkeys(e for e, _ in examples or [])),
            keywords=tuple(dict.fromkeys(k for k, _ in keywords or [])),
            file=self.file,
            line=line,
            tone=tone,
            reviewed=reviewed,
            reply_lines=tuple(reply_lines),
            code=code,
        )

    def reviewed(self, node: Node, script_id: str | None) -> tuple[tuple[str, str], ...]:
        """``reviewed: {rule_id: reason}``: reply-check findings a team lead looked at and kept."""
        if not isinstance(node, MappingNode):
            self.error(node, "reviewed must be a mapping of rule id: reason (why the wording is kept)", script_id)
            return ()
        out: dict[str, str] = {}
        for key_node, value_node in node.value:
            rule = str(getattr(key_node, "value", "")).strip()
            if not rule:
                self.error(key_node, "reviewed: a rule id is empty", script_id)
                continue
            reason = self.text(value_node, f"the reason for reviewed '{rule}'", script_id)
            if reason is not None:
                out[rule] = reason
        return tuple(out.items())


