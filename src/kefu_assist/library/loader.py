"""YAML -> validated Library, collecting every problem with file, line and script id.

Two steps, as espanso does it: compose the YAML into nodes (which keep their line numbers), then
convert node by node, checking as we go. A broken script is reported and skipped; a file that
cannot be read or parsed at all makes the whole load unusable (``LoadResult.library is None``) so
that a caller can keep the library it already has.

This module finds the files, keeps the parsed-library cache and runs the steps, which live in
:mod:`.reading` (each file read safely and composed), :mod:`.nodes` (one file's nodes converted)
and :mod:`.checks` (the files merged and checked as one library).
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable

from .. import sealed
from ..atomic import atomic_write
from ..code_id import code_id
from .checks import _check
from .model import Library, LoadResult, Problem
from .reading import _read_text, _stat_problem

# moved to nodes.py / reading.py / checks.py; still importable from here
from .checks import NO_SCRIPTS as NO_SCRIPTS
from .nodes import ID_RE as ID_RE, SCRIPT_KEYS as SCRIPT_KEYS, SUPPORTED_VERSION as SUPPORTED_VERSION, TONES as TONES, TOP_KEYS as TOP_KEYS
from .nodes import clean_text as clean_text
from .reading import MAX_FILE_BYTES as MAX_FILE_BYTES

YAML_SUFFIXES = (".yaml", ".yml")

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
    # (texts and the checked result are not kept here: _compacted frees the parse)
    return _compacted(_check(files, texts), cache_dir, key)


_CACHE_FORMAT = 4  # (3: sealed files, sealed.py; 4: in parts, _parts) bump when Script, Library or Problem change shape or loading rules change


def _digest(texts: list[tuple[Path, str]]) -> str:
    h = hashlib.sha256(f"kefu-assist library {_CACHE_FORMAT} {code_id(__file__)}\x1e".encode())
    for file, text in texts:
        h.update(str(file.resolve()).encode() + b"\x1f" + text.encode() + b"\x1e")
    return h.hexdigest()[:32]


def _cache_read(cache_dir: Path | None, key: str) -> LoadResult | None:
    if cache_dir is None:
        return None
    try:
        fh = sealed.open_checked(cache_dir / f"{key}.library")
        if fh is None:  # another format, truncated or damaged: parsed again
            return None
        with fh:
            return _from_parts(lambda: pickle.load(fh))
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged cache entry is re-parsed, never fatal
        return None


def _state(result: LoadResult) -> tuple | None:
    """What the cache keeps of a result (None without a library)."""
    lib = result.library
    if lib is None:
        return None
    return (lib.scripts, dict(lib.placeholders), lib.vocabulary, lib.synonyms, dict(lib.categories), lib.files, result.problems)


def _compacted(result: LoadResult, cache_dir: Path | None, key: str) -> LoadResult:
    """``result`` as the cache gives it back (and written there with ``cache_dir``), rebuilt
    after the parse's own objects are gone. Composing a file leaves a node, two marks and a tag
    for every value; the checked scripts' strings sit among them, so that freeing the nodes
    gave back little: a 10,000-script library left some 110 MB of freed parse memory in the
    process, which the matcher's build did not fill (peak 255 MB with the library parsed,
    188 MB read from its cache). Pickled, the parse's objects freed, and unpickled, the library
    takes fresh memory and the parse's is given back whole: the same objects by value (the
    cache's round trip), in a few tenths of a second at 10,000 scripts. Pickled in parts (of
    ``_PART`` scripts), so that the pickler's memo and buffer stay small at the load's peak;
    the cache entry is those parts."""
    state = _state(result)
    if state is None:
        return result
    parts = _parts(state)
    del state, result  # the caller holds none: the last references to the parse's objects
    _cache_write(cache_dir, key, parts)
    pieces = iter(parts)
    return _from_parts(lambda: pickle.loads(next(pieces)))


_PART = 500  # scripts pickled together (_parts)


def _parts(state: tuple) -> list[bytes]:
    """``state`` as pickles: how many parts of scripts follow, the parts, then the rest."""
    scripts, *rest = state
    parts = [pickle.dumps(scripts[i : i + _PART], protocol=pickle.HIGHEST_PROTOCOL) for i in range(0, len(scripts), _PART)]
    return [pickle.dumps(len(parts)), *parts, pickle.dumps(tuple(rest), protocol=pickle.HIGHEST_PROTOCOL)]


def _from_parts(next_part: Callable[[], Any]) -> LoadResult:
    """The result from what ``_parts`` made, ``next_part()`` giving each unpickled in turn."""
    count = next_part()
    if not isinstance(count, int):
        raise ValueError("not a library's parts")
    scripts = tuple(script for _ in range(count) for script in next_part())
    return _from_state((scripts, *next_part()))


def _from_state(state: tuple) -> LoadResult:
    scripts, placeholders, vocabulary, synonyms, categories, files, problems = state
    library = Library(scripts, MappingProxyType(placeholders), vocabulary, synonyms, MappingProxyType(categories), files)
    return LoadResult(library, problems)


def _cache_write(cache_dir: Path | None, key: str, parts: list[bytes]) -> None:
    if cache_dir is None:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with atomic_write(cache_dir / f"{key}.library", "wb") as fh:
            sealed.write(fh, lambda out: [out.write(part) for part in parts])
        for old in sorted(cache_dir.glob("*.library"), key=lambda p: p.stat().st_mtime, reverse=True)[4:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


