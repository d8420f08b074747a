"""Whole-script edits for the editor: update, add and delete a script in the YAML file that
defines it (moved out of :mod:`.writer`, which re-exports these names)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from ..atomic import write_text
from .loader import library_files
from .composed import (
    _compose, _file_for_category, _get, _id_elsewhere, _key_node, _locate, _node_index, _node_value, _parse_files, _Parsed,
    _read_text, _scripts_node,
)
from .splicing import WriteError, _line_offsets, _load, _loader_script, _plain, _scalar, _scripts, _yaml, find_script_file


# --- whole-script edits for the editor: update, add, delete -------------------------------------
#
# The same approach as add_examples: ruamel.yaml finds the nodes, the change is spliced into the
# original text, and the result is parsed again and compared with what was meant. An update
# keeps every unchanged key's lines byte for byte (comments included) and re-emits only the keys
# that changed; a new script is appended after the last script of the file; a deleted script's
# lines are cut out. Comment lines between scripts stay where they are.

SCRIPT_KEY_ORDER = ("id", "category", "title", "code", "tone", "examples", "keywords", "replies", "reviewed")
_BLOCK_LISTS = ("replies",)  # emitted one item a line when the file gives no style to follow


@dataclass(frozen=True)
class EditResult:
    path: Path
    script_id: str
    action: str  # "updated", "added", "deleted" or "unchanged"


def script_fields(script: Any) -> dict[str, Any]:
    """The YAML fields of a :class:`~kefu_assist.library.model.Script` (empty ones left out)."""
    out: dict[str, Any] = {"id": script.id, "category": script.category, "title": script.title}
    if script.code:
        out["code"] = script.code
    if script.tone:
        out["tone"] = script.tone
    if script.examples:
        out["examples"] = list(script.examples)
    if script.keywords:
        out["keywords"] = list(script.keywords)
    out["replies"] = list(script.replies)
    if script.reviewed:
        out["reviewed"] = dict(script.reviewed)
    return out


def _normal(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    return None if value is None else str(value)


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        value = _normal(value)
        if value is None or value == "" or value == [] or value == {}:
            continue
        out[str(key)] = value
    for required in ("id", "category", "title"):
        if not isinstance(out.get(required), str) or not out[required].strip():
            raise WriteError(f"话术缺少{ {'id': 'id', 'category': '分类', 'title': '标题'}[required] }，未修改")
    if not out.get("replies"):
        raise WriteError("话术至少要有一条回复，未修改")
    return out


def _is_filler(line: str) -> bool:
    s = line.strip()
    return not s or s.startswith("#")


def _line_at(text: str, offsets: list[int], n: int) -> str:
    start = offsets[n]
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end + 1]


def _block_lines(text: str, offsets: list[int], seq: CommentedSeq, index: int) -> tuple[int, int]:
    """First and end (exclusive) line of item ``index`` of a block sequence of scripts; comment
    and blank lines after the item are not part of it."""
    following = seq.lc.item(index + 1)[0] if index + 1 < len(seq) else None
    return _item_lines(text, offsets, seq.lc.item(index), following)


def _item_lines(text: str, offsets: list[int], at: tuple[int, int], following: int | None) -> tuple[int, int]:
    """``_block_lines`` of the item whose value starts at ``at`` (line, column), the next item
    starting on line ``following`` (None: the last item)."""
    start, col = at
    dash_col = col - 2
    nlines = len(offsets) if offsets[-1] < len(text) else len(offsets) - 1
    if following is not None:
        end = following
    else:
        end = start + 1
        while end < nlines:
            line = _line_at(text, offsets, end)
            if not _is_filler(line) and len(line) - len(line.lstrip(" ")) <= dash_col:
                break
            end += 1
    while end - 1 > start and _is_filler(_line_at(text, offsets, end - 1)):
        end -= 1
    return start, end


def _emit_value(key: str, value: Any, pad: str, flow: bool | None, nl: str) -> str:
    """``key: value`` lines (without the first line's indent) for one field."""
    if isinstance(value, list):
        if flow is None:
            flow = key not in _BLOCK_LISTS
        if flow:
            return f"{key}: [" + ", ".join(_scalar(v, True) for v in value) + "]" + nl
        return f"{key}:{nl}" + "".join(f"{pad}  - {_scalar(v, False)}{nl}" for v in value)
    if isinstance(value, dict):
        return f"{key}:{nl}" + "".join(f"{pad}  {_scalar(k, False)}: {_scalar(v, False)}{nl}" for k, v in value.items())
    return f"{key}: {_scalar(value, False)}{nl}"


def _ordered(fields: dict[str, Any]) -> list[str]:
    known = [k for k in SCRIPT_KEY_ORDER if k in fields]
    return known + [k for k in fields if k not in known]


def _emit_script(fields: dict[str, Any], dash_col: int, nl: str) -> str:
    pad = " " * (dash_col + 2)
    out = []
    for i, key in enumerate(_ordered(fields)):
        lead = " " * dash_col + "- " if i == 0 else pad
        out.append(lead + _emit_value(key, fields[key], pad, None, nl))
    return "".join(out)


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _read(path: Path) -> tuple[bytes, bool, str, Any]:
    raw, text = _read_text(path)
    return raw, raw.startswith(b"\xef\xbb\xbf"), text, _load(text, path)


def _commit(path: Path, raw: bytes, bom: bool, updated: str, expected: Any,
            written: dict[str, Any] | None = None) -> None:
    check = _load(updated, path)
    if _plain(check) != expected:
        raise WriteError(f"{path}: 无法安全地写入（写回后校验不一致），未修改")
    if written is not None and _loader_script(updated, written["id"]) != written:
        raise WriteError(f"{path}: 无法安全地写入（话术库读取器读到的内容不一致），未修改")
    backup = path.with_name(path.name + ".bak")
    write_text(backup, raw.decode("utf-8"), new_file_mode=0o644)
    write_text(path, ("\ufeff" if bom else "") + updated)


def _scripts_seq(doc: Any, path: Path) -> CommentedSeq:
    seq = doc.get("scripts") if isinstance(doc, CommentedMap) else None
    if not isinstance(seq, CommentedSeq):
        raise WriteError(f"{path}: 没有 scripts 列表，未修改")
    if seq.fa.flow_style():
        raise WriteError(f"{path}: scripts 写成了 [ ] 形式，编辑器只改逐行（- ）形式的列表，未修改")
    return seq


def _index_of(seq: CommentedSeq, script_id: str) -> int:
    return next(i for i, s in enumerate(seq) if isinstance(s, CommentedMap) and str(s.get("id")) == script_id)


def update_script(library: str | Path, script_id: str, fields: dict[str, Any]) -> EditResult:
    """Make the script ``script_id`` hold exactly ``fields`` (id, category, title, replies,
    examples, keywords, code, tone, reviewed; an empty field is removed). Unchanged keys keep
    their lines (and comments) byte for byte; changed keys are written again in the style the
    file used for them (flow ``[...]`` or one item a line).

    The file is parsed once and the written text once, both by the loader's own parser (PyYAML's
    C composer: lines, columns and styles of the nodes are all the splice needs), and the whole
    written text must read as the old one with only this script changed (nodes.py's reading of
    nulls): ruamel.yaml's round-trip parse, three of them a save, took 1.1 s of the shipped
    library's 保存 and 53 s at 10,000 scripts."""
    wanted = _clean_fields(fields)
    path, raw, bom, text, root = _locate(library, script_id)
    if wanted["id"] != script_id and _id_elsewhere(Path(library), wanted["id"], path, root):
        raise WriteError(f"id {wanted['id']} 已被另一条话术使用，未修改")
    seq = _scripts_node(root, path)
    index = _node_index(seq, script_id)
    assert index is not None  # _locate found it
    script = seq.value[index]
    pairs = script.value
    keys = [str(k.value) for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise WriteError(f"{path}: 话术 {script_id} 里有重复的键，未修改")
    values = dict(zip(keys, (v for _, v in pairs)))
    current = {k: _normal(_node_value(v)) for k, v in values.items()}
    if current == wanted:
        return EditResult(path, script_id, "unchanged")
    nl = _newline(text)
    offsets = _line_offsets(text)
    at = (script.start_mark.line, script.start_mark.column)
    following = seq.value[index + 1].start_mark.line if index + 1 < len(seq.value) else None
    start, end = _item_lines(text, offsets, at, following)
    dash_col = at[1] - 2
    key_lines = [k.start_mark.line for k, _ in pairs]
    per_key = (
        not script.flow_style
        and len(set(key_lines)) == len(key_lines)
        and key_lines == sorted(key_lines)
        and key_lines and key_lines[0] == start
    )
    if per_key:
        pad = " " * (dash_col + 2)
        pieces: list[str] = []
        for i, key in enumerate(keys):
            a = offsets[key_lines[i]]
            b_line = key_lines[i + 1] if i + 1 < len(keys) else end
            b = offsets[b_line] if b_line < len(offsets) else len(text)
            span = text[a:b]
            if key not in wanted:
                continue
            first = not pieces
            if current.get(key) == wanted[key] and (first == (i == 0)):
                if not span.endswith(("\n", "\r")):
                    span += nl
                pieces.append(span)
                continue
            node = values[key]
            flow = bool(node.flow_style) if isinstance(node, yaml.SequenceNode) else None
            lead = " " * dash_col + "- " if first else pad
            # keep the comment lines that ended the old span
            tail_lines = span.splitlines(keepends=True)
            tail: list[str] = []
            while len(tail_lines) > 1 and _is_filler(tail_lines[-1]):
                tail.insert(0, tail_lines.pop())
            pieces.append(lead + _emit_value(key, wanted[key], pad, flow, nl) + "".join(tail))
        for key in _ordered(wanted):
            if key not in keys:
                lead = " " * dash_col + "- " if not pieces else pad
                pieces.append(lead + _emit_value(key, wanted[key], pad, None, nl))
        block = "".join(pieces)
    else:
        block = _emit_script(wanted, dash_col, nl)
    a = offsets[start]
    b = offsets[end] if end < len(offsets) else len(text)
    updated = text[:a] + block + text[b:]
    expected = _node_value(root)
    expected["scripts"][index] = dict(wanted)
    check = _compose(updated, path)
    if _node_value(check) != expected:
        raise WriteError(f"{path}: 无法安全地写入（写回后校验不一致），未修改")
    _replace(path, raw, bom, updated)
    return EditResult(path, wanted["id"], "updated")


def _replace(path: Path, raw: bytes, bom: bool, updated: str) -> None:
    """The old file kept as ``<name>.bak``, then ``updated`` written in its place (atomically)."""
    backup = path.with_name(path.name + ".bak")
    write_text(backup, raw.decode("utf-8"), new_file_mode=0o644)
    write_text(path, ("\ufeff" if bom else "") + updated)


def add_script(library: str | Path, fields: dict[str, Any], path: str | Path | None = None) -> EditResult:
    """Append a new script to ``path`` or, by default, to the file that holds other scripts of
    its category (else the file that defines the category, else the first file with scripts).
    Each file of the library is parsed once (by the loader's parser) and the written text once,
    as in ``update_script``."""
    wanted = _clean_fields(fields)
    files = _parse_files(Path(library))
    if any(_node_index(_get(parsed.root, "scripts"), wanted["id"]) is not None for parsed in files.values()):
        raise WriteError(f"id {wanted['id']} 已被另一条话术使用，未修改")
    target = Path(path) if path is not None else _file_for_category(Path(library), files, wanted["category"])
    parsed = files.get(target)
    if parsed is None:  # a file outside the library, or one that could not be read
        raw, text = _read_text(target)
        parsed = _Parsed(raw, text, _compose(text, target), "")
    if parsed.error:
        raise WriteError(parsed.error)
    raw, text, root = parsed.raw, parsed.text, parsed.root
    bom = raw.startswith(b"\xef\xbb\xbf")
    nl = _newline(text)
    expected = _node_value(root) if root is not None else {}
    if not isinstance(expected, dict):
        raise WriteError(f"{target}: 顶层不是映射，未修改")
    offsets = _line_offsets(text)
    seq = _get(root, "scripts")
    key = _key_node(root, "scripts")
    if isinstance(seq, yaml.SequenceNode) and seq.value and not seq.flow_style:
        last = seq.value[-1]
        dash_col = last.start_mark.column - 2
        _, end = _item_lines(text, offsets, (last.start_mark.line, last.start_mark.column), None)
        at = offsets[end] if end < len(offsets) else len(text)
        prefix = "" if text[:at].endswith("\n") or not text[:at] else nl
        updated = text[:at] + prefix + _emit_script(wanted, dash_col, nl) + text[at:]
    elif key is not None and (expected.get("scripts") is None or (isinstance(seq, yaml.SequenceNode) and not seq.value)):
        key_line, key_col = key.start_mark.line, key.start_mark.column
        a = offsets[key_line]
        eol = text.find("\n", a)
        b = len(text) if eol < 0 else eol + 1
        line = text[a:b]
        m = re.search(r"\s+#.*$", line.rstrip("\r\n"))
        comment = m.group(0) if m else ""
        updated = text[:a] + " " * key_col + "scripts:" + comment + nl + _emit_script(wanted, key_col + 2, nl) + text[b:]
    elif key is None:
        sep = "" if not text or text.endswith("\n") else nl
        updated = text + sep + "scripts:" + nl + _emit_script(wanted, 2, nl)
    else:
        raise WriteError(f"{target}: scripts 不是逐行（- ）形式的列表，无法追加，未修改")
    expected["scripts"] = list(expected.get("scripts") or []) + [dict(wanted)]
    if _node_value(_compose(updated, target)) != expected:
        raise WriteError(f"{target}: 无法安全地写入（写回后校验不一致），未修改")
    _replace(target, raw, bom, updated)
    return EditResult(target, wanted["id"], "added")


def delete_script(library: str | Path, script_id: str) -> EditResult:
    """Cut the script's lines out of its file (comments between scripts stay). The library's
    last script is not deleted: a library with no script is refused by the loader (the sidebar
    would keep the old one and say the file is broken)."""
    path = find_script_file(library, script_id)
    raw, bom, text, doc = _read(path)
    seq = _scripts_seq(doc, path)
    if len(seq) == 1 and not _scripts_elsewhere(Path(library), path):
        raise WriteError(f"{script_id} 是话术库里唯一的一条话术，删除后话术库无法使用；请先新建一条，未修改")
    index = _index_of(seq, script_id)
    offsets = _line_offsets(text)
    start, end = _block_lines(text, offsets, seq, index)
    a = offsets[start]
    b = offsets[end] if end < len(offsets) else len(text)
    if len(seq) == 1:
        key_line, key_col = doc.lc.key("scripts")
        ka = offsets[key_line]
        eol = text.find("\n", ka)
        kb = len(text) if eol < 0 else eol
        line = text[ka:kb]
        m = re.search(r"\s+#.*$", line.rstrip("\r"))
        comment = m.group(0) if m else ""
        updated = text[:ka] + " " * key_col + "scripts: []" + comment + text[kb:a] + text[b:]
    else:
        updated = text[:a] + text[b:]
    expected = _plain(doc)
    del expected["scripts"][index]
    _commit(path, raw, bom, updated, expected)
    return EditResult(path, script_id, "deleted")


def _scripts_elsewhere(library: Path, path: Path) -> bool:
    """Whether a file of ``library`` other than ``path`` holds a script."""
    for other in library_files(library):
        if other.resolve() == path.resolve():
            continue
        try:
            if _scripts(_yaml().load(other.read_text(encoding="utf-8-sig"))):
                return True
        except (OSError, UnicodeDecodeError, YAMLError):
            continue
    return False
