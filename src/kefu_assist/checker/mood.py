"""Is the buyer upset? A label (``upset`` or ``calm``) with the cues that decided it.

Cues are words and patterns with a weight; a message is upset when its cues weigh 1 or more.
Strong cues (投诉, 差评, 12315, 骗子, 退款！, ???, 呵呵) weigh 1 alone; weak ones (到底, 怎么还没,
!!) need company. A cue does not count where the buyer only mentions the word calmly: a
negation or reassurance (放心不会给差评的), a question about the word itself (差评是什么意思),
or a complaint about somebody else (怎么投诉快递员). Repeated asking needs the earlier
messages: pass them as ``history`` (oldest first).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from .moodmodel import shipped_model, train_shipped
from .rules import fold, widen_negated_classes

UPSET_AT = 1.0
# How the cues and the trained tone (moodmodel.py, its logit z) are read together: cues that
# weigh UPSET_AT or more make the buyer upset unless z < TONE_VETO (the message reads plainly calm:
# 12315是什么电话); below that, z >= TONE_ALONE - TONE_PER_CUE * cue score makes the buyer upset
# without a strong cue (问了三遍没人理). Chosen (mood2, NOTES-mood2.md) on the fresh development set
# and a validation batch never trained on, together, with the shipped library's non-complaint
# examples kept calm (<= 1 %) and every development message of tests/checker/dev*_moods.tsv kept.
# A weak cue lowers the bar for the tone three times its weight: 到底 + a sour tone is enough.
TONE_VETO = -2.0
TONE_ALONE = 2.25
TONE_PER_CUE = 3.0
_NEG = r"(不会|不给|不打|不想|不要|不打算|没想|没想过|没有|没|不|别|绝不|才不|怎么会|放心|别担心|不用担心|哪会|不至于)"


@dataclass(frozen=True)
class _CueRule:
    id: str
    weight: float
    pattern: re.Pattern[str]
    exceptions: tuple[re.Pattern[str], ...] = ()
    # calm frames: one of these anywhere in the message cancels every hit of the cue
    unless_message: tuple[re.Pattern[str], ...] = ()


def _re(source: str) -> re.Pattern[str]:
    # gaps like [^，。！？] stop at the half-width twins too: the message is folded (，-> ,) first
    return re.compile(widen_negated_classes(source), re.I)


def _c(id: str, weight: float, pattern: str, *exceptions: str, unless_message: tuple[str, ...] = ()) -> _CueRule:
    return _CueRule(id, weight, _re(pattern), tuple(_re(e) for e in exceptions), tuple(_re(u) for u in unless_message))


_CUES: tuple[_CueRule, ...] = (
    _c("complaint", 1.0, r"投诉|举报|(?<!\d)(12315|12345|315)(?!\d)|工商局?|消协|消费者协会|市场监管|曝光|维权|起诉|告你们|律师|报警|法院|(平台|小二)介入|申请介入",
       _NEG + r"[^，。！？就]{0,4}(去)?(投诉|举报|曝光|起诉|维权|报警)",
       r"(投诉|举报)[^。！？]{0,10}(快递|物流|快递员|小哥|派送员|驿站|配送员|司机)",
       r"(投诉|举报|维权|差评)(是什么|什么意思|是啥|啥意思)",
       r"(请问|想问|问一下|问下|问问)[^，。！？]{0,8}(投诉|举报)",
       r"投诉建议|(投诉|举报)[^，。！？]{0,6}(在哪|哪里|怎么提|入口|渠道)",
       # a bank or a register, not the market regulator: 工商银行 / 工商执照
       r"工商(银行|注册|执照|营业执照|信息|登记|管理|学院|大学)|工行",
       # mood5: a place or an office named so (工商所, 工商局旁边), the hotline asked about (12315是热线吗)
       r"工商(所|分局)|(工商局?|消协|市场监管局?)(附近|旁边|对面|楼下|门口|隔壁)",
       r"(12315|12345|315)[^，。！？]{0,3}是[^，。！？]{0,8}(吗|嘛|么)",
       r"(315|3\.15)[^，。！？]{0,2}(晚会|那天|当天|活动|大促|节|有|打折|优惠|促销)",
       r"(投诉|举报)的话[^。！？]{0,8}(怎么|如何|会|一般|是|走|找|要|需要|去哪)",
       # mood5: a family member's complaint, or one aimed at somebody outside the shop
       r"(我妈|我爸|妈妈|爸爸|家人|家里人|老人|邻居|奶奶|爷爷|外婆|老公|老婆|室友)[^，。！？]{0,6}(投诉|举报|12315|12345)",
       r"(投诉|举报)[^，。！？]{0,6}(物业|小区|邻居|房东|公司|学校|医院|外卖|骑手|银行|运营商|别的|其他|另一)",
       r"(怎么|如何|在哪)(去)?(投诉|举报)(?!你们|你家)|(投诉|举报)流程",
       # a question about the word itself: 12315是什么 / 投诉电话是多少
       r"(投诉|举报|维权|12315|12345|315|工商|消协)[^，。！？]{0,3}(是什么|是啥|什么意思|啥意思|指的是|是干什么|是干嘛|是哪|电话是?多少|号码是?多少|是多少|怎么打)",
       # somebody else's complaint
       r"(有人|别人|朋友|同事|网上|听说|看到|好多人|不少人)[^，。！？]{0,6}(投诉|举报)",
       # a camera's exposure (曝光度), a complaint waved away (投诉就算了) or aimed elsewhere (我要投诉的是物流)
       r"曝光(度|率|补偿|时间|模式|参数|值)",
       r"(投诉|举报|差评)(就|也)?算了",
       r"(投诉|举报)的?(是|对象是)(快递|物流|快递员|小哥|驿站|别家|别人|平台)",
       unless_message=(r"表扬|夸(一下|夸|奖)|点赞|感谢信|了解一下|了解下|以防万一|好奇|随便问问|只是问问|就问问",
                       # a good word for the shop beside the word: 我说你们挺好的 / 但我相信你们 / 跟你们无关
                       r"(你们|你家|店家|商家)[^，。！？]{0,3}(挺好|很好|不错|靠谱|挺棒|很棒)|相信你们|(跟|和|与)你们(无关|没关系)|不关你们的?事|不是你们的(问题|事|错)|问别的事")),
    _c("bad_review", 1.0, r"差评|差[!！\s.。]+评|差平|中评|一星|1星|低分|一颗星|追评(说|曝光|写)|(评价|追评)里?[^，。！？]{0,12}(写清楚|写出来|曝光|说说你们|让大家看|所作所为)|所作所为",
       _NEG + r"[^，。！？就]{0,5}(差评|中评|一星|1星|低分)",
       r"(差评|中评)[^，。！？]{0,2}(是什么|什么意思|是啥|啥意思|怎么算|有什么影响|会怎样|影响大吗|怎么删|怎么改|能改|可以改|能删)",
       r"(什么是|啥是|何为|什么叫)(差评|中评)",
       r"(请问|想问|问一下|问下|问问)[^，。！？]{0,8}(差评|中评)",
       r"(差评|中评)[^，。！？]{0,2}(可以|能|能不能|可不可以|怎么|如何)(追加|修改|删|改|追评)",
       r"(差评|中评)[^，。！？]{0,4}(不给|不会给|不打|不写|从来不)",
       r"(朋友|别人|有人|他|她|同事|家人|室友)[^，。！？]{0,3}(给了?|打了?|写了?)[^，。！？]{0,2}(差评|中评)",
       r"(看|看到|看了|有|好多|很多|不少|那些|这些|那条|这条|几个|几条)[^，。！？]{0,4}(差评|中评)",
       r"(差评|中评)(说|讲|提到|里|上说)",
       # the buyer read the reviews, or asks what one would do
       r"(差评|中评)[^，。！？]{0,4}(我)?(看了|看到|都看|看过)",
       r"(差评|中评)[^，。！？]{0,3}(好少|很少|挺少|不多|少|没几个|都没有|几乎没有|多吗|多不多|多么|多少|几条)|有没有(差评|中评)",
       r"(差评|中评)[^，。！？]{0,6}(影响|有用|管用|严重)[^，。！？]{0,8}(吗|么|嘛|[?？])",
       r"(差评|中评)[^，。！？]{0,3}(是)?不可能|(差评|中评)[^，。！？]{0,3}(打错|点错|给错|写错|误点|误打)",
       unless_message=(r"好奇|随便问问|只是问问|就问问|问问而已|想看看|想看一下|了解一下",)),
    _c("insult", 1.0, r"骗子|骗人|骗钱|欺骗|欺诈|诈骗|坑惨|完全不符|货不对板|垃圾|黑店|坑人|坑爹|无良|奸商|恶心|傻逼|(?<![a-z])sb(?![a-z])|去死|妈的|(?<![a-z])tmd?(?![a-z])|卧槽|什么玩意|(什么|这)?破(质量|东西|玩意|店|衣服|鞋|货|服务|客服|快递|产品|态度)|什么破|这破|死哪|烂货|太差|差劲|太烂|气死|无语|敷衍|糊弄|忽悠|耍我|搞什么|什么态度|态度(太|真|好)?差|上当|被坑|坑了|被骗|骗了",
       r"(怕|担心|不怕|以防|防止|免得|会不会|不会)[^，。！？]{0,3}(被)?(骗|坑|上当)",
       r"垃圾(袋|桶|分类|篓|箱)|(湿|干|厨余|可回收|有害|其他|装)垃圾",
       # somebody else is the liar: a stranger posing as the shop (陌生人加我说是你们客服 是骗子吧)
       r"(冒充|假冒|陌生人|陌生号码|有人加我|加我)[^。！？]{0,20}(骗子|骗人|诈骗)",
       r"(我|你|他|她|老|姑|舅|后)妈的",
       r"(不|没)(坑|骗)",
       r"(?<!是)(不是|不会是|应该不是|没有)[^，。！？]{0,2}(骗子|骗人|黑店)",
       r"(之前|以前|在别家|别家|别的店|其他店)[^。！？]{0,20}(被坑|被骗|上当)|(被坑|被骗|上当)怕了",
       # an object called so (骗子草, 垃圾分类) or liars elsewhere (骗人的广告太多了, 有人说被骗了)
       r"(骗子|垃圾|坑)的?(草|花|鱼|鸟|袋|桶|篓|箱|车|分类|处理|短信|电话|广告|app|软件|网站|游戏|剧|电影|链接|动画|故事|小说|角色|绘本|卡牌)",
       r"(骗人|骗子|垃圾)的?[^，。！？]{0,4}(太多|很多|好多|挺多|真多|到处都是|满天飞|泛滥)",
       r"(有人|别人|朋友|网上|听说|看到|好多人|不少人|评论里|评价里)[^，。！？]{0,6}(说)?[^，。！？]{0,2}(被骗|骗|被坑|上当|骗子|垃圾)",
       r"(同事|家人|邻居|室友|同学|妈妈?|爸爸?|老公|老婆|闺蜜|姐姐|妹妹|哥哥|弟弟|他|她)[^，。！？]{0,4}(被骗|被坑|上当)",
       # mood5: fooled by a photo into something better (被图片骗了 实物更好看)
       r"(骗|坑)[^。！？]{0,10}(比图|实物)[^，。！？]{0,3}(还|更)(好|美|漂亮)",
       unless_message=(r"哈哈|嘿嘿|嘻嘻|😂|🤣|😄|😆|比图(还|更)|好看到|太可爱|爱死|回(得|复)(好|真|很|挺|这么)快",)),
    _c("fake", 0.6, r"假货|假的|山寨|高仿",
       r"(是不是|会不会|不会是|是正品还是|有没有|不是|怕买到|担心)[^，。！？]{0,4}(假货|假的|山寨|高仿)"),
    _c("angry_refund", 1.0, r"退(款|钱|货)[!！]|(马上|立刻|赶紧|立即|必须)[^，。！？]{0,2}(给我)?退(款|钱|货)|还(我)?钱|给(我)?(一)?(个)?(说法|解释|交代)|赔(钱|偿)[!！]"),
    _c("question_marks", 1.0, r"[?？]{3,}", unless_message=(r"请问|谢谢|麻烦|小哥哥|小姐姐|哈哈|嘻嘻",)),
    _c("question_marks", 0.5, r"(?<![?？])[?？]{2}(?![?？])"),
    _c("exclamations", 0.5, r"[!！]{2,}|(?<![!！])[!！](?![!！])"),
    # praise in the same message makes 呵呵 and 真行 a smile, not a sneer (a trade-off: "呵呵，真快，一周了" stays
    # upset only through its other cues)
    _c("sarcasm", 1.0, r"(?<!呵)呵呵(?!呵)|(真|可)(行|可以|有你们?的|会玩|够可以|是服了)(啊|呀|哈|哦|了)?(?![吗?？])|好(一个|个)[^，。！？]{1,4}[!！]|服了|醉了|厉害了|(真|是真)(的)?会谢(?!谢)",
       unless_message=(r"好看|好快|真快|挺快|不错|喜欢|满意|好用|回购|点赞|给力|推荐|第[二三四五六七八九十\d]+次买|又来买|(很|挺|超|太|真)(好|棒|赞)(?!意思)|好评|辛苦|爱了|绝了|漂亮|舒服|可爱|精致|用心|惊喜|谢谢|感谢|这么快|很快|快就到|就到了|夸|送了|小卡片|好评|被说中|说中了|说得对|终于|值得|就到",)),
    _c("impatience", 0.6, r"到底|究竟|(都|已经)[^，。！？]{0,3}第?(几|好几|\d+|[一二三四五六七八九十两]+)(天|个星期|周|次|遍)(问)?了|(都|现在|已经)(快|有|超过)?[^，。！？]{0,2}(半个月|一个多?月|一周|一个多?星期|好几天|十几天|\d+天)了|(说了|问了)[^，。！？]{0,3}(多少|几|好几|n)(遍|次)|人呐|有人没有|理理我|说话啊|等了[^，。！？]{0,3}(半天|好久|这么久|几天|好几天|\d+天|[一二三四五六七八九十两]+天|一周|一个?星期|一个?月|[一二三四五六七八九十两\d]+个?(小时|钟头))",
       r"等了[^，。！？]{0,6}终于|终于[^，。！？]{0,3}(到|等到|来|收到)",
       r"(到底|究竟)怎么(用|装|安装|穿|洗|操作|设置|调|戴|搭配|选|量)(?!的)",
       r"(到底|究竟)(选|买|要|拿|穿|是|该)?(哪|[^，。！？不没]{1,6}还是(?!不|没)|[^，。！？]{0,6}(纠结|好看|合适|适合|保暖|划算))"),
    _c("reproach", 1.0, r"还好意思|(烂|差|破|垃圾)成这样|答非所问|耍(人|我|着)|玩我|好欺负|欺负(人|消费者|我)|倒闭|关门吧|(做什么|怎么做|还做)[^，。！？]{0,2}生意|别跟我(说|来|扯|讲)|能不能(有点|专业|靠谱|负责|长点)|能不能给个(明确的|准确的|确切的)?(准话|准信|说法|解释|交代|答复)|(马上|立刻|赶紧|立即)给我|差到|差成|极差|这么差|有没有良心|良心不会痛"),
    _c("reproach", 0.6, r"(?<!有)什么服务(?!吗|呢|项目|内容|态度)|机器人吗|(很|好|真|超)差(?!不多)|天天催|一直拖|拖(着|了|到)|赶紧(处理|解决|退|发|回)|这么久(还|都)(不|没)|诚信",
       r"(会不会|是不是|怕|担心|不会|会)[^，。！？]{0,4}(很|好|真|超)差"),
    _c("repeat_trouble", 1.0, r"三番五次|一次又一次|每次都(是|这样|出)|又是这样|总是这样|老是这样|也敢卖|还敢卖|虚假宣传|浪费(我|大家)?的?时间|说不清楚|叫个懂的|(气|急)得我|气死"),
    _c("outrage", 1.0, r"(讨|要|给我)(个)?说法|太过分|霸王条款|店大欺客|等着瞧|走着瞧|你(们)?等着|发(到)?(微博|抖音|小红书|朋友圈)|网上曝光|让大家(都)?看看|啥玩意|什么东西啊|什么垃圾|不要脸|无耻|缺德|黑心|智商税|割韭菜|跑路|(?<![a-z])tm(?![a-z])|特么|我靠|卧槽|艹|(?<!接)受不了|忍无可忍|忍不了|没见过这么|从没见过|害我|耽误我|谁(来)?负责|凭什么|慢死了|劣质|残次"),
    _c("outrage", 1.0, r"什么跟什么|让我(很|非常|特别|挺)?(不舒服|不爽|生气|难受|寒心|心寒)|不爽|寒心|怎么(给我)?发(个|了)?(旧|坏|错|破|用过)|不(给)?(我)?(处理|解决|退|给我?退)[^，。！？]{0,4}(的话)?(我就|就)|受气|花(了)?钱[^，。！？]{0,2}不是来|算不算数|说话不算|(怎么|给个|需要一个|给我一个)解释|(真是|真的|受)够了|亏你们|一问三不知|复制粘贴|又是这(个|句|套)|又来这套|烦不烦|严重不符|(描述|实物|图片)[^，。！？]{0,6}不符|骗鬼"),
    _c("blame", 1.0, r"怎么搞的|搞什么鬼|怎么做事的?|怎么办事的?|会不会做生意|有没有搞错|搞错没有|必须(给我)?(解决|处理|退|赔)|今天(必须|一定要)给我|晕死|吐了|想骂人|吐血|坑死|质量堪忧|粗制滥造|以次充好|货不对版|踢皮球|推卸责任|推来推去|不作为|等到猴年马月|郁闷死|糟心|闹心"),
    _c("broken_trust", 1.0, r"再也不(会|想|要)?[^，。！？]{0,6}(买|来|光顾|相信|信)|欺负|气(到|得|死|炸|坏)了?|(叫|让|要)[^，。！？]{0,3}(店长|老板|领导|主管|经理|负责人)[^，。！？]{0,3}(出来|说话)|(很|够|非常)有耐心了|耐心[^，。！？]{0,8}(用完|没了|有限|耗尽|到头|磨没)|没(人|有人)?给我[^，。！？]{0,4}(答复|回复|说法|解释|交代)|自己说的[^，。！？]{0,12}呢|买了个寂寞|抢钱|(第[二三四五六七八九]次|又|再次)[^，。！？]{0,4}(收到)?[^，。！？]{0,2}(坏|错|破|少|漏)的?|痛快(话|点)|怎么开(的)?店|不(检查|质检|看看)的?吗"),
    _c("broken_trust", 0.6, r"有什么用|只会说|退还是不退|更差|服务(也)?(差|不行)|东西不行|每次(问|找|催)都|我要求|不接受任何|说的[^，。！？]{0,10}呢(?=[?？]?$)"),
    _c("broken_trust", 0.5, r"到现在|全额退款|线头|到处都是", r"(加班|忙|工作|上班|玩|睡|学习|开会|逛)到现在"),
    _c("blame", 0.6, r"要等到什么时候|郁闷|伤心|难过|无奈|做工粗糙|还要等多久|什么时候才(能|会)|答复呢|头疼|破烂"),
    _c("weak", 0.6, r"给我退(了|掉)|还是发错|又发错|还在路上|不要了|不满意|太慢|急死了|好几次|催了(好|几|多少)|什么情况|不给退"),
    _c("weak", 0.5, r"一点用(都|也)没有|有什么用|没用(?![过過])|你们自己看看|差太多|怎么回事|一动不动|没动静|没(有)?更新|不像话"),
    _c("feeling", 1.0, r"(很|真|太|好|非常|超)?(生气|愤怒|火大|气人|窝火|崩溃|受够)|(太|很|真|非常|一点都|一点也)不(负责|专业|靠谱|像话|讲理|讲信用|诚信)|不负责任|什么鬼|搞笑吧|开什么玩笑|逗我|一而再|再三(地)?出|不(会再|会|再|敢)?(相信|信任)你们|这就是你们的|(你们|你)[^，。！？]{0,6}(也|都|就)?不(管|理|处理|负责|解决)(的)?(吗|吧|了|\?|？)|没人管|不管不问",
       unless_message=(r"(你们|你家|你们家)[^，。！？]{0,3}(就)?(挺好|很好|不错|靠谱|挺棒|很棒)",)),
    _c("escalation", 1.0, r"(找|叫|让|换)(你们)?的?(领导|主管|经理|负责人|上级)|(领导|主管|经理|负责人)(呢|在哪|出来)"),
    _c("attitude", 1.0, r"(什么|啥|这)(服务)?态度|态度(这么|太|真|好|很)?(差|恶劣)|(怎么|咋)(能)?这样说话|阴阳怪气|(这么|太)冷淡|不耐烦|说话(太|这么)?冲"),
    _c("ignored", 1.0, r"人呢|人(都)?(跑|去)哪|客服(去哪|跑哪|在哪|呢)|(怎么|咋|为什么|为啥)(还)?(不|没)(回|理|说话)|(半天|好久)(都)?没(回复?|人回|人理)|回复(好|太|这么)?慢|(快|赶紧)(点)?回(我|复|个)|回个话|有人回一下|没人(理|回|管|说话)|不理人|(半天|一直|老是|总是)不回|爱答不理|爱理不理|不回(消息|复|话)",
       r"(几点|晚上|周末|节假日|假期|夜里|半夜|下班)[^，。！？]{0,6}没人(回|理|在)",
       unless_message=(r"(想|要|准备|等着)(下单|买|拍|付款)|回(得|复|消息)(好|真|很|挺|这么|超)快",)),
    _c("impatience", 0.5, r"(怎么|为什么|为啥|咋)(还|都)(没|不)|(一直|总是|老是)(不|没)"),
    _c("broken_promise", 0.6, r"说好的[^，。！？]{0,8}(又|却|怎么|结果|还|没)|(不是|明明)说(好|了)|说了[^，。！？]{1,8}(?=[，,]?(现在|结果|却|都))"),
    _c("annoyed", 0.6, r"离谱|过分|太贵了吧|坑|什么意思啊|搞什么", r"(被坑|被骗|上当)怕了|(之前|以前|在别家|别家|别的店|其他店)[^。！？]{0,20}坑"),
    _c("disappointment", 1.0, r"(太|很|非常|真|好)失望|再也不(买|来|会买|在你)|不会再(来|买)|拉黑|取关"),
    _c("disappointment", 0.6, r"失望|最后一次(买|来)|后悔(买|了)", r"失望(倒|也)?(不至于|谈不上|说不上|还不至于)"),
    # -- anger without a listed word (each a frame, not a word list) ---------------------------
    # asking again and again: 问了好几遍 / 说第四回了 / 这都第几次了 / 每次问都是
    _c("repeat_ask", 1.0, r"(问|说|催|讲|找|联系|反映|反馈|打)(了|过)?(你们?|你)?[^，。！？]{0,2}第?(几|好几|很多|好多|n多|[二三四五六七八九十两\d]+|n|无数|多少)(遍|次|回)"
       r"|第(几|[二三四五六七八九十\d]+)(次|回|遍)(了|问|找|催|说|联系|来问)|每次(问|找|催|联系)?都(是|说|讲|回|一样|拖|这样)"),
    # a demand with time pressure at the shop: 今天之内给我处理好 / 现在就给我一个答复 / 别磨蹭 / 没空陪你们玩
    _c("demand", 1.0, r"(今天(之内|内)?|马上|立刻|立即|现在(就)?|赶紧|赶快|尽快|快)[^，。！？]{0,3}给我[^，。！？]{0,4}(处理|解决|答复|回复|退|发|换|说法|交代|答案|结果|搞定|弄好)"
       r"|(别|不要)(再)?(磨蹭|拖拉|拖了|墨迹|磨叽)|等不起|等不了了|没(时间|空|工夫|功夫)(跟|陪|和)(你们?|你)[^，。！？]{0,2}(耗|玩|扯|磨|闹|废话)|只(看|要)结果",
       unless_message=(r"谢谢|麻烦(您|你|了)|辛苦|拜托",)),
    _c("demand", 0.6, r"(今天|现在|马上)(必须|一定要|务必)"),
    # the buyer feels lied to or taken for a fool: 又在骗 / 拿我当冤大头 / 觉得我好骗
    _c("fooled", 1.0, r"又(在|来)?(骗|糊弄|忽悠|敷衍|找借口|推脱)|(当|拿)我(是|当)?(傻子|傻瓜|傻|好骗|好欺负|好打发|三岁|冤大头|猴|小孩|白痴)"
       r"|(以为|觉得)我(很|好)?(好骗|好欺负|好打发|傻|不懂|不会|不敢|闲)|我(好骗|好打发|好欺负)"),
    # the agent's words dismissed: 别跟我扯 / 少来 / 套话 / 说句人话 / 正面回答 / 装死
    _c("dismiss", 1.0, r"(别|不要|少)(再)?(跟我|给我|和我|对我)?(扯|来这|发这些|说这些|废话|找借口|狡辩|打官腔|复制粘贴)|少来|不想(再)?听|不用(跟我|给我)?(解释|废话)"
       r"|套话|官话|官腔|场面话|念经|复读机|(客服|你们|你)[^，。！？]{0,3}(是)?摆设|装(死|傻|听不懂|不懂|糊涂|聋|瞎|没看见|看不见)|打太极|车轱辘话|(说|讲)(句)?人话|正面回答|(看|搞|弄|查|问)清楚(了)?再(回|说|答)",
       unless_message=(r"没关系|没事|不要紧|理解",)),
    # waiting without an answer: 一天了，一个回复都没有 / 连个解释都没有 / 隔了三天才回
    _c("no_answer", 1.0, r"(一天|一上午|一下午|一晚上|一整天|半天|[一两二三四五几\d]+个?(小时|钟头|天|周|星期)|整整[^，。！？]{0,4})[^。！？]{0,8}(一个|个|连个)?(回复|答复|说法|解释|消息|人影)(都|也)没(有)?"
       r"|连(个|一个|一句)?(回复|答复|说法|解释|道歉|回应)(都|也)(没有|没)|(隔了|过了|等了)[^，。！？]{0,5}才(回|理|处理)"),
    # rhetorical questions at the shop: 你们这样对待顾客合适吗 / 这就是你们说的品质保证？ / 有没有人管
    _c("rhetoric", 1.0, r"(你们|你)[^，。！？]{0,4}(这样|就这么|就是这么|这么)[^，。！？]{0,6}(对待|做生意|做事)[^，。！？]{0,8}(吗|的[?？]|合适|[?？]|迟早|吧)"
       r"|这就是你们(所谓|说)的|(良心|脸)[^，。！？]{0,3}(过得去|不痛|不会痛|何在|被狗吃|喂(了)?狗|让狗吃)|要不要脸"
       r"|(是不是|就是)[^，。！？]{0,6}(不(打算|想|准备)|想)[^，。！？]{0,2}(负责|处理|管|退|拖|赖|耍赖)"
       r"|(有没有|到底有没有|还有没有)(人|在)[^，。！？]{0,2}(管|看|听|处理|理|回)|(你们|你)到底(打算|想|要|准备)[^，。！？]{0,3}(怎么|怎样|干什么|干嘛|咋)"
       r"|(你们|你)自己说[，,]?[^。！？]{0,8}(怎么|咋)(办|解决|处理)|(说的话|承诺|答应的)[^，。！？]{0,4}(算|作数)|敢不敢"),
    _c("rhetoric", 0.6, r"(你们|你)[^，。！？]{0,6}自己[^，。！？]{0,2}(会用|用过|敢用|穿过|会穿|试过|用用|信吗)[^，。！？]{0,4}(吗|嘛|[?？])"),
    _c("rhetoric", 0.5, r"这种(东西|货|玩意)|这玩意"),
    # going over the agent's head: 叫你们老板来 / 把主管叫来 / 去平台申诉 / 评评理
    _c("escalation", 1.0, r"(叫|让|找|把)(你们)?的?(老板|店长|掌柜|主管|经理|领导|负责人|上级|管事的)[^，。！？]{0,4}(来|出来|说话|叫来|过来|跟我|和我|接)"
       r"|(找|去|到|让)平台[^，。！？]{0,4}(客服|申诉|评理|说理|理论|处理|仲裁)|(?<!怎么)(?<!如何)(?<!在哪)申诉|评评理|说理去|讨个?公道"),
    # a threat or a verdict: 我就不客气了 / 看你们怎么收场 / 迟早要完
    _c("threat", 1.0, r"(就|可就|也就)不客气|别怪我|收场|后果自负|迟早(要)?(完|倒闭|关门|出事)|没完没了|跟你们没完|有你们好看|让你们好看"),
    # disappointment in other words: 瞎了眼 / 没信心 / 冤大头 / 说得天花乱坠 / 受这个罪 / 开玩笑呢
    _c("letdown", 1.0, r"瞎了眼|(对)?(你们|你家|你们家|店家|商家|这家)[^，。！？]{0,4}(没|没有|失去)(了)?信心|(不|没法|怎么)(再)?(相信|信任)你们|冤(大头|枉钱)|钱花得[^，。！？]{0,2}(冤|不值|亏)|天花乱坠|说得好听|放屁|十万八千里"
       r"|(整个人|心情)都不好了|(说话|沟通|交流|买个东西)[^，。！？]{0,3}(真|好|太)累|心累|开玩笑(呢|吧)|(这点|这么点)(小)?事[^，。！？]{0,4}(都)?(办|做|处理)不(好|了)"
       r"|受(这个|这种)罪|(就|还)?这(种)?质量[^，。！？]{0,6}(还|也|就)(卖|敢|好意思)|(你们|你|态度|服务|回复|处理)[^，。！？]{0,4}(也)?太(随意|随便)",
       unless_message=(r"哈哈|嘻嘻|😂|😄",)),
    # still not there after a while: 还没到 (weak: needs company such as 都快一个月了)
    # a long wait and still nothing: 都快一个月了还没到 (三天 alone stays a weak cue)
    _c("long_wait", 1.0, r"(半个月|一个多?月|两周|两个?星期|十几天|[1-9]\d天|整整[^，。！？]{0,3})[^，。！？]{0,3}(了)?[^，。！？]{0,3}还(没|没有|不)"),
    # -- anger without a listed word, second round (dev9) ---------------------------------------
    # a verdict in few words: 就这？ / 没谁了 / 够够的 / 算我倒霉 / 气笑了 / 忍你们很久了
    _c("verdict", 1.0, r"就这(样)?[?？]|就这$|没谁了|够够的|算我倒霉|倒霉透|气笑|忍(你们|了)?(很久|好久)|没(有)?耐心了|不想说了|买罪受|早知道(就)?不|形同虚设|推三阻四|等于没说|说了等于|出尔反尔|前后不一"
       r"|一会(儿)?说[^。！？]{0,8}一会(儿)?说|拖时间|又(推|拖|甩)|亲来亲去|别(叫|喊)我亲|心里没(点)?数|谁给你们的(勇气|脸|底气|自信)|(还)?开什么店|不想做我(的)?生意|(听不懂|不想管|不想处理)还是|还是不想(管|处理)"
       r"|都(做|办|处理|弄|搞)不好|(什么|啥)都不知道|我的(时间|钱)[^，。！？]{0,4}不是|摆着看|等到现在|奉陪到底|耗到底|讲(点)?道理|负(点)?责任"),
    # 最后问一次 is also a bargaining move (最后问一次 便宜不便宜): it needs company
    _c("verdict", 0.6, r"(最后(问|说)|(问|说)最后)(一次|一遍)"),
    # a deadline or a demand for a result: 我给你们一个小时 / 我需要一个合理的解释 / 我要的是解决办法不是道歉
    _c("verdict", 1.0, r"给你们[^，。！？]{0,4}(小时|分钟|天)|合理的解释|我要的是[^。！？]{0,8}不是|(什么时候|到底|能不能|啥时候)[^，。！？]{0,3}给(个|一个|我)?(结果|说法|答复|准信|准话|交代|解释)|(你们|你)(就)?(这么|这样)(做事|办事|做生意|对待)"),
    # the promise that was broken: 不是说48小时发货吗 现在都第5天了 / 上次也这样 / 不是第一次了
    _c("verdict", 1.0, r"不是说[^。！？]{0,12}(吗|嘛)[^。！？]{0,10}(现在|都|结果|怎么)|(现在|都|已经)(都)?第[二三四五六七八九十\d]+天|上次也(这样|是这样|是)|不是第一次了|还说下次"),
    # -- third round (dev10) ---------------------------------------------------------------------
    # judging the shop in a word or a frame: 太让人失望 / 不厚道 / 靠不靠谱 / 冤种 / 也好意思卖 / 离谱到家
    _c("judgement", 1.0, r"让人(很|太|非常|特别)?(失望|寒心|生气|无语|崩溃|恶心|火大)|(太|很|真|好|非常)(让人)?失望|不(厚道|地道)|(靠不靠谱|专不专业|负不负责)|冤种|当猴耍"
       r"|(也|还|竟然|居然)好意思|这么烂|(离谱|无语|差|烂|失望|过分|差劲)(到家|透顶|至极|到极点)|(怎么|咋)(能|可以)这样|搞(了)?半天|几次三番|三番两次|亏我"
       r"|我问的是[^。！？]{0,6}(你|你们)(答|回|说)的?是|就这(服务|质量|态度|水平|速度|效率)|给(句|个|一句)(准话|准信|痛快话|实话)|说好的[^，。！？]{0,6}呢"
       r"|能不能别|别(一直|老|总|再)(让我|叫我)?(等|拖|催)|(你|你们)让我怎么(用|穿|办|吃|弄)|就会(说|道歉|推|拖)|(已经|够)(很|够|非常)?客气了"
       r"|我就(找|去)(平台|小二|工商)|(卖|发|寄)的?这?是什么(东西|玩意|货)|我不接受(这个|这种|你们的)?|连个(影子|人影|回音|消息|动静)(都)?没(有)?"
       r"|搞了(半个月|一个月|好几天|一周|这么久|这么多天)|(一个|这个|这)破[\u4e00-\u9fff](?<![洞损了掉开皮口])|(新的|全新)还是(二手|旧的|用过)|一看就是(用过|二手|旧|假)"
       r"|要不是[^，。！？]{0,6}(早|早就)(退|投诉|差评|走)|(这事|事情|这件事)(还)?没完(?!成)|(非得|非要|难道要|是不是要|逼我)[^，。！？]{0,4}(投诉|差评|报警|曝光)"
       r"|(退|回|发|换|处理|问)个[\u4e00-\u9fff]{0,2}(要|都|就)?(这么|那么)(难|麻烦|久|费劲)"),
    _c("judgement", 1.0, r"(你们|你)赶紧(想办法|给我|处理|解决|退|发|回)|又是机器人", unless_message=(r"谢谢|麻烦(您|你|了)|辛苦|拜托",)),
    _c("judgement", 0.6, r"赶紧(想办法|给我|处理|解决)|还是没(弄好|好|解决|修好|处理好)|直接(回答|告诉我)|不要再(发|说|回)|(又是|是)机器人|怎么又(是|来|这样)|我告诉你"
       r"|解释一下|(把)?钱(退|还)给我|(立刻|立即|马上)[!！。]?$|(我的|我要的)[^，。！？]{0,4}(东西|货|快递|退款|钱)呢",
       unless_message=(r"谢谢|麻烦(您|你|了)|辛苦|拜托",)),
    _c("judgement", 0.5, r"为什么[^，。！？]{0,6}(少|错|坏|没|不)|钱都付了|还(没|没有|不)(给我)?(解决|处理|回复|答复|退款|退)"),
    _c("judgement", 0.4, r"我要(退款|退货)|简直"),
    _c("judgement", 0.5, r"(?:^|(?<=[,，。.!！?？\s]))(\d+|[一两二三四五六七八九十几]+)(天|周|个星期|个月)了"),
    # -- fourth round (dev11) --------------------------------------------------------------------
    _c("judgement", 1.0, r"(还)?(想|要)?(让|要)我等(多久|到什么时候|到啥时候)|根本不|不把[^，。！？]{0,4}当回事|不当回事|还没人(联系|理|回|管|处理)"
       r"|一点(进展|消息|动静|回音|反应)(都|也)没(有)?|认真(一)?点(好吗|行吗|吧)|能不能认真|用点心|(很|非常|特别|极其)不满(意)?|(总是|老是|一直|又)(找理由|找借口|推脱|推卸)"
       r"|不想再等|等不下去|亏死|亏大了|血亏|(一点|毫无|没有)(诚意|诚信|责任心|担当)|(你们|你)(就是)?(这么|这样)对(待)?(客户|顾客|买家|消费者|我)"
       r"|不想(卖|做|干|开)了|都说了[^。！？]{0,8}还|买(了)?(个)?气受|花钱买气|(承诺|答应|保证)的[^，。！？]{0,4}呢|(讲|说)不通|沟通不了"),
    _c("judgement", 0.6, r"能不能快(点|一点)|什么意思[?？]?$"),
    # -- fifth round (checker4, the fresh development set): threats and verdicts in other words
    _c("verdict", 1.0, r"法庭见|法院见|(建议|劝)(大家|各位|你们)[^，。！？]{0,2}(别|不要)买|大家(千万)?(别|不要)买|避雷|强烈要求|(对不起|道歉|抱歉)(有|能有)(什么)?用|(烂|差|坑)透了|真能拖|(几|多少|[二三四五六七八九十两\d])次了[^。！？]{0,4}(还|又|都)?(是)?[^。！？]{0,2}(错|坏|少|漏|这样)"
       r"|失去(所有|很多)?(顾客|客户|买家)|(比你们|比你家)(还)?快|几点了(还|都)(不|没)(回|理)|(回复|答复|说法)永远是|不是你们的(事|责任|问题)吗"),
    _c("judgement", 0.4, r"等了[^，。！？]{0,3}(一个)?礼拜"),
    # -- sixth round (mood5, adversarial5_moods.tsv: styles the corpora lacked) -----------------
    # money the buyer has not got back: 钱呢 / 钱去哪了 / 原路在哪 / 显示退款成功 卡里根本没有
    _c("money_missing", 1.0, r"(钱|退款)(呢|去哪|去了哪|在哪|哪去|被吞|吞了|打水漂)|钱[!！]{2,}|原路(在哪|是哪)|(显示|说)(已经)?(退款)?(成功|已退|退了|到账)[^。！？]{0,8}(根本|压根|一分)",
       r"(省|攒|存|赚|挣|零|找|换)钱(呢|在哪)|(请问|如果|要是|万一|一般)[^。！？]{0,8}(钱|款)"),
    # a refund still missing: needs the tone or company (退款还没到 帮我看看 is a question)
    _c("money_missing", 0.6, r"(退款|钱|款)[^，。！？]{0,6}(一直|还|都|根本|迟迟|始终)(没|不|未)(有)?(到|退|见|收到|回来)",
       r"(一般|如果|要是|万一|是不是|会不会|请问)[^，。！？]{0,8}(没|不|未)",
       unless_message=(r"是不是要|一般|正常吗|需要多久|要多久|几个?工作日|谢谢|麻烦|帮(我|忙)",)),
    # damage blamed on the shop: 你们怎么包的 / 发货前就是坏的 / 能不坏吗 / 我拿什么用 / 这都能错
    _c("damage_blame", 1.0, r"(你们|你)(是)?怎么(包|打包|装|发|检查|做|寄|送|量)的|(发货前|出厂前?|发出前|寄出前|发货时)就(有问题|坏|是坏|有毛病|破|是破)"
       r"|(你们|商家|店家|店里)的?(包装|打包|发货)(的)?问题|能不(坏|碎|破|漏|烂)吗|我拿什么(用|穿|吃|送)|(这|这样|这也)都能(错|丢|坏|漏|寄错|发错)|还能(寄|发|送|写)错"
       r"|(你们|你)[^，。！？]{0,4}(自己)?(量过|检查过|测过|试穿过)(吗|没有|没)"
       # the goods hurt or spoiled something of the buyer's: 染了我一身 / 把我手划伤了
       r"|(染|弄脏|划伤|划破|烫伤|夹伤|扎伤|刮伤|磨破)(了|得|到)?我|把我[^，。！？]{0,6}(染|弄脏|划伤|划破|烫伤|夹伤|扎伤|刮伤|磨破)",
       r"(会不会|怕|担心|会|容易|不会|以防|防止|小心)[^，。！？]{0,6}(染|弄脏|划|烫|夹|扎|刮|磨)"),
    # going to a human or a boss: 不要机器人 / 找个真人 / 只会自动回复 / 能做主的人 / 我要找你们老板
    _c("escalation", 1.0, r"(能|可以)做主的(人|来)|说了算的(人|来)|做不了主|找(你们)?的?(老板|店长|掌柜|主管|经理|负责人|领导)$|(只会|又是|全是|就会)(发)?自动回复|自动回复有(意思|用|什么用)",
       unless_message=(r"批发|采购|批量|合作|团购|代理|定制|留(一|了|个)|推荐|谢谢|请问|设计|谈(个|谈)?(合作|生意|价)|嘿嘿|哈哈|赠品",)),
    # asking for a person instead of the bot is also how calm buyers start (the library's 找个真人客服): weak
    _c("escalation", 0.6, r"(不要|别|不想跟?|不想和)(再)?(让)?(机器人|自动回复)|找个?真人"),
    # a dare: 你们是真不怕差评啊 / 根本不在乎投诉
    _c("threat", 1.0, r"(你们|你|真|根本|就|一点(都|也)?)(是)?(真)?不(怕|在乎|在意)[^，。！？]{0,2}(差评|投诉|曝光|被投诉|举报)"),
    # quiet anger and resignation, soft threats: 就当买个教训 / 花钱找罪受 / 退了个寂寞 / 我记住你们了 /
    # 还能拖多久 / 看在…才没闹 / 本来想给好评的 / 别想赖 / 写着玩的吗 / 都是哑巴吗
    _c("resigned", 1.0, r"(就当|当|算)(我)?(是)?(买了?个|交了?|花钱买了?个?)?(个)?教训|找罪受|(退|买|等|问|处理|修|换)了个寂寞|(真|是真)(的)?会谢(?!谢)"
       r"|(记住|记下)(你们|你|这家|这个店|你家)(了)?(?![的吧吗])|还能(拖|装|推|耗)多久|才没(闹|投诉|差评|计较|追究)|本来(想|要|打算|准备)(给)?[^，。！？]{0,6}好评"
       r"|(你们|你|你家)[^，。！？]{0,2}不配(?!送|件|货|套|齐|色|置|合|图)|(你们家?|这家店?|你家)我?(记住|记下)了|别想(赖|抵赖|耍赖|不认|跑|糊弄)|(写着|说着|印着|标着)玩(的|儿)?|(都是|是)?哑巴(吗|啊|了)|(骑|坐)蜗牛|(被|给)(你们)?(毁|搞砸)了|(全|都)(毁|砸)了",
       unless_message=(r"下次还|还(会)?(再)?来买|回购|喜欢|哈哈|嘿嘿|好用|开玩笑",)),
    _c("resigned", 0.6, r"(不|没)(指望|期待)(你们|了)|我自己想办法|不用(再)?回(了|我)|说了也(没用|白说)|无力|心累|憋屈|咽不下"),
    # an oath against coming back (再买你们家我就是狗), a rhetorical 我很好笑吗, a matter of principle, 先…再说,
    # warm before paying and gone after (付款前…付款后), the shop moving the goalposts (拍了又说)
    _c("resigned", 1.0, r"我就是(狗|小狗|猪|傻子|傻瓜|大傻子|孙子|王八|傻)(?![^，。！？]{0,3}(吗|嘛|呀|的|了))|我(很|这么|有那么)?好笑(吗|是吧|嘛)|原则问题"
       r"|先(把|给)[^，。！？]{0,10}(解决|处理|退|弄好|搞定|换)(了|好)?再(说|谈)|(付款|付钱|下单|买|收钱)(之?前)[^。！？]{0,12}(付款|付钱|下单|买|收钱)(之?后)|售前[^。！？]{0,10}售后"),
    # a promise broken across a pause (说好的顺丰 结果…), a wait asked about in anger, tired of waiting
    _c("broken_promise", 0.6, r"说好的[^。！？]{0,10}(结果|却|可是|但是)|等到(什么时候|啥时候|哪天)[?？]|(等|问|催|跑)[^。！？]{0,10}(好累|真累|太累|累死|心累)"),
    _c("damage_blame", 0.6, r"不让(我)?(先)?(拆开|拆|验|验货|检查|开箱)|(拍|发|寄|填|传|交|给|改)了(照片|图|视频|单号)?又(说|要|让|叫)"),
    # rhetorical frames at the shop's promises and pace (mood5, classes of tests/checker/mood2_validation.tsv's
    # misses, in my own wording in tests/checker/test_mood5.py): 尽快是多久 / 昨天说今天 今天说明天 / 这很难吗 /
    # 我是在跟人说话吗 / 对得起顾客吗 / 做梦吧 / 挑人发货 / 还有脸 / 说变就变 / 绕开你家 / 朋友的早到了 我的呢 /
    # 总是最慢 / 问问都不行 / 比登天还难 / 收钱倒是快 / 当没买过 / 告诉大家你们的服务 / 期限之前不处理就找平台 /
    # 对待顾客的方式 / 你们就不能…吗 / 算盘珠子
    _c("rhetoric", 1.0, r"(尽快|马上|很快|稍后|立刻|及时|快了)(是|到底是)(多久|什么时候|几天|哪天)|(昨天|前天|上周|上次|早上)说[^。！？]{0,6}(今天|这周|这次|下午)(又)?说"
       r"|(这|这事|这个要求|这点要求)(有)?(很|这么|那么)?难(吗|嘛)|有(这么|那么)难(吗|嘛)|(是在|在)跟(人|机器|机器人|真人)(说话|聊天)吗|对得起(我|顾客|客户|消费者|买家|我们)"
       r"|做梦(吧|去吧)|想得(美|倒美)|想都别想|挑人(发货|服务|处理)|看人下菜|(还|也)?有脸(?!部|型|盆|巾|霜)|没脸|(说|价格|价钱)[^，。！？]{0,2}(变就变|涨就涨|改就改)"
       r"|绕(开|着|道)[^，。！？]{0,4}(你家|你们|走)|(别人|朋友|人家|同事|邻居)[^。！？]{0,14}我的(呢|还)|(总是|每次都|老是|永远)(最慢|最晚|最后一个|出问题)"
       r"|(问|说)[^，。！？]{0,4}都不行|比登天还难|像[^，。！？]{0,6}一样难|(钱|收钱|扣钱|扣款|收款)[^，。！？]{0,3}倒(是)?[^，。！？]{0,4}(快|积极|准时|利索)"
       r"|当(我)?没买(过)?|(说说|讲讲|聊聊|宣传宣传)[^。！？]{0,4}(你们|你家)[^，。！？]{0,3}(的)?(服务|质量|态度|事|做法)"
       r"|(之前|以内|之内|前)[^，。！？]{0,2}(没|不)[^，。！？]{0,6}(我)?(会|就)[^，。！？]{0,2}(找|去|申请|投诉|给)|(我)?(会|就|只能|直接)(去)?找(平台|淘宝|天猫|小二)"
       r"|(对待|对)(顾客|客户|买家|消费者)的(方式|态度)|(你们|你)(就|都)?不能[^，。！？]{0,8}(一次|好好|认真|快点|上点心)[^，。！？]{0,8}(吗|嘛|[?？])|算盘珠|(拨|推|催)一下(才)?动一下"
       r"|心里(就|都|还)?没(点|一点)?数|我问的是[^。！？]{0,10}(你|你们)[^，。！？]{0,3}(答|回|说)"),
    _c("rhetoric", 0.6, r"偏偏|折腾(了)?(几天|半天|这么久|好几|我|死)|(别|不要)(再)?发(表情|笑脸|表情包)|回答(我的)?问题(?![吗吧])"),
    # seventh round (mood5, classes of benchmarks/eval/dev5/'s misses, own wording in tests/checker/test_mood5.py):
    # 认栽 / 当交学费 / 长了记性 / 这笔账我记下了 / 服气 / 你们厉害 / 好 好 好 / 滚 / 赔得起吗 / 回话！ / 直到解决为止 /
    # 谁签的 / 发了个空气 / 除了…还会说什么 / 磨磨唧唧 / 连…都是错的 / 穿过的吧 / 其他的别说 / 付钱不是听… /
    # 走路送的吧 / 平台见 / 心寒 / 推给快递
    _c("resigned", 1.0, r"认栽|我认了|(当|就当|算)(我)?(交)?(了)?学费|长(了)?(个)?记性|(这笔账|这账|这事|这个仇)我?(先)?记(下|住)了|心寒|服气(?![吗吧])"
       r"|(?<![翻打])滚(蛋|粗|出去|一边|$|(?=[\s!！,，。]))|赔得起(吗|嘛|么)|(全|都)(被)?耽误了|直到[^，。！？]{0,6}(解决|处理|退|给我)[^，。！？]{0,2}为止|天天来(烦|找|问|催)"
       r"|谁签的|发了?个空气|空气(快递|单号|包裹)|除了[^，。！？]{0,6}(你|你们)?还会(说|干|做)(什么|啥)|磨磨唧唧|磨磨蹭蹭|磨磨叽叽|拖拖拉拉"
       r"|连[^，。！？]{0,8}都(是)?(错|坏|没有|不对|给错|写错|发错)|(穿|用|戴)过的吧|(二手|旧)的吧|(其他|别的)(的)?(都)?(别|不用|不要)(说|讲|废话|扯)"
       r"|(花钱|付钱|付了钱|买东西)[^，。！？]{0,3}不是(来|听|为了|让)|(走路|爬|蜗牛|乌龟|走着)[^，。！？]{0,3}(送|寄|来|运)的(吧|吗)|(平台|法院|法庭)见"
       r"|推(给|到)?快递(?!员)|推得[^，。！？]{0,2}(干净|利索|快)|(你们|你)(真|可|太)?厉害(了)?(?![吗呀])|(好[\s,，]+){2}好(?![看用吃的])",
       unless_message=(r"好看|好用|喜欢|满意|谢谢(啦|呀)|回购|推荐|哈哈|质量(真|很|挺)?好|这么(快|便宜|好)",)),
    _c("resigned", 0.6, r"(我要|给我|转)人工|喂喂|都(理|退|赔|换|修)不了|我只要(退款|退钱|结果)|(味道|气味|异味)[^，。！？]{0,6}(不敢|没法|熏|呛)|(认真|重视)(对待|处理)|比[^，。！？]{0,8}还(慢|久)"),
    _c("ignored", 1.0, r"回话[!！?？]|(快|赶紧)回话|回话啊"),
    _c("broken_promise", 1.0, r"(答应|承诺|保证|说好)的[^，。！？]{0,4}(又|还|都|也)?没(做到|办|兑现|做|给)"),
    # a demand in one breath: 一句话 能不能退 / 我要的不是解释 / 不要券 我要退钱
    _c("demand", 1.0, r"(就)?一句话[，,\s]*(能不能|到底|退不退|行不行|给不给|管不管)|我要的不是(解释|道歉|抱歉|对不起|借口|理由|这些|答复|客套|安慰|补偿|券|红包)|(不要|别给我)[^，。！？]{0,6}(券|补偿|红包|赠品)[^。！？]{0,4}(我)?(只)?要(退|钱)"),
)


_BY_WEIGHT = tuple(sorted(_CUES, key=lambda r: -r.weight))

# Cue words as buyers mistype them (a wrong character of the same sound, typed in a hurry): read as
# the word meant, one character for one, so the cues' offsets still point into the message.
_TYPOS = {"头诉": "投诉", "投述": "投诉", "投塑": "投诉", "骗纸": "骗子", "垃极": "垃圾", "拉圾": "垃圾",
          "垃级": "垃圾", "啦圾": "垃圾", "差平": "差评", "插评": "差评", "差苹": "差评", "退宽": "退款", "退欵": "退款",
          "奸啇": "奸商", "举保": "举报"}
_TYPO = re.compile("|".join(_TYPOS))


def _untypo(folded: str) -> str:
    return _TYPO.sub(lambda m: _TYPOS[m.group()], folded)


@dataclass(frozen=True)
class Cue:
    id: str
    text: str
    start: int  # offsets into the message; -1 for a cue from history (repeated asking)
    end: int
    weight: float

    def as_dict(self) -> dict:
        return {"cue": self.id, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Mood:
    label: str  # "upset" or "calm"
    cues: tuple[Cue, ...] = ()
    score: float = 0.0

    @property
    def upset(self) -> bool:
        return self.label == "upset"

    def as_dict(self) -> dict:
        return {"label": self.label, "score": round(self.score, 2), "cues": [c.as_dict() for c in self.cues]}


def _calm_spans(rule: _CueRule, folded: str) -> list[tuple[int, int]]:
    spans = []
    for e in rule.exceptions:
        pos = 0
        while True:
            m = e.search(folded, pos)
            if m is None:
                break
            spans.append(m.span())
            pos = m.start() + 1
    return spans


def _squash(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


def _repeated(text: str, history: Sequence[str]) -> bool:
    """The buyer asks again what an earlier message asked (after the agent had a chance to
    answer): the same words, near enough (rapidfuzz ratio >= 85)."""
    now = _squash(text)
    if len(now) < 2:
        return False
    from rapidfuzz import fuzz

    return any(fuzz.ratio(now, _squash(before)) >= 85 for before in history if before and before.strip())


def _cues(text: str, folded: str) -> list[Cue]:
    """The cues found in the message's words (offsets into ``text``; ``folded`` is ``fold(text)``)."""
    cues: list[Cue] = []
    for rule in _BY_WEIGHT:  # where cues overlap, the stronger one counts
        if rule.unless_message and any(p.search(folded) for p in rule.unless_message):
            continue  # a calm frame elsewhere in the message: the word is not meant as anger
        calm: list[tuple[int, int]] | None = None
        for m in rule.pattern.finditer(folded):
            start, end = m.span()
            if end <= start:
                continue
            if rule.exceptions:
                if calm is None:
                    calm = _calm_spans(rule, folded)
                if any(s < end and start < e for s, e in calm):
                    continue
            if any(c.start < end and start < c.end for c in cues):
                continue  # one cue per place (退款！ is not also an exclamation)
            cues.append(Cue(rule.id, text[start:end], start, end, rule.weight))
    return cues


def cue_ids(text: str) -> list[str]:
    """The ids of the cues in a message's words (not its history): features of the trained tone."""
    return sorted({c.id for c in _cues(text or "", _untypo(fold(text or "")))})


_MARK_CUES = frozenset({"question_marks", "exclamations"})
_INTENT = re.compile(r"(我|就|必须|一定|马上|直接|准备|立刻)(要|会|去|就|得)?(去|给|打|找)?$|我要|要去|我去")
_NUMBER_ONLY = re.compile(r"[\s\d+\-()#.]*\d[\s\d+\-()#.]*")


def mood(text: str, history: Sequence[str] = (), use_model: bool = True) -> Mood:
    """The buyer's mood for one message; ``history``: the buyer's earlier messages, oldest first.
    ``use_model=False``: the cues alone decide (as before the trained tone, for comparison)."""
    folded = fold(text or "")
    if _NUMBER_ONLY.fullmatch(folded) and "".join(folded.split()) != "12315":
        # a number pasted alone (a phone, an order, even 12345) says nothing about the buyer;
        # 12315 alone is the consumer-complaint line, a threat buyers do send on its own
        return Mood("calm", (), 0.0)
    cues = _cues(text, _untypo(folded))
    if history and _repeated(text, history):
        cues.append(Cue("repeated", text.strip()[:20], -1, -1, 1.0))
    cues.sort(key=lambda c: (c.start < 0, c.start))
    # a lone ! is how many buyers end any sentence: all of them together count as one weak cue
    single = [c.weight for c in cues if c.id == "exclamations" and len(c.text) == 1]
    score = sum(c.weight for c in cues) - sum(single) + min(sum(single), 0.5)
    model = shipped_model() if use_model else None
    if model is None:
        return Mood("upset" if score >= UPSET_AT else "calm", tuple(cues), score)
    # the cues and the trained tone read together: a strong cue needs the tone not to be plainly
    # calm (12315是什么电话), and a tone that is plainly upset needs no cue (问了三遍没人理)
    z = model.logit(text, {c.id for c in cues if c.start >= 0})
    if any(c.start < 0 for c in cues):
        upset = score >= UPSET_AT  # asking again is read from the history, not from the words
    elif score >= UPSET_AT:
        # a stated intent (我要投诉, 我会给差评) is never a calm mention, whatever the rest says
        upset = z >= TONE_VETO or any(_INTENT.search(folded, max(0, c.start - 4), c.start) for c in cues if c.weight >= UPSET_AT)
    else:
        # marks alone (？？, ！) do not lower the bar: the tone reads them already (its grams and
        # cue features), and calm questions end in them too (到成都要几天？？)
        words = sum(c.weight for c in cues if c.id not in _MARK_CUES)
        upset = z >= TONE_ALONE - TONE_PER_CUE * min(words, score)
    if upset and score < UPSET_AT:
        span = model.strongest_clause(text)
        if span is not None:
            cues.append(Cue("tone", text[span[0] : span[1]], span[0], span[1], 0.0))
            cues.sort(key=lambda c: (c.start < 0, c.start))
    # the score on the cues' scale: 1 or more is upset
    final = max(score, UPSET_AT) if upset else min(score, math.nextafter(UPSET_AT, 0.0))
    return Mood("upset" if upset else "calm", tuple(cues), final)


if __name__ == "__main__":
    # after editing resources/mood_corpus.tsv: train the tone again (NumPy, a few seconds)
    train_shipped(cue_ids)
