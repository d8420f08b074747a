"""What the editor runs on worker threads (``workers.Background``): loading the library with its
search index and reply rules, the live lint of an edited script, the 试一试 matcher, saving, and
the Qianniu import and export. No Qt here, so each is tested and timed on its own.

The live lint runs the very checks ``kefu-assist lint`` runs, on the library as it would be after
saving: the library's files are copied to a temporary folder, the edit is written there by the
same ``script_writer`` that saves, and the copy is loaded and its replies checked. So a problem
shows the line the saved file will have, and an edit the writer would refuse is said before the
team lead presses 保存."""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ...checker import Checker
    from ...library.model import Library, LoadResult, Problem
    from ...library.search import SearchIndex
    from ...matching.matcher import Matcher
    from ...matching.types import Suggestion

TRAIN_WAIT_S = 120  # the 试一试 matcher waits this long for its co-ranker (trained in a child)


@dataclass
class Loaded:
    """A library as the editor holds it: the load's result, its search index and reply rules."""

    path: Path
    result: "LoadResult"
    index: "SearchIndex | None"
    checker: "Checker"
    rule_problems: tuple["Problem", ...] = ()

    @property
    def library(self) -> "Library | None":
        return self.result.library


def load(path: Path) -> Loaded:
    from ...checker import load_checker
    from ...library import load_library
    from ...library.search import SearchIndex

    result = load_library(path)
    index = SearchIndex(result.library) if result.library is not None else None
    checker, problems = load_checker(path)
    return Loaded(path, result, index, checker, tuple(problems))


# -- live lint ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class LintLine:
    text: str  # file:line: message, as `kefu-assist lint` prints it
    severity: str  # "error" or "warning"


@dataclass
class LintOutcome:
    lines: list[LintLine] = field(default_factory=list)
    file: Path | None = None  # the file the script is (or will be) saved in

    @property
    def errors(self) -> int:
        return sum(1 for line in self.lines if line.severity == "error")


def _copy_library(path: Path, tmp: Path) -> tuple[Path, dict[str, str]]:
    """The library's files copied into ``tmp``: the copy's path and copy -> original names."""
    from ...library.loader import library_files

    names: dict[str, str] = {}
    for file in library_files(path):
        target = tmp / file.name
        shutil.copyfile(file, target)
        names[str(target)] = str(file)
    return (tmp if path.is_dir() else tmp / path.name), names


def edited_text(library: "Library", original_id: str | None, fields: dict[str, Any]) -> tuple[Path, str]:
    """The file the edit goes to and its text as ``update_script`` (``original_id`` given) or
    ``add_script`` (None: a new script) will write it, found quickly: the writer runs on a file
    holding only one script's lines (the edited one, from its first line to the next script's;
    for a new one, the last script of the file that holds its category, as ``add_script``
    chooses), and its output is put back in their place. The writer's edit depends on nothing
    outside those lines, so the text is the same as a save of the whole file would give (a
    property test holds it to that), at a fraction of the cost (written when ruamel.yaml parsed
    the whole file three times a save, 1.7 s for the shipped library; now it is parsed once). Raises
    ``WriteError`` or ``_NotCut``; the caller then runs the writer on a whole copy."""
    from ...library.writer import add_script, update_script

    if original_id is None:
        new_id = str(fields.get("id", "")).strip()
        category = str(fields.get("category", "")).strip()
        if library.get(new_id) is not None:
            raise _NotCut()  # the writer's own refusal, with its message
        same = [s for s in library.scripts if s.category == category]
        if not same:
            raise _NotCut()  # the file that declares the category: the writer knows
        file_name = same[0].file
        script = max((s for s in library.scripts if s.file == file_name), key=lambda s: s.line)
    else:
        found = library.get(original_id)
        if found is None:
            raise _NotCut()
        script = found
    if not script.file or script.line < 1:
        raise _NotCut()
    file = Path(script.file)
    text = file.read_bytes().decode("utf-8-sig")
    lines = text.splitlines(keepends=True)
    later = [s.line for s in library.scripts if s.file == script.file and s.line > script.line]
    start, end = script.line - 1, (min(later) - 1 if later else len(lines))
    region = "".join(lines[start:end])
    if not lines[start].lstrip(" ").startswith("- ") or not region.endswith(("\n", "\r")):
        raise _NotCut()
    head = "version: 1\r\nscripts:\r\n" if "\r\n" in text else "version: 1\nscripts:\n"
    with tempfile.TemporaryDirectory(prefix="kefu-editor-") as name:
        one = Path(name) / "one.yaml"
        one.write_text(head + region, encoding="utf-8", newline="")
        if original_id is None:
            add_script(one, fields)
        else:
            update_script(one, original_id, fields)
        written = one.read_bytes().decode("utf-8")
    if not written.startswith(head):
        raise _NotCut()
    return file, "".join(lines[:start]) + written[len(head):] + "".join(lines[end:])


class _NotCut(Exception):
    """The script cannot be cut out of its file for edited_text (the whole file is used)."""


def lint_edit(path: Path, original_id: str | None, fields: dict[str, Any], checker: "Checker",
              library: "Library | None" = None) -> LintOutcome:
    """The problems ``kefu-assist lint`` would report for the edited script once saved (its own
    problems and the reply rules' findings; other scripts' problems are left out). With the
    loaded ``library``, an edit of a saved script is written into the copy by ``edited_text``."""
    from ...checker.lint import lint_replies
    from ...library import load_library
    from ...library.model import shorten
    from ...library.splicing import WriteError
    from ...library.writer import add_script, update_script

    with tempfile.TemporaryDirectory(prefix="kefu-editor-") as name:
        tmp = Path(name)
        copy, names = _copy_library(path, tmp)
        back = {original: Path(copied) for copied, original in names.items()}
        try:
            done_path: Path | None = None
            done_id = str(fields.get("id", "")).strip()
            if library is not None:
                try:
                    file, text = edited_text(library, original_id, fields)
                    target = back.get(str(file))
                    if target is not None:
                        target.write_text(text, encoding="utf-8", newline="")
                        done_path = target
                except (_NotCut, WriteError, OSError, UnicodeDecodeError):
                    done_path = None  # the whole copy below: its message is the save's message
            if done_path is None:
                done = add_script(copy, fields) if original_id is None else update_script(copy, original_id, fields)
                done_path, done_id = done.path, done.script_id
        except WriteError as exc:
            return LintOutcome([LintLine(str(exc).replace(name, str(path.parent if not path.is_dir() else path)), "error")])
        result = load_library(copy)
        wanted = shorten(done_id)

        def real(problem: "Problem") -> "Problem":
            file = names.get(problem.file, problem.file)
            return replace(problem, file=file)

        mine = [p for p in result.problems if p.script_id == wanted or (p.script_id is None and p.severity == "error")]
        loaded = result.library
        script = loaded.get(done_id) if loaded is not None else None
        if loaded is not None and script is not None:
            mine += lint_replies(replace(loaded, scripts=(script,)), checker).problems
        mine.sort(key=lambda p: (p.line, p.severity != "error"))
        out = [LintLine(in_chinese(real(p)), p.severity) for p in mine]
        return LintOutcome(out, Path(names.get(str(done_path), str(done_path))))


_RULE_FINDING = re.compile(
    r"^reply(?: (?P<n>\d+))? breaks rule (?P<rule>\S+) \((?P<sev>block|warn)\) at 「(?P<text>.*?)」: (?P<why>.*?)"
    r"(?:; (?P<hint>.*?))? \(or add 'reviewed: \{\S+: 理由\}' to the script\)$", re.S)


def in_chinese(problem: "Problem") -> str:
    """A reply-rule finding of ``checker.lint`` as a team lead reads it (file:line kept); any
    other problem exactly as ``kefu-assist lint`` prints it."""
    m = _RULE_FINDING.match(problem.message)
    if m is None:
        return str(problem)
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    kind = "违规" if m["sev"] == "block" else "提醒"
    hint = f"；建议：{m['hint']}" if m["hint"] else ""
    return f"{where}: 说法 {m['n'] or 1} {kind}「{m['text']}」（{m['rule']}）：{m['why']}{hint}"


# -- 试一试 ---------------------------------------------------------------------------------
def edit_key(original_id: str | None, fields: dict[str, Any]) -> str:
    return json.dumps([original_id, fields], ensure_ascii=False, sort_keys=True)


def trial_matcher(library: "Library", original_id: str | None, fields: dict[str, Any]) -> "Matcher":
    """A matcher over ``library`` with the edited script in place of the saved one (or added).
    Its co-ranker trains in a child process (no NumPy in the sidebar's memory); this waits."""
    from ...library.editing import script_from_fields, with_script
    from ...matching.matcher import build_matcher

    edited = with_script(library, script_from_fields(fields), replaces=original_id)
    matcher = build_matcher(edited, background_training=True)
    matcher.wait_trained(TRAIN_WAIT_S)
    return matcher


def ask(matcher: "Matcher", question: str, limit: int = 5) -> list["Suggestion"]:
    return list(matcher.suggest(question, limit=limit))


# -- new scripts ---------------------------------------------------------------------------------
def new_id(category: str, title: str, taken: set[str]) -> str:
    """``category.initials`` of the title (``bargain.xsdkj``), made unique with a number."""
    from ...library.pinyin import initials_of

    letters = "".join((initials_of(ch) or ("",))[0][:1] for ch in title if not ch.isspace())
    base = f"{category}.{re.sub(r'[^a-z0-9_]', '', letters.lower())[:12] or 'new'}"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}{n}"
        n += 1
    return candidate


# -- Qianniu 快捷短语 --------------------------------------------------------------------------
@dataclass
class Report:
    head: str
    lines: list[str]
    written: Path


def import_qianniu(csv_path: Path, out: Path, *, force: bool) -> Report:
    """``kefu-assist import-qianniu`` (the same function), with the summary in Chinese."""
    from ...library import CATEGORIES
    from ...library.qianniu import import_file

    read, imported = import_file(csv_path, out, force=force)
    scripts = imported.data["scripts"]
    labels = dict(imported.data.get("categories", {}))
    lines = []
    for group, cid in imported.groups.items():
        kind = "内置分类" if cid in CATEGORIES else "新分类"
        lines.append(f"分组「{group or '未分组'}」→ {cid}（{labels.get(cid) or CATEGORIES.get(cid, cid)}，{kind}）")
    lines += [str(note) for note in read.notes + imported.notes]
    encoding = {"gbk": "GBK", "gb18030": "GBK", "utf-8": "UTF-8", "utf-8-sig": "UTF-8（带 BOM）"}.get(read.encoding, read.encoding)
    head = f"已导入 {len(scripts)} 条短语（{len(imported.groups)} 个分组，{encoding}）→ {out.name}。没有买家问法的短语只能在“浏览全部”里找到，请补上问法。"
    return Report(head, lines, out)


def export_qianniu(library_path: Path, out: Path) -> Report:
    """``kefu-assist export-qianniu`` (the same functions): the file written, and what the team
    lead must know: characters GBK cannot hold, codes given or changed, the library's notes."""
    from ...library import load_library
    from ...library.qianniu import library_to_phrases, not_in_gbk, write_new
    from ...library.qianniu_csv import QianniuError

    result = load_library(library_path)
    if result.library is None or result.errors:
        shown = "; ".join(str(p) for p in result.errors[:3])
        raise QianniuError(f"话术库有 {len(result.errors)} 处错误，导出会漏掉出错的话术，请先改正：{shown}")
    library = result.library
    exported = library_to_phrases(library)
    lines: list[str] = []
    seen: set[str] = set()
    for (code, phrase, group), script_id in zip(exported.rows, exported.script_ids):
        script = library.get(script_id)
        first = script_id not in seen
        seen.add(script_id)
        if script is not None and first and script.code is None:
            lines.append(f"{script_id}: 没有快捷编码，导出为 {code}")
        elif not first:
            lines.append(f"{script_id}: 另一种说法导出为编码 {code}（千牛没有“说法”，每种说法一条短语）")
        lost = not_in_gbk(phrase + group)
        if lost:
            shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in lost)
            lines.append(f"{script_id}: GBK 无法表示 {shown}，按 GB18030 写入（没有丢弃），请在千牛里核对")
    lines += [str(note) for note in exported.notes if "GBK" not in note.message]
    write_new(out, exported.encode(), force=True)  # the save dialog asked before replacing a file
    gbk = sum(1 for line in lines if "GBK 无法表示" in line)
    head = f"已导出 {len(exported.rows)} 条短语（{len(library.scripts)} 条话术）→ {out.name}（GBK）"
    if gbk:
        head += f"；{gbk} 条里有 GBK 无法表示的字符，见下方"
    return Report(head, lines, out)
