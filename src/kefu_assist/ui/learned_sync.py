"""Learned examples reach this sidebar's matcher: the agent's own choices at once (after each
copy that teaches, ``CopyFlow.learned``), the team's within a minute (a timer), each time read
from the usage database on a worker and the matcher rebuilt on another (``service.set_learned``
builds an index: never on the GUI thread). A failed read changes nothing; the next tick retries."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from .workers import Background

if TYPE_CHECKING:
    from ..service import AssistService
    from .library_ctl import LibraryController
    from .usage import UsageController

SYNC_MS = 30_000  # the team's accepted examples reach every sidebar within a minute
BEHIND_RETRY_MS = 500  # a copy not in the database yet when read: read again this much later
BEHIND_RETRIES = 20  # ... this many times (then the timer's next tick)


class LearnedSync(QObject):
    changed = Signal(int)  # the matcher now knows this many learned examples

    def __init__(self, library: "LibraryController", usage: "UsageController", agent: Callable[[], str], parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self.usage = usage
        self.agent = agent
        self._rebuild = Background(self)
        self.timer = QTimer(self, interval=SYNC_MS)
        self.timer.timeout.connect(self.sync)
        usage.learnedLoaded.connect(self._loaded)
        usage.learnedBehind.connect(self._behind)
        self._retries_left = 0
        self._unannounced = False  # a rebuild changed the matcher and no ``changed`` has said so yet
        self._retry = QTimer(self, singleShot=True, interval=BEHIND_RETRY_MS)
        self._retry.timeout.connect(lambda: self.sync(flush_first=True))
        usage.recorderChanged.connect(self.sync)
        library.changed.connect(self.sync)  # a new library is indexed without them: add them again
        self.timer.start()

    def sync(self, *, flush_first: bool = False) -> bool:
        if not self.usage.started:
            return False
        return self.usage.load_learned(self.agent(), flush_first=flush_first)

    def after_copy(self) -> None:
        self._retries_left = BEHIND_RETRIES
        self.sync(flush_first=True)

    def _behind(self) -> None:
        """The copy that should teach was still on its way to the database: read again soon, so
        the agent's choice helps at once on a loaded machine too."""
        if self._retries_left > 0:
            self._retries_left -= 1
            self._retry.start()

    def _loaded(self, pairs: list[tuple[str, str]]) -> None:
        service = self.library.service
        if service is None or not service.ready:
            return
        self._rebuild.run(lambda: self._set(service, pairs), lambda _changed: self._announce(service))

    def _set(self, service: "AssistService", pairs: list[tuple[str, str]]) -> bool:  # pool thread
        changed = service.set_learned(pairs)
        if changed:
            self._unannounced = True
        return changed

    def _announce(self, service: "AssistService") -> None:
        """Only the latest rebuild's result arrives (``Background``): when a read that changed
        the matcher was overtaken by a newer read of the same examples (the retry after a copy
        still on its way), the newer one changed nothing, yet the change is still to be told."""
        if self._unannounced:
            self._unannounced = False
            self.changed.emit(service.learned_count)

    def stop(self) -> None:
        self.timer.stop()
        self._retry.stop()
