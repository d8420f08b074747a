"""The review queue's logic without Qt (kefu_assist.review_queue): what waits, and what 加为例句,
新建话术 and 忽略 do to the library and the store, including when either refuses."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist import review_queue as rq
from kefu_assist.library import load_library
from kefu_assist.library.nodes import ID_RE
from kefu_assist.store import db, learned
from kefu_assist.store.review import unmatched_queue
from kefu_assist.store.writing import write_events

LIB = textwrap.dedent("""\
    version: 1
    # 组长的注释
    scripts:
      - id: invoice.yes
        category: invoice
        title: 能开发票
        examples:
          - 能开发票吗
        replies: ["亲，可以开发票的～"]
      - id: bargain.no
        category: bargain
        title: 不议价
        examples: [能便宜点吗]
        replies: ["亲，已经是最低价了哦～"]
    """)


def _copy(script_id: str, question: str, agent: str) -> dict:
    return {"kind": "copy", "uuid": str(uuid.uuid4()), "ts": "2026-11-29T10:00:00", "agent": agent, "script_id": script_id,
            "category": script_id.split(".")[0], "variant": 0, "rank": 2, "score": 0.3, "question": question,
            "seconds_to_copy": 3.0, "learn": True}


def _unmatched(question: str, agent: str) -> dict:
    return {"kind": "unmatched", "uuid": str(uuid.uuid4()), "ts": "2026-11-29T10:00:00", "agent": agent, "question": question}


@pytest.fixture
def engine(tmp_path):
    engine = db.open_database(f"sqlite:///{tmp_path / 'usage.sqlite3'}")
    yield engine
    engine.dispose()


@pytest.fixture
def lib(tmp_path):
    path = tmp_path / "scripts.yaml"
    path.write_text(LIB, encoding="utf-8")
    return path


def test_the_queue_holds_pending_learned_examples_then_unmatched_questions_most_asked_first(engine):
    write_events(engine, [_copy("invoice.yes", "开个票呗", "小美"), _copy("invoice.yes", "开个票呗！", "小王"),
                          _copy("bargain.no", "少点呗", "小美"), _unmatched("能寄到南极吗", "小美"),
                          _unmatched("有紫色吗", "小美"), _unmatched("有紫色吗？", "小王")])
    items = rq.load_queue(engine)
    assert [(i.kind, i.question, i.count, i.agent_count) for i in items] == [
        ("learned", "开个票呗", 2, 2), ("learned", "少点呗", 1, 1), ("unmatched", "有紫色吗", 2, 2), ("unmatched", "能寄到南极吗", 1, 1),
    ]
    assert items[0].agents == ("小王", "小美") and items[0].script_id == "invoice.yes"


def test_a_learned_example_put_under_another_script_rejects_the_agents_choice(engine, lib):
    write_events(engine, [_copy("bargain.no", "开个票呗", "小美"), _unmatched("开个票呗", "小美")])
    item = next(i for i in rq.load_queue(engine) if i.kind == "learned")
    outcome = rq.add_as_example(lambda: engine, lib, item, "invoice.yes", "组长")
    assert outcome.path == lib and "已加为例句" in outcome.message
    assert load_library(lib).library.get("invoice.yes").examples == ("能开发票吗", "开个票呗")
    statuses = {(g.script_id, g.status) for g in learned.groups(engine, status=None)}
    assert statuses == {("bargain.no", learned.REJECTED), ("invoice.yes", learned.ACCEPTED)}
    assert rq.load_queue(engine) == []  # the unmatched copy of the question is answered too


def test_answering_twice_writes_once(engine, lib):
    write_events(engine, [_unmatched("开个票呗", "小美")])
    (item,) = rq.load_queue(engine)
    rq.add_as_example(lambda: engine, lib, item, "invoice.yes")
    text = lib.read_text(encoding="utf-8")
    again = rq.add_as_example(lambda: engine, lib, item, "invoice.yes")
    assert "已有这条例句" in again.message and lib.read_text(encoding="utf-8") == text


def test_database_down_stops_before_the_library_is_touched(lib):
    write = lib.read_bytes()

    def down():
        raise db.DatabaseError("usage database unreachable: connection refused")

    item = rq.ReviewItem("unmatched", "开个票呗", "开个票呗", 1, (), 1)
    for action in (lambda: rq.add_as_example(down, lib, item, "invoice.yes"),
                   lambda: rq.create_script(down, lib, item, {"id": "invoice.x", "category": "invoice", "title": "票", "replies": ["好"]}),
                   lambda: rq.dismiss(down, item)):
        with pytest.raises(rq.ActionFailed, match="^数据库不可用.*connection refused"):
            action()
    assert lib.read_bytes() == write and not lib.with_name(lib.name + ".bak").exists()


def test_a_store_that_refuses_the_write_after_the_library_took_it_says_so(engine, lib, tmp_path):
    from sqlalchemy import create_engine

    write_events(engine, [_unmatched("开个票呗", "小美")])
    (item,) = rq.load_queue(engine)
    read_only = create_engine(f"sqlite:///file:{tmp_path / 'usage.sqlite3'}?mode=ro&uri=true")
    with pytest.raises(rq.ActionFailed, match="^已写入 scripts.yaml，但没能记入数据库"):
        rq.add_as_example(lambda: read_only, lib, item, "invoice.yes")
    read_only.dispose()
    assert rq.load_queue(engine) == [item]  # still waiting; answering again records it
    assert "已有这条例句" in rq.add_as_example(lambda: engine, lib, item, "invoice.yes").message
    assert rq.load_queue(engine) == []


@pytest.mark.parametrize(("fields", "message"), [
    ({"title": " ", "replies": ["好"]}, "请填写话术标题"),
    ({"title": "发票", "replies": ["  "]}, "请填写回复内容"),
    ({"title": "发票", "replies": []}, "请填写回复内容"),
])
def test_a_new_script_needs_a_title_and_a_reply(engine, lib, fields, message):
    item = rq.ReviewItem("unmatched", "开个票呗", "开个票呗", 1, (), 1)
    with pytest.raises(rq.ActionFailed, match=message):
        rq.create_script(lambda: engine, lib, item, {"id": "invoice.x", "category": "invoice", **fields})
    assert lib.read_text(encoding="utf-8") == LIB


def test_a_new_script_holds_the_question_and_a_refused_file_changes_nothing(engine, lib, tmp_path):
    write_events(engine, [_unmatched("开个票呗", "小美")])
    (item,) = rq.load_queue(engine)
    library = load_library(lib).library
    fields = {"id": rq.new_script_id(library, "invoice", "开  发票"), "category": "invoice", "title": "开  发票", "replies": ["好的"]}
    outcome = rq.create_script(lambda: engine, lib, item, fields)
    script = load_library(lib).library.get(fields["id"])
    assert (script.title, script.examples, script.replies) == ("开 发票", ("开个票呗",), ("好的",))
    assert outcome.script_id == fields["id"] == "invoice.kfp"
    assert "# 组长的注释" in lib.read_text(encoding="utf-8")
    flow = tmp_path / "flow.yaml"
    flow.write_text('scripts: [{id: a.b, category: invoice, title: t, replies: ["r"]}]\n', encoding="utf-8")
    write_events(engine, [_unmatched("有纸质发票吗", "小美")])
    (item,) = rq.load_queue(engine)
    with pytest.raises(rq.ActionFailed, match="^未写入话术库：.*flow.yaml"):
        rq.create_script(lambda: engine, flow, item, {"id": "invoice.paper", "category": "invoice", "title": "纸质", "replies": ["有"]})
    assert rq.load_queue(engine) == [item]


def test_dismissed_questions_and_rejected_examples_stay_away(engine):
    write_events(engine, [_copy("invoice.yes", "开个票呗", "小美"), _unmatched("能寄到南极吗", "小美")])
    for item in rq.load_queue(engine):
        rq.dismiss(lambda: engine, item)
    write_events(engine, [_copy("invoice.yes", "开个票呗", "小王"), _unmatched("能寄到南极吗？", "小王")])
    assert rq.load_queue(engine) == []
    assert unmatched_queue(engine) == []


TITLES = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)


@settings(max_examples=200, deadline=None)
@given(titles=st.lists(TITLES, min_size=1, max_size=6), category=st.sampled_from(["invoice", "small_talk", "shop-own.1"]))
def test_new_script_ids_are_valid_and_never_taken(titles, category):
    from kefu_assist.library.model import Library, Script

    scripts: list[Script] = []
    for title in titles:
        sid = rq.new_script_id(Library(tuple(scripts)), category, title)
        assert ID_RE.match(sid) and sid.startswith(f"{category}.")
        assert sid not in {s.id for s in scripts}
        assert rq.new_script_id(Library(tuple(scripts)), category, title, [sid]) != sid  # taken elsewhere (a file not reloaded yet)
        scripts.append(Script(sid, category, title or "t", ("r",)))


def test_review_queue_imports_no_qt_and_no_matcher():
    code = ("import sys, kefu_assist.review_queue; "
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'rapidfuzz', 'sqlalchemy'))], sorted(sys.modules)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
