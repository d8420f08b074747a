"""mood6: the forms of upset a cue list missed on the mood6 helper's own batches
(benchmarks/eval/mood6*_messages.tsv): quiet disappointment, waiting told in idioms, sarcasm that
praises the fact belying it, threats in patience or law, accusations of stalling, asking and calling
again, a storm of marks, shame put to the shop; each with calm twins that share its words. Every
wording here is my own: none is a line of those batches, of the corpus or of any evaluation set."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kefu_assist.checker import mood

UPSET = {
    "letdown": ["这次以后不再回购了", "再也不敢踏进你们店了", "白期待一场 穿上一点都不像图", "空欢喜 打开是旧款",
                "对这个牌子路转黑了", "收到货心都凉透了", "花三百买了个堵心", "和详情页差得也太远了"],
    "waiting": ["这单我等得花儿都谢了", "饭都凉了 哦不 黄花菜都凉了", "周一说周二 周二说明天 明天又明天", "退款一拖再拖",
                "这件毛衣是不是绕了半个地球一圈", "半个月了 你们究竟在干什么", "三个礼拜了 快递一动没动",
                "为了换货来回跑了三趟 腿都断了"],
    "sarcasm": ["发货速度可真快啊 五天了还没出库", "质量真好 洗一次又破了", "你家客服是真有才", "好一个正品保障 连吊牌都没有",
                "果然又给我发错了", "退个款像求人一样", "呵 早就料到了"],
    "threat": ["不给退就看着办吧", "反正我有的是时间", "我保留起诉你们的权利", "这事必须追究你们的责任", "我会把这事挂到网上去"],
    "accusation": ["别推诿了 是你们的问题", "天天拿快递当借口", "一直搪塞 有意思吗"],
    "asking_again": ["在么在么在么", "有人吗 有人吗 有人吗", "人工 人工 人工！", "我再说一遍 我要的是蓝色",
                     "上午问的事呢 怎么没下文了", "到底是怎么打包的 全碎了", "说好的顺丰 怎么又是圆通"],
    "mark_storm": ["！！！！", "!!! ??? !!!"],
    "shame": ["卖这种东西 你们不觉得丢脸吗", "你们难道不脸红吗", "你们自己不觉得惭愧吗", "这样做生意不感到羞愧吗",
              "把次品当新品卖 不觉得亏心吗"],
}
CALM = {
    "letdown": ["这次以后不再纠结了 就买你家", "再也不会买错尺码了 记住了", "不会再选错颜色了 谢谢提醒",
                "好感倍增 客服太有耐心了", "心都化了 太可爱了", "和详情页差不多 很满意"],
    "letdown_negated": ["从没让我失望过", "不会让您失望的 放心", "失望是谈不上 就是有点小", "一直没失望过 又来了"],
    "waiting": ["明天发也行 我不赶时间", "一个礼拜能到吗", "三个礼拜前买的那件很好穿 再来一件", "你们在忙吗 有空回我就行",
                "跑了一趟驿站就拿到了 谢谢"],
    "sarcasm": ["发货速度真快 昨天下单今天就到了", "质量真好 就是领口有个线头 能补一件吗", "你们家客服真有才 说话好好玩 哈哈",
                "好一个惊喜 还送了袜子 谢谢", "果然是老牌子 做工没得说", "呵呵 好的 谢谢亲"],
    "threat": ["你看着发吧 哪个快递都行", "这价格再便宜点吧 你看着办", "我有的是时间 慢慢发没关系", "算了不追究了 东西还能用",
               "挂到网上卖的二手能退吗"],
    "accusation": ["不是找借口 是真的忘了付尾款", "快递员说他忘了 没事的"],
    "asking_again": ["在吗在吗", "在吗在吗在吗 想买两件", "我再说一下 收货人姓王", "刚才问的呢 不着急 慢慢看",
                     "到底是怎么用的呀 教教我", "说好的赠品收到了 很可爱"],
    "mark_storm": ["！！！太好看了", "哇？？？这么便宜", "天哪？？？好可爱"],
    "words_compared": ["中评和差评有什么区别", "差评跟中评哪个影响大"],
    "shame": ["选错尺码了 我自己都觉得丢人 哈哈 能换吗"],
}


def _cases(table):
    return [(kind, text) for kind, texts in table.items() for text in texts]


@pytest.mark.parametrize(("kind", "text"), _cases(UPSET), ids=[t for _, t in _cases(UPSET)])
def test_the_missed_forms_read_upset(kind, text):
    assert mood(text).upset, (kind, mood(text))


@pytest.mark.parametrize(("kind", "text"), _cases(CALM), ids=[t for _, t in _cases(CALM)])
def test_calm_messages_sharing_their_words_stay_calm(kind, text):
    assert mood(text).label == "calm", (kind, mood(text))


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["在吗", "在么", "有人吗", "人呢", "人工", "客服"]), st.integers(min_value=3, max_value=6),
       st.sampled_from(["", " ", "，", "！", "？"]))
def test_calling_three_times_or_more_is_upset_and_twice_is_not(word, times, gap):
    assert mood(gap.join([word] * times)).upset
    assert mood(gap.join([word] * times) + " 想问一下有没有大码").label == "calm"  # an eager buyer with a purpose


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="!！?？ 。.…", min_size=0, max_size=12))
def test_a_message_of_marks_alone_is_upset_when_it_holds_three_exclamations(marks):
    text = marks
    has_run = any(run for run in _runs(text) if len(run) >= 3)
    if has_run:
        assert mood(text).upset
    m = mood(text)
    assert (m.score >= 1.0) == m.upset


def _runs(text: str) -> list[str]:
    runs, cur = [], ""
    for ch in text:
        if ch in "!！":
            cur += ch
        else:
            runs.append(cur)
            cur = ""
    runs.append(cur)
    return runs


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["从没让我", "不会让你", "没有让人", "从来没叫我", "不曾让大家"]), st.sampled_from(["", "太", "很"]),
       st.sampled_from(["", " 又回购了", " 值得", "！"]))
def test_disappointment_denied_is_not_disappointment(neg, degree, tail):
    text = f"{neg}{degree}失望{tail}"
    assert not any(c.id in ("disappointment", "judgement") for c in mood(text).cues), mood(text)


# Second round: classes found by a probe batch of my own (not committed, never copied here), each with
# calm twins: a first order gone wrong, hindsight, a shop in decline, the wait as a journey or a race
# with a snail, evidence kept and leaving, calling with 啊, bare praise before the fact that belies
# it, a boss asked to answer in person, advice to the shop, asked again for what was given.
UPSET2 = {
    "first_order": ["头一次下单就翻车", "第一次买就遇到发错货", "早知道就不该图便宜", "真不该信你们的详情页"],
    "decline": ["你们家越来越水了", "衣服一批不如一批", "品控大不如前了", "本来想长期买的 现在算了"],
    "journey": ["是走路送来的吧 这么慢", "物流是去西天取经了吧", "我奶奶爬都比你们快 蜗牛都比你们快", "等得我都麻了",
                "比乌龟还慢的发货"],
    "evidence_and_leaving": ["付款截图都留着 别想赖", "我会保留聊天记录", "算了 告辞", "毁灭吧 不想说了"],
    "calling": ["有没有人啊 急死", "回个话啊 到底怎么说", "为啥还是待发货？？"],
    "bare_praise": ["牛 一个快递走了一星期", "佩服 三件少了两件", "优秀 又发错了"],
    "boss_and_advice": ["请你们经理亲自给我回复", "劝你们别再卖这种东西了", "你们自己相信吗 这能叫真皮"],
    "asked_again": ["又要我拍视频 上次不是拍过了吗"],
}
CALM2 = {
    "first_order": ["第一次买 希望不会踩雷", "头一次下单 有什么要注意的吗", "早知道你家有货 就不去别家了", "怕翻车 先买一件试试"],
    "decline": ["越来越喜欢你们家了", "不如以前那款颜色深 不过也好看 没关系"],
    "journey": ["走路五分钟就到驿站 很方便", "乌龟造型的那个还有吗", "从下周一等到周三都在家 哪天送都行"],
    "evidence_and_leaving": ["截图发你了 是这个颜色吧", "好的 谢谢 拜拜", "聊天记录里有地址 按那个发"],
    "calling": ["有没有人呀 想问个尺码", "为啥订单还是待付款 我付过了 帮看下"],
    "bare_praise": ["牛 一天就到了", "佩服 包装这么严实", "优秀 客服回复好快"],
    "boss_and_advice": ["请你们老板亲自设计一款吧 哈哈", "劝你们多上点新款 我都买", "你们自己用过吗 好不好用"],
    "asked_again": ["还要我拍视频吗 我现在就拍", "第二次来问了 上回说的那个颜色补货了吗"],
    "surprise": ["真的假的 还有这种好事", "真的假的！！还包邮", "真的假的！！！送这么多"],
    "day_count": ["已经第四天了 应该差不多到了吧", "都三天了还没发 是在排队吗 不急"],
}


@pytest.mark.parametrize(("kind", "text"), _cases(UPSET2), ids=[t for _, t in _cases(UPSET2)])
def test_the_second_round_forms_read_upset(kind, text):
    assert mood(text).upset, (kind, mood(text))


@pytest.mark.parametrize(("kind", "text"), _cases(CALM2), ids=[t for _, t in _cases(CALM2)])
def test_the_second_round_calm_twins_stay_calm(kind, text):
    assert mood(text).label == "calm", (kind, mood(text))


# Third round: the classes of mood6c's misses (its lines are not here; my own wording): a fake
# recognised or a wrong thing passed off, the shop never meaning to sell well, an exclamation before
# the state the goods came in, the consumer bodies or friends steered away, asking once more, words
# failing, apologies refused; and calm twins (a fake feared, praise every time, a wait that ended
# soon, a good price admired, 又不是你们的错).
UPSET3 = {
    "fake_or_passed_off": ["一闻就知道不是正品", "明显是假货 还标正品", "拿二手当全新的卖", "被发现了还理直气壮",
                           "压根没打算好好发货吧", "就这也配叫专柜品质"],
    "state_of_goods": ["好家伙 外套能脏成这样", "精彩 收到一个空包裹", "毛衣洗一次就变形成这样"],
    "bodies_and_friends": ["我这就去消保那边反映", "我会叫同事们都绕开你们家", "那就法庭上见"],
    "once_more": ["我再一次问 发票什么时候开", "又一次来催 还是没动"],
    "words_failing": ["对你们无言以对", "我真不知道说啥好了", "别道歉了 道歉有用吗"],
}
CALM3 = {
    "fake_feared": ["是不是正品啊 有防伪吗", "万一不是正品能退吗", "不是正品吗？标签看着不一样"],
    "praise_and_ease": ["每次都是第一时间发货 赞", "等了两天就收到了 开心", "服气 这么划算", "别道歉 又不是你们的问题"],
    "bodies_and_friends": ["消费者权益日有折扣吗", "让朋友帮我收一下 可以吗"],
    "words_failing": ["一言难尽 纠结死了 帮我选一个", "无话可说 太满意了"],
}


@pytest.mark.parametrize(("kind", "text"), _cases(UPSET3), ids=[t for _, t in _cases(UPSET3)])
def test_the_third_round_forms_read_upset(kind, text):
    assert mood(text).upset, (kind, mood(text))


@pytest.mark.parametrize(("kind", "text"), _cases(CALM3), ids=[t for _, t in _cases(CALM3)])
def test_the_third_round_calm_twins_stay_calm(kind, text):
    assert mood(text).label == "calm", (kind, mood(text))


@pytest.mark.parametrize("text", ["别道歉 又不是你们的问题", "别急着道歉嘛 不怪你们", "又不是你们的错 别这样说", "快递摔的 跟你们没关系 别道歉"])
def test_a_buyer_absolving_the_shop_is_not_upset_on_the_tone_alone(text):
    assert mood(text).label == "calm", mood(text)


@pytest.mark.parametrize("text", ["这不是你们的问题吗？", "发错货难道不是你们的责任吗", "不怪你们 怪我瞎了眼", "又不是你们的问题 那是谁的问题？？？"])
def test_a_rhetorical_or_cued_absolution_stays_upset(text):
    assert mood(text).upset, mood(text)


# Fourth round: the classes of mood6d's misses (its lines are not here; my own wording): the shop
# misjudged, a score given, scoffing at a promise, an occasion passed while waiting, a hyperbolic date,
# sarcastic thanks and generosity, being made the one at fault, 你们开心就好, the case written up for the
# platform, the same words again, calls and letters shouted, 烦死了, 丢死人; calm twins that share them.
UPSET4 = {
    "misjudged_and_scored": ["真是信错了这家店", "这次只配零分", "当初为什么要选你们家", "送给婆婆的 结果丢死人"],
    "scoffing": ["号称纯羊毛 简直是笑话", "说是次日达 谁信啊"],
    "occasion_and_date": ["生日都过完了 礼物还没到", "这样下去今年还能收到吗", "怕是有生之年都等不到"],
    "sarcastic_thanks": ["谢谢你嘞 帮了个大倒忙", "好大的面子 退个款还要排队", "合着还是我的不对咯", "行吧 你们高兴就好",
                         "你们是怎么做到三次都发错的"],
    "case_and_repeat": ["售后不管那就该找谁找谁", "我把聊天记录整理一下交给平台", "还是那句话 我要退款", "喂喂喂喂 人呢",
                        "发！错！货！了！", "烦死了 又是坏的"],
}
CALM4 = {
    "misjudged_and_scored": ["选你们家没选错", "这次购物给满分", "为什么要选这款 它跟那款有什么区别", "自己穿错了 丢死人了 哈哈"],
    "scoffing": ["说是纯羊毛 摸着确实很软", "讲个笑话 我又来买了 哈哈"],
    "occasion_and_date": ["生日前能到吗 想当礼物", "今年流行什么颜色呀", "本以为要等很久 没想到隔天就到"],
    "sarcastic_thanks": ["谢谢你 帮了大忙", "好大的箱子 东西真多", "合着这款是加绒的啊 太好了", "你们高兴我也高兴 哈哈"],
    "case_and_repeat": ["按流程来就好 麻烦告诉我怎么操作", "还是那个颜色好看 就它了", "我！爱！死！了！",
                        "选来选去烦死了 你帮我挑吧", "喂 你好"],
    "self_mockery": ["我也是服了自己 又下单了", "管不住手 购物车又清空了"],
}


@pytest.mark.parametrize(("kind", "text"), _cases(UPSET4), ids=[t for _, t in _cases(UPSET4)])
def test_the_fourth_round_forms_read_upset(kind, text):
    assert mood(text).upset, (kind, mood(text))


@pytest.mark.parametrize(("kind", "text"), _cases(CALM4), ids=[t for _, t in _cases(CALM4)])
def test_the_fourth_round_calm_twins_stay_calm(kind, text):
    assert mood(text).label == "calm", (kind, mood(text))


@pytest.mark.parametrize("text", ["中评已经删了 放心", "我把差评改成好评了 谢谢处理", "差评都撤回了"])
def test_a_review_already_withdrawn_is_calm(text):
    assert mood(text).label == "calm", mood(text)


@pytest.mark.parametrize("text", ["差评已经写好了", "不退款我就把差评发出去"])
def test_a_review_written_or_threatened_stays_upset(text):
    assert mood(text).upset, mood(text)


# Fifth round: the classes of mood6e's misses (its lines are not here; my own wording): a verdict on the
# shop's people or goods, a new low, goods not new, joy gone, a shop that moves only when pushed, law and
# the public, others with the same trouble, the parcel on Mars, a month with !!!, made to wait all day, a
# day off wasted, a last call, not understood, doctored photos, goods that hurt, taken in by the
# advertising, a shop that was better before; calm twins that share their words.
UPSET5 = {
    "verdict_and_low": ["你们这批货不太行", "物流是真拉胯", "一次次刷新下限", "这该不会是展品吧", "拆开以后笑不出来",
                        "不催就不发 什么意思", "换在商场早吵起来了", "希望你们正视一下"],
    "law_and_public": ["那只能打官司了", "抖音见", "群里好多人跟我一样 都没收到"],
    "waiting": ["这快递是寄到外太空了吧", "两周了！！！", "老是让我等 等到什么时候", "专门推掉了约会等快递 结果没送",
                "再不退就不用退了 我直接找平台"],
    "harm_and_doctored": ["说了三遍 听不懂话吗", "照片是修过的吧", "一股霉味 怎么给宝宝穿", "凉鞋把脚磨出血", "就是信了详情页",
                          "之前一直好好的 现在怎么成这样了"],
}
CALM5 = {
    "verdict_and_low": ["你们这批货真不错", "这个是样品吗 还是正式款", "开心 收到了", "不催也行 慢慢发", "正在看 先不吵你们了"],
    "law_and_public": ["好多人跟我一样喜欢这个颜色", "小红书上看到推荐来的"],
    "waiting": ["火星红这个颜色还有吗", "两周能到吗", "特意挑了个周末收货 很方便", "再不下单就没货了 赶紧拍"],
    "harm_and_doctored": ["说明书看不懂 能教一下吗", "照片是实拍吗", "宝宝穿会不会磨脚", "怕过敏 有没有纯棉的",
                          "以前买过 现在还是一样好"],
    "asked_about": ["全额退款的话运费险还能用吗", "可以全额退款吗 还没拆封", "收到不喜欢可以退货吧"],
}


@pytest.mark.parametrize(("kind", "text"), _cases(UPSET5), ids=[t for _, t in _cases(UPSET5)])
def test_the_fifth_round_forms_read_upset(kind, text):
    assert mood(text).upset, (kind, mood(text))


@pytest.mark.parametrize(("kind", "text"), _cases(CALM5), ids=[t for _, t in _cases(CALM5)])
def test_the_fifth_round_calm_twins_stay_calm(kind, text):
    assert mood(text).label == "calm", (kind, mood(text))
