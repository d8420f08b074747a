"""The loader's own parser (PyYAML's C composer) for the editor's writes (:mod:`.script_writer`):
a file's nodes carry the lines, columns and flow/block styles the splice needs, and the values as
the loader reads them (nodes.py), so one parse of a file and one of the written text do for a save
(ruamel.yaml's round-trip parse, three of them a save, took 1.1 s of the shipped library's 保存)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .loader import library_files
from .reading import _expansion_problem, _Loader
from .splicing import WriteError


def _compose(text: str, path: Path) -> yaml.Node | None:
    """The root node of ``text``, parsed as the loader parses it; a text that does not parse, or
    whose aliases would expand far past its size (reading.py's YAML bomb check), is refused."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise WriteError(f"{path}: 不是有效的 YAML，未修改（{str(exc).splitlines()[0]}）") from None
    if root is not None and _expansion_problem(root, text):
        raise WriteError(f"{path}: 别名（&name / *name）展开后远大于文件本身，未修改")
    return root


def _node_value(node: yaml.Node | None) -> Any:
    """A node as the loader reads its values (nodes.py): strings as written, a null scalar None,
    lists and dicts of them."""
    if isinstance(node, yaml.MappingNode):
        return {str(k.value): _node_value(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_node_value(v) for v in node.value]
    if node is None or node.tag.endswith(":null"):
        return None
    return str(node.value)


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in reversed(node.value) if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _node_index(seq: yaml.Node | None, script_id: str) -> int | None:
    """Which item of a ``scripts`` sequence node is the script ``script_id``."""
    if not isinstance(seq, yaml.SequenceNode):
        return None
    for i, item in enumerate(seq.value):
        if isinstance(item, yaml.MappingNode):
            id_node = _get(item, "id")
            if isinstance(id_node, yaml.ScalarNode) and str(id_node.value) == script_id:
                return i
    return None


def _scripts_node(root: yaml.Node | None, path: Path) -> yaml.SequenceNode:
    seq = _get(root, "scripts")
    if not isinstance(seq, yaml.SequenceNode):
        raise WriteError(f"{path}: 没有 scripts 列表，未修改")
    if seq.flow_style:
        raise WriteError(f"{path}: scripts 写成了 [ ] 形式，编辑器只改逐行（- ）形式的列表，未修改")
    return seq


def _locate(library: str | Path, script_id: str) -> tuple[Path, bytes, bool, str, yaml.Node]:
    """The file of ``library`` that defines ``script_id``, its bytes, whether it has a BOM, its
    text and its parsed root: parsed once, here, for the whole save."""
    for path in library_files(Path(library)):
        found = _defines(path, script_id)
        if found is not None:
            raw, text, root = found
            if _expansion_problem(root, text):
                raise WriteError(f"{path}: 别名（&name / *name）展开后远大于文件本身，未修改")
            return path, raw, raw.startswith(b"\xef\xbb\xbf"), text, root
    raise WriteError(f"话术库里没有 id 为 {script_id} 的话术")


def _defines(path: Path, script_id: str) -> tuple[bytes, str, yaml.Node] | None:
    """``path``'s bytes, text and root when its scripts define ``script_id`` (parsed only if its
    text holds the id), else None (also for a file that cannot be read or parsed)."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if script_id not in text:
        return None
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    if root is None or _node_index(_get(root, "scripts"), script_id) is None:
        return None
    return raw, text, root


def _id_elsewhere(library: Path, script_id: str, path: Path, root: yaml.Node) -> bool:
    """Whether a script of ``library`` has the id ``script_id``: ``path``'s already parsed
    ``root`` is looked at, other files are parsed only if their text holds the id."""
    if _node_index(_get(root, "scripts"), script_id) is not None:
        return True
    for other in library_files(library):
        if other.resolve() != path.resolve() and _defines(other, script_id) is not None:
            return True
    return False


@dataclass(frozen=True)
class _Parsed:
    raw: bytes
    text: str
    root: yaml.Node | None
    error: str  # why the file does not parse ("" when it does)


def _parse_files(library: Path) -> dict[Path, _Parsed]:
    """Every readable file of ``library``, each parsed once (by the loader's parser)."""
    out: dict[Path, _Parsed] = {}
    for path in library_files(library):
        try:
            raw = path.read_bytes()
            text = raw.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        try:
            out[path] = _Parsed(raw, text, _compose(text, path), "")
        except WriteError as exc:
            out[path] = _Parsed(raw, text, None, str(exc))
    return out


def _file_for_category(library: Path, files: dict[Path, _Parsed], category: str) -> Path:
    fallback: Path | None = None
    defines: Path | None = None
    for path, parsed in files.items():
        if parsed.error:
            continue
        root = parsed.root
        seq = _get(root, "scripts")
        if isinstance(seq, yaml.SequenceNode) and any(
            isinstance(s, yaml.MappingNode) and _node_value(_get(s, "category")) == category for s in seq.value
        ):
            return path
        cats = _get(root, "categories")
        if defines is None and isinstance(cats, yaml.MappingNode) and any(str(k.value) == category for k, _ in cats.value):
            defines = path
        if fallback is None and _key_node(root, "scripts") is not None:
            fallback = path
    files_in_order = library_files(library)
    chosen = defines or fallback or (files_in_order[0] if files_in_order else None)
    if chosen is None:
        raise WriteError(f"{library}: 没有话术文件")
    return chosen


def _key_node(root: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(root, yaml.MappingNode):
        return None
    return next((k for k, _ in reversed(root.value) if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _read_text(path: Path) -> tuple[bytes, str]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise WriteError(f"{path}: 无法读取（{exc.strerror or exc}），未修改") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WriteError(f"{path}: 不是 UTF-8 文本，未修改") from None
    return raw, text
