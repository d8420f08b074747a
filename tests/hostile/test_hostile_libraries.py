"""A corpus of bad libraries, each linted the way a team lead runs `kefu-assist lint`: every one
ends in a clear message naming the file (and the line where there is one), the right exit code,
and never a traceback. Big inputs are generated here at test time, never committed."""
from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from kefu_assist import cli
from kefu_assist.library import load_library
from kefu_assist.library.loader import MAX_FILE_BYTES

SCRIPT = """\
  - id: bargain.general
    category: bargain
    title: 砍价
    examples: [能便宜点吗]
    replies: ["亲，{shop}的价格已经很实在了"]
"""
GOOD = "version: 1\nplaceholders: {shop: 小店}\nscripts:\n" + SCRIPT


def lib(body: str) -> str:
    """A library with one good script, then ``body`` (more scripts, dedented and indented)."""
    return GOOD + textwrap.indent(textwrap.dedent(body), "  ")


def one_script(**fields: str) -> str:
    """A library with the good script and one more whose fields are given as YAML text."""
    base = {"id": "invoice.free", "category": "invoice", "title": "发票", "examples": "[能开发票吗]", "replies": '["可以开的"]'}
    base.update(fields)
    lines = [f"{k}: {v}" for k, v in base.items() if v is not None]
    return GOOD + "  - " + "\n    ".join(lines) + "\n"


@dataclass
class Case:
    id: str
    make: Callable[[Path], Path]  # builds the bad library under tmp_path, returns what to lint
    code: int  # lint's exit code
    fragment: str  # part of the message that must be printed
    line: int | None = None  # the message must start with "<file>:<line>: "


def text(body: str, name: str = "lib.yaml") -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_text(body, encoding="utf-8")
        return path

    return make


def raw(data: bytes | Callable[[], bytes], name: str = "lib.yaml") -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data() if callable(data) else data)
        return path

    return make


def folder(files: dict[str, str]) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        root = tmp / "lib"
        root.mkdir()
        for name, body in files.items():
            (root / name).write_text(body, encoding="utf-8")
        return root

    return make


def fifo(tmp: Path) -> Path:
    path = tmp / "lib.yaml"
    os.mkfifo(path)
    return path


def fifo_in_folder(tmp: Path) -> Path:
    root = tmp / "lib"
    root.mkdir()
    (root / "10-base.yaml").write_text(GOOD, encoding="utf-8")
    os.mkfifo(root / "20-pipe.yaml")
    return root


def symlink_loop(tmp: Path) -> Path:
    a, b = tmp / "a.yaml", tmp / "b.yaml"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def dangling(tmp: Path) -> Path:
    path = tmp / "lib.yaml"
    path.symlink_to(tmp / "gone.yaml")
    return path


def unreadable(tmp: Path) -> Path:
    if os.geteuid() == 0:  # root reads any mode; the kernel still refuses this file
        return Path("/proc/self/mem")
    path = tmp / "lib.yaml"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    return path


def dev_zero(tmp: Path) -> Path:
    return Path("/dev/zero")


def billion_laughs() -> str:
    lines = ['a0: &a0 ["哈哈哈哈哈哈哈哈"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    # the anchors sit under an unknown key: the loader would only report that key, but reading
    # the aliases at all must already be refused (10^9 values from 400 bytes)
    return "\n".join(lines) + "\nversion: 1\nvocabulary: *a9\nscripts:\n" + SCRIPT


def aliased_scripts() -> str:
    # one anchored 1,000-example list, used by 2,000 scripts: 2 million examples from 60 KB
    examples = "[" + ", ".join(f"例子{i}" for i in range(1000)) + "]"
    scripts = "".join(f"  - {{id: s{i}, category: bargain, title: t, replies: [好], examples: *ex}}\n" for i in range(2000))
    return f"version: 1\nshared: &ex {examples}\nscripts:\n{scripts}"


def nest_flow(depth: int) -> str:
    return "version: 1\nscripts: " + "[" * depth + "]" * depth + "\n"


def nest_block(depth: int) -> str:
    return "version: 1\nscripts:\n" + "".join(" " * i + "-\n" for i in range(depth)) + " " * depth + "- x\n"


def brace_run() -> str:
    return one_script(replies='["' + "{ " * 500_000 + '"]')


CASES = [
    # -- YAML that does not parse ---------------------------------------------------------
    Case("yaml-unclosed-flow-list", text("version: 1\nscripts: [\n"), 1, "YAML syntax error", 3),
    Case("yaml-bad-indent", text(GOOD + "   - id: x\n  category: bargain\n"), 1, "YAML syntax error", 9),
    Case("yaml-tab-indent", text("version: 1\nscripts:\n\t- id: x\n"), 1, "YAML syntax error", 3),
    Case("yaml-unclosed-quote", text(one_script(title='"发票')), 1, "YAML syntax error"),
    Case("yaml-undefined-alias", text(one_script(examples="*nothing")), 1, "YAML syntax error: found undefined alias", 12),
    Case("yaml-mapping-in-scalar", text("version: 1\nscripts: a: b\n"), 1, "YAML syntax error", 2),
    Case("yaml-raw-nul-byte", raw(GOOD.encode() + b"# \x00\n"), 1, "YAML syntax error", 10),
    Case("yaml-raw-bell-byte", raw(b"version: 1\x07\n"), 1, "YAML syntax error", 1),
    Case("yaml-surrogate-escape", text(one_script(title='"\\ud800"')), 1, "YAML syntax error", 11),
    Case("utf32-le-bom", raw(b"\xff\xfe\x00\x00" + GOOD.encode("utf-32-le")), 1, "file is not UTF-8 text (it is UTF-32)", 1),
    # -- wrong types at every level -------------------------------------------------------
    Case("top-level-list", text("- version\n- scripts\n"), 1, "a library file must be a mapping", 1),
    Case("top-level-scalar", text("just some text\n"), 1, "a library file must be a mapping", 1),
    Case("version-2", text(GOOD.replace("version: 1", "version: 2")), 1, "unsupported version '2'", 1),
    Case("version-list", text(GOOD.replace("version: 1", "version: [1]")), 1, "unsupported version", 1),
    Case("version-missing", text(GOOD.replace("version: 1\n", "")), 1, "missing 'version'", 1),
    Case("placeholders-list", text(GOOD.replace("{shop: 小店}", "[小店]")), 1, "placeholders must be a mapping", 2),
    Case("placeholder-value-mapping", text(GOOD.replace("{shop: 小店}", "{shop: {name: 小店}}")), 1, "placeholder 'shop' must have a text value", 2),
    Case("placeholder-name-spaces", text(GOOD.replace("{shop: 小店}", "{'shop name': 小店}")), 1, "placeholder name 'shop name' must be a plain name", 2),
    Case("vocabulary-scalar", text(GOOD + "vocabulary: 运费险\n"), 1, "vocabulary must be a list", 9),
    Case("vocabulary-entry-mapping", text(GOOD + "vocabulary: [{a: b}]\n"), 1, "an entry of vocabulary must be text", 9),
    Case("synonyms-mapping", text(GOOD + "synonyms: {包邮: 免邮}\n"), 1, "synonyms must be a list of word lists", 9),
    Case("synonym-group-one-word", text(GOOD + "synonyms: [[包邮]]\n"), 1, "a synonym group needs at least two words", 9),
    Case("categories-list", text(GOOD + "categories: [直播间]\n"), 1, "categories must be a mapping", 9),
    Case("category-id-bad", text(GOOD + "categories: {'直 播': 直播间}\n"), 1, "category id '直 播' must be", 9),
    Case("category-label-empty", text(GOOD + "categories: {live: ''}\n"), 1, "the label of category 'live' is empty", 9),
    Case("scripts-mapping", text("version: 1\nscripts: {id: a}\n"), 1, "scripts must be a list", 2),
    Case("scripts-scalar", text("version: 1\nscripts: 砍价\n"), 1, "scripts must be a list", 2),
    Case("script-is-a-string", text(lib("- 砍价\n")), 1, "each script must be a mapping", 9),
    Case("script-id-list", text(one_script(id="[a, b]")), 1, "id must be text", 9),
    Case("script-id-spaces", text(one_script(id="'invoice free'")), 1, "script id 'invoice free' may hold only", 9),
    Case("title-mapping", text(one_script(title="{a: b}")), 1, "title must be text", 11),
    Case("title-null", text(one_script(title="null")), 1, "title must be text", 11),
    Case("replies-scalar", text(one_script(replies="可以开的")), 1, "replies must be a list", 13),
    Case("replies-empty-list", text(one_script(replies="[]")), 1, "replies is empty", 13),
    Case("reply-null", text(one_script(replies="[null]")), 1, "an entry of replies must be text", 13),
    Case("reply-blank", text(one_script(replies="['   ']")), 1, "an entry of replies is empty", 13),
    Case("examples-scalar", text(one_script(examples="能开发票吗")), 1, "examples must be a list", 12),
    Case("keywords-nested-list", text(one_script(keywords="[[发票]]")), 1, "an entry of keywords must be text", 14),
    Case("unknown-script-key", text(one_script(exmaples="[x]")), 1, "unknown key 'exmaples' in script (did you mean 'examples'?)", 14),
    Case("unknown-top-key", text(GOOD + "synonym: [[a, b]]\n"), 1, "unknown key 'synonym' in the library (did you mean 'synonyms'?)", 9),
    # -- missing fields -----------------------------------------------------------------
    Case("missing-id", text(one_script(id=None)), 1, "script is missing 'id'", 9),
    Case("missing-category", text(one_script(category=None)), 1, "script is missing 'category'", 9),
    Case("missing-title", text(one_script(title=None)), 1, "script is missing 'title'", 9),
    Case("missing-replies", text(one_script(replies=None)), 1, "script is missing 'replies'", 9),
    # -- duplicates and unknown categories ------------------------------------------------
    Case("duplicate-script-id", text(one_script(id="bargain.general", category="bargain")), 1, "duplicate script id 'bargain.general'", 9),
    Case("duplicate-key-in-script", text(lib("- id: a.b\n  category: bargain\n  title: t\n  title: u\n  replies: [好]\n")), 1, "duplicate key 'title' in script", 12),
    Case("duplicate-top-key", text(GOOD + "version: 1\n"), 1, "duplicate key 'version' in the library", 9),
    Case("duplicate-id-across-files", folder({"10-base.yaml": GOOD, "20-season.yaml": GOOD}), 1, "duplicate script id 'bargain.general'", 4),
    Case("unknown-category", text(one_script(category="invoices")), 1, "unknown category 'invoices' (did you mean 'invoice'?)", 10),
    # -- nothing usable -----------------------------------------------------------------
    Case("empty-file", text(""), 1, "the library has no usable scripts"),
    Case("only-comments", text("# 话术库\n# 还没写\n"), 1, "the library has no usable scripts"),
    Case("scripts-empty-list", text("version: 1\nscripts: []\n"), 1, "the library has no usable scripts"),
    Case("cut-in-first-script", text("version: 1\nscripts:\n  - id: bargain.general\n    category: barg"), 1, "script is missing 'title'", 3),
    Case("cut-in-second-script", text(GOOD + "  - id: invoice.free\n    categ"), 1, "YAML syntax error", 11),
    Case("every-script-broken", text("version: 1\nscripts:\n  - id: a\n    category: nope\n    title: t\n    replies: [好]\n"), 1, "the library has no usable scripts"),
    Case("folder-without-yaml", folder({"readme.txt": "no yaml here"}), 1, "folder holds no .yaml or .yml files"),
    Case("folder-of-empty-files", folder({"10-base.yaml": "", "20-season.yaml": "# nothing\n"}), 1, "the library has no usable scripts"),
    # -- bytes and encodings ------------------------------------------------------------
    Case("utf16-le-bom", raw(b"\xff\xfe" + GOOD.encode("utf-16-le")), 1, "file is not UTF-8 text (it is UTF-16)", 1),
    Case("utf16-be-bom", raw(b"\xfe\xff" + GOOD.encode("utf-16-be")), 1, "file is not UTF-8 text (it is UTF-16)", 1),
    Case("gbk", raw(one_script(title="发票抬头").encode("gbk")), 1, "file is not UTF-8 text: save it as UTF-8", 2),
    Case("gbk-late-line", raw(GOOD.encode() + "# 注释\n".encode("gbk")), 1, "file is not UTF-8 text", 9),
    Case("latin1", raw(GOOD.encode() + b"# caf\xe9\n"), 1, "file is not UTF-8 text", 9),
    Case("lone-surrogate-bytes", raw(GOOD.encode() + b"# \xed\xa0\x80\n"), 1, "file is not UTF-8 text", 9),
    Case("binary-garbage", raw(bytes(range(256)) * 4), 1, "file is not UTF-8 text"),
    # -- size and shape bombs -----------------------------------------------------------
    Case("billion-laughs", text(billion_laughs()), 1, "anchors and aliases", 1),
    Case("aliased-examples-bomb", text(aliased_scripts()), 1, "anchors and aliases", 1),
    Case("deep-flow-nesting", text(nest_flow(100_000)), 1, "YAML syntax error: exceeded maximum nesting depth", 2),
    Case("deep-block-nesting", text(nest_block(5_000)), 1, "YAML syntax error: exceeded maximum nesting depth"),
    Case("huge-single-line-reply", text(one_script(replies='["' + "长" * 5_000_000 + '"]')), 1, "reply 1 is 5,000,000 characters", 13),
    Case("file-20mb-plus-one", raw(lambda: (GOOD + "#" * (MAX_FILE_BYTES - len(GOOD.encode()))).encode() + b"\n"), 1, "file is larger than 20 MB"),
    Case("brace-run-500k", text(brace_run()), 1, "and 499,995 more malformed braces", 13),
    Case("giant-placeholder-value", text(GOOD.replace("{shop: 小店}", "{shop: " + "店" * 1_000_000 + "}")), 1, "placeholder 'shop' is 1,000,000 characters long", 2),
    Case("placeholder-amplified", text(GOOD.replace("{shop: 小店}", "{shop: " + "店" * 5_000 + "}").replace("{shop}的", "{shop}{shop}{shop}的")), 1, "reply 1 is 15,0", 8),
    Case("huge-unknown-key", text(GOOD + "? " + "k" * 1_000_000 + "\n: 1\n"), 1, "unknown key 'kkkk", 9),
    Case("huge-version", text(GOOD.replace("version: 1", "version: " + "9" * 1_000_000)), 1, "…(1,000,000 characters)': this kefu-assist reads version 1", 1),
    Case("huge-script-id", text(one_script(id="a" * 1_000_000) + one_script(id="a" * 1_000_000)[len(GOOD):]), 1, "duplicate script id 'aaaa", 14),
    Case("huge-category", text(one_script(category="c" * 1_000_000)), 1, "unknown category 'cccc", 10),
    Case("huge-placeholder-name", text(GOOD.replace("placeholders: {shop: 小店}\n", "") + "placeholders:\n  ? " + "p" * 1_000_000 + " q\n  : x\n"), 1, "placeholder name 'pppp", 9),
    # -- what is not a regular file ---------------------------------------------------------
    Case("missing-path", lambda tmp: tmp / "nope.yaml", 1, "no such file or folder"),
    Case("dangling-symlink", dangling, 1, "no such file or folder"),
    Case("symlink-loop", symlink_loop, 1, "is a symlink loop"),
    Case("fifo", fifo, 1, "is a named pipe (FIFO), not a regular file"),
    Case("fifo-in-folder", fifo_in_folder, 1, "is a named pipe (FIFO), not a regular file"),
    Case("dev-zero", dev_zero, 1, "is a device, not a regular file"),
    Case("unreadable", unreadable, 1, "cannot read:"),
    # -- control characters: stripped with a warning, or empty after stripping ----------
    Case("ansi-in-reply", text(one_script(replies='["\\e[31m红色\\e[0m 可以开"]')), 0, "an entry of replies held control characters (\\x1b)", 13),
    Case("osc-title-in-placeholder", text(GOOD.replace("{shop: 小店}", '{shop: "小店\\e]0;pwned\\a"}')), 0, "placeholder 'shop' held control characters (\\x1b, \\x07)", 2),
    Case("bidi-override-in-title", text(one_script(title='"发票\\u202e票发"')), 0, "title held control characters (\\u202e)", 11),
    Case("nul-escape-in-example", text(one_script(examples='["能开\\0发票吗"]')), 0, "an entry of examples held control characters (\\x00)", 12),
    Case("line-separators-in-reply", text(one_script(replies='["可以\\L开的\\N哦\\P"]')), 0, "held control characters (\\u2028, \\x85, \\u2029)", 13),
    Case("reply-only-control-chars", text(one_script(replies='["\\e[0m\\a\\b"]')), 1, "an entry of replies is empty", 13),
    # -- malformed placeholders -----------------------------------------------------------
    Case("placeholder-positional", text(one_script(replies='["{0}号"]')), 1, "positional placeholder {0}", 13),
    Case("placeholder-attribute", text(one_script(replies='["{shop.name}"]')), 1, "placeholder {shop.name} is not a plain name", 13),
    Case("placeholder-index", text(one_script(replies='["{a[0]}"]')), 1, "placeholder {a[0]} is not a plain name", 13),
    Case("placeholder-format-spec", text(one_script(replies='["{a:>10}"]')), 1, "placeholder {a:>10} is not a plain name", 13),
    Case("placeholder-conversion", text(one_script(replies='["{a!r}"]')), 1, "placeholder {a!r} is not a plain name", 13),
    Case("placeholder-empty", text(one_script(replies='["{}"]')), 1, "empty placeholder {}", 13),
    Case("placeholder-unclosed", text(one_script(replies='["{shop 的"]')), 1, "unclosed '{' at character 1", 13),
    Case("placeholder-unmatched-close", text(one_script(replies='["shop} 的"]')), 1, "unmatched '}' at character 5", 13),
    Case("placeholder-non-ascii-name", text(one_script(replies='["{店名}"]')), 1, "placeholder {店名} is not a valid name", 13),
]


def test_the_corpus_is_large_and_named_uniquely():
    assert len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_lint_explains_a_bad_library(case, tmp_path, capsys):
    path = case.make(tmp_path)
    code = cli.main(["lint", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code == case.code, out + err
    assert case.fragment in out, out[:3000]
    # the message names the file (one inside the folder for a folder), and its line if it has one
    lines = [line for line in out.splitlines() if case.fragment in line and line.startswith(str(path))]
    assert lines, out[:3000]
    if case.line is not None:
        assert any(f":{case.line}: " in line.split(" ", 1)[0] + " " for line in lines), lines[:5]
    assert "\x1b" not in out and "\u202e" not in out  # nothing steers the terminal
    assert len(out) < 20_000, "a bad library gets a bounded report, not one line per brace"


@pytest.mark.parametrize("case", [c for c in CASES if c.code == 1], ids=[c.id for c in CASES if c.code == 1])
def test_the_loader_reports_an_error_for_each_bad_library(case, tmp_path):
    """What lint prints is what the sidebar's banner shows: an error-level problem, so the last
    good library stays in use when the library is unusable."""
    result = load_library(case.make(tmp_path))
    assert result.errors and not result.ok
    assert any(case.fragment in p.message or case.fragment in str(p) for p in result.problems)


def test_a_utf8_bom_is_fine(tmp_path, capsys):
    path = tmp_path / "lib.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert cli.main(["lint", str(path)]) == 0
    assert ": ok: 1 scripts" in capsys.readouterr().out


def test_stripped_text_is_what_the_library_holds(tmp_path):
    path = tmp_path / "lib.yaml"
    path.write_text(one_script(title='"发票\\u202e票发"', replies='["\\e[31m红色\\e[0m 可以\\L开"]').replace("{shop: 小店}", '{shop: "小\\e]0;x\\a店"}'), encoding="utf-8")
    library = load_library(path).library
    script = library.get("invoice.free")
    assert script.title == "发票票发"
    assert script.replies == ("红色 可以\n开",)
    assert library.placeholders["shop"] == "小店"


def test_anchors_used_reasonably_still_load(tmp_path):
    """A team lead may share a list with an anchor: that is not a bomb."""
    path = tmp_path / "lib.yaml"
    path.write_text(GOOD + "  - {id: a.one, category: bargain, title: 一, replies: &r [好的], examples: &e [学生有优惠吗, 学生党便宜点]}\n  - {id: a.two, category: bargain, title: 二, replies: *r, examples: *e}\n", encoding="utf-8")
    result = load_library(path)
    assert result.ok, [str(p) for p in result.problems if p.severity == "error"]
    assert result.library.get("a.two").replies == ("好的",)


@pytest.mark.parametrize("saved", ["", "version: 1\nscripts: []\n", "# 还没写完\n"], ids=["empty", "no-scripts", "only-comments"])
def test_an_empty_save_keeps_the_working_library(tmp_path, saved):
    """The sidebar reloads on every save: an empty save must leave the agent's library in use,
    with the reason in the result the banner shows."""
    from kefu_assist.service import AssistService

    path = tmp_path / "lib.yaml"
    path.write_text(GOOD, encoding="utf-8")
    service = AssistService()
    assert service.load(path).ok
    path.write_text(saved, encoding="utf-8")
    result = service.load(path)
    assert result.library is None
    assert any("no usable scripts" in p.message for p in result.errors)
    assert [s.id for s in service.library.scripts] == ["bargain.general"]
    assert service.suggest("能便宜点吗")[0].script.id == "bargain.general"


def test_a_giant_placeholder_override_never_makes_a_giant_reply(tmp_path):
    """Values from the sidebar's settings are not linted: render itself refuses to amplify them."""
    from kefu_assist.service import AssistService

    path = tmp_path / "lib.yaml"
    path.write_text(GOOD.replace("{shop}的", "{shop}{shop}{shop}{shop}的"), encoding="utf-8")
    service = AssistService(overrides={"shop": "店" * 1_000_000})
    service.load(path)
    rendered = service.render("bargain.general")
    assert len(rendered.text) < 10_100 and rendered.missing == ("shop",)
