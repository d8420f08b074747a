"""The three tests of a family of mood classes ({kind: messages}), shared by the mood passes:
every upset wording reads upset, the classes that are cues of their own are named without the
trained tone, and every calm twin sharing their words stays calm. Assign them to module names
starting with ``test_`` so pytest collects them."""
from __future__ import annotations

from typing import Callable, Collection, Mapping, Sequence

import pytest

from kefu_assist.checker import mood


def cases(table: Mapping[str, Sequence[str]], kinds: Collection[str] | None = None) -> list[tuple[str, str]]:
    return [(kind, text) for kind, texts in table.items() if kinds is None or kind in kinds for text in texts]


def family_tests(
    upset: Mapping[str, Sequence[str]], cue_alone: Collection[str], calm: Mapping[str, Sequence[str]]
) -> tuple[Callable[..., None], Callable[..., None], Callable[..., None]]:
    @pytest.mark.parametrize(("kind", "text"), cases(upset), ids=[t for _, t in cases(upset)])
    def test_the_upset_classes_read_upset(kind: str, text: str) -> None:
        assert mood(text).upset, (kind, mood(text))

    @pytest.mark.parametrize(("kind", "text"), cases(upset, cue_alone), ids=[t for _, t in cases(upset, cue_alone)])
    def test_the_cues_name_them_without_the_tone(kind: str, text: str) -> None:
        # each such class is a cue of its own: the chip names it (match --json's mood_cues), not only the tone
        read = mood(text, use_model=False)
        assert read.upset and any(c.id != "tone" for c in read.cues), (kind, read)

    @pytest.mark.parametrize(("kind", "text"), cases(calm), ids=[t for _, t in cases(calm)])
    def test_calm_twins_sharing_their_words_stay_calm(kind: str, text: str) -> None:
        assert mood(text).label == "calm", (kind, mood(text))

    return test_the_upset_classes_read_upset, test_the_cues_name_them_without_the_tone, test_calm_twins_sharing_their_words_stay_calm


def read_upset(text: str) -> None:
    """One message reads upset (the plain assertion the mood passes' own tests share)."""
    got = mood(text)
    assert got.label == "upset", got


def read_calm(text: str) -> None:
    got = mood(text)
    assert got.label == "calm", got
