"""The matcher on what buyers really type, with the shipped library."""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kefu_assist.library import load_library
from kefu_assist.matching import MatcherConfig, build_matcher


def top(matcher, message: str) -> str | None:
    confident = [s for s in matcher.suggest(message) if s.confident]
    return confident[0].category if confident else None


def top3(matcher, message: str) -> list[str]:
    return [s.category for s in matcher.suggest(message) if s.confident][:3]


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("能開發票嗎", "invoice"),  # traditional characters
        ("這款衣服會掉色嗎", "quality"),
        ("能发ＳＦ吗", "courier"),  # full-width letters
        ("可以开发票吗？？？？！！！", "invoice"),  # repeated punctuation
        ("[微笑][微笑]在吗😀", "greeting"),  # stickers and emoji
        ("能包油吗", "shipping_fee"),  # homophone typo
        ("有优惠卷吗", "promotion"),
        ("我160 100斤穿M码还是L码", "size"),  # digits and Latin letters
        ("XXL还是3XL", "size"),  # sizes the library's examples never name
        ("3XL还有吗", "stock"),
        ("xs码有吗", "stock"),
        ("发顺风要加多少钱", "courier"),
        ("什麼時候出貨", "shipping_time"),  # 出货, the word in Taiwan and Hong Kong
        ("这个充电宝安全吗", "quality"),
        ("零食是新鲜的吗 生产日期多久的", "quality"),
        ("鞋底开胶了", "defect"),
        ("有券吗", "promotion"),
    ],
)
def test_messy_input_finds_the_scenario(matcher, message, category):
    assert top(matcher, message) == category


def test_several_questions_in_one_message_surface_each(matcher):
    assert {"bargain", "shipping_fee"} <= set(top3(matcher, "能便宜点吗？包邮吗？"))
    assert {"invoice", "courier"} <= set(top3(matcher, "能开发票吗，可以发顺丰吗"))
    assert {"shipping_time", "delivery_time"} <= set(top3(matcher, "今天能发货吗 到北京几天"))


def test_each_suggestion_names_the_question_it_answers(matcher):
    by_category = {s.category: s.clause for s in matcher.suggest("能便宜点吗？包邮吗？") if s.confident}
    assert by_category["bargain"] == "能便宜点吗" and by_category["shipping_fee"] == "包邮吗"


def test_pleasantries_come_after_the_question(matcher):
    assert top(matcher, "老板你好，能开发票吗") == "invoice"
    assert top(matcher, "好的谢谢，那能发顺丰吗") == "courier"


@pytest.mark.parametrize("message", ["今天天气真好", "哈哈哈", "好无聊啊", "你吃饭了吗", "周末去爬山"])
def test_small_talk_gets_no_confident_suggestion(matcher, message):
    assert top(matcher, message) is None


def test_long_pasted_message(matcher):
    message = (
        "老板你好，我上周三在你们店里买了一件米色的针织开衫，穿了一次觉得挺好看的，"
        "但是今天洗完发现袖口开线了，还有一块洗不掉的污渍，我把照片发给你看看，"
        "这种情况能不能给我换一件新的，还是只能退货退款？运费谁来出？" * 3
    )
    categories = top3(matcher, message)
    assert "defect" in categories


def test_matched_terms_name_the_cue_words(matcher):
    [first, *_] = matcher.suggest("能开发票吗")
    assert "发票" in "".join(first.matched_terms)


def test_scores_are_ordered_and_bounded(matcher):
    suggestions = matcher.suggest("质量怎么样 会不会起球", limit=5)
    assert len(suggestions) == 5
    confident = [s for s in suggestions if s.confident]
    assert suggestions[: len(confident)] == confident
    assert all(0.0 <= s.score <= 1.0 for s in suggestions)


def test_limit_and_empty_input(matcher):
    assert matcher.suggest("", limit=5) == []
    assert matcher.suggest("   \n\t", limit=5) == []
    assert matcher.suggest("包邮吗", limit=0) == []
    assert len(matcher.suggest("包邮吗", limit=1)) == 1


def test_agent_initiated_scripts_are_never_suggested(library, matcher):
    initiated = {s.id for s in library.scripts if s.agent_initiated}
    assert initiated
    for script in library.scripts:
        for reply in script.replies[:1]:
            assert not initiated & {s.script_id for s in matcher.suggest(reply, limit=10)}


def test_each_part_of_the_matcher_is_switchable(library):
    """benchmarks/ablation.py measures each part; every switch must build and answer."""
    for config in (
        MatcherConfig(bigram_weight=0),
        MatcherConfig(synonyms=False),
        MatcherConfig(fuzz_weight=0),
        MatcherConfig(coverage_weight=0, centroid_weight=0),
        MatcherConfig(keyword_bonus=0),
        MatcherConfig(clauses=False),
    ):
        assert build_matcher(library, config=config).suggest("能开发票吗")


def test_index_cache_gives_the_same_answers_and_survives_damage(library, tmp_path):
    fresh = build_matcher(library, cache_dir=tmp_path)
    assert not fresh.from_cache
    cached = build_matcher(library, cache_dir=tmp_path)
    assert cached.from_cache
    for message in ("能便宜点吗？包邮吗？", "能開發票嗎", "今天天气真好"):
        assert fresh.suggest(message) == cached.suggest(message)
    for path in (tmp_path / "index").glob("*.index"):
        path.write_bytes(b"not a pickle")
    rebuilt = build_matcher(library, cache_dir=tmp_path)
    assert not rebuilt.from_cache and rebuilt.suggest("能開發票嗎") == fresh.suggest("能開發票嗎")


def test_a_changed_library_does_not_reuse_the_old_index(tmp_path):
    path = tmp_path / "lib.yaml"
    body = "version: 1\nscripts:\n  - id: a.b\n    category: invoice\n    title: 发票\n    examples: [{ex}]\n    replies: [好的]\n"
    path.write_text(body.format(ex="能开发票吗"), encoding="utf-8")
    first = build_matcher(load_library(path).library, cache_dir=tmp_path)
    path.write_text(body.format(ex="可以开专票吗"), encoding="utf-8")
    second = build_matcher(load_library(path).library, cache_dir=tmp_path)
    assert not second.from_cache
    assert second.suggest("专票")[0].example == "可以开专票吗"
    assert first.suggest("专票")[0].example == "能开发票吗"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_in_no_exception_bounded_time(matcher, text):
    start = time.perf_counter()
    suggestions = matcher.suggest(text, limit=5)
    assert time.perf_counter() - start < 2.0  # against runaway work, not a benchmark
    assert len(suggestions) <= 5
    assert len({s.script_id for s in suggestions}) == len(suggestions)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["能便宜点吗", "包邮吗", "哈哈", "？？？", "😀", "[微笑]", "SF", "3件", "發票"]), max_size=400))
def test_huge_messages_stay_bounded(matcher, parts):
    start = time.perf_counter()
    matcher.suggest("".join(parts) * 5)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize("config", [MatcherConfig(), MatcherConfig(synonyms=False), MatcherConfig(bigram_weight=0)])
def test_indexed_features_are_those_a_message_would_have(library, config):
    """Indexing takes shortcuts (the library normalised in one pass, features worked out per
    piece of a clause); each example must still get exactly the features the same text gets
    when a buyer types it, or a buyer repeating an example would not find it."""
    from kefu_assist.matching.normalize import normalize

    m = build_matcher(library, config=config)
    indexed: list[set[int]] = [set() for _ in range(m.example_count)]
    for fid, posting in enumerate(m._postings):
        for e_idx in posting:
            indexed[e_idx].add(fid)
    assert sum(map(len, indexed)) > 2 * m.example_count  # not vacuous
    for e_idx, example in enumerate(m._ex_original):
        feats, _, canonical = m._raw_features(normalize(example))
        assert {m._feature_ids[f] for f in feats} == indexed[e_idx], example
        assert m._ex_text[e_idx] == canonical.replace(" ", "")
    for example in m._ex_original[:200]:  # and each finds its own script first
        assert m.suggest(example)[0].example == example or m.suggest(example)[0].score >= 0.9


def test_a_bare_number_clause_suggests_nothing_of_its_own(matcher):
    """160 in 160 100斤穿什么码 is a height, not 618 or 满200减."""
    for message in ("160 100斤穿什么码", "一米六 一百斤穿什么码"):
        assert top3(matcher, message) == ["size"] * len(top3(matcher, message))
        assert top(matcher, message) == "size"


def test_heights_and_weights_in_words_find_the_size_scripts(matcher):
    assert top(matcher, "我一米七五 一百四十斤 穿哪个码") == "size"
    assert top(matcher, "一米五八九十斤拍哪个") == "size"


def test_chatting_up_the_agent_is_not_a_greeting(matcher):
    assert top(matcher, "小姐姐有男朋友没") is None


CHIT_CHAT_LIBRARY = """\
version: 1
categories:
  small_talk: 闲聊
scripts:
  - id: small_talk.weather
    category: small_talk
    title: 聊天气
    examples: [今天好冷啊, 外面在下雪, 天气真不错]
    replies: [哈哈，亲有什么想了解的随时问我哦]
  - id: shipping_time.today
    category: shipping_time
    title: 今天能发吗
    examples: [今天能发吗, 今天发货吗]
    replies: [下午4点前付款当天发出哦]
  - id: shipping_fee.free
    category: shipping_fee
    title: 包邮吗
    examples: [包邮吗, 能包邮吗]
    replies: [全国包邮哦]
"""


def test_chit_chat_examples_keep_a_message_from_being_confident(tmp_path):
    path = tmp_path / "lib.yaml"
    path.write_text(CHIT_CHAT_LIBRARY, encoding="utf-8")
    library = load_library(path).library
    matcher = build_matcher(library)
    shown = matcher.suggest("今天好冷啊")
    assert shown[0].category == "small_talk" and not any(s.confident for s in shown)  # shown, never confident
    assert top(matcher, "今天能发吗") == "shipping_time"
    assert top3(matcher, "今天好冷啊，包邮吗") == ["shipping_fee"]  # the earnest clause keeps its answer
    # the same library read as if chit-chat were a scenario like any other
    plain = build_matcher(library, config=MatcherConfig(small_talk_categories=()))
    assert top(plain, "今天好冷啊") == "small_talk"


def test_the_shipped_library_knows_chit_chat(matcher):
    shown = matcher.suggest("这几天好冷啊 手都冻僵了")
    assert shown[0].category == "small_talk" and not any(s.confident for s in shown)
