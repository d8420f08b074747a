"""mood28: the classes the burnt held-out sets evalsets23-29 and 32 were still read wrong on, grouped by cause (the
sets 30 and 31 were kept blind). Upset: trust named in hindsight (本来挺相信你们的); the robot or stock reply mocked or
refused; coldness and rudeness named (冷冰冰, 说话客气点, 这么差的售后头一回见, 哪家客服这么凶); the errand likened to a
hardship (退个货比考驾照还难) or no time to spend on the shop; V个寂寞 for any verb; the same question said over in one
message, or announced (我再问一遍); a bare order to answer or hurry (回话, 快点！！！); money named against what came (省吃俭用
攒的钱…就这); the price proverb thrown back (一分钱一分货？); a fault, then a child or an old person at home; the buyer's own
part insisted on (我填的地址明明没错); an instruction broken again (说了别放门口 又放门口); someone must answer for it; the
same fault as last time; the weighing asked back after a shortage; a wait of a whole afternoon; who gave the shop the nerve;
fear of being shut down; an explanation wanted; Shanghainese 气煞 and 勿作数; a big shop's poor service laughed at; a first
bad review announced; a settlement called charity; 领教了; a fault beside the picture's praise (图片那么好看 收到…).
Calm: ??? opening a plain yes/no question; the agent's typo asked about; 呵呵 with a warm word for the agent and no fault;
12315 called and its answer passed on; 我的话 is not a question about a process. Every wording is my own."""
from __future__ import annotations

import pytest

from .moodfamilies import read_calm, read_upset


_upset, _calm = read_upset, read_calm


@pytest.mark.parametrize("text", [
    "唉 原本很相信你们这家店的",
    "本来还挺信赖你们家的 现在真不好说",
    "亏我那么信任你们 推荐给了好几个朋友",
    "白信任你们了",
    "原本挺喜欢你们家的 这回算了",
    "好后悔 就不该相信你们",
])
def test_trust_named_in_hindsight_is_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "我一直挺信任你们家的 这次也一样放心",
    "一直很信任你们家 这次再来两箱",
    "我相信你们会处理好的",
    "本来挺喜欢你们家的款式 这次又上新了 开心",
])
def test_trust_kept_stays_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "自动回复好玩吗 我要找个真人",
    "模板回答有用吗？",
    "别再给我发模板了 说点实际的",
    "不要再甩套话给我",
    "少拿自动回复糊弄我",
    "这样踢皮球有意思吗",
    "地址我得重复几遍 早就写在备注了",
])
def test_the_robot_or_stock_reply_mocked_is_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "这个绘本有意思吗 孩子五岁",
    "你们有自动回复吗 晚上发消息怕没人看到",
    "可以发个尺码模板给我吗",
    "别让机器人回啦 想问点具体的",
])
def test_the_same_words_asked_plainly_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "回个消息都冷冰冰的",
    "麻烦你说话客气一点",
    "这么敷衍的售后我还是头一回见",
    "哪家客服这么凶的",
])
def test_coldness_and_rudeness_named_are_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "你们客服对我挺客气的 谢谢",
    "这么快的物流我第一次见 赞",
    "冰箱里拿出来的饮料冰冰的 很爽",
])
def test_warm_service_and_cold_drinks_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "退个货比考驾照还难",
    "问个物流比登天还费劲",
    "我没空整天跟你们耗",
    "懒得再和你们掰扯",
])
def test_the_errand_likened_to_a_hardship_is_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "这件比上一件还好看",
    "你们家比别家还便宜 真好",
    "没时间逛街 所以在你们家买",
])
def test_comparisons_in_praise_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "补发？补了个寂寞",
    "说是加急 急了个寂寞",
    "保价保了个寂寞",
])
def test_any_verb_done_for_nothing_is_upset(text):
    _upset(text)


def test_a_lonely_person_is_no_sarcasm():
    _calm("一个人住有点寂寞 想买个大点的抱枕")


@pytest.mark.parametrize("text", [
    "几号能发 几号能发 几号能发",
    "退款呢 退款呢",
    "我再问一遍 单号到底是多少",
    "最后再问一次，还发不发了",
])
def test_the_same_question_said_over_in_one_message_is_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "在吗 在吗 想问下尺码",
    "刚才网卡了 再问一次 黑色有货吗",
    "谢谢亲 谢谢亲 谢谢亲",
    "好的好的 收到",
])
def test_greetings_thanks_and_resending_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", ["回话", "吱声", "快快！！！", "赶紧！！"])
def test_a_bare_order_to_answer_or_hurry_is_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", ["快点发货哦 期待", "说话算话的店 支持", "回话很快 点赞"])
def test_the_same_words_in_a_sentence_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "省吃俭用攒的钱买的床垫 就这",
    "掏了五百多买了个破的",
    "花了两百块买来一袋坏的",
    "一分钱一分货？我付的钱可不少",
])
def test_money_named_against_what_came_is_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "花了两百块买了一袋 很值",
    "攒了好久的钱终于买了 好开心",
    "一分钱一分货 我懂 就要贵的那款",
])
def test_money_told_gladly_stays_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "桌角全是毛刺 家里有宝宝的",
    "被子一股怪味 我家有老人",
])
def test_a_fault_then_a_child_or_old_person_at_home_is_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", ["家里有小孩的 这个桌角圆的吗", "我家有老人 字大一点的有吗"])
def test_asking_for_the_family_before_buying_stays_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "门牌号错了 我填的地址明明没错",
    "说了别放门口 又放门口 淋湿了",
    "箱子压扁了 不管是谁的问题 总得有人负责吧",
    "上回的杯子就漏 这回又漏",
    "少了三个 你们是怎么称的",
    "让我妈等了一下午 快递也没来",
])
def test_blame_and_repeated_faults_are_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "地址是我自己写错了 明明是三号楼 麻烦改一下",
    "要是路上摔了 总得有人负责吧？提前问问",
    "等了一天就发货了 很快",
    "我说了要蓝色的 你们发的就是蓝色 谢谢",
])
def test_owned_slips_and_questions_ahead_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "谁给你们的胆子擅自换快递",
    "卖这种东西就不怕被投诉吗",
    "退款被驳回了 我要个说法",
    "阿拉讲过的话勿作数 气煞人",
    "这么大的旗舰店就这种售后",
    "这样的服务 笑死",
    "我从来不给差评的 你们是头一家",
    "补偿五块钱 打发叫花子呢",
    "你们的速度我算是领教了",
    "骗人的店 主图那么好看 到手全是小的",
])
def test_challenges_dialect_scorn_and_firsts_are_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "如果有问题 可以要个说法吗",
    "我从来不给差评的 放心",
    "图片那么好看 收到也一样好看 开心",
    "这个服务好 笑死我了 客服太逗了",
])
def test_their_calm_twins_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "???这双鞋有43码吗",
    "？？？你们周末也发货吗",
    "??? 是不是你打错字了 没看懂你的意思",
])
def test_marks_before_a_plain_question_stay_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", [
    "???我问的你看了吗",
    "我发的照片你们是看不见吗",
    "??? 你能看懂我的话吗",
    "？？？怎么还没发",
    "???是不是发错了吗",
])
def test_marks_before_a_question_about_a_fault_or_being_heard_are_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "呵呵 小姐姐你真会说话",
    "呵呵，老板娘蛮热情的",
    "呵呵 你们客服真幽默",
])
def test_a_laugh_with_a_warm_word_for_the_agent_stays_calm(text):
    _calm(text)


@pytest.mark.parametrize("text", ["呵呵 你们客服真有意思 问了三遍", "呵呵 你真会说话 还没发呢"])
def test_a_laugh_with_a_warm_word_and_a_fault_is_upset(text):
    _upset(text)


def test_the_hotline_called_and_its_answer_passed_on_stays_calm():
    _calm("我打消协问过了 他们说可以七天无理由 你们看怎么退")


@pytest.mark.parametrize("text", [
    "说好的补偿 补偿呢",
    "半个月了还没收到",
    "怎么又漏发了",
    "客服问了一下午 等于白问",
    "卖次品还有理了",
    "我问尺码你答颜色 我说东你说西",
    "退！款！",
    "你们的“尽快”是按月算的吧",
    "这个速度 谁买谁知道",
    "照这样是不是要等到明年啊",
    "明明是你们包装不行 硬说是我摔的",
    "标的两斤 称了一斤半 这差价谁认",
    "下单十天了才告诉我断货",
    "算了 你们家一直这样",
    "送人的礼物这么旧 丢人丢到家了",
    "这么大的品牌 居然这样对待老顾客",
])
def test_second_round_classes_are_upset(text):
    _upset(text)


@pytest.mark.parametrize("text", [
    "说好的赠品收到了 谢谢",
    "如果没货的话麻烦告诉我",
    "过年前能到吗",
    "白问一下 有没有大码",
    "我朋友非说是我买贵了 哈哈",
    "你们家一直这样贴心 好评",
    "不丢人 这个价格很值",
])
def test_second_round_calm_twins_stay_calm(text):
    _calm(text)
