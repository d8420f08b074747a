"""An upset buyer gets a soothing script first and never a reply that argues first."""
from __future__ import annotations

import pytest

from kefu_assist.library import load_library
from kefu_assist.service import AssistService

LIBRARY = """\
version: 1
scripts:
  - id: quality.general
    category: quality
    title: 质量怎么样
    tone: defend
    examples: [质量怎么样, 质量好不好, 这质量太差了吧, 质量也太差了, 做工怎么这么差]
    keywords: [质量, 做工]
    replies: ["亲，这款用料扎实，做工经过质检的。"]
  - id: quality.material
    category: quality
    title: 什么面料
    examples: [什么面料, 质量和面料怎么样, 是纯棉的吗]
    keywords: [面料]
    replies: ["亲，面料成分在吊牌上。"]
  - id: complaint.angry
    category: complaint
    title: 情绪激动
    examples: [我要投诉你们, 你们是骗子, 黑店]
    keywords: [投诉]
    replies: ["亲，非常抱歉让您生气了，我马上为您处理。"]
  - id: greeting.hello
    category: greeting
    title: 问候
    examples: [在吗, 你好]
    replies: ["亲，在的。"]
"""


@pytest.fixture()
def service(service_with):
    return service_with(LIBRARY)


def ids(views):
    return [v.script.id for v in views]


def test_the_library_reads_tone(service):
    assert service.library.get("quality.general").tone == "defend"
    assert service.library.get("complaint.angry").tone == ""


@pytest.mark.parametrize("message", ["这质量太差了吧，垃圾", "做工怎么这么差？？？", "呵呵，质量也太差了，退款！"])
def test_an_upset_buyer_gets_soothing_first_and_the_defence_last(service, message):
    assert service.mood(message).upset
    views = service.suggest(message, limit=5)
    assert ids(views)[0] == "complaint.angry"
    defending = [i for i, v in enumerate(views) if v.script.tone == "defend"]
    plain = [i for i, v in enumerate(views) if v.script.tone != "defend"]
    assert all(d > p for d in defending for p in plain)


def test_the_soothing_script_is_added_when_matching_did_not_rank_it(service):
    views = service.suggest("做工怎么这么差？？？", limit=2, confident_only=True)
    assert ids(views)[0] == "complaint.angry"
    assert views[0].suggestion.confident and len(views) <= 2


def test_a_calm_buyer_keeps_the_matcher_order(service):
    plain = service._require().matcher.suggest("质量怎么样", limit=5)
    assert ids(service.suggest("质量怎么样", limit=5)) == [s.script_id for s in plain]
    assert ids(service.suggest("质量怎么样"))[0] == "quality.general"


def test_repeated_asking_in_the_history_counts(service):
    assert ids(service.suggest("质量怎么样", history=["质量怎么样"]))[0] == "complaint.angry"


def test_a_library_without_soothing_scripts_only_demotes_the_defence(tmp_path):
    text = LIBRARY.split("  - id: complaint.angry")[0]
    path = tmp_path / "lib.yaml"
    path.write_text(text, encoding="utf-8")
    svc = AssistService()
    assert svc.load(path).ok
    views = svc.suggest("这质量太差了吧，垃圾", limit=5)
    assert views and views[0].script.tone != "defend"


@pytest.mark.parametrize(("value", "needle"), [("argue", "tone 'argue' must be one of"), ("[a]", "tone must be text")])
def test_a_bad_tone_is_a_problem_with_its_line(tmp_path, value, needle):
    path = tmp_path / "lib.yaml"
    path.write_text(LIBRARY.replace("tone: defend", f"tone: {value}"), encoding="utf-8")
    result = load_library(path)
    problem = next(p for p in result.errors if needle in p.message)
    assert problem.line == 6 and problem.script_id == "quality.general"


def test_the_shipped_library_marks_the_arguing_quality_scripts(shipped_library_path):
    lib = load_library(shipped_library_path).library
    assert {s.id for s in lib.scripts if s.tone == "defend"} >= {"quality.general", "quality.authentic"}
    svc = AssistService()
    svc.load(shipped_library_path)
    for message in ["你们这什么破质量 我要投诉 差评", "这衣服质量太差了吧，垃圾", "你们卖假货，骗子"]:
        views = svc.suggest(message, limit=5, confident_only=True)
        assert views[0].script.category == "complaint", message
        assert views[0].script.tone != "defend"


def test_check_reply_uses_the_team_rules_beside_the_library(tmp_path):
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "10-base.yaml").write_text(LIBRARY, encoding="utf-8")
    rules = folder / "compliance_rules.yaml"
    rules.write_text("version: 1\nrules:\n  - id: competitor\n    severity: warn\n    message: 不提竞品\n    words: [拼夕夕]\n", encoding="utf-8")
    svc = AssistService()
    assert svc.load(folder).ok
    # 拼夕夕更便宜 is itself off_platform since check22rb (a disguised platform named as cheaper)
    assert {f.rule for f in svc.check_reply("拼夕夕更便宜，加我微信")} == {"competitor", "off_platform"}
    assert svc.reply_rule_problems == ()
    rules.write_text("version: 1\nrules:\n  - id: competitor\n    severity: fatal\n", encoding="utf-8")
    assert svc.load(folder).ok  # a reload reads the rules again
    assert {f.rule for f in svc.check_reply("拼夕夕更便宜，加我微信")} == {"off_platform"}
    assert any("severity 'fatal'" in p.message and p.line == 4 for p in svc.reply_rule_problems)


@pytest.mark.parametrize("number", ["13812345678", "12345", "1234567890123456", "2023112912315", "0571-12345678"])
def test_a_bare_number_gets_no_confident_reply_through_the_service(shipped_service, number):
    # the path the sidebar and match take: mood first, then the soothing reorder
    assert shipped_service.suggest(number, confident_only=True) == []
