"""The sidebar's settings (schema, defaults and validation: kefu_assist.settings), kept with QSettings in an INI file in the config folder (which tests and
portable installs redirect with KEFU_ASSIST_CONFIG_DIR).

The file is its owner's alone (0600, in a 0700 folder) and never holds a database password: the
dialog refuses a URL with one, writing strips one, and a file that already holds one (from an
older version) has it taken out before the sidebar reads it, with a notice for the user."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from .. import paths, settings
from ..settings import SETTINGS_FILE, Preferences  # the schema: Qt-free, shared with the store and the command line
from ..store import dburl  # Qt-free and SQLAlchemy-free

__all__ = ["APPLICATION", "DB_KEY", "ORGANISATION", "PASSWORD_REFUSED", "PASSWORD_REMOVED", "Preferences",
           "open_settings", "read_geometry", "take_notices"]

ORGANISATION = "kefu-assist"
APPLICATION = "kefu-assist"
DB_KEY = "db_url"  # top level: [General] db_url in the INI file, where store.db looks for it


PASSWORD_REMOVED = "设置中的数据库地址含有密码，已从设置文件中删除（密码不保存在设置里）。" + dburl.ADVICE + "。"
PASSWORD_REFUSED = "数据库地址里不能写密码：设置文件会以明文保存它。请删去密码，" + dburl.ADVICE + "。"
_notices: list[str] = []


def open_settings() -> QSettings:
    folder = paths.private_dir(paths.config_dir())
    path = paths.private_file(folder / SETTINGS_FILE)
    loaded = settings.load(path)  # takes a password out of the file before QSettings reads it
    if loaded.password_removed:
        _notices.append(PASSWORD_REMOVED)
    _notices.extend(loaded.problems)  # invalid values, each replaced by its default: say so once
    return QSettings(str(path), QSettings.Format.IniFormat)


def take_notices() -> list[str]:
    """What opening the settings found and the user should be told once (cleared)."""
    out = _notices[:]
    _notices.clear()
    return out


def read_geometry(qs: QSettings) -> QByteArray | None:
    value = qs.value("window/geometry")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None
