"""Loads the Designer views of resources/ui/ (layout only; controllers attach the logic)."""
from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtGui import QIcon
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from ..resources import resource_path


def load_view(name: str, parent: QWidget | None = None) -> QWidget:
    path = resource_path("ui", name)
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(str(path))
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"cannot load view {path}")
    return widget


def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("ui", "icons", f"{name}.svg")))
