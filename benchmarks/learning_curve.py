"""How much the library learns from agents' choices: accuracy on one held-out set after the
sidebar has learned from 0, 25, 50 and 100 % of another, each choice going the way a real copy
goes (CopyEvent -> Recorder and its spool -> the usage database -> learned examples -> the
matcher rebuilt with them).

    .venv/bin/python benchmarks/learning_curve.py [--learn FILE] [--test FILE] [--agents 2]

The agents are simulated as careful ones: for each message of the learning set they copy the
script of the labelled category that the sidebar ranks highest (any rank, confident or not), or,
when no card of that category is shown, the first script of the category from 浏览全部 right
after the message. Copies that teach nothing (the first card, confident) store nothing. With
``--agents 2`` every choice is made by two agents, so it reaches the team without a team lead;
with 1 it serves only the agent who made it (``examples_for`` that agent is what is measured).
Only single-category lines of the learning set are used; the test set is scored whole.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu_assist.evaluation import evaluate, read_cases  # noqa: E402
from kefu_assist.service import AssistService, CopyEvent  # noqa: E402


def _choice(service: AssistService, question: str, category: str) -> CopyEvent | None:
    views = service.suggest(question, limit=50)
    for rank, view in enumerate(views, start=1):
        if view.script.category == category:
            s = view.suggestion
            return CopyEvent(view.script.id, category, 0, rank, s.score, question, 3.0, s.confident)
    for script in service.library.scripts:
        if script.category == category:
            return CopyEvent(script.id, category, 0, None, None, question, 20.0)
    return None


def _score(service: AssistService, path: Path) -> str:
    cases = read_cases(path)
    report = evaluate(cases, lambda q: [v.script.category for v in service.suggest(q, confident_only=True)])
    return (f"{report.pct(report.top1, report.single):5.1f} | {report.pct(report.top3, report.single):5.1f} | "
            f"{report.multi_complete}/{report.multi} | {report.rejected}/{report.none}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learn", type=Path, default=ROOT / "benchmarks" / "eval" / "heldout_questions.tsv")
    parser.add_argument("--test", type=Path, default=ROOT / "benchmarks" / "eval" / "heldout2_questions.tsv")
    parser.add_argument("--agents", type=int, default=1, choices=(1, 2))
    parser.add_argument("--steps", default="0,25,50,100", help="percentages of the learning set")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as home:
        os.environ.update(KEFU_ASSIST_DATA_DIR=home, KEFU_ASSIST_CACHE_DIR=home, KEFU_ASSIST_CONFIG_DIR=home)
        from kefu_assist.store import learned
        from kefu_assist.store.db import open_database
        from kefu_assist.store.recorder import Recorder

        url = f"sqlite:///{home}/usage.sqlite3"
        service = AssistService()
        result = service.load(ROOT / "resources" / "scripts.yaml")
        assert result.library is not None
        learn_cases = [c for c in read_cases(args.learn) if c.kind == "single" and "|" not in c.expected]
        agents = ["阿美", "小王"][: args.agents]
        steps = [int(s) for s in args.steps.split(",")]
        print(f"learning from {args.learn.name} ({len(learn_cases)} single-category lines), testing on {args.test.name}, {args.agents} agent(s) a choice")
        print("| learned from | copies that taught | learned examples | test top-1 % | top-3 % | multi | small talk |")
        print("|---|---|---|---|---|---|---|")
        done = 0
        taught = 0
        recorder = Recorder(url, spool_root=Path(home) / "spool")
        engine = open_database(url)
        try:
            for pct in steps:
                upto = len(learn_cases) * pct // 100
                for case in learn_cases[done:upto]:
                    event = _choice(service, case.question, case.expected)
                    if event is None or not event.learn:
                        continue
                    taught += 1
                    for agent in agents:
                        recorder.record_copy(event, agent)
                done = max(done, upto)
                assert recorder.flush(120), "the usage writer did not catch up"
                pairs = learned.examples_for(engine, agents[0])
                service.set_learned(pairs)
                print(f"| {pct} % ({upto}) | {taught} | {len(pairs)} | {_score(service, args.test)} |")
        finally:
            recorder.close()
            engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
