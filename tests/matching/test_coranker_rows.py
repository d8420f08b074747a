"""The co-ranker's training budget (coranker.MAX_ROWS): a library grown past it, by its team lead
or by the examples agents taught it, thins its own largest classes, never the chatter corpus.
Thinning the chatter as the largest class had made 886, bye bye and 早上好呀 confident again
once the shipped library grew by a few hundred examples."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.matching import coranker

pytest.importorskip("numpy")


def _rows_per_class(samples: list[tuple[str, str, float]], monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many rows of each class train() kept (counted where it turns texts into grams)."""
    kept: dict[str, int] = {}
    label_of = {text: label for text, label, _ in samples}
    real = coranker.grams

    def counting(text: str):
        kept[label_of[text]] = kept.get(label_of[text], 0) + 1
        return real(text)

    monkeypatch.setattr(coranker, "grams", counting)
    coranker.train(samples)
    return kept


def _samples(chatter: int, classes: dict[str, int]) -> list[tuple[str, str, float]]:
    out = [(f"闲聊第{i}句话", coranker.OFFTOPIC, 1.0) for i in range(chatter)]
    for label, n in classes.items():
        out += [(f"{label}问题{i}", label, 1.0) for i in range(n)]
    return out


def test_a_library_past_the_budget_keeps_every_chatter_line(monkeypatch):
    # as a library of two dozen scenarios of some 130 examples each is: chatter the largest class
    classes = {f"scenario{i}": 130 for i in range(24)} | {"stock": 40}
    kept = _rows_per_class(_samples(700, classes), monkeypatch)
    assert kept[coranker.OFFTOPIC] == 700
    assert kept["stock"] == 40  # a small class keeps everything
    assert sum(kept.values()) <= coranker.MAX_ROWS
    assert len({kept[f"scenario{i}"] for i in range(24)}) == 1 and kept["scenario0"] < 130


@settings(max_examples=25, deadline=None)
@given(chatter=st.integers(1, 900), sizes=st.lists(st.integers(1, 400), min_size=1, max_size=30))
def test_chatter_trains_whole_and_the_rest_fits_what_is_left(chatter, sizes):
    labels = {f"c{i}": n for i, n in enumerate(sizes)}
    with pytest.MonkeyPatch.context() as mp:
        kept = _rows_per_class(_samples(chatter, labels), mp)
    assert kept[coranker.OFFTOPIC] == chatter
    room = max(coranker.MAX_ROWS - chatter, len(labels) + 1)
    library_rows = sum(v for k, v in kept.items() if k != coranker.OFFTOPIC)
    assert library_rows <= room
    if sum(sizes) <= room:
        assert all(kept[k] == n for k, n in labels.items())
