"""Per-user folders (data, config, cache), overridable for tests and portable installs.

The data folder (usage database, spooled events: buyer questions) and the config folder are for
their owner alone: created 0700, the files in them 0600, and looser modes left by older versions
tightened when the program starts (POSIX; on Windows the per-user profile folder already is)."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

APP = "kefu-assist"


def _dir(env: str, default: str) -> Path:
    override = os.environ.get(env)
    path = Path(override) if override else Path(default)
    return path


def data_dir() -> Path:
    return _dir("KEFU_ASSIST_DATA_DIR", platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    return _dir("KEFU_ASSIST_CONFIG_DIR", platformdirs.user_config_dir(APP, appauthor=False))


def cache_dir() -> Path:
    return _dir("KEFU_ASSIST_CACHE_DIR", platformdirs.user_cache_dir(APP, appauthor=False))


def ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def tighten(path: Path, mode: int) -> None:
    """Take away what ``mode`` does not allow from an existing file or folder of ours (another
    user's file, or one already as tight, is left alone; so is a missing one)."""
    if os.name == "nt":  # pragma: no cover - modes are not Windows' permissions
        return
    try:
        st = os.stat(path)
    except OSError:
        return
    current = stat.S_IMODE(st.st_mode)
    if current & ~mode and st.st_uid == os.geteuid():
        try:
            os.chmod(path, current & mode)
        except OSError:  # a read-only file system: nothing we can do, nothing to report
            pass


def private_dir(path: Path, *, tighten_existing: bool = True) -> Path:
    """``path`` as a folder only its owner can enter: created 0700 (parents as usual), an
    existing one tightened unless ``tighten_existing`` is false (a folder the user chose)."""
    existed = path.is_dir()
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if tighten_existing or not existed:
        tighten(path, PRIVATE_DIR_MODE)
    return path


def private_file(path: Path, *, create: bool = True) -> Path:
    """``path`` readable and writable by its owner only: created empty with mode 0600 if
    missing (and ``create``), tightened if it exists."""
    if create:
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE))
        except OSError:
            return path  # the caller's own open reports it in words
    tighten(path, PRIVATE_FILE_MODE)
    return path


def private_data_dir() -> Path:
    """The data folder, created or tightened to 0700."""
    return private_dir(data_dir())
