"""Global hotkey text, parsed and checked (no Qt, no platform): ``Ctrl+Alt+Q`` -> a ``Combo``.

A global hotkey needs at least one of Ctrl, Alt or Win (Shift alone would steal a capital
letter from every program) and exactly one key: a letter, a digit or F1…F24. Names are matched
without regard to case or spaces; :func:`parse` raises ``ValueError`` with a
Chinese message the settings dialog shows as it is."""
from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT = "Ctrl+Alt+Q"
MODIFIERS = ("Ctrl", "Alt", "Shift", "Win")  # the order a combo is written in
_ALIASES = {
    "ctrl": "Ctrl", "control": "Ctrl", "ctl": "Ctrl",
    "alt": "Alt", "option": "Alt",
    "shift": "Shift",
    "win": "Win", "super": "Win", "meta": "Win", "cmd": "Win", "windows": "Win",
}
_FUNCTION = re.compile(r"^f([1-9]|1[0-9]|2[0-4])$")


@dataclass(frozen=True)
class Combo:
    """Modifiers (a subset of MODIFIERS) and one key: "A"…"Z", "0"…"9" or "F1"…"F24"."""

    modifiers: frozenset[str]
    key: str

    def __str__(self) -> str:
        return "+".join([m for m in MODIFIERS if m in self.modifiers] + [self.key])


def _key(name: str) -> str | None:
    low = name.lower()
    if len(low) == 1 and ("a" <= low <= "z" or "0" <= low <= "9"):
        return low.upper()
    if _FUNCTION.match(low):
        return low.upper()
    return None


def parse(text: str) -> Combo:
    """``text`` as a combo, or ValueError saying what is wrong (in Chinese)."""
    parts = [p.strip() for p in str(text).split("+")]
    if not text or not str(text).strip():
        raise ValueError("快捷键不能为空")
    if any(not p for p in parts):
        raise ValueError(f"快捷键 {text!r} 写法不对：用 + 连接，如 Ctrl+Alt+Q")
    modifiers: set[str] = set()
    keys: list[str] = []
    for part in parts:
        mod = _ALIASES.get(part.lower())
        if mod is not None:
            if mod in modifiers:
                raise ValueError(f"快捷键 {text!r} 里 {mod} 出现了两次")
            modifiers.add(mod)
            continue
        key = _key(part)
        if key is None:
            raise ValueError(f"快捷键 {text!r} 里的 {part!r} 不是可用的键（可用：字母、数字、F1–F24）")
        keys.append(key)
    if len(keys) != 1:
        raise ValueError(f"快捷键 {text!r} 要有且只有一个字母、数字或功能键")
    if not modifiers & {"Ctrl", "Alt", "Win"}:
        raise ValueError(f"快捷键 {text!r} 至少要带 Ctrl、Alt 或 Win 之一（否则会抢走其他程序的输入）")
    return Combo(frozenset(modifiers), keys[0])


def normalise(text: str) -> str:
    """The combo as the settings file keeps it (``ctrl + alt+q`` -> ``Ctrl+Alt+Q``)."""
    return str(parse(text))
