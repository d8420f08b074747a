"""More written Cantonese, as Guangdong, Guangxi and Fujian buyers of forty to sixty-five type it, read as the
Mandarin the library uses (canto28, issue 10; matching/cantonese.py). Own wordings, none a line of an
evaluation set.

- replying (唔覆, 覆我), a verb with 极 (问极), 晒 asked with 未 (卖晒未), 住 for now (唔要住) and as 着 (等住);
- thinking it over (谂多阵, 睇多下, 比较下), 唔得 (no go), 算数啦 (forget it), 唔好 (don't) beside 唔好意思;
- shops and prices (铺头, 隔篱, 平过你, 十蚊), days (两日), paying (俾钱), cancelling (cut单), 话 as "to say";
- the copula 系 beside a pronoun (系我, 梗系), Mandarin's 联系 and 关系 kept; 蚊子, 电话, 零食 kept.
"""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kefu_assist.matching.normalize import normalize

from .families import family_misses


def test_cantonese_words_read_as_mandarin():
    assert normalize("點解發咗貨都唔覆我") == "为什么发了货都不回我"
    assert normalize("嗰件衫賣晒未") == "那件衣服卖完了没"
    assert normalize("我唔要住 等我睇多下") == "我先不要 等我再看看"
    assert normalize("隔籬平過你哋五蚊") == "隔壁比你们便宜五块"
    assert normalize("寄去湛江要幾多日") == "寄去湛江要多少天"
    assert normalize("三日到唔到") == "三天到不到"
    assert normalize("我幫阿媽俾錢得唔得") == "我帮阿妈付钱行不行"
    assert normalize("幫我cut單") == "帮我取消订单"
    assert normalize("客服又話今日寄") == "客服又说今天寄"
    assert normalize("唔好再寄嚟") == "不要再寄来"
    assert normalize("唔好意思 打擾") == "不好意思 打扰"
    assert normalize("梗係要正貨") == "当然是要正货"
    assert normalize("幾時先寄得出") == "什么时候才寄得出"
    assert normalize("有冇細碼") == "有没有小码"
    assert normalize("條褲點洗") == "条裤怎么洗"
    assert normalize("尋日寄咗未") == "昨天寄了没"


def test_mandarin_that_shares_the_characters_is_left_alone():
    for text in ["联系我", "没关系你放心", "打电话给我", "驱蚊液", "蚊子多", "零食好吃", "星期日送", "防刮花吗", "说话算数", "仔细看看", "细节图",
                 "有个黑点洗不掉", "一点用都没有", "打电话过来", "放大细节", "再讲讲"]:
        assert normalize(text) == text


# (message, scenario): own wordings, as an older Cantonese-speaking buyer types them
CANTONESE_FAMILY = [
    ("呢對波鞋仲有冇四十碼 定係賣晒未", "stock"),
    ("隔籬舖賣平過你哋廿蚊 算平少少啦", "bargain"),
    ("寄去佛山兩日到唔到", "delivery_time"),
    ("我諗多陣先 遲啲再嚟", "hesitation"),
    ("唔要住喇 幫我cut咗張單", "cancel_order"),
    ("個鑊底有條刮花 新嘢嚟㗎", "defect"),
]


@pytest.mark.parametrize(("message", "category"), CANTONESE_FAMILY)
def test_a_cantonese_question_finds_its_scenario(matcher, message, category):
    assert family_misses(matcher, [message], category) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["系", "我", "联", "关", "唔", "覆", "卖", "晒", "未", "住", "要", "两", "日", "蚊", "子", "十",
                                 "话", "又", "好", "意思", "cut", "单", "平", "过", "你", "哋", "啲", "刮", "花", "防"] + [" ", "？"]),
                max_size=12))
@example(["唔", "覆", "覆"])  # 唔覆 reads 不回, and 不回覆 is converted by t2s: the reading is simplified again
def test_the_reading_is_idempotent(pieces):
    text = normalize("".join(pieces))
    assert normalize(text) == text
