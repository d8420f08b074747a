"""Text cleaning and database error classification for the usage recorder (see
:mod:`kefu_assist.store.recorder`): what a text field may hold, how it is cut to its column,
how a character the database's encoding lacks is replaced, and whether a database error is an
outage (retry later) or a refusal of these rows (set them aside)."""
from __future__ import annotations

import codecs
from datetime import datetime, timezone

from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError, StatementError

from .db import DatabaseError

MAX_AGENT = 100
MAX_SCRIPT = 200
MAX_CATEGORY = 100
MAX_QUESTION = 2_000


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)



def clean_text(value: object) -> str:
    """Text any database can hold, losing as little as possible: a surrogate pair split into
    two code units (as some clipboards and JSON encoders hand them over) becomes the character
    it encodes, a lone surrogate (not valid Unicode, cannot be encoded as UTF-8) becomes
    U+FFFD, and NUL (which PostgreSQL text cannot hold) is dropped. Everything else is kept."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return value.replace("\x00", "") if "\x00" in value else value



def _text(value: object, limit: int) -> str | None:
    """A text field as stored: cleaned and cut to its column. ``None`` stays ``None`` (the
    database refuses it for NOT NULL columns: a malformed event, set aside)."""
    return None if value is None else clean_text(value)[:limit]


# PostgreSQL: a character the database's encoding (EUC_CN, GBK, LATIN1 ...) has no code for
UNTRANSLATABLE = {"22P05", "22021"}
TEXT_FIELDS = ("agent", "script_id", "category", "question")


def python_codec(pg_encoding: str | None) -> str | None:
    """The Python codec of a PostgreSQL server encoding (None: unknown, or SQL_ASCII)."""
    name = (pg_encoding or "").strip().lower()
    if not name or name == "sql_ascii":
        return None
    if name.startswith("win") and name[3:].isdigit():
        name = "cp" + name[3:]
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def fit_to_codec(event: dict, codec: str) -> dict:
    """The event with every character its database's encoding cannot hold replaced by '?'."""
    fitted = dict(event)
    for key in TEXT_FIELDS:
        value = fitted.get(key)
        if isinstance(value, str):
            fitted[key] = clean_text(value).encode(codec, "replace").decode(codec)
    return fitted


def _sqlstate(exc: BaseException) -> str | None:
    return getattr(getattr(exc, "orig", None), "sqlstate", None)


def _transient(exc: BaseException) -> bool:
    """Worth retrying later: the database is down, unreachable or locked."""
    if isinstance(exc, (OperationalError, DatabaseError)):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def _refused(exc: BaseException) -> bool:
    """The database (or the driver, or this program) refused *these rows*, not the connection:
    a data or integrity error (SQLSTATE classes 22 and 23: a value out of range, a character the
    database's encoding cannot hold, NOT NULL), a value the driver cannot send, or a spool line
    that is not a valid event. Retrying the same rows cannot help; other rows can go in.

    Everything else, including ProgrammingError (a missing table or column is the database's
    schema, not a row) and errors not known here, is treated as an outage: the events wait and
    are retried, which never loses one."""
    if _transient(exc):
        return False
    if isinstance(exc, (DataError, IntegrityError)):
        return True
    if isinstance(exc, DBAPIError):
        return False
    if isinstance(exc, StatementError):  # raised while binding a value, before the database saw it
        return True
    return isinstance(exc, (KeyError, ValueError, TypeError, AttributeError, ArithmeticError))

