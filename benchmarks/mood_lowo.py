"""Leave one writer out: how well the buyer-mood reading (cues + trained tone) does on the wordings
of a writer whose lines the tone was not trained on. That predicts a hidden set written by somebody
new better than scoring a writer the tone has read.

Writers are the sections of ``resources/mood_corpus.tsv`` that start with a ``# writer: NAME``
line (each written by an independent helper who saw no code, library or other set), and any
``--writer NAME=FILE`` given (a set not yet in the corpus: its fold is scored, and its lines train
the other folds). For each writer W the tone is trained on the corpus without W (the base rows
and the other writers; a base row with the same text as one of W's is left out too) and W's lines
are read with the cues and that tone. The cues are the shipped table's: where a cue class was
written from a writer's misses, that writer's fold is optimistic.

    .venv/bin/python benchmarks/mood_lowo.py [--writer c=/path/mood_messages.tsv] [--bars 1.5,2,2.25]

Prints per writer upset found and calm flagged at each bar of the tone (``mood.TONE_ALONE``), the
pooled figures, and the lowest bar whose pooled held-out calm flagged is at most ``--calm-cap`` %.
"""
from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu_assist.checker import moodmodel  # noqa: E402

mood_module = importlib.import_module("kefu_assist.checker.mood")

_WRITER = re.compile(r"#\s*writer:\s*(\S+)")


def corpus_sections(path: Path) -> tuple[list[tuple[str, str]], dict[str, list[tuple[str, str]]]]:
    """The corpus's base rows and its writers' sections (``# writer: NAME`` opens one; it runs to
    the next writer line or the end of the file)."""
    base: list[tuple[str, str]] = []
    writers: dict[str, list[tuple[str, str]]] = {}
    current = base
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _WRITER.match(line)
        if m:
            current = writers.setdefault(m.group(1), [])
            continue
        if not line.strip() or line.startswith("#"):
            continue
        label, _, text = line.partition("\t")
        current.append((label, text))
    return base, writers


def read_set(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, _, text = line.partition("\t")
        if label.strip() in ("upset", "calm") and text.strip():
            rows.append((label.strip(), text))
    return rows


def score(rows, model, bar: float) -> tuple[int, int, int, int]:
    saved = mood_module.TONE_ALONE
    mood_module.TONE_ALONE = bar
    try:
        upset = found = calm = flagged = 0
        for label, text in rows:
            got = mood_module.mood(text, model=model).upset
            if label == "upset":
                upset += 1
                found += got
            else:
                calm += 1
                flagged += got
        return upset, found, calm, flagged
    finally:
        mood_module.TONE_ALONE = saved


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} % ({a}/{b})" if b else "–"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT / "resources" / moodmodel.CORPUS_NAME)
    parser.add_argument("--writer", action="append", default=[], metavar="NAME=FILE", help="a writer's set not in the corpus")
    parser.add_argument("--bars", default="", help="tone bars to sweep, comma-separated (default: around the shipped one)")
    parser.add_argument("--calm-cap", type=float, default=3.0, help="pooled calm flagged allowed, %% (default 3)")
    parser.add_argument("--misses", action="store_true", help="print each fold's misses at the shipped bar")
    args = parser.parse_args()
    base, writers = corpus_sections(args.corpus)
    for spec in args.writer:
        name, sep, file = spec.partition("=")
        if not sep or not Path(file).is_file():
            parser.error(f"--writer {spec}: expected NAME=FILE of an existing file")
        if name in writers:
            parser.error(f"--writer {name}: already a section of the corpus")
        writers[name] = read_set(Path(file))
    if not writers:
        parser.error("no writers: the corpus has no '# writer:' section and no --writer was given")
    shipped_bar = mood_module.TONE_ALONE
    bars = sorted({float(b) for b in args.bars.split(",") if b.strip()} | {shipped_bar}) if args.bars else \
        sorted({shipped_bar + d for d in (-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5)})
    print(f"corpus {args.corpus.name}: {len(base)} base rows; writers: " + ", ".join(f"{w} ({len(r)})" for w, r in writers.items()))
    results: dict[str, dict[float, tuple[int, int, int, int]]] = {}
    for name, rows in writers.items():
        held = {t for _, t in rows}
        train_rows = [r for r in base if r[1] not in held]
        for other, other_rows in writers.items():
            if other != name:
                train_rows += [r for r in other_rows if r[1] not in held]
        t0 = time.perf_counter()
        model = moodmodel.train(train_rows, "", mood_module.cue_ids)
        took = time.perf_counter() - t0
        results[name] = {bar: score(rows, model, bar) for bar in bars}
        u, f, c, fl = results[name][shipped_bar]
        print(f"- {name}: trained on {len(train_rows)} rows in {took:.1f} s; at bar {shipped_bar}: upset found {pct(f, u)}, calm flagged {pct(fl, c)}")
        if args.misses:
            saved = mood_module.TONE_ALONE
            for label, text in rows:
                got = mood_module.mood(text, model=model).label
                if got != label:
                    print(f"    {label} -> {got}: {text}")
            mood_module.TONE_ALONE = saved
    print()
    print("| bar | " + " | ".join(f"{w} found / flagged" for w in writers) + " | pooled found | pooled flagged | worst fold flagged |")
    print("|---" * (len(writers) + 4) + "|")
    chosen = None
    for bar in bars:
        cells = []
        tu = tf = tc = tfl = 0
        worst = 0.0
        for name in writers:
            u, f, c, fl = results[name][bar]
            cells.append(f"{100 * f / u:.1f} / {100 * fl / c:.1f}")
            tu, tf, tc, tfl = tu + u, tf + f, tc + c, tfl + fl
            worst = max(worst, 100 * fl / c)
        mark = " (shipped)" if bar == shipped_bar else ""
        print(f"| {bar:g}{mark} | " + " | ".join(cells) + f" | {pct(tf, tu)} | {pct(tfl, tc)} | {worst:.1f} % |")
        if chosen is None and 100 * tfl / tc <= args.calm_cap:
            chosen = bar
    print()
    print(f"lowest bar with pooled held-out calm flagged <= {args.calm_cap:g} %: {chosen}")


if __name__ == "__main__":
    main()
