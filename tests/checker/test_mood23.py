"""mood23: upset and calm classes the development writers (trainsets23 a and c, and the sets held out in sessions 21
and 22) were read wrong on: an apology demanded, the shop's word doubted, who pays for a loss asked after it, mock
praise before a repeated fault, a refusal thrown back with 什么叫, a service called a showpiece, the agent's wits
insulted, the agent passed over for the owner, the shop's obvious duty asked back, one correction said three times,
the price proverb turned on the shop, nobody would buy here; and the calm twins: the buyer owning their own sharp
tone, a complaint against some other shop, 呵呵 at one's own family, asking again put down to the network, a game's
name, an honest review promised with praise. Every wording is my own: none is a line of a corpus, a writer's set or an
evaluation set."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import mood

from .moodfamilies import family_tests

UPSET = {
    "apology": ["赠品我不稀罕 我要你们道歉", "你们必须给我道个歉", "发错货还凶我 给我道歉", "要求店长向我赔礼道歉"],
    "word_doubted": ["你们的话还能信吗 昨天也说今天发", "客服说的话能信吗", "说了三次马上处理 还能信你们吗"],
    "who_pays": ["师傅放我鸽子 我白请了半天假 谁赔我损失", "等安装等了一整天 谁补偿我的误工", "快递弄丢了 谁赔我钱？"],
    "mock_praise": ["牛啊 一个订单能漏发三次", "厉害 同一个地址能寄错两回", "666 又少发了好几次"],
    "refusal_thrown": ["什么叫不给退 我标签都没拆", "什么叫没货了 昨天还说有", "什么叫人为损坏 我碰都没碰"],
    "showpiece": ["你们的运费险就是摆设", "售后热线纯属摆设 一直没人接", "客服是摆设吗 半天没人回"],
    "wits": ["脑子进水了吧 我要的是白色", "你是不是看不懂字 我写的是42码", "你们有病吧 同样的问题回三遍"],
    "over_head": ["我要见你们店长 你做不了主", "客服根本说了不算 我要找老板"],
    "duty": ["冬天不知道垫个泡沫吗 全冻坏了", "不知道检查一下吗 少了一只", "易碎品不知道包好点吗"],
    "thrice": ["说了说了说了 不要发韵达", "退了退了退了 钱呢", "地址我改了改了改了 又寄错"],
    "proverb": ["便宜没好货是吧 我买贵的也照样坏", "贵的就是好是吧 结果三天就开胶", "花了两千块钱 怎么还是次品"],
    "nobody": ["要不是赶时间谁买你们家", "谁稀罕你们的 退了"],
}
CUE_ALONE = set(UPSET)
CALM = {
    "own_tone": ["刚才我急了 说话冲了 你别介意", "我那会说话有点冲 不好意思哈"],
    "other_shop": ["之前投诉过另一家店 你们家好多了", "我举报过那家卖假货的 你们是正品吧"],
    "family_laugh": ["呵呵 我外孙女说这个颜色好看", "呵呵 我老伴看我买东西直笑"],
    "network": ["抱歉刚才发了好几次 信号不好", "问了三遍是因为网卡了 不好意思"],
    "game": ["愤怒的小鸟的周边有吗"],
    "honest_review": ["放心 会如实评价的 好就是好"],
    "near_twins": ["不用道歉 没事的", "路上压坏的话谁赔呀", "这个摆设是什么材质的", "什么叫运费险 想了解一下",
                   "我想找老板砍价 能便宜点吗", "会不会放冰袋 天热", "牛啊 这么快就到了", "谁买你们家的最多 男生还是女生",
                   "一分钱一分货 我懂的", "你说的能保修吗"],
}

test_the_upset_classes_read_upset, test_the_cues_name_them_without_the_tone, test_calm_twins_sharing_their_words_stay_calm = family_tests(UPSET, CUE_ALONE, CALM)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["改", "说", "问", "催", "换"]), st.sampled_from(["", " 你们到底有没有看", "，怎么还是不对"]))
def test_a_correction_said_three_times_is_upset(verb, tail):
    text = f"{verb}了{verb}了{verb}了{tail}"
    assert mood(text).upset, mood(text)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["如果", "要是", "万一", "假如"]), st.sampled_from(["路上坏了", "丢件了", "安装时磕了"]),
       st.sampled_from(["谁赔", "谁来赔偿", "谁承担"]))
def test_who_pays_asked_ahead_stays_calm(cond, event, who):
    text = f"{cond}{event}的话{who}？"
    assert mood(text).label == "calm", mood(text)
