"""The trained models' file format (checker/gzjson.py): gzip of their JSON, the same bytes each time
the same JSON is written, and every damaged file refused with a ValueError naming it."""
from __future__ import annotations

import gzip
import json
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import gzjson, moodmodel, replymodel
from kefu_assist.resources import resource_path, resources_dir

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None)
@given(json_values)
def test_what_is_written_reads_back(tmp_path_factory, value):
    path = tmp_path_factory.mktemp("gz") / "m.json.gz"
    gzjson.write(path, json.dumps(value, ensure_ascii=False))
    assert gzjson.read(path) == value
    assert json.loads(gzip.decompress(path.read_bytes())) == value  # plain gzip: any tool reads it


@settings(max_examples=30, deadline=None)
@given(st.text(), st.floats(min_value=1e9, max_value=4e9))
def test_the_same_json_gives_the_same_bytes_whenever_it_is_written(tmp_path_factory, text, later):
    folder = tmp_path_factory.mktemp("gz")
    gzjson.write(folder / "a.json.gz", json.dumps(text))
    real_time = time.time
    try:
        time.time = lambda: later  # gzip stamps the current time unless told otherwise
        gzjson.write(folder / "other-name.json.gz", json.dumps(text))
    finally:
        time.time = real_time
    assert (folder / "a.json.gz").read_bytes() == (folder / "other-name.json.gz").read_bytes()


def _damaged(tmp_path):
    good = tmp_path / "good.json.gz"
    gzjson.write(good, json.dumps({"weights": {"a": 1.0}, "bias": 0.5}))
    data = good.read_bytes()
    return {
        "empty": b"",
        "plain json": b'{"weights": {}}',
        "cut short": data[: len(data) // 2],
        "cut in the header": data[:5],
        "bad crc": data[:-8] + bytes(8),
        "not json inside": gzip.compress(b"{not json", mtime=0),
        "not utf-8 inside": gzip.compress(b"\xff\xfe{}", mtime=0),
    }


def test_every_damaged_file_is_a_value_error_naming_the_file(tmp_path):
    for name, data in _damaged(tmp_path).items():
        path = tmp_path / f"{name}.json.gz"
        path.write_bytes(data)
        with pytest.raises(ValueError, match="json.gz"):
            gzjson.read(path)


def test_the_shipped_models_are_gzip_only():
    names = {p.name for p in resources_dir().iterdir()}
    for model in (replymodel.MODEL_NAME, moodmodel.MODEL_NAME):
        assert model.endswith(".json.gz") and model in names
        assert model.removesuffix(".gz") not in names, "one canonical format: the .json.gz"
        header = resource_path(model).read_bytes()[:10]
        assert header[:2] == b"\x1f\x8b" and header[4:8] == bytes(4), f"{model}: gzip with no time stamp"


@pytest.mark.parametrize("kind", ["empty", "plain json", "cut short", "cut in the header", "bad crc", "not json inside", "not utf-8 inside"])
def test_a_damaged_shipped_model_leaves_the_rules_and_cues_alone(tmp_path, monkeypatch, caplog, kind):
    """Either model's file damaged in any of these ways: no model (the reply one says so in the
    log), never an exception out of shipped_model()."""
    import logging

    data = _damaged(tmp_path)[kind]
    folder = tmp_path / "resources"
    folder.mkdir()
    (folder / replymodel.MODEL_NAME).write_bytes(data)
    (folder / moodmodel.MODEL_NAME).write_bytes(data)
    monkeypatch.setattr(replymodel, "_resources", lambda: folder)
    monkeypatch.setattr(moodmodel, "_resources", lambda: folder)
    # the loaders themselves, past their cache: the process's cached models stay as they are
    with caplog.at_level(logging.WARNING, logger="kefu_assist.checker.replymodel"):
        assert replymodel.shipped_model.__wrapped__() is None
    assert any("rules check alone" in r.getMessage() for r in caplog.records)
    assert moodmodel.shipped_model.__wrapped__() is None
