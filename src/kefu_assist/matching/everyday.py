"""Chatter of the buyer's day that names shop words (session 29, leak29): what the gate reads as
shopping though nobody in the shop is asked anything. asking.address files each as NOT_SHOPPING.

- Groceries priced at the market or this year (今年土豆怎么这么贵 两块八一斤, 早市上的草莓十块钱三斤
  挺便宜): 贵, 便宜 and a price per 斤 are no bargain asked of the shop. Not a price asked of the shop's
  own goods (这个多少钱一斤, 你家橙子几块一斤, 苹果便宜点卖我呗).
- A call or a message meant for a friend met in person (喂 小王 你到哪儿了, 我在地铁口等你呢 快点) or
  called by name about the day's plans (老王 晚上一起吃饭不): not a parcel's way (快递到哪了, 我在家等快递呢).
- The weather told by the month or the clothes people still wear (都十一月了还穿短袖, 大冬天的还有人
  穿拖鞋 服了): not a question about wearing this shop's goods (十二月穿这件冷不冷).
- University coursework (线代题会做吗, 求极限那种, 概率论挂了): not a book sold (高数教材有货吗).
- Food gone off in the buyer's own fridge (冰箱里的酸奶过期了), a parent taught to use the phone
  (教我妈用手机付款 教了三遍还不会) and the parcel's wrapping put to use at home (纸箱留着给猫当窝):
  told of home, no order named and no fault.
"""
from __future__ import annotations

import re

# What the shop is, speaks to or sells, in a message about the day: any of it keeps the message the shop's.
_SHOP_WORDS_RE = re.compile(r"你|您|亲|老板|店|这个|这款|这件|这箱|这盒|这些|链接|宝贝|下单|拍|包邮|发货|快递|到货|收到|订单|运费|优惠|活动")

# -- groceries priced in chatter --------------------------------------------------------------
_GROCERIES = (r"白菜|青菜|菜价|蔬菜|鸡蛋|猪肉|牛肉|羊肉|排骨|五花肉|大米|面粉|食用油|葱|生姜|大蒜|蒜苗|土豆|西红柿|番茄|黄瓜|萝卜|茄子|辣椒|韭菜|菠菜|芹菜|豆腐|香菜|"
              r"豆角|南瓜|冬瓜|洋葱|莲藕|鲫鱼|草鱼|带鱼|活虾|大虾|螃蟹|鸡腿|鸡翅|水果|苹果|香蕉|橘子|橙子|西瓜|葡萄|草莓|车厘子|樱桃|榴莲|芒果|荔枝|桃子|梨")
_GROCERY_RE = re.compile(_GROCERIES)
# ... where: a market, a stall, the street; or when, this season, with the price told per 斤 (not asked)
_MARKET_RE = re.compile(r"菜市场|菜场|市场|超市|早市|夜市|集市|赶集|集上|广场|楼下|门口|小区|路边|街上|摆摊|有卖|卖菜|老家|我们这|我们那")
_SEASON_PRICED_RE = re.compile(r"今年|去年|往年|这两天|最近|今天|昨天|现在|这年头")
# a price told per 斤 (三块五一斤, 两元多一斤)
_PER_JIN = r"[\d一二三四五六七八九十两半几]+(?:\.\d+)?(?:块|元|毛)[\d一二三四五六七八九十两半多]*(?:钱)?[一二三两几\d]?斤"
_PER_JIN_RE = re.compile(_PER_JIN)
_PRICE_TALK_RE = re.compile(r"贵|便宜|涨价|涨了|降价|掉价|" + _PER_JIN)
_PRICE_ASKED_RE = re.compile(r"便宜点|便宜些|少点|能不能|可以|呗|多少钱|几块|多少一斤")


def _groceries_priced(text: str) -> bool:
    where = _MARKET_RE.search(text) is not None or (_SEASON_PRICED_RE.search(text) is not None and _PER_JIN_RE.search(text) is not None)
    return (where and _GROCERY_RE.search(text) is not None and _PRICE_TALK_RE.search(text) is not None
            and _SHOP_WORDS_RE.search(text) is None and _PRICE_ASKED_RE.search(text) is None)


# -- a friend met in person ----------------------------------------------------------------------
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金"
_CALLED_RE = re.compile(r"^(?:(?:喂|哎|诶|嘿|哈喽)+ ?)?(?:小|老|阿)[" + _SURNAMES + r"](?:啊|呀)? ")
_MEETING_RE = re.compile(r"你(?:现在)?到哪(?:儿|里)?了|你(?:现在)?在哪(?:儿|里)?(?:了|呢|啊)?(?= |$)|(?:我|我们|俺|俺们)(?:已经)?(?:在|到)[^ ]{1,6}(?:等你(?!们|回|发|处理|消息)|了 ?你(?:快|下来|出来))"
                         r"|你(?:快)?(?:下来|出来)吧|(?:我|我们|俺|俺们)(?:都)?到了 ?你(?:呢|到哪)")
_PARCEL_RE = re.compile(r"快递|包裹|件|货|单|物流|外卖|骑手|小哥|师傅|司机|车")


# ... or called by name about the day's plans (小李 明天的会改到下午了, 老王 晚上一起吃饭不)
_PLANS_RE = re.compile(r"开会|的会(?!员)|会议|例会|下班|上班|吃饭|聚餐|喝酒|唱歌|打球|出发|明天见|晚上见|回头见|接我|接你|来接|顺路|几点到|几点走|请假")
_SHOP_NAMED_RE = re.compile(r"店|链接|宝贝|下单|拍|包邮|发货|到货|收到|订单|运费|优惠|活动|退|换|码|价|钱|发票|客服|老板|亲")


def _friend_met(text: str) -> bool:
    if _PARCEL_RE.search(text) is not None:
        return False
    if _CALLED_RE.search(text) is not None and _PLANS_RE.search(text) is not None and _SHOP_NAMED_RE.search(text) is None:
        return True
    return _MEETING_RE.search(text) is not None and (_CALLED_RE.search(text) is not None or re.search(r"等你(?!们)|你(?:快)?(?:下来|出来)", text) is not None)


# -- the weather, told by the month or the clothes ------------------------------------------------
_SEASON_RE = re.compile(r"(?:[\d一二三四五六七八九十]+|十[一二])月(?:份)?了?|大?冬天|大?夏天|入冬|入秋|立冬|立秋|三伏天|这天气?|天(?:气)?(?:太|好|真|也太)?(?:热|冷)|气温|降温|升温|[\d一二三四五六七八九十]+度")
_WORN_RE = re.compile(r"(?:还|还在|还得|就)?穿(?:着)?(?:短袖|短裤|半袖|t恤|背心|裙子|凉鞋|拖鞋|羽绒服|棉袄|棉衣|秋裤|毛衣|大衣|外套|棉裤|吊带)")
_WEAR_SHOP_RE = re.compile(r"这(?!天|几天|两天|鬼天)|你|您|亲|码|买|拍|下单|尺|发货|到货|退|换|店|款")
# ... asked of the buyer's own wear (冬天穿这个够不够暖), unless the one wearing it is someone else (他不热吗)
_WEAR_ASKED_RE = re.compile(r"适合|能不能|可以|合适|够不够|保暖|冷不冷|热不热|会不会|吗|么")
_SOMEONE_ELSE_RE = re.compile(r"他|她|有人|人家|别人|路人|那人|小孩|老外")


def _weather_worn(text: str) -> bool:
    return (_SEASON_RE.search(text) is not None and _WORN_RE.search(text) is not None and _WEAR_SHOP_RE.search(text) is None
            and (_WEAR_ASKED_RE.search(text) is None or _SOMEONE_ELSE_RE.search(text) is not None))


# -- coursework -----------------------------------------------------------------------------------
_COURSE_RE = re.compile(r"高数|高等数学|线代|线性代数|概率论|数理统计|大学物理|求极限|极限怎么求|不定积分|偏导|泰勒展开|洛必达|矩阵的秩|行列式|微分方程|复变函数")
_COURSE_GOODS_RE = re.compile(r"书|教材|课本|资料|真题|题库|网课|课程|笔记本|有货|有吗|包邮|发货|买|拍|版|套|本|你们|店|链接")


def _coursework(text: str) -> bool:
    return _COURSE_RE.search(text) is not None and _COURSE_GOODS_RE.search(text) is None


# -- home -----------------------------------------------------------------------------------------
_FRIDGE_RE = re.compile(r"(?:冰箱|柜子|橱柜|家)里(?:的|放的|剩的|那)[^ ]{0,6}(?:过期|坏了|馊了|发霉|长毛|变质)")
_KIN = r"(?:[我俺][妈爸娘爹]|爸妈|老妈|老爸|爷爷|奶奶|外婆|姥姥|姥爷|外公|婆婆|公公|老人家?)"
_TAUGHT_RE = re.compile(_KIN + r"[^ ]{0,3}(?:不会|学不会|老是不会|总不会|总学不会)[^?]{0,14}教(?:了|过)|教" + _KIN + r"[^?]{0,12}(?:教了|还是不会|还不会|学不会)")
_OWN_ORDER_RE = re.compile(r"你|您|亲|买的|收到|到货|寄来|发来|拍的|下单|订单|刚到|退|换")


# ... and the parcel's wrapping put to use at home (纸箱留着给猫当窝, 泡沫膜拿来给孩子捏着玩挺好): no question, no fault
_REUSED_RE = re.compile(r"(?:包装纸|包装盒|包装袋|纸箱|纸盒|盒子|箱子|泡沫|气泡膜|泡泡纸|快递盒|快递箱|快递袋)(?:子)?(?:正好|刚好)?(?:用来|拿来|留着|留下来)(?:给)?[^ ]{0,6}(?:玩|当|做|垫|装|搬家|收纳)")
_REUSE_ASKED_RE = re.compile(r"你|您|亲|吗|么|呢|破|坏|压|瘪|湿|脏|能不能|可以|多少|怎么|咋")


def _home_told(text: str) -> bool:
    if _REUSED_RE.search(text) is not None and _REUSE_ASKED_RE.search(text) is None:
        return True
    return (_FRIDGE_RE.search(text) is not None or _TAUGHT_RE.search(text) is not None) and _OWN_ORDER_RE.search(text) is None


def of_the_day(normalized: str) -> bool:
    """Whether a message is chatter of the buyer's day that names shop words (see the module's
    docstring): groceries priced, a friend met, the weather by the clothes, coursework, home."""
    text = normalized.strip()
    return _groceries_priced(text) or _friend_met(text) or _weather_worn(text) or _coursework(text) or _home_told(text)
