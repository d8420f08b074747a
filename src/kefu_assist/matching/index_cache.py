"""A built index, saved under a digest of everything it was built from.

Indexing segments every example; for a 10,000-script library that takes seconds. The result only
depends on the library's content, the jieba dictionary, the matcher's settings and this code, so
it is saved in the user's cache folder under a digest of those, and a start-up or a reload of an
unchanged library reads it back instead. A file that is missing, stale, truncated or written by
another version is simply ignored and replaced.

The frozen build also ships the shipped library's index, compressed, in its bundle's read-only
cache folder (paths.shipped_cache_dir(); packaging/build.py puts it there): ``load`` reads the
user's cache first and that folder after a miss, so a first start need not train. Its key is the
same on every machine because paths.file_key keys the bundle's own dictionary by its place in the
bundle. An edited library, learned examples or other settings give another key, and the index is
built and cached as always. Outside a frozen build there is no shipped folder.
"""
from __future__ import annotations

import dataclasses
import hashlib
import pickle
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from .. import sealed
from ..atomic import atomic_write
from ..library.model import Library
from ..paths import file_key, shipped_cache_dir

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

FORMAT = 8  # bump when the saved state changes shape or meaning (8: sealed files, sealed.py)
KEEP = 4  # newest index files kept per cache folder
SHIPPED_SUFFIX = ".index.zlib"  # a shipped index: this module's file, zlib-compressed (a third the size, 10 ms to inflate)


def digest(library: Library, dictionary: Path, config: "DataclassInstance", code_version: str, *, extra: str = "") -> str:
    """``extra``: anything else the index is built from (the chatter corpus, learned examples)."""
    h = hashlib.sha256()
    h.update(extra.encode("utf-8", "surrogatepass") + b"\x1c")
    h.update(f"{FORMAT}|{code_version}|{dataclasses.astuple(config)!r}|".encode())
    h.update(f"{file_key(dictionary)}|".encode())
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
    """The index saved under ``key`` in the user's cache ``folder``, else the one the frozen
    build shipped under ``key`` (paths.shipped_cache_dir()), else None."""
    state = _load_cached(folder, key)
    if state is None:
        state = read_shipped(shipped_cache_dir(), key)
        if state is not None:
            _trace("shipped-index")
    return state


def read_shipped(folder: Path | None, key: str) -> dict | None:
    """The shipped index under ``key`` in the read-only ``folder``; None when there is none, it
    does not read back whole, or it was saved under another key. Never deletes anything."""
    if folder is None:
        return None
    try:
        payload = sealed.unseal(zlib.decompress((folder / f"{key}{SHIPPED_SUFFIX}").read_bytes()))
        state = None if payload is None else pickle.loads(payload)
    except Exception:  # noqa: BLE001 - missing or damaged: the index is built, as without one
        return None
    return state if isinstance(state, dict) and state.get("__key__") == key else None


def _trace(event: str) -> None:
    """The sidebar's start-up trace (ui/app.py: make_tracer, with KEFU_ASSIST_TRACE_STARTUP),
    when the sidebar is what runs; packaging/smoke.py reads "shipped-index" from it. Looked up,
    not imported: the matching layer does not depend on the UI."""
    app = sys.modules.get("kefu_assist.ui.app")
    if app is not None:
        app.make_tracer()(event)


def _load_cached(folder: Path | None, key: str) -> dict | None:
    if folder is None:
        return None
    path = folder / f"{key}.index"
    try:
        fh = sealed.open_checked(path)
        if fh is None:
            raise ValueError("not a sealed index file")
        with fh:
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
            sealed.write(fh, lambda out: pickle.dump({**state, "__key__": key}, out, protocol=pickle.HIGHEST_PROTOCOL))
        old = sorted(folder.glob("*.index"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
        for path in old:
            path.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk costs the next start-up time, nothing else
