"""mood27: the classes the burnt held-out sets (evalsets21-24), trainsets25 m1/m2, mood6f and adversarial5b were still read
wrong on, grouped by cause. Upset: threats in polite or conditional form (要是…我就拒收, 只能走别的途径, 别怪我没提醒,
评价里实话实说, 耐心也有限度, 再忍最后一次); the shop asked back about its plain duty or its word (对得起…吗, 不看一眼吗,
还管不管, 仓库是不是没人干活, 还想要好评, 算什么店, 你们说保证…的 现在怎么说); the shop doing wrong on top of the buyer's
trouble (你们还发错, 还让老人补钱); resignation after a fault (还能说什么, 还能怎么办, 自认倒霉, 放弃了 随便吧); weariness
with a fault told again (好烦 又没到); hindsight (下回一定先看差评, 宁可去商场); the owner's number demanded; a curse on
whoever buys again; the same question asked and ignored; a refund days late; a letdown told with 结果是…的. Calm: 12315
asked about as what it does, ??? put down to the buyer's phone or network, older buyers' 呵呵 at their own age or to a
kind agent, 差评 waved off with a mark, 大妈的 (an aunt's size), the owner asked for to buy in bulk. Every wording is my own."""
from __future__ import annotations

import importlib

import pytest

from kefu_assist.checker import mood

from .moodfamilies import read_calm, read_upset

mood_module = importlib.import_module("kefu_assist.checker.mood")


_upset, _calm = read_upset, read_calm


@pytest.mark.parametrize("text", [
    "周六就要搬进去 要是床还没到我就拒收",
    "再不给个答复 我只能走法律途径了",
    "今天还没人处理的话 我只好考虑其他渠道",
    "丑话说在前 这个柜子再晃我就不客气了",
    "我先把话放这 到时候别怪我没提醒你们",
    "我劝你们好好想想 这么处理合适吗",
    "我耐心是有的 但也有限度",
    "我最后再忍你们这一次",
    "这次的经历我会一五一十写进评价",
    "不处理的话 追评里我就实话实说了",
    "你们再推给快递 我真的会翻脸",
])
def test_threats_in_polite_or_conditional_form_are_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "如果快递送不上楼 我可以拒收吗",
    "拒收的话运费谁出",
    "放心 评价我会如实写 东西真不错",
    "我这人脾气挺好的 你慢慢查",
    "我老伴最后一次来城里看病 顺便帮他买个靠枕",
    "评价里我会实话实说的 沙发很好坐 谢谢你们",
])
def test_the_same_words_said_calmly_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "八十岁的人给你们下单 你们对得起她吗",
    "桌腿一长一短 你们装箱前都不检查一下吗",
    "买了才一个月就坏 你们还管不管",
    "两次都发错尺寸 你们库房是不是没人上班",
    "这样的态度还想要五星？",
    "收了钱又不发货 算什么旗舰店",
    "客服说过包退的 现在又怎么说",
    "猫砂盆一股刺鼻的味 这能给猫用吗",
])
def test_the_shop_asked_back_about_its_duty_or_its_word_is_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "这个价对得起这个做工 下单了",
    "你们管安装吗",
    "发货前能帮我检查一下吗 谢谢",
    "这款椅子能给老人用吗",
    "页面写的包邮 现在还包邮吗",
])
def test_plain_questions_about_duty_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "我腰不好 爬六楼把箱子扛上去 你们还寄错颜色",
    "老太太自己坐车去驿站取的 你们还让她多掏运费",
    "盼了半个月 结果是裂的",
])
def test_wrong_on_top_of_the_buyers_trouble_is_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "你们还发中通吗",
    "运费的话还要我补吗",
    "结果是裂的的话能换吗",
])
def test_the_same_words_as_questions_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "新买的茶几面上全是划痕 我还能说什么",
    "狗粮又受潮结块了 还能怎么办呢",
    "这回我自认倒霉",
    "摊上这种店算我倒了血霉",
    "我已经放弃了 爱咋咋地",
    "跑了三趟驿站还是没有 真的好烦",
    "真是心累 快递电话又打不通",
    "下回一定再也不图便宜了",
    "早知道我宁可去商场买",
])
def test_resignation_weariness_and_hindsight_are_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "两个颜色都好看 纠结 还能怎么办 都买呗",
    "不合适的话还能怎么办 能换吗",
    "真是累死了 搬完家终于歇会 你们的柜子很好装",
    "我宁可多花点钱买实木的 推荐一款",
])
def test_resigned_words_said_lightly_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "把你们店长的手机号给我",
    "主管呢 叫她出来跟我说",
    "以后谁再买这家的谁就是冤大头",
    "什么烂玩意 一坐就塌",
    "一样的问题你要我问几遍",
    "麻烦看清楚我的消息再回",
    "昨天问的 到现在都没回",
    "订单取消五天了 款还没退",
])
def test_the_owner_a_curse_and_an_unanswered_question_are_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "我们公司想批量采购 能给个店长的联系方式吗",
    "订单取消了 钱还没到账吗",
    "昨天问的尺寸 今天帮我再确认一下呗",
])
def test_the_same_asks_made_plainly_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "12315是干啥用的 广播里老提",
    "12315是管什么的啊 我孙子说的",
    "???是我手机卡了 没事",
    "???刚才网不好 图片加载不出来",
    "???不是问你 我打给我儿子的",
    "呵呵 我们岁数大了手慢 你多担待",
    "呵呵 你这闺女嘴真甜",
    "呵呵 我又来啦 上回的猫粮吃完了",
    "差评？不至于 小毛病 换个就行",
    "差评多的那款你们还卖吗",
    "有没有我大妈的尺码 她穿三个叉",
    "我要找老板 谈谈团购的事",
])
def test_calm_uses_of_the_trigger_words_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "12315我已经打了 等着吧",
    "??? 三天了还不发",
    "呵呵 你们这闺女嘴倒是甜 就是不办事",
    "差评 必须差评",
    "我要找你们老板 你解决不了",
])
def test_the_same_trigger_words_aimed_at_the_shop_stay_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "呵呵 我们老年人好欺负是吧",
    "呵呵 你这姑娘嘴真甜 就是不办事",
    "呵呵 又来了 上回买的还没到",
])
def test_an_older_buyers_laugh_with_a_fault_stays_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "退货！啊不对 是要换尺码",
    "退款！说错了 我是想问运费",
])
def test_a_refund_shout_corrected_at_once_is_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "看到这个包装 我心里真窝火",
    "收到货就一肚子气",
    "那我可真谢谢你们全家了",
    "我是蠢了才会相信你们的包退",
    "我的包裹是在冬眠吗 十天不动",
    "换个地址这点事都办不好",
    "嘴上说抱歉 可是一直没处理",
    "话说得挺好听 就是不干活",
    "别再跟我说稍等了 给个准话",
    "你们可真会做生意 坏了还要我贴运费",
    "质保都不给修 那我还买它干嘛",
])
def test_anger_named_mocked_or_thrown_back_is_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "不窝火 就是想问问怎么换",
    "我老公看球输了一肚子火 给他买点降火茶",
    "谢谢你们 东西很好",
    "你们真会做生意 还送了小卡片 好评",
    "这个小玩意买来干嘛用的",
    "派送员放错了驿站 我去投诉他了 你们不用管",
    "？？？我看不懂这个按钮",
])
def test_the_same_words_said_calmly_about_others_stay_calm(text):
    _calm(text)


class _FixedTone:
    """A made-up tone that reads every message at the same logit (the bar, not the grams, is under test)."""

    def __init__(self, z: float) -> None:
        self.z = z

    def logit(self, text, cue_ids=()):
        return self.z

    def strongest_clause(self, text):
        return (0, len(text)) if text else None


@pytest.mark.parametrize("text", [
    "我跑了两趟驿站才拿到这个箱子 打开一看里面那块板子是裂开的",
    "给家里老人买的这个靠垫 他坐上去没几分钟就说腰更疼了",
])
def test_a_long_message_needs_less_from_the_tone(text):
    just_under = mood_module.TONE_ALONE - mood_module.TONE_LONG_DROP / 2
    assert mood(text, model=_FixedTone(just_under)).label == "upset"
    assert mood(text, model=_FixedTone(mood_module.TONE_ALONE - mood_module.TONE_LONG_DROP - 0.1)).label == "calm"


@pytest.mark.parametrize("text", ["板子是裂开的", "靠垫坐着腰疼"])
def test_a_short_message_keeps_the_full_bar(text):
    just_under = mood_module.TONE_ALONE - mood_module.TONE_LONG_DROP / 2
    assert mood(text, model=_FixedTone(just_under)).label == "calm"
    assert mood(text, model=_FixedTone(mood_module.TONE_ALONE)).label == "upset"


@pytest.mark.parametrize("text", [
    "打过12315了 人家说先跟商家沟通 那咱们商量下怎么退吧",
    "问了市场监管局 他们让我找店家协商 所以来找你们聊聊换货",
])
def test_a_hotlines_advice_to_talk_it_over_stays_calm_however_long(text):
    _calm(text)
