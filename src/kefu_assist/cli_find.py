"""``kefu-assist find``, ``import-qianniu`` and ``export-qianniu``: the library searched, and
moved to and from Qianniu's 快捷短语."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .cli_common import _check_length, _err, _library_path
from .errors import EXIT_OK, EXIT_PROBLEMS, CliError


# -- find ------------------------------------------------------------------------------------
FIELD_NAMES = {"code": "快捷编码", "title": "标题", "keyword": "关键词", "category": "分类", "reply": "回复", "example": "例句", "id": "编号"}


def _load_library_only(library_arg: str | None):
    """The library without the matcher: what find and export-qianniu need, in a fraction of
    the time."""
    from . import paths
    from .library import load_library

    path = _library_path(library_arg)
    result = load_library(path, cache_dir=paths.cache_dir() / "library")
    if result.library is None:
        first = result.errors[0] if result.errors else None
        raise CliError(f"cannot load library: {first}", EXIT_PROBLEMS)
    return path, result


def cmd_find(args: argparse.Namespace) -> int:
    from .library import render
    from .library.search import SearchIndex, nothing_found

    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    query = " ".join(args.query).strip()
    if not query:
        raise CliError("the query is empty")
    if (problem := _check_length(query)) is not None:
        raise CliError(f"the query {problem}")
    _, result = _load_library_only(args.library)
    for problem in result.errors:
        _err(f"library problem, script skipped: {problem}")
    library = result.library
    if args.category is not None and args.category not in library.categories:
        raise CliError(f"unknown category '{args.category}'; the library has: {', '.join(library.categories)}")
    hits = SearchIndex(library).search(query, category=args.category, limit=args.limit)
    values = dict(library.placeholders)
    if args.json:
        results = []
        for h in hits:
            m = h.match
            results.append(
                {
                    "id": h.script.id,
                    "category": h.script.category,
                    "title": h.script.title,
                    "code": h.script.code,
                    "matched": h.reason,
                    "field": m.field if m else None,
                    "index": m.index if m else None,
                    "text": m.text if m else None,
                    "spans": [list(span) for span in m.spans] if m else [],
                    "reply": render(h.script.replies[0], values).text,
                }
            )
        print(json.dumps({"query": query, "results": results}, ensure_ascii=False))
    elif not hits:
        print(f"{nothing_found(query)} (nothing found)")
    else:
        for rank, h in enumerate(hits, start=1):
            m = h.match
            title = m.marked() if m and m.field == "title" else h.script.title
            code = f"  /{m.marked() if m and m.field == 'code' else h.script.code}" if h.script.code else ""
            print(f"{rank}. [{library.category_label(h.script.category)}] {title}{code}  {h.script.id}")
            if m and m.field not in ("title", "code"):
                print(f"   {FIELD_NAMES.get(m.field, m.field)}: {m.marked()}")
            else:
                print(f"   {render(h.script.replies[0], values).text}")
    return EXIT_OK if hits else EXIT_PROBLEMS


# -- Qianniu 快捷短语 -------------------------------------------------------------------------
def cmd_import_qianniu(args: argparse.Namespace) -> int:
    from .library.qianniu import QianniuError, import_file

    source = Path(args.file)
    out = Path(args.output) if args.output else source.with_suffix(".yaml")
    try:
        read, imported = import_file(source, out, force=args.force)
    except QianniuError as exc:
        raise CliError(str(exc), EXIT_PROBLEMS) from None
    for note in read.notes + imported.notes:
        _err(f"note: {note}")
    scripts = imported.data["scripts"]
    labels = dict(imported.data.get("categories", {}))
    print(f"{source} ({read.encoding}): {len(scripts)} phrases in {len(imported.groups)} groups -> {out}")
    for group, cid in imported.groups.items():
        from .library import CATEGORIES

        kind = "one of the 23" if cid in CATEGORIES else "its own category"
        print(f"  分组 '{group or '(未分组)'}' -> {cid} ({labels.get(cid) or CATEGORIES.get(cid, cid)}, {kind})")
    print(f"check it with: kefu-assist lint {out}")
    return EXIT_OK


def cmd_export_qianniu(args: argparse.Namespace) -> int:
    from .library.qianniu import QianniuError, library_to_phrases, write_new

    path, result = _load_library_only(args.library)
    if result.errors:
        for problem in result.errors:
            _err(str(problem))
        raise CliError(f"the library has {len(result.errors)} errors and the export would miss those scripts; fix them first (kefu-assist lint {path})", EXIT_PROBLEMS)
    exported = library_to_phrases(result.library)
    for note in exported.notes:
        _err(f"note: {note}")
    payload = exported.encode()
    if args.output:
        try:
            write_new(Path(args.output), payload, force=args.force)
        except QianniuError as exc:
            raise CliError(str(exc), EXIT_PROBLEMS) from None
        print(f"{len(exported.rows)} phrases from {len(result.library.scripts)} scripts -> {args.output} (GBK)")
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    return EXIT_OK


