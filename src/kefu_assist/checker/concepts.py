"""The reply model's concepts: the many ways a reply names one idea (花呗, hb, 信用卡, 分期, 白条 are
all paying on credit) folded to one concept, so that the model learns "credit + an extra charge"
once and finds it in a wording no training draft used.

``CONCEPTS`` is the table (written for this model from the rules' ideas in compliance.md, not
from any set of drafts): concept -> the surface forms that name it. Forms are matched on the
rules' normalised copy of a clause (``rules.normalise``: simplified, lower case, half width, read
out pinyin and digits, numbers folded to 0 by ``replymodel``), so each form is normalised the same
way before it is matched (花唄 and 花呗 are one form). A form may name two concepts (税点: an
invoice and a charge).

``replymodel`` reads a clause's concepts beside its character grams: each concept present, each
pair of concepts in one clause, the concept with its neighbouring characters (the clause with
each form replaced by its concept's mark), and each pair across two neighbouring clauses.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

# concept -> forms (the longer of two overlapping forms wins where both match at one place)
CONCEPTS: dict[str, tuple[str, ...]] = {
    "INVOICE": ("发票", "开票", "专票", "普票", "增票", "带票", "含票", "含税", "税点", "税费", "抬头", "税号", "票据", "收据", "报销"),
    "CREDIT": ("花呗", "信用卡", "分期", "白条", "借呗", "刷卡", "贷记卡", "信用付", "先用后付", "月付", "信用"),
    "CHARGE": ("加收", "多收", "另付", "另收", "另外付", "另外收", "另加", "多加", "多付", "多出", "多给", "补差", "补钱", "补拍",
               "补", "加钱", "加价", "加点", "加0", "加个", "自己出", "自理", "承担", "自付", "扣", "额外", "另算", "另计",
               "贵0", "得加", "要加", "再加", "收0", "付0", "出0", "差价", "点手续费", "手续费", "服务费", "费用", "个点"),
    "FREE_SHIPPING": ("包邮", "免邮", "免运费", "包运费", "运费全免", "不要运费", "不收运费", "邮费全包", "包快递"),
    "SHIPPING_FEE": ("运费", "邮费", "快递费", "物流费", "邮资", "配送费", "路费", "寄费"),
    "REMOTE": ("新疆", "西藏", "青海", "内蒙", "海南", "宁夏", "甘肃", "偏远", "山区", "乡下", "村里", "农村", "港澳台", "岛上", "边远"),
    "COD": ("货到付款", "到付", "货到", "到货付款", "到货再付", "送到付钱", "当面付", "代收货款", "收货付款", "见货付款", "cod"),
    "REFUSE": ("不开", "开不了", "开不出", "不能开", "无法开", "没法开", "不提供", "不给开", "不予", "不支持", "不接", "不做", "不办",
               "不行", "不可以", "不能", "无法", "没法", "没办法", "办不了", "做不了", "不了", "恕不", "概不", "一律不", "都不",
               "甭", "别想", "不考虑", "不受理", "不另外开具", "不另开", "没有票", "没票", "不带票", "不含票"),
    "CONTACT_APP": ("微信", "威信", "薇信", "v信", "vx", "wx", "vx号", "微x", "企鹅", "qq", "扣扣", "抖音", "钉钉", "whatsapp",
                    "电话", "手机号", "号码", "私聊", "私信", "小号", "二维码", "加我", "加好友", "好友", "群", "朋友圈", "私下", "线下", "站外"),
    "TRANSFER": ("转账", "转给我", "直接转", "打款", "汇款", "扫码付", "收款码", "私下交易", "绕过平台", "不走平台", "不走淘宝", "直接付"),
    "REVIEW": ("好评", "五星", "0星", "评价", "晒图", "追评", "评论", "打分", "带图", "点评", "满分", "默认评价"),
    "REWARD": ("返现", "红包", "返0", "返钱", "奖励", "补贴", "现金", "优惠券", "小礼物", "礼品", "送", "赠", "抽奖", "好处", "返利", "返还"),
    "ABSOLUTE": ("最", "第一", "100%", "0%", "百分百", "绝对", "顶级", "全网", "独家", "唯一", "万能", "永不", "永久", "完美", "首选",
                 "根治", "无敌", "极致", "史上", "国家级", "世界级", "零风险", "零添加", "无副作用", "保证", "包治", "一辈子", "全球"),
    "DISMISS": ("不知道", "不清楚", "不归我管", "不关我事", "关我什么事", "不是我", "自己看", "自己查", "自己去", "自己找", "懂不懂",
                "管不了", "爱买不买", "随便你", "问别人", "不负责", "别问", "问了", "说了", "看清楚", "没空", "有完没完", "没用",
                "不是我们的问题", "你自己", "您自己", "不懂", "不该管", "找快递", "找售后", "找厂家"),
    "INSULT": ("傻", "蠢", "脑子", "有病", "滚", "穷", "神经", "白痴", "智障", "笨", "事儿多", "事多", "瞎", "眼瞎", "废话", "买不起",
               "烦", "穷鬼", "屌丝", "垃圾", "奇葩", "脑残", "不要脸", "闭嘴", "去死", "活该", "叽叽歪歪", "墨迹", "磨叽", "啰嗦", "晕"),
    "SECRET": ("密码", "验证码", "身份证", "卡号", "银行卡", "支付密码", "登录", "账号", "cvv", "安全码", "短信", "校验码", "动态码",
               "有效期", "背面", "人脸", "证件", "住址", "家庭地址"),
    "GIVE_ME": ("发我", "告诉我", "给我", "报一下", "报给我", "发过来", "发给我", "说一下", "提供一下", "拍给我", "念一下", "私发"),
    "CLOSE": ("关闭", "关了", "关掉", "取消", "关单", "撤", "撤销", "删", "作废", "拦截", "退回", "不发", "不给发", "砍单", "强制退款"),
    "ORDER": ("订单", "这单", "单子", "您的单", "你的单", "拍的", "下的单"),
    "SELLER_DID": ("已经", "已", "我这边", "我们这边", "我给您", "我帮您", "给您", "帮您", "直接", "后台", "系统", "老板说", "我们"),
    "RETURN": ("退货", "退换", "换货", "退款", "无理由", "0天无理由", "售后", "退", "换", "包退", "包换", "退掉"),
    "SPECIAL": ("特价", "活动", "清仓", "折扣", "促销", "秒杀", "优惠", "福利", "底价", "拆封", "定制", "打折", "处理", "捡漏", "特卖",
                "尾货", "样品", "赠品", "一口价", "大促", "双十一", "双0"),
}


@lru_cache(maxsize=4)
def table(fold: Callable[[str], str]) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]], tuple[str, ...]]:
    """The table as the model scans it, its forms normalised by ``fold`` (the model's
    ``replymodel.fold_clause``): one pattern of every form (longest first, so that the longest
    form at a place is the one found), each form's concepts (indices of the names) and the
    concepts' names."""
    names = tuple(CONCEPTS)
    by_form: dict[str, set[int]] = {}
    for i, name in enumerate(names):
        for form in CONCEPTS[name]:
            key = fold(form)
            if key:
                by_form.setdefault(key, set()).add(i)
    pattern = re.compile("|".join(re.escape(f) for f in sorted(by_form, key=lambda f: (-len(f), f))))
    return pattern, {f: tuple(sorted(c)) for f, c in by_form.items()}, names


def find(clause: str, fold: Callable[[str], str]) -> list[tuple[int, int, tuple[int, ...]]]:
    """The forms (normalised by ``fold``) in a clause normalised alike, left to right, the longest
    at each place, not overlapping: (start, end, concepts)."""
    pattern, forms, _ = table(fold)
    return [(m.start(), m.end(), forms[m.group()]) for m in pattern.finditer(clause)]
