"""The 常用 tab's state: favourites (in the order they were starred) and recently copied scripts,
as the sidebar shows them between database reads. No Qt: tests drive it without a window."""
from __future__ import annotations

from typing import Callable, Iterable

RECENT_LIMIT = 10


class Favourites:
    def __init__(self) -> None:
        self._order: list[str] = []
        self.recent: list[str] = []
        self.error: str | None = None  # the last read or write the database refused

    def __contains__(self, script_id: object) -> bool:
        return script_id in self._order

    @property
    def order(self) -> list[str]:
        return list(self._order)

    def loaded(self, favourites: Iterable[str], recent: Iterable[str]) -> None:
        """What the database has: replaces everything shown so far."""
        self._order = list(dict.fromkeys(favourites))
        self.recent = list(dict.fromkeys(recent))[:RECENT_LIMIT]
        self.error = None

    def set(self, script_id: str, on: bool) -> bool:
        """Star or unstar at once (the database confirms later); True if anything changed."""
        if on == (script_id in self._order):
            return False
        if on:
            self._order.append(script_id)
        else:
            self._order.remove(script_id)
        return True

    def toggle(self, script_id: str) -> bool:
        """Flip the star; returns whether the script is a favourite now."""
        now = script_id not in self._order
        self.set(script_id, now)
        return now

    def note_copied(self, script_id: str) -> None:
        """The copy just made tops the recent list until the database is read again."""
        self.recent = [script_id, *(s for s in self.recent if s != script_id)][:RECENT_LIMIT]

    def sections(self, exists: Callable[[str], bool]) -> dict[str, list[str]]:
        """What the 常用 list shows, scripts removed from the library since left out."""
        return {
            "favourite": [s for s in self._order if exists(s)],
            "recent": [s for s in self.recent if exists(s)],
        }
