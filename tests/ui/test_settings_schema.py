"""One settings schema (kefu_assist.settings) read by the sidebar through QSettings and by the
store and the command line without Qt: both readers give the same values for whatever the file
holds (C:\\Users\\… once read back as C:\\\\Users\\\\… in the store), the Qt-free writer writes what
QSettings reads back unchanged, invalid values become defaults with a message, and a file
keeps its other keys and its 0600 mode."""
from __future__ import annotations

import os
import stat
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QSettings

from kefu_assist import settings as schema
from kefu_assist.settings import Preferences

# every character a settings value can hold (QSettings drops NULs; lone surrogates are no text)
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40)
PREFS = st.builds(
    Preferences,
    shop=TEXT, agent=TEXT, library_path=TEXT, always_on_top=st.booleans(), clipboard_watch=st.booleans(),
    font_size=st.integers(*schema.FONT_SIZES), theme=st.sampled_from(schema.THEMES),
    db_url=TEXT.map(str.strip),
)
WINDOWS_PATHS = [r"C:\Users\王小明\话术库.yaml", "C:\\Users\\kefu\\", r"\\server\share\lib", r"D:\a\tab\t\new\n"]


def _qs(path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def _fresh(tmp_path):
    """A new file name each time: QSettings caches a file by path and modification time, so the
    same path rewritten to the same size within one clock tick would read as the last example."""
    return tmp_path / f"settings-{uuid.uuid4().hex}.ini"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefs=PREFS)
def test_what_qsettings_writes_the_qt_free_reader_reads_the_same(tmp_path, prefs):
    path = _fresh(tmp_path)
    qs = _qs(path)
    prefs.write(qs)
    del qs
    assert schema.load(path).preferences == Preferences.read(_qs(path))
    assert schema.load(path).preferences == Preferences.parse(prefs.values().get)[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefs=PREFS)
def test_what_the_qt_free_writer_writes_qsettings_reads_the_same(tmp_path, prefs):
    path = _fresh(tmp_path)
    schema.save(prefs, path)
    assert Preferences.read(_qs(path)) == schema.load(path).preferences == Preferences.parse(prefs.values().get)[0]


@pytest.mark.parametrize("where", WINDOWS_PATHS)
def test_windows_paths_read_back_as_written_by_both_readers(tmp_path, where):
    from kefu_assist.store import db

    path = tmp_path / schema.SETTINGS_FILE  # where the store looks, with the config folder here
    qs = _qs(path)
    Preferences(library_path=where, db_url=f"sqlite:///{where}").write(qs)
    del qs
    assert schema.load(path).preferences.library_path == where
    assert Preferences.read(_qs(path)).library_path == where
    os.environ["KEFU_ASSIST_CONFIG_DIR"], old = str(tmp_path), os.environ["KEFU_ASSIST_CONFIG_DIR"]
    try:
        assert db.settings_db_url() == f"sqlite:///{where}".strip()
    finally:
        os.environ["KEFU_ASSIST_CONFIG_DIR"] = old


def test_the_writer_keeps_other_keys_and_the_files_mode(tmp_path):
    path = _fresh(tmp_path)
    qs = _qs(path)
    qs.setValue("window/geometry", QByteArray(b"\x01\x02geometry"))
    qs.setValue("someone/else", "kept")
    Preferences(shop="旧店").write(qs)
    del qs
    os.chmod(path, 0o644)
    schema.save(Preferences(shop="新店", font_size=14, db_url="postgresql+psycopg://kefu:s3cret@db/team"), path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert "s3cret" not in path.read_text(encoding="utf-8")
    qs = _qs(path)
    assert qs.value("window/geometry") == QByteArray(b"\x01\x02geometry")
    assert qs.value("someone/else") == "kept"
    got = Preferences.read(qs)
    assert (got.shop, got.font_size, got.db_url) == ("新店", 14, "postgresql+psycopg://kefu@db/team")


@pytest.mark.parametrize(("key", "raw", "attr", "expected", "words"), [
    ("ui/font_size", "大", "font_size", 10, "不是整数"),
    ("ui/font_size", "99", "font_size", 24, "不在 8–24 之间"),
    ("ui/font_size", "-3", "font_size", 8, "不在 8–24 之间"),
    ("ui/theme", "blue", "theme", "light", "不是 light / dark 之一"),
    ("window/always_on_top", "maybe", "always_on_top", False, "不是 true/false"),
])
def test_an_invalid_value_becomes_its_default_with_a_message(tmp_path, key, raw, attr, expected, words):
    path = _fresh(tmp_path)
    qs = _qs(path)
    qs.setValue(key, raw)
    qs.sync()
    del qs
    loaded = schema.load(path)
    assert getattr(loaded.preferences, attr) == expected == getattr(Preferences.read(_qs(path)), attr)
    assert len(loaded.problems) == 1 and key in loaded.problems[0] and words in loaded.problems[0]
    assert raw in loaded.problems[0] or raw.lstrip("-") in loaded.problems[0]


def test_valid_values_give_no_message(tmp_path):
    path = _fresh(tmp_path)
    schema.save(Preferences(font_size=8, theme="dark", always_on_top=True), path)
    loaded = schema.load(path)
    assert loaded.problems == [] and not loaded.password_removed
    assert (loaded.preferences.font_size, loaded.preferences.theme, loaded.preferences.always_on_top) == (8, "dark", True)


def test_a_password_in_the_file_is_taken_out_before_it_is_read(tmp_path):
    path = _fresh(tmp_path)
    path.write_text("[General]\ndb_url=postgresql+psycopg://kefu:s3cret@db/team\n", encoding="utf-8")
    loaded = schema.load(path)
    assert loaded.password_removed and loaded.preferences.db_url == "postgresql+psycopg://kefu@db/team"
    assert "s3cret" not in path.read_text(encoding="utf-8")
    assert not schema.load(path).password_removed


def test_a_missing_or_unreadable_file_gives_the_defaults(tmp_path):
    assert schema.load(tmp_path / "none.ini").preferences == Preferences()
    (tmp_path / "bad.ini").write_bytes(b"\xff\xfe garbage [[[")
    assert schema.load(tmp_path / "bad.ini").preferences == Preferences()


def test_the_sidebar_is_told_once_about_an_invalid_value(fresh_config):
    from kefu_assist.ui.settings import open_settings, take_notices

    fresh_config.mkdir(parents=True)
    (fresh_config / schema.SETTINGS_FILE).write_text("[ui]\nfont_size=大\ntheme=dark\n", encoding="utf-8")
    take_notices()
    qs = open_settings()
    assert Preferences.read(qs).font_size == 10 and Preferences.read(qs).theme == "dark"
    [notice] = take_notices()
    assert "ui/font_size" in notice and "不是整数" in notice and "'大'" in notice
    assert take_notices() == []
