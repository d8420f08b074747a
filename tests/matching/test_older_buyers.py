"""Single questions as older buyers type them, or dictate them to voice input (session 25): dialect
and homely words, what voice input hears for a shop word, goods of the household named where the
question is. Own wordings; the development sets' lines are not copied."""
from __future__ import annotations

import pytest

from .families import family_misses

# Length by width asked as a product of two numbers or as 长宽 (几乘几, 多少乘多少): the size chart, not 今天是星期几.
LENGTH_BY_WIDTH = ["床单是几乘几的", "这个地垫多少乘多少", "毛毯长宽多少", "凉席多长多宽", "桌布几乘几的 我家桌子一米二"]
# What voice input hears for 发货 (花货) and 无理由 (无礼由, 无里由): neither is a word.
VOICE_SLIPS = [("啥时候花货啊", "shipping_time"), ("今天能花货不", "shipping_time"), ("拍了能当天花货吗", "shipping_time"),
               ("支持七天无礼由退货吗", "return_exchange"), ("这个能七天无里由退不", "return_exchange"),
               # 包邮 heard as 保油/保游, 有货 as 有活, 到 as 道
               ("保油不 寄到乡下", "shipping_fee"), ("这个能保游吗", "shipping_fee"), ("黑的还有活吗", "stock"), ("大号有活没", "stock"),
               ("寄到县城几天能道", "delivery_time"), ("明天能道吗", "delivery_time")]
# What the shop gives back to buyers who keep coming (回馈): the shop's offers, like 福利.
LOYALTY = ["老客户有啥回馈没", "买了好多回了 有没有回馈", "老顾客有回馈活动吗"]

# Household care as the goods of an older buyer's home need it: a pot seasoned, a non-stick pan scrubbed, a mattress
# turned, a plug's voltage abroad (翻面, 开锅, 钢丝球, 伏).
HOME_CARE = ["新买的炒锅第一次用要不要开锅", "不粘的平底锅能拿钢丝球刷不", "席梦思多久要翻一次面", "棕垫要不要翻过来睡",
             "这个插头是多少伏的 去日本能用不"]
# A colour asked between two shades (黄点还是白点), a photo doctored (修过, p过), 色差 half in pinyin or misheard.
SHADES = ["这个米色是白点还是黄点", "藏蓝是黑点还是蓝点", "照片是不是修过 实物也这么鲜艳吗", "有没有色cha", "这个色插大不大"]
# Thinking it over in the north's words (寻思, 合计合计); a quilt's filling in lumps; poison asked of a coating.
HOMELY = [("俺回去寻思寻思", "hesitation"), ("我寻思寻思再说", "hesitation"), ("棉被里的棉絮结块了 一坨一坨的", "defect"),
          ("锅的涂层有没有毒 天天炒菜用", "quality"), ("奶瓶有没有毒 宝宝天天用", "quality")]

# Whether the shop still sells a thing (还卖不卖, 还在卖吗): stock, not 80卖不卖 (a price put to the shop).
STILL_SOLD = ["老款的还卖不卖", "去年那种花色还在卖吗", "这个枕头还卖不卖了", "以前那种厚的还有卖的吗"]
# Sent out before a festival (端午节前, 小年之前, 元宵前): the festivals are one word, as 过年 and 中秋 in the examples.
FESTIVAL_SHIPPING = ["端午节前能发出来吗", "小年之前能寄走不", "元宵节前能给发货吗", "国庆节前能发出吗 要送人", "腊月二十五之前能发出来不",
                     "中秋节前能发不 给亲戚送的", "春节放假前能寄出来吗", "端午之前能发走不", "重阳节前能发出吗 给老人的",
                     "除夕之前还能发货不", "圣诞节前能寄出去吗"]
# Pesticide asked by its short form (农残).
PESTICIDE = ["大米有没有农残", "橘子农残超标吗", "这个菜干有农残吗"]

FAMILIES = {
    "still_sold": (STILL_SOLD, "stock"),
    "festival_shipping": (FESTIVAL_SHIPPING, "shipping_time"),
    "pesticide": (PESTICIDE, "quality"),
    "home_care": (HOME_CARE, "care_warranty"),
    "shades": (SHADES, "color_difference"),
    "length_by_width": (LENGTH_BY_WIDTH, "size"),
    "loyalty": (LOYALTY, "promotion"),
}
# --- families end


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_older_buyers_words_find_the_scenario(matcher, name):
    messages, category = FAMILIES[name]
    misses = family_misses(matcher, messages, category)
    assert len(misses) <= ALLOWED[name], misses


# misses before -> allowed now, and why the rest still miss
ALLOWED = {
    "still_sold": 0,  # 4 of 4 before (还卖不卖 was 80卖不卖's price put to the shop)
    # 6 of 11 before; 3 still put delivery_time (能到 before a date) first, shipping_time second
    "festival_shipping": 3,
    "pesticide": 0,  # 2 of 3 before
    "home_care": 2,  # 3 of 5 before; 不粘的平底锅能拿钢丝球刷不 (刷 is 能刷信用卡不) and 棕垫要不要翻过来睡 stay under 0.5
    "shades": 0,  # 1 of 5 before (有没有色cha was stock)
    "length_by_width": 0,  # 2 of 5 before (几乘几 was 今天是星期几's 几)
    "loyalty": 1,  # 2 of 3 before; 老客户有啥回馈没 stays bargain (老客户 is the regular's discount asked)
}


@pytest.mark.parametrize(("message", "category"), VOICE_SLIPS + HOMELY)
def test_voice_input_slips_read_as_the_shop_word(matcher, message, category):
    assert family_misses(matcher, [message], category) == []


# The goods of an older buyer's kitchen and bed as one word each (scripts/make_jieba_dict.py): 不粘锅 was 不, 粘 and
# 锅 (不 of every negation), 内胆 内 and 胆, 保温杯 保温 and 杯.
HOUSEHOLD_GOODS = ["不粘锅", "铸铁锅", "内胆", "钢丝球", "枕头套", "保温杯", "平底锅"]


@pytest.mark.parametrize("word", HOUSEHOLD_GOODS)
def test_household_goods_are_one_word(matcher, word):
    from kefu_assist.matching.normalize import normalize

    assert matcher.tokenizer.tokens(normalize(f"收到的{word}有问题"))[1:2] == (word,)


# A quilt named by its cotton or its flowered cover is a quilt: 花被, a slip for 花呗, ate the 花被 of 棉花被 and 花被子, and
# 收到的棉花被有问题 was 棉 and Huabei.
@pytest.mark.parametrize("message", ["收到的棉花被有问题", "这床花被子多大", "碎花被是纯棉的吗"])
def test_a_quilt_is_no_huabei(matcher, message):
    from kefu_assist.matching.normalize import normalize

    tokens = matcher.tokenizer.tokens(normalize(message))
    assert "被子" in tokens and "花呗" not in tokens, tokens


# The slips are read only where the shop word is meant: 有活动吗, 有活人吗 and 能道歉吗 stay as typed.
@pytest.mark.parametrize("text", ["双十二有活动吗", "喂 有活人吗", "你们能道歉吗", "道路不好走"])
def test_a_word_that_holds_a_slip_stays(text):
    from kefu_assist.matching.normalize import normalize

    assert normalize(text).replace(" ", "") == text.replace(" ", "")
