"""What the recorder tests share: read rows straight from the database, wait for the background
writer."""
from __future__ import annotations

import time

from sqlalchemy import text

from kefu_assist.store import db


def rows(url: str, sql: str):
    """The rows of ``sql`` on ``url``, read with an engine of its own (not the recorder's)."""
    engine = db.make_engine(url, write=False)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).all()
    finally:
        engine.dispose()


def wait(predicate, timeout: float = 30.0) -> bool:
    """Poll ``predicate`` until it holds or ``timeout`` seconds pass; its last answer."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()
