"""What a panel of a script list beside a preview card does, shared by 浏览全部 and 常用: the
current row is previewed, and Enter, a double click or the card's button copies what the card
shows (never a row the agent cannot see)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Container

from PySide6.QtCore import Qt

from .copy_request import CopyRequest

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget

    from .library_ctl import LibraryController
    from .widgets import SuggestionCard


class ListPreview:
    """Mixed into a panel (a QObject) that owns ``list``, ``preview``, ``library``, ``highlight``
    and a ``copyRequested`` signal; ``source`` says which tab a copy came from."""

    source: ClassVar[str]
    list: "QListWidget"
    preview: "SuggestionCard"
    library: "LibraryController"
    highlight: str
    copyRequested: Any

    def starred(self) -> Container[str]:
        """The script ids the preview shows a star for."""
        raise NotImplementedError

    def _row_changed(self, row: int) -> None:
        item = self.list.item(row) if row >= 0 else None
        sid = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.preview.preview(self.library.service, sid, favourites=self.starred(), highlight=self.highlight)

    @property
    def current_script_id(self) -> str | None:
        script = self.preview.shown_script
        return script.id if script is not None else None

    def copy_current(self, *_args: object) -> None:
        script = self.preview.shown_script
        if script is not None:
            self.copyRequested.emit(CopyRequest(script, self.preview.variant, self.source))
