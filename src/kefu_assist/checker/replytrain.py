"""Train the reply model (``replymodel``) on ``resources/reply_corpus.tsv`` and choose its
thresholds; apart from ``replymodel`` because it needs the engine (the rules alone, to know what
the patterns already find), which needs ``replymodel``::

    .venv/bin/python -m kefu_assist.checker.replytrain --validate tests/checker/rulemodel_val.tsv --validate benchmarks/eval/dev4/compliance_drafts.tsv --validate tests/checker/rulemodel_val5.tsv
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from . import gzjson
from .engine import Checker, _default_rules
from .replymodel import (
    CORPUS_NAME, MODEL_NAME, ReplyModel, _resources, choose_thresholds, corpus_sha256, read_corpus, shipped_model, train,
)


def main(argv: Iterable[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Train the reply model on resources/reply_corpus.tsv")
    parser.add_argument("--validate", type=Path, action="append", default=[], help="label<TAB>draft files that choose the thresholds")
    args = parser.parse_args(None if argv is None else list(argv))
    corpus = _resources() / CORPUS_NAME
    model = train(read_corpus(corpus), corpus_sha256(corpus))
    if args.validate:
        rules_only = Checker(_default_rules().rules)
        validation = [row for path in args.validate for row in read_corpus(path)]
        keep = _keep_clean_rows()
        thresholds = choose_thresholds(model, validation, keep, lambda t: {f.rule for f in rules_only.check(t)})
        model = ReplyModel(model.rules, model.weights, model.bias, thresholds, model.corpus_sha256)
    else:
        old = shipped_model()
        if old is not None and old.rules == model.rules:
            model = ReplyModel(model.rules, model.weights, model.bias, old.thresholds, model.corpus_sha256)
    out = _resources() / MODEL_NAME
    gzjson.write(out, model.as_json() + "\n")
    print(f"{out}: {len(model.weights)} grams, trained on {corpus}; thresholds {dict(zip(model.rules, model.thresholds))}")


def _keep_clean_rows() -> list[tuple[frozenset[str], str]]:
    """Drafts the model must add nothing to: the shipped library's replies (compliant) and the
    suite's development drafts (tests/checker/*_drafts.tsv, with their labels) when run from a
    checkout."""
    rows: list[tuple[frozenset[str], str]] = []
    from ..library import load_library
    from ..resources import default_library_path

    library = load_library(default_library_path()).library
    if library is not None:
        rows.extend((frozenset(), reply) for script in library.scripts for reply in script.replies)
    tests = Path(__file__).resolve().parents[3] / "tests" / "checker"
    for path in sorted(tests.glob("*_drafts.tsv")):
        rows.extend(read_corpus(path))
    rows.extend((frozenset(), text) for text in _suite_literals(tests))
    return rows


def _suite_literals(tests: Path) -> list[str]:
    """Every Chinese string literal of the older tests of reply checking (their expected findings
    are the rules' own: the model must add nothing to them); not the buyers' messages of the mood
    tests, not library files, not the tests of a team lead's extra rules (another rule set)."""
    import ast

    out = []
    for name in ("test_checker.py", "test_normalise.py", "test_cli_check.py"):
        path = tests / name
        if not path.is_file():
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and "team" in f.name for n in ast.walk(f)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
                if re.search("[\u4e00-\u9fff]", node.value) and "\n" not in node.value:
                    out.append(node.value)
    return out



if __name__ == "__main__":
    main()
