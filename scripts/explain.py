"""Show what the matcher does with questions: top suggestions with scores, matched terms and the
library example behind each. For team leads and for tuning.

    .venv/bin/python scripts/explain.py 能开发票吗 "包邮吗 便宜点"
    .venv/bin/python scripts/explain.py --tsv ../shared/eval/dev_questions.tsv --misses
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kefu_assist.evaluation import read_cases
from kefu_assist.library import load_library
from kefu_assist.matching import build_matcher
from kefu_assist.matching.normalize import normalize
from kefu_assist.resources import default_library_path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", nargs="*")
    parser.add_argument("--library", type=Path, default=None)
    parser.add_argument("--tsv", type=Path)
    parser.add_argument("--misses", action="store_true", help="with --tsv: only lines whose top category is wrong")
    parser.add_argument("--limit", type=int, default=3)
    args = parser.parse_args()
    library = load_library(args.library or default_library_path()).library
    matcher = build_matcher(library)
    items = [("?", q) for q in args.questions]
    if args.tsv:
        items += [(c.expected, c.question) for c in read_cases(args.tsv)]
    for expected, q in items:
        sugg = matcher.suggest(q, limit=args.limit)
        top = sugg[0].category if sugg and sugg[0].confident else "none"
        ok = top in expected.replace("+", "|").split("|") if expected != "?" else True
        if args.misses and ok:
            continue
        print(f"{'  ' if ok else '✗ '}[{expected}] {q}   -> {normalize(q)} {matcher.tokenizer.tokens(normalize(q))}")
        for s in sugg:
            mark = "*" if s.confident else " "
            print(f"     {mark}{s.score:.3f} {s.category:16s} {s.script_id:32s} ex={s.example}  terms={'/'.join(s.matched_terms)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
