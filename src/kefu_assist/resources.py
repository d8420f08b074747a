"""One place that knows where the shipped resources live.

Three layouts are supported:
- a checkout (or editable install): ``<repo>/resources`` beside ``src/``;
- an installed wheel: the build copies ``resources/`` into the package as ``kefu_assist/resources``;
- a PyInstaller bundle: the spec collects it as ``kefu_assist/resources`` under ``sys._MEIPASS``.
"""
from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


class ResourcesNotFound(RuntimeError):
    pass


def _candidates() -> list[Path]:
    found = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "kefu_assist" / "resources")
    found.append(_PACKAGE_DIR / "resources")
    found.append(_PACKAGE_DIR.parent.parent / "resources")
    return found


@cache
def resources_dir() -> Path:
    for candidate in _candidates():
        if (candidate / "jieba_dict.txt").is_file():
            return candidate
    looked = ", ".join(str(c) for c in _candidates())
    raise ResourcesNotFound(f"kefu-assist resources not found (looked in: {looked})")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_library_path() -> Path:
    return resource_path("scripts.yaml")
