"""Sealed cache files (sealed.py): only what ``seal`` wrote comes back out; everything else,
however close, is None before any pickle or marshal decoding sees it."""
from __future__ import annotations

import pickle
import zlib

from hypothesis import given
from hypothesis import strategies as st

from kefu_assist import sealed


@given(st.binary(max_size=2000))
def test_what_was_sealed_comes_back(payload):
    assert bytes(sealed.unseal(sealed.seal(payload))) == payload


@given(st.binary(max_size=400))
def test_bytes_never_sealed_are_refused(blob):
    assert sealed.unseal(blob) is None or blob.startswith(sealed.MAGIC)


@given(st.binary(min_size=1, max_size=400), st.data())
def test_any_damage_or_truncation_is_refused(payload, data):
    blob = sealed.seal(payload)
    at = data.draw(st.integers(0, len(blob) - 1))
    flipped = blob[:at] + bytes([blob[at] ^ data.draw(st.integers(1, 255))]) + blob[at + 1 :]
    assert sealed.unseal(flipped) is None
    assert sealed.unseal(blob[: data.draw(st.integers(0, len(blob) - 1))]) is None
    assert sealed.unseal(blob + b"\x00") is None


@given(st.binary(max_size=3000), st.data())
def test_a_streamed_file_reads_back_and_any_damage_is_refused(payload, data):
    import io
    import tempfile
    from pathlib import Path

    out = io.BytesIO()
    sealed.write(out, lambda w: w.write(payload))
    assert out.getvalue() == sealed.seal(payload)  # one format, streamed or in memory
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f"
        path.write_bytes(out.getvalue())
        fh = sealed.open_checked(path)
        assert fh is not None
        with fh:
            assert fh.read(len(payload)) == payload
        blob = out.getvalue()
        at = data.draw(st.integers(0, len(blob) - 1))
        path.write_bytes(blob[:at] + bytes([blob[at] ^ data.draw(st.integers(1, 255))]) + blob[at + 1 :])
        assert sealed.open_checked(path) is None
        path.write_bytes(blob[: data.draw(st.integers(0, len(blob) - 1))])
        assert sealed.open_checked(path) is None


def test_an_unsealed_pickle_of_the_old_format_is_refused():
    old = pickle.dumps({"__key__": "k", "x": 1})
    assert sealed.unseal(old) is None and sealed.unseal(zlib.compress(old)) is None


# a 20-byte damaged pickle that makes the unpickler try to allocate a huge bytearray (MemoryError);
# random damage also left a bytearray with an exported buffer behind, reported later in a Qt callback
HOSTILE = b"\x96\xf4\x08a\xa20j\x8e!2\xb8\xd4]\x0c:\x96\x073t\xbc"


@given(st.one_of(st.just(HOSTILE), st.binary(max_size=300)))
def test_damaged_cache_files_never_reach_the_unpickler(data):
    import marshal
    import tempfile
    from pathlib import Path
    from unittest import mock

    from kefu_assist.library import loader
    from kefu_assist.matching import index_cache
    from kefu_assist.matching.tokenize import Segmenter

    refuse = mock.Mock(side_effect=AssertionError("damaged bytes reached the decoder"))
    with tempfile.TemporaryDirectory() as tmp, mock.patch.object(pickle, "loads", refuse), mock.patch.object(pickle, "load", refuse), mock.patch.object(marshal, "loads", refuse):
        folder = Path(tmp)
        (folder / "k.index").write_bytes(data)
        (folder / "k.index.zlib").write_bytes(zlib.compress(data))
        (folder / "k.library").write_bytes(data)
        (folder / "table.bin").write_bytes(data)
        assert index_cache._load_cached(folder, "k") is None
        assert index_cache.read_shipped(folder, "k") is None
        assert loader._cache_read(folder, "k") is None
        assert Segmenter._read_cache(folder / "table.bin") is None
    refuse.assert_not_called()
