"""load_library's cache (library/loader.py) writes through kefu_assist.atomic: an entry is there
whole or not at all, a failed write leaves no temporary file behind, and entries are private."""
from __future__ import annotations

import os
import pickle
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
    def disk_full(state, fh, protocol=None):
        fh.write(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pickle, "dump", disk_full)
    result = load_library(shipped_library_path, cache_dir=tmp_path)
    assert result.library is not None and result.library.scripts
    assert list(tmp_path.iterdir()) == []  # neither a half entry nor a temporary file
    monkeypatch.undo()
    assert load_library(shipped_library_path, cache_dir=tmp_path).library.scripts == result.library.scripts
    assert len(list(tmp_path.glob("*.library"))) == 1
