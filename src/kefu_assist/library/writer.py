"""Writing examples back into the YAML file that defines a script, leaving the rest of the file
byte for byte as it was.

ruamel.yaml parses the file (it keeps every node's line and column), but its dump re-wraps flow
lists and re-indents long lines: a round trip of the shipped library with no change at all
rewrote 663 diff lines. A team lead's file must stay a clean diff, so the new example is
spliced into the original text at the position ruamel reports, and the result is parsed again
and compared with what was meant before it replaces the file (atomically, the old file kept as
``<name>.bak``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..atomic import write_text
from .script_writer import (  # noqa: F401 - re-exported: the script edits live there
    SCRIPT_KEY_ORDER, EditResult, add_script, delete_script, script_fields, update_script,
)
from .splicing import (
    WriteError, _line_offsets, _load, _loader_script, _plain, _scalar, _scripts, find_script_file,
)


@dataclass(frozen=True)
class WriteResult:
    path: Path
    added: tuple[str, ...]  # examples written
    present: tuple[str, ...]  # examples the script already had (nothing written for them)


def _flow_end(text: str, start: int) -> int:
    """Index of the ``]`` closing the flow sequence whose ``[`` is at ``start``."""
    depth = 0
    i = start
    quote = ""
    while i < len(text):
        c = text[i]
        if quote:
            if quote == '"' and c == "\\":
                i += 2
                continue
            if c == quote:
                if quote == "'" and text[i + 1:i + 2] == "'":
                    i += 2
                    continue
                quote = ""
        elif c in "\"'" and (i == start or text[i - 1] in " [,\n"):
            quote = c
        elif c == "#" and text[i - 1] in " \n":
            nl = text.find("\n", i)
            i = len(text) if nl < 0 else nl
            continue
        elif c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise WriteError("examples 列表没有闭合的 ]，未修改")


def _splice(text: str, script: CommentedMap, new: list[str]) -> str:
    offsets = _line_offsets(text)
    examples = script.get("examples")
    if isinstance(examples, CommentedSeq) and examples.fa.flow_style():
        line, col = examples.lc.line, examples.lc.col
        open_at = offsets[line] + col
        if text[open_at] != "[":  # pragma: no cover - ruamel reports the bracket
            raise WriteError("examples 列表的位置无法确定，未修改")
        close_at = _flow_end(text, open_at)
        body = text[open_at + 1:close_at]
        items = ", ".join(_scalar(v, True) for v in new)
        if body.strip():
            stripped = body.rstrip()
            insert_at = open_at + 1 + len(stripped)
            if stripped.endswith(","):
                return text[:insert_at] + " " + items + text[insert_at:]
            return text[:insert_at] + ", " + items + text[insert_at:]
        return text[:open_at + 1] + items + text[close_at:]
    if isinstance(examples, CommentedSeq) and len(examples):
        last = len(examples) - 1
        line, col = examples.lc.item(last)
        # the "- " of the last item sits two columns before its value
        dash_col = col - 2
        indent = text[offsets[line]:offsets[line] + dash_col]
        if indent.strip():
            raise WriteError("examples 列表的格式无法安全追加，未修改")
        # after the last item's own lines (a multi-line scalar spans several)
        end_line = line + 1
        while end_line < len(offsets) and offsets[end_line] < len(text):
            following = text[offsets[end_line]:text.find("\n", offsets[end_line]) if text.find("\n", offsets[end_line]) >= 0 else len(text)]
            if following.strip() and (len(following) - len(following.lstrip(" "))) <= dash_col:
                break
            if not following.strip():
                break
            end_line += 1
        at = offsets[end_line] if end_line < len(offsets) else len(text)
        prefix = "" if text[:at].endswith("\n") else "\n"
        lines = "".join(f"{indent}- {_scalar(v, False)}\n" for v in new)
        return text[:at] + prefix + lines + text[at:]
    # no examples yet (an agent-initiated script, or examples: [] / examples: null)
    if "examples" in script:
        key_line, key_col = script.lc.key("examples")
        start = offsets[key_line] + key_col
        nl = text.find("\n", start)
        end = len(text) if nl < 0 else nl
        value_part = text[start:end]
        comment = ""
        m = re.search(r"\s#.*$", value_part)
        if m:
            comment, value_part = m.group(0), value_part[:m.start()]
        items = ", ".join(_scalar(v, True) for v in new)
        return text[:start] + f"examples: [{items}]" + comment + text[end:]
    anchor = "title" if "title" in script else "category" if "category" in script else "id"
    key_line, key_col = script.lc.key(anchor)
    value = script[anchor]
    # the line after the anchor key's value (titles are one line)
    after = key_line + 1
    if isinstance(value, str) and "\n" in value:  # pragma: no cover - multi-line titles are unusual
        raise WriteError("标题跨多行，无法安全追加 examples，未修改")
    at = offsets[after] if after < len(offsets) else len(text)
    prefix = "" if text[:at].endswith("\n") else "\n"
    items = ", ".join(_scalar(v, True) for v in new)
    return text[:at] + prefix + " " * key_col + f"examples: [{items}]\n" + text[at:]


def add_examples(library: str | Path, script_id: str, texts: Iterable[str]) -> WriteResult:
    """Append buyer wordings to the examples of ``script_id`` in the file that defines it.

    Examples the script already has are left out; nothing is written when none is new. The old
    file is kept beside the new one as ``<name>.bak``. Raises :class:`WriteError` with a
    message for a team lead when the script or file cannot be changed safely."""
    wanted = []
    for t in texts:
        t = " ".join(str(t).split())
        if t and t not in wanted:
            wanted.append(t)
    if not wanted:
        raise WriteError("没有要添加的例句")
    path = find_script_file(library, script_id)
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    doc = _load(text, path)
    script = next(s for s in _scripts(doc) if str(s.get("id")) == script_id)
    existing = [str(e) for e in (script.get("examples") or [])]
    new = [t for t in wanted if t not in existing]
    present = tuple(t for t in wanted if t in existing)
    if not new:
        return WriteResult(path, (), present)
    updated = _splice(text, script, new)
    # what was meant: the same document with only these examples added
    check = _load(updated, path)
    after = next((s for s in _scripts(check) if str(s.get("id")) == script_id), None)
    if after is None or [str(e) for e in (after.get("examples") or [])] != existing + new:
        raise WriteError(f"{path}: 无法安全地写入例句（写回后校验不一致），未修改")
    expected = _plain(doc)
    for s in expected.get("scripts", []):
        if isinstance(s, dict) and str(s.get("id")) == script_id:
            s["examples"] = existing + new
    if _plain(check) != expected:
        raise WriteError(f"{path}: 无法安全地写入例句（其他内容会被改动），未修改")
    seen = _loader_script(updated, script_id)
    if seen is None or (seen.get("examples") or []) != existing + new:
        raise WriteError(f"{path}: 无法安全地写入例句（写回后校验不一致），未修改")
    backup = path.with_name(path.name + ".bak")
    write_text(backup, raw.decode("utf-8"), new_file_mode=0o644)
    write_text(path, ("\ufeff" if bom else "") + updated)
    return WriteResult(path, tuple(new), present)
