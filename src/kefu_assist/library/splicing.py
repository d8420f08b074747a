"""The machinery the library's writers share (:mod:`.writer` adds examples, :mod:`.script_writer`
edits whole scripts): reading a file with ruamel.yaml, finding a script's file, quoting a
scalar, and parsing a changed text again the way the loader does to check it."""
from __future__ import annotations

import json
import re

import yaml
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from .loader import library_files
from .reading import _Loader


class WriteError(Exception):
    """The library could not be changed; the message says why, in words for a team lead."""


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    return y


def _load(text: str, path: Path) -> Any:
    try:
        return _yaml().load(text)
    except YAMLError as exc:
        raise WriteError(f"{path}: 不是有效的 YAML，未修改（{str(exc).splitlines()[0]}）") from None


def _scripts(doc: Any) -> list[CommentedMap]:
    if not isinstance(doc, CommentedMap):
        return []
    scripts = doc.get("scripts")
    if not isinstance(scripts, CommentedSeq):
        return []
    return [s for s in scripts if isinstance(s, CommentedMap)]


def find_script_file(library: str | Path, script_id: str) -> Path:
    """The file of a library (a file or a folder of them) whose ``scripts`` define ``script_id``."""
    for path in library_files(Path(library)):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        if script_id not in text:
            continue
        try:
            doc = _yaml().load(text)
        except YAMLError:
            continue
        if any(str(s.get("id")) == script_id for s in _scripts(doc)):
            return path
    raise WriteError(f"话术库里没有 id 为 {script_id} 的话术")


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for m in re.finditer("\n", text):
        offsets.append(m.end())
    return offsets


def _plain_ok(value: str, flow: bool) -> bool:
    """Whether ``value`` can be written unquoted (checked again by re-parsing in any case)."""
    if not value or value != value.strip() or "\n" in value or "\t" in value:
        return False
    if value[0] in "!&*?|>'\"%@`-#[]{},:" or value.lower() in {"null", "true", "false", "yes", "no", "on", "off", "~"}:
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and any(c in value for c in ",[]{}:"):  # the loader's parser (PyYAML) ends a flow scalar at ':'
        return False
    if re.fullmatch(r"[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+", value):
        return False
    return True


def _scalar(value: str, flow: bool) -> str:
    return value if _plain_ok(value, flow) else json.dumps(value, ensure_ascii=False)


def _node_plain(node: Any) -> Any:
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _node_plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_node_plain(v) for v in node.value]
    return None if node is None else str(node.value)


def _loader_script(text: str, script_id: str) -> Any:
    """The script ``script_id`` as the loader's own parser (PyYAML) reads ``text``: strings all
    the way down, or None when it is not there or the text does not parse. ruamel.yaml and PyYAML
    disagree on a few plain scalars (``a:b`` inside ``[...]``), so a write is checked by both."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    doc = _node_plain(root)
    scripts = doc.get("scripts") if isinstance(doc, dict) else None
    for s in scripts if isinstance(scripts, list) else []:
        if isinstance(s, dict) and s.get("id") == script_id:
            return s
    return None


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node if node is None or isinstance(node, (bool, int, float)) else str(node)
