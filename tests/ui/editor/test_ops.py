"""The editor's worker operations, without a window: the live lint shows what `kefu-assist lint`
shows once the edit is saved (same lines, the real file's path), and every reply-rule finding
is put in Chinese."""
from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kefu_assist.checker import load_checker
from kefu_assist.checker.lint import lint_replies
from kefu_assist.library import load_library
from kefu_assist.library.model import Library, Script
from kefu_assist.library.writer import script_fields, update_script
from kefu_assist.ui.editor import ops

HERE = Path(__file__).resolve().parent


def test_live_lint_shows_the_lines_lint_shows_after_saving(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    shutil.copy(HERE / "commented_library.yaml", folder / "10-base.yaml")
    (folder / "20-more.yaml").write_text(
        "version: 1\nscripts:\n  - id: invoice.any\n    category: invoice\n    title: 发票\n    examples: [能开票吗]\n    replies: [\"亲，可以开的～\"]\n",
        encoding="utf-8",
    )
    loaded = ops.load(folder)
    fields = script_fields(loaded.library.get("bargain.price"))
    fields["examples"] = [*fields["examples"], "在吗", "能开票吗"]
    fields["replies"] = ["亲，加我微信给您最低价", *fields["replies"]]
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    live = ops.lint_edit(folder, "bargain.price", fields, loaded.checker)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing written
    assert live.file == folder / "10-base.yaml"
    update_script(folder, "bargain.price", fields)
    result = load_library(folder)
    checker, _ = load_checker(folder)
    saved = [p for p in result.problems if p.script_id == "bargain.price"]
    saved += lint_replies(Library((result.library.get("bargain.price"),)), checker).problems
    where = sorted({f"{p.file}:{p.line}:" for p in saved})
    assert len(where) >= 2 and sorted({line.text.split(" ")[0] for line in live.lines}) == where
    assert live.errors == sum(1 for p in saved if p.severity == "error") >= 1


def test_an_edit_the_writer_refuses_is_a_lint_error(tmp_path):
    path = tmp_path / "flow.yaml"
    shutil.copy(HERE / "flow_library.yaml", path)
    loaded = ops.load(path)
    fields = script_fields(loaded.library.get("greeting.hi"))
    fields["title"] = "问好"
    live = ops.lint_edit(path, "greeting.hi", fields, loaded.checker)
    assert live.errors == 1 and "[ ]" in live.lines[0].text


_BAD = ["加我微信", "好评返现5元", "全网最低价", "绝对不起球", "私下转账", "第一品牌", "加QQ"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.text(max_size=12), st.sampled_from(_BAD), st.text(max_size=12)), min_size=1, max_size=3))
def test_every_reply_rule_finding_reads_in_chinese(parts):
    replies = tuple(f"{a}，{bad}。{b}" for a, bad, b in parts)
    script = Script("x.y", "bargain", "标题", replies, file="lib.yaml", line=3, reply_lines=tuple(range(5, 5 + len(replies))))
    checker, _ = load_checker(None)
    problems = lint_replies(Library((script,)), checker).problems
    assume(problems)  # random text around a bad phrase can make it another word
    for problem in problems:
        text = ops.in_chinese(problem)
        assert "breaks rule" not in text and text.startswith(f"lib.yaml:{problem.line}: 说法 ")
        assert "违规「" in text or "提醒「" in text


_TEXT = st.text(alphabet=st.sampled_from(list("包邮吗亲，：:#'\"[]{}- ab1～\n")), min_size=1, max_size=10)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(
    which=st.sampled_from(["greeting.hi", "bargain.price", "shipping_fee.free", "small_talk.weather", None]),
    category=st.sampled_from(["greeting", "bargain", "small_talk", "invoice"]),
    title=st.one_of(st.none(), _TEXT.filter(lambda t: t.strip() and "\n" not in t)),
    examples=st.one_of(st.none(), st.lists(_TEXT, max_size=4)),
    keywords=st.one_of(st.none(), st.lists(_TEXT.filter(lambda t: "\n" not in t), max_size=3)),
    replies=st.one_of(st.none(), st.lists(_TEXT.filter(str.strip), min_size=1, max_size=3)),
    crlf=st.booleans(),
)
def test_the_quick_edited_text_is_what_saving_writes(tmp_path_factory, which, category, title, examples, keywords, replies, crlf):
    """ops.edited_text (the writer on one script's lines) gives the very text the writer gives
    on the whole file, for an edit (``which``) or a new script (None, in ``category``), or
    refuses where the writer refuses."""
    from kefu_assist.library.splicing import WriteError
    from kefu_assist.library.writer import add_script

    folder = tmp_path_factory.mktemp("lib")
    path = folder / "scripts.yaml"
    text = (HERE / "commented_library.yaml").read_text(encoding="utf-8")
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode("utf-8"))
    library = load_library(path).library
    if which is None:
        fields = {"id": f"{category}.new", "category": category, "title": "新话术", "replies": ["好的亲"]}
    else:
        fields = script_fields(library.get(which))
    for key, value in (("title", title), ("examples", examples), ("keywords", keywords), ("replies", replies)):
        if value is not None:
            fields[key] = value
    try:
        file, quick = ops.edited_text(library, which, fields)
    except ops._NotCut:
        # only a new script in a category no script has yet: lint_edit writes the whole copy
        assert which is None and not library.in_category(category)
        return
    except WriteError as exc:
        quick, refused = None, exc
    try:
        if which is None:
            add_script(path, fields)
        else:
            update_script(path, which, fields)
    except WriteError:
        assert quick is None, "the quick text was made where a save is refused"
        return
    assert quick is not None, f"refused where saving works: {refused}"
    assert file == path and quick == path.read_bytes().decode("utf-8")
