"""Usage history: SQLAlchemy models, engine set-up, the background recorder, stats and export.

No Qt here (the sidebar imports this package, never the other way round). The pieces:

- :func:`resolve_db_url` -- ``--db URL``, else ``KEFU_ASSIST_DB``, else the sidebar's settings,
  else the embedded SQLite file in the data folder;
- :func:`open_database` -- an engine on an up-to-date schema (creates, or backs up and upgrades);
- :class:`Recorder` -- the :class:`~kefu_assist.events.UsageRecorder` the sidebar plugs in;
- :func:`stats` -- the figures behind ``kefu-assist stats`` and the sidebar's 统计 view.

Submodules are imported lazily so that ``import kefu_assist.store.redact`` stays cheap.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "DatabaseError",
    "Recorder",
    "make_engine",
    "open_database",
    "redact",
    "resolve_db_url",
    "stats",
]

_LAZY = {
    "DatabaseError": ("db", "DatabaseError"),
    "make_engine": ("db", "make_engine"),
    "open_database": ("db", "open_database"),
    "resolve_db_url": ("db", "resolve_db_url"),
    "Recorder": ("recorder", "Recorder"),
    "redact": ("redact", "redact"),
    "stats": ("stats", "stats"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .db import DatabaseError, make_engine, open_database, resolve_db_url
    from .recorder import Recorder
    from .redact import redact
    from .stats import stats


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(name) from None
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), attr)
