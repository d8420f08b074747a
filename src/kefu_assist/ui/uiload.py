"""Loads the Designer views of resources/ui/ (layout only; controllers attach the logic).

The .ui files are the source of truth. scripts/compile_ui.py also compiles each into Python
(ui/compiled/), which builds the view about twice as fast as QUiLoader parsing the XML, and the
window's start-up feels it; the compiled form is used only while the digest it records matches
the .ui file beside it, so a view edited in Designer and not recompiled still loads, through
QUiLoader."""
from __future__ import annotations

import hashlib
import importlib

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from ..resources import resource_path


def load_view(name: str, parent: QWidget | None = None) -> QWidget:
    path = resource_path("ui", name)
    try:
        data = path.read_bytes()
    except OSError:
        raise FileNotFoundError(str(path)) from None
    widget = _compiled_view(name, hashlib.sha256(data).hexdigest(), parent)
    return widget if widget is not None else _loaded_view(path, parent)


def _compiled_view(name: str, digest: str, parent: QWidget | None) -> QWidget | None:
    stem = name.rsplit(".", 1)[0]
    try:
        module = importlib.import_module(f"{__package__}.compiled.{stem}_ui")
    except ImportError:
        return None
    if getattr(module, "UI_SHA256", None) != digest:
        return None
    forms = [value for key, value in vars(module).items() if key.startswith("Ui_") and isinstance(value, type)]
    if len(forms) != 1:
        return None
    widget = QWidget(parent)
    forms[0]().setupUi(widget)
    return widget


def _loaded_view(path, parent: QWidget | None) -> QWidget:
    from PySide6.QtCore import QFile, QIODevice
    from PySide6.QtUiTools import QUiLoader

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
