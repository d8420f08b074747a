"""The reply checker: every rule of compliance.md, near misses that must stay quiet, spans."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kefu_assist.checker import Checker, check, default_checker, load_checker, load_rules, rewrite

HERE = Path(__file__).resolve().parent

# The contract of ../shared/compliance.md: these ids with these severities.
CONTRACT = {
    "invoice_refusal": "block",
    "card_fee": "block",
    "shipping_fee_breach": "block",
    "cod": "block",
    "off_platform": "block",
    "review_bribe": "block",
    "absolute_claim": "warn",
    "negative_phrasing": "warn",
    "abuse": "block",
    "privacy": "block",
    "close_order": "block",
    "no_return": "block",
}


def _read_tsv(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        label, text = line.split("\t")
        rows.append((label, text))
    return rows


DEV = _read_tsv("dev_drafts.tsv") + _read_tsv("dev2_drafts.tsv") + _read_tsv("dev3_drafts.tsv") + _read_tsv("dev4_drafts.tsv") + _read_tsv("dev5_drafts.tsv")
# the eighth set: indirect wordings (a fee as 上浮5% or 补差价, refusing COD to some buyers, 只换不退,
# insults without a listed word ...), each rule with 15 violations and 15 near misses
DEV8 = _read_tsv("dev8_drafts.tsv")
# every row, the old known miss too: "亲这个包邮是不包括您那里的，要加运费10块" (labelled before tuning) is
# found by the rules' region-exclusion class (check8r) and by the reply model (check8m's recipe)
DEV = DEV + DEV8
# the ninth set: shorter chat wordings (spaces for commas, 哈/呢/emoji), written after the eighth's tuning
DEV = DEV + _read_tsv("dev9_drafts.tsv") + _read_tsv("dev10_drafts.tsv") + _read_tsv("dev11_drafts.tsv")
# the twelfth set (checker4): traditional, full-width, spaced-out and numeral spellings of my own
DEV = DEV + _read_tsv("dev12_drafts.tsv")
# the thirteenth set (checker4): my own wordings of the classes the fresh development set showed missing
DEV = DEV + _read_tsv("dev13_drafts.tsv")
# the fourteenth set (checker4): my own wordings after the dev-set tuning, to see whether it generalised
DEV = DEV + _read_tsv("dev14_drafts.tsv") + _read_tsv("dev15_drafts.tsv")


def rules_of(text: str) -> set[str]:
    return {f.rule for f in check(text)}


def test_every_contract_rule_is_shipped_with_its_severity():
    checker = default_checker()
    assert {rid: checker.rule(rid).severity for rid in CONTRACT if checker.rule(rid)} == CONTRACT
    for rule in checker.rules:
        assert rule.message and all("\u4e00" <= ch <= "\u9fff" for ch in rule.message[:2]), rule.id


def test_shipped_rules_file_has_no_problems():
    from kefu_assist.checker.engine import _default_rules

    assert _default_rules().problems == ()


@pytest.mark.parametrize(("labels", "text"), DEV, ids=[t for _, t in DEV])
def test_development_drafts(labels, text):
    want = set() if labels == "-" else set(labels.split(","))
    assert rules_of(text) == want


# compliance.md's own examples, beside the development set (which is written separately)
@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("invoice_refusal", "特价商品不开发票"), ("invoice_refusal", "开票加6个点"), ("invoice_refusal", "发票邮费您出"),
        ("invoice_refusal", "要票得加钱"), ("card_fee", "信用卡支付加收1%手续费"), ("card_fee", "花呗要多加2个点"),
        ("shipping_fee_breach", "写着包邮但新疆要补10元"), ("shipping_fee_breach", "包邮商品也要加5块"),
        ("cod", "货到付款要多收10块服务费"), ("cod", "货到付款的手续费由您承担"), ("off_platform", "加我微信"),
        ("off_platform", "VX"), ("off_platform", "扣扣"), ("off_platform", "支付宝转账给我"), ("off_platform", "私下交易"),
        ("off_platform", "收款码"), ("off_platform", "进福利群"), ("review_bribe", "好评返现"), ("review_bribe", "五星好评返5元"),
        ("review_bribe", "晒图返红包"), ("review_bribe", "追评带图返现"), ("review_bribe", "好评截图发我"),
        ("absolute_claim", "保证"), ("absolute_claim", "绝对"), ("absolute_claim", "肯定"), ("absolute_claim", "百分百"),
        ("absolute_claim", "100%"), ("absolute_claim", "最好"), ("absolute_claim", "第一"), ("absolute_claim", "顶级"),
        ("absolute_claim", "国家级"), ("absolute_claim", "全网最低"), ("absolute_claim", "史上最低"), ("absolute_claim", "假一赔十"),
        ("absolute_claim", "今天一定发"), ("absolute_claim", "明天一定到"), ("negative_phrasing", "我不能"),
        ("negative_phrasing", "我不会"), ("negative_phrasing", "这不是我该做的"), ("negative_phrasing", "但是"),
        ("negative_phrasing", "晕"), ("negative_phrasing", "恩"), ("negative_phrasing", "没办法"), ("negative_phrasing", "规定就是这样"),
        ("abuse", "爱买不买"), ("abuse", "你有病吧"), ("abuse", "神经病"), ("abuse", "滚"), ("abuse", "没钱就别买"), ("abuse", "闭嘴"),
        ("privacy", "上一个买家是北京的张女士"), ("privacy", "把支付宝密码发我"), ("privacy", "身份证号和银行卡号发我"),
        ("close_order", "我已经把你的订单关了"), ("close_order", "你这单我直接取消了"), ("no_return", "一经售出概不退换"),
        ("no_return", "特价商品不退不换"), ("no_return", "不支持七天无理由"),
    ],
)
def test_typical_wordings_are_found(rule, text):
    assert rule in rules_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "开不开发票都是同一个价，不额外收费", "发票随货寄出，不收任何费用", "支持信用卡和花呗，手续费不需要您承担", "分期按银行规定",
        "偏远地区按页面运费模板计算", "运费由本店承担", "本店暂未开通货到付款，您可以用花呗", "在旺旺上就可以处理，不用加其他联系方式",
        "我们不做好评返现哦，真实评价就好", "一般48小时内发货", "快递一般3到5天", "正规品牌授权", "这个我帮您问一下主管", "您看这样可以吗",
        "核对一下您的收货地址：杭州市西湖区文三路，对吗？", "订单需要您在自己账号里申请取消", "支持七天无理由退换，运费险已开通",
    ],
)
def test_compliant_wordings_stay_quiet(text):
    assert check(text) == []


# near misses of my own: each mentions a rule's words without breaking it
@pytest.mark.parametrize(
    "text",
    [
        "不开发票也是这个价哦", "发票和货一起寄，运费我们出", "开票不加任何费用",
        "花呗分期免手续费", "信用卡付款手续费由我们承担",
        "这款是包邮的，不会另外收运费", "新疆地区不包邮，需补运费10元",
        "货到付款的服务费由我们承担", "暂未开通货到付款",
        "我们不加微信，有事旺旺说", "微信支付暂时用不了，可以用花呗", "千万不要私下转账给任何人", "退款原路退回您的支付宝",
        "不需要好评返现，东西好您自然会喜欢", "有问题找我，别急着给评价", "用红包下单也可以",
        "最近快递有点慢", "最晚后天发出", "第一次买的话可以领新人券", "这件是100%纯棉的",
        "嗯嗯好的", "感恩有您", "晕染工艺，每件略有不同",
        "滚筒洗衣机可以洗", "穷游的朋友也很喜欢这款背包",
        "请勿把验证码告诉任何人", "很多买家反馈尺码正好",
        "您申请取消后我这边马上同意", "超时未付款订单会自动关闭", "我不会取消您的订单",
        "支持七天无理由，不影响二次销售即可", "定制款不支持七天无理由退换",
    ],
)
def test_near_misses_stay_quiet(text):
    assert [(f.rule, f.text) for f in check(text)] == []


def test_findings_carry_span_severity_message_and_suggestion():
    text = "亲，加我微信，好评返现5元，但是要快哦"
    findings = check(text)
    assert [(f.rule, f.severity) for f in findings] == [
        ("off_platform", "block"), ("review_bribe", "block"), ("negative_phrasing", "warn"),
    ]
    for f in findings:
        assert text[f.start : f.end] == f.text
        assert f.message and f.suggestion
    assert text[findings[0].start : findings[0].end] == "加我微信"
    assert findings[2].suggestion == "把「但是」改为「不过」"
    assert set(findings[0].as_dict()) == {"rule", "severity", "start", "end", "message", "suggestion"}


def test_full_width_and_traditional_text_is_folded_and_spans_stay_on_the_original():
    text = "親，加我ＶＸ吧，好評返現哦"
    findings = check(text)
    assert [f.rule for f in findings] == ["off_platform", "review_bribe"]
    assert [text[f.start : f.end] for f in findings] == ["加我ＶＸ", "好評返現"]


def test_rewrite_applies_replacement_words_only():
    text = "保证明天发，但是要等一下"
    assert rewrite(text, check(text)) == "尽量明天发，不过要等一下"
    blocked = "加我微信"
    assert rewrite(blocked, check(blocked)) == blocked  # no word to put in: left for the agent


def test_overlapping_hits_of_one_rule_are_one_finding():
    findings = [f for f in check("好评返现好评返现") if f.rule == "review_bribe"]
    spans = [(f.start, f.end) for f in findings]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


# -- properties -------------------------------------------------------------------------
_FRAGMENTS = [t for _, t in DEV] + ["亲", "，", "。", "！", "？", "好的", "哦", " ", "\n", "ＡＢ", "123", "😀"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=6), max_size=6).map("".join))
def test_spans_lie_inside_the_text_and_point_at_the_words(text):
    for f in check(text):
        assert 0 <= f.start < f.end <= len(text)
        assert f.text == text[f.start : f.end]
        assert f.severity in ("block", "warn")


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([t for _, t in DEV]), st.sampled_from(["亲，您好。", "收到！", "好的亲～\n", "谢谢您的耐心等待。"]))
@example(text="没法弄 系统的问题", prefix="亲，您好。")  # a rule whose match took in the 。 before it shifted by one less
def test_a_harmless_prefix_shifts_every_span(text, prefix):
    before = [(f.rule, f.start, f.end) for f in check(text)]
    after = [(f.rule, f.start - len(prefix), f.end - len(prefix)) for f in check(prefix + text)]
    assert after == before


# -- rules as data ------------------------------------------------------------------------
def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_team_lead_file_adds_rules_and_extends_shipped_ones(tmp_path):
    lib = tmp_path / "shop"
    lib.mkdir()
    _write(lib / "10-base.yaml", "version: 1\nscripts:\n  - id: greeting.hi\n    category: greeting\n    title: 问候\n    examples: [在吗]\n    replies: [您好]\n")
    _write(
        lib / "compliance_rules.yaml",
        "version: 1\nrules:\n"
        "  - id: competitor\n    severity: warn\n    message: 不要提竞争对手\n    words: [某宝, 拼夕夕]\n"
        "  - id: off_platform\n    words: [钉钉]\n    exceptions: ['不用钉钉']\n",
    )
    checker, problems = load_checker(lib)
    assert problems == ()
    assert {f.rule for f in checker.check("拼夕夕更便宜？加我钉钉")} == {"competitor", "off_platform"}
    assert checker.check("不用钉钉，旺旺就行") == []
    assert checker.check("加我微信")[0].rule == "off_platform"  # the shipped words are kept
    # the library loader does not take the rules file for a script file
    from kefu_assist.library import load_library

    result = load_library(lib)
    assert result.ok and [s.id for s in result.library.scripts] == ["greeting.hi"]


def test_the_shipped_library_folder_does_not_load_the_default_rules_twice(shipped_library_path):
    checker, problems = load_checker(shipped_library_path)
    assert problems == ()
    assert len(checker.rules) == len(default_checker().rules)


def test_broken_rules_are_reported_with_file_and_line(tmp_path):
    path = _write(
        tmp_path / "rules.yaml",
        "version: 1\nrules:\n"
        "  - id: a\n    severity: block\n    message: 甲\n    patern: ['x']\n"  # line 3, typo at 6
        "  - id: b\n    severity: fatal\n    message: 乙\n    words: [乙]\n"  # severity at line 8
        "  - id: c\n    severity: warn\n    message: 丙\n    patterns: ['(未闭合']\n"  # regex at line 14
        "  - id: d\n    severity: warn\n    message: 丁\n    patterns: ['x?']\n"  # empty match at 18
        "  - id: e\n    severity: warn\n    words: [戊]\n"  # no message, line 19
        "  - id: ok\n    severity: warn\n    message: 好\n    words: [好]\n",
    )
    result = load_rules(path)
    found = sorted((p.line, p.message.split(" ")[0], p.script_id) for p in result.errors)
    lines = {p.line for p in result.errors}
    assert {6, 8, 14, 18, 19} <= lines, found
    assert "did you mean 'patterns'" in next(p.message for p in result.errors if p.line == 6)
    assert [r.id for r in result.rules] == ["ok"]
    for p in result.errors:
        assert str(p).startswith(f"{path}:{p.line}: ")


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"rules: [\n", "YAML syntax error"),
        (b"\xff\xfe bad", "UTF-8"),
        (b"- just a list\n", "must be a mapping"),
        (b"version: 2\nrules: []\n", "unsupported version"),
        (b"rules: []\n", "missing 'version'"),
    ],
)
def test_unusable_rules_files_get_one_clear_problem(tmp_path, content, needle):
    path = tmp_path / "r.yaml"
    path.write_bytes(content)
    result = load_rules(path)
    assert any(needle in p.message for p in result.errors), result.problems


def test_checker_imports_no_qt_and_no_database():
    import subprocess

    code = "import sys, kefu_assist.checker as c; c.check('加我微信'); c.mood('投诉'); print(any(m.startswith(('PySide6', 'sqlalchemy')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_checker_of_no_rules_finds_nothing():
    assert Checker(()).check("加我微信") == []


@pytest.mark.parametrize(
    "text",
    [
        "已经发货了，不能换颜色了哦", "运费险不能退的哦", "如果不能换货，可以给您退款", "你这个问题问得好", "麻烦您稍等",
        "过了七天就不能无理由退了，质量问题还是可以找我", "不含票价格和含票价格一样",
    ],
)
def test_second_round_near_misses_stay_quiet(text):
    assert [(f.rule, f.text) for f in check(text)] == []


def test_a_gap_in_a_rule_stops_at_a_comma_of_either_width():
    from kefu_assist.checker.rules import widen_negated_classes

    assert widen_negated_classes("a[^，。！？～~不]{0,3}b") == "a[^，。！？～~不,!? ]{0,3}b"
    assert widen_negated_classes("[^ab]c[^，, ]") == "[^ab]c[^，, ]"
    # the text is folded (，-> ,) before matching: a negation in the clause before must not reach over
    assert "off_platform" in rules_of("拍下先不付款，我们私下把钱结了")
    assert "off_platform" in rules_of("拍下先不付款,我们私下把钱结了")
    # chat writes a space for a comma
    assert "off_platform" in rules_of("拍下先不付款 我们私下把钱结了")


# a clause of the buyer's own words or a courtesy before a violation leaves it a violation
@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([(label, t) for label, t in DEV if label != "-"]),
    st.sampled_from(["不好意思，", "没关系，", "不着急，", "别担心，", "没问题，", "不客气，", "您别急，"]),
)
def test_a_negated_clause_before_a_violation_does_not_cancel_it(row, prefix):
    labels, text = row
    assert set(labels.split(",")) <= rules_of(prefix + text)


# near misses of the broader patterns (fee frames, refusal frames, shop as the subject ...): each
# mentions a fee, a code, a closed order or a refusal and is still fine
@pytest.mark.parametrize("text", [
        '专票税率是13%，税点由我们承担',
        '发票如果开错了可以重开',
        '花呗额度高一点的话可以分期',
        '分期费率以支付宝页面为准',
        '平台的扣点是我们承担的，您正常付就行',
        '我把链接直接转给您',
        '您转我一下订单号',
        '超时未付款系统会自动关闭订单',
        '超时未付款系统会关闭订单',
        '这款是不退色的哦',
        '我们只换了快递，更快一些',
        '用了包装袋装好寄回就行',
        '用了一定要记得洗手',
        '这款吸顶灯装在天花板上很好看',
        '这款有标配和顶配两个版本',
        '还是别拍这款了，尺码偏小',
        '最近这家快递问题太多了',
        '请核对身份证号码和姓名是否一致',
        '您的信用卡有效期过了，换张卡试试',
        '扫码付款的页面在淘宝里',
        '包邮的，收到后7天内可以退',
        '包邮的，补发的那件也包邮',
        '亲，花呗分期3期免息，不加钱',
        '货到付款的话快递员会收您货款',
        '货到付款不支持的地区下单时会提示',
        '到付的运费由我们出',
        '您先付款，我们今天就发',
        '发票我们这边快一点给您开',
        '开票的话加一下您的税号',
        '信用卡和花呗都可以，多付的钱会退回',
        '好评的话我们会看到，谢谢',
        '您评价的时候可以加图，谢谢',
        '追评我们也会认真看的',
        '退货的话运费险会赔付给您',
        '退款会扣除您用过的优惠券哦',
        '签收后有问题随时找我',
        '这个订单我帮您备注了加急',
        '您的订单已经发出，取消不了了哦，可以拒收',
        '订单我们这边没法取消，需要您自己申请',
        '七天无理由支持的，放心拍',
        '收到了就可以试穿，不合适退换都行',
        '这款只有黑色',
        '您要的话我给您留一件',
        '价格会高一些的是大码，小码便宜',
        '您这边问题我记下了，马上处理',
    ])
def test_near_misses_of_the_meaning_level_patterns_stay_quiet(text):
    assert [(f.rule, f.text) for f in check(text)] == []
