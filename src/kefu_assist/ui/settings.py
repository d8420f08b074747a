"""The sidebar's settings, kept with QSettings in an INI file in the config folder (which tests and
portable installs redirect with KEFU_ASSIST_CONFIG_DIR).

The file is its owner's alone (0600, in a 0700 folder) and never holds a database password: the
dialog refuses a URL with one, writing strips one, and a file that already holds one (from an
older version) has it taken out before the sidebar reads it, with a notice for the user."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

from .. import paths
from ..store import dburl  # Qt-free and SQLAlchemy-free

ORGANISATION = "kefu-assist"
APPLICATION = "kefu-assist"
DB_KEY = "db_url"  # top level: [General] db_url in the INI file, where store.db looks for it


PASSWORD_REMOVED = "设置中的数据库地址含有密码，已从设置文件中删除（密码不保存在设置里）。" + dburl.ADVICE + "。"
PASSWORD_REFUSED = "数据库地址里不能写密码：设置文件会以明文保存它。请删去密码，" + dburl.ADVICE + "。"
_notices: list[str] = []


def open_settings() -> QSettings:
    folder = paths.private_dir(paths.config_dir())
    path = paths.private_file(folder / "settings.ini")
    if dburl.strip_settings_password(path) is not None:
        _notices.append(PASSWORD_REMOVED)
    return QSettings(str(path), QSettings.Format.IniFormat)


def take_notices() -> list[str]:
    """What opening the settings found and the user should be told once (cleared)."""
    out = _notices[:]
    _notices.clear()
    return out


def _bool(value, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@dataclass
class Preferences:
    shop: str = ""
    agent: str = ""
    library_path: str = ""  # empty: the shipped library
    always_on_top: bool = False
    clipboard_watch: bool = False
    font_size: int = 10
    theme: str = "light"
    db_url: str = ""  # empty: the embedded SQLite file; read by store.db.settings_db_url too

    @classmethod
    def read(cls, qs: QSettings) -> "Preferences":
        d = cls()
        theme = str(qs.value("ui/theme", d.theme))
        return cls(
            shop=str(qs.value("placeholders/shop", d.shop) or ""),
            agent=str(qs.value("placeholders/agent", d.agent) or ""),
            library_path=str(qs.value("library/path", d.library_path) or ""),
            always_on_top=_bool(qs.value("window/always_on_top"), d.always_on_top),
            clipboard_watch=_bool(qs.value("clipboard/watch"), d.clipboard_watch),
            font_size=max(8, min(24, _int(qs.value("ui/font_size"), d.font_size))),
            theme=theme if theme in ("light", "dark") else "light",
            db_url=str(qs.value(DB_KEY, d.db_url) or "").strip(),
        )

    def write(self, qs: QSettings) -> None:
        qs.setValue("placeholders/shop", self.shop)
        qs.setValue("placeholders/agent", self.agent)
        qs.setValue("library/path", self.library_path)
        qs.setValue("window/always_on_top", self.always_on_top)
        qs.setValue("clipboard/watch", self.clipboard_watch)
        qs.setValue("ui/font_size", self.font_size)
        qs.setValue("ui/theme", self.theme)
        qs.setValue(DB_KEY, dburl.without_password(self.db_url) if dburl.has_password(self.db_url) else self.db_url)
        qs.sync()


def read_geometry(qs: QSettings) -> QByteArray | None:
    value = qs.value("window/geometry")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None
