"""Where the database is, how to connect to it, and bringing its schema up to date.

SQLite: every connection runs in WAL mode with a busy timeout, and a *writing* engine begins
every transaction with ``BEGIN IMMEDIATE`` (pysqlite's own transaction handling is switched off,
as the SQLAlchemy pysqlite docs describe): WAL plus busy_timeout alone does not stop two
processes deadlocking on read-then-write transactions, taking the write lock up front does.
PostgreSQL URLs name the driver: ``postgresql+psycopg://user@host:port/db``; the password comes
from libpq's own places (``PGPASSWORD``, ``~/.pgpass``, ``PGPASSFILE``), never from the settings
file (see dburl.py), and no message shows one.

The data folder is its owner's alone (0700), and so is a SQLite database with its journal, WAL,
shared memory and backups (0600); older, looser files are tightened when they are opened.
"""
from __future__ import annotations

import glob
import hashlib
import os
import tempfile
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from .. import paths, settings
from ..settings import SETTINGS_FILE as SETTINGS_FILE  # where the settings live, for callers
from . import dburl

ENV_VAR = "KEFU_ASSIST_DB"
DB_FILE = "usage.sqlite3"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 15_000
PG_CONNECT_TIMEOUT_S = 5
# A connection whose peer stops acknowledging (network gone) fails after this long instead of
# waiting for the kernel's ~15 minutes; a server that acknowledges but never answers (a hung
# process) is caught by the recorder's write timeout (recorder.WRITE_TIMEOUT_S).
PG_TCP_USER_TIMEOUT_MS = 30_000
PG_KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}
DEAD_LETTER_FILE = "dead-letter.jsonl"
_UPGRADE_LOCK_ID = 0x6B656675  # "kefu": PostgreSQL advisory lock for concurrent start-ups


class DatabaseError(RuntimeError):
    """A problem a user can fix (bad URL, unreachable server, schema newer than this program):
    the message is one line fit for stderr or the sidebar's status bar."""


# -- where ----------------------------------------------------------------------------------
def default_db_url() -> str:
    return f"sqlite:///{paths.data_dir() / DB_FILE}"


_notices: list[str] = []


def take_notices() -> list[str]:
    """Things the user should hear once (a password taken out of the settings file), cleared."""
    out = _notices[:]
    _notices.clear()
    return out


def settings_db_url() -> str | None:
    """``db_url`` from the user's settings (kefu_assist.settings, the file the sidebar writes).
    A missing or unreadable file is no setting. A password found in it is taken out of the file
    at once (a notice says so, see take_notices) and not used."""
    path = settings.settings_path()
    loaded = settings.load(path)
    if loaded.password_removed:
        _notices.append(f"the database URL in {path} held a password; it has been removed from the file "
                        f"(a password is never kept there): {dburl.ADVICE_EN}")
    value = loaded.preferences.db_url
    if dburl.has_password(value):  # the file could not be rewritten (read-only): still never used
        value = dburl.without_password(value)
    return value.strip() or None


def resolve_db_url(cli_url: str | None = None) -> str:
    """``--db URL``, else ``$KEFU_ASSIST_DB``, else the settings, else the embedded SQLite file.
    Also makes sure the data folder, where the SQLite file and every spool of unsent events
    live, exists and is private."""
    try:
        paths.private_data_dir()
    except OSError:  # a read-only home: whoever writes there says so
        pass
    for candidate in (cli_url, os.environ.get(ENV_VAR), settings_db_url()):
        if candidate and candidate.strip():
            return candidate.strip()
    return default_db_url()


def spool_roots(primary: Path | None = None, fallbacks: list[Path] | None = None) -> list[Path]:
    """Where spool folders may go, in order of preference: ``<data_dir>/spool``, then (when the
    data folder cannot be written) ``<cache_dir>/spool``, then a per-user folder in the system's
    temporary folder."""
    if fallbacks is None:
        try:
            user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
        except OSError:  # pragma: no cover
            user = "user"
        fallbacks = [paths.cache_dir() / "spool", Path(tempfile.gettempdir()) / f"kefu-assist-{user}" / "spool"]
    roots = [primary or paths.data_dir() / "spool", *fallbacks]
    return list(dict.fromkeys(roots))  # in order, each once


def spool_dir_for(url: str, base: Path | None = None) -> Path:
    """Spools are kept per database, so a replay never sends events to another database."""
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]
    return (base or paths.data_dir() / "spool") / digest


def dead_letter_files(url: str, roots: list[Path] | None = None) -> list[Path]:
    """The dead-letter files of this database (rows it refused, set aside beside the spools)."""
    found = []
    for root in roots if roots is not None else spool_roots():
        path = spool_dir_for(url, root) / DEAD_LETTER_FILE
        try:
            if path.is_file():
                found.append(path)
        except OSError:
            continue
    return found


def count_lines(path: Path) -> int:
    try:
        with open(path, "rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 16), b""))
    except OSError:
        return 0


def describe(url: str) -> str:
    """The URL with its passwords (user part and query) masked, for messages; a string that
    is no URL is masked as well."""
    return dburl.masked(url)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL (None for other databases and for :memory:)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


# -- how ------------------------------------------------------------------------------------
def make_engine(url: str, *, write: bool = True, **kwargs) -> Engine:
    """An engine with the connection set-up above. ``write=False`` gives a SQLite engine whose
    transactions begin DEFERRED (readers never take the write lock). Raises DatabaseError for
    a URL that cannot work; a server that is down is only found when connecting."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"not a database URL: {describe(url)!r} (try sqlite:///path/usage.sqlite3 or postgresql+psycopg://user@host/db)") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            try:
                _private_sqlite(path)
            except OSError as exc:
                raise DatabaseError(f"cannot create the folder for {path}: {exc.strerror}") from None
    elif backend == "postgresql":
        if parsed.get_driver_name() == "psycopg2":
            try:
                import psycopg2  # noqa: F401
            except ImportError:
                raise DatabaseError("PostgreSQL URLs name the driver: postgresql+psycopg://user@host/db") from None
        connect_args = kwargs.setdefault("connect_args", {})
        connect_args.setdefault("connect_timeout", PG_CONNECT_TIMEOUT_S)
        if os.name != "nt":  # libpq: TCP_USER_TIMEOUT is a Linux socket option
            connect_args.setdefault("tcp_user_timeout", PG_TCP_USER_TIMEOUT_MS)
        for key, value in PG_KEEPALIVES.items():
            connect_args.setdefault(key, value)
        kwargs.setdefault("pool_pre_ping", True)
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseError(f"unsupported database URL {describe(url)}: {dburl.masked(str(exc))}") from None
    except ArgumentError as exc:
        raise DatabaseError(f"bad database URL {describe(url)}: {dburl.masked(str(exc))}") from None
    if backend == "sqlite":
        _sqlite_setup(engine, immediate=write)
    return engine


SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def _private_sqlite(path: Path) -> None:
    """The folder (0700 when created here; the data folder tightened too) and the database file
    (created 0600 so that SQLite, which gives its journal, WAL and shared memory the database's
    mode, makes those 0600 as well); older companions and backups tightened."""
    folder = path.parent
    in_data_dir = os.path.normcase(os.path.abspath(folder)) == os.path.normcase(os.path.abspath(paths.data_dir()))
    paths.private_dir(folder, tighten_existing=in_data_dir)
    paths.private_file(path)
    for companion in [path.with_name(path.name + s) for s in SQLITE_COMPANIONS] + list(folder.glob(glob.escape(path.name) + ".bak-*")):
        paths.tighten(companion, paths.PRIVATE_FILE_MODE)


def _sqlite_setup(engine: Engine, *, immediate: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")  # safe in WAL mode; the spool covers the rest
        finally:
            cursor.close()

    begin = "BEGIN IMMEDIATE" if immediate else "BEGIN"

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql(begin)


# -- schema ---------------------------------------------------------------------------------
def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


# The newest migration, written down so that the common case (a database already at head)
# is confirmed without importing Alembic and reading every migration script (~0.6 s of every
# `kefu-assist stats`). tests/store/test_db.py checks it against Alembic's own answer.
HEAD_REVISION = "0007"


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    """The schema revision Alembic stamped, read directly (importing Alembic costs 0.3 s)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(versions) <= 1:
        return versions[0] if versions else None
    from alembic.runtime.migration import MigrationContext  # several heads: let Alembic say so

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Run the migrations on an open connection (inside the caller's transaction, if any)."""
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def backup_sqlite(path: Path, revision: str) -> Path:
    """Copy a live SQLite file (WAL included) with the sqlite3 backup API."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
    paths.private_file(target)  # a copy of buyer questions: as private as the database
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def open_database(url: str | None = None, *, write: bool = True, upgrade_schema: bool = True, on_connect=None) -> Engine:
    """An engine on an up-to-date schema: creates a new database, upgrades an older one (after
    backing up a SQLite file beside it), refuses one newer than this program. Safe when two
    sidebars start at once (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock).

    ``on_connect(dbapi_connection, record)`` is called for every connection the engine makes
    (the recorder keeps them, to cut them when the server hangs).

    Raises DatabaseError (one-line message) when the database cannot be reached or used;
    the caller disposes of the engine."""
    url = resolve_db_url(url)
    engine = make_engine(url, write=write)
    if on_connect is not None:
        event.listen(engine, "connect", on_connect)
    try:
        if upgrade_schema:
            ensure_schema(engine, url)
        else:
            with engine.connect() as conn:
                rev = current_revision(conn)
            if rev != HEAD_REVISION and rev != head_revision():
                raise DatabaseError(f"{describe(url)} has schema revision {rev or 'none'}, this program needs {head_revision()}; start the sidebar once or run without read-only mode to upgrade it")
    except DatabaseError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"cannot use the database {describe(url)}: {one_line(exc)}{_password_advice(url, exc)}") from None
    return engine


def ensure_schema(engine: Engine, url: str) -> str | None:
    """Bring the schema to head. Returns the path of the SQLite backup made, if any."""
    with engine.connect() as conn:
        rev = current_revision(conn)
        has_tables = bool(inspect(conn).get_table_names())
    if rev == HEAD_REVISION:
        return None
    head = head_revision()
    if rev == head:
        return None
    if rev is not None and rev not in known_revisions():
        raise DatabaseError(f"{describe(url)} has schema revision {rev}, newer than this program knows (head {head}); update kefu-assist")
    backup = None
    path = sqlite_path(url)
    if rev is not None and path is not None and path.exists():
        backup = str(backup_sqlite(path, rev))
    elif rev is None and has_tables and path is not None:
        backup = str(backup_sqlite(path, "unversioned"))
    with engine.begin() as conn:  # SQLite: BEGIN IMMEDIATE holds off a second sidebar
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _UPGRADE_LOCK_ID})
        if current_revision(conn) != head:  # the other sidebar may have done it meanwhile
            upgrade(conn)
    return backup


def one_line(exc: BaseException) -> str:
    """The first line of a driver error, without SQLAlchemy's background link (any password
    in it masked)."""
    original = getattr(exc, "orig", None) or exc
    msg = str(original).strip().splitlines()
    return dburl.masked(msg[0]) if msg else type(original).__name__


def _password_advice(url: str, exc: BaseException) -> str:
    """Where the password goes, when a server asked for one (libpq: "no password supplied",
    "password authentication failed")."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "password" in text and url.startswith("postgres"):
        return f" ({dburl.ADVICE_EN}; never in the URL of the settings)"
    return ""
