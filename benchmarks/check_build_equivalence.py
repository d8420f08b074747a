"""Does a change to the index build change what the matcher answers? Save the answers of one
version, then of another, and compare.

    .venv/bin/python benchmarks/check_build_equivalence.py --save /tmp/before.json [--src OTHER/src]
    .venv/bin/python benchmarks/check_build_equivalence.py --save /tmp/after.json
    .venv/bin/python benchmarks/check_build_equivalence.py --compare /tmp/before.json /tmp/after.json

Saved per matcher (the shipped library; the shipped library with a few made-up learned examples;
benchmarks/genlib.py's 10,000 x 5 library): every suggestion (script, score, confidence, matched
words, example, clause) for each line of the dev sets benchmarks/eval/dev5 and dev4 (the 10,000-
script matcher: their first 150 lines and 400 of its own examples, a fixed sample), and the built
index state itself (``<file>.<matcher>.state.pkl``). Compare reports the rows whose suggestions
differ (scores compared within 1e-9) and the parts of the state whose values differ; exit 1 when
anything does. Sets of words pickle in a per-process order, so the state is compared by value.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = (ROOT / "benchmarks" / "eval" / "dev5" / "questions.tsv", ROOT / "benchmarks" / "eval" / "dev4" / "questions.tsv")


def _questions(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            out.append(line.split("\t")[1])
    return out


def save(out: Path) -> None:
    from kefu_assist.library import load_library
    from kefu_assist.matching import build_matcher
    from kefu_assist.matching.indexing import _INDEX_STATE

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import genlib  # after the version under test is imported: genlib puts this checkout's src first

    dev = [q for path in DEV for q in _questions(path)]
    shipped = load_library(ROOT / "resources" / "scripts.yaml").library
    with tempfile.TemporaryDirectory() as tmp:
        big = load_library(genlib.write(Path(tmp) / "gen10k.yaml")).library
    sample = random.Random(3).sample([e for s in big.matchable for e in s.examples], 400)
    ids = [s.id for s in shipped.matchable]
    learned = [(ids[3], "能不能便宜点卖给我", 0.5), (ids[10], "啥时候到货啊", 0.7), (ids[10], "快递到哪了", 1.0)]
    result = {}
    for name, library, questions, kwargs in (
        ("shipped", shipped, dev, {}),
        ("learned", shipped, dev[:150], {"extra_examples": learned}),
        ("10k", big, dev[:150] + sample, {}),
    ):
        matcher = build_matcher(library, **kwargs)
        result[name] = [[q, [dataclasses.asdict(s) for s in matcher.suggest(q, limit=5)]] for q in questions]
        with out.with_suffix(f".{name}.state.pkl").open("wb") as fh:
            pickle.dump({n: getattr(matcher, n) for n in _INDEX_STATE}, fh, protocol=pickle.HIGHEST_PROTOCOL)
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    print(f"saved {sum(map(len, result.values()))} questions' suggestions to {out}")


def compare(a: Path, b: Path) -> int:
    first, second = json.loads(a.read_text(encoding="utf-8")), json.loads(b.read_text(encoding="utf-8"))
    differ = 0
    worst = 0.0
    for name, rows in first.items():
        for (q, left), (q2, right) in zip(rows, second[name], strict=True):
            assert q == q2, (q, q2)
            same = len(left) == len(right) and all({k: v for k, v in x.items() if k != "score"} == {k: v for k, v in y.items() if k != "score"} for x, y in zip(left, right))
            if same:
                gap = max((abs(x["score"] - y["score"]) for x, y in zip(left, right)), default=0.0)
                worst = max(worst, gap)
                same = gap <= 1e-9
            if not same:
                differ += 1
                if differ <= 5:
                    print(f"differs ({name}): {q}\n  {left[:2]}\n  {right[:2]}")
        state_a = pickle.loads(a.with_suffix(f".{name}.state.pkl").read_bytes())
        state_b = pickle.loads(b.with_suffix(f".{name}.state.pkl").read_bytes())
        changed = [key for key in state_a if state_a[key] != state_b.get(key)]
        # the respeller is a dataclass of plain values: compared by value like the rest
        print(f"{name}: {len(rows)} questions; index state parts whose values differ: {changed or 'none'}")
        differ += len(changed)
    print(f"questions or state parts that differ: {differ}; largest score difference: {worst:.3g}")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write the answers and index state of this version here")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the src folder of the version to save (default: this one)")
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        sys.path.insert(0, str(args.src))  # the state's classes, to unpickle it
        return compare(*args.compare)
    if not args.save:
        parser.error("--save FILE or --compare BEFORE AFTER")
    sys.path.insert(0, str(args.src))
    save(args.save)
    return 0


if __name__ == "__main__":
    sys.exit(main())
