"""Learned examples: agents' unsure choices become examples, for the agent at once, for the team
once two agents agree or a team lead accepts; a rejected one never comes back."""
from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from kefu_assist import cli
from kefu_assist.library import load_library
from kefu_assist.service import CopyEvent
from kefu_assist.store import db, learned
from kefu_assist.store.recorder import Recorder, write_events

LIB = """\
version: 1
scripts:
  # 发票
  - id: invoice.yes
    category: invoice
    title: 能开发票
    examples: [能开发票吗, 有发票吗]
    replies: ["亲，可以开发票的～"]
  - id: bargain.no
    category: bargain
    title: 不议价
    examples:
      - 能便宜点吗
    replies: ["亲，已经是最低价了哦～"]
"""


def _copy(script_id: str, question: str, agent: str, *, rank: int | None = 2, confident: bool | None = True, seconds: float | None = 3.0) -> dict:
    event = CopyEvent(script_id, script_id.split(".")[0], 0, rank, 0.3, question, seconds, confident)
    return {
        "kind": "copy", "uuid": str(uuid.uuid4()), "ts": "2026-11-29T10:00:00", "agent": agent, "script_id": script_id,
        "category": event.category, "variant": 0, "rank": rank, "score": 0.3, "question": question,
        "seconds_to_copy": seconds, "learn": event.learn,
    }


@pytest.fixture
def engine(db_url):
    engine = db.open_database(db_url)
    yield engine
    engine.dispose()


@pytest.mark.parametrize(("rank", "confident", "seconds", "question", "learn"), [
    (1, True, 2.0, "能开票吗", False),  # the first confident card: nothing to learn
    (1, False, 2.0, "能开票吗", True),  # nothing was confident, the agent chose anyway
    (2, True, 2.0, "能开票吗", True),  # not the first card
    (5, None, 2.0, "能开票吗", True),
    (None, None, 30.0, "能开票吗", True),  # from 浏览全部 right after the message
    (None, None, 600.0, "能开票吗", False),  # browsing long after: not about that message
    (None, None, None, "", False),  # browsing with no message
    (2, True, 2.0, "   ", False),
])
def test_which_copies_teach(rank, confident, seconds, question, learn):
    assert CopyEvent("a.b", "a", 0, rank, 0.5, question, seconds, confident).learn is learn


def test_one_agent_helps_only_that_agent_two_agents_help_the_team(engine):
    write_events(engine, [_copy("invoice.yes", "能给开个票不", "阿美")])
    assert learned.examples_for(engine, "阿美") == [("invoice.yes", "能给开个票不")]
    assert learned.examples_for(engine, "小王") == []
    write_events(engine, [_copy("invoice.yes", "能给开个票不？", "小王")])  # the same question, other punctuation
    assert learned.examples_for(engine, "小李") == [("invoice.yes", "能给开个票不")]
    (group,) = learned.groups(engine)
    assert (group.count, group.agents) == (2, ("小王", "阿美"))


def test_copies_that_teach_nothing_store_nothing_and_replays_do_not_count_twice(engine):
    first = _copy("invoice.yes", "能开票吗", "阿美", rank=1, confident=True)
    second = _copy("bargain.no", "少点呗", "阿美")
    write_events(engine, [first, second])
    write_events(engine, [first, second])  # a spool replayed after a crash
    (group,) = learned.groups(engine)
    assert (group.script_id, group.count) == ("bargain.no", 1)


def test_personal_data_is_redacted_before_it_becomes_an_example(engine, spool_root, db_url):
    with Recorder(db_url, spool_root=spool_root) as rec:
        rec.record_copy(CopyEvent("invoice.yes", "invoice", 0, 2, 0.3, "开票 手机13812345678 张三收", 2.0, True), "阿美")
        assert rec.flush(10)
    (group,) = learned.groups(engine)
    assert "13812345678" not in group.question and "138" in group.question


def test_a_rejected_example_is_gone_for_good(engine):
    write_events(engine, [_copy("bargain.no", "少点呗", "阿美")])
    (group,) = learned.groups(engine)
    learned.set_status(engine, group.id, learned.REJECTED)
    write_events(engine, [_copy("bargain.no", "少点呗", "小王"), _copy("bargain.no", "少点呗！", "小李")])
    assert learned.groups(engine) == []
    assert learned.examples_for(engine, "小王") == []


def test_an_accepted_example_reaches_everyone(engine):
    write_events(engine, [_copy("bargain.no", "少点呗", "阿美")])
    (group,) = learned.groups(engine)
    learned.set_status(engine, group.id, learned.ACCEPTED)
    assert learned.examples_for(engine, "新来的") == [("bargain.no", "少点呗")]
    assert learned.groups(engine) == []  # no longer pending
    write_events(engine, [_copy("bargain.no", "少点呗", "小王")])
    assert learned.groups(engine, status=learned.ACCEPTED)[0].count == 2


# -- the command line, in-process -------------------------------------------------------------
@pytest.fixture
def library(tmp_path) -> Path:
    path = tmp_path / "lib.yaml"
    path.write_text(LIB, encoding="utf-8")
    return path


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_accept_reject_from_the_command_line(engine, db_url, library, capsys):
    write_events(engine, [_copy("invoice.yes", "发票咋弄", "阿美"), _copy("invoice.yes", "发票咋弄", "小王"), _copy("bargain.no", "少点呗", "阿美")])
    code, out, _ = _cli(capsys, "--db", db_url, "learned", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [(r["question"], r["script_id"], r["count"]) for r in rows] == [("发票咋弄", "invoice.yes", 2), ("少点呗", "bargain.no", 1)]
    before = library.read_text(encoding="utf-8")
    code, out, err = _cli(capsys, "--db", db_url, "--library", str(library), "learned", "accept", str(rows[0]["id"]))
    assert code == 0, err
    after = library.read_text(encoding="utf-8")
    assert after == before.replace("examples: [能开发票吗, 有发票吗]", "examples: [能开发票吗, 有发票吗, 发票咋弄]")
    assert load_library(library).library.get("invoice.yes").examples[-1] == "发票咋弄"
    code, _, _ = _cli(capsys, "--db", db_url, "learned", "reject", str(rows[1]["id"]))
    assert code == 0
    code, out, _ = _cli(capsys, "--db", db_url, "learned")
    assert code == 0 and "没有待处理的学习例句" in out


def test_learn_as_a_team_lead_writes_at_once(db_url, library, capsys, engine):
    code, out, err = _cli(capsys, "--db", db_url, "--library", str(library), "learn", "--script", "bargain.no", "再少五块", "能打个折吗 电话13912345678")
    assert code == 0, err
    examples = load_library(library).library.get("bargain.no").examples
    assert examples[-2:] == ("再少五块", "能打个折吗 电话139****5678")
    assert "      - 能便宜点吗\n      - 再少五块\n" in library.read_text(encoding="utf-8")
    assert ("bargain.no", "再少五块") in learned.examples_for(engine, "谁都行")


@pytest.mark.parametrize(("argv", "message"), [
    (["learned", "accept"], "needs the number"),
    (["learned", "accept", "99"], "no learned example number 99"),
    (["learn", "--script", "nope.nope", "在吗"], "没有 id 为 nope.nope"),
    (["learn", "--script", "bargain.no", "  "], "at least one buyer question"),
])
def test_mistakes_get_one_clear_line(db_url, library, capsys, engine, argv, message):
    code, out, err = _cli(capsys, "--db", db_url, "--library", str(library), *argv)
    assert code != 0 and message in err and "Traceback" not in err
    assert library.read_text(encoding="utf-8") == LIB


def test_lint_warns_about_learned_examples_the_library_contradicts(engine, db_url, library, capsys):
    write_events(engine, [
        _copy("bargain.no", "能开发票吗", "阿美"),  # the library's own example of invoice.yes
        _copy("gone.script", "这个还有吗", "阿美"),  # a script the library no longer has
        _copy("invoice.yes", "发票怎么开", "阿美"),  # fine
    ])
    code, out, _ = _cli(capsys, "--db", db_url, "lint", str(library))
    assert code == 0
    assert "'能开发票吗' was learned for 'bargain.no' (bargain) but is an example of 'invoice.yes' (invoice)" in out
    assert "which the library no longer has; reject it (kefu-assist learned reject" in out
    assert "发票怎么开" not in out
    assert "3 warnings" in out.splitlines()[-1]


def test_lint_creates_no_database(tmp_path, library, capsys):
    url = f"sqlite:///{tmp_path / 'none.sqlite3'}"
    code, out, _ = _cli(capsys, "--db", url, "lint", str(library))
    assert code == 0 and not (tmp_path / "none.sqlite3").exists()
