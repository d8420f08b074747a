"""mood5: the classes of buyer wording that benchmarks/eval/checker/adversarial5_moods.tsv showed
missing (money not returned, damage blamed on the shop, asking for a human or a boss, a dare,
quiet anger and resignation, a demand in one breath, mistyped cue words) and the calm messages
that share their words. Every wording here is my own and none is a line of that set."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import mood

UPSET = {
    "money_missing": ["这都两周了 我的钱呢", "退款说成功了 我卡上压根没看到", "钱去哪了 退款记录都查不到", "我的退款呢？？",
                      "钱!!!什么时候退"],
    "damage_blame": ["镜子碎成好几块 你们是怎么打包的", "一看就是出厂前就有问题", "纸箱都没有 就套个袋子 能不破吗",
                     "两只鞋都是左脚 这也能发错", "腰围差了五厘米 你们自己量过吗"],
    "human_or_boss": ["别让自动回复跟我说话了", "找个能做主的来", "叫你们说了算的人来跟我讲", "这事我要找你们店长",
                      "你们就会发自动回复"],
    "dare": ["看来你们一点不在乎差评啊", "你们是不怕被投诉吗"],
    "resigned": ["算我花钱买了个教训", "修了个寂寞", "你们家我记住了", "看你们还能拖多久", "看在你们是老店的份上才没投诉",
                 "本来打算给你们好评的", "退换货是写着玩的？", "你们客服是哑巴吗", "婚礼的布置全被你们毁了"],
    "demand": ["一句话 到底给不给换", "我要的不是道歉", "不要给我补偿红包 我只要退钱"],
    "typo": ["我要头诉", "垃极质量", "退宽呢", "再不处理就举保", "给你们插评"],
}
CALM = {
    "money": ["我在攒钱呢 下个月再买", "如果退款没到账 要找谁呢", "退款一般多久到 我不急", "请问退款呢 是原路返回吗"],
    "damage": ["镜子碎了 是我搬家时摔的 能再买一块吗", "怎么打包比较好 我要寄回去"],
    "human_or_boss": ["我要找你们店长 想谈批发", "老板在吗 想谈合作", "人呢 我要下单了", "能做主吗 想多要个赠品 嘿嘿"],
    "dare_and_resigned": ["我不在乎差评多少 只看质量", "这件不配我的裙子 有别的颜色吗", "不配送吗 我这里偏远",
                          "别搞砸了哦 是送女朋友的", "唉", "唉唉唉", "我是傻了 选错了尺码 能换吗"],
    "joke_or_topic": ["被照片骗了 实物比图还漂亮", "你们客服嘴太甜了 骗子一样 哈哈", "投诉的话要走什么流程",
                      "我奶奶说要投诉楼下邻居 😂", "差评是不可能给的", "加班到现在才有空下单",
                      "厉害了 昨天下单今天就到", "到底要黑色还是白色 纠结", "等了好久终于等到补货了"],
    "typo": ["拉圾袋有大号的吗"],
}


def _cases(table):
    return [(kind, text) for kind, texts in table.items() for text in texts]


@pytest.mark.parametrize(("kind", "text"), _cases(UPSET), ids=[t for _, t in _cases(UPSET)])
def test_the_adversarial_classes_read_upset(kind, text):
    assert mood(text).upset, (kind, mood(text))


@pytest.mark.parametrize(("kind", "text"), _cases(CALM), ids=[t for _, t in _cases(CALM)])
def test_calm_messages_sharing_their_words_stay_calm(kind, text):
    assert mood(text).label == "calm", (kind, mood(text))


def test_a_mistyped_cue_word_is_named_where_the_buyer_typed_it():
    text = "垃极东西 我要头诉"
    m = mood(text)
    assert [(c.id, c.text) for c in m.cues if c.id in ("insult", "complaint")] == [("insult", "垃极"), ("complaint", "头诉")]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="头诉骗纸垃极拉圾差平退宽款钱呢你们我的！?袋 ", max_size=30))
def test_typo_reading_keeps_every_cue_inside_the_message(text):
    m = mood(text)
    assert (m.score >= 1.0) == m.upset
    for c in m.cues:
        if c.start >= 0:
            assert text[c.start : c.end] == c.text


# Rhetorical frames at the shop's promises and pace: the classes of tests/checker/mood2_validation.tsv's
# misses (none of its lines; my own wording, none in the corpus either).
# Each read calm before (cues and tone of commit a399c37).
RHETORIC_UPSET = ["你说的稍后是多久", "这点小要求有那么难吗", "我在跟机器说话吗", "想让我撤销申请 想都别想", "还有脸说是正品",
                  "问问进度都不行吗", "价格说改就改", "这样对得起消费者吗", "邻居跟我同一天买的早用上了 我的呢", "问两句都不行吗",
                  "扣款倒是利索得很", "你们就不能好好核对一次地址吗"]
RHETORIC_CALM = ["稍后是几点呀 我好安排收货", "这个拼装有难度吗", "对得起这个价钱 很满意", "有脸部按摩仪吗",
                 "邻居推荐的 她说你们家的好用", "明天之内能发吗 不能也没关系"]


@pytest.mark.parametrize("text", RHETORIC_UPSET)
def test_rhetorical_frames_read_upset(text):
    assert mood(text).upset, mood(text)


@pytest.mark.parametrize("text", RHETORIC_CALM)
def test_their_words_in_calm_questions_stay_calm(text):
    assert mood(text).label == "calm", mood(text)


# Calm frames for the strong cue words: an office or a place named after the regulator, the hotline
# asked about, kinds of rubbish, a story's liar, a stranger posing as the shop, 到底 in a how-to question,
# disappointment waved away. The cue itself must not fire (before, the tone had to veto it).
CALM_FRAMES = [("complaint", "我们单位旁边就是工商所 能送到吗"), ("complaint", "市场监管局对面那个快递柜能放吗"),
               ("complaint", "12345是市民热线吗"), ("complaint", "工商局门口那个驿站能寄吗"),
               ("insult", "厨余垃圾用哪个尺寸的袋子"), ("insult", "可回收垃圾的桶有蓝色吗"),
               ("insult", "有人冒充你们客服找我要验证码 是诈骗吧"), ("insult", "孩子喜欢里面那个骗子的角色 有玩偶吗"),
               ("impatience", "到底怎么安装 图纸没看明白"), ("disappointment", "失望倒谈不上 就是颜色深了点")]


@pytest.mark.parametrize(("cue", "text"), CALM_FRAMES, ids=[t for _, t in CALM_FRAMES])
def test_calm_frames_keep_the_strong_word_from_counting(cue, text):
    m = mood(text)
    assert m.label == "calm" and cue not in {c.id for c in m.cues}, m


# The goods hurt or spoiled something of the buyer's, tired of waiting and chasing, praise of quick replies
# beside 不回消息 (the first five read wrongly before).
HARM_AND_FATIGUE_UPSET = ["边角太锋利 把我手划破了", "掉色染得我一手蓝", "一直催一直等 真累", "为了退货跑了三趟快递点 累死了"]
HARM_AND_FATIGUE_CALM = ["客服回得真快 比别家那种不回消息的强多了", "会不会染到其他衣服", "这个边缘会划手吗",
                         "说好的赠品 结果也收到了 谢谢"]


@pytest.mark.parametrize("text", HARM_AND_FATIGUE_UPSET)
def test_harm_to_the_buyer_and_fatigue_read_upset(text):
    assert mood(text).upset, mood(text)


@pytest.mark.parametrize("text", HARM_AND_FATIGUE_CALM)
def test_worries_and_praise_with_those_words_stay_calm(text):
    assert mood(text).label == "calm", mood(text)


# The classes of benchmarks/eval/dev5/'s misses, in my own wording (none of its lines).
ROUND7_UPSET = ["算了 我认栽了", "就当我交学费吧", "这次算是长记性了", "这账我先记住了", "心寒了", "真服气",
                "你们真厉害 又错了", "好, 好, 好 随你们", "自动回复滚一边去", "婚礼全耽误了 你们赔得起吗", "回话啊",
                "我天天来催 直到给我退为止", "快递柜签收 谁签的", "单号发了个空气", "除了道歉你们还会说什么",
                "发个货磨磨叽叽", "连发票抬头都是错的", "这是别人穿过的吧", "其他的都别扯 先退钱",
                "我付了钱不是来听你解释的", "快递是爬着送来的吧", "不给说法就平台见", "东西坏了就推给快递",
                "答应的补偿也没兑现", "差！评！", "良心喂狗了吧"]
ROUND7_CALM = ["想了解下退货流程 以防万一", "现在骗子好多 你们的官方旗舰店链接是哪个", "怎么举报别的店卖假货呀",
               "我中评点错了 能改成好评吗", "你们真厉害 这么快就到了 谢谢", "好好好 那就要蓝色", "滚筒洗衣机能洗吗",
               "连包装都是新的 很满意", "记下了 地址没问题"]


@pytest.mark.parametrize("text", ROUND7_UPSET)
def test_round7_classes_read_upset(text):
    assert mood(text).upset, mood(text)


@pytest.mark.parametrize("text", ROUND7_CALM)
def test_round7_words_in_calm_messages_stay_calm(text):
    assert mood(text).label == "calm", mood(text)
