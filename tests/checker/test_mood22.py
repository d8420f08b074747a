"""mood22: upset and calm lines the first four writers of trainsets15 (pets, bedding for older northern buyers,
jewellery, books) were read wrong on, by class: 凭啥 said for 凭什么, the shop's competence asked back (你们是咋干活的),
the buyer warning the shop not to fool them (别想蒙我), despair said outright (好绝望, 要崩溃了), praise of speed after a
long wait (处理了五天 效率可真高), the outcome told flat (结果就这样), a fault followed by 你们说怎么办, a pressing date
beside a plea (求求你们 后天就是婚礼), praise with the fault right after it (真结实 两天就断), fear
of harm from the product (涂层吃下去怎么办); and the calm ones: the marks or the asking again put down to the buyer's own
slip, 不是垃圾, 空气炸锅 (no 气炸), harm asked about ahead (万一吃下去怎么办), a mother's (俺妈的, 妈妈的) that is no curse, a laugh before warm
words (呵呵 穿着挺舒服), the complaint word asked about as a word, a review or complaint denied as one's own. Every wording
here is my own: none is a line of the corpus, of a writer's set or of any evaluation set."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import mood

from .moodfamilies import family_tests

UPSET = {
    "pingsha": ["凭啥不给退", "凭啥让我自己出运费", "运费险凭啥不赔"],
    "competence": ["你们是咋干活的 又少发一件", "客服到底是怎么做事的", "你家是怎么做生意的 问三遍没人回", "你们怎么办事的 地址都能写错"],
    "not_fooled": ["别想蒙我 我查过价格", "你们别想糊弄俺", "少来忽悠我 我懂行", "别想坑我们老年人"],
    "despair": ["真的好绝望 等了半个月还没到", "我要崩溃了 第三次发错", "快被逼疯了 退款一直不到账"],
    "speed_mocked": ["一个退款处理了五天 效率可真高", "等了半个月才发货 速度真快啊", "这么点事拖了好几天 服务真好👍"],
    "flat_outcome": ["冲着销量买的 结果就这样", "等了那么久 结果就这质量", "信了你们的宣传 结果就这水平"],
    "fault_then_demand": ["袜子穿一次就破了 你们说怎么办", "猫吃了你们的罐头吐了 你们看该咋办", "少发了两个配件 你说这咋整"],
    "date_and_plea": ["求求你们了 后天就是婚礼 快点发吧", "拜托拜托 明天就是孩子生日 礼物还没到"],
    "praise_then_fault": ["真结实啊 用了两天就断了", "质量真棒 拆开就裂", "好耐用哦 第二次用就散架"],
    "harm_fear": ["锅里的涂层掉了 吃下去怎么办", "孩子误食了一颗珠子 有没有危险", "手被边缘划伤了 要紧吗"],
}
# the cue names the class without the trained tone
CUE_ALONE = {"pingsha", "competence", "not_fooled", "despair", "speed_mocked", "flat_outcome", "fault_then_demand", "date_and_plea",
             "praise_then_fault", "harm_fear"}
CALM = {
    "mothers": ["给俺妈的 她穿着正合适", "这是送妈的礼物 包装好看点", "妈妈的那件要大一码", "带妈的那份一起发"],
    "warm_laugh": ["呵呵 穿着挺舒服 老伴也喜欢", "呵呵 收到了 跟图片一样", "呵呵 孩子说好看 谢谢啦"],
    "as_word": ["差评两个字怎么写来着", "投诉这个词用英语怎么讲", "退款这俩字繁体怎么写"],
    "denied": ["那个中评不是我写的 我一直给好评", "不是俺投诉的 是我儿子弄的 别误会", "差评可不是我留的哈"],
    "own_slip": ["??? 不好意思 是我按错了", "我问了好几次 原来是我自己没看到", "问了三遍 怪我自己没仔细看", "催了两次 是我自己搞错了地址"],
    "not_rubbish": ["不是垃圾 是我不会装 现在好了", "东西不是垃圾 就是颜色我不喜欢"],
    "air_fryer": ["空气炸锅几档火力", "这个空气炸锅能烤蛋糕吗", "天气坏了 快递会晚吗"],
    "harm_asked_ahead": ["万一孩子吃下去怎么办 有没有防误食设计", "如果烫到了怎么办 有没有隔热"],
    "near_twins": ["凭发票可以保修吗", "你们是怎么上班的 24小时都有人吗", "别的颜色也想看看", "我不绝望 慢慢等就行",
                   "明天就是周末了 周一发也行", "这个怎么办理会员", "结果出来了吗 鉴定证书"],
}

test_the_upset_classes_read_upset, test_the_cues_name_them_without_the_tone, test_calm_twins_sharing_their_words_stay_calm = family_tests(UPSET, CUE_ALONE, CALM)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["我", "俺", "咱", "给", "送", "带", "老", "妈"]), st.sampled_from(["妈的", "妈的那件", "妈的生日礼物", "妈的尺码"]),
       st.sampled_from(["", " 麻烦包好", "，谢谢", " 要红色"]))
def test_a_mothers_is_never_a_curse(owner, rest, tail):
    text = owner + rest + tail
    assert mood(text).label == "calm", mood(text)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(["投诉", "差评", "举报", "中评"]), st.sampled_from(["不是我写的", "不是俺打的", "并不是我发的", "可不是咱留的"]),
       st.sampled_from(["", " 别误会", "，我一直好评", " 是系统默认的吧"]))
def test_a_review_denied_as_ones_own_stays_calm(word, denial, tail):
    text = "那个" + word + denial + tail
    assert mood(text).label == "calm", mood(text)


@pytest.mark.parametrize("fault", ["破了", "坏了", "少了一个", "发错了"])
@pytest.mark.parametrize("ask", ["你们说怎么办", "你们看咋办", "你说这咋整吧"])
def test_a_fault_then_you_say_what_now_reads_upset(fault, ask):
    assert mood(f"东西{fault} {ask}").upset
