"""Long spoken messages that tell a story first and put the question to the shop last, without a break
(issue 10, gate26, after trainsets26 a and c were read): older buyers on voice input type no punctuation,
so the clause split saw one clause, the gate read its story as chatter and small talk came first.
The words that put the question to the shop (请问, 想问一下, 你们这个…) cut the story off: the question is
scored and read by the gate on its own (helpers._told_then_asked, helpers._ask_tail). Wordings of our
own, none of them in resources/chatter.txt or an eval set (checked at the end).

- A story, then the question: its card is confident and first.
- The same stories asking nothing, and chatter that opens on 请问 or 老板: no card.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kefu_assist.matching.helpers import _ask_tail, _told_then_asked
from kefu_assist.matching.normalize import normalize

from .families import first_confident


def confident(matcher, message):
    return [s for s in matcher.suggest(message) if s.confident]


def shown(matcher, message):
    return [(s.category, s.script_id, round(s.score, 2), s.confident) for s in matcher.suggest(message)[:3]]


STORY_THEN_QUESTION = [
    ("我外孙在外地上大学过几天放寒假了我想给他寄点吃的过去请问寄到成都大概要几天", "delivery_time"),
    ("我们村里好几个老姐妹都在你们这买过说味道好我也想买两箱想问一下现在下单今天能发货吗", "shipping_time"),
    ("上回我闺女给我买的那个核桃我吃着挺香的这回我自己来买想问下你们这个是今年的新货吗", "quality"),
    ("我那口子牙口不好硬的东西嚼不动想问问你们这个牛肉干是软的还是硬的", "quality"),
]


@pytest.mark.parametrize(("message", "category"), STORY_THEN_QUESTION)
def test_a_story_then_a_question_gets_the_questions_card(matcher, message, category):
    assert first_confident(matcher, message) == category, shown(matcher, message)


STORIES = [
    "我孙女下个月结婚我们全家都要去喝喜酒路上要坐两天车想想就累",
    "我老伴腿脚不好平时都是我出门买菜现在年纪大了拎不动了真是老了",
    "我们单位过节要发福利领导让我来挑我看了半天眼都花了",
    "我家那口子喝茶喝了几十年了嘴刁得很一般的茶他都看不上",
    "请问你们那边今天下雨了没",
    "老板你说现在的孩子怎么都不爱吃饭",
]


@pytest.mark.parametrize("message", STORIES)
def test_the_stories_asking_nothing_get_no_card(matcher, message):
    assert confident(matcher, message) == [], shown(matcher, message)


def test_the_question_is_cut_off_its_story_only_after_a_story():
    text = normalize("我外孙在外地上大学过几天放寒假了我想给他寄点吃的过去请问寄到成都大概要几天")
    assert _ask_tail(text) == "请问寄到成都大概要几天"
    assert _told_then_asked([text]) == ["我外孙在外地上大学过几天放寒假了我想给他寄点吃的过去", "请问寄到成都大概要几天"]
    # the words leading into it come along (问一下你们那个…), a short lead is no story, clauses apart stay apart
    assert _ask_tail("我们家过年人多要用想问一下你们那个腊肠还有货吗") == "想问一下你们那个腊肠还有货吗"
    assert _ask_tail("请问你们这个几天发货") == "请问你们这个几天发货"
    assert _ask_tail("我们家过年要用 请问几天发货") == "我们家过年要用 请问几天发货"


def test_the_wordings_are_in_neither_the_corpus_nor_an_eval_set(shared_eval_dir):
    from kefu_assist.matching.helpers import _shipped_chatter

    def key(text: str) -> str:
        return normalize(text).replace(" ", "")

    ours = {key(m) for m, _ in STORY_THEN_QUESTION} | {key(m) for m in STORIES}
    corpus = {key(line) for line in _shipped_chatter()}
    bench = Path(__file__).resolve().parents[2] / "benchmarks" / "eval"
    files = [*sorted(shared_eval_dir.glob("*.tsv")), *sorted(bench.glob("*.tsv")), *sorted(bench.glob("*/questions.tsv"))]
    evals = {key(line.split("\t", 1)[1]) for path in files if "heldout" not in path.name for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line and not line.startswith("#")}
    assert not ours & corpus and not ours & evals
