"""Single questions in a trade's own words (session 24): home appliances with installation, gold
and silver jewellery, books, car and outdoor goods. The library knew these questions only in other
goods' words (clothes, cups, parcels), so a fault told as 不制冷 or 封条是破的, a silver piece that
goes black, a bangle's 圈口, a fridge's defrosting, a box and bag given with the order and the
state's 国补 found no confident card, or a wrong one (收到的洗衣机门封条是破的 was care_warranty by
its 洗衣机, 國補能用嗎 quality by 能用吗). Own wordings, goods and words the library's examples do not
name; the development sets' lines are not copied."""
from __future__ import annotations

import pytest

from .families import family_misses

# A fault found in an appliance, a piece of jewellery, a book or a car part, told in its trade's
# words (不出热水, 不制冷, 嗡嗡响, 滴水, 钻掉了, 扣子断了, 刻的字错了, 轻了几克).
TRADE_FAULTS = ["热水器装好以后一直不出热水", "冰箱插电一晚上了还是不冷", "油烟机一开就嗡嗡响 声音特别大", "净水器接口那里一直在滴水",
                "戒指上的碎钻掉了一颗", "项链的扣子收到就是断的", "吊坠背面刻的名字刻错了一个字母", "金条称了一下比标的轻了0.3克",
                "行车记录仪插上电没反应", "帐篷的支撑杆折了一根", "烤箱门的玻璃裂了", "书的装订散了 掉了好几页"]
# Whether the goods are what the label says: the gold's purity, the silver, the energy label, the
# edition of a book, original parts.
GENUINE = ["足金的纯度够不够 会不会掺了别的", "银手链戴久了会氧化变黑吗", "金手镯是实心的还是空心的", "空调是新一级能效的吗 费不费电",
           "这套书是正版吗 会不会是盗版印的", "机油是原厂的吗 别是翻新灌装的", "千足金和足金有什么区别"]
# How big for a room or a household, in an appliance's units: 匹 for the square metres of a room,
# 公斤 of a washing machine, 升 of a water heater, 套 of a dishwasher.
TRADE_SIZES = ["卧室12平用几匹的", "三口之家用几公斤的洗衣机", "书房8平米 小1匹的够吗", "四口人用多大容量的冰箱合适",
               "两个人住 热水器要多少升的", "客厅25平左右 选2匹还是3匹", "一家五口洗碗机选几套的", "20平的房间选多大的空气净化器"]
# Care and upkeep of an appliance, a piece of jewellery, leather or wood, and what installing costs.
TRADE_CARE = ["洗衣机的过滤网多久清理一次", "冰箱第一次用要先空放多久再插电", "银饰发黑了用什么擦能亮", "金手镯平时戴着要怎么保养",
              "空调滤网要多久拆下来洗一次", "真皮座椅脏了怎么清理", "热水器要不要定期排污", "空调安装多出来的铜管怎么收费"]
# A box, bag or small thing given with the goods, asked 送X不 or 送不送X和Y: promotion.gift, not a
# missing part or the care of a camera.
GIFTS_WITH_GOODS = ["买相机送不送相机包和清洁套装", "买空调送不送挂架和遥控器支架", "买金条送证书和礼袋不", "买手表送不送表盒和说明书",
                    "买钢笔送墨囊不", "买轮胎送不送气门芯", "买书送书签吗", "买台灯送灯泡吗"]
# The state's subsidy and trade-ins (国补, 国家补贴, 以旧换新): promotion, not payment or quality.
SUBSIDIES = ["国家补贴能领吗", "国补怎么用", "能参加以旧换新吗", "旧冰箱能抵多少钱", "政府补贴的价格现在还能享受吗",
             "有没有国补 能便宜多少"]

# The care of food and household goods the library's care examples (clothes, cups, shoes) never
# named: wood wiped wet, wine laid down, a baby's bowl boiled clean, crabs steamed, fruit ripened.
HOME_AND_FOOD_CARE = ["实木餐桌能用湿毛巾擦吗", "葡萄酒买回来横着放还是竖着放", "辅食碗要怎么消毒", "真皮沙发平时用什么擦",
                      "螃蟹收到要怎么蒸", "香蕉太青了放几天能吃", "玻璃奶瓶能放锅里煮吗"]
# A gadget that stops, shakes or is not recognised, told as the gadget's trade tells it (不走, 一直抖, 识别不出来:
# a clock that does not go read as a parcel that does not move).
GADGET_FAULTS = ["闹钟换了电池也不走", "云台开机一直抖", "硬盘插上识别不出来", "笔写两下就不出水了", "手表收到就不走", "遥控器按了没反应"]
# A pen that does not write and a book with pages missing (不下水, 写不出字, 不出墨, 少页, 缺了几页): the library's
# faults were of machines (用不了) and of clothes; 缺页 was a keyword no example used, so nothing found it.
PENS_AND_PAGES = ["钢笔不下水", "这本书掉页了", "练习册少页", "圆珠笔写不出字", "新买的水笔不出墨", "字典中间缺了几页"]
# 催单 asked alone: logistics.not_shipped's keyword, but no example used it, so no candidate reached the
# script (催单 found nothing, 可以催单吗 was payment): now a synonym of 催发货.
HURRY_THE_ORDER = ["催单", "可以催单吗", "帮我催单 急用", "麻烦给我催单"]
# Whether food is what it says: pure, unmixed, unsprayed, no empty shells (有没有… read as 有没有券).
FOOD_GENUINE = ["牛肉粒是纯牛肉的吗 会不会掺了猪肉", "蜂蜜是真蜂蜜吗 有没有兑糖浆", "葡萄有没有打膨大剂", "瓜子有没有空壳的",
                "白酒是纯粮酿的吗", "茶叶有没有农残", "开心果有没有没开口的"]


@pytest.mark.parametrize(("messages", "category", "allowed"), [
    # 7 of 12 missed before; 2 still (净水器接口那里一直在滴水: small talk's 这几天一直在降温 is closer; 吊坠背面刻的名字
    # 刻错了一个字母: 名字 is small talk's 你叫什么名字呀, defect.wrong_item third at 0.39)
    (TRADE_FAULTS, "defect", 2),
    (GENUINE, "quality", 1),  # 3 of 7 missed before
    # 3 of 8 before; 2 still (三口之家用几公斤的洗衣机: 公斤 is a buyer's weight; 两个人住 热水器要多少升的: size.spec
    # at 0.50 under small talk's 0.65, 住 is where the agent lives)
    (TRADE_SIZES, "size", 2),
    (TRADE_CARE, "care_warranty", 1),  # 2 of 8
    (GIFTS_WITH_GOODS, "promotion", 1),  # 3 of 8
    (SUBSIDIES, "promotion", 1),  # 4 of 6
    # 6 of 7 missed before; 3 still (真皮沙发平时用什么擦 is quality.material by 真皮 at 0.56 against 0.54,
    # 香蕉太青了放几天能吃 and 玻璃奶瓶能放锅里煮吗 stay under 0.5)
    (HOME_AND_FOOD_CARE, "care_warranty", 3),
    (GADGET_FAULTS, "defect", 0),  # 4 of 6 before
    (PENS_AND_PAGES, "defect", 0),  # 5 of 6 before
    (HURRY_THE_ORDER, "logistics", 0),  # 3 of 4 before
    # 5 of 7 before; 2 still (葡萄有没有打膨大剂 is promotion by 有没有, 开心果有没有没开口的 finds nothing confident)
    (FOOD_GENUINE, "quality", 2),
], ids=["faults", "genuine", "sizes", "care", "gifts", "subsidies", "home_and_food_care", "gadget_faults", "pens_and_pages", "hurry_the_order", "food_genuine"])
def test_a_trades_own_words_find_the_scenario(matcher, messages, category, allowed):
    misses = family_misses(matcher, messages, category)
    assert len(misses) <= allowed, misses


# A message opening on a machine part named with 滚 (滚筒 the drum, 滚轮, 滚刷, 滚珠) read as the
# buyer's 滚 (get lost): the mood's rude cue put a soothing complaint card first for 滚筒…怎么清洗.
# A bare 滚, and 滚 opening an insult, stay upset.
DRUM_PARTS = ["滚筒的内壁怎么清洗", "滚筒转起来有点晃 正常吗", "滚轮能单独买吗", "滚刷多久换一次", "滚珠轴承是什么材质",
              "滚筒和波轮哪个洗得干净"]


@pytest.mark.parametrize("text", DRUM_PARTS)
def test_a_part_named_with_gun_is_no_insult(text):
    from kefu_assist.checker import mood

    assert not mood(text).upset, mood(text)


@pytest.mark.parametrize("text", ["滚", "滚！", "滚吧 不买了", "滚蛋 什么破店"])
def test_gun_said_to_the_shop_stays_upset(text):
    from kefu_assist.checker import mood

    assert mood(text).upset, mood(text)


# Goods of every trade as one word (resources/jieba_dict.txt): jieba's frequent words lacked them, so
# 奶瓶 was 奶 and 瓶 (一瓶多少毫升 is size), 床垫 床 and 垫, 车厘子 车 and 厘 and 子; a goods name the library
# does not know is one word it never saw, not a handful of characters it knows from other questions.
GOODS = ["奶瓶", "床垫", "纸尿裤", "跑步机", "净水器", "油烟机", "耳钉", "吊坠", "行车记录仪", "座套", "牵引绳", "猫砂", "车厘子",
         "牛油果", "乳胶枕", "羽绒被", "绘本", "笔芯", "挂钟", "充电器"]


@pytest.mark.parametrize("word", GOODS)
def test_a_trades_goods_are_one_word(matcher, word):
    from kefu_assist.matching.normalize import normalize

    assert matcher.tokenizer.tokens(normalize(f"收到的{word}有问题"))[1:2] == (word,)
