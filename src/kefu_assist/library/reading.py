"""Reading a library file safely: only regular files (a FIFO or a device is refused without
blocking), at most :data:`MAX_FILE_BYTES`, UTF-8 with a hint for UTF-16/32, and YAML composed into
nodes with a refusal of anchor-and-alias bombs. Used by :mod:`.loader`."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .model import Problem

try:  # libyaml is ~6x faster; the pure loader gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 20 * 1024 * 1024


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


