"""Per-user folders (data, config, cache), overridable for tests and portable installs.

The data folder (usage database, spooled events: buyer questions) and the config folder are for
their owner alone: created 0700, the files in them 0600, and looser modes left by older versions
tightened when the program starts (POSIX; on Windows the per-user profile folder already is)."""
from __future__ import annotations

import os
import stat
import sys
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


# The frozen build's read-only cache folder inside its bundle (packaging/build.py fills it): the
# shipped library's index and the jieba dictionary's prefix table, compressed, under the keys the
# program computes for them. index_cache and tokenize consult it after the user's cache misses.
SHIPPED_CACHE = ("kefu_assist", "index")


def bundle_root() -> Path | None:
    """The folder a frozen build (PyInstaller) unpacked its files to (``sys._MEIPASS``); None
    when running from source or an installed package, where nothing is shipped."""
    root = getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None
    return Path(root).resolve() if root else None


def shipped_cache_dir() -> Path | None:
    """The bundle's read-only cache folder, or None outside a frozen build."""
    root = bundle_root()
    return root.joinpath(*SHIPPED_CACHE) if root is not None else None


def file_key(path: Path) -> str:
    """What a cache key says about an input file: its absolute path, size and modification time;
    for a file inside the frozen bundle (read-only, replaced only with the whole bundle, whose
    version the keys hold as well) its path inside the bundle and its size, the same wherever
    the bundle was unpacked and whatever file times unpacking gave it. Raises OSError when the
    file cannot be read, as ``stat`` does."""
    resolved = Path(path).resolve()
    st = resolved.stat()
    root = bundle_root()
    if root is not None:
        try:
            return f"<bundle>/{resolved.relative_to(root).as_posix()}|{st.st_size}|0"
        except ValueError:
            pass  # a file of the user's own: keyed as always
    return f"{resolved}|{st.st_size}|{st.st_mtime_ns}"


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
        # O_EXCL: an existing file is never opened here. Closing a descriptor of a SQLite file
        # drops every POSIX lock this process holds on it, the open connections' too: another
        # process's reader then believed itself the last connection and deleted the WAL, with the
        # sidebar's next recorded copies in it (the SQLite documentation's "How To Corrupt", 2.2).
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE))
        except FileExistsError:
            pass
        except OSError:
            return path  # the caller's own open reports it in words
    tighten(path, PRIVATE_FILE_MODE)
    return path


def private_data_dir() -> Path:
    """The data folder, created or tightened to 0700."""
    return private_dir(data_dir())
