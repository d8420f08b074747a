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
