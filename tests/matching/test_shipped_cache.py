"""The frozen build's read-only cache folder (paths.shipped_cache_dir()): consulted by
index_cache.load and by the Segmenter's dictionary table only after the user's cache misses, and
only for files under the key the program computes; keys of files inside the bundle
(paths.file_key) do not depend on where the bundle was unpacked."""
from __future__ import annotations

import os
import pickle
import sys
import tempfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist import paths, sealed
from kefu_assist.matching import index_cache
from kefu_assist.matching.tokenize import Segmenter

DICTIONARY = "包邮 50 v\n运费 40 n\n发票 30 n\n开 20 v\n能 20 v\n"


@contextmanager
def frozen(root: Path):
    """Run as PyInstaller's frozen build unpacked in ``root`` does (sys.frozen, sys._MEIPASS)."""
    with mock.patch.object(sys, "frozen", True, create=True), mock.patch.object(sys, "_MEIPASS", str(root), create=True):
        yield


def _shipped_dir(root: Path) -> Path:
    folder = root.joinpath(*paths.SHIPPED_CACHE)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _ship_index(root: Path, name: str, state: dict) -> None:
    (_shipped_dir(root) / f"{name}{index_cache.SHIPPED_SUFFIX}").write_bytes(zlib.compress(sealed.seal(pickle.dumps(state))))


def _bundle_dictionary(root: Path, text: str = DICTIONARY) -> Path:
    path = root / "kefu_assist" / "resources" / "jieba_dict.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- where the shipped folder is --------------------------------------------------------------
def test_nothing_is_shipped_outside_a_frozen_build(tmp_path):
    with mock.patch.object(sys, "_MEIPASS", str(tmp_path), create=True):  # not frozen: ignored
        assert paths.bundle_root() is None and paths.shipped_cache_dir() is None
    with frozen(tmp_path):
        assert paths.bundle_root() == tmp_path.resolve()
        assert paths.shipped_cache_dir() == tmp_path.resolve() / "kefu_assist" / "index"


def test_a_file_outside_a_bundle_is_keyed_by_path_size_and_time(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    st = path.stat()
    assert paths.file_key(path) == f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    with frozen(tmp_path / "bundle"):  # a frozen build, but the user's own file
        assert paths.file_key(path) == f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}"


@given(st.integers(0, 2**40), st.integers(0, 2**40), st.sampled_from(["a", "x/y z", "深/层"]))
@settings(max_examples=25, deadline=None)
def test_a_file_inside_a_bundle_is_keyed_by_its_place_in_it_and_size(time_a, time_b, place):
    """Two copies of one bundle, unpacked anywhere with any file times: one key; another size,
    another key."""
    with tempfile.TemporaryDirectory() as tmp:
        keys = []
        for root, ns in ((Path(tmp) / "one", time_a), (Path(tmp) / place / "two", time_b)):
            dictionary = _bundle_dictionary(root)
            os.utime(dictionary, ns=(ns, ns))
            with frozen(root):
                keys.append(paths.file_key(dictionary))
        assert keys[0] == keys[1] == f"<bundle>/kefu_assist/resources/jieba_dict.txt|{len(DICTIONARY.encode())}|0"
        dictionary.write_text(DICTIONARY + "退款 9 v\n", encoding="utf-8")
        with frozen(root):
            assert paths.file_key(dictionary) != keys[0]


# -- index_cache.load: user cache first, then the shipped folder -------------------------------
def test_the_users_cached_index_wins_over_the_shipped_one(tmp_path):
    root, cache = tmp_path / "bundle", tmp_path / "cache"
    index_cache.save(cache, "k", {"who": "user"})
    _ship_index(root, "k", {"__key__": "k", "who": "bundle"})
    with frozen(root):
        assert index_cache.load(cache, "k")["who"] == "user"


def test_the_shipped_index_is_read_when_the_users_cache_misses(tmp_path):
    root, cache = tmp_path / "bundle", tmp_path / "cache"
    _ship_index(root, "k", {"__key__": "k", "who": "bundle"})
    index_cache.save(cache, "other", {"who": "user"})
    with frozen(root):
        assert index_cache.load(cache, "k") == {"__key__": "k", "who": "bundle"}
        assert index_cache.load(None, "k") == {"__key__": "k", "who": "bundle"}  # no cache folder at all
    assert index_cache.load(cache, "k") is None, "outside a frozen build nothing is shipped"
    assert sorted(p.name for p in (root / "kefu_assist" / "index").iterdir()) == ["k.index.zlib"], "the shipped folder is only read"


def test_a_damaged_cache_file_falls_back_to_the_shipped_index(tmp_path):
    root, cache = tmp_path / "bundle", tmp_path / "cache"
    cache.mkdir()
    (cache / "k.index").write_bytes(b"\x80\x05truncated")
    _ship_index(root, "k", {"__key__": "k", "who": "bundle"})
    with frozen(root):
        assert index_cache.load(cache, "k")["who"] == "bundle"
    assert not (cache / "k.index").exists()


def test_a_shipped_index_for_another_key_is_ignored(tmp_path):
    root, cache = tmp_path / "bundle", tmp_path / "cache"
    _ship_index(root, "k", {"__key__": "other", "who": "bundle"})  # renamed, or another library's
    _ship_index(root, "other", {"__key__": "other", "who": "bundle"})
    _ship_index(root, "list", ["not", "a", "dict"])
    with frozen(root):
        assert index_cache.load(cache, "k") is None
        assert index_cache.load(cache, "list") is None
        assert index_cache.load(cache, "other")["who"] == "bundle"


@given(st.binary(max_size=300))
@settings(max_examples=60, deadline=None)
def test_any_damaged_shipped_index_is_ignored(data):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "bundle"
        target = _shipped_dir(root) / f"k{index_cache.SHIPPED_SUFFIX}"
        for payload in (data, zlib.compress(data), zlib.compress(data)[: len(data) // 2]):
            target.write_bytes(payload)
            with frozen(root):
                assert index_cache.load(Path(tmp) / "cache", "k") is None
            assert target.read_bytes() == payload
        assert index_cache.read_shipped(Path(tmp) / "missing", "k") is None
        assert index_cache.read_shipped(None, "k") is None


# -- the dictionary table: user cache first, then the shipped table, inflated ------------------
def _table_for(dictionary: Path, cache: Path, root: Path) -> Path:
    """The table file Segmenter saves for ``dictionary`` (inside bundle ``root``) under ``cache``."""
    with frozen(root):
        Segmenter.from_dictionary(dictionary, cache)
    (table,) = cache.glob("dictionary-*.bin")
    return table


def test_the_shipped_dictionary_table_is_inflated_on_a_miss_and_the_users_wins(tmp_path):
    build_root, root = tmp_path / "build" / "_internal", tmp_path / "agent" / "_internal"
    built = _table_for(_bundle_dictionary(build_root), tmp_path / "build-cache", build_root)
    # the agent's bundle: same dictionary size, but unreadable as one: only the shipped table cuts
    dictionary = _bundle_dictionary(root)
    dictionary.write_bytes(b"\xff" * len(DICTIONARY.encode()))
    (_shipped_dir(root) / (built.name + Segmenter.SHIPPED_SUFFIX)).write_bytes(zlib.compress(built.read_bytes()))
    cache = tmp_path / "agent-cache"
    with frozen(root):
        segmenter = Segmenter.from_dictionary(dictionary, cache)
    assert segmenter.cut("能开发票吗") == ["能", "开", "发票", "吗"]
    assert (cache / built.name).read_bytes() == built.read_bytes(), "inflated into the user's cache"

    # the user's table wins: one of another dictionary under the same name is what is read
    other = _table_for(_bundle_dictionary(tmp_path / "o", "能开 90 v\n发票 30 n\n"), tmp_path / "other-cache", tmp_path / "o")
    (cache / built.name).write_bytes(other.read_bytes())
    with frozen(root):
        assert Segmenter.from_dictionary(dictionary, cache).cut("能开发票吗") == ["能开", "发票", "吗"]


def test_a_shipped_dictionary_table_for_another_key_is_ignored(tmp_path):
    root = tmp_path / "_internal"
    dictionary = _bundle_dictionary(root)
    foreign = _table_for(_bundle_dictionary(tmp_path / "o", "能开 90 v\n发票 30 n\n"), tmp_path / "other-cache", tmp_path / "o")
    (_shipped_dir(root) / ("dictionary-0123456789abcdef01234567.bin" + Segmenter.SHIPPED_SUFFIX)).write_bytes(zlib.compress(foreign.read_bytes()))
    with frozen(root):
        segmenter = Segmenter.from_dictionary(dictionary, tmp_path / "cache")
    assert segmenter.cut("能开发票吗") == ["能", "开", "发票", "吗"], "built from the dictionary itself"


@given(st.binary(max_size=300), st.booleans())
@settings(max_examples=60, deadline=None)
def test_any_damaged_shipped_dictionary_table_is_ignored(data, compressed):
    with tempfile.TemporaryDirectory() as tmp:
        root, cache = Path(tmp) / "_internal", Path(tmp) / "cache"
        dictionary = _bundle_dictionary(root)
        with frozen(root):
            name = Segmenter._cache_file(dictionary, cache).name
            (_shipped_dir(root) / (name + Segmenter.SHIPPED_SUFFIX)).write_bytes(zlib.compress(data) if compressed else data)
            assert Segmenter.from_dictionary(dictionary, cache).cut("能开发票吗") == ["能", "开", "发票", "吗"]
            # and the table written over the damaged one reads back
            assert Segmenter._read_cache(cache / name) is not None
