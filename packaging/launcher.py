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
    """install_shipped_index(bundle) once the index cache's module is imported (at once if it is)."""
    if INDEX_CACHE in sys.modules:
        install_shipped_index(bundle)
    else:
        sys.meta_path.insert(0, _AfterImport(INDEX_CACHE, lambda module: install_shipped_index(bundle, module)))


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
        try:
            path = Path(dictionary).resolve()
            relative = path.relative_to(root)
            dictionary = _BundledFile(PurePosixPath(relative.as_posix()), path.stat().st_size)
        except (ValueError, OSError):
            pass  # a dictionary of the agent's own: keyed as always
        return digest(library, dictionary, config, code_version, **kwargs)

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


def ship(cache_index: Path, target: Path) -> Path:
    """build.py: the one index the frozen program saved in ``cache_index``, compressed into the
    bundle folder ``target`` under the same key."""
    files = sorted(cache_index.glob("*.index"))
    if len(files) != 1:
        raise RuntimeError(f"expected one index in {cache_index}, found {len(files)}")
    target.mkdir(parents=True, exist_ok=True)
    out = target / (files[0].name.removesuffix(".index") + SHIPPED_SUFFIX)
    out.write_bytes(zlib.compress(files[0].read_bytes(), 9))
    return out


def main() -> int:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        install_on_import(Path(bundle))
    from kefu_assist.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
