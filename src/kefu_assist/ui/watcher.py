"""Watches the library file or folder and says when it changed, once per burst of saves.

Editors that save by writing a new file and renaming it over the old one make
QFileSystemWatcher drop the path: we watch the parent folder too and re-add the path."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 300


class LibraryWatcher(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._fire)
        self._path: Path | None = None
        self._stamp: tuple | None = None

    def watch(self, path: Path | None) -> None:
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        self._path = path
        self._stamp = self._fingerprint()
        self._rearm()

    def _targets(self) -> list[str]:
        if self._path is None:
            return []
        path = self._path
        targets = []
        if path.is_dir():
            targets.append(str(path))
            targets.extend(str(p) for p in sorted(path.iterdir()) if p.suffix.lower() in (".yaml", ".yml") and p.is_file())
        else:
            if path.exists():
                targets.append(str(path))
            if path.parent.is_dir():
                targets.append(str(path.parent))
        return targets

    def _rearm(self) -> None:
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        missing = [t for t in self._targets() if t not in watched]
        if missing:
            self._watcher.addPaths(missing)

    def _fingerprint(self) -> tuple | None:
        """Size and mtime of the library files: a change elsewhere in the parent folder is not
        a library change."""
        path = self._path
        if path is None:
            return None
        files = [path] if not path.is_dir() else sorted(p for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml"))
        out: list[tuple[str, int, int, int] | tuple[str, None]] = []
        for f in files:
            try:
                st = f.stat()
                out.append((str(f), st.st_size, st.st_mtime_ns, st.st_ino))
            except OSError:
                out.append((str(f), None))
        return tuple(out)

    def _poke(self, _path: str = "") -> None:
        self._timer.start()

    def _fire(self) -> None:
        self._rearm()
        stamp = self._fingerprint()
        if stamp == self._stamp:
            return
        self._stamp = stamp
        self.changed.emit()
