"""The editor's library before it is saved: a :class:`Library` with one script replaced, added or
removed, for the 试一试 box (build a matcher on it and ask what it suggests) without writing."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from .model import Library, Script


def script_from_fields(fields: dict[str, Any], *, file: str = "", line: int = 0) -> Script:
    """A :class:`Script` from the editor's fields (the shape ``writer.script_fields`` gives)."""
    def texts(key: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for t in (" ".join(str(v).split()) for v in fields.get(key) or ()) if t))

    reviewed = fields.get("reviewed") or {}
    return Script(
        id=str(fields.get("id", "")).strip(),
        category=str(fields.get("category", "")).strip(),
        title=str(fields.get("title", "")).strip(),
        replies=tuple(str(r) for r in fields.get("replies") or () if str(r).strip()),
        examples=texts("examples"),
        keywords=texts("keywords"),
        file=file,
        line=line,
        tone=str(fields.get("tone") or ""),
        reviewed=tuple((str(k), str(v)) for k, v in dict(reviewed).items()),
        code=str(fields["code"]).strip() or None if fields.get("code") else None,
    )


def with_script(library: Library, script: Script | None, replaces: str | None = None) -> Library:
    """``library`` with the script ``replaces`` (an id) swapped for ``script`` in its place, or
    ``script`` appended when ``replaces`` is None, or the script removed when ``script`` is None."""
    scripts = list(library.scripts)
    at = next((i for i, s in enumerate(scripts) if replaces is not None and s.id == replaces), None)
    if at is not None:
        old = scripts[at]
        if script is None:
            del scripts[at]
        else:
            scripts[at] = replace(script, file=script.file or old.file, line=script.line or old.line)
    elif script is not None:
        scripts.append(script)
    return replace(library, scripts=tuple(scripts))
