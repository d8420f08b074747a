"""Passwords in database URLs are found, removed and masked exactly where SQLAlchemy (and so the
driver) would find them."""
from __future__ import annotations

from urllib.parse import quote, quote_plus

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from kefu_assist.store import dburl

SECRET_QUERY_KEYS = ("password", "sslpassword")


def _secret_of(url) -> bool:
    """What SQLAlchemy would hand the driver as a password."""
    if url.password:
        return True
    for key, value in url.query.items():
        values = value if isinstance(value, tuple) else (value,)
        if key.lower() in SECRET_QUERY_KEYS and any(values):
            return True
    return False


def _parts(url) -> tuple:
    query = {k: v for k, v in url.query.items() if k.lower() not in SECRET_QUERY_KEYS}
    return url.drivername, url.username, url.host, url.port, url.database, query


@pytest.mark.parametrize("url, clean", [
    ("postgresql+psycopg://kefu:s3cret@db.example.com:5432/team", "postgresql+psycopg://kefu@db.example.com:5432/team"),
    ("postgresql+psycopg://kefu:p%40ss%3Aw0rd@db/team", "postgresql+psycopg://kefu@db/team"),
    ("postgresql+psycopg://kefu:p@ss@db/team", "postgresql+psycopg://kefu:@ss@db/team"),  # SQLAlchemy: password "p", host "ss@db"
    ("postgresql+psycopg://kefu@db/team?password=s3cret", "postgresql+psycopg://kefu@db/team"),
    ("postgresql+psycopg://kefu@db/team?sslmode=require&password=s3cret&application_name=kefu",
     "postgresql+psycopg://kefu@db/team?sslmode=require&application_name=kefu"),
    ("postgresql+psycopg://kefu@db/team?sslmode=require&PASSWORD=x", "postgresql+psycopg://kefu@db/team?sslmode=require"),
    ("postgresql+psycopg://kefu@[::1]:5432/team?sslpassword=key-pass", "postgresql+psycopg://kefu@[::1]:5432/team"),
    ("postgresql+psycopg://:only-a-password@db/team", "postgresql+psycopg://@db/team"),
    ("host=db user=kefu password=s3cret dbname=team", "host=db user=kefu  dbname=team"),
    ("host=db password='a secret' dbname=team", "host=db  dbname=team"),
])
def test_passwords_are_found_and_removed(url, clean):
    assert dburl.has_password(url)
    assert dburl.without_password(url) == clean
    assert not dburl.has_password(clean)
    assert "secret" not in dburl.masked(url) and "s3cret" not in dburl.masked(url) and "key-pass" not in dburl.masked(url)
    assert dburl.MASK in dburl.masked(url)


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://kefu@db.example.com:5432/team",
    "postgresql+psycopg://db/team?sslmode=require&passfile=/home/kefu/.pgpass",
    "postgresql+psycopg://kefu:@db/team",  # an empty password is none
    "sqlite:////home/kefu/usage.sqlite3",
    "sqlite:///C:/Users/kefu/usage.sqlite3",
    "sqlite://",
    "not a url",
    "",
])
def test_urls_without_a_password_are_left_alone(url):
    assert not dburl.has_password(url)
    assert dburl.masked(url) == url


def test_messages_are_masked():
    msg = "cannot connect to postgresql://kefu:s3cret@db/team: FATAL: bad dsn host=db password=s3cret"
    assert "s3cret" not in dburl.masked(msg)


_user = st.text(st.characters(codec="utf-8", exclude_characters=":/@?[]#\n"), max_size=8)
_secret = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=12)
_host = st.sampled_from(["db.example.com", "127.0.0.1", "[::1]", "", "db-01"])
_port = st.sampled_from(["", ":5432", ":1"])
_db = st.text(st.characters(codec="utf-8", exclude_characters="?\n"), max_size=10)
_qkey = st.sampled_from(["sslmode", "password", "Password", "sslpassword", "application_name", "pass%77ord", "passfile"])
_qval = st.text(st.characters(codec="utf-8", exclude_characters="&#\n"), max_size=8)


@st.composite
def urls(draw) -> str:
    scheme = draw(st.sampled_from(["postgresql+psycopg", "postgresql", "sqlite", "mysql+pymysql"]))
    user = draw(_user)
    secret = draw(_secret)
    quoting = draw(st.sampled_from(["raw", "quote", "quote_plus"]))
    if quoting == "quote":
        secret = quote(secret, safe="")
    elif quoting == "quote_plus":
        secret = quote_plus(secret)
    userinfo = draw(st.sampled_from(["", f"{user}@", f"{user}:{secret}@"]))
    query = "&".join(f"{k}={quote_plus(v) if draw(st.booleans()) else v}" for k, v in draw(st.lists(st.tuples(_qkey, _qval), max_size=3)))
    return f"{scheme}://{userinfo}{draw(_host)}{draw(_port)}/{draw(_db)}" + (f"?{query}" if query or draw(st.booleans()) else "")


def _parse(text: str):
    try:
        return make_url(text)
    except (ArgumentError, ValueError):
        return None


@pytest.mark.slow
@given(urls())
@settings(max_examples=800, deadline=None)
def test_agrees_with_sqlalchemy_on_built_urls(url):
    parsed = _parse(url.strip())  # every reader of a URL trims it first
    assume(parsed is not None)
    assert dburl.has_password(url) == _secret_of(parsed)
    clean = _parse(dburl.without_password(url))
    assert clean is not None and not _secret_of(clean)
    assert _parts(clean) == _parts(parsed)  # nothing else of the URL changed
    shown = _parse(dburl.masked(url))
    assert shown is not None and shown.password in (None, "", dburl.MASK)
    for key, value in shown.query.items():
        if key.lower() in SECRET_QUERY_KEYS:
            assert set(value if isinstance(value, tuple) else (value,)) <= {"", dburl.MASK}


@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40).map(lambda s: "postgresql://" + s))
@settings(max_examples=500, deadline=None)
def test_agrees_with_sqlalchemy_on_any_text(url):
    parsed = _parse(url.strip())
    assume(parsed is not None)
    assert dburl.has_password(url) == _secret_of(parsed)
    clean = _parse(dburl.without_password(url))
    assert clean is not None and not _secret_of(clean)


@pytest.mark.parametrize("value", [
    "postgresql+psycopg://kefu@db/team",
    "postgresql+psycopg://kefu@db/team?sslmode=require&application_name=a,b",
    'postgresql+psycopg://kefu@db/te"am\\x',
    "sqlite:///C:/数据/usage.sqlite3",
    "@odd",
    " spaced ",
])
def test_ini_quoting_round_trips(value):
    assert dburl.ini_value(dburl.ini_quote(value)) == value


def test_the_settings_file_loses_only_the_password(tmp_path):
    import os
    import stat

    path = tmp_path / "settings.ini"
    text = ("[General]\r\nagent=小王\r\ndb_url=postgresql+psycopg://kefu:s3cret@db/team\r\n\r\n"
            "[placeholders]\r\ndb_url=not this one\r\nshop=小狐狸服饰\r\n")
    path.write_bytes(text.encode("utf-8"))
    os.chmod(path, 0o644)
    assert dburl.strip_settings_password(path) == "postgresql+psycopg://kefu@db/team"
    assert path.read_bytes().decode("utf-8") == text.replace("kefu:s3cret@", "kefu@")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert dburl.strip_settings_password(path) is None  # nothing left to take out
    assert dburl.strip_settings_password(tmp_path / "missing.ini") is None
