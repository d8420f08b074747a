"""The Designer views of resources/ui/ (layout only; controllers attach the logic), and icons.

The .ui files are the source of truth; scripts/compile_ui.py compiles each into Python
(ui/compiled/), and the sidebar builds its views from those compiled forms only (the window keeps
the form object: ``self.ui = Ui_SidebarView(); self.ui.setupUi(widget)``, so every widget is a
typed attribute). A test fails while a compiled form is older than its .ui file."""
from __future__ import annotations

import importlib

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from ..resources import resource_path


def load_view(name: str, parent: QWidget | None = None) -> QWidget:
    """A widget built by the compiled form of ``name`` (for callers that keep only the widget)."""
    stem = name.rsplit(".", 1)[0]
    try:
        module = importlib.import_module(f"{__package__}.compiled.{stem}_ui")
    except ImportError:
        raise FileNotFoundError(f"{name}: no compiled view (run scripts/compile_ui.py)") from None
    forms = [value for key, value in vars(module).items() if key.startswith("Ui_") and isinstance(value, type)]
    if len(forms) != 1:
        raise RuntimeError(f"{name}: the compiled view holds {len(forms)} forms, not one")
    widget = QWidget(parent)
    forms[0]().setupUi(widget)
    return widget


def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("ui", "icons", f"{name}.svg")))
