"""Entry point of the frozen build: the same as the `kefu-assist` command, with the bundle's own
index of the shipped library found where the program looks for cached indexes.

A first start trains the co-ranker (matching/coranker.py) on the library before a suggestion can
be confident: seconds, where the sidebar must answer within 1.5 s. build.py therefore runs the
frozen program once at package time and ships the index it saved (matching/index_cache.py's own
format, the co-ranker's weights included) in the bundle's ``kefu_assist/index`` folder. Two things
make that file findable on the agent's machine:

- the index key digests the jieba dictionary's absolute path and modification time, which differ
  wherever the archive is unpacked; for the dictionary inside the bundle (read-only, and replaced
  only with the whole bundle, whose version is in the key as well) the key uses its path inside
  the bundle and its size instead;
- a lookup that misses in the agent's cache folder tries the bundle's folder, whose index is
  index_cache's file compressed (a third of the size, inflated in about 10 ms).

The jieba dictionary's prefix table (matching/tokenize.py's cache, 0.4 s to build) ships the same
way, keyed the same way, and is inflated into the agent's cache folder on first use.

An edited library, learned examples or other settings give another key, and the program builds
and caches its index as it always does. Nothing changes outside a frozen bundle.
"""
from __future__ import annotations

import pickle
import sys
import zlib
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

SHIPPED_INDEX = ("kefu_assist", "index")  # under the bundle's folder (sys._MEIPASS)
SHIPPED_SUFFIX = ".index.zlib"  # index_cache's pickle, zlib-compressed (3.1 MB -> 1.0 MB; 10 ms to inflate)
DICTIONARY_SUFFIX = ".zlib"  # after tokenize's dictionary-KEY.bin (1.2 MB -> 0.5 MB)


class _BundledFile:
    """A stand-in for a file inside the bundle, for index_cache.digest: the same path and size
    wherever the bundle was unpacked, and no modification time."""

    def __init__(self, relative: PurePosixPath, size: int):
        self._relative = relative
        self._size = size

    def resolve(self) -> str:
        return f"<bundle>/{self._relative}"

    def stat(self) -> SimpleNamespace:
        return SimpleNamespace(st_size=self._size, st_mtime_ns=0)


INDEX_CACHE = "kefu_assist.matching.index_cache"
TOKENIZE = "kefu_assist.matching.tokenize"
_ORIGINAL = "_kefu_bundle_original"  # where a patched function keeps the one it replaced


class _AfterImport:
    """A meta path finder that calls ``then(module)`` right after the module ``name`` has been
    imported (by the finders after it), so that the patch costs the start-up nothing: importing
    the matching package takes a tenth of a second, and the sidebar imports it on its loader
    thread, after the window is up."""

    def __init__(self, name: str, then):
        self.name = name
        self.then = then

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.name:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                sys.meta_path.remove(self)
                spec.loader = _ThenLoader(spec.loader, self.then)
                return spec
        return None


class _ThenLoader:
    def __init__(self, loader, then):
        self._loader = loader
        self._then = then

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        self._then(module)

    def __getattr__(self, name):  # get_code, is_package ... of the real loader
        return getattr(self._loader, name)


def install_on_import(bundle: Path) -> None:
    """install_shipped_index() and install_shipped_dictionary() for ``bundle`` once the module
    each patches is imported (at once if it is)."""
    for name, install in ((INDEX_CACHE, install_shipped_index), (TOKENIZE, install_shipped_dictionary)):
        if name in sys.modules:
            install(bundle, sys.modules[name])
        else:
            sys.meta_path.insert(0, _AfterImport(name, lambda module, install=install: install(bundle, module)))


def _stable(dictionary, root: Path):
    """``dictionary`` as a _BundledFile when it is inside the bundle ``root``; else itself."""
    try:
        path = Path(dictionary).resolve()
        return _BundledFile(PurePosixPath(path.relative_to(root).as_posix()), path.stat().st_size)
    except (ValueError, OSError):
        return dictionary  # a dictionary of the agent's own: keyed as always


def install_shipped_dictionary(bundle: Path, tokenize=None) -> None:
    """Key tokenize's cache of the bundle's dictionary by its place in the bundle, and inflate
    the shipped copy into the agent's cache folder when the cache has none."""
    if tokenize is None:
        from kefu_assist.matching import tokenize
    segmenter = tokenize.Segmenter
    if not all(callable(getattr(segmenter, name, None)) for name in ("_cache_file", "_read_cache")):
        return  # tokenize changed shape: no shipped table, a slower first start, nothing worse
    root = bundle.resolve()
    shipped = root.joinpath(*SHIPPED_INDEX)
    cache_file = getattr(segmenter._cache_file, _ORIGINAL, segmenter._cache_file)
    read_cache = getattr(segmenter._read_cache, _ORIGINAL, segmenter._read_cache)

    def bundle_cache_file(cls, dictionary, cache_dir):
        return cache_file(_stable(dictionary, root), cache_dir)

    def read_or_shipped(cls, path):
        loaded = read_cache(path)
        packed = shipped / (Path(path).name + DICTIONARY_SUFFIX)
        if loaded is None and packed.is_file():
            try:
                from kefu_assist.atomic import write_bytes

                Path(path).parent.mkdir(parents=True, exist_ok=True)
                write_bytes(Path(path), zlib.decompress(packed.read_bytes()), durable=False)
            except (OSError, zlib.error):
                return None  # built from the dictionary, as without a shipped copy
            loaded = read_cache(path)
        return loaded

    for name, function, original in (("_cache_file", bundle_cache_file, cache_file), ("_read_cache", read_or_shipped, read_cache)):
        setattr(function, _ORIGINAL, original)
        setattr(segmenter, name, classmethod(function))


def install_shipped_index(bundle: Path, index_cache=None) -> None:
    """Make the matcher's index cache (the module ``index_cache``, imported when not given) read
    the index shipped in ``bundle``."""
    if index_cache is None:
        from kefu_assist.matching import index_cache

    root = bundle.resolve()
    shipped = root.joinpath(*SHIPPED_INDEX)
    # installed again (tests do), it replaces the earlier installation rather than wrapping it
    digest = getattr(index_cache.digest, "__wrapped__", index_cache.digest)
    load = getattr(index_cache.load, "__wrapped__", index_cache.load)

    def bundle_digest(library, dictionary, config, code_version, **kwargs):
        return digest(library, _stable(dictionary, root), config, code_version, **kwargs)

    def load_or_shipped(folder, key):
        state = load(folder, key)
        if state is None:
            state = read_shipped(shipped, key)
            if state is not None:
                from kefu_assist.ui.app import make_tracer  # no Qt: the start-up trace's one format

                make_tracer()("shipped-index")  # with KEFU_ASSIST_TRACE_STARTUP: smoke.py reads it
        return state

    bundle_digest.__wrapped__ = digest  # type: ignore[attr-defined]
    load_or_shipped.__wrapped__ = load  # type: ignore[attr-defined]
    index_cache.digest = bundle_digest
    index_cache.load = load_or_shipped


def read_shipped(folder: Path, key: str) -> dict | None:
    """The shipped index under ``key``, as index_cache.load returns it; None when there is none or
    it does not read back whole."""
    try:
        state = pickle.loads(zlib.decompress((folder / f"{key}{SHIPPED_SUFFIX}").read_bytes()))
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged file means building the index, as with the cache
        return None
    return state if isinstance(state, dict) and state.get("__key__") == key else None


def ship(cache: Path, target: Path) -> list[Path]:
    """build.py: the one index and the one dictionary table the frozen program saved in its
    cache folder ``cache``, compressed into the bundle folder ``target`` under the same keys."""
    index = sorted((cache / "index").glob("*.index"))
    table = sorted((cache / "jieba").glob("dictionary-*.bin"))
    if len(index) != 1 or len(table) != 1:
        raise RuntimeError(f"expected one index and one dictionary table in {cache}, found {len(index)} and {len(table)}")
    target.mkdir(parents=True, exist_ok=True)
    written = [target / (index[0].name.removesuffix(".index") + SHIPPED_SUFFIX), target / (table[0].name + DICTIONARY_SUFFIX)]
    for source, out in zip((index[0], table[0]), written):
        out.write_bytes(zlib.compress(source.read_bytes(), 9))
    return written


def main() -> int:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        install_on_import(Path(bundle))
    from kefu_assist.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
