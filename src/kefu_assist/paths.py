"""Per-user folders (data, config, cache), overridable for tests and portable installs."""
from __future__ import annotations

import os
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
