"""A digest of every finding `check` gives over every development draft: run it before and after a
change meant for speed alone, and the two digests must be equal.

The drafts: the development files of ``benchmarks/eval/checker`` (its ``writers/`` too; never the
held-out ``heldout*``), ``tests/checker/*_drafts.tsv``, the reply corpus, the shipped library's
replies, and the development sets' ``compliance_drafts.tsv`` under /work (evalsets6–12,
trainsets8, trainsets11, trainsets13) where they exist. Only the digest and the counts are printed,
no line of any file.

    .venv/bin/python benchmarks/check_digest.py [--rules-only] [--time]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu_assist.checker import Checker, default_checker  # noqa: E402

DEV_SETS = [Path(f"/work/evalsets{n}/compliance_drafts.tsv") for n in range(6, 13)] + [
    Path(f"/work/trainsets{n}/{w}/compliance_drafts.tsv") for n, writers in ((8, "abc"), (11, "abcdef"), (13, "abcdef")) for w in writers
]


def draft_files() -> list[Path]:
    checker_dir = ROOT / "benchmarks" / "eval" / "checker"
    files = sorted(p for p in checker_dir.glob("*.tsv") if not p.name.startswith("heldout"))
    files += sorted((checker_dir / "writers").glob("*.tsv"))
    files += sorted((ROOT / "tests" / "checker").glob("*.tsv"))
    files += [ROOT / "resources" / "reply_corpus.tsv"]
    files += [p for p in DEV_SETS if p.is_file()]
    return files


def texts(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.split("\t", 1)[-1])
    return out


def library_replies() -> list[str]:
    from kefu_assist.library import load_library

    library = load_library(ROOT / "resources" / "scripts.yaml").library
    assert library is not None
    return [r for s in library.scripts for r in s.replies]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rules-only", action="store_true", help="the rules without the reply model")
    parser.add_argument("--time", action="store_true", help="also time the checks (CPU time of this thread)")
    args = parser.parse_args()
    checker = default_checker()
    if args.rules_only:
        checker = Checker(checker.rules)
    drafts: list[str] = []
    for path in draft_files():
        drafts.extend(texts(path))
    drafts.extend(library_replies())
    h = hashlib.sha256()
    findings = 0
    t = time.thread_time()
    for text in drafts:
        found = [f.as_dict() | {"replacement": f.replacement} for f in checker.check(text)]
        findings += len(found)
        h.update(json.dumps(found, ensure_ascii=False, sort_keys=True).encode() + b"\n")
    spent = time.thread_time() - t
    print(f"{len(drafts)} drafts from {len(draft_files())} files, {findings} findings; digest {h.hexdigest()[:16]}")
    if args.time:
        print(f"CPU time {spent:.2f} s, {spent / len(drafts) * 1000:.3f} ms a draft")


if __name__ == "__main__":
    main()
