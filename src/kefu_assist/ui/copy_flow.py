"""One copy path for every tab: render -> placeholder form (when a value is missing) -> clipboard
-> usage event -> toast. Suggestions, 浏览全部 and 常用 all hand it a ``CopyRequest``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Signal

from .widgets import PlaceholderForm

if TYPE_CHECKING:
    from ..library import Script
    from .clipboard import ClipboardWatcher
    from .compiled.main_window_ui import Ui_SidebarView
    from .library_ctl import LibraryController

SUGGEST, BROWSE, USUAL = "suggest", "browse", "usual"  # where a copy was asked for


@dataclass(frozen=True)
class CopyRequest:
    """A script to copy. ``rank``, ``score``, ``question`` and ``seconds`` describe a suggestion
    (None/"" for a script picked in 浏览全部 or 常用)."""

    script: "Script"
    variant: int
    source: str = SUGGEST
    rank: int | None = None
    score: float | None = None
    question: str = ""
    seconds: float | None = None
    confident: bool | None = None  # the card was shown as confident (suggestions only)


class CopyFlow(QObject):
    copied = Signal(str, str)  # script id, the text put on the clipboard
    formClosed = Signal(str)  # the request's source: where the keyboard goes back to
    toastRequested = Signal(str, bool)  # text, warn
    learned = Signal()  # a copy that teaches the matcher (CopyEvent.learn) went to the recorder

    def __init__(self, ui: "Ui_SidebarView", library: "LibraryController", clipboard: "ClipboardWatcher", parent: QObject | None = None,
                 *, context: "Callable[[], tuple[str, float | None]] | None" = None):
        super().__init__(parent)
        self.library = library
        # the message on 推荐话术 and seconds since it arrived: a script found in 浏览全部 right
        # after a message answers it (a learned example, see service.CopyEvent.learn)
        self.context = context
        self.clipboard = clipboard
        self.form = PlaceholderForm()
        ui.formLayout.addWidget(self.form)
        self.form.accepted.connect(self._form_accepted)
        self.form.cancelled.connect(self._form_cancelled)
        self._pending: CopyRequest | None = None

    def request(self, req: CopyRequest) -> None:
        service = self.library.service
        if service is None or not service.ready:
            return
        rendered = service.render(req.script.id, req.variant)
        if rendered.missing:
            self._pending = req
            self.form.ask(req.script.title, rendered.missing)
            return
        self.finish(req, rendered.text)

    def cancel(self) -> None:
        """The message was cleared: a form still asking for values belongs to nothing now."""
        self.form.hide()
        self._pending = None

    def _form_accepted(self, values: dict) -> None:
        req, self._pending = self._pending, None
        service = self.library.service
        if req is None or service is None:
            return
        self.finish(req, service.render(req.script.id, req.variant, values).text)
        self.formClosed.emit(req.source)

    def _form_cancelled(self) -> None:
        req, self._pending = self._pending, None
        self.formClosed.emit(req.source if req else SUGGEST)

    def finish(self, req: CopyRequest, text: str) -> None:
        from ..service import CopyEvent

        self.clipboard.copy(text)
        self.toastRequested.emit("已复制", False)
        service = self.library.service
        event = None
        if service is not None:
            script = req.script
            question, seconds = req.question, req.seconds
            if req.source == BROWSE and self.context is not None:
                question, seconds = self.context()
            elif req.rank is None:  # 常用: a favourite is no answer to the message
                question, seconds = "", None
            event = CopyEvent(
                script_id=script.id,
                category=script.category,
                variant=req.variant,
                rank=req.rank,
                score=req.score,
                question=question,
                seconds_to_copy=seconds,
                confident=req.confident,
            )
            service.copied(event)
        self.copied.emit(req.script.id, text)
        if event is not None and event.learn:
            self.learned.emit()
