"""More written Cantonese read as Mandarin (canto28): what Guangdong, Guangxi and Fujian buyers of forty
to sixty-five type in Cantonese words, beside dialect.py's grammar words. dialect.py merges these
tables into its own (one regex, longest first, to a fixed point), so the matcher reads them after
t2s, and the mood reading (checker/moodcanto.py) reads the same Mandarin.

Only runs Mandarin never writes, or guarded by identity entries that a longer Mandarin word takes
first (联系 and 关系 before 系你; 蚊子 before 蚊)."""
from __future__ import annotations

_NUMERALS = "0123456789一二两三四五六七八九十几百千"

PHRASES: dict[str, str] = {
    # the copula 系 next to a pronoun or a particle (系我嘅错, 系咁嘅, 梗系): Mandarin's 系 of 联系, 关系,
    # 体系, 维系 is read first and stays
    "系我": "是我", "系你": "是你", "系佢": "是他", "系咁": "是这样", "系噉": "是这样", "系嘅": "是的",
    "系啊": "是啊", "系呀": "是呀", "系啦": "是啦", "系咩": "是什么", "梗系": "当然是", "唔通": "难道",
    "联系": "联系", "关系": "关系", "体系": "体系", "维系": "维系", "派系": "派系", "干系": "干系",
    # replying: 唔覆, 覆我 (Mandarin writes 回复; its 覆 is 覆盖, 颠覆)
    "唔覆": "不回", "冇覆": "没回", "未覆": "没回", "覆我": "回我", "覆下": "回一下", "覆返": "回复",
    "覆你": "回你", "覆人": "回人",
    # a verb with 极 is "however often" (问极都唔覆: asked again and again)
    "问极": "问了很多遍", "讲极": "说了很多遍", "等极": "等了很久", "催极": "催了很多遍",
    # 晒 (all gone) asked about with 未 (卖晒未: sold out yet?) and 住 (for now: 唔要住)
    "卖晒未": "卖完了没", "卖晒": "卖完了", "用晒": "用完了", "食晒": "吃完了", "冇晒货": "没货了",
    # not yet come, waited a whole week for (都未到, 成个星期: 都没到, 整个星期; 未到期, 未到账 stay)
    "都未到": "都没到", "都未收到": "都没收到", "都未发": "都没发", "成个星期": "整个星期",
    "唔要住": "先不要", "唔买住": "先不买", "未决定": "还没决定", "未谂好": "还没想好",
    # thinking it over (谂多阵先, 睇多阵, 比较下先)
    "谂多阵": "再想想", "谂多下": "再想想", "睇多阵": "再看看", "睇多下": "再看看", "谂真": "想清楚",
    "谂清楚": "想清楚", "比较下": "比较一下", "比较下面": "比较下面", "等阵": "等一下", "阵间": "待会",
    "唔得闲": "没空", "唔得": "不行", "算数啦": "算了",
    # shops and prices: 铺头 (a shop), 隔篱 (next door), X平过你 (cheaper than you), 蚊 (yuan, after a number)
    "隔篱铺头": "别家店", "铺头": "店", "隔篱": "隔壁", "平过你哋": "比你们便宜", "平过你们": "比你们便宜",
    "平过你": "比你便宜",
    # paying and cancelling (俾钱, cut单)
    "俾钱": "付钱", "畀钱": "付钱", "俾唔俾到钱": "能不能付钱", "俾唔到钱": "付不了钱",
    "cut单": "取消订单", "cut咗佢": "取消掉", "cut咗": "取消了", "cut埋": "取消",
    # nothing, pressing the wrong key, being tired
    "冇嘢": "没事", "做嘢": "做事", "同我": "跟我", "同你": "跟你", "揿错": "按错", "撳错": "按错", "好攰": "好累", "攰": "累",
    "屋企": "家里", "成个礼拜": "整个星期", "成个月": "整个月",
    # 啲 after a pronoun or 呢/嗰 is "the ... of" / "these" (你哋啲客服, 呢啲)
    "你哋啲": "你们", "我哋啲": "我们", "佢哋啲": "他们", "呢啲": "这些", "嗰啲": "那些", "𠮶啲": "那些",
    # anger said the Cantonese way, read as the Mandarin words the mood cues know
    "呃人": "骗人", "呃钱": "骗钱", "呃鬼": "骗鬼", "呃我": "骗我", "揾笨": "坑人", "搵笨": "坑人",
    "讲大话": "说谎", "激死": "气死", "激嬲": "气死", "黐线": "神经病", "痴线": "神经病", "仆街": "扑街",
    "搞唔掂": "搞不定", "搞掂": "搞定", "冇用": "没用", "好寸": "好嚣张", "咁寸": "这么嚣张", "咁点算": "那怎么办", "咁点呀": "那怎么办呀",
}
# the particles t2s writes in other characters (喎 -> 㖞), a guess (啩) and the words for pretty and wasting
PHRASES.update({"㖞": "", "噃": "", "嚹": "了", "啩": "吧", "靓": "好看", "嘥钱": "浪费钱", "嘥时间": "浪费时间", "嘥": "浪费"})
# 话 as the verb "to say" (又话今日发, 成日话, 佢话; Mandarin's 话 is a noun: 电话, 说话), 唔好 as "don't"
# (唔好再催, beside 唔好意思 and 唔好食, "not good"), eating (食到, 食完; 食品 and 零食 stay), knowing how
PHRASES.update({
    "又话": "又说", "成日话": "总是说", "你话": "你说", "佢话": "他说", "我话": "我说", "朋友话": "朋友说", "明明话": "明明说",
    "电话": "电话", "话费": "话费", "话术": "话术", "话题": "话题", "笑话": "笑话", "说话": "说话", "对话": "对话", "通话": "通话",
    "话咗": "说了", "话过": "说过", "都话": "都说", "话俾我知": "告诉我", "话唔得": "说不行", "话得": "说能",
    "唔好意思": "不好意思", "唔好食": "不好吃", "唔好睇": "不好看", "唔好用": "不好用", "唔好玩": "不好玩", "唔好彩": "倒霉",
    "唔好": "不要", "食到": "吃到", "食完": "吃完", "食落": "吃起来", "食唔": "吃不", "食得": "能吃",
    "唔识字": "不识字", "识唔识": "会不会", "攰死": "累死",
    # 住 after a verb as 着 (赶住用, 等住), 唔该你 as the "please" before a request (唔该晒 stays thanks), knowing, work
    "赶住": "赶着", "等住": "等着", "睇住": "看着", "拎住": "拿着", "唔该你": "麻烦你", "知唔知": "知不知道", "唔知": "不知道",
    "储钱": "存钱", "返工": "上班", "收工": "下班", "放工": "下班", "得闲": "有空",
    # taken for a fool (当我白痴, 当我水鱼: the Mandarin says 把我当…), and the scratch (刮花, 花痕: 划痕; 防刮花 stays)
    "当我白痴": "把我当傻子", "当我傻仔": "把我当傻子", "当我傻佬": "把我当傻子", "当我水鱼": "把我当冤大头",
    "刮花": "划痕", "花痕": "划痕", "防刮花": "防刮花",
    "几多日": "多少天", "几多蚊": "多少钱",
})
# how much, how big, since when (几钱, 几大, 几时先), how to choose, wash or use (点拣, 点洗, 点用), small (细码, 细啲; 仔细 and 细节 stay), 吓 for 下
# after a verb (睇吓, 问吓), yesterday and tomorrow morning (寻日, 听朝), sloppy work (求其), and what is said calmly (辛苦晒, 抵买)
PHRASES.update({
    "几时先": "什么时候才",
    # (几时 before the verb only: the library's synonym group already holds 几时 itself)
    "几时到": "什么时候到", "几时发": "什么时候发", "几时寄": "什么时候寄", "几时有": "什么时候有", "几时退": "什么时候退",
    "几时收": "什么时候收", "几时送": "什么时候送", "几时出": "什么时候出", "几时返": "什么时候回",
    "几钱": "多少钱", "几大": "多大", "几长": "多长", "几高": "多高", "几阔": "多宽", "几耐": "多久",
    "点拣": "怎么选", "拣边个": "选哪个", "帮我拣": "帮我选",
    # 点洗, 点用 (how to wash, how to use); Mandarin's 点 of 有点, 一点, 黄点洗不掉 and 点用户 is read first and stays
    "点洗": "怎么洗", "点用": "怎么用", "有点洗": "有点洗", "一点洗": "一点洗", "点洗不": "点洗不", "点洗掉": "点洗掉",
    "有点用": "有点用", "一点用": "一点用", "点用不": "点用不", "点用户": "点用户", "点用掉": "点用掉",
    # (再讲 as 再说, 迟啲再讲; 再讲讲 stays)
    "再讲": "再说", "再讲讲": "再讲讲",
    "细码": "小码", "细啲": "小点", "偏细": "偏小", "件衫": "件衣服",
    "睇吓": "看一下", "问吓": "问一下", "试吓": "试一下", "谂吓": "想一下", "等吓": "等一下",
    "寻日": "昨天", "听朝": "明天早上", "今个月": "这个月", "埋单": "结账",
    "求其": "敷衍", "求求其其": "随随便便", "搞到我": "害得我", "费事理": "懒得理", "冇谱": "离谱", "好心淡": "很失望",
    "头痕": "头疼", "好憎": "很讨厌",
    "辛苦晒": "辛苦了", "麻烦晒": "谢谢", "冇所谓": "无所谓", "好嘢": "太好了", "好抵买": "很值得买", "好抵": "很划算", "抵买": "值得买",
    "抵唔抵": "划不划算", "冇咁快": "没那么快",
})
# ... and numbers of days and of yuan (两日 -> 两天, 十几蚊 -> 十几块; 蚊子 and 星期日 stay)
PHRASES.update({n + "日": n + "天" for n in _NUMERALS if not n.isdigit() and n not in "百千"})
PHRASES.update({n + "蚊": n + "块" for n in _NUMERALS})
