"""mood25: the classes trainsets25 m1 (older buyers, voice input, dialect) was read wrong on, and the young buyers'
slang beside them. Calm: anger's words said in joy with no fault told (好吃得想骂人), about some other shop (上回那家店
气死我了), the buyer's own haste with the shop told to carry on, a scam call reported, 无语 at the buyer's family.
Upset without the trigger words: the shop asked if it is ashamed, a bought thing asked back, the fault then 这还能用吗,
the buyer passed between shop and courier, news left untold, the page's promise against what came, a letdown told with
结果, a recommendation taken back, dialect frames, urging with 好吗 after a wait. Every wording is my own."""
from __future__ import annotations

import pytest

from kefu_assist.checker import mood


@pytest.mark.parametrize("text", [
    "这个牛肉酱香得我想骂人 拌饭绝了",
    "我要举报你们……太好吃了 一罐三天就没了😂",
    "气人 看着详情页都饿了 口水直流",
    "崩溃 又长了两斤 全怪你家的麻花太好吃",
    "我的天!!!!! 终于收到了 拆开好开心",
    "无语 这么好吃的辣条我怎么今天才买",
    "骗人的吧？？？这么大一盒才这个价 太划算了",
    "眼泪都快出来了 跟我小时候外婆做的味道一样",
    "救命 好看到我想报警",
    "绝绝子 我要投诉你们太好看了",
    "呵呵 我闺女一个人吃了大半盒 再来两箱",
])
def test_delight_in_angry_words_is_calm(text):
    assert mood(text).label == "calm", mood(text)


@pytest.mark.parametrize("text", [
    "好吃得我想骂人 可惜一半都是碎的",
    "太好吃了 吃完就拉肚子 你们看着办",
    "我要投诉你们 发错货了还不理人",
    "好开心啊 等了十天了还没发",
    "回购了三次 这回口感全变了 无语",
    "太开心了 花钱买罪受",
    "再下一单是不可能了 气死",
])
def test_delight_beside_a_fault_stays_upset(text):
    assert mood(text).upset, mood(text)


@pytest.mark.parametrize("text", [
    "上回别家寄来的被子一股怪味 气死了 你们家有没有味道",
    "之前在一家店买的拖把一用就断 我给了差评 你们这个结实吗",
    "差点让别家坑了 还是你们家实惠",
    "以前那家铺子垃圾得很 朋友介绍来你们这 希望别让我失望",
])
def test_anger_at_another_shop_is_calm(text):
    assert mood(text).label == "calm", mood(text)


@pytest.mark.parametrize("text", [
    "别家都能当天发 你们拖了四天 气死了",
    "之前在你们家买的拖把一用就断 我要给差评",
])
def test_anger_at_this_shop_stays_upset(text):
    assert mood(text).upset, mood(text)


@pytest.mark.parametrize("text", [
    "急死我了急死我了 是我自己急着寄给儿子 你们照常发就行",
    "我崩溃了 自己把花瓶碰倒了 再买一个 不关你们事",
    "急急急 周六前能到吗 到不了也没关系",
])
def test_own_haste_absolved_is_calm(text):
    assert mood(text).label == "calm", mood(text)


@pytest.mark.parametrize("text", [
    "刚才有个短信说我包裹丢了要赔我钱 让我点链接 我看是骗子 给你们提个醒",
    "有陌生电话说是你们售后 要我先交钱 应该是诈骗吧",
])
def test_a_scam_reported_is_calm(text):
    assert mood(text).label == "calm", mood(text)


def test_the_shop_called_a_scam_stays_upset():
    assert mood("东西没发钱也不退 你们就是骗子").upset


@pytest.mark.parametrize("text", ["无语 我家老伴非要这个花色 还有货吗", "无语 我儿子非要蓝色的 你们有吗"])
def test_speechless_at_family_is_calm(text):
    assert mood(text).label == "calm", mood(text)


@pytest.mark.parametrize("text", [
    "图上的橙子个个拳头大 到手跟鸡蛋似的 好意思吗",
    "一扯就断 还敢叫加厚款",
    "鞋底两天就开胶 我是买来穿还是买来供着的",
    "面包都发霉了 这还能吃吗",
    "你们说是快递压坏的 快递说是你们没包好 那我该找谁",
    "换了包装也不说一声 我还以为收到假货",
    "详情页写的买一送一 我就收到一个",
    "给孙子买的玩具 结果寄来的是坏的",
    "挺失望 本来还想介绍给同事",
    "侬哪能介搞 颜色发错了",
    "有冇搞错 啲橙烂晒",
    "呵呵 说是好评如潮 用了三天就不转了",
    "这蜂蜜肯定是掺了水 稀得不行",
    "笑死 这都能寄错",
    "离大谱 裤子短了一截",
    "麻烦快一点好吗 都等五天了 谢谢",
    "你们开玩笑的吧 少了一半",
])
def test_upset_without_trigger_words(text):
    assert mood(text).upset, mood(text)


@pytest.mark.parametrize("text", [
    "不好意思 麻烦问一下什么时候发货",
    "如果放坏了还能吃吗",
    "详情页写的送一个 我收到了两个 谢谢",
    "本来想推荐给同事 她们问能不能团购",
    "能快点发吗 周末要用 谢谢",
    "破防了 居然还送了手写卡片",
    "请问保修找谁",
])
def test_calm_twins(text):
    assert mood(text).label == "calm", mood(text)


@pytest.mark.parametrize("text", [
    "换货的话流程是什么？？？",
    "拒签以后运费怎么退？？？ 的话要我出吗",
    "申请平台介入需要怎么操作",
    "怎么申请小二介入 想先了解",
    "哇 终于收到了 好耶",
])
def test_a_question_about_the_process_or_a_cheer_is_calm(text):
    assert mood(text).label == "calm", mood(text)


@pytest.mark.parametrize("text", ["退款怎么还没到账？？？", "我要申请平台介入 你们太过分了"])
def test_the_process_held_against_the_shop_stays_upset(text):
    assert mood(text).upset, mood(text)
