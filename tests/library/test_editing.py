"""The 试一试 library: the edited script in place of the saved one, nothing written."""
from __future__ import annotations

from pathlib import Path

from kefu_assist.library import load_library
from kefu_assist.library.editing import script_from_fields, with_script
from kefu_assist.library.writer import script_fields
from kefu_assist.matching.matcher import build_matcher

FIXTURE = Path(__file__).resolve().parents[1] / "ui" / "fixture_library.yaml"


def test_an_example_typed_in_the_editor_changes_what_the_matcher_suggests_before_saving():
    library = load_library(FIXTURE).library
    assert library is not None
    before = FIXTURE.read_bytes()
    question = "你们家的猫咪可爱吗"
    fields = script_fields(library.get("small_talk.personal"))
    fields["examples"] = [*fields["examples"], question, "  你们家的猫咪可爱吗 "]
    edited = with_script(library, script_from_fields(fields), replaces="small_talk.personal")
    assert edited.get("small_talk.personal").examples[-1] == question
    assert edited.get("small_talk.personal").file == library.get("small_talk.personal").file
    assert [s.id for s in edited.scripts] == [s.id for s in library.scripts]
    saved = build_matcher(library).suggest(question, limit=1)
    assert not saved or saved[0].script_id != "small_talk.personal"
    top = build_matcher(edited).suggest(question, limit=1)
    assert top and top[0].script_id == "small_talk.personal"
    assert FIXTURE.read_bytes() == before


def test_add_and_remove():
    library = load_library(FIXTURE).library
    assert library is not None
    new = script_from_fields({"id": "n.x", "category": "small_talk", "title": "新", "replies": ["好"], "code": ""})
    added = with_script(library, new)
    assert added.get("n.x") is not None and new.code is None and len(added.scripts) == len(library.scripts) + 1
    removed = with_script(added, None, replaces="greeting.hello")
    assert removed.get("greeting.hello") is None and len(removed.scripts) == len(library.scripts)
