"""What identifies this code, for the caches whose content it decides.

The parsed-library cache and the index cache hold what the loader and the matcher computed. A
release bumps ``__version__``, but a checkout (a developer's, or a team running from git) changes
the code between releases: the key also holds a digest of the package's Python sources, so an edit
to how the library is read or indexed is never answered from a cache the old code wrote. A frozen
bundle ships no sources; its version stands alone there, and a new bundle is a new version.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from . import __version__


@functools.cache
def code_id(package_file: str) -> str:
    """``__version__`` and a digest of every ``*.py`` beside ``package_file`` (a module's
    ``__file__``), in name order."""
    h = hashlib.sha256()
    try:
        sources = sorted(Path(package_file).parent.glob("*.py"))
        for path in sources:
            h.update(path.name.encode() + b"\x1f" + path.read_bytes() + b"\x1e")
    except OSError:
        return __version__
    if not sources:
        return __version__
    return f"{__version__}+{h.hexdigest()[:16]}"
