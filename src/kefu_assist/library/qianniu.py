"""Qianniu 快捷短语 (quick phrases) files <-> the script library. No Qt.

The file format is in ../shared/qianniu.md: a CSV headed ``快捷短语编码,快捷短语,快捷短语分组`` (or
the older ``快捷编码,…``), GBK, quoted fields that may hold commas, doubled quotes and line
breaks, perhaps a leading tab (an Excel trick); files re-saved elsewhere may be UTF-8 with or
without a BOM.

Import: each phrase becomes a script with no examples (agent-initiated until someone adds buyer
questions); its group becomes a category (one of the 23 when the group's name says so, else a
category of its own); its code the script's ``code``. Export writes every reply variant of every
script as a phrase Qianniu accepts. ``import -> export -> import`` gives the same library.

Reading a file (and the types both directions share) is in :mod:`.qianniu_csv`; this module
turns phrases into a library and a library into phrases.
"""
from __future__ import annotations

import csv
import io
import itertools
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_bytes
from .categories import CATEGORIES
from .codes import MAX_CODE_LEN, code_problem, fold_code
from .model import Library
from .pinyin import readings
from .qianniu_csv import HEADER, LONG_PHRASE, Note, Phrase, QianniuError, ReadResult, read_file

# moved to qianniu_csv.py; still importable from here
from .qianniu_csv import CODE_HEADERS as CODE_HEADERS, MAX_FILE_BYTES as MAX_FILE_BYTES, read_bytes as read_bytes

TITLE_CHARS = 20
UNGROUPED_ID = "ungrouped"  # an empty group in Qianniu
UNGROUPED_LABEL = "未分组"

# Group names that say which of the 23 categories they are. Conservative: a name maps only when
# it is one of these (after trimming the words team leads add, 问题/相关/类 …); 物流 and 快递 are
# different categories (tracking vs which courier), 退款 is left alone (cancel or return?).
_GROUP_ALIASES: dict[str, tuple[str, ...]] = {
    "greeting": ("问候", "欢迎", "欢迎语", "打招呼", "招呼", "开场", "开场白", "问好"),
    "bargain": ("议价", "砍价", "还价", "讲价", "议价砍价"),
    "promotion": ("优惠活动", "优惠", "活动", "促销", "优惠券", "满减", "赠品", "促销活动"),
    "shipping_fee": ("包邮/运费", "包邮", "运费", "邮费", "包邮运费"),
    "stock": ("库存", "缺货", "补货", "有货", "现货"),
    "size": ("尺码", "尺寸", "码数", "选码", "尺码推荐"),
    "color_difference": ("色差",),
    "quality": ("质量/正品", "质量", "正品", "真假", "质量正品"),
    "shipping_time": ("发货时间", "发货", "发货时效"),
    "delivery_time": ("到货时效", "到货时间", "到货", "时效"),
    "courier": ("快递选择", "快递", "快递公司"),
    "logistics": ("物流查询", "物流", "查物流", "催发货", "物流查询/催发货", "查件"),
    "invoice": ("发票", "开票", "开发票"),
    "payment": ("付款方式", "付款", "支付", "支付方式", "催付", "花呗"),
    "order_change": ("修改订单", "改地址", "修改地址", "改单", "修改"),
    "cancel_order": ("取消订单", "取消"),
    "return_exchange": ("退换货", "退换", "退货", "换货", "售后", "七天无理由", "退换货/售后"),
    "defect": ("收到货有问题", "质量问题", "破损", "发错货", "错发", "漏发", "少发"),
    "complaint": ("投诉/差评", "投诉", "差评", "中差评", "情绪安抚", "安抚", "投诉差评"),
    "hesitation": ("犹豫", "考虑", "犹豫不决"),
    "thanks": ("致谢/结束", "致谢", "感谢", "结束", "结束语", "告别", "欢送", "欢送语"),
    "order_placed": ("已下单", "已付款", "下单", "已下单/已付款"),
    "care_warranty": ("保养/保修", "保养", "保修", "安装", "保养/保修/安装", "使用说明"),
}
_TRIM = ("相关问题", "问题", "相关", "话术", "回复", "类", "咨询", "常用")


def _alias_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for cid, label in CATEGORIES.items():
        table[cid] = cid
        table[label] = cid
    for cid, names in _GROUP_ALIASES.items():
        for name in names:
            table.setdefault(name, cid)
    return table


_ALIASES = _alias_table()


# -- phrases -> library ----------------------------------------------------------------------
def map_group(name: str) -> str | None:
    """The built-in category a group's name says it is, or None."""
    key = "".join(unicodedata.normalize("NFKC", name).split()).lower()
    if key in _ALIASES:
        return _ALIASES[key]
    for suffix in _TRIM:
        if key.endswith(suffix) and key[: -len(suffix)] in _ALIASES:
            return _ALIASES[key[: -len(suffix)]]
    return None


def _letters(text: str, limit: int = 6) -> str:
    """Initials of the characters of ``text`` that have a reading, letters only."""
    out = []
    for ch in text:
        r = readings(ch)
        if r and r[0][0].isalpha():
            out.append(r[0][0] if not ch.isascii() else r[0])
        if len(out) >= limit:
            break
    return "".join(out)


def _suffixes():
    """"", a … z, aa … zz, aaa …: never ends (there is always a free code)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    for size in itertools.count():
        for combo in itertools.product(letters, repeat=size):
            yield "".join(combo)


def unique_code(base: str, taken: set[str]) -> str:
    """``base`` (letters) or ``base`` + suffix letters, the first one not taken; valid."""
    base = base or "kj"
    for suffix in _suffixes():
        code = base[: MAX_CODE_LEN - len(suffix)] + suffix
        if code not in taken and code_problem(code) is None:
            return code
    raise AssertionError("unreachable: _suffixes never ends")  # pragma: no cover


def title_of(text: str) -> str:
    first = next(line.strip() for line in text.splitlines() if line.strip())
    return first if len(first) <= TITLE_CHARS else first[: TITLE_CHARS - 1] + "…"


def _category_id(group: str, taken: set[str]) -> str:
    slug = "".join(readings(ch)[0] if readings(ch) else "" for ch in group)[:30]
    slug = slug or "group"
    candidate, n = slug, 1
    while candidate in taken or candidate in CATEGORIES:
        n += 1
        candidate = f"{slug}{n}"
    return candidate


@dataclass
class Imported:
    data: dict  # the library, ready for YAML
    notes: list[Note]
    groups: dict[str, str]  # group name -> category id


def phrases_to_library(phrases: list[Phrase], name: str = "<data>") -> Imported:
    notes: list[Note] = []
    # Categories, in the order groups first appear.
    groups: dict[str, str] = {}
    declared: dict[str, str] = {}
    builtin_named: dict[str, str] = {}
    for p in phrases:
        if p.group in groups:
            continue
        if not p.group:
            groups[p.group] = UNGROUPED_ID
            declared.setdefault(UNGROUPED_ID, UNGROUPED_LABEL)
            continue
        cid = map_group(p.group)
        if cid is None:
            cid = _category_id(p.group, set(declared) | {UNGROUPED_ID})
            declared[cid] = p.group
        elif cid in builtin_named:
            notes.append(Note(name, f"groups '{builtin_named[cid]}' and '{p.group}' both mean category {cid}; they become one category (exported as group '{builtin_named[cid]}')"))
        else:
            builtin_named[cid] = p.group
            if p.group != CATEGORIES[cid]:
                declared[cid] = p.group  # the shop's own name for it: shown in the sidebar, written back on export
        groups[p.group] = cid
    # Codes: the file's valid ones first, so a generated code never takes one a later row has.
    taken: set[str] = set()
    codes: list[str | None] = []
    for p in phrases:
        code = fold_code(p.code)
        if p.code and code_problem(code) is None and code not in taken:
            taken.add(code)
            codes.append(code)
        else:
            codes.append(None)
    scripts = []
    for p, valid_code in zip(phrases, codes):
        where = f"{name}:{p.line}"
        if valid_code is None:
            code = unique_code(_letters(p.text), taken)
            taken.add(code)
            if not p.code:
                notes.append(Note(where, f"phrase has no code; it gets '{code}'"))
            elif (why := code_problem(fold_code(p.code))) is not None:
                notes.append(Note(where, f"{why}; the phrase gets '{code}' instead"))
            else:
                notes.append(Note(where, f"code '{fold_code(p.code)}' is used by an earlier phrase; this one gets '{code}'"))
        else:
            code = valid_code
            if code != p.code:
                notes.append(Note(where, f"code '{p.code}' written as '{code}'"))
        category = groups[p.group]
        scripts.append(
            {
                "id": f"{category}.{code}",
                "category": category,
                "title": title_of(p.text),
                "code": code,
                "replies": [p.text.replace("{", "{{").replace("}", "}}")],  # Qianniu's braces are text
            }
        )
    data: dict = {"version": 1}
    if declared:
        data["categories"] = declared
    data["scripts"] = scripts
    return Imported(data, notes, groups)


class _Dumper:
    """PyYAML's safe dumper with multi-line replies as literal blocks, the way people write them."""

    @staticmethod
    def get():
        import yaml

        class Dumper(yaml.SafeDumper):
            pass

        def text(dumper, value: str):
            style = "|" if "\n" in value else None
            return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

        Dumper.add_representer(str, text)
        return Dumper


def dump_library(data: dict, source: str = "") -> str:
    import yaml

    head = f"# Imported from the Qianniu 快捷短语 file {source} by kefu-assist import-qianniu.\n" if source else ""
    head += "# Scripts without examples are agent-initiated: add buyer questions as examples to have them suggested.\n"
    return head + yaml.dump(data, Dumper=_Dumper.get(), allow_unicode=True, sort_keys=False, width=4096, indent=2)


def write_new(path: Path, payload: bytes, *, force: bool) -> None:
    """Write ``payload`` to ``path`` atomically; refuse to replace an existing file unless
    ``force``."""
    if path.is_dir():
        raise QianniuError(f"{path}: is a folder")
    if path.exists() and not force:
        raise QianniuError(f"{path}: already exists; pass --force to replace it")
    try:
        write_bytes(path, payload)
    except OSError as exc:
        raise QianniuError(f"{path}: cannot write: {exc.strerror or exc}") from None


def import_file(csv_path: str | Path, out: str | Path, *, force: bool = False) -> tuple[ReadResult, Imported]:
    """Read a Qianniu file and write it as a new library file; the written file is loaded back
    and compared before it replaces anything."""
    from .loader import load_library

    read = read_file(csv_path)
    if not read.phrases:
        raise QianniuError(f"{csv_path}: holds a header but no phrases")
    imported = phrases_to_library(read.phrases, str(csv_path))
    text = dump_library(imported.data, Path(csv_path).name)
    out = Path(out)
    with tempfile.TemporaryDirectory() as tmp:
        check = Path(tmp) / "check.yaml"
        check.write_text(text, encoding="utf-8")
        result = load_library(check)
    if not result.ok or result.library is None or [s.replies for s in result.library.scripts] != [tuple(s["replies"]) for s in imported.data["scripts"]]:
        problems = "; ".join(str(p) for p in result.errors[:3])
        raise QianniuError(f"internal error: the library written for {csv_path} does not load back as read ({problems})")
    write_new(out, text.encode("utf-8"), force=force)
    return read, imported


# -- library -> Qianniu ----------------------------------------------------------------------
@dataclass
class Exported:
    rows: list[tuple[str, str, str]]  # code, phrase, group
    script_ids: list[str]
    notes: list[Note]

    def csv_text(self) -> str:
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(self.rows)
        return buf.getvalue()

    def encode(self) -> bytes:
        """GBK, as Qianniu reads it. A character GBK cannot hold (emoji, rare characters) is
        written in GB18030, GBK's superset, where GBK's own characters have the same bytes: it
        is kept, never dropped, and listed in ``notes`` by ``library_to_phrases``."""
        return self.csv_text().encode("gb18030")


def not_in_gbk(text: str) -> list[str]:
    out = []
    for ch in dict.fromkeys(text):
        try:
            ch.encode("gbk")
        except UnicodeEncodeError:
            out.append(ch)
    return out


def library_to_phrases(library: Library) -> Exported:
    """Every reply variant of every script as one phrase, in library order: the first variant
    with the script's code, the others with the code plus a letter. Scripts without a code get
    one from their title's pinyin initials. Placeholders are filled from the library's values;
    one without a value stays as written and is reported (Qianniu cannot fill it)."""
    from .placeholders import render

    notes: list[Note] = []
    taken = {s.code for s in library.scripts if s.code}
    rows: list[tuple[str, str, str]] = []
    ids: list[str] = []
    values = dict(library.placeholders)
    for s in library.scripts:
        group = "" if s.category == UNGROUPED_ID else library.category_label(s.category)
        base = s.code
        if base is None:
            base = unique_code(_letters(s.title) or _letters(s.id), taken)
            taken.add(base)
        for k, reply in enumerate(s.replies):
            if k == 0:
                code = base
            else:
                code = unique_code(base, taken)
                taken.add(code)
            rendered = render(reply, values)
            if rendered.missing:
                names = ", ".join("{" + m + "}" for m in rendered.missing)
                notes.append(Note(s.id, f"placeholder {names} has no value in the library; the phrase keeps it as written, Qianniu cannot fill it"))
            text = rendered.text
            if len(text) > LONG_PHRASE:
                notes.append(Note(s.id, f"phrase is {len(text)} characters long; Qianniu may refuse phrases this long"))
            lost = not_in_gbk(text + group)
            if lost:
                shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in lost)
                notes.append(Note(s.id, f"GBK cannot hold {shown}: written in GB18030, Qianniu may show it wrong"))
            rows.append((code, text, group))
            ids.append(s.id)
    return Exported(rows, ids, notes)
