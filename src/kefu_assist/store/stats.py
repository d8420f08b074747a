"""The figures team leads look at (``kefu-assist stats`` and the sidebar's 统计 view).

Everything is aggregated in SQL, and every query reads one covering index of revision 0004 in
the order it groups or sorts by (``ts`` last in each, so ``--since`` is checked in the index):

1. copies per script (with its first category) and its last use: ``(script_id, category, ts)``;
2. copies per day and category, and so per category: the expression index
   ``(date(ts), category, ts)``;
3. copies per agent: ``(agent, seconds_to_copy, ts)``, with the medians: on PostgreSQL
   ``percentile_cont``, per agent and (grouping set ``()``) overall in the same pass; on SQLite
   one ``ORDER BY seconds LIMIT 1-2 OFFSET n/2`` per agent (and one for everyone on
   ``(seconds_to_copy, ts)``), which steps through the index and sorts nothing.

100,000 copies: ~0.15 s on SQLite, ~0.2-0.4 s on PostgreSQL (``benchmarks/bench_store.py``). Only
small result sets reach Python. The result is a plain, JSON-ready dict (Qt-free), so the sidebar
can draw its table and its per-category-per-day chart from it directly.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import DateTime, Engine, Float, Integer, String, Text, column, func, select, table, tuple_
from sqlalchemy.engine import Connection

# The columns read here, as light Core constructs (``table``/``column``, as the migrations use):
# importing the ORM models would cost ``kefu-assist stats`` ~0.15 s of SQLAlchemy ORM import
# for nothing. tests/store/test_stats.py checks them against ``models`` (names and types).
CE = table(
    "copy_events",
    column("ts", DateTime()), column("agent", String(100)), column("script_id", String(200)),
    column("category", String(100)), column("seconds_to_copy", Float()), column("mood", String(10)),
).c
UE = table(
    "unmatched_events", column("ts", DateTime()), column("agent", String(100)), column("norm_key", String(255)), column("mood", String(10))
).c
UQ = table(
    "unmatched_questions",
    column("agent", String(100)), column("question", Text()), column("norm_key", String(255)),
    column("count", Integer()), column("first_seen", DateTime()), column("last_seen", DateTime()),
).c

UNUSED_DAYS = 30


def as_utc_start(since: date | datetime | None) -> datetime | None:
    """A date means midnight UTC of that day; aware datetimes are converted to naive UTC."""
    if since is None:
        return None
    if isinstance(since, datetime):
        if since.tzinfo is not None:
            since = since.astimezone(timezone.utc).replace(tzinfo=None)
        return since
    return datetime.combine(since, time.min)


def _median_at(conn: Connection, conds: list, n: int) -> float | None:
    """The median of ``seconds_to_copy`` among the ``n`` timed rows matching ``conds``, by
    seeking into an index ordered by seconds (revision 0004: ``(agent, seconds_to_copy, ts)``
    and ``(seconds_to_copy, ts)``, so a ``ts`` condition is checked in the index too): steps
    over n/2 index entries, reads one or two values, sorts nothing."""
    if n <= 0:
        return None
    seconds = CE.seconds_to_copy
    rows = conn.execute(
        select(seconds).where(*conds, seconds.is_not(None)).order_by(seconds).limit(2 - n % 2).offset((n - 1) // 2)
    ).scalars().all()
    return float(sum(rows) / len(rows)) if rows else None


def _medians_by_seeking(
    conn: Connection, agent: str | None, *, where: list | None = None, counts: dict[str, int] | None = None
) -> tuple[dict[str, float], float | None]:
    """SQLite: per-agent and overall medians of the copies matching ``where`` (default: all, or
    one ``agent``'s), from the seconds indexes. ``counts`` (timed copies per agent under the same
    conditions) saves counting them again."""
    seconds = CE.seconds_to_copy
    if where is None:
        where = [CE.agent == agent] if agent else []
    if counts is None:
        counts = dict(conn.execute(select(CE.agent, func.count()).where(*where, seconds.is_not(None)).group_by(CE.agent)).all())
    medians = {}
    for name, n in counts.items():
        value = _median_at(conn, [*where, CE.agent == name] if not agent else where, n)
        if value is not None:
            medians[name] = value
    if agent:  # one agent: the overall median is theirs
        overall = medians.get(agent)
    else:
        overall = _median_at(conn, where, sum(counts.values()))
    return medians, overall


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def stats(
    engine: Engine,
    since: date | datetime | None = None,
    agent: str | None = None,
    library=None,
    *,
    top: int = 10,
    now: datetime | None = None,
    url: str | None = None,
    spool_roots: list | None = None,
) -> dict[str, Any]:
    """Usage figures since ``since`` (a date = midnight UTC), for one agent or all.

    ``library`` (a :class:`kefu_assist.library.Library`, optional) adds titles and category
    labels, puts never-used scripts among the least used, and defines which scripts count as
    "unused for 30 days" (without it: scripts seen in the database whose last use is older).
    Keys: ``total_copies``, ``total_unmatched``, ``most_used``, ``least_used``,
    ``per_category``, ``unmatched``, ``median_seconds`` (``overall`` and ``per_agent``),
    ``per_agent``, ``per_day_category`` (rows ``{day, category, count}`` for a chart),
    ``upset_share_by_day`` (rows ``{day, messages, upset, share}``), ``unused_30d``,
    ``dead_letters`` (``count`` and ``files``: events the database refused, set aside by the recorder beside its spools; ``url`` is the database's URL as the recorder
    was given it, default the engine's, and ``spool_roots`` where its spools are, default the
    recorder's).
    """
    start = as_utc_start(since)
    now = as_utc_start(now) or datetime.now(timezone.utc).replace(tzinfo=None)
    where_ce: list = []
    where_ue: list = []
    if start is not None:
        where_ce.append(CE.ts >= start)
        where_ue.append(UE.ts >= start)
    if agent:
        where_ce.append(CE.agent == agent)
        where_ue.append(UE.agent == agent)
    scripts = {s.id: s for s in library.scripts} if library is not None else {}

    def title(script_id: str) -> str | None:
        s = scripts.get(script_id)
        return s.title if s else None

    def label(category: str) -> str:
        return library.category_label(category) if library is not None else category

    with engine.connect() as conn:
        # 1. copies per script (one pass over the (script_id, category, ts) index, in its order);
        #    over the whole history it also gives each script's last use
        whole = start is None and not agent
        count = func.count().label("n")
        cols = [CE.script_id, func.min(CE.category).label("category"), count]
        if whole:
            cols.append(func.max(CE.ts).label("last"))
        per_script: dict[str, tuple[str, int]] = {}
        last_use: dict[str, Any] = {}
        for row in conn.execute(select(*cols).where(*where_ce).group_by(CE.script_id)):
            per_script[row.script_id] = (row.category, row.n)
            if whole:
                last_use[row.script_id] = row.last
        total = sum(n for _, n in per_script.values())
        usage: list[dict[str, Any]] = [
            {"script_id": sid, "category": cat, "title": title(sid), "count": n} for sid, (cat, n) in per_script.items()
        ]
        for sid, s in scripts.items():
            if sid not in per_script:
                usage.append({"script_id": sid, "category": s.category, "title": s.title, "count": 0})
        most = sorted((u for u in usage if u["count"]), key=lambda u: (-u["count"], u["script_id"]))[:top]
        least = sorted(usage, key=lambda u: (u["count"], u["script_id"]))[:top]

        # 2. copies per day and category: the (date(ts), category, ts) expression index is in
        #    exactly this order, so this is one index scan and no sort; per category is its sum
        day = func.date(CE.ts).label("day")
        per_day_category = []
        by_category: dict[str, int] = {}
        for row in conn.execute(select(day, CE.category, count).where(*where_ce).group_by(day, CE.category).order_by(day, CE.category)):
            per_day_category.append({"day": _iso(row.day), "category": row.category, "count": row.n})
            by_category[row.category] = by_category.get(row.category, 0) + row.n
        per_category = [
            {"category": cat, "label": label(cat), "count": n}
            for cat, n in sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))
        ]

        # 3. copies and timed copies per agent ((agent, seconds_to_copy, ts) index), then medians
        copies_by_agent: dict[str, int] = {}
        timed: dict[str, int] = {}
        if conn.dialect.name == "postgresql":
            # one pass: counts and median per agent, and the overall median (grouping set ()).
            # percentile_cont ignores NULLs, as the median over timed copies should.
            medians: dict[str, float] = {}
            overall = None
            seconds = CE.seconds_to_copy
            rows = conn.execute(
                select(CE.agent, func.grouping(CE.agent).label("everyone"), count, func.count(seconds).label("timed"),
                       func.percentile_cont(0.5).within_group(seconds).label("median"))
                .where(*where_ce).group_by(func.grouping_sets(tuple_(CE.agent), tuple_()))
            )
            for row in rows:
                if row.everyone:
                    overall = float(row.median) if row.median is not None else None
                    continue
                copies_by_agent[row.agent] = row.n
                if row.median is not None:
                    medians[row.agent] = float(row.median)
        else:
            for row in conn.execute(select(CE.agent, count, func.count(CE.seconds_to_copy).label("timed")).where(*where_ce).group_by(CE.agent)):
                copies_by_agent[row.agent] = row.n
                if row.timed:
                    timed[row.agent] = row.timed
            medians, overall = _medians_by_seeking(conn, agent, where=where_ce, counts=timed)

        if start is None:  # rows from before revision 0002 are only in the aggregate table
            cond = [UQ.agent == agent] if agent else []
            unmatched_by_agent = dict(conn.execute(select(UQ.agent, func.sum(UQ.count)).where(*cond).group_by(UQ.agent)).all())
        else:
            unmatched_by_agent = dict(conn.execute(select(UE.agent, func.count()).where(*where_ue).group_by(UE.agent)).all())
        agents = sorted(set(copies_by_agent) | set(unmatched_by_agent))
        per_agent = [
            {
                "agent": a,
                "copies": int(copies_by_agent.get(a, 0)),
                "unmatched": int(unmatched_by_agent.get(a, 0) or 0),
                "median_seconds": medians.get(a),
            }
            for a in agents
        ]

        # unmatched questions, counted across agents by their normalised key
        if start is None:
            cond = [UQ.agent == agent] if agent else []
            n = func.sum(UQ.count).label("n")
            top_rows = conn.execute(
                select(UQ.norm_key, func.min(UQ.question).label("question"), n, func.count(func.distinct(UQ.agent)).label("agents"), func.max(UQ.last_seen).label("last"))
                .where(*cond).group_by(UQ.norm_key).order_by(n.desc(), UQ.norm_key).limit(top * 2)
            ).all()
            unmatched = [{"question": r.question, "count": int(r.n), "agents": r.agents, "last_seen": _iso(r.last)} for r in top_rows]
        else:
            n = func.count().label("n")
            top_rows = conn.execute(
                select(UE.norm_key, n, func.count(func.distinct(UE.agent)).label("agents"), func.max(UE.ts).label("last"))
                .where(*where_ue).group_by(UE.norm_key).order_by(n.desc(), UE.norm_key).limit(top * 2)
            ).all()
            texts = dict(
                conn.execute(
                    select(UQ.norm_key, func.min(UQ.question)).where(UQ.norm_key.in_([r.norm_key for r in top_rows])).group_by(UQ.norm_key)
                ).all()
            ) if top_rows else {}
            unmatched = [{"question": texts.get(r.norm_key, r.norm_key), "count": int(r.n), "agents": r.agents, "last_seen": _iso(r.last)} for r in top_rows]
        total_unmatched = sum(int(v or 0) for v in unmatched_by_agent.values())

        upset_share = _upset_share_by_day(conn, where_ce, where_ue)

        # scripts nobody used in the last 30 days (all agents, whatever --since says)
        cutoff = now - timedelta(days=UNUSED_DAYS)
        if whole:
            categories = {sid: cat for sid, (cat, _) in per_script.items()}
        else:  # one pass over the (script_id, category, ts) index
            categories = {}
            for row in conn.execute(select(CE.script_id, func.min(CE.category).label("category"), func.max(CE.ts).label("last")).group_by(CE.script_id)):
                categories[row.script_id] = row.category
                last_use[row.script_id] = row.last
        if scripts:
            candidates = [(sid, s.category, s.title) for sid, s in scripts.items()]
        else:
            candidates = [(sid, categories.get(sid, ""), None) for sid in last_use]
        unused = []
        for sid, cat, ttl in candidates:
            last = last_use.get(sid)
            if isinstance(last, str):  # pragma: no cover - SQLite aggregate of a DateTime column
                last = datetime.fromisoformat(last)
            if last is None or last < cutoff:
                unused.append({"script_id": sid, "category": cat, "title": ttl, "last_used": _iso(last)})
        unused.sort(key=lambda u: (u["last_used"] or "", u["script_id"]))

    return {
        "generated_at": now.isoformat(),
        "since": _iso(start),
        "agent": agent,
        "total_copies": total,
        "total_unmatched": total_unmatched,
        "most_used": most,
        "least_used": least,
        "per_category": per_category,
        "unmatched": unmatched,
        "median_seconds": {"overall": overall, "per_agent": {a: medians.get(a) for a in agents if a in medians}},
        "per_agent": per_agent,
        "per_day_category": per_day_category,
        "upset_share_by_day": upset_share,
        "unused_30d": unused,
        "dead_letters": dead_letters(url or engine.url.render_as_string(hide_password=False), spool_roots),
    }


def _upset_share_by_day(conn: Connection, where_ce: list, where_ue: list) -> list[dict[str, Any]]:
    """Per day, the buyer messages (copies and unmatched questions) whose mood was recorded,
    how many of them were upset, and the share. Rows from before moods were recorded (mood
    NULL) are left out, not counted calm. Reads the (date(ts), mood) indexes of revision 0005."""
    days: dict[str, list[int]] = {}
    for events, where in ((CE, where_ce), (UE, where_ue)):
        day = func.date(events.ts).label("day")
        rows = conn.execute(
            select(day, events.mood, func.count().label("n")).where(events.mood.is_not(None), *where).group_by(day, events.mood)
        )
        for row in rows:
            counts = days.setdefault(_iso(row.day) or "", [0, 0])
            counts[0] += row.n
            if row.mood == "upset":
                counts[1] += row.n
    return [
        {"day": d, "messages": n, "upset": u, "share": round(u / n, 4) if n else 0.0}
        for d, (n, u) in sorted(days.items())
    ]


def dead_letters(url: str, spool_roots: list | None = None) -> dict[str, Any]:
    """Events of this database that the recorder set aside because the database refused them
    (one JSON line each, in ``dead-letter.jsonl`` beside the spools): how many, and where."""
    from .db import count_lines, dead_letter_files

    files = dead_letter_files(url, spool_roots)
    return {"count": sum(count_lines(f) for f in files), "files": [str(f) for f in files]}
