"""mood8: the kinds of upset that slipped past the reading on writers nobody had tuned on (rude words,
angry emoji, English and pinyin, losing composure, harm to a person and who answers for it, the agent
dismissed, goods passed off as new, scornful agreement, one demand said three times, the wait or the
cost thrown back, a verdict on the shop's ways, a date at stake, sarcastic publicity), each with calm
twins sharing its words; and the calm frames for the complaint and review words (a complaint already
settled, a word asked about in quotes, 12315 as where a rule was read, a joke at oneself). Every
wording here is my own: none is a line of the corpus, of a writer's set or of any evaluation set."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import mood

UPSET = {
    "rude": ["老子再也不来了", "店家装死是吧", "你们脑子进水了吗 发这个给我", "别装聋作哑了 出来说话", "卖家都死绝了吗"],
    "angry_emoji": ["🤬 还不退钱", "😡", "💢💢 又是这个答复", "👿👿 说好的赠品呢"],
    "english": ["wtf is this", "this is a scam", "what the hell 还没发", "pian zi dian", "worst service ever"],
    "meltdown": ["心态彻底崩了 第二次收到坏的", "我真的要被你们气疯了", "气死我了 又发成白色", "啊啊啊啊 又没到", "急急急 地址还没改"],
    "harm": ["我儿子被这个玩具划伤了手", "热水壶漏电 你们负得起这个责任吗", "出了事谁担着", "我妈穿了这鞋摔了一跤",
             "看病的钱你们出不出 吃完就吐"],
    "dismissed": ["你做不了主 换个人来", "你说了不算 让领导来", "懒得和你说了", "全是机器人在回 有意思吗"],
    "passed_off": ["寄来一台翻新机当新的卖", "这明明是二手货", "盒子都是被拆过的", "真把我当冤大头了", "你们胆子也太大了吧"],
    "scorn": ["行行行 你们都对", "好评？做梦去吧", "想得美 还要我追评", "赔偿？门都没有是吧"],
    "demand_thrice": ["退钱 退钱 退钱", "发货发货发货", "人呢人呢人呢"],
    "thrown_back": ["我催了多少次了你知道吗", "明明是你们寄错的", "凭什么要我出运费"],
    "verdict": ["吃相也太难看了吧", "全是套路 没一句真话", "也好意思叫品牌店"],
    "date_at_stake": ["后天就要出国 行李箱还没到 怎么办", "明天开学 书包还没发 你们让我怎么办"],
    "publicity": ["我会在微博上好好帮你们宣传的", "放心 小红书上我会替你们好好说说"],
    # trainsets8/c's slips, read after its fresh score
    "word_against_fact": ["客服说补发了 结果根本没发", "你们说退了 实际上一分钱没到"],
    "easy_prey": ["欺负我不懂是吧 觉得我好糊弄", "拿我们当好骗的是吧"],
    "stacked": ["包装烂就算了 还少寄一件", "贵就算了 居然还发错颜色"],
    "pinyin": ["ren ne", "zenme hai mei fa huo"],
}
CALM = {
    "rude": ["老子的道德经有没有精装版", "我家狗会装死 这个玩具它很喜欢", "滚筒洗衣机能用这款洗衣液吗"],
    "angry_emoji": ["😡表情的抱枕好可爱 还有吗"],
    "english": ["wtf 这么便宜 哈哈", "not bad 挺好用", "nice 包装很精致"],
    "meltdown": ["心态崩了 考试又挂了 买点好吃的", "我要疯了 两个颜色都好看", "好气氛 店里音乐不错"],
    "harm": ["孩子穿这个会不会摔倒", "能承重多少 怕摔了", "老人用这个安全吗"],
    "dismissed": ["你处理不了的话麻烦帮我转一下 谢谢"],
    "passed_off": ["翻新机和新机有什么区别", "二手的能便宜多少", "拆过封的也没关系 能便宜点吗"],
    "scorn": ["好好好 谢谢 那我等着", "昨晚做梦都梦到这条裙子"],
    "demand_thrice": ["快点快点快点 好想穿上 哈哈", "谢谢谢谢谢谢"],
    "thrown_back": ["是我自己选错了 运费我出", "等了几天没关系 不急"],
    "verdict": ["不好意思说 我买错码了", "套路贷是什么 你们有分期吗"],
    "date_at_stake": ["明天就要用 能加急吗 谢谢", "后天生日 麻烦尽量今天发出 辛苦了"],
    "publicity": ["我会在朋友圈推荐你们家的", "小红书上看到你们家的 来买同款"],
    # the complaint and review words, calm
    "settled": ["之前投诉的事已经解决了 这次想买个新的", "上次那个差评是气话 已经改成好评了", "前几天说要举报 是误会 不好意思",
                "上次给了中评 后来你们处理得挺好"],
    "quoted": ["什么叫“维权骑士” 是个牌子吗", "详情页写的「差评包退」是什么意思"],
    "source": ["12315官网上说可以七天退 你们这个也行吧", "我问过12315 说要开发票 麻烦开一下"],
    "self": ["我要投诉我自己 又剁手了", "差评我自己 又买多了 哈哈"],
    "smile": ["呵呵 不好意思 发错了", "呵呵 随便看看"],
    "refund_back": ["退款！已经到账了 谢谢"],
    "aimed_elsewhere": ["我要投诉的不是你们 是那个快递站", "举报的对象不是店家 是冒充你们的号"],
    "smile_at_oneself": ["呵呵 老婆说我又乱花钱了", "呵呵 又剁手了"],
    "easy_prey": ["我妈不好骗的 放心", "这个价格买到真是捡便宜了"],
    "stacked": ["贵点就算了 质量好就行", "发慢点就算了 不着急"],
    "promise_after": ["差评的事我不会干 你们放心", "差评的事我肯定不会做 别担心", "差评的事不做 我又不是那种人"],
    "own_pet": ["气死了 我家猫把耳机线咬断了 还有卖吗", "气死 家里孩子把遥控器摔坏了 有单卖的吗"],
}


def _cases(table):
    return [(kind, text) for kind, texts in table.items() for text in texts]


@pytest.mark.parametrize(("kind", "text"), _cases(UPSET), ids=[t for _, t in _cases(UPSET)])
def test_the_forms_that_slipped_read_upset(kind, text):
    assert mood(text).upset, (kind, mood(text))


@pytest.mark.parametrize(("kind", "text"), _cases(UPSET), ids=[t for _, t in _cases(UPSET)])
def test_the_cues_name_them_without_the_tone(kind, text):
    # each class is a cue of its own: it holds with the cues alone (the chip names it), not only through the tone
    assert mood(text, use_model=False).upset, (kind, mood(text, use_model=False))


@pytest.mark.parametrize(("kind", "text"), _cases(CALM), ids=[t for _, t in _cases(CALM)])
def test_calm_twins_sharing_their_words_stay_calm(kind, text):
    assert mood(text).label == "calm", (kind, mood(text))


_ANGRY = "😡🤬💢😠👿"


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=_ANGRY, min_size=1, max_size=6), st.sampled_from(["", " 到底发不发", " 退钱", "？", " 第二次了"]))
def test_angry_faces_read_upset_whatever_follows(faces, rest):
    assert mood(faces + rest).upset


_WORDS = ["投诉", "差评", "中评", "举报", "12315"]
_WHEN = ["之前", "上次", "上回", "前几天", "昨天"]
_SETTLED = ["已经解决了", "是误会", "已经撤了", "已经处理好了", "只是气话"]
_AFTER = ["", " 谢谢", " 这次想再买一件", " 东西挺好的", " 不好意思啊"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_WHEN), st.sampled_from(_WORDS), st.sampled_from(_SETTLED), st.sampled_from(_AFTER))
def test_a_settled_complaint_or_review_stays_calm(when, word, settled, after):
    text = f"{when}{word}的事{settled}{after}"
    assert mood(text).label == "calm", mood(text)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(_WHEN), st.sampled_from(_WORDS), st.sampled_from(["还没解决", "没处理", "到现在也没人管"]))
def test_an_unsettled_one_is_not_read_as_settled(when, word, state):
    # 没解决 is not 解决了: the settled frame must not swallow the complaint still open
    text = f"{when}{word}了 {state} 这次又这样"
    assert mood(text).upset, mood(text)


def test_a_quoted_word_is_a_label_but_the_same_word_unquoted_is_a_threat():
    assert mood("“投诉”按钮在哪个页面").label == "calm"
    assert mood("我要投诉 你们看着办").upset


@pytest.mark.parametrize("text", ["我要投诉你们 之前的事也没解决", "再这样我就给差评 上次就是这样"])
def test_a_stated_intent_is_still_upset_beside_a_past(text):
    assert mood(text).upset


@pytest.mark.parametrize("text", ["这不是气话 我真的会投诉", "不是气话 差评我给定了"])
def test_a_denied_outburst_is_not_a_settled_one(text):
    # 不是气话 says the threat is meant: the settled frame (只是气话) must not cancel the cue, with or without the tone
    cues = mood(text, use_model=False)
    assert cues.upset and any(c.id in ("complaint", "bad_review") for c in cues.cues), cues


def test_each_writer_section_of_the_corpus_says_who_wrote_it():
    # the tone trains on the writers' sets from the repository (training reproduces from a clone), and
    # benchmarks/mood_lowo.py leaves each "# writer:" section out in turn: each names its source and writer
    from kefu_assist.checker import moodmodel
    from kefu_assist.resources import resource_path

    lines = resource_path(moodmodel.CORPUS_NAME).read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("# writer:")]
    assert len(starts) >= 5
    names = [lines[i].split(":", 1)[1].strip() for i in starts]
    assert len(set(names)) == len(names)
    for i in starts:
        assert lines[i + 1].startswith("# Written by") and "saw only" in lines[i + 1]
        assert lines[i + 2].startswith("# Copied whole from")
        assert "\t" in lines[i + 3]  # the section holds rows, not only its header
