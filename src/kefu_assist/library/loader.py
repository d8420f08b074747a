"""YAML -> validated Library, collecting every problem with file, line and script id.

Two steps, as espanso does it: compose the YAML into nodes (which keep their line numbers), then
convert node by node, checking as we go. A broken script is reported and skipped; a file that
cannot be read or parsed at all makes the whole load unusable (``LoadResult.library is None``) so
that a caller can keep the library it already has.
"""
from __future__ import annotations

import difflib
import errno
import hashlib
import os
import pickle
import re
import stat
from pathlib import Path
from types import MappingProxyType
from typing import Iterable

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..atomic import atomic_write
from ..code_id import code_id
from .categories import CATEGORIES
from .codes import code_problem
from .model import Library, LoadResult, Problem, Script, shorten
from .placeholders import MAX_REPLY_CHARS, ParsedTemplate, rendered_length
from .placeholders import parse as parse_template

try:  # libyaml is ~6x faster; the pure loader gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

TOP_KEYS = ("version", "placeholders", "vocabulary", "synonyms", "scripts", "categories")
SCRIPT_KEYS = ("id", "category", "title", "examples", "keywords", "replies", "tone", "reviewed", "code")
TONES = ("soothe", "defend")  # how a script reads to an upset buyer (kefu_assist.checker.mood)
SUPPORTED_VERSION = 1
ID_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")
YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 20 * 1024 * 1024

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


def _stat_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a library at all (missing, a symlink loop), or None."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return "no such file or folder"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symlink loop (it points back to itself)"
        return f"cannot read: {exc.strerror or exc}"
    return None


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    """The file's text, read with the size cap and never more: /dev/zero, a pipe or a file that
    grows while it is read cannot make us read without end. Only regular files are read; the
    check is made on the opened descriptor (opened without blocking, so a FIFO does not hang the
    open), so a file swapped for something else in between is caught too."""
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        problems.append(Problem(name, 0, "no such file or folder"))
        return None
    except OSError as exc:
        problems.append(Problem(name, 0, _stat_problem(path) or f"cannot read: {exc.strerror or exc}"))
        return None
    try:
        with os.fdopen(fd, "rb") as fh:
            mode = os.fstat(fh.fileno()).st_mode
            if not stat.S_ISREG(mode):
                problems.append(Problem(name, 0, f"is {_kind(mode)}, not a regular file: a library is a .yaml file or a folder of them"))
                return None
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        problems.append(Problem(name, 0, f"cannot read: {exc.strerror or exc}"))
        return None
    if len(raw) > MAX_FILE_BYTES:
        problems.append(Problem(name, 0, f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; is this really a script library?"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = ""
        if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
            hint = " (it is UTF-32)"
        elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            hint = " (it is UTF-16)"
        problems.append(Problem(name, line, f"file is not UTF-8 text{hint}: save it as UTF-8"))
        return None


def _expansion_problem(root: Node, text: str) -> str | None:
    """Anchors and aliases let a few lines stand for billions of values (a "billion laughs" YAML
    bomb); composing keeps them shared, but reading them would not. Count the work reading would
    do (values and characters, aliases expanded) and refuse a file that expands far beyond its own
    size. A file written out in full never does: every value costs characters."""
    budget = 4 * len(text) + 10_000
    spent = 0
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, ScalarNode):
            spent += 1 + len(node.value)
        elif isinstance(node, SequenceNode):
            spent += 1
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            spent += 1
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        if spent > budget:
            return "anchors and aliases (&name / *name) expand this file to far more than it holds (a YAML bomb?); write the values out"
    return None


def _compose(text: str, name: str, problems: list[Problem]) -> Node | None | bool:
    """The root node, None for an empty file, False when the YAML does not parse."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (NUL, BEL …)
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        problems.append(Problem(name, line, f"YAML syntax error: control character U+{code:04X} is not allowed in a YAML file: remove it"))
        return False
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        detail = exc.problem or "invalid YAML"
        problems.append(Problem(name, line, f"YAML syntax error: {detail}"))
    except yaml.YAMLError as exc:
        problems.append(Problem(name, 0, f"YAML syntax error: {exc}"))
    return False


# the start of the problem a library with no usable script gets (the sidebar words it for agents)
NO_SCRIPTS = "the library has no usable scripts"

# a team lead's reply rules beside the scripts (kefu_assist.checker), not a script file
NOT_SCRIPT_FILES = frozenset({"compliance_rules.yaml"})


def library_files(path: Path) -> list[Path]:
    """The files of a library. In a folder, every *.yaml / *.yml entry but sub-folders and links
    to nothing (an editor's lock file such as .#scripts.yaml): a FIFO or device named .yaml is
    listed, so that reading it reports it rather than skipping it without a word."""
    if path.is_dir():
        return sorted(
            (p for p in path.iterdir()
             if p.suffix.lower() in YAML_SUFFIXES and p.exists() and not p.is_dir() and p.name.lower() not in NOT_SCRIPT_FILES),
            key=lambda p: p.name,
        )
    return [path]


def load_library(path: str | Path, *, cache_dir: Path | None = None) -> LoadResult:
    """Load one YAML file, or every *.yaml / *.yml file of a folder merged in name order.

    With ``cache_dir``, the checked result is kept there under a digest of the files' text: a
    10,000-script library then loads in a tenth of a second instead of seconds of YAML parsing.
    The result is the same either way, problems included."""
    path = Path(path)
    problems: list[Problem] = []
    missing = _stat_problem(path)
    if missing is not None:
        return LoadResult(None, (Problem(str(path), 0, missing),))
    try:
        files = library_files(path)
    except OSError as exc:
        return LoadResult(None, (Problem(str(path), 0, f"cannot list the folder: {exc.strerror or exc}"),))
    if not files:
        return LoadResult(None, (Problem(str(path), 0, "folder holds no .yaml or .yml files"),))

    texts: list[tuple[Path, str]] = []
    for file in files:
        text = _read_text(file, problems)
        if text is not None:
            texts.append((file, text))
    if problems:  # unreadable or not UTF-8
        return LoadResult(None, tuple(problems))
    key = _digest(texts) if cache_dir is not None else ""
    cached = _cache_read(cache_dir, key)
    if cached is not None:
        return cached
    result = _check(files, texts)
    _cache_write(cache_dir, key, result)
    return result


_CACHE_FORMAT = 2  # bump when Script, Library or Problem change shape or loading rules change


def _digest(texts: list[tuple[Path, str]]) -> str:
    h = hashlib.sha256(f"kefu-assist library {_CACHE_FORMAT} {code_id(__file__)}\x1e".encode())
    for file, text in texts:
        h.update(str(file.resolve()).encode() + b"\x1f" + text.encode() + b"\x1e")
    return h.hexdigest()[:32]


def _cache_read(cache_dir: Path | None, key: str) -> LoadResult | None:
    if cache_dir is None:
        return None
    try:
        with (cache_dir / f"{key}.library").open("rb") as fh:
            state = pickle.load(fh)
        scripts, placeholders, vocabulary, synonyms, categories, files, problems = state
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged cache entry is re-parsed, never fatal
        return None
    library = Library(scripts, MappingProxyType(placeholders), vocabulary, synonyms, MappingProxyType(categories), files)
    return LoadResult(library, problems)


def _cache_write(cache_dir: Path | None, key: str, result: LoadResult) -> None:
    lib = result.library
    if cache_dir is None or lib is None:
        return
    state = (lib.scripts, dict(lib.placeholders), lib.vocabulary, lib.synonyms, dict(lib.categories), lib.files, result.problems)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with atomic_write(cache_dir / f"{key}.library", "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        for old in sorted(cache_dir.glob("*.library"), key=lambda p: p.stat().st_mtime, reverse=True)[4:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def _check(files: list[Path], texts: list[tuple[Path, str]]) -> LoadResult:
    problems: list[Problem] = []
    roots: list[tuple[Path, Node | None]] = []
    for file, text in texts:
        root = _compose(text, str(file), problems)
        if root is False:
            continue
        if root is not None and "&" in text:
            bomb = _expansion_problem(root, text)  # type: ignore[arg-type]
            if bomb is not None:
                problems.append(Problem(str(file), _line(root), bomb))  # type: ignore[arg-type]
                continue
        roots.append((file, root))  # type: ignore[arg-type]
    if any(p.severity == "error" for p in problems):
        # A file that cannot be read or parsed: refuse the whole load rather than silently run
        # with part of a library.
        return LoadResult(None, tuple(problems))

    placeholders: dict[str, str] = {}
    vocabulary: list[str] = []
    synonyms: list[tuple[str, ...]] = []
    categories: dict[str, str] = dict(CATEGORIES)
    scripts: list[Script] = []
    seen: dict[str, Script] = {}
    replies_read: dict[str, tuple[tuple[int, ParsedTemplate], ...]] = {}
    codes: dict[str, Script] = {}
    parsed_files: list[tuple[_FileReader, dict[str, Node]]] = []

    for file, root in roots:
        reader = _FileReader(str(file), problems, categories)
        if root is None:
            problems.append(Problem(str(file), 0, "file is empty", severity="warning"))
            continue
        if not isinstance(root, MappingNode):
            reader.error(root, "a library file must be a mapping with 'version' and 'scripts'")
            continue
        top = reader.mapping(root, TOP_KEYS, "the library")
        if "version" not in top:
            reader.error(root, f"missing 'version' (add 'version: {SUPPORTED_VERSION}' at the top)")
        else:
            vnode = top["version"]
            if not (isinstance(vnode, ScalarNode) and vnode.value.strip() == str(SUPPORTED_VERSION)):
                reader.error(vnode, f"unsupported version '{shorten(str(getattr(vnode, 'value', '?')))}': this kefu-assist reads version {SUPPORTED_VERSION}")
        if "categories" in top:
            categories.update(reader.categories_section(top["categories"]))
        parsed_files.append((reader, top))

    # Categories first (any file may declare them), then everything that refers to them.
    for reader, top in parsed_files:
        if "placeholders" in top:
            placeholders.update(reader.placeholders(top["placeholders"]))
        if "vocabulary" in top:
            words = reader.text_list(top["vocabulary"], "vocabulary")
            vocabulary.extend(w for w, _ in words or [])
        if "synonyms" in top:
            synonyms.extend(reader.synonyms(top["synonyms"]))
        if "scripts" not in top:
            continue
        scripts_node = top["scripts"]
        if not isinstance(scripts_node, SequenceNode):
            reader.error(scripts_node, "scripts must be a list")
            continue
        for node in scripts_node.value:
            script = reader.script(node)
            if script is None:
                continue
            if script.id in seen:
                first = seen[script.id]
                reader.error(node, f"duplicate script id '{shorten(script.id)}' (first defined at {first.file}:{first.line})", script.id)
                continue
            if script.code is not None and script.code in codes:
                first = codes[script.code]
                reader.error(node, f"duplicate code '{script.code}' (first used by '{first.id}' at {first.file}:{first.line}); codes must be unique", script.id)
                continue
            seen[script.id] = script
            if script.code is not None:
                codes[script.code] = script
            scripts.append(script)
            replies_read[script.id] = tuple(reader.replies_read)

    # Placeholder defaults come from every file, so replies are measured once all are read.
    scripts = [s for s in scripts if _reply_fits(s, placeholders, replies_read[s.id], problems)]
    if not scripts:
        # An empty save, a file cut off before its first script, or every script broken: the
        # library would answer nothing. Refuse it like a file that does not parse, so the sidebar
        # keeps the library it has and says why.
        where = str(files[0]) if len(files) == 1 else str(files[0].parent)
        problems.append(Problem(where, 0, f"{NO_SCRIPTS}: a library needs at least one (was the file saved empty or cut off?)"))
        return LoadResult(None, tuple(problems))

    _warn_shared_examples(scripts, problems)
    _warn_vague_keywords(scripts, problems)
    library = Library(
        scripts=tuple(scripts),
        placeholders=MappingProxyType(placeholders),
        vocabulary=tuple(dict.fromkeys(vocabulary)),
        synonyms=tuple(synonyms),
        categories=MappingProxyType(categories),
        files=tuple(files),
    )
    return LoadResult(library, tuple(problems))


def _reply_fits(script: Script, placeholders: dict[str, str], replies: tuple[tuple[int, ParsedTemplate], ...], problems: list[Problem]) -> bool:
    fits = True
    for number, (line, parsed) in enumerate(replies):
        size = rendered_length(parsed, placeholders)
        if size > MAX_REPLY_CHARS:
            problems.append(
                Problem(script.file, line, f"reply {number + 1} is {size:,} characters with its placeholders filled in; a reply is at most {MAX_REPLY_CHARS:,}", shorten(script.id))
            )
            fits = False
    return fits


def _warn_shared_examples(scripts: list[Script], problems: list[Problem]) -> None:
    """The same buyer message under two scripts of different categories makes matching a coin
    toss: a team lead wants to hear about it."""
    owner: dict[str, Script] = {}
    for script in scripts:
        for example in script.examples:
            key = "".join(example.split())
            other = owner.get(key)
            if other is None:
                owner[key] = script
            elif other.category != script.category:
                problems.append(
                    Problem(
                        script.file,
                        script.line,
                        f"example '{shorten(example)}' is also an example of '{shorten(other.id)}' ({other.category}); matching cannot tell them apart",
                        shorten(script.id),
                        "warning",
                    )
                )


def _warn_vague_keywords(scripts: list[Script], problems: list[Problem]) -> None:
    """A keyword is a strong cue: one that buyers also use for other scenarios (今天, 老板) pulls
    unrelated messages to this script."""
    by_category: dict[str, list[str]] = {}
    for script in scripts:
        by_category.setdefault(script.category, []).extend(e.lower() for e in script.examples)
    corpus = {c: "\n".join(exs) for c, exs in by_category.items()}
    found_in: dict[str, frozenset[str]] = {}
    for script in scripts:
        for keyword in script.keywords:
            needle = keyword.lower()
            if needle not in found_in:
                found_in[needle] = frozenset(c for c, text in corpus.items() if needle in text)
            others = sorted(found_in[needle] - {script.category})
            if len(others) >= 3:
                problems.append(
                    Problem(
                        script.file,
                        script.line,
                        f"keyword '{shorten(keyword)}' also appears in examples of {len(others)} other categories ({', '.join(others[:4])}); a keyword should be a cue for this script only",
                        shorten(script.id),
                        "warning",
                    )
                )
