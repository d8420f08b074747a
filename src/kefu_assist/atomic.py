"""Write a file whole or not at all: into a temporary file in the target's own folder, then one
``os.replace`` onto the target. A reader (or a crash) sees the old file or the new one, never a
half-written one, and a failed write leaves the old file as it was.

Every file the program writes goes through it: exports, the library writers, Qianniu imports,
the settings, and the caches (library, index, dictionary: ``durable=False``, since a cache need
not survive a power cut, only never be read half written).
"""
from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

PRIVATE_FILE_MODE = 0o600


def real_target(path: str | os.PathLike) -> Path:
    """The file a write to ``path`` should change: symbolic links followed (a link stays a link
    and its target gets the new content), the folder made absolute."""
    return Path(os.path.realpath(os.fspath(path)))


@contextmanager
def atomic_write(path: str | os.PathLike, mode: str = "w", *, encoding: str | None = None, newline: str | None = None,
                 new_file_mode: int = PRIVATE_FILE_MODE, durable: bool = True) -> Iterator[IO]:
    """``with atomic_write(path) as fh: fh.write(...)``: the content replaces ``path`` when the
    block ends without an exception; on an exception the temporary file is removed and ``path``
    is untouched. A file that exists keeps its permission bits; a new one gets ``new_file_mode``
    (owner only by default: what this program writes holds buyer messages). Symbolic links are
    followed. Raises OSError when the folder is missing or not writable."""
    target = real_target(path)
    if "b" not in mode and encoding is None:
        encoding = "utf-8"
    try:
        keep = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        keep = new_file_mode
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
            if durable:  # a cache need not survive a power cut, only never be read half written
                os.fsync(fh.fileno())
        os.chmod(tmp, keep)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if durable:
        _sync_folder(target.parent)


def write_bytes(path: str | os.PathLike, data: bytes, *, new_file_mode: int = PRIVATE_FILE_MODE, durable: bool = True) -> None:
    with atomic_write(path, "wb", new_file_mode=new_file_mode, durable=durable) as fh:
        fh.write(data)


def write_text(path: str | os.PathLike, text: str, *, encoding: str = "utf-8", new_file_mode: int = PRIVATE_FILE_MODE) -> None:
    with atomic_write(path, "w", encoding=encoding, newline="", new_file_mode=new_file_mode) as fh:
        fh.write(text)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible, and not needed, on Windows."""
    if os.name == "nt":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on a folder
        pass
    finally:
        os.close(fd)
