"""The sidebar's settings file is its owner's alone and never holds a database password: the dialog
refuses a URL with one (in Chinese, naming libpq's places for it), writing strips one, and a file
that holds one from an older version loses it before the sidebar reads it, with a notice."""
from __future__ import annotations

import os
import shutil
import stat
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from kefu_assist.store import dburl

PASSWORD_URLS = [
    "postgresql+psycopg://kefu:s3cret@db.example.com:5432/team",
    "postgresql+psycopg://kefu:p%40s3cret@db.example.com/team",
    "postgresql+psycopg://kefu@db.example.com/team?sslmode=require&password=s3cret",
    "  postgresql+psycopg://kefu:s3cret@db.example.com/team  ",
    "host=db.example.com user=kefu password=s3cret",
]


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def dialog(qtbot):
    from kefu_assist.ui.settings import Preferences
    from kefu_assist.ui.settings_dialog import SettingsDialog

    d = SettingsDialog(Preferences())
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def _ok(qtbot, d) -> None:
    from PySide6.QtCore import Qt

    qtbot.mouseClick(d.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("url", PASSWORD_URLS)
def test_dialog_refuses_a_url_with_a_password(qtbot, dialog, url):
    dialog.dbEdit.setText(url)
    _ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    note = dialog.dbNote.text()
    assert dialog.dbNote.isVisible() and "不能写密码" in note
    assert "PGPASSWORD" in note and "~/.pgpass" in note and "PGPASSFILE" in note and "s3cret" not in note
    assert dialog.dbEdit.hasFocus()
    if "://" not in url:
        return  # libpq's key=value form is no URL: refused either way
    dialog.dbEdit.setText(dburl.without_password(url))  # the same URL without it is fine
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


@pytest.mark.parametrize("text", ["db.example.com", "team database", "postgresql+psycopg//kefu@db/team"])
def test_dialog_refuses_what_is_no_url(qtbot, dialog, text):
    dialog.dbEdit.setText(text)
    _ok(qtbot, dialog)
    assert dialog.isVisible() and "不是数据库地址" in dialog.dbNote.text()


@pytest.mark.parametrize("text", ["", "postgresql+psycopg://kefu@db.example.com:5432/team", "sqlite:////home/kefu/usage.sqlite3"])
def test_dialog_keeps_a_url_without_a_password(qtbot, dialog, text):
    dialog.dbEdit.setText(text)
    _ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.preferences().db_url == text


@pytest.mark.parametrize("url", PASSWORD_URLS)
def test_writing_preferences_never_stores_a_password(fresh_config, url):
    from kefu_assist.ui.settings import Preferences, open_settings

    qs = open_settings()
    Preferences(db_url=url).write(qs)
    assert "s3cret" not in (fresh_config / "settings.ini").read_text(encoding="utf-8")
    assert Preferences.read(open_settings()).db_url == dburl.without_password(url)


def test_settings_file_and_folder_are_private(fresh_config):
    from kefu_assist.ui.settings import Preferences, open_settings

    qs = open_settings()
    Preferences(agent="小王").write(qs)
    assert mode(fresh_config) == 0o700 and mode(fresh_config / "settings.ini") == 0o600
    os.chmod(fresh_config / "settings.ini", 0o644)  # as an older version left it
    os.chmod(fresh_config, 0o755)
    qs = open_settings()
    assert mode(fresh_config) == 0o700 and mode(fresh_config / "settings.ini") == 0o600
    Preferences(agent="小李").write(qs)  # QSettings saves through a new file: the mode stays
    assert mode(fresh_config / "settings.ini") == 0o600


def _older_version_wrote(fresh_config, url: str) -> None:
    fresh_config.mkdir(exist_ok=True)
    qs = QSettings(str(fresh_config / "settings.ini"), QSettings.Format.IniFormat)
    qs.setValue("placeholders/shop", "小狐狸服饰")
    qs.setValue("db_url", url)
    qs.sync()
    del qs


def test_a_password_left_in_the_settings_is_removed_and_told_once(qtbot, fresh_config):
    from kefu_assist.ui.settings import Preferences, open_settings, take_notices
    from kefu_assist.ui.settings_dialog import SettingsDialog

    take_notices()
    url = "postgresql+psycopg://kefu:s3cret@db.example.com:5432/team"
    _older_version_wrote(fresh_config, url)
    prefs = Preferences.read(open_settings())
    assert prefs.db_url == "postgresql+psycopg://kefu@db.example.com:5432/team" and prefs.shop == "小狐狸服饰"
    assert "s3cret" not in (fresh_config / "settings.ini").read_text(encoding="utf-8")
    dialog = SettingsDialog(prefs)  # the notice shows in the dialog's database note, once
    qtbot.addWidget(dialog)
    assert "已从设置文件中删除" in dialog.dbNote.text() and "PGPASSWORD" in dialog.dbNote.text()
    assert "s3cret" not in dialog.dbEdit.text()
    again = SettingsDialog(Preferences.read(open_settings()))
    qtbot.addWidget(again)
    assert "已从设置文件中删除" not in again.dbNote.text()


_url_char = st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"])


@given(user=st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"], exclude_characters=":/@?"), max_size=6),
       secret=st.text(_url_char.filter(lambda c: c != "@"), min_size=1, max_size=10),
       db=st.text(_url_char.filter(lambda c: c != "?"), max_size=8),
       query=st.sampled_from(["", "?sslmode=require", "?application_name=a,b;c", '?x="1"\\2', "?password=more"]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_store_and_qsettings_agree_on_the_cleaned_file(fresh_config, user, secret, db, query):
    """The store strips the password without Qt; QSettings must read back exactly the URL
    without it, whatever characters the URL holds (and the store reads the same)."""
    from kefu_assist.store.db import settings_db_url, take_notices

    url = f"postgresql+psycopg://{user}:{secret}@db.example.com/{db}{query}".strip()
    _older_version_wrote(fresh_config, url)
    assert dburl.has_password(url)
    assert settings_db_url() == (dburl.without_password(url).strip() or None)  # the store trims what it reads
    take_notices()
    # QSettings caches a file by path and modification time: a copy under a new name is read afresh
    # (the same path rewritten to the same size within one clock tick would give the last example's value)
    fresh = fresh_config / f"read-{uuid.uuid4().hex}.ini"
    shutil.copyfile(fresh_config / "settings.ini", fresh)
    qs = QSettings(str(fresh), QSettings.Format.IniFormat)
    assert qs.value("db_url") == dburl.without_password(url) and qs.value("placeholders/shop") == "小狐狸服饰"


@given(value=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="\x00"), max_size=16))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_ini_quoting_matches_qsettings_both_ways(tmp_path, value):
    """What QSettings writes, dburl.ini_value reads; what dburl.ini_quote writes, QSettings reads."""
    path = tmp_path / "round.ini"
    path.unlink(missing_ok=True)
    qs = QSettings(str(path), QSettings.Format.IniFormat)
    qs.setValue("db_url", value)
    qs.sync()
    del qs
    with open(path, encoding="utf-8", newline="") as fh:  # lines as the INI readers see them (not at U+2028)
        line = next(line for line in fh if line.startswith("db_url="))
    assert dburl.ini_value(line[len("db_url="):].rstrip("\r\n")) == value

    other = tmp_path / "mine.ini"
    other.write_text(f"[General]\ndb_url={dburl.ini_quote(value)}\n", encoding="utf-8")
    assert QSettings(str(other), QSettings.Format.IniFormat).value("db_url") == value
    other.unlink()


@pytest.mark.parametrize("url", ["sqlite:///C:\\Users\\kefu\\usage.sqlite3", "sqlite:///D:\\数据\\\"团队\"\\usage.sqlite3", "sqlite:////srv/a,b;c/usage.sqlite3"])
def test_the_command_line_reads_the_sidebars_setting_as_written(fresh_config, url):
    """QSettings escapes a backslash even outside quotes: a Windows path must reach the store whole."""
    from kefu_assist.store.db import settings_db_url
    from kefu_assist.ui.settings import Preferences, open_settings

    Preferences(db_url=url).write(open_settings())
    assert settings_db_url() == url
