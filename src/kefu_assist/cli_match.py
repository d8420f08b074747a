"""``kefu-assist match`` and ``kefu-assist eval``: the matcher on buyer questions, and its
figures on a labelled question file."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .cli_common import Lines, _load_service, _questions_from_stdin, json_line, visible
from .errors import EXIT_OK, EXIT_PROBLEMS, CliError

_MOOD_HISTORY = 10  # match --conversation: earlier messages compared for repeated asking


def cmd_match(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    if args.question:
        items = [(None, q, None) for q in args.question]
    else:
        if sys.stdin is None or (sys.stdin.isatty() and not os.environ.get("KEFU_ASSIST_ALLOW_TTY")):
            raise CliError("no question given: pass it as an argument, or pipe questions in, one a line")
        items = _questions_from_stdin()
    service = _load_service(args.library)
    out = sys.stdout
    lines = Lines(items, "question")
    earlier: list[str] = []  # --conversation: the buyer's earlier messages, for repeated asking
    for question in lines:
        history = earlier[-_MOOD_HISTORY:] if args.conversation else ()
        buyer = service.mood(question, history)
        views = service.suggest(question, limit=args.limit, confident_only=True, history=history)
        if args.conversation:
            earlier.append(question)
        if args.json:
            record = {
                "question": question,
                "mood": buyer.label,
                "mood_cues": [c.as_dict() for c in buyer.cues],
                "suggestions": [
                    {
                        "id": v.script.id,
                        "category": v.script.category,
                        "title": v.script.title,
                        "score": v.suggestion.score,
                        "reply": v.reply,
                    }
                    for v in views
                ],
            }
            out.write(json_line(record) + "\n")
        else:
            out.write(f"{visible(question)}\n")
            if buyer.upset:
                out.write(f"  买家情绪: 不满 (upset: {'、'.join(c.text for c in buyer.cues)})\n")
            if not views:
                out.write("  没有合适的话术 (no confident suggestion)\n")
            lib = service.library
            for rank, v in enumerate(views, start=1):
                terms = "、".join(v.suggestion.matched_terms)
                line = f"  {rank}. [{lib.category_label(v.script.category)}] {v.script.title}  {v.suggestion.score:.2f}  {v.script.id}"
                out.write(visible(line + (f"  匹配: {terms}" if terms else "")) + "\n")
                out.write(f"     {visible(v.reply)}\n")
        out.flush()
    return lines.finish()


# -- eval -----------------------------------------------------------------------------------
MAX_EVAL_BYTES = 20 * 1024 * 1024  # the library's cap: a question file is far smaller


def _refuse_unbounded(path: Path) -> None:
    """A FIFO would hang the read and /dev/zero never end: only a regular file of sane size is
    read. stat() does not open the file, so asking cannot hang either."""
    import stat

    try:
        info = os.stat(path)
    except OSError:
        return  # read_cases names the problem (no such file, a folder …)
    if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        raise CliError(f"{path}: is not a regular file (a pipe or a device): give a .tsv file", EXIT_PROBLEMS)
    if info.st_size > MAX_EVAL_BYTES:
        raise CliError(f"{path}: is larger than {MAX_EVAL_BYTES // (1024 * 1024)} MB; is this really a question file?", EXIT_PROBLEMS)


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import EvalFileError, evaluate, format_report, read_cases

    _refuse_unbounded(Path(args.file))
    service = _load_service(args.library)
    try:
        cases = read_cases(Path(args.file), list(service.library.categories))
    except EvalFileError as exc:
        raise CliError(str(exc), EXIT_PROBLEMS) from None

    def categories_for(question: str) -> list[str]:
        return [v.script.category for v in service.suggest(question, limit=5, confident_only=True)]

    report = evaluate(cases, categories_for)
    if args.json:
        print(json_line(report.as_dict()))
    else:
        print(format_report(report, f"{args.file} ({len(cases)} questions, library {service.library_path})"))
    return EXIT_OK


