"""Classes of wording the checker missed or flagged wrongly on the development writers (issue 12,
check23rb: off_platform, review_bribe, absolute_claim, negative_phrasing, abuse, privacy), read
from trainsets23 a and c (cosmetics in young slang; tea and liquor gifts for business buyers),
evalsets15 and 16 and the older development sets, grouped by how the agent said it (the app's name
split by a dot, the order link skipped, a refund paid straight to the buyer's card, another buyer
placed by city and surname, a reward as a favour "if the review is good", superlatives in literary
words, the buyer's wits or looks mocked, a formal dismissal), and the compliant wordings a careless
rule caught (a company transfer made through the platform's business purchase, a fake warned
against, a bank's reserved phone, 宝妈的); then classes of our own probing (the formal register of business buyers,
young buyers' slang, homophone slips and Cantonese read in spelling.py, camera specifications) and, after their blind
score, trainsets23 b and d. Every case is worded anew, none is a line of an eval set.
The violations are held to the rules alone (no trained model); the near-misses to the full checker."""
from __future__ import annotations

from .findings import class_tests

VIOLATIONS = {
    "off_platform": [
        # the app's name split by a dot, read before as two clauses
        "微.信搜 shop_lin 就能加到我",
        "薇.信号 tea888，加一下",
        # the order link skipped for me directly
        "回头需要直接找我拿货，不必再下单，价格更低",
        "找我买就行，不用拍链接",
        # another platform as the place to message me
        "抖音上私我",
        "小红书dd我，给你留货",
        # money paid to the buyer's own account outside the order, the account asked for
        "卡号和开户行告诉我，差价我直接打给您",
        "把卡号告诉我，差价我直接打给您",
        "好评截图后返您5块到支付宝上",
        # the app by its letter with 上; a friend added with words between; a private number
        "v上我发你视频",
        "加我个好友，图多给你看看",
        "有事加一下我们店长的私人号",
        # a number to ring me on; a private chat for the floor price
        "拨打13912345678找我，给您算便宜",
        "私聊我拿底价",
        # a phone number of ours to add or save; a lower price on other platforms by their names
        "存一下我们门店的电话13812345678，到了打给我",
        "得物上我们也有店，那边便宜五十",
        "唯品会有我们家，价格更低",
        # other chat apps by name; 信 split into its parts
        "加我 line 详聊",
        "telegram联系，发你实拍",
        "加我薇亻言",
        # the formal register: money to our company account outside the order; a buyer's contact asked to deal directly
        "尊敬的客户，大宗采购建议线下签约，货款打至我司对公账户即可",
        "贵司行政的手机号麻烦留一下，我们经理直接跟她对接",
        # young buyers' slang: the app after 私我; 闲鱼 by its nickname; a channel outside the platform; our account on another site
        "宝子私我v 有小样送",
        "小黄鱼上有同款，更便宜",
        "淘宝以外的渠道找我更便宜",
        "搜我们的xhs 有抽奖",
        # homophone slips of the app and the payment app (one character for one)
        "加我危信，发你上脚图",
        "搜一下我魏信",
        "尺码的事加个胃信说",
        "支付包转我就行",
        # dialect: the money paid over to me in Cantonese; the app got in northern speech
        "過數畀我就得",
        "整个微信呗，方便",
        # cash at our shop or store for less
        "来我们门店当面付现金，比网上少五十",
        # (b/d, read after their blind score) the rest of the money taken privately; a refund paid outside the platform;
        # an app added, then a private price; the talk moved to 钉钉
        "尾款私下收，省手续费",
        "我直接转您差价，比走平台快",
        "走线下吧，快一点",
        "加了之后单独给您算价",
        "换货的话发我钉钉",
    ],
    "review_bribe": [
        # the review's reward named as a thing on offer
        "晒单的返现可以和积分一起用",
        # a gift named right after the review
        "晒单送冰箱贴哦",
        # a favour for the buyer if the review is good
        "好评之后运费险我替你报了",
        "五星好评的话下次这款给你半价",
        # the formal register: a discount on the next purchase for a review
        "若能在评价里写上服务周到，再次采购可享九折",
        # a row of emoji between the review and the money
        "五星好评⭐⭐⭐返现五元",
        "好评🌸🌸返现2元",
        # homophone slips: 反 for 返 before a sum
        "晒图反3块",
        "好评返卷",
        # Cantonese: 畀 give, 蚊 yuan
        "畀個好評，返你五蚊",
        # rewards said indirectly: not for nothing; reviewers as a class with a perk; free postage next time; a compensation applied for
        "晒完图来找我，不让您白忙",
        "五星的买家下次都享受会员价",
        "追评满20字，下回直接包邮",
        "给个好评，我帮您申请个补偿",
        # (b/d) a bad review held back or changed for money said first; a reward in points; a gift with letters in its name
        "补您15块，中评改成好评就行",
        "先别给中差评，我返你10块",
        "晒图后用积分给您返",
        "好评送TF卡",
    ],
    "absolute_claim": [
        # 百分百 in words before a material
        "百分百纯棉的，很亲肤",
        "百分百棉的面料，贴身穿",
        # superlatives in literary words
        "这款茶的香气在同类中堪称之冠",
        "音质冠绝同价位",
        "工艺无人能及",
        "这副耳机在同价位里遥遥领先",
        "这款是口感天花板",
        # other products beaten in slang; a flaw never; an extreme pledge; 没有之一
        "续航秒杀同价位所有机型",
        "我们家是行业老大",
        "这酒绝不上头",
        "不好用倒赔您一倍",
        "说到续航，这款没有之一",
        # 包你 before more outcomes
        "这条裤子包您显瘦",
        # the only one anywhere
        "这个色全网独一家",
        "全国独此一家的配方",
        # young buyers' slang: a no-risk guarantee; the lowest ever shortened
        "用了包不过敏",
        "今天史低，赶紧冲",
        # homophone slips: 保正, 决对, 百分之白, 肯订; a flaw never, ever
        "保正是正品",
        "决对不掉色",
        "百分之白原装",
        "肯订不开胶",
        "这双鞋永远不会开胶",
        # dialect: 唔會甩色 (不会掉色) after a promise; the cheapest in Cantonese; 包你 before a Sichuan great
        "一定唔會甩色",
        "呢隻全網最平",
        "包你巴适",
        # a specification's limit claimed against the whole trade is still a superlative
        "这款是业内最大光圈的镜头",
    ],
    "negative_phrasing": [
        # the question not mine to answer, the buyer sent elsewhere
        "价格的事不是我该回答的",
        "售前问题不是我该回答的，问客服去",
        "物流的事我们不负责这个，找快递去",
        # the shop unable in other words
        "退差价这块我们没法操作",
        "我们这边无法操作",
        "这款不会再生产了，我们不会再进",
        # a bare 'not there' as the whole reply
        "这个尺码没有",
        "这双鞋42码没货",
        # telling me is no use
        "跟我吵也没用",
        "跟客服吵也没用",
        # the formal register: a request the shop cannot meet; not our remit, see to it yourself
        "您提出的条件我司无法接受",
        "此事非我方职责范围",
        "请您自行联系物流公司",
        # impatience said as 无语
        "6 无语",
        "无语子 说了没货",
        # 不知道 in slang as the whole answer; homophone slips of 没办法 / 我不能
        "不造",
        "我也不造啊",
        "没版法，仓库不发",
        "我布能改价",
        # dialect: I don't know in Cantonese
        "我都唔知",
        # only selling, nothing else
        "我们这边只管卖，售后别的不管",
        # (b/d) I do not want to talk to you; the order dropped
        "我不想和您说了",
        "我不想跟你这种人多说",
        "这笔单我们不做了",
    ],
    "abuse": [
        # the buyer's wits mocked; nitpicking scorned; sent away
        "说明书都写着呢，脑子呢",
        "买东西带点脑子",
        "几十块的东西挑三拣四",
        "又嫌贵又嫌丑，那你别买啊",
        "觉得贵就别买了",
        # skill, means or looks mocked
        "菜就多练，别赖手柄",
        "嫌贵说明您消费水平不够",
        "皮肤这么黄用什么美白，用了也白搭",
        "没钱学别人买什么进口的",
        # sent away in formal words
        "恕不奉陪，请另寻他处",
        "鉴于您的态度，建议另寻他处",
        # the buyer's own fault thrown back
        "自己不会用还赖机器",
        "穿错码还怪鞋子",
        # sarcasm and scorn in slang
        "呵呵，您开心就好",
        "你咋不上天呢",
        "一看就是没用过好东西的",
        "low逼，不懂别瞎说",
        # the formal register: read it before asking, don't waste my time; a budget scorned
        "请您仔细阅读详情后再咨询",
        "问来问去的，浪费我的时间",
        "连这点预算都拿不出来",
        # young buyers' slang insults
        "别来沾边",
        "爬",
        "有大病就去看看",
        "nt吧你",
        "普信男",
        "下头",
        # are you blind; the buyer's body scorned with what they buy
        "你瞎啊，写着呢",
        "脚那么宽还穿窄版",
        # dialect: northern contempt for the buyer
        "瞅你那德性",
        # the buyer's body scorned
        "那么粗的腿穿什么都紧",
        # the buyer's ignorance scorned
        "连曝光都不知道还买相机",
    ],
    "privacy": [
        # another buyer placed by city and surname as the answer to who bought
        "买最多的是杭州的吴先生，一次二十箱",
        "上一单订礼盒的是成都的刘总",
        # another buyer by full name
        "有个叫陈思思的妹子也买了这个色",
        "刚有个叫孙明的老板订了五箱",
        # another buyer's order or invoice data read out
        "这个单号是另一位客户的，收件人赵女士",
        "把其他客户的开票信息发您看看格式",
        "张姐那边的订单：收货人张某，地址如下",
        # an ID and a card number asked together, with words between
        "开户需要身份证正反面跟卡号",
        "身份证正反面加银行卡号都拍过来",
        # another buyer placed by where they live or work
        "那个退货的阿姨住在城东",
        "有位买同款的姐住在西湖边上",
        "那位买家是做护士的，在医院上班",
        # another buyer's tracking number shared
        "我把上个客户的快递单号发你参考一下",
        # the formal register: another company's papers sent
        "把另一家公司的采购单发您参考",
        # another buyer's tracking number told
        "前面姐妹的单号是SF1234567，你可以查物流",
        # homophone slips of the secrets
        "发下你支付宝蜜码",
        "把验正码给我",
        "身分证号发我登记",
        # Cantonese 係 as 是: another buyer placed
        "上個買家係深圳嘅李小姐",
        # a payment or login password asked among other data; another buyer named after the purchase
        "办理退款要您提供卡号和支付密码",
        "那件大码的是楼下超市老板娘买的，叫吴丽",
        # (b/d) another buyer at the same address named; another order's recipient read out
        "这地址以前发过货给周女士，是您家人吗",
        "另外一单也寄到这，收件人何先生",
    ],
}

NEAR_MISSES = {
    "off_platform": [
        # someone else's request or a fake reported, then disowned or warned against
        "要是有人冒充我们让您加微信转账，千万别理",
        "常有买家提要加微信，我们不加微信的，旺旺聊就行",
        "您表姐收到的付款二维码不是我们发出的，请以订单页为准",
        "凡是平台外的转账都别信，付款只走订单",
        # several channels denied with 什么/任何; private deals refused
        "不需要加什么群，券在商品页直接领",
        "本店没有任何粉丝群，有活动会在首页公告",
        "本店不做私下交易，请在店铺里下单",
        # a company transfer named as a way the order is paid
        "对公转账可以走企业支付宝，开票也方便",
        "对公转账或者花呗都可以，价格一样",
        "支持对公转账，需要在企业购里下单",
        # the card or the payment app used at the order's own checkout
        "用储蓄卡直接付就行，价格不变",
        "嫌麻烦可以用支付宝直接付",
        # the new address and phone for an order change sent to be checked
        "把新地址和收件人电话发给我核对一下",
        # what a code is not; a bank's reserved phone
        "包装上的二维码是查真伪的，不是加好友",
        "银行预留手机号需要您在银行那边改",
        # the platform's own places
        "闲鱼上的二手货不是我们家的，请注意",
        "对公转账的话请在企业购下单付款",
        # a camera model, a cable's socket, our shop elsewhere at the same price
        "用TG-6拍水下很方便",
        # the platform paying the shop; a payment code as an option of the checkout
        "货款在您确认收货后由平台打到我们账户",
        "付款码支付是收银台里的一种方式",
        "平台以外的渠道都不安全，请不要相信",
        # a code on the box or the device to check it is genuine or to pair it
        "鞋盒上的二维码扫一下可以验真",
        "扫一下机身上的码就能配对手机",
        # an app logged into with the chat app
        "这个APP可以用微信扫码登录",
        # the Cantonese readings leave other words alone
        "有问题联系客服就行",
        "买2盒蚊香送一个架子",
        # the words the slips are read for, left as they are
        "作为信用卡用户可以分期",
        "支付包装费吗？不用的",
        "数据线用line out接口",
        "我们也在抖音开了店，价格和这边一样",
    ],
    "review_bribe": [
        # the reward asked back and denied
        "晒图返现？本店没有这种活动",
        "晒图送礼品？本店不搞这种事",
        # reviews named without a reward
        "好评率是大家给的，我们会继续努力",
        "好评之后有问题也可以随时找我",
        "好评送达的包裹我们都会回访",
        # every kind of it refused
        "本店不参与任何形式的有偿评价",
        "我们不做任何形式的好评返现",
        "评价完系统会发淘金币，那是平台规则",
        "好评差评都是您的权利，我们都接受",
    ],
    "absolute_claim": [
        "面料是100%棉的，夏天穿不闷",
        "天花板太矮的话这款灯不合适",
        "秒杀活动今晚八点开始",
        "我们尽量不让您失望",
        "闭眼入都行，回购的人挺多",
        # a device's specification at its limit; the first generation of a model
        "这款镜头最大光圈F2.8",
        "最低工作温度零下二十度",
        "第一代的接口是micro usb",
        "唯一的区别是颜色",
        # the largest or smallest size there is; advice on how to wear
        "44码最大，没有更大的了",
        "最好穿厚袜子试",
        "最小的码是35",
    ],
    "negative_phrasing": [
        # a bad practice denied; a charge denied
        "收税点这种事本店从来不做，专票普票都免费",
        "写了包邮还加钱这种事本店不干",
        "运费按模板算，我这边不会另外加收",
        # unable only as a case, help promised after it
        "真处理不了的话，我再请主管来看",
        "尺码没写的话麻烦补一下，不然没法发",
        "让您无语了，真抱歉",
        # not mine to decide, then asking at once
        "这个价我做不了主，我马上请示主管",
        # (b/d) the buyer's repeated asking acknowledged with an apology; 不可能 ruling out a flaw is a promise
        "您说了好几遍还没解决，非常抱歉，我马上去催",
        "不可能，这双绝不会开胶",
        # empathy with 无语; advice to contact the courier with our help after it
        "物流这么慢确实让人无语，我马上帮您催",
        "请您自行联系快递也可以，我们这边也会帮您催",
        "这个颜色有没有货我帮您查一下",
        "这个尺码没有了，给您推荐大一码",
    ],
    "abuse": [
        # 妈的 inside 宝妈的 / 当妈的; a baby's mouth; our own shop on another platform is off_platform
        "谢谢宝妈的支持",
        "我们也是当妈的，懂您的担心",
        "宝宝闭嘴的时候奶嘴不会掉",
        "不怕您挑三拣四，挑到满意为止",
        "介意色差的话建议先看实拍再决定",
        "这款补脑子的核桃很受欢迎",
        "呵呵，是的呢，这款很多人买",
        "没用过这个牌子的话可以先买小样",
        # advice to read the page first, said kindly
        "您可以先仔细看看详情，有疑问再问我哦",
        "您可以仔细看看尺码表后再咨询我",
        "下头的按钮点一下",
        "爬楼梯穿这双也很稳",
    ],
    "privacy": [
        # the buyer's own data read back to be confirmed
        "收件人换成您爸爸，电话是您刚才提供的那个，对吧",
        "您订单的收件人是陈先生，电话139****1234，请您确认是否正确",
        # someone else asking for the password, named as fraud
        "要是有短信让您提供支付密码，那是骗子，别理",
        "买的这款叫李宁",
        "这单收件人写的是陈先生，手机139****1234，请核实",
        # a colleague's order left to their own account
        "想看您同事的订单的话，麻烦他本人登录来问",
        # the shop's own card number is off_platform, not privacy
        "我发个银行卡号，您转账就行",
        # business invoice data asked of the buyer's own company
        "开专票请提供贵司名称、税号、开户行和账号",
        "您是杭州的吴先生吗？订单已发货",
        "您公司的合同我们已经盖章，稍后发您",
    ],
}

test_each_class_of_violation_is_found_by_the_rules_alone, test_the_near_misses_of_each_class_stay_quiet = class_tests(VIOLATIONS, NEAR_MISSES)
