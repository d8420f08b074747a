"""Light and dark palettes for the one stylesheet (resources/ui/style.qss), and category colours."""
from __future__ import annotations

import re
import zlib
from functools import cache

from ..resources import resource_path

THEMES = {"light": "浅色", "dark": "深色"}

PALETTES: dict[str, dict[str, str]] = {
    "light": {
        "bg": "#f4f5f7", "text": "#1f2329", "muted": "#7a808a", "card": "#ffffff", "input": "#ffffff",
        "border": "#dcdfe4", "accent": "#ff5000", "accentHover": "#e64800", "hover": "#e6e8eb",
        "ok": "#1f9d55", "warn": "#c2410c", "weakBg": "#f7f7f8", "formBg": "#fff7f2",
        "bannerBg": "#fff1f0", "bannerBorder": "#ffa39e", "bannerText": "#a8071a", "highlight": "#d4380d",
    },
    "dark": {
        "bg": "#1e1f22", "text": "#e6e6e6", "muted": "#8c9099", "card": "#2b2d31", "input": "#2b2d31",
        "border": "#3c3f45", "accent": "#ff6a1a", "accentHover": "#ff8240", "hover": "#35373c",
        "ok": "#2f9e5f", "warn": "#ff9a5c", "weakBg": "#25262a", "formBg": "#33291f",
        "bannerBg": "#3a1d1d", "bannerBorder": "#7a2e2e", "bannerText": "#ffb3b3", "highlight": "#ff9a5c",
    },
}

# One colour per scenario category, fixed so agents learn them; a library's own categories get a
# stable colour from their id.
_CATEGORY_COLOURS = [
    "#2f80ed", "#eb5757", "#f2994a", "#27ae60", "#9b51e0", "#00a3a3", "#d35400", "#3d5a80",
    "#c0392b", "#16a085", "#8e44ad", "#2d9cdb", "#b7950b", "#6d4c41", "#e84393", "#5d6d7e",
    "#0984e3", "#d63031", "#6c5ce7", "#e17055", "#00b894", "#a0522d", "#2e86de",
]


@cache
def _index() -> dict[str, int]:
    from ..library import CATEGORIES  # imported once the library is loaded, not at start-up

    return {cid: i for i, cid in enumerate(CATEGORIES)}


def category_colour(category: str) -> str:
    index = _index().get(category)
    if index is None:
        index = zlib.crc32(category.encode("utf-8"))
    return _CATEGORY_COLOURS[index % len(_CATEGORY_COLOURS)]


@cache
def _template() -> str:
    return resource_path("ui", "style.qss").read_text(encoding="utf-8")


def stylesheet(theme: str) -> str:
    palette = PALETTES.get(theme, PALETTES["light"])
    icons = resource_path("ui", "icons").as_posix()
    values = {**palette, "icons": icons}
    return re.sub(r"@([A-Za-z]+)", lambda m: values.get(m.group(1), m.group(0)), _template())


def highlight_colour(theme: str) -> str:
    return PALETTES.get(theme, PALETTES["light"])["highlight"]
