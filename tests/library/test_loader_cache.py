"""load_library's cache (library/loader.py) writes through kefu_assist.atomic: an entry is there
whole or not at all, a failed write leaves no temporary file behind, and entries are private."""
from __future__ import annotations

import contextlib
import os
import stat

from kefu_assist.library import load_library


def test_a_cached_load_gives_the_same_library(shipped_library_path, tmp_path):
    first = load_library(shipped_library_path, cache_dir=tmp_path)
    [entry] = tmp_path.glob("*.library")
    assert stat.S_IMODE(os.stat(entry).st_mode) == 0o600
    second = load_library(shipped_library_path, cache_dir=tmp_path)
    assert second.library.scripts == first.library.scripts == load_library(shipped_library_path).library.scripts
    assert sorted(p.name for p in tmp_path.iterdir()) == [entry.name]


def test_a_write_failing_midway_leaves_nothing_behind(shipped_library_path, tmp_path, monkeypatch):
    from kefu_assist.library import loader

    real = loader.atomic_write

    @contextlib.contextmanager
    def disk_full(path, mode="w", **kwargs):
        with real(path, mode, **kwargs) as fh:

            class Full:
                def write(self, data):
                    fh.write(data[:7])  # part of the entry, then the disk is full
                    raise OSError(28, "No space left on device")

            yield Full()

    monkeypatch.setattr(loader, "atomic_write", disk_full)
    result = load_library(shipped_library_path, cache_dir=tmp_path)
    assert result.library is not None and result.library.scripts
    assert list(tmp_path.iterdir()) == []  # neither a half entry nor a temporary file
    monkeypatch.undo()
    assert load_library(shipped_library_path, cache_dir=tmp_path).library.scripts == result.library.scripts
    assert len(list(tmp_path.glob("*.library"))) == 1


def test_a_parsed_load_keeps_nothing_of_the_parse_and_equals_the_cached_one(tmp_path):
    """A parsed library is rebuilt as its cache entry would give it back (loader._compacted),
    warnings and placeholders included; no YAML node outlives the load."""
    import gc

    from yaml.nodes import Node

    path = tmp_path / "shop.yaml"
    path.write_text(
        "version: 1\nplaceholders:\n  shop: 小铺\nscripts:\n"
        "  - id: ship.when\n    category: shipping_time\n    title: 发货时间\n    examples: [什么时候发货, 几号能发]\n"
        "    keywords: [发货]\n    replies: ['{shop}今天发']\n"
        "  - id: ship.fee\n    category: shipping_fee\n    title: 发货时间二\n    examples: [什么时候发货]\n"
        "    replies: ['明天发']\n",
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    parsed = load_library(path, cache_dir=cache)
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, Node)]
    cached = load_library(path, cache_dir=cache)
    assert parsed.library is not None and cached.library is not None
    assert parsed.problems == cached.problems == load_library(path).problems
    assert parsed.warnings  # the example two categories share
    for got in (parsed.library, load_library(path).library):
        assert got.scripts == cached.library.scripts
        assert dict(got.placeholders) == dict(cached.library.placeholders) == {"shop": "小铺"}
        assert (got.vocabulary, got.synonyms, dict(got.categories), got.files) == (cached.library.vocabulary, cached.library.synonyms, dict(cached.library.categories), cached.library.files)
