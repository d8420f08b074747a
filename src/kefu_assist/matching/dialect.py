"""Regional Chinese as buyers write it, read as the Mandarin the library's examples use: Cantonese
(Hong Kong and Guangdong) and the southwestern words (Sichuan, Chongqing). Part of normalize.py's
steps (after t2s, before the typo table); its own module for the size limit."""
from __future__ import annotations

import re

from . import cantonese  # canto28: more written Cantonese

# Cantonese as Hong Kong and Guangdong buyers write it (after t2s): its grammar words read as the
# Mandarin ones the library's examples use (呢款仲有冇货 -> 这款还有没有货, 可唔可以平啲 -> 可不可以便宜点).
# Only characters Mandarin does not write, or runs it never writes (系唔系, 几多, 落咗单): 系 of 关系,
# 未 of 未发货, 平 of 平时 and 边 of 旁边 stay. Three writers of the development sets typed it.
# Phrases first (longest first), then the words; nothing a step writes is read again by it.
CANTONESE_PHRASES: dict[str, str] = {
    "唔该晒": "谢谢", "多谢晒": "谢谢", "唔该": "谢谢",
    "系唔系": "是不是", "系咪": "是不是", "系不系": "是不是", "唔系": "不是",
    "有冇得": "能不能", "冇得": "不能", "有冇": "有没有",
    "得唔得": "行不行", "平啲": "便宜点", "平d": "便宜点", "平滴": "便宜点",
    "几多钱": "多少钱", "几多": "多少", "几耐": "多久",
    "边度": "哪里", "边个": "哪个", "边款": "哪款", "边只": "哪个",
    "点样": "怎么", "点算": "怎么办", "点解": "为什么",
    "乜嘢": "什么", "咩嘢": "什么",
    "落咗单": "下了单", "落错单": "下错单", "落单": "下单", "落咗": "下了",
    "嚟㗎": "", "嚟嘅": "的",
    "啱啱": "刚刚", "啱唔啱": "合不合适", "唔啱": "不合适",
    "咗未": "了没", "讲嘢": "说话", "揾返": "找回", "攞返": "拿回",
    "仲有冇": "还有没有", "仲有": "还有", "仲未": "还没", "仲要": "还要", "仲系": "还是", "喺唔喺度": "在不在", "喺唔喺": "在不在", "喺度": "在",
    "谂下先": "先想一下", "谂下": "想一下", "睇下": "看一下",
    "唔使": "不用", "使唔使": "用不用", "今日": "今天", "琴日": "昨天", "听日": "明天",
    "你哋": "你们", "我哋": "我们", "佢哋": "他们",
    "呢个": "这个", "呢款": "这款", "呢只": "这个", "呢件": "这件", "呢度": "这里",
    "嗰个": "那个", "嗰只": "那个", "嗰款": "那款", "嗰度": "那里",
}
CANTONESE_WORDS: dict[str, str] = {
    "唔": "不", "冇": "没", "嘅": "的", "咗": "了", "喺": "在", "啲": "点", "嚟": "来", "睇": "看",
    "佢": "他", "嘢": "东西", "攞": "拿", "揾": "找", "谂": "想", "噉": "这样", "咁": "这么",
    "咩": "什么", "俾": "给", "畀": "给", "嗰": "那", "哋": "们", "啱": "合适",
    "㗎": "", "喇": "了", "嘞": "了", "囉": "", "喎": "", "啫": "", "吖": "",
    "喇叭": "喇叭", "啫喱": "啫喱",  # Mandarin words (a speaker, a gel)
    "好嘞": "好嘞",  # the northern Mandarin "all right" (好嘞 再见 closes a chat; 好了 would not)
}
# ... and the southwestern 莫得 (没有) with its question particle after 了/的 (莫得了嗦: 没有了吗; not 啰嗦)
CANTONESE_WORDS.update({"莫得": "没有", "了嗦": "了吗", "的嗦": "的吗"})
# More of what older buyers type or dictate in Cantonese: the copula 系 only in runs Mandarin never
# writes (真系, 即系: 关系 and 联系 stay), 仲 as 还 (仲会唔会; 仲裁 and 伯仲 stay), and the words for
# now, liking, the fridge, a bottle, inside, a moment ago, not knowing how, eating.
CANTONESE_PHRASES.update({
    "真系": "真是", "即系": "就是", "但系": "但是", "就系": "就是", "都系": "都是", "定系": "还是", "先至": "才",
    "而家": "现在", "钟意": "喜欢", "雪柜": "冰箱", "入面": "里面", "头先": "刚才", "成日": "总是",
    "今朝": "今天", "下昼": "下午", "返嚟": "回来", "返去": "回去", "个窿": "个洞",
    "唔识": "不会", "唔明": "不懂", "唔郁": "不动", "冇晒": "没了", "乜都冇": "什么都没有", "冇乜": "没什么",
    "咁平": "这么便宜", "平咗": "便宜了", "平少少": "便宜点", "有几大": "有多大", "几重": "多重",
    "点食": "怎么吃", "点饮": "怎么喝", "点知": "谁知", "点计": "怎么算", "食咗": "吃了", "好食": "好吃",
    "收到未": "收到没", "好嬲": "很生气", "赶得切": "赶得上", "迟啲": "晚点",
    # 晒 after a verb is "all, completely" (漏晒, 烂晒); Mandarin's 晒 (to sun) comes before its object
    "漏晒": "漏光了", "烂晒": "烂光了", "坏晒": "坏了", "凹晒": "凹了", "碎晒": "碎了", "湿晒": "湿透了",
    "死晒": "死光了", "溶晒": "化了", "融晒": "化了", "发晒霉": "发霉了",
})
CANTONESE_WORDS.update({"仲": "还", "仲裁": "仲裁", "伯仲": "伯仲", "乜": "什么", "樽": "瓶", "嬲": "生气", "黐": "粘"})
# ... and the southwestern 咋个 (怎么), 啥子 (什么), 一哈 (一下), 屋头 (家里), 有没得 (有没有), and the
# question particle 迈 after 的/了/是 (是真的迈: 是真的吗; 迈步 and 年迈 stay)
CANTONESE_WORDS.update({
    "咋个": "怎么", "啥子": "什么", "一哈": "一下", "屋头": "家里", "有没得": "有没有",
    "的迈": "的吗", "了迈": "了吗", "是迈": "是吗",
})
# ... and the Hubei and Hunan 有冇得 before an amount or at a clause's end (有冇得500克的, 碧根果还有冇得:
# 有没有; Cantonese 有冇得 before a verb stays 能不能, 有冇得退), the Cantonese 几多日 (多少天), and the
# northern 恁 (您, 你们: 恁好, 恁家) before what greets or names the shop
CANTONESE_PHRASES.update({
    "还有冇得": "还有没有", "有冇得货": "有没有货", "几多日": "多少天",
    **{f"有冇得{d}": f"有没有{d}" for d in "0123456789一两二三四五六七八九十半"},
    "恁好": "您好", "恁们": "你们", "恁家": "你们家",
})
# canto28: more of what Guangdong, Guangxi and Fujian buyers write in Cantonese (cantonese.py: replying,
# 晒 and 住, thinking it over, shops and prices, paying and cancelling, anger words)
CANTONESE_PHRASES.update(cantonese.PHRASES)
# Wu (Shanghai, Suzhou, Ningbo, Hangzhou) as buyers type it: the question particle 伐 (有货伐, 能刻字伐:
# 吗; Mandarin's 砍伐, 步伐, 讨伐 … stay), 侬 (你; 迪卡侬 stays), 阿拉 (我们; 阿拉善, 阿拉伯 stay),
# 覅/勿 (不要/不), 几钿 and 几化 (多少钱, 多少), 辰光 (时候), 哪能 (怎么), 迭个/搿个 (这个), 伊拉 (他们;
# 伊拉克 stays), 侪 (都), 呒没 (没有), 便宜一眼 (一点), 取消脱 (掉), 交关 (很), 事体 (事情).
_WU_OF = ("好", "到", "买", "侬", "我", "阿拉", "伊", "是", "对", "真", "假", "新", "旧", "拍", "寄", "发")
_WU_THIS = "个只款件副对条根块双套种家枚粒根盒瓶支"
CANTONESE_PHRASES.update({
    "啥辰光": "什么时候", "什么辰光": "什么时候", "辰光": "时候", "哪能": "怎么", "几钿": "多少钱", "几化": "多少",
    "铜钿": "钱", "钞票": "钱", "伊拉": "他们", "伊拉克": "伊拉克", "阿拉": "我们", "阿拉善": "阿拉善", "阿拉伯": "阿拉伯",
    "阿拉斯加": "阿拉斯加", "阿拉丁": "阿拉丁", "迪卡侬": "迪卡侬", "呒没": "没有", "呒": "没", "覅": "不要",
    "请勿": "请不要", "切勿": "千万不要", "交关": "很", "事体": "事情", "物事": "东西", "屋里厢": "家里", "辣海": "在",
    "一歇": "一会", "晏点": "晚点", "阿是": "是不是", "阿有": "有没有", "欢喜": "喜欢", "空欢喜": "空欢喜", "白欢喜": "白欢喜", "欢欢喜喜": "欢欢喜喜", "皆大欢喜": "皆大欢喜", "满心欢喜": "满心欢喜", "欢喜冤家": "欢喜冤家", "明朝": "明天",
    **{v + "脱": v + "掉" for v in ("取消", "退", "撤", "换", "扔", "卖", "断", "坏", "碎", "丢", "烂", "落")},
    **{a + "一眼": a + "一点" for a in "便宜大小快慢长短多少深浅薄厚轻松紧宽窄"},
    **{w + p: "这" + p for w in "迭搿" for p in _WU_THIS},
    # (the Mandarin words 伐 is part of, and the northern 嘎哈 (干啥), southwestern 啷个 (怎么), 得行 (行))
    "砍伐": "砍伐", "伐木": "伐木", "步伐": "步伐", "征伐": "征伐", "讨伐": "讨伐", "北伐": "北伐", "采伐": "采伐",
    "杀伐": "杀伐", "伐树": "伐树", "笔伐": "笔伐", "伐异": "伐异", "伐谋": "伐谋",
    "嘎哈": "干啥", "啷个": "怎么", "得行": "行",
    # 额 for 的 only after what Wu puts it after (好额, 收到额链子, 侬额): 金额, 额度, 余额 … stay
    **{w + "额": w + "的" for w in _WU_OF},
    **{w + "额" + t: w + "额" + t for w in _WU_OF for t in "度外头满定"},
})
CANTONESE_WORDS.update({"伐": "吗", "侬": "你", "勿": "不", "搿": "这", "侪": "都", "忒": "太"})
# OpenCC's t2s writes 嗰 (that) as 𠮶, and it runs first: each 嗰 word is read in that spelling too
# (嗰个 -> 𠮶个 -> 那个; before, no 嗰 word ever applied)
CANTONESE_PHRASES.update({k.replace("嗰", "𠮶"): v for k, v in CANTONESE_PHRASES.items() if "嗰" in k})
CANTONESE_WORDS.update({k.replace("嗰", "𠮶"): v for k, v in CANTONESE_WORDS.items() if "嗰" in k})
CANTONESE: dict[str, str] = {**CANTONESE_PHRASES, **CANTONESE_WORDS}
_CANTONESE_RE = re.compile("|".join(sorted(map(re.escape, CANTONESE), key=len, reverse=True)))


def as_mandarin(text: str) -> str:
    """Cantonese words as Mandarin, to a fixed point: a word read may complete a phrase (啲样 ->
    点样 -> 怎么), and a normalised text must normalise to itself."""
    for _ in range(4):
        out = _CANTONESE_RE.sub(lambda m: CANTONESE[m.group(0)], text)
        if out == text:
            break
        text = out
    return text
