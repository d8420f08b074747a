"""Cache files that are checked whole before they are unpickled or unmarshalled.

The program keeps three caches of its own (the parsed library, the built index, the dictionary
table) as pickle or marshal data. Neither format is safe against damaged input: bytes that are
not what was written can build odd objects on the way (a 20-byte damaged pickle made the
unpickler try to allocate a huge bytearray; the property test on a damaged shipped index found
payloads that left a bytearray with an exported buffer, whose error surfaced later in a Qt
callback), and marshal may crash outright. A cache file that is truncated, overwritten by another
program or damaged on disk must only cost a rebuild.

So each file is sealed: a fixed magic, the payload, then the payload's length and its BLAKE2b
digest. The digest comes last so that a writer streams the payload (``write``: pickle.dump into a
hashing writer, no second copy of a 10,000-script index in memory) and a reader checks a file in
chunks before it decodes anything (``open_checked``, then pickle.load streams it as before).
``seal``/``unseal`` do the same for payloads held in memory (the shipped, compressed index).
BLAKE2b reads about 1 GB/s here. Plain module: imports nothing of the project."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import IO, Callable

MAGIC = b"KEFU\x00sealed2\x00"
_DIGEST = 16
_TRAILER = 8 + _DIGEST
_CHUNK = 1 << 20


def _hasher():
    return hashlib.blake2b(digest_size=_DIGEST)


def _trailer(size: int, digest: bytes) -> bytes:
    return size.to_bytes(8, "little") + digest


class _HashingWriter:
    """Writes through to ``fh``, hashing and counting what passes."""

    def __init__(self, fh: IO[bytes]):
        self._fh = fh
        self._hash = _hasher()
        self.size = 0

    def write(self, data) -> int:
        self._hash.update(data)
        self.size += len(memoryview(data).cast("B"))
        return self._fh.write(data)

    def digest(self) -> bytes:
        return self._hash.digest()


def write(fh: IO[bytes], dump: Callable[[_HashingWriter], object]) -> None:
    """A sealed file into the open binary ``fh``: ``dump(writer)`` writes the payload (e.g.
    ``lambda w: pickle.dump(state, w)``)."""
    fh.write(MAGIC)
    writer = _HashingWriter(fh)
    dump(writer)
    fh.write(_trailer(writer.size, writer.digest()))


def open_checked(path: Path) -> IO[bytes] | None:
    """``path`` opened and positioned at its payload when it is a whole sealed file, else None
    (FileNotFoundError and other OSErrors propagate). The caller closes it."""
    fh = path.open("rb")
    try:
        total = fh.seek(0, 2)
        size = total - len(MAGIC) - _TRAILER
        fh.seek(0)
        if size < 0 or fh.read(len(MAGIC)) != MAGIC:
            fh.close()
            return None
        h = _hasher()
        left = size
        while left:
            chunk = fh.read(min(_CHUNK, left))
            if not chunk:
                break
            h.update(chunk)
            left -= len(chunk)
        if left or fh.read(_TRAILER) != _trailer(size, h.digest()):
            fh.close()
            return None
        fh.seek(len(MAGIC))
        return fh
    except BaseException:
        fh.close()
        raise


def seal(payload: bytes) -> bytes:
    return MAGIC + payload + _trailer(len(payload), hashlib.blake2b(payload, digest_size=_DIGEST).digest())


def unseal(blob: bytes) -> memoryview | None:
    """The payload ``seal`` (or ``write``) wrapped, without a copy; None for anything else
    (other formats, truncation, damage)."""
    size = len(blob) - len(MAGIC) - _TRAILER
    if size < 0 or not blob.startswith(MAGIC):
        return None
    payload = memoryview(blob)[len(MAGIC) : len(MAGIC) + size]
    if blob[len(MAGIC) + size :] != _trailer(size, hashlib.blake2b(payload, digest_size=_DIGEST).digest()):
        return None
    return payload
