"""mood25b: the classes trainsets25 m2 (young buyers, slang, emoji) and m1's last lines were read wrong on. Calm: a felt
word (无语, 气死) as a clause of its own beside the buyer's own slip or a plain question (it names nobody), another shop
introduced as 有家店 or an old product as 之前那个, the buyer's buys called rubbish by family or a gift that must not be,
呵呵 as a regular's greeting before asking for a perk, anger at the courier in a message praising the shop, a word taken
back to another place (我是说超市). Upset: a thing named back in scorn (这也叫加厚??), sham dispatch alleged, goods
unworthy of their price, tears over a fault, a take-it-or-leave-it manner, spoiled goods alleged (过期的吧), the buyer's
condition held against the shop (…你知道吗), blame thrown back (我活该呗), a cheat named in a question (这不是坑人吗),
the agent's 亲 refused, 我很好笑吗. Every wording is my own."""
from __future__ import annotations

import pytest

from kefu_assist.checker import mood


@pytest.mark.parametrize("text", [
    "无语 我自己地址填成老家的了 能改一下吗",
    "无语 是我自己把验证码删了 麻烦再发一次",
    "气死 是我自己睡过头错过了秒杀 还有货吗",
    "气死 这么可爱的帽子怎么没有儿童款 啥时候上",
    "之前有家店卖我翻新机 气死我了 你们这个是全新的吗",
    "以前那个充电宝用俩月就鼓了 崩溃 你们这款电芯是什么牌子",
    "我哥老说我挑的东西都是垃圾 帮我选个好点的剃须刀",
    "想送个不会被嫌垃圾的礼物给领导 两百左右 有推荐吗",
    "呵呵 我是老客户啦 这次有没有优惠券",
    "快递员把箱子扔门口 气死了 不过你们客服真负责 给五星",
    "这价钱太黑了吧 我是说楼下超市 你们家实惠多了",
    "无语子 钱包又哭了 这次凑单能减多少",
])
def test_felt_words_others_and_greetings_are_calm(text):
    assert mood(text).label == "calm", mood(text)


@pytest.mark.parametrize("text", [
    "无语 你们又发错颜色了",
    "气死 第三次催了还没发货",
    "有家店都知道包好 你们怎么就直接塞袋子里 气死",
    "垃圾 说好今天发的",
    "呵呵 老客户了 就这么对我？",
    "快递员扔门口 你们发货也慢 气死了",
])
def test_the_same_words_at_the_shop_stay_upset(text):
    assert mood(text).label == "upset", mood(text)


@pytest.mark.parametrize("text", [
    "说是加厚羽绒 薄得透光 这也叫加厚??",
    "标签都皱了 这还算新品吗",
    "物流三天没信息 问了快递说没揽收 你们这是虚假发货吧",
    "一洗就褪色 实在对不起这个价钱",
    "镜片上一道划痕 六百多的墨镜 我真的想哭",
    "问两句就不耐烦 一副爱买不买的样子",
    "饼干一股油哈味 放久了过期的吧",
    "说了不要辣 你们放了一堆辣椒 我孩子对辣椒过敏你们知道吗",
    "所以意思是我活该呗 买到坏的还要我自己寄回去",
    "标着满减结果付款没减?? 这不是坑人吗",
    "别再亲了 我的退款到底办了没有",
    "你回个捂嘴笑是几个意思 我很好笑吗",
])
def test_scorn_allegation_and_tears_are_upset(text):
    assert mood(text).label == "upset", mood(text)


@pytest.mark.parametrize("text", [
    "这个叫什么颜色??",
    "这款叫什么名字 我想再买一个",
    "什么是虚假发货 我想了解一下",
    "你们不会虚假发货吧 我比较着急",
    "对不起 这个价格是我看错了",
    "感动到想哭 包装太用心了",
    "好看到想哭 谢谢店家",
    "下单才发现我自己选错尺码了 想哭 能换吗",
    "我这人买东西爱买不买的 先收藏了",
    "优惠券过期了吧 还能再领吗",
    "这个酸奶保质期多久 会不会很快过期",
    "这个快递点在哪里你知道吗",
    "亲 在吗 想问下发货时间",
    "不用叫我亲啦 叫我小李就行 哈哈",
    "闺女哭了一早上 这个小夜灯今天能发吗",
    "读哭了 你们写的卡片太暖心了",
    "我被自己笨哭了 收件人名字写错了 能改吗",
])
def test_calm_twins_stay_calm(text):
    assert mood(text).label == "calm", mood(text)


@pytest.mark.parametrize("text", [
    "详情页那么好看 实物这么丑 无语",
    "这么好看的包装 骗鬼呢 里面都是碎渣",
])
def test_delight_words_beside_a_letdown_stay_upset(text):
    assert mood(text).label == "upset", mood(text)
