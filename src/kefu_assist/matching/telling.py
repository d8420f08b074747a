"""What a buyer tells the shop that the gate reads wrongly, in words: a grievance against the shop
(read as chatter), festival wishes, jokes, hearsay from home and errands (read as shopping), and a
buyer closing the chat (好的 拜拜, 嗯嗯好的麻烦你了) or sending a picture's placeholder, and the words of a
question put to nobody in the shop (the agent as a person, the weather, a poll, a hotline as trivia).
Split from asking.py (which reads whom a message is for from them) to keep each module short; the
tests are asking's (asking.address, asking.grieves).
"""
from __future__ import annotations

import re
from collections.abc import Callable

# A grievance against this shop, its agent or the way it does business (你们客服就这服务水平,
# 你们这样做生意迟早关门, 呵呵 真行 等了一周 就这服务, 太气人了 坐月子还要跟你们扯皮, 叫你们主管来):
# the gate reads the sarcasm and the anger in them as chatter (0.5-0.8, the small-talk card first
# at 0.7-0.99), though in a shop's chat window they are the buyer's complaint. Either the shop is
# blamed by name (second person, 客服, 店家) for its service, its manner or its stalling, or the
# service is scorned without a name (就这服务, 就这么做生意的). Praise (你们服务真好) is none.
_GRIEF_RE = re.compile(
    "|".join(
        [
            r"(?:服务|态度|办事|做事|回复|处理)(?:水平|效率|质量)?(?:也|就|都)?(?:太|真|好|也太|这么|那么|真是|实在|简直)?(?:差|烂|恶劣|垃圾|敷衍|冷淡|离谱|感人|堪忧|不行)",
            r"(?:这样|这么|就这么|这种|怎么)做生意|做生意[^ ]{0,6}(?:关门|倒闭|黄了|良心)|迟早(?:关门|倒闭|黄)",
            r"气人|扯皮|推来推去|踢皮球|推卸|糊弄|敷衍|忽悠|耍我|欺负人|太过分|过分了|不讲理|不负责|不像话|什么玩意|什么东西啊",
            r"(?:给|要)(?:个|我|一个)?说法|(?:叫|找|让)(?:你们)?(?:的)?(?:主管|经理|领导|负责人|店长)(?!漂亮|好看|帅|几岁|多大)",
            r"(?:等|拖|耗)了?(?:一|两|三|好几|十几|半个?|[0-9]+)?(?:个)?(?:星期|周|礼拜|天|个月|小时|钟头)[^ ]{0,6}(?:没人|不回|不理|没回|没处理|不处理|还没)",
            r"(?:一个问题|问题|这点事|一点小事)[^ ]{0,3}(?:拖|扯|磨)",
            # asking the shop for something made to feel like begging (退个款跟求人似的, 换个货比登天还难)
            r"(?:跟|像|和)(?:要饭|讨饭|求人|求你|求你们|求爷爷告奶奶|求神拜佛)(?:似的|一样|一般)|求爷爷告奶奶|比登天还难|磨磨唧唧|磨磨蹭蹭|磨叽",
        ]
    )
)
# ... the service scorned without a name (就这服务, 就这么做生意的), or sarcasm (呵呵, 真行) beside
# the buyer left waiting or unanswered (问了好几次都不回 呵呵)
_SCORN_RE = re.compile(r"就这(?:么|样)?(?:服务|态度|做生意|办事|水平|效率|速度|结果)|这(?:服务|态度)(?: |$)")
_SARCASM_RE = re.compile(r"呵呵|真行|好样的|服了|无语|(?:不回|不理|装死|装聋|装傻|装没看见|装看不见|不吭声|不说话)(?:我|人)?是吧")
_IGNORED_RE = re.compile(r"不回|催了|装死|装聋|装没看见|装看不见|不吭声|没人回|没回|没人理|不理|不搭理|拖了|拖这么|等了|几次|好几遍|多少遍|没人管|没人处理")
_PRAISE_RE = re.compile(r"(?:服务|态度)[^ ]{0,4}(?:好|棒|赞|贴心|周到|不错|满意|耐心|热情|专业)(?!差)|点赞|好评|谢谢|感谢")


# ... or its price set against another shop's (隔壁那家才卖128 你们怎么要168, pdd上同款才89 你们凭啥卖139):
# the gate reads the other shop and the figures as chatter (0.67-0.72), small talk first.
_PRICE_CHALLENGE_RE = re.compile(
    r"(?:别家|别人家|人家|隔壁|对面|别的店|其他店|其他家|那家|pdd|拼多多|拼夕夕|京东|淘宝|某宝|天猫|抖音|实体店|专柜|官网|旗舰店|自营)[^ ]{0,12}才(?:卖|要)?[0-9一二三四五六七八九十两百千万]"
    r"[^$]{0,20}(?:你们?|你家|你这)[^ ]{0,6}(?:[0-9一二三四五六七八九两百千]|贵)"
)


# ... or a shipping promise held against the days gone by (不是说48小时发 这都第四天了, 说好当天发 现在都一周了):
# the gate reads the figures as chatter; the buyer is pressing for the parcel (logistics leads: scorns)
_PROMISED_RE = re.compile(r"(?:说好|讲好|不是说|承诺|答应|写着|写的)[^ ]{0,10}(?:发|寄|出库)")
_DAYS_GONE_RE = re.compile(r"(?:这都|都|已经|现在都|今天都|今天已经|到今天)(?:第?[0-9一二三四五六七八九十两几]+天|[0-9一二三四五六七八九十两几半]*(?:个)?(?:星期|礼拜|周|月))")


def grieves(normalized: str, blamed: bool) -> bool:
    """Whether a message is a grievance against this shop, its agent or its way of doing business
    (你们客服就这服务水平, 你们这样做生意迟早关门, 呵呵 真行 等了一周 就这服务), not praise and not
    about someone else's shop or service (别家客服态度好差, 那家餐厅服务员态度好差: address decides
    those before). ``blamed``: the message speaks to the shop or names its service (asking)."""
    if _SCORN_RE.search(normalized) or _PRICE_CHALLENGE_RE.search(normalized) or promise_broken(normalized):
        return True
    if _PRAISE_RE.search(normalized):
        return False
    sarcasm = _SARCASM_RE.search(normalized) is not None
    if _GRIEF_RE.search(normalized):
        return sarcasm or blamed
    return sarcasm and _IGNORED_RE.search(normalized) is not None


def promise_broken(normalized: str) -> bool:
    """Whether a shipping promise is held against the days gone by (不是说48小时发 这都第四天了)."""
    return _PROMISED_RE.search(normalized) is not None and _DAYS_GONE_RE.search(normalized) is not None


def scorns(normalized: str) -> bool:
    """Whether a grievance (grieves) is the buyer's anger at the shop itself, not its price set
    against another shop's (隔壁那家才卖128 你们怎么要168: a bargain) nor a shipping promise held to
    account without sarcasm or scorn (说好当天发 这都第三天了: the parcel pressed for)."""
    if _PRICE_CHALLENGE_RE.search(normalized):
        return False
    return not promise_broken(normalized) or any(r.search(normalized) for r in (_SARCASM_RE, _SCORN_RE, _GRIEF_RE))


# A wish for a festival, a birthday or the shop's trade, asking nothing (新年快乐呀大家, 中秋快乐
# 各位, 祝老板生意兴隆): the gate reads some as shopping (0.46-0.61), and their words meet the
# bargain and complaint examples (快乐呀大家: 0.62 for bargain).
_WISH_RE = re.compile(
    r"(?:新年|春节|过年|元旦|中秋|端午|国庆|圣诞|元宵|七夕|情人节|妇女节|女神节|儿童节|劳动节|五一|十一|节日|假期|周末|生日|新春|冬至|腊八|小年)节?(?:快乐|愉快)"
    r"|过年好|新年好|拜年|恭喜发财|万事如意|生意兴隆|财源广进|阖家幸福|阖家欢乐|心想事成"
)
# A message closed by calling itself a joke (包邮的邮是哪个邮啊 哈哈开玩笑的, 退货能退到月球吗 逗你的):
# what it asked before was not meant. Opening on it (开玩笑的 能便宜点吗) the question after is.
_JOKE_END_RE = re.compile(r"(?:开玩笑|开个玩笑|逗你|逗你们|说着玩|闹着玩)(?:的|呢|哈|啦|呀|哦|而已|嘛)*$")


# What someone at home says or asks the buyer about shop things, or a quarrel with them over it
# (我爸问我花呗是啥, 我婆婆老这么说, 为这个跟我对象吵起来了): the question in it is theirs, put to the
# buyer, not the buyer's to the shop (0.2-0.85 for chatter; 是啥, 是不是 read as asking).
_KIN = r"(?:我[妈爸姐妹哥弟]|妈妈|爸爸|老公|老婆|男朋友|女朋友|对象|孩子|儿子|女儿|闺蜜|朋友|同事|同学|室友|舍友|邻居|婆婆|公公|奶奶|爷爷|外婆|姥姥|姥爷|外公|亲戚|家里人|老人家?|小朋友|舅舅|舅妈|姑姑|姑妈|姨妈|小姨|叔叔|婶婶|大伯|老伴|同桌|表[姐妹哥弟]|堂[姐妹哥弟])"
_HEARSAY_RE = re.compile(_KIN + r"(?:问我|非说|非要说|老说|总说|总是说|一直说|(?:老|总|非|一直)?(?:这么|这样)说)"

                         r"|(?:跟|和)我?" + _KIN + r"?[^ ]{0,2}吵(?:了一架|起来|架|了起来)")

# ... or what they said, asked whether true (我女儿说车厘子就是樱桃 是不是真的啊): the 能 or 可以 in it is theirs
_HEARSAY_TRUE_RE = re.compile(_KIN + r"说.{1,20}(?:是不是真的|真的假的|是真的吗|真的吗|靠谱吗|有道理吗)")


# The buyer off on an errand of the day (等会儿 我去拿个快递, 快递放门卫了 晚上下班去拿): no question to the shop.
_ERRAND_RE = re.compile(r"(?:我|先)去(?:拿|取|收)(?:个|一下|下)?(?:快递|外卖|包裹|件)|(?:晚上|下班|回头|一会儿?|等会儿?|明天|中午)(?:再|就)?去(?:拿|取)(?= |$)")


# A buyer closing the chat: what the shop said acknowledged (嗯嗯, 好的, 收到, 明白了, ok, 没问题了),
# then a goodbye. The gate reads a goodbye as chatter (0.77-0.79 for 嗯嗯 好的 拜拜), and a bare
# goodbye (拜拜, 88, bye bye) stays chatter; after an acknowledgement it is the thank-you card's turn.
_ACK = r"(?:嗯+|嗯呢|哦+|噢+|好+的?|好滴|好嘞|好吧|ok|okay|行+|收到|知道|了解|明白|懂|没问题|可以|那就这样|就这样)(?:了|啦|的|呀|哈|吧)?"
_BYE = r"(?:拜拜|拜|再见|88|886|bye|回头见|下次见|改天见)(?:了|啦|哦|喽|咯|呀)?"
_CLOSING_RE = re.compile(f"(?:(?:{_ACK})+ )+(?:{_BYE} ?)+")
# ... or acknowledges in words and nothing else (哦哦 明白了, 嗯嗯好的: the thank-you card's turn, though
# the gate reads 哦哦 as a filler); a bare sound (嗯嗯, 哦, 噢噢) acknowledges nothing said and stays chatter.
_ACKS_RE = re.compile(f"(?:{_ACK} ?)+")
_SOUND_RE = re.compile(r"[嗯哦噢 ]+|(?:嗯+|哦+|噢+)(?:呢|啦|呀|哈)?")
# ... and so does a bare ok or a string of 好 (ok, okk, 好好好好): every set's writers file them with the sounds
# (好的, ok了, 好嘞 and words of understanding, 知道了 明白了, acknowledge what was said)
_BARE_OK_RE = re.compile(r"ok+|okay|好{3,}")
# ... or acknowledges and thanks (嗯嗯好的麻烦你了, 嗯嗯 辛苦啦): the gate reads 嗯嗯 as chatter (0.75-0.77)
_THANK = r"(?:麻烦(?:你|您)?了|辛苦(?:你|您)?(?:了|啦)|谢谢(?:你|您)?|谢啦|多谢|感谢)(?:啦|哈|呀|哦|亲|了)?"
_ACK_THANKS_RE = re.compile(f"(?:{_ACK} ?)+(?:{_THANK} ?)+")


# A chat client's placeholder for a picture, sticker or voice message sent, its brackets dropped
# ([图片] is a sticker to normalize.py; 图片 alone asks nothing either).
_PLACEHOLDER_RE = re.compile(r"(?:(?:图片|表情|动画表情|语音|语音消息|文件) ?)+")


# A price told of other things, not asked of this shop: one thing said cheaper than another, its subject
# named and not the shop's (榴莲比国内便宜多了, 菜比肉还便宜, 室友点的比我的便宜), one place or time
# preferred to another (还是网上便宜, 还是去年便宜), and a saying (便宜没好货): 便宜 in them asks for no lower
# price (asking.asks). Not 比别家便宜点 (a request), nor 比超市便宜多了 or 这个比你家便宜 (this shop's price).
_CHEAPER_RE = re.compile(r"(?:^| )(?P<subject>[^ ]{1,10}?)比[^ ]{1,8}?(?:还|更|都)?便宜(?!点|些|一点|一些|吗|不|么|呗|吧)"
                         r"|还是(?!你|您|这|咱)[^ ]{1,4}便宜(?= |$)")
_SHOPS_OWN_RE = re.compile(r"这(?!年头|些年|几年)|那|你|您|亲|价|同款|质量|店|家的?$|别家|专柜|官方|旗舰")  # (the subject this shop's item or price)
_CHEAP_SAYING_RE = re.compile(r"便宜没好货|便宜的(?!话)")


def price_told(normalized: str) -> str:
    """The text without the prices it tells of other things (_CHEAPER_RE, _CHEAP_SAYING_RE): what may still ask."""
    if "便宜" not in normalized:
        return normalized
    text = _CHEAPER_RE.sub(lambda m: m.group(0) if m.group("subject") and _SHOPS_OWN_RE.search(m.group("subject")) else " ", normalized)
    return _CHEAP_SAYING_RE.sub(" ", text)


def compares_prices(normalized: str) -> bool:
    """Whether the message says one thing, not the shop's, is cheaper than another (price_told)."""
    return price_told(normalized) != normalized and _CHEAP_SAYING_RE.search(normalized) is None


def closes(normalized: str) -> bool:
    """Whether a message acknowledges and says goodbye, or acknowledges in words, nothing else
    (嗯嗯 好的 拜拜, ok了 拜拜, 哦哦 明白了; not a bare 嗯嗯)."""
    text = normalized.strip()
    return (_CLOSING_RE.fullmatch(text) is not None or (_ACKS_RE.fullmatch(text) is not None and _SOUND_RE.fullmatch(text) is None and _BARE_OK_RE.fullmatch(text) is None)
            or _ACK_THANKS_RE.fullmatch(text) is not None)


# Not for the shop, when the message names nothing a shop sends or sells: a question about the agent
# as a person (客服小姐姐多大了, 有男朋友吗), the time or the weather (现在几点了, 明天会不会下雨),
# and a question put to anyone at all (有没有人知道哪里能办签证, 周末有人一起爬山吗).
_NOT_FOR_SHOP_RE = re.compile(
    "|".join(
        [
            r"有[男女]朋友(?:吗|没)|有对象(?:吗|没)|(?:你|您|客服|小姐姐|小哥哥|美女|帅哥)[^ ]{0,3}(?:多大了|几岁|结婚了|单身|属什么|什么星座|哪里人|长什么样"
            r"|怎么称呼|叫什么名字|叫啥名字?|贵姓|是男是女|是男的还是女的|男的女的|是男生还是女生|长得(?:俊|帅|美|好看|漂亮|丑))",  # (客服怎么称呼 met 客服 complaints)
            r"^现在几点了?$|现在是?几点了|(?:会不会|会不|要不要|会)下[雨雪]|下不下[雨雪]|天气(?:怎么样|如何|咋样)|(?:今天|明天|后天)(?:多少度|几度)"
            r"|^[^ ]{0,6}下[雨雪]了?(?:吗|么|不|没|呢)$|^[^ ]{0,6}有[雨雪](?:吗|么|不|没)$",  # (明天下雨吗, 周末有雨没: asked without 会, alone)
            r"有没有人知道|有人知道|谁知道|有没有人一起|有人一起|大家(?:知道|觉得)|有没有人(?:想|觉得|喜欢|爱)|有人(?:想|觉得|喜欢)|^(?:你|你们|您)(?:知道|晓得|听说过?)"
            r"|有人去(?:不|吗|没)|有没有人去|谁去(?:不|吗)?(?= |$)",  # (这周末车展有人去不)
            # the sky and the ground asked after (台风到了没有, 刚才是不是地震了, 你们那下冰雹了吗), and news opened
            # on 知道不 (晓得不 楼上老李家娶媳妇了)
            r"(?:台风|地震|暴雨|冰雹|龙卷风|沙尘暴|寒潮)(?:来了|到了|了|过去了)?(?:吗|么|没有?|不)|是不是(?:台风|地震|下冰雹)"
            r"|^(?:知道|晓得|听说了)(?:不|吗|么|伐|没)(?= (?![^ ]*[你您]))",
        ]
    )
)
# ... what a shop sends or sells, which such a question names when it is the shop's after all
# (下雨天快递会不会晚到, 有人知道这款怎么洗吗)
_SHOP_THING_RE = re.compile(r"快递|顺丰|中通|圆通|韵达|申通|邮政|京东|驿站|物流|发货|发了|送|到货|寄|收到|货|单|包裹|这款|这件|这个|店|退|换|码|价|钱|优惠|便宜|质量|颜色")


# What a consumer hotline or agency is, asked as trivia (12315是啥号码啊 我奶奶问的, 消协是干嘛的),
# not by a buyer about to use it on the shop (12315是干嘛的 我要投诉你们).
_HOTLINE_ASKED_RE = re.compile(r"(?:12315|12345|315晚会|消协|消费者协会|工商局|市场监管局)[^ ]{0,10}(?: [^ ]{0,8})?(?:是啥|是什么|是个啥|干嘛的|干什么的|是做什么|管什么|管啥|是哪个)")
_USING_IT_RE = re.compile(r"你|您|我要|我想|我就|要投诉|去投诉|打12315|告你|举报")


# A poll put to anyone (有没有人觉得顺丰的飞机很酷): the couriers and sales it names are the world's,
# unless it speaks of this shop's item or the buyer's order (有没有人觉得这款偏小, 有人觉得质量不好吗).
_POLL_RE = re.compile(r"有没有人觉得|有人觉得|大家都?觉得")
_POLL_ITEM_RE = re.compile(r"码|偏大|偏小|大了|小了|质量|做工|色差|掉色|起球|好用|耐用|值得|值不值|划算|合适|评价")


# The agent's nature asked, and nothing else (你是机器人吗, 你是真人还是AI, 对面是活人还是程序, 你该不会是
# 机器人吧, 朋友说网店客服都是AI 是真的吗): a question ABOUT the agent, which every independent writer
# files as chatter (issue 10 lists questions about the agent among it). The 转人工 card still ranks for
# it, unconfident, so the agent sees it; a REQUEST for a human (转人工, 我要人工, 找个真人, 别自动回复了,
# 机器人别回了) is _HUMAN_ASKED_RE and stays confident, and so does the robot named in a complaint
# (你们客服是机器人吗 答非所问: what is left beside the question is the buyer's point).
_NATURE_WORDS = r"智能机器人|机器人|机器|人工智能|人工客服|人工|ai|智能客服|自动回复|程序|真人|活人|真的人|chatgpt|gpt|bot|robot"
_NATURE = r"(?:" + _NATURE_WORDS + r")(?:客服)?"
_NATURE_OR_PERSON = r"(?:" + _NATURE_WORDS + r"|人类|人)(?:客服)?"
_AGENT = (r"(?:(?:你们?|您|恁|客服|现在|(?:屏幕)?(?:对面|那边|那头)|你们?用的|(?:在)?回(?:复|我)?(?:消息)?的|[跟和]我(?:聊天?|说话)的|小姐姐|小哥哥){1,2})")
# ... doing the chat (是机器人在跟我聊吗, 是真人回复吗) and the question's end (吗, 吧, 不)
_DOING = r"(?:在)?(?:回(?:复|我|消息)?|[跟和]我(?:聊天?|说话))?(?:的)?"
_ASKED_END = r"(?:吧|吗|嘛|么|呢|不是|不|没|呀|啊|哦|撒|噻|咯|哈)?"  # (Sichuan 撒, 噻)
_AGENT_NATURE_RE = re.compile(
    "|".join(
        [
            # 机器人还是真人, 真人客服还是机器人客服, 对面是机器还是人, 是人是机器, 现在是人工还是机器人
            _AGENT + r"?(?:到底|究竟)?(?:是)?" + _NATURE_OR_PERSON + r"(?:还是|是)" + _NATURE_OR_PERSON + _DOING + _ASKED_END,
            # 你是机器人吗, 你是不是AI, 你该不会是机器人吧, 客服是真人吧, 是真人回复吗, 是机器人在跟我聊吗
            _AGENT + r"?(?:的)?(?:到底|究竟|难道|该不会|不会|其实|真的|应该)?(?:是不是|是|不是)(?:个|一个)?(?:真的)?" + _NATURE + _DOING + _ASKED_END,
            # 你是人吗, 你是不是真的人 (a person asked of the agent named)
            _AGENT + r"(?:到底|究竟)?(?:是不是|是)(?:个|一个)?(?:真的)?(?:人类|人)" + _ASKED_END,
            # 机器在回我吗, 机器人客服吗
            _NATURE + r"(?:在)?(?:回(?:复|我|消息)?|[跟和]我(?:聊天?|说话))(?:的)?" + _ASKED_END + "|" + _NATURE + _ASKED_END + "$",
            # agents at large (网店客服都是机器人, 淘宝上的客服都是AI): said by someone, asked whether true
            r"(?:淘宝|天猫|京东|网店|网上|现在)?(?:上)?(?:的)?客服(?:都|全|基本|大多|大部分|一般)(?:都)?(?:是)?" + _NATURE,
        ]
    )
)
# ... what may stand beside it and adds nothing (好奇问一下, 哈哈, 说实话, 在吗, 朋友说 … 是真的吗)
_AGENT_FILLER_RE = re.compile(
    r"哈+|呵呵|嘿嘿|嘻嘻|好奇(?:问)?(?:一下|下)?|(?:我)?(?:就|只是)?(?:随便)?问(?:一下|下|问)?|请问|(?:我)?想知道|说实话|老实说|说真的|真的假的|是真的吗|是不是真的|真的吗"
    r"|亲|你好|您好|在吗|在不在|hello|hi|lol|haha|hh+|喂+|嘿|一下|客服|小姐姐|小哥哥|到底|我猜|[^ ]{0,6}(?<!你)说|[啊呀呢吗哦嘛吧撒噻咯哟哇]"
)
# A request for a human: asked to be put through, told not to answer by machine, one asked for.
_HUMAN_ASKED_RE = re.compile(
    r"(?<!是)人工(?!智能|还是)|转|(?:我|我们)?(?:要|想|需要)(?:个|一个)?(?:真人|活人|人)|[找叫换让请喊](?:个|一个)?(?:真人|活人|人)|[跟和与](?:真人|活人)"
    r"|(?:别|不要|不想)[^ ]{0,3}(?:机器人|机器|自动回复|ai)|(?:机器人|机器|自动回复|ai)[^ ]{0,2}(?:别|不要|闭嘴)|别(?:自动)?回|有(?:没有)?(?:真人|活人)|(?:真人|活人)[^ ]{0,2}在"
)


def about_agent(normalized: str) -> bool:
    """Whether a message asks what the agent is (a robot, an AI, a real person) and nothing else,
    not asking for a human (你是机器人吗, 对面是活人还是AI啊; not 转人工, 你是机器人吗 我要人工,
    你们客服是机器人吗 答非所问)."""
    text = normalized.replace(" ", "")  # (你是 AI 吗)
    if not _AGENT_NATURE_RE.search(text) or _HUMAN_ASKED_RE.search(text):
        return False
    return not _AGENT_FILLER_RE.sub("", _AGENT_NATURE_RE.sub("", text))


# Talk about words themselves: a shop word's count of characters, its spelling, reading, dialect or
# pun (优惠券这三个字我孙子写成了优惠卷, 差评两个字我们这儿方言念起来特别好笑, 券字到底念quan还是juan),
# not a text the buyer wants engraved, printed or written on the goods or a card (刻四个字 写成繁体).
_WORD_TALK_RE = re.compile(
    r"(?:[两三四五几]个字|这?[俩两]字|这个词|这个字)[^ ]{0,8}(?:写成|写错|念成|读成|说成|拼成|打成|念起来|读起来|念着|读着|方言|口音|谐音|发音|读音|笔画|错别字)"
    r"|(?<![刻印绣])[\u4e00-\u9fff]字(?:到底|应该|究竟)?(?:怎么|咋)?(?:念|读)(?:什么|啥|[a-z]+还是[a-z]+|第几声|几声)"
    r"|(?<![刻印绣名])[\u4e00-\u9fff]字是(?:哪个|哪一个|什么)(?:字|[\u4e00-\u9fff])?(?: |$)"  # (包邮的邮字是哪个邮)
    # ... or its word in another language (发票的英文是什么, 包邮的英语叫啥)
    r"|的(?:英文|英语|日语|韩语|日文|韩文)(?:单词|说法)?(?:是什么|是啥|叫什么|叫啥|怎么说|怎么讲|怎么写)"
)
# ... an inscription, or the goods' own name (品牌的英文名叫什么 asks about the goods)
_INSCRIBED_RE = re.compile(r"刻|印|绣|镌|烫金|激光|定制|卡片|贺卡|备注|签名|留言|字体|字样|内容|品牌|牌子|商标|型号|店名|这款|这个")


def talks_of_words(normalized: str) -> bool:
    """Whether a message talks of a word as a word (its characters, spelling, reading or dialect),
    not of an inscription on the goods."""
    return _WORD_TALK_RE.search(normalized) is not None and _INSCRIBED_RE.search(normalized) is None


# Homework that names nothing of the shop (英语作文 my mother 怎么写开头, 这道数学题答案是多少): not a
# book or a notebook asked about (作文书有货吗, 这本阅读理解适合几年级).
_HOMEWORK_RE = re.compile(
    r"(?:作文|作业|论文|课文|试卷|卷子|这道题|数学题|阅读理解|完形填空|演讲稿|读后感|周记|日记).{0,20}"
    r"(?:怎么写|咋写|怎么开头|开头|结尾|怎么做|咋做|怎么答|答案|怎么背|中心思想|段落大意|写什么|写啥)"
)
_HOMEWORK_GOODS_RE = re.compile(r"书|本|册|套|版|货|买|拍|发|价|钱|包邮|店|这款|这个|有没有|有吗|库存|年级|适合|你们|推荐"
                                r"|[有带附含配送]答案|答案[页册]|寒假作业|暑假作业|真题|资料|教材|题库|网课|课程|笔|到(?= |$)|到货")  # (寒假作业带答案吗: a workbook sold)


# ... or an exam's date or results asked (四六级成绩什么时候出, 高考分数线几号公布)
_EXAM_ASKED_RE = re.compile(r"(?:四六级|四级|六级|高考|中考|考研|期末|考试|成绩|分数线?|录取)[^ ]{0,6}(?:什么时候|啥时候|几号|哪天|出来了?吗|出了吗|出分|公布|怎么查)")


def homework(normalized: str) -> bool:
    """Whether a message asks about homework or an exam and names nothing of the shop's goods."""
    return (_HOMEWORK_RE.search(normalized) is not None or _EXAM_ASKED_RE.search(normalized) is not None) and _HOMEWORK_GOODS_RE.search(normalized) is None


# The markets: a share price, an index, a fund, a coin or an exchange rate (茅台股价多少了, 今天大盘涨了吗,
# 美元汇率多少): its 价 and 多少 are no price of the shop's. Not a book or a thing of the shop's named
# beside it (炒股入门的书有货吗, 这个存钱罐能放多少硬币).
_MARKET_RE = re.compile(r"股价|股票|炒股|大盘|[aA港美]股|指数|基金|比特币|币价|汇率|涨停|跌停|市值|收盘|开盘价")
_MARKET_SHOP_RE = re.compile(r"书|有货|有吗|包邮|发货|店|你们|你家|这款|这件|下单|拍了|快递|优惠|链接|宝贝")


def markets(normalized: str) -> bool:
    """Whether a message asks about the markets and names nothing of the shop's."""
    return _MARKET_RE.search(normalized) is not None and _MARKET_SHOP_RE.search(normalized) is None


# Nostalgia for the goods or the people of the trade, asking nothing (以前的双缸洗衣机多结实啊 用了二十年,
# 安装师傅抽烟的样子跟我年轻时候一模一样): old things praised or lasting, or someone like the buyer long ago.
_LONG_AGO = r"(?:以前|过去|当年|那时候|那会儿?|小时候|早年|早些年|老早|年轻(?:的)?时候?|(?:小|年轻)的?时候|[七八九][十零]年代)"
_NOSTALGIA_RE = re.compile(
    _LONG_AGO + r"的?[^ ]{0,10}(?:多|真|可|那叫|才|就|都|特别|贼|老|是)?(?:结实|耐用|经用|皮实|扎实|实在|厚实|好用)"
    r"|" + _LONG_AGO + r"[^ ]{0,12}(?:用了|穿了|戴了|开了)[^ ]{0,3}(?:[一二两三四五六七八九十几]+|\d+)[^ ]{0,2}年"
    r"|(?:一模一样|一个样|很像|像极了|特别像|好像我)[^ ]{0,4}" + _LONG_AGO + r"|" + _LONG_AGO + r"[^ ]{0,6}(?:一模一样|一个样|很像|像极了)"
    r"|跟我" + _LONG_AGO + r"[^ ]{0,4}(?:一模一样|一样|很像)"
)
# ... not the goods of then set against the goods of now (以前的包装更结实 现在的一压就扁: the shop's business)
_NOW_RE = re.compile(r"现在|这次|这回|如今|新的|新款|最近|这个|这款|这批")
# ... and who at home is good or bad at a shop chore (退货这事我妈最在行, 退货这种事我最懒得弄 都是我室友帮我)
_CHORE_TOLD_RE = re.compile(
    r"(?:这事儿?|这种事儿?|这件事|这活儿?|这种活)[^ ]{0,6}(?:最在行|最拿手|最擅长|最会|最懂|在行|拿手|擅长|懒得|最烦|最怕|都是[^ ]{1,4}(?:帮|弄|办|干))"
)


# A question the buyer puts to himself, saying so at its end (88VIP值得开不 我自己琢磨, …不用回我): nobody in the shop is asked.
_SELF_ASKED_RE = re.compile(r"(?:我)?自己(?:琢磨|嘀咕|想想|研究研究?|纠结)(?:一下|下|呢|哈)?$|自言自语(?:呢|哈)?$|(?:不用|不必|别)回(?:我)?(?:了|哈|啊)?$")
# ... and the installer or repairman not come, late or stood up (安装师傅人挺好 就是还没来): the shop's business (asking._courier_story)
_NOT_COME_RE = re.compile(r"没来|不来|没上门|迟到|放鸽子|鸽了|爽约|改约|约")


# Meant for someone else, or for nobody in the shop (gate25), whatever shop words it holds:
# - someone at home called by name first (老公你下班顺路带瓶醋, 妈 我到站了, 老婆你瞧瞧这个包 发错了):
#   the message went to the wrong chat; a child (儿子 120 穿多大) is who the buyer shops for, not
#   called, and 亲, 宝贝 and 姐 are what buyers call the agent;
# (after a greeting too: 哈喽妈 …; without a break, the day's plans of 老公 晚上回来…; money passed at home, 爸 钱收到了;
# a friend called 老 and surname, 老刘 钱给你转过去了)
_VOCATIVE_RE = re.compile(r"^(?:(?:哈喽|喂|嗨|hello|hi) ?)?(?:(?:老公|老婆|媳妇儿?|老头子|老伴儿?|老妈|老爸)(?:呀|啊|哎|诶)? |(?:老公|老婆|媳妇儿?|老头子?|老太婆|老伴儿?|老妈|老爸|妈|爸|妈妈|爸爸)(?:呀|啊|哎|诶)?(?:你(?!们)| (?=[^ ]*(?:你(?!们)|我|咱|吃|回来|回家|到家|到哪|下班|睡|饭|钱)))"
                         r"|(?:老公|老婆|媳妇儿?|老伴儿?)(?:今晚|今天晚上|晚上|中午|几点|啥时候|什么时候)(?:回|吃|下班|到家)"
                         r"|老[王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金] (?=[^ ]*(?:钱[^ ]{0,3}(?:转|给|打|还)|转你|还你|吃饭|喝酒|下棋|打牌|钓鱼)))")
# ... or a colleague called by surname and title, telling and asking nothing (张总 合同我发您邮箱了)
_COLLEAGUE_RE = re.compile(r"^[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯龙史陶贺顾毛郝龚邵万钱严武戴莫孔汤]"
                           r"(?:总|经理|主任|科长|处长|局长|主管|总监|董)(?= |你|您)")
# - the buyer's slip, owned (不好意思 发错了, 发错了 不是给你的, 这条不是给你的)
_SLIP_RE = re.compile(r"^(?:不好意思|抱歉|对不起|sorry|哎呀|啊呀|呀)? ?发错了?(?:了|啦)?(?: (?:不好意思|抱歉|sorry))?$|不是(?:要)?给你们?的(?:哈|呀|啊|哦|啦|噢)*(?= |$)"
                      # ... wondered about (我是不是发错群了), or owned after whom it was for (这句是发给我姐的 发错了)
                      r"|是不是(?:发错(?:人|群|窗口|对话框)|打错字|按错|点错)了?(?:吗|啊|呀)?$|(?:这|那)(?:条|句|个)?是(?:发)?给[^ 买拍订]{1,5}的 (?:发错|打错|不好意思|抱歉)")
# ... its own words (刚刚那个发错了 是给我表姐的, 误发 请忽略, 手滑按错了), a parcel someone is asked to fetch
# (帮我去取个快递, 快递替我签收下: no shop fetches one) and a group addressed (群主…, 各位 有谁…)
_SLIP_MORE_RE = re.compile(r"(?<![你们])(?:刚才|刚刚)?(?:那个|那条|那句)?发错了?(?:了)? (?:这|那)?(?:条|句|个)?是(?:发)?给[^ 买拍订]{1,5}的(?= |$)")
# (a key slip told alone, 打错了, 哎哟刚刚按错了, 手机不会弄 点错了: no address, order or item named before it)
_SLIPPED_RE = re.compile(r"(?:(?:误发|请忽略|忽略|不小心按(?:到|错)了?|不小心点(?:到|错)了?|(?:哎呀|哎哟|哎|啊呀|呀|刚才|刚刚|我)*(?:按|点|打)错(?:字|咗)?了?|(?:哎呀|哎哟|啊呀)?(?:手机)?不会(?:用|弄)(?:手机)?|手滑了?|不好意思|抱歉|别理我?|哈) ?)+")
_FETCH_RE = re.compile(r"(?:帮我|帮忙|替我)(?:去)?(?:取|拿|签收|收)(?:一?下|个|一个)?(?:快递|包裹|件)|(?:快递|包裹)(?:帮我|替我)(?:去)?(?:取|拿|签收|签|收)")
_GROUP_RE = re.compile(r"^(?:群主|管理员|@)|^(?:哈喽|hello|hi|嗨)? ?(?:各位|大家|家人们|群里的?(?:朋友们?|各位)?)(?: |好 ?)?[^ ]{0,3} ?(?:有人|有没有人|谁)")
# - another service's staff blamed or complained of (银行客服态度好差, 我要投诉小区物业), this shop not spoken to
_OTHER_SERVICES = r"(?:银行|移动|联通|电信|10086|10010|运营商|航空公司|航司|医院|物业|保险公司|房东|滴滴|外卖|商场|超市|酒店|学校|餐厅|饭店|4s店|营业厅)"
_OTHER_SERVICE_RE = re.compile(_OTHER_SERVICES + r"(?:的)?(?:客服|服务|态度|工作人员|前台|经理|柜员)|投诉(?:我们|我家|小区|那个|这个|他们)?(?:小区)?" + _OTHER_SERVICES)
_THIS_SHOP_RE = re.compile(r"你|您|亲|店家|掌柜|卖家|商家|快递|包裹|订单")
# - a message sent to see that the chat works (测试一下 能收到吗, 试试能不能发出去, test)
_TESTING_RE = re.compile(r"^(?:测试|test|testing|试试|试一下|试下)(?:一下|下|测试)?(?:消息|信息)?(?: ?(?:看)?(?:能不能|能否)?(?:发(?:得)?出去|收到|看到|发送)(?:吗|不|没)?)?(?: ?(?:能|可以)?(?:收到|看到|看得到|收得到)(?:吗|不|没|了吗)?)?$"
                         r"|^(?:试试|试一下|看看)(?:能不能|能否)发(?:得)?出去")
# - the buyer's own work handed over (帮我写个月报呗, 帮忙做个ppt), not a card or a note with the goods
_DELEGATED_RE = re.compile(r"(?:帮我|帮忙|替我|给我)(?:写|做|改|弄|编)(?:一?个|一?份|一?篇|下|一下)?(?:周报|日报|月报|年报|总结|述职|报告|ppt|简历|检讨|情书|请假条|发言稿|演讲稿|方案|论文)")
# - a sweetheart's mood, advice asked (我老公生闷气了 怎么办, 跟对象冷战了 怎么和好), not a gift bought for it
_ROMANCE_RE = re.compile(r"(?:男朋友|女朋友|老公|老婆|对象|媳妇|男友|女友)[^ ]{0,4}(?:生气|生闷气|不理我|闹别扭|冷战|吵架|分手)|(?:怎么|咋)(?:哄|和好|追)|要不要分手")
_ADVICE_RE = re.compile(r"(?:怎么办|咋办|咋整|怎么整|怎么弄|好烦|烦死了|愁死了)(?:啊|呀|呢|哦)*")  # (…生闷气了 怎么办: the advice asked of nobody)
_GIFT_WORDS_RE = re.compile(r"礼物|礼盒|送(?:她|他|什么|啥|个)|买(?:个|点|什么|啥)|这款|这个|链接|下单|拍")
# - the agent's own day asked (你们双十二也加班吗, 客服吃午饭了没, 你累不累), not the shop's hours or holidays
_AGENT_DAY_RE = re.compile(r"(?:你|您|客服|小姐姐|小哥哥)[^ ]{0,6}(?:加班|熬夜|上夜班)(?:吗|么|不|没|呀|啊)|(?:你|您|客服|小姐姐|小哥哥)[^ ]{0,2}吃(?:午|早|晚)?饭?了?(?:吗|没|么)"
                           r"|(?:你|您|客服|小姐姐|小哥哥)[^ ]{0,2}(?:累不累|累吗|困不困|困吗|辛苦吗|心情(?:好吗|怎么样|如何))")
# - the shop's pet admired (你们店里的猫好乖 是店猫吗), not pet goods (猫粮, 狗窝)
_SHOP_PET_RE = re.compile(r"店猫|店狗|(?:你们|你家|店里)(?:家|店里)?(?:的|养的)?(?:猫|狗)(?:咪|狗)?(?![粮砂爬窝抓罐条包绳链衣笼盆碗零食玩具])")
# - a heart likened to a parcel (我的心像被退回的包裹, 快递送到了我心里): a joke, not a parcel
_HEART_RE = re.compile(r"我的心(?:就|也)?(?:像|跟|如同)|(?:送|寄|快递|递)(?:到|进)了?我(?:的)?心(?:里|上|坎)")
# - an outing asked about, crowds or fun (国庆去古镇玩 人多吗, 迪士尼周末挤不挤): not outdoor gear's (露营, 爬山)
_OUTING_RE = re.compile(r"(?:景区|景点|旅游|雪山|看日出|看海|赏花|看花|车展|演唱会|音乐节|古镇|庙会|游乐园|迪士尼|环球影城|动物园|博物馆|海边)"
                        r".{0,14}?(?:人多不|人多吗|人多不多|挤不挤|挤吗|好玩吗|好不好玩|好玩不|值得去吗|值不值得去|堵不堵|堵车吗|门票贵吗)")
# - the shop's name asked about out of curiosity (你们店名啥意思 挺好玩, 店名是谁起的)
_SHOP_NAME_RE = re.compile(r"(?:店名|店铺名字?|店的名字|你们家?的?名字)[^ ]{0,3}(?:什么意思|啥意思|怎么来的|谁起的|有什么寓意|有啥寓意|有什么含义|有啥含义|什么来头|啥来头)")
# - a greeting taken back (在吗 算了, 你好 有人吗 算了不问了) and a greeting to a crowd (大家好, 各位早上好)
_GREETING_WORDS = r"(?:在吗|在不在|在么|在嘛|有人吗|有人没|有人在吗|你好|您好|嗨|哈喽|hello|hi|亲|喂|哎|诶)"
_WITHDRAWN_RE = re.compile(r"(?:" + _GREETING_WORDS + r" ?)+(?:算了|没事了?|不用了|不问了|当我没说)(?: ?(?:算了|没事了?|不用了|不问了|吧|了|哈))*")
_CROWD_RE = re.compile(r"^(?:哈喽|hello|hi|嗨|嘿)? ?(?:大家|各位|家人们|姐妹们|朋友们|群里的?朋友们?)(?:好|早|早上好|中午好|下午好|晚上好|晚安)(?:呀|啊|哈|哦)?$")
# - a joke announced (跟你说个笑话 …), the phone's own screen (字怎么调大, 手机字太小看不清) and the voice input's
#   slip (语音转文字又转错了): none of it the shop's
_OWN_PHONE_RE = re.compile(r"(?:(?:给|跟|和)[你您]们?)?(?:讲|说)个笑话|(?:字|字体)[^ ]{0,3}(?:怎么|咋|如何)?(?:放大|调大|变大|变小|调小)|手机[^ ]{0,3}字[^ ]{0,3}(?:太小|太大|看不清)"
                           r"|语音[^ ]{0,4}(?:转错|识别错|认错|转得不对)")
# - a question declared idle, not about the shop's goods (不是问你们家的货 就是随便聊聊)
_IDLE_RE = re.compile(r"不是(?:在)?问(?:你|您)们?(?:家|店)?的?(?:东西|货|产品|商品|宝贝)|(?:就是|只是|随便)(?:聊聊|闲聊|唠唠)(?:天|而已|哈|啦)?$"
                      r"|(?:跟|和)[^ ]{1,5}打赌")  # ... or a bet at home (跟我妹打赌明天会不会到: its question is theirs)
_ENGRAVED_RE = re.compile(r"刻|印|绣|定制|说明书|包装|标签|logo|图案|商品|详情|页面|屏幕坏|显示屏")  # (刻字能放大吗: the goods' lettering)
# - an article or a post passed on (转发 收纳的八个妙招, 分享一篇文章 秋天养生的几个误区)
_FORWARDED_RE = re.compile(r"^(?:转发|转载|转自|分享(?:一篇|一条|一个|一下)?(?:文章|帖子|推文|链接|视频))(?: |$)|(?:[一二三四五六七八九十几]+|\d+)(?:个|条|种|大)(?:小妙招|妙招|小技巧|冷知识|误区|小常识)")


# - 退 in another sense (退烧, 退休, 退潮, 退步, 退群), naming nothing else of the shop and asking nothing
_OTHER_SENSE_RE = re.compile(r"(?:发烧|发热|高烧|低烧)[^退]{0,10}退|退(?:烧|热|伍|役|潮|步|群|游|学|圈|场|婚|缩|让|堂鼓|化)|减退|消退|衰退|倒退|撤退|进退|早退|击退|辞退|劝退")
_ASKED_RE = re.compile(r"[吗呢嘛么]|什么|怎么|咋|啥|谁|哪|几|多少|是否|能否|([\u4e00-\u9fff])[不没]\1|[不没](?= |$)")
_BUYING_RE = re.compile(r"拍|买|下单|付款|少[个点一两]|包邮|贵")  # (我退休了 钱不多 少个两百我就拍: a bargain)
_SECOND_PERSON_RE = re.compile(r"你|您|亲|客服|店家|老板")
# - an internet meme (包邮区的快乐你们不懂: the buyer's own joy, not a question of postage)
_MEME_RE = re.compile(r"的快乐(?:你们?|别人|外人)?(?:不懂|想象不到|体会不到|无法想象)")


def meant_elsewhere(normalized: str, asks: Callable[[str], bool]) -> bool:
    """Whether a message is meant for someone else or for nobody in the shop, whatever shop words
    it names (老公你下班帮我取个快递, 不好意思 发错了, 测试一下 能收到吗, 帮我写个月报呗, 你们也加班吗,
    店名啥意思, 在吗 算了, 大家好, 转发 收纳的八个妙招, a bare ok, a key slip: 打错了, a joke announced, the phone's
    own text size, a question declared idle); not a gift for a sweetheart asked about, and not
    when a clause beside the work, the sweetheart, the agent's day or the shop's name asks (``asks``:
    asking.asks; 你吃午饭了吗 包邮吗 asks the shop)."""
    text = normalized.strip()
    if _COLLEAGUE_RE.search(text) and not _ASKED_RE.search(text):
        return True
    if _IDLE_RE.search(text):
        return True
    if _OWN_PHONE_RE.search(text) and not _ENGRAVED_RE.search(text) and not _SECOND_PERSON_RE.search(_OWN_PHONE_RE.sub(" ", text)):
        return True
    if _BARE_OK_RE.fullmatch(text) or _VOCATIVE_RE.search(text) or _SLIP_RE.search(text) or _TESTING_RE.fullmatch(text) or _SLIP_MORE_RE.search(text):
        return True
    if (_SLIPPED_RE.fullmatch(text) and _SLIPPED_RE.sub("", text).strip() == "" and re.search(r"误发|忽略|按|点错|打错|手滑", text)) or _FETCH_RE.search(text) or _GROUP_RE.search(text):
        return True
    if _WITHDRAWN_RE.fullmatch(text) is not None or _CROWD_RE.match(text) is not None or _FORWARDED_RE.search(text) is not None:
        return True
    rest = _OTHER_SENSE_RE.sub(" ", text).replace("退", " ")
    if (_OTHER_SENSE_RE.search(text) and not _SHOP_THING_RE.search(rest) and not _BUYING_RE.search(rest) and not _ASKED_RE.search(text)
            and not _SECOND_PERSON_RE.search(text)):
        return True  # 退 in another sense (退烧药吃了两天还没退, 涨潮退潮): no return asked for
    if _OTHER_SERVICE_RE.search(text) and not _THIS_SHOP_RE.search(text):
        return True
    if _OUTING_RE.search(text) and not _SHOP_THING_RE.search(text):
        return True
    if (_MEME_RE.search(text) or _HEART_RE.search(text)) and not _ASKED_RE.search(text):
        return True
    found = [r for r in (_DELEGATED_RE, _SHOP_NAME_RE, _ROMANCE_RE, _AGENT_DAY_RE, _SHOP_PET_RE) if r.search(text)]
    if not found or (_ROMANCE_RE in found and _GIFT_WORDS_RE.search(text)) or ({_AGENT_DAY_RE, _SHOP_PET_RE} & set(found) and _SHOP_THING_RE.search(_SHOP_PET_RE.sub(" ", text))):
        return False
    return not any(asks(c) for c in text.split(" ") if not any(r.search(c) for r in found) and not _ADVICE_RE.fullmatch(c))


# Somewhere else the buyer's day and money go. The buyer's company and its paperwork, which an
# invoice request names too (我要报销, 开到公司, 我们公司报销只认电子发票): they count only told as
# a grumble or a story (_GRUMBLE_RE: 公司报销发票的事好烦, 财务又把我的报销单退回来了) ...
_PAPERWORK_RE = re.compile(r"公司|单位|财务|会计|开会|会上|(?:我们|我|咱)厂|厂里|车间|报销|差旅|部门|上班|加班|出差|工资|年终奖|退税|个税|税务|画大饼|周报|绩效|kpi|述职|团建")
_GRUMBLE_RE = re.compile(r"(?:财务|会计|领导|同事|hr|人事)(?:说|讲|规定|要求)|烦|累|穷|半夜|熬夜|通宵|无语|手软|头秃|心累|崩溃|折腾|头大|头疼|要命|天天|每天|总是|老是|每次|又|终于|被|把")
# ... and bills of daily life, tickets, other services and shops, the news and what someone said
# in a video, which a question to the shop names only beside a word for the shop (新闻说快递要涨价
# 你们还包邮吗).
_LIFE_RE = re.compile(
    "|".join(
        [
            r"房租|房贷|电费|水费|燃气|煤气|物业|话费|网费|暖气|学费|停车费|挂号费|账单|还款日|油价|菜价|房价",
            r"还花呗|花呗[^ ]{0,5}还(?!没|是|能|可以)|还信用卡|信用卡[^ ]{0,5}还(?!没|是|能|可以)",  # paying back the month's credit
            r"机票|高铁|火车票|车票|门票|电影票",
            r"服务员|火锅店|奶茶店|咖啡店|理发店|饭馆|外卖|打车|滴滴|网约车|出租车|超市|商场|菜市场|餐厅|饭店|医院|健身房|理发|电信|联通",
            r"景区|景点|旅游|看雪山|看日出|车展|演唱会|音乐节|追尾|剐蹭|堵车|违章|罚单|驾照|科目[一二三四]|扣分",  # trips, shows, the road (not 露营, 爬山: outdoor gear's)
            r"新闻|抖音|快手|小红书|微博|热搜|朋友圈|b站|听说|据说|网上说|有人说|视频[里上中]? ?说|看了?个视频|刷了?个视频|刷到",
        ]
    )
)
