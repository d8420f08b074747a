"""Whom a buyer message is for: the shop, or nobody in this chat. What the off-topic gate's veto
depends on (matcher.Matcher._veto, types.MatcherConfig.offtopic_veto*).

The gate (coranker.CoRanker.gate) is linear over character n-grams: a shop word (发票, 快递, 退货,
贵) counts toward shopping wherever it stands, so chatter that names shop things in passing
(公司报销发票的事好烦, 我妹买东西就爱退货, 水费怎么这么贵) scored 0.1-0.7 for chatter, under the
0.75 veto. Whether a message asks anything is not a word but the shape of the whole message: a
question particle or word, an A-not-A question, a request, an answer to the shop's offer.
- STORY: a message with none of them that tells of the buyer's family, friends or colleagues (and
  of no item of the buyer's), of the buyer's company as a grumble, of bills of daily life, another
  service, the news or the world at large (这年头, 今年流行): vetoed from 0.3, and no clause of it asks in earnest;
- ELSEWHERE: such a story about another shop or platform (在唯品会买的鞋开胶了, 别家客服回消息好慢),
  not compared with this shop: vetoed from 0.1, the gate reading shop words in it as this shop's
  (0.17-0.28 for chatter on chatter7_dev.tsv);
- ASIDE: a question about a bill of daily life or another service that requests nothing and
  speaks neither to the shop nor of its item (水费怎么这么贵): vetoed from 0.5;
- SHOP: everything else, the gate's 0.75 as before. A shop statement without a question
  (发错货了 我买的是黑色, 孩子穿了一次就开线了, 我要报销) stays SHOP.
The thresholds were chosen on the development sets and benchmarks/eval/chatter6_dev.tsv.

All tests read the normalised text (normalize.py: simplified characters, punctuation turned to
spaces, so a question mark is gone and the words have to say it).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .listing import tagged_title, untagged_title, without_sizes
from .telling import (_ERRAND_RE, _HEARSAY_RE, _HOTLINE_ASKED_RE, _JOKE_END_RE, _NOT_FOR_SHOP_RE, _PLACEHOLDER_RE, _POLL_ITEM_RE, _POLL_RE,
                      _SHOP_THING_RE, _USING_IT_RE, _WISH_RE, closes)
from .telling import _CHORE_TOLD_RE, _HEARSAY_TRUE_RE, _NOSTALGIA_RE, _NOT_COME_RE, _NOW_RE, _SELF_ASKED_RE, about_agent, homework, markets, meant_elsewhere, talks_of_words
from .telling import _GRUMBLE_RE, _LIFE_RE, _PAPERWORK_RE, compares_prices, grieves as _grieves, price_told
from .everyday import of_the_day

if TYPE_CHECKING:  # (types.py imports nothing of this module's)
    from .types import MatcherConfig

# A question, anywhere in the message: a particle, a question word, A-not-A.
_QUESTION_RE = re.compile(
    "|".join(
        [
            r"[吗呢嘛麽]|(?<![什怎])么|[什怎]么(?![都也])",  # 吗 呢 嘛, and 么 in 什么 怎么 那么 (not 什么都, 怎么也: below)
            # (an indefinite use asks nothing: 我们这啥都贵, 哪都不想去, 怎么都睡不着, 才几块钱, 没几天)
            r"怎(?!么[都也]|样[都也])|咋|啥(?![都也])|谁(?![都也])|哪(?!儿?[都也])|(?<![好十这前近才没])几(?![十百千万乎])|多少|多大|多久|多长|多高|多重|多宽|多远",
            r"是否|能否|可否|有无|行不行|好不好|对不对|可不可以|成不成",
            r"([\u4e00-\u9fff])[不没唔]\1|有冇",  # A-not-A: 有没有 发没发 是不是 能不能 要不要, and Cantonese 得唔得 系唔系 有冇
            r"[^ ]还是[^ ]{1,6}(?:好|合适|划算|对|呢)(?= |$)|偏(?P<one>[大小长短厚薄紧松深浅硬软宽窄])(?:还是)?偏(?!(?P=one))[大小长短厚薄紧松深浅硬软宽窄]|(?P<other>[大小长短厚薄紧松深浅硬软宽窄])还是(?!(?P=other))[大小长短厚薄紧松深浅硬软宽窄](?=[ 点些的呀啊]|$)",  # either-or: 拿L还是XL好, 买两盒还是三盒合适; two opposites offered, 偏大偏小 厚还是薄 (fit23: 这鞋偏大偏小 平时穿42 asks)
            r"[不没](?:有)?(?= |$)",  # 包邮不, 发货没, 发了没有 at a clause's end
        ]
    )
)
# A request, or what a buyer tells the shop in answer to it (想 to vent asks nothing: 就是想吐槽一下,
# yet 想吐槽一下你们的物流 stays firm enough not to be a remark). Deliberately broad (the two together
# are what "asks" means): missing one costs a shopping statement its card, so a word that asks in
# some sentences counts in all of them.
_REQUEST_RE = re.compile(
    "|".join(
        [
            r"请|(?<![低高中])(?<!让我)(?<!叫我)帮(?![她他]|我[妈爸姐妹哥弟])|(?<![真好太很挺蛮超])麻烦|劳驾|给我|(?<![不功智性动体热电节储])能(?!效)|可以|(?<![好真超太不])想(?!吐槽|说说|感慨|抱怨|发泄|唠叨|念叨)|我要|要求|需要|快点|快些|赶紧|尽快|抓紧|催一下|催下|催催|(?<!花)呗|吧|求",  # (花呗 is no 呗)
            # what the buyer tells the shop to do or not do with the order
            r"改成|换成|改为|改一下|改下|写成|写错|填错|填成|送到|寄到|放到|就行|就好|不要了|不想(?:要|等|买)|(?<![特区分级类性告识差个鉴离派])别(?![人的家]|介意|在意|见怪)",  # 别 as "don't", not 特别 区别
            r"[放寄送发开][到给在去]?(?:物业|公司|单位|门卫|前台|驿站|快递柜|家里|老家)(?!了)",  # (快递先放门卫了: told, not asked)  # 快递放物业, 寄公司
            r"(?<![好真太挺很蛮超贼捡占])(?<!捡了个)(?<!占了个)便宜(?!了(?! ?[吗吧呗])|多了|得多)|给点|少点|看看|看下|看一下|还没",  # 便宜点, 发个视频看看, 怎么还没到 said without 吗
            r"抬头|专票|税号",  # what an invoice is to say (抬头写公司名字)
            r"商量|考虑|决定|犹豫|拿不定|拿不准|问问|问下|问一下|等我|同意|说了算|再(?:买|拍|来|说|看|下单|定)",  # an answer to an offer (犹豫: 有点犹豫 金价好像要跌; not 纠结, said of lunch as often)
            # a threat to go public if the shop does nothing (不给说法我就去小红书发帖, 再不处理我就去抖音曝光)
            r"就(?:去|要|到|上)?[^ ]{0,6}(?:曝光|投诉|举报|起诉|发帖|发微博|发抖音|挂你们|差评)",
        ]
    )
)


# Someone other than the buyer and this shop: family, friends, colleagues, people of other
# services. A buyer tells of them about this shop's goods too (孩子穿了一次就开线了, 我妈收到了很喜欢,
# 我儿子说尺码偏小): they count only in a message that speaks of no item of the buyer's (_ITEM_RE).
_PEOPLE_RE = re.compile(
    "|".join(
        [
            r"我[妈爸姐妹哥弟]|妈妈|爸爸|老公|老婆|男朋友|女朋友|对象|孩子|儿子|女儿|宝宝|闺蜜|朋友|同事|同学|室友|舍友|宿舍|邻居|楼上|楼下",
            r"婆婆|公公|奶奶|爷爷|外婆|姥姥|姥爷|外公|表[姐妹哥弟]|堂[姐妹哥弟]|亲戚|家里人",
            r"(?<!你们)领导|(?:我|我们|公司|单位)老板|隔壁老[王李张刘陈赵]|隔壁(?:的|家的?)?(?:大姐|大哥|阿姨|大爷|大妈|奶奶|爷爷|小孩|邻居|老太太|老头)|房东|司机|小姐姐|阿姨|大爷|大叔|保安|门卫|主播|博主|明星|网红|老师",
        ]
    )
)
# What a buyer says of an item bought, worn or used (this shop's or not: the gate decides then),
# and an order placed for someone (刚替我爸下了一单: the buyer's own order).
_ITEM_RE = re.compile(r"收到|穿|用|试|洗|坏|开线|破|码|颜色|色差|质量|大了|小了|合适|喜欢|好看|拍|下单|下了?[一个两这]?个?单|付|礼物|送")
# Another shop or platform, told of (在唯品会买的鞋开胶了, 别家客服回消息好慢, 那个平台的售后真垃圾).
# Only unambiguous names of elsewhere count: the platform this shop sells on is named in shop
# statements too (平台上显示已签收), so a platform counts only as where something was bought
# (在京东买的); a comparison with this shop (别家同款才89, 比拼多多的质量好多了, 我再对比一下别家),
# the buyer going there if this shop will not (行就拍 不行我去别家) or a word for the shop (拼多多比你们便宜) keeps the message for the shop.
_ELSEWHERE_RE = re.compile(
    r"别家|别的店|别人家|其他店|其他家|别的平台|其他平台|那个平台|实体店|某宝|某东|某多多|拼夕夕|唯品会|闲鱼"
    r"|另一家|另外一家|一家店|好几家|几家店|好几个平台|各个平台|每个平台|(?:有人|别人|人家)在?(?:卖|摆摊)"
    r"|在(?:拼多多|淘宝|天猫|京东|抖音|快手)(?:上|里)?(?:买|退)|(?:淘宝|天猫|京东|拼多多|抖音|快手)上(?:那些|有些|好多|很多)"
)
_COMPARE_RE = re.compile(r"比|不如|一样|同款|再|先|去|换|不然|的话|要是|如果")  # ... or going there (不能少的话我去别家买了)
# ... and the shop words that belong to the shop named (别家客服, 那个平台的客服) are not this shop.
_ELSEWHERES_OWN_RE = re.compile("(?:" + _ELSEWHERE_RE.pattern + r")的?(?:客服|老板|店家|店主|掌柜|卖家|商家|小二)")
# ... unless the buyer blames the goods all the same (孩子一摔就碎了 质量太差).
_QUALITY_RE = re.compile(r"质量|做工|不结实|太差|太薄|一[摔碰咬抓拉扯]就")
# Advertising and shows, told of (那个快递公司的广告拍得真搞笑, 这个牌子的代言人好帅): a remark.
_MEDIA_RE = re.compile(r"广告|代言|综艺|电视剧|电视上"
                       r"|(?:图片|照片|图|主图|模特|详情页|买家秀)[^ ]{0,3}(?:拍|修|做)得(?:真|好|太|挺|很|超|蛮)(?!差|丑|假)")  # ... or the listing's photos praised (图片拍得真漂亮)
_AS_RECEIVED_RE = re.compile(r"实物|收到|到手|色差|不一样|差|不符|骗")
# The world at large: these days, a trade, this year's fashion (现在寄个快递都要实名, 今年流行宽松的款).
_WORLD_RE = re.compile(r"这年头|的人(?:真|好|太)?(?:幸福|羡慕|爽)|如今|现在(?:寄个|买个|的人)|这一?行(?![字])|(?:今年|现在|最近)[^ ]{0,4}流行|以前的东西")
# ... and parcels at large (小区快递柜又满了, 春节快递都停了), unless the buyer's own parcel is named
# (快递柜满了 我的快递被放门口了 is the shop's business).
_PARCELS_AT_LARGE_RE = re.compile(r"快递柜[^ ]{0,2}满|(?:春节|过年|国庆|双十一)[^ ]{0,3}快递(?:都|全)?(?:停|放假)")
_MINE_RE = re.compile(r"我的(?:件|快递|包裹|货|单|东西)|我买的|我家的(?:件|快递|包裹)")
_VENT_RE = re.compile(r"想(?=吐槽|说说|感慨|抱怨|发泄|唠叨|念叨)")  # wanting to vent (不怪你们 就是想吐槽下) asks the shop for nothing
_NOT_YOU_RE = re.compile(r"不是说你们?|不是你们|跟你们没关系|和你们没关系|不怪你们|不关你们")  # the shop not meant (…态度好差 不是说你们)
# The shop, spoken to: second person, or what buyers call the seller.
_TO_SHOP_RE = re.compile(r"你|您|亲|(?<![我们司位])老板|店家|店主|掌柜|客服|贵店|小二|卖家|商家|宝贝|这(?:件|款|双|条|套|只|台|瓶|盒|单)")

# What the buyer tells of this shop's order or item: sent, received, bought, or found broken. A
# clause saying so is the shop's business even inside chatter (今天好冷 收到的杯子碎了一个).
_ORDER_RE = re.compile(r"寄来|发来|寄的|发的|收到|到货|签收|买的|拍的(?!照|视频|片子|风景|人像)|拍了(?!张|个照|照|视频|一张|一下)|下的单|下单|付了|付款|退回|寄回|发错(?!人|群|窗|对话|地方|消息|了? ?不好意思)|错发")
_FAULT_RE = re.compile(r"(?<![不没无])(?:坏|破|裂|碎|洞|磕|凹|瘪|划痕|污渍|开线|开胶|脱胶|掉色|褪色|缩水|起球|漏|瑕疵|变形|少了|少发)")  # (不掉色 is none)
# A remark about the buyer's own habits, trade or life, or a saying about things at large, that
# asks nothing and speaks to no one (我平时都穿M码 这几年胖了, 我是送快递的 双十一忙疯了,
# 退货运费险真是个好东西, 便宜没好货这句话我现在信了): the shop words in it are the buyer's life.
_HABIT_RE = re.compile(r"(?:以前|原来|之前)(?:总|老|一直)?觉得|自从(?:当了?妈|有了?(?:娃|孩子|宝宝)|结婚|工作|上班|毕业)|当妈(?:以后|之后)|有了(?:娃|孩子|宝宝)(?:以后|之后)|(?:上班|工作|结婚|毕业|退休)(?:以后|之后)|退休后|减肥|长胖|从来|向来|一向|平时|平常|从小|这几年|这些年|这么多年|习惯了|(?<!\d)从[^ ]{1,4}(?:起|开始)|我(?:的[^ ]{1,3})?(?:一直|总是|老是|每次|每回)")
# ... the buyer's trade or school, which names shop things and people (客服, 开店) as the buyer's own
# work: 我自己就是做淘宝客服的 太懂你们了, 我在做电商课的作业
_TRADE_RE = re.compile(r"我(?:自己)?(?:也|就|以前|之前)?(?:是|在|当)?(?:做|干|开|送|跑|搞)(?![了过])[^ ]{0,8}的|我在[^ ]{1,8}(?:上班|工作|兼职|实习|打工)|我当[^ ]{1,6}(?:年|了)")
_SCHOOL_RE = re.compile(r"作业(?!本)|论文|作文(?!本|纸)|考试|期末|上课|老师布置")  # (作业本 is goods)
# ... a saying, or a trade and the world at large, which a question about them names too (物流这个
# 行业是不是很累): a question about a trade asks the shop nothing either
# (这事, 这种事 and 这句话 alone are as often the buyer's grievance: 第一次买就碰到这种事, 每次都是这句话)
_SAYING_RE = re.compile(
    r"老话|俗话|口头禅|这东西|这种东西|这类东西|这玩意|这个(?:东西|规定|说法)|人生|浮云|玄学|是个好东西|发明"
    r"|这句?话[^ ]{0,4}(?:信|对|没错|没毛病|有道理)|(?:这种事|这事)[^ ]{0,4}(?:从来|一直|向来|总是)"
)
_TRADE_AT_LARGE_RE = re.compile(r"这个行业|这一?行(?![字])")
# ... and what the buyer says is said in passing, whatever it names (随便说说, 话说回来, 不是你们家的)
_PASSING_RE = re.compile(r"随便说说|说说而已|开玩笑|吐槽一下|感慨一下|话说回来|不是你们家|不是在你们|我说的是我?别(?:的|家)|还好找到了|自己找到了|不过没事")
# The requests and threats that a saying cannot hold (便宜 and 吧 can: 便宜没好货这句话, 都是大棚的吧
# 随便说说; 这事不解决就投诉到平台 is a complaint).
_FIRM_REQUEST_RE = re.compile(r"请|(?<![低高中])(?<!让我)(?<!叫我)帮(?![她他]|我[妈爸姐妹哥弟])|麻烦|劳驾|给我|(?<!不)能(?!让)|可以|(?<![好真超太不])想|我要|要求|需要|快点|尽快|赶紧|催|改成|(?<![全都])换成|送到|寄到|投诉|不解决|不处理|说法|12315|工商")
# The shop spoken to as a person (not 客服 or 店 named as the buyer's own trade).
_ADDRESSEE_RE = re.compile(r"你|您|亲")
# ... but waiting for this shop's goods is no habit (我一直在等发货, 我每次都等好久才到).
_WAITING_RE = re.compile(r"等|没收到|没到|没发|不动|发货|到货")
# Not shopping at all, whatever it names and asks: maths, code and homework (x2+2x+1 0 怎么解,
# 3x+5 20 x等于几, 满三百减五十的应用题), a word asked about as language (发票这个词英语怎么说,
# 色差这个词是谁发明的), and a message meant for someone else (发错人了 不好意思, 不是跟你说的).
_NOT_SHOPPING_RE = re.compile(
    "|".join(
        [
            r"(?<![a-z])[xyz](?![a-z])\d*\+|\+\d*(?<![a-z])[xyz](?![a-z])|(?<![a-z])[xyz](?![a-z])(?:等于|是多少)",  # algebra: 2x+3, x等于
            r"方程|函数|求导|导数|微积分|定积分|因式分解|勾股|平方根|根号|的平方|的立方|开平方|这个数是|数学题|应用题|物理题|化学题|这道题|习题|作业题|课后题|思考题|口算题|算术题|奥数|python|java|(?<!优惠|折扣|兑换|邀请)代码|编程",
            r"(?:英语|英文|日语|韩语|法语|德语|繁体|拼音)(?:里|中)?(?:怎么|咋|要)?(?:说|讲|写|拼|读|翻译)|怎么拼|单词|这个词|这两个字|造句|组词|反义词|近义词|翻译(?:成|一下)",
            r"(?:我|我也)想开(?:个|一个|家|一家)?[^ ]{0,3}店|谁发明的|是谁想出来的|(?:这句?话|老话|俗话)[^ ]{0,2}(?:谁|哪个|哪位)说的|哪一?年(?:出|有|开始|发明|定)",
            r"[两三四]个字(?:真|就是|简直|太|最|听着|看着|好|[念读写说听看](?:起来|出来|着))|的梗(?:好|太|真|笑)",
            # ... and read or written by the buyer (售后这几个字我一看就紧张, 发货两个字怎么写才好看)
            r"(?:看到|看见|听到|一看|一听)[^ ]{0,4}(?:[两三四几]个字|这?[俩两]字)|(?:[两三四几]个字|这?[俩两]字)(?:我|你)?(?:真|就是|简直|太|最|好|让人|一看|看着|看到|听着|听到|总|老|怎么写|咋写|写得|写不|[念读写说听看](?:起来|出来|着))",
            r"(?:[两三四几]个字|这?[俩两]字)(?:让我|让人|就|总)?(?:想起|想到)",  # ... or bringing something to mind (退款两个字让我想起…)
            r"(?:这事儿?|这种事|这件事|这东西|这玩意儿?)(?:总是|总|就|老)?让(?:我|人)(?:想起|想到|回忆起)",  # (退货这事儿让我想起前任)
            # ... its origin learned, or the buyer's own spelling of it (发货两个字原来是这么来的, 好评两个字写了三次才对)
            r"(?:[两三四几]个字|这?[俩两]字)(?:的)?(?:原来|是这么来的|怎么来的|的来历|来历|出处)|(?:[两三四几]个字|这?[俩两]字)(?:我)?(?:写了|写错|写对|写反|写成)",
            # the agent's job, whatever it names (当客服是不是经常被骂, 你们这个行业辛苦吗, 我也想当客服)
            r"(?:当|做|干)客服|客服(?:这个?)?(?:工作(?!时间|日)|行业|职业)|(?:你们|客服)(?:这一?行|这个行业)",  # (快递这一行 is a remark)
            # ... the world bemoaned (这个世界怎么了, 这社会疯了)
            r"这个?(?:世界|社会|世道)(?:是)?(?:怎么了|咋了|疯了|变了|怎么变成)",
            # ... and a job sought (售后这个岗位工资高吗 我想去应聘, 你们店招人吗)
            r"应聘|招聘|招人|招不招人|缺人吗|简历",  # (not 面试 alone: 等着穿去面试 is an occasion)
            # pity for people at large, or envy asked (过敏的人是不是挺惨的; envy told is a remark: _WORLD_RE)
            r"的人(?:是不是|真的)?(?:挺|很|好|真|太|最)?(?:惨|可怜)(?:的|了|啊|吧)*(?: |$)|的人是不是(?:挺|很|好|真|太|最)?(?:幸福|爽)",
            r"(?:孩子|小朋友|儿子|女儿|同学|同事|朋友|我妈|我爸|老人)问我.{0,12}(?:什么意思|啥意思|怎么读|怎么写)",  # a word someone asked the buyer about
            r"(?:作文|作业|论文|试卷|习题|数学题)[^ ]{0,4}(?:帮我|帮忙|改改|改一下|检查)|帮我(?:改|写|看|检查)[^ ]{0,3}(?:作文|作业|论文)",  # homework handed over  # a word praised or laughed at as a word (包邮两个字真好听)
        ]
    )
)
# A message meant for someone else (发错人了 不好意思, 不是跟你说的): not shopping unless it goes on to
# ask a question (发错人了 我想问什么时候发货).
# The buyer's own slip told with what to do about it or whom it was for (发错了 别理我, 不好意思发错了
# 这是给我妈的) is one too; the shop's slip (你们发错了, 发错货了) is not.
# ... and a reminder meant for someone at home (下雨了 记得收衣服, 降温了 记得多穿点)
_REMINDER_RE = re.compile(r"(?:记得|别忘了|(?:下雨|要下雨|变天|刮风|起风|降温)了?[^ ]{0,3} ?(?:快|赶紧|快去|去)?)(?:收衣服|收被子|带伞|带把伞|关窗|关好窗|关煤气|关火|吃饭|吃药|多喝水|喝水|早点睡|加衣服|多穿点|穿厚点|接孩子)")
_MISSENT_RE = re.compile(r"发错(?:人|群|窗口|对话框|地方)|发串|串台|点错人|回错|不是(?:跟|对|给|和)你们?(?:说|发)的|不是(?:要)?(?:发|说)给你们?的|(?:本来|原本)(?:是)?要?发给[^ ]{1,6}的|刚才?那(?:句|条)是?(?:跟|给|问|对)(?!你)"
                         r"|(?<![你们])发错了? ?(?:别理我|不用理我|请?忽略|当我没说|这(?:条|句)?是(?:发)?给[^ ]{1,4}的(?= |$))")

# A courier told of as a person of the buyer's day, praised or thanked (顺丰小哥跑得真快,
# 快递员还帮我搬上楼了 感动): 帮我 is what he did, not a request.
_COURIER_RE = re.compile(r"制服|快递车|小哥|快递员|快递大哥|快递师傅|派件员|骑手|送货的|(?:安装|维修|送货|装机|上门)(?:的)?(?:师傅|大哥|小哥|工人)")  # (the installer as a person too: gate24)
_PARCEL_NAMED_RE = re.compile(r"包裹|箱子|盒子|湿|淋|丢")  # (快递员穿着雨衣送来的 包裹湿了: the parcel's fault)
_COURIER_PRAISE_RE = re.compile(r"人挺好|人很好|人不错|手艺|老乡|聊得|聊了|换人|换了个|新来的|穿了|穿着|戴着|打扮|换了身|圣诞|帅|酷|精神|阳光|勤快|认真|负责|可爱|好人|辛苦|感动|暖心|贴心|热情|跑得|还帮|帮我[^ ]{0,6}了|人真好|真好|太好了|靠谱|敬业|客气|礼貌")
# A remark on one's own state: exhausted by something (凑满减凑到头秃, 贴发票贴到手软) or a resolution
# (我发誓再也不熬夜了, 这个月剁手五次了 我要戒, 退货这事我再也不想干了).
_HYPERBOLE_RE = re.compile(r"(?:凑|算|贴|填|挑|选|刷|比|看|找|拆|搬|抢|写|数|记)(?:到|得)我?(?:头秃|头晕|手软|手抽筋|崩溃|快崩溃|怀疑人生|眼花|想哭|吐|头都?(?:大|晕|秃|疼)了?|眼都?花了?)")  # (...得我头都大了: gate13)
# ... a simile on it (每次看物流都像在追剧, 拆快递跟开盲盒一样)
_SIMILE_RE = re.compile(r"(?:像|跟|和|如同)在?(?:追剧|看连续剧|开盲盒|拆盲盒|过年|抢票|中彩票|中奖|谈恋爱|养孩子|打游戏)")
_BODY_RE = re.compile(r"减肥|长胖|节食")
_RESOLVE_RE = re.compile(r"发誓|要戒|戒掉|戒了|(?:这事|这种事|这个)我?(?:再也|以后再也)不想")
# ... and a question the buyer answered already (找不到在哪了 算了我自己找到了).
_FOUND_RE = re.compile(r"(?:还好|自己|已经|后来|终于)找到了"
                       r"|(?:还好|幸好|幸亏)(?:没|没有)(?:理|接|点|信|上当|转账|给|填)|差点(?:就)?(?:上当|被骗)")  # ... or a scam avoided (幸好没理)
# ... the buyer's own pride (自己把柜子装好了 好有成就感, 终于学会包饺子了) and the buyer's shopping
# at large, a spree or a hoard (刷了一晚上直播 买了一堆零食, 又剁手了, 家里快递盒堆成山了)
_PROUD_RE = re.compile(r"成就感|(?:终于|总算)学会")
_HOOKED = r"(?:好|太|真|超|贼|真的|真是)上头|上瘾"
_HOOKED_RE = re.compile(_HOOKED)
_PARTICLE_RE = re.compile(r"[吗呢嘛么]")
_SPREE_RE = re.compile(r"买了(?:一大?堆|好多|一大?车)|囤了(?:一大?堆|好多)|攒了一大?堆|买买买|剁手|败家|控制不住(?:手|自己)|管不住(?:手|自己)|堆成山"
                       r"|(?:衣柜|柜子|家里|屋里)[^ ]{0,3}(?:塞不下|放不下|堆满)"
                       # ... a bargain won in a sale, or a sale sat out (618的时候我抢到一个超便宜的包, 双十一我啥也没买 省钱大师)
                       r"|(?:工资|钱|余额|积蓄|零花钱|存款|年终奖|奖金)[^ ]{0,3}(?:花光|花完|见底|清零)|再买[^ ]{0,4}就(?:离婚|分手|剁手|吃土|把我赶出去|不让我进门)"  # (这个月工资花光了 全换成镜头了, 老婆说我再买鞋就离婚)
                       r"|我?(?:抢到|秒到)了?(?:一个|一件|一双|个|件|双|好几)|(?:啥|什么|一样)(?:也|都)没(?:买|抢|囤)|省钱大师|一分钱(?:都|也)?没花"
                       # ... a haul not yet unpacked (年货节买的还没拆, 快递堆在门口一个都没拆) and being hooked (拆快递好上头, 抢券抢上瘾了)
                       r"|(?:买的|囤的|东西|快递|包裹)[^ ]{0,8}(?:还没拆|都没拆|没拆完|拆不完|拆不过来)|" + _HOOKED)
# The buyer's pay and expenses not yet through (工资还没发 穷死了, 差旅发票还没报下来): 还没 asks
# the shop nothing there.
_PAY_NOT_YET_RE = re.compile(r"(?:工资|奖金|报销|差旅|年终奖|补贴)[^ ]{0,6}还没(?:发|报|批|下来|到账)")


_OWN_STATE_RE = re.compile("|".join(r.pattern for r in (_PASSING_RE, _HYPERBOLE_RE, _SIMILE_RE, _RESOLVE_RE, _FOUND_RE, _PROUD_RE, _SPREE_RE)))




def _not_for_shop(normalized: str) -> bool:
    """A question about the agent as a person, the time or weather, or put to anyone, naming
    nothing the shop sends or sells (客服小姐姐多大了, 明天会不会下雪, 有没有人知道电动车去哪上牌),
    or a poll put to anyone about the world of parcels and sales (有没有人觉得顺丰的飞机很酷), or what
    a consumer hotline is, asked as trivia (12315是啥号码啊 我奶奶问的)."""
    if _HOTLINE_ASKED_RE.search(normalized) and not _USING_IT_RE.search(normalized):
        return True
    if _POLL_RE.search(normalized) and not (_TO_SHOP_RE.search(normalized) or _ORDER_RE.search(normalized) or _MINE_RE.search(normalized) or _POLL_ITEM_RE.search(normalized)):
        return True
    return _NOT_FOR_SHOP_RE.search(normalized) is not None and _SHOP_THING_RE.search(normalized) is None


# ... or telling the buyer of his own work and days (小哥跟我说他们快过年了也很忙), not of the buyer's parcel
_COURIER_SAID_RE = re.compile(r"(?:小哥|快递员|快递大哥|快递师傅|派件员|骑手|送货的)[^ ]{0,4}(?:跟我|和我|对我)?(?:说|讲|聊)[^ ]{0,3}(?:他们|他|自己)")


def _courier_story(normalized: str) -> bool:
    """A courier praised or thanked as a person, or telling of his own work, asking and saying
    nothing to the shop (顺丰的小哥今天还帮我搬了箱水, 快递小哥好帅, 小哥跟我说他们年底忙疯了)."""
    told = _COURIER_SAID_RE.search(normalized) is not None and not _MINE_RE.search(normalized)
    if not (_COURIER_RE.search(normalized) and (told or _COURIER_PRAISE_RE.search(normalized))) or _PARCEL_NAMED_RE.search(normalized):
        return False
    return not (_QUESTION_RE.search(normalized) or _ADDRESSEE_RE.search(normalized) or _FAULT_RE.search(normalized) or _WAITING_RE.search(normalized)
                or _NOT_COME_RE.search(normalized))


def _pay_not_yet(normalized: str) -> bool:
    """The buyer's pay or expenses not yet through, told (工资还没发 穷死了), not asked."""
    return (_PAY_NOT_YET_RE.search(normalized) is not None and not _QUESTION_RE.search(normalized)
            and not _TO_SHOP_RE.search(normalized) and not asks(_PAY_NOT_YET_RE.sub(" ", normalized)))


def grieves(normalized: str) -> bool:
    """Whether a message is a grievance against this shop, its agent or its way of doing business
    (telling.grieves), the shop spoken to or its service named."""
    return _grieves(normalized, _TO_SHOP_RE.search(normalized) is not None or _SERVICE_RE.search(normalized) is not None)


def _hearsay(normalized: str) -> bool:
    """Someone at home's words or question about shop things reported, or a quarrel over them,
    the shop neither spoken to nor asked for anything and no item of the buyer's named."""
    return (_HEARSAY_RE.search(normalized) is not None and not _TO_SHOP_RE.search(normalized) and not _MINE_RE.search(normalized)
            and not _FAULT_RE.search(normalized) and not _FIRM_REQUEST_RE.search(normalized))


SHOP = "shop"  # a question or statement for the shop (or a message the gate alone has to judge)
ASIDE = "aside"  # a question about the buyer's bills or other services, not put to the shop
STORY = "story"  # a story about others that asks the shop nothing
ELSEWHERE = "elsewhere"  # a story about another shop or platform that asks this shop nothing
NOT_SHOPPING = "not_shopping"  # maths, code, homework, a word asked about, a message meant for someone else
REMARK = "remark"  # a remark about the buyer's own habits, trade or life, or a saying, that asks nothing
CLOSING = "closing"  # an acknowledgement and a goodbye, nothing else: the buyer closes the chat (好的 拜拜)
GRIEVANCE = "grievance"  # a grievance against this shop, its agent or its way of doing business (grieves)
TOLD = (STORY, ELSEWHERE, NOT_SHOPPING, REMARK)  # whom a message is for when it asks the shop nothing


# The MatcherConfig field holding the chatter probability at which the gate vetoes confidence,
# by whom a message is for (matcher.Matcher._veto).
_VETO_FIELDS = {
    SHOP: "offtopic_veto",
    ASIDE: "offtopic_veto_aside",
    STORY: "offtopic_veto_told",
    ELSEWHERE: "offtopic_veto_elsewhere",
    NOT_SHOPPING: "offtopic_veto_not_shopping",
    REMARK: "offtopic_veto_remark",
    CLOSING: "offtopic_veto_closing",
    GRIEVANCE: "offtopic_veto_grievance",
}


def veto(to: str, config: object) -> float:
    """How sure the gate has to be that a message is chatter to veto its confidence, by whom the
    message is for (address): 0.75 for the shop, lower for a question about the buyer's bills put
    to no one (水费怎么这么贵), lower still for a story about others (我妹买东西就爱退货), another
    shop or a remark (我一直穿160的码), and 0 for what is not shopping (发票这个词英语怎么说)."""
    return float(getattr(config, _VETO_FIELDS.get(to, "offtopic_veto")))


def asks(normalized: str) -> bool:
    """Whether the message holds a question or a request (包邮吗, 发不发货, 帮我改地址, 便宜点呗)."""
    return _QUESTION_RE.search(normalized) is not None or _REQUEST_RE.search(price_told(normalized)) is not None  # (not 菜比肉还便宜)


# The agent called by what buyers call a young woman or man (谢谢小姐姐, 客服小哥哥辛苦了): no third person.
_AGENT_NAMED_RE = re.compile(r"客服(?:小姐姐|小哥哥|姐姐|妹妹|美女|帅哥)|(?:谢谢|谢啦|辛苦了?|麻烦)(?:小姐姐|小哥哥|美女|帅哥)|(?:小姐姐|小哥哥)(?= ?(?:你|您|辛苦|谢谢|在吗|好))")


# A gift someone else gave the buyer (刚收到别人送的鞋 开心, 朋友送的杯子挺好看): bought elsewhere, by others.
_GIFT_RE = re.compile(r"(?:别人|人家|朋友|同事|同学|闺蜜|男朋友|女朋友|老公|老婆|对象|我[妈爸姐妹哥弟]|爸妈|亲戚)(?:给我)?送(?:给?我)?的")


def tells_of_others(normalized: str) -> bool:
    """Whether the message speaks of someone or something other than the buyer and this shop
    (我妹, 公司报销, 电费, 外卖, 抖音上有人说, 这年头, 今年流行, 别人送的)."""
    normalized = _AGENT_NAMED_RE.sub(" ", normalized)
    if _GIFT_RE.search(normalized) and not _TO_SHOP_RE.search(normalized) and not _FAULT_RE.search(normalized) and not _QUALITY_RE.search(normalized):
        return True
    if _LIFE_RE.search(normalized) or _WORLD_RE.search(normalized) or _NOT_YOU_RE.search(normalized) or (_PAPERWORK_RE.search(normalized) and _GRUMBLE_RE.search(normalized)):
        return True
    if _AT_HOME_RE.search(normalized) and not _TO_SHOP_RE.search(normalized) and not _QUALITY_RE.search(normalized):
        return True  # a pet or a child broke it at home (衬衫被狗咬了 气死, 猫把沙发抓花了): no fault of the shop's
    return _PEOPLE_RE.search(normalized) is not None and _ITEM_RE.search(normalized) is None


def tells_of_elsewhere(normalized: str) -> bool:
    """Whether the message tells of another shop or platform without comparing it with this shop
    or speaking to this shop (在唯品会买的鞋开胶了, 别家客服回消息好慢; not 别家同款才89, 拼多多比你们便宜)."""
    if not _ELSEWHERE_RE.search(normalized) or _COMPARE_RE.search(normalized):
        return False
    return _TO_SHOP_RE.search(_ELSEWHERES_OWN_RE.sub(" ", normalized)) is None


def remarks(normalized: str) -> bool:
    """Whether a message is a remark about the buyer's habits, trade, school or life or a saying
    about things at large (我一直穿160的码, 我是送快递的, 这句话我现在信了), asking the shop nothing
    and telling of no fault found nor of waiting for its goods. A message said in passing (随便说说,
    话说回来) or a saying may hold a word that asks only in a shop's mouth (便宜, 吧, 能让人), not a
    firm request (帮我, 可以); a habit, a trade or school asks nothing at all. A question about a trade or the
    world at large (物流这个行业是不是很累) is a remark too."""
    if _FAULT_RE.search(normalized) or _WAITING_RE.search(normalized):
        return False
    to_shop = _TO_SHOP_RE.search(normalized) is not None
    question = _QUESTION_RE.search(normalized) is not None
    firm = _FIRM_REQUEST_RE.search(normalized) is not None
    if _PASSING_RE.search(normalized) and not question and not firm:
        return True
    if (_FOUND_RE.search(normalized) or _RESOLVE_RE.search(normalized) or _PROUD_RE.search(normalized)) and not to_shop:
        return True
    if _BODY_RE.search(normalized) and not question and not _REQUEST_RE.search(normalized) and not to_shop and not _ORDER_RE.search(normalized):
        return True  # the buyer's own body (减肥失败 裤子都紧了), no item bought named
    if (_HYPERBOLE_RE.search(normalized) or _SIMILE_RE.search(normalized) or _SPREE_RE.search(normalized)) and not question and not firm and not to_shop:
        return True
    if _TRADE_AT_LARGE_RE.search(normalized) and not to_shop and not firm:
        return True
    if _HOOKED_RE.search(normalized) and not to_shop and not firm and not _PARTICLE_RE.search(normalized):
        return True  # hooked on watching a parcel (我每天都在看快递到哪了 好上头: 哪 asks nobody)
    if question:
        return False
    if _SAYING_RE.search(normalized) and not to_shop and not firm:
        return True
    if _REQUEST_RE.search(normalized):
        return False
    if _TRADE_RE.search(normalized):
        return True
    if _SCHOOL_RE.search(normalized):
        return not _ADDRESSEE_RE.search(normalized) and not _ORDER_RE.search(normalized)  # (刚下单了30本作文本: an order)
    return _HABIT_RE.search(normalized) is not None and not to_shop


def told_not_asked(normalized: str) -> bool:
    """A story about others that asks the shop nothing: 公司报销发票的事好烦, 我妹买东西就爱退货."""
    return (not asks(normalized) or _others_not_done(normalized)) and tells_of_others(normalized)


def _others_not_done(normalized: str) -> bool:
    """Whether the only ask of the message is a 还没 told of the buyer's own company or its people
    (我们会计说这个月的发票还没对完, 财务说报销还没批): the waiting is theirs, not for this shop
    (发票还没收到, 财务说发票还没收到 你们开了吗 ask the shop)."""
    if _QUESTION_RE.search(normalized) or _TO_SHOP_RE.search(normalized) or not (_PAPERWORK_RE.search(normalized) and _GRUMBLE_RE.search(normalized)):
        return False
    requests = [m.group() for m in _REQUEST_RE.finditer(price_told(normalized))]
    return bool(requests) and all(r == "还没" for r in requests)


def address(normalized: str) -> str:
    """Whom a message is for: ELSEWHERE (a story about another shop or platform that asks nothing:
    在唯品会买的鞋开胶了), STORY (told_not_asked), ASIDE (a question about a bill of daily
    life or another service that neither requests anything nor speaks to the shop or of its item:
    水费怎么这么贵, 电影票多少钱), NOT_SHOPPING (maths, code, homework, a word asked about as
    language, a message meant for someone else, a listing pasted: x2+2x+1 0 怎么解, 发票这个词英语怎么说,
    发错人了, 官方正品 丝绒雾面口红 316 哑光显白 持久不掉色)
    REMARK (a remark about the buyer's own habits, trade or life, or a saying, that asks nothing:
    remarks) or SHOP (everything else). Since gate11 also: not shopping, a word read as a word, a
    question about the agent as a person, the time, the weather or put to anyone, a title pasted
    without a tag (_not_for_shop, listing.pasted_title); a remark, the buyer worn out, resolved, answered
    already, the world and parcels at large, a courier praised (_OWN_STATE_RE, _courier_story); a
    story, the buyer's pay not yet through (_pay_not_yet)."""
    if closes(normalized):
        return CLOSING
    if _JOKE_END_RE.search(normalized.strip()):
        return NOT_SHOPPING  # 退货能退到月球吗 逗你的
    if about_agent(normalized) or ((_SELF_ASKED_RE.search(normalized.strip()) or _HEARSAY_TRUE_RE.search(normalized)) and not (
            _TO_SHOP_RE.search(normalized) or _ORDER_RE.search(normalized) or _MINE_RE.search(normalized) or _FAULT_RE.search(normalized))):
        return NOT_SHOPPING  # 你是机器人还是真人 (转人工 asks for a human), 88vip值得开不 我自己琢磨, 我同桌说笔芯放冰箱能多用几天 是真的吗 (the 能 is theirs)
    if _WISH_RE.search(normalized) and not asks(normalized) and not _ORDER_RE.search(normalized) and not _FAULT_RE.search(normalized):
        return REMARK  # 新年快乐呀大家
    if _NOT_SHOPPING_RE.search(normalized) or _not_for_shop(normalized) or _PLACEHOLDER_RE.fullmatch(normalized.strip()) or talks_of_words(normalized) or homework(normalized) or markets(normalized) or of_the_day(normalized) or meant_elsewhere(normalized, asks):
        return NOT_SHOPPING
    if (_MISSENT_RE.search(normalized) and not _QUESTION_RE.search(normalized)) or _pasted(normalized):
        return NOT_SHOPPING
    if _ERRAND_RE.search(normalized) and not asks(normalized) and not _TO_SHOP_RE.search(normalized) and not _FAULT_RE.search(normalized):
        return REMARK  # 等会儿 我去拿个快递
    if _REMINDER_RE.search(normalized) and not _QUESTION_RE.search(normalized) and not _TO_SHOP_RE.search(normalized) and not _SHOP_THING_RE.search(normalized):
        return NOT_SHOPPING
    if ((_NOSTALGIA_RE.search(normalized) and not _NOW_RE.search(normalized)) or _CHORE_TOLD_RE.search(normalized)) and not _QUESTION_RE.search(normalized) and not _TO_SHOP_RE.search(normalized) \
            and not _ORDER_RE.search(normalized) and not _FAULT_RE.search(normalized) and not _WAITING_RE.search(normalized):
        return REMARK  # 以前的双缸洗衣机多结实啊 用了二十年, 退货这事我妈最在行
    if _hearsay(normalized):
        return STORY  # 我爸问我花呗是啥 笑死, 我婆婆非说包邮的东西都是便宜货
    if _NOT_YOU_RE.search(normalized) and not _QUESTION_RE.search(normalized) and not _FIRM_REQUEST_RE.search(_VENT_RE.sub(" ", normalized)):
        return REMARK  # the shop is not meant, whatever broke (快递柜好像又坏了 跟你们没关系哈: a story's 0.3 let 0.23 through)
    if _OWN_STATE_RE.search(normalized) and remarks(normalized):
        return REMARK  # said in passing, exhausted, resolved, found (退货退得我头都大了 不是你们家的)
    if not asks(normalized) and not _TO_SHOP_RE.search(normalized) and (_WORLD_RE.search(normalized) or compares_prices(normalized) or (
            _PARCELS_AT_LARGE_RE.search(normalized) and not _MINE_RE.search(normalized) and not _ORDER_RE.search(normalized))):
        return REMARK  # the world at large (这个颜色今年特别流行, 还是以前的东西质量好), prices of other things (还是去年便宜)
    if not asks(normalized):
        if tells_of_elsewhere(normalized):
            return ELSEWHERE
        if tells_of_others(normalized):
            return STORY
    elif _others_not_done(normalized):
        return STORY  # 我们会计说这个月的发票还没对完 (a tie with the small-talk reading at 0.74 before)
    if remarks(normalized):
        return REMARK
    if _MEDIA_RE.search(normalized) and not asks(normalized) and not _TO_SHOP_RE.search(normalized) and not _ORDER_RE.search(normalized) and not _FAULT_RE.search(normalized) and not _AS_RECEIVED_RE.search(normalized):
        return REMARK  # an advertisement or a show, told of (顺丰的广告拍得挺好看)
    if _courier_story(normalized):
        return REMARK  # the buyer's own remark on a courier (顺丰的小哥今天还帮我搬了箱水: 0.60 for chatter, 0.26-0.37 for some)
    if _pay_not_yet(normalized):
        return STORY
    if _LIFE_RE.search(normalized) and not _REQUEST_RE.search(normalized) and not _TO_SHOP_RE.search(normalized):
        return ASIDE
    if grieves(normalized):
        return GRIEVANCE  # 你们客服就这服务水平 (0.79 for chatter), 呵呵 真行 等了一周 就这服务
    return SHOP


# A question put in English (can i use 信用卡, do you ship to 上海): its clauses are its objects.
_LATIN_ASK_RE = re.compile(r"(?<![a-z])(?:can|could|may|do|does|is|are|will|how|what|when|where|which|any|please|pls|plz)(?![a-z])")


def _pasted(normalized: str) -> bool:  # a listing's title pasted, with its tag or without, asking and telling nothing
    if asks(normalized) or _ORDER_RE.search(normalized) or _FAULT_RE.search(normalized):
        return False
    return (tagged_title(normalized) and not _TO_SHOP_RE.search(normalized)) or (untagged_title(normalized) and not _TO_SHOP_RE.search(without_sizes(normalized)))


def small_talk_yields(text: str, p_off: float, to: str, config: MatcherConfig, clause: bool = False) -> bool:
    """Whether a small-talk script first leaves a message (or a clause) its shopping scripts: the gate reads it as
    shopping and it asks (沙发垫子有一处鼓包 我想退: 我想 reads as chatter), or it closes the chat (嗯嗯好的)."""
    if clause:
        return p_off < config.small_talk_yields_in_clause and to in (SHOP, GRIEVANCE) and asks(text)
    if to == GRIEVANCE:  # (the sarcasm reads as small talk: 呵呵 真行 一个问题拖一星期, 0.79 against 0.59 for complaint)
        return p_off < config.offtopic_veto_grievance
    return to == CLOSING or (p_off < config.small_talk_yields_below and to == SHOP and asks_the_shop(text, text))


def asks_the_shop(clause: str, message: str = "") -> bool:
    """Whether a clause of ``message`` asks something, speaks to the shop, tells of the buyer's
    order or item (包邮吗, 亲, 收到的杯子碎了一个) or of another shop's offer (拼夕夕上才一半价钱, the
    reason for 你们降点呗), or the message asks in English (信用卡 of can i use 信用卡): a clause that does none of them is part of the chatter around it (我司年底统一开票
    in 我司年底统一开票 财务忙死了)."""
    return (asks(clause) or _TO_SHOP_RE.search(clause) is not None or _ORDER_RE.search(clause) is not None or _FAULT_RE.search(clause) is not None
            or _ELSEWHERE_RE.search(clause) is not None or _LATIN_ASK_RE.search(message) is not None)


def of_the_shop(normalized: str) -> bool:
    """Whether a message speaks to the shop, names its trade or tells of the buyer's order or a
    fault found (我信了你们的邪, 说好今天发的 又骗我, 洗衣机漏水把楼下泡了, 又是一次失败的购物): an upset buyer saying so is
    cross with the shop, whatever else the message is like."""
    fault = _FAULT_RE.search(normalized) is not None and _AT_HOME_RE.search(normalized) is None
    return _TO_SHOP_RE.search(normalized) is not None or _ORDER_RE.search(normalized) is not None or fault or _SERVICE_RE.search(normalized) is not None


# A pet or a child breaking something at home (我家狗又把沙发咬坏了): no fault of the shop's.
_AT_HOME_RE = re.compile(r"(?:猫|狗|狗子|猫咪|二哈|熊孩子|孩子|娃)[^ ]{0,4}把|被(?:我家|家里)?的?(?:猫|狗|狗子|猫咪|二哈|熊孩子|孩子|娃)")  # (…被狗咬了)
# The shop's trade named as such (又是一次失败的购物, 这服务真是绝了).
_SERVICE_RE = re.compile(r"购物|服务|售后|态度|这家|买东西|网购")
