"""A built index, saved under a digest of everything it was built from.

Indexing segments every example; for a 10,000-script library that takes seconds. The result only
depends on the library's content, the jieba dictionary, the matcher's settings and this code, so
it is saved in the user's cache folder under a digest of those, and a start-up or a reload of an
unchanged library reads it back instead. A file that is missing, stale, truncated or written by
another version is simply ignored and replaced.
"""
from __future__ import annotations

import dataclasses
import hashlib
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import atomic_write
from ..library.model import Library

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

FORMAT = 6  # bump when the saved state changes shape or meaning
KEEP = 4  # newest index files kept per cache folder


def digest(library: Library, dictionary: Path, config: "DataclassInstance", code_version: str, *, extra: str = "") -> str:
    """``extra``: anything else the index is built from (the chatter corpus, learned examples)."""
    h = hashlib.sha256()
    h.update(extra.encode("utf-8", "surrogatepass") + b"\x1c")
    h.update(f"{FORMAT}|{code_version}|{dataclasses.astuple(config)!r}|".encode())
    stat = dictionary.stat()
    h.update(f"{dictionary.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|".encode())
    for word in library.vocabulary:
        h.update(word.encode() + b"\x1f")
    h.update(b"\x1e")
    for group in library.synonyms:
        h.update("\x1f".join(group).encode() + b"\x1e")
    for script in library.scripts:
        h.update(script.id.encode() + b"\x1d")
        if script.examples:
            h.update("\x1f".join(script.examples).encode() + b"\x1e")
            h.update("\x1f".join(script.keywords).encode() + b"\x1e")
    return h.hexdigest()[:32]


def load(folder: Path | None, key: str) -> dict | None:
    if folder is None:
        return None
    path = folder / f"{key}.index"
    try:
        with path.open("rb") as fh:
            state = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged cache file is rebuilt, never fatal
        try:
            path.unlink()
        except OSError:
            pass
        return None
    if not isinstance(state, dict) or state.get("__key__") != key:
        return None
    return state


def save(folder: Path | None, key: str, state: dict) -> None:
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with atomic_write(folder / f"{key}.index", "wb", durable=False) as fh:
            pickle.dump({**state, "__key__": key}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        old = sorted(folder.glob("*.index"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
        for path in old:
            path.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk costs the next start-up time, nothing else
