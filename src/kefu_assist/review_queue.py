"""The review queue (待处理) without Qt: what is waiting for a team lead, and the three things a
team lead can do with each item.

Two kinds of item wait: the learned examples agents' choices made (``store.learned``, pending)
and the questions nothing answered (``store.review.unmatched_queue``). For each:

- :func:`add_as_example` writes the question into a script's examples (``library.writer``:
  spliced in, checked, atomic, ``.bak`` kept) and marks it accepted in the store;
- :func:`create_script` writes a new script with the question as its first example
  (``library.script_writer.add_script``) and marks it accepted the same way;
- :func:`dismiss` rejects a learned example, or hides an unmatched question for good.

The database is asked first (a ``SELECT 1``), so a store that is down stops an action before
the library is touched; then the library, then the store. The same question answered twice
(the library write succeeded, the store's did not) writes nothing the second time: the writer
leaves out examples the script already has.

Everything here waits for the database or the disk: the sidebar calls it on a worker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from .library import Library
    from .service import AssistService

LEARNED, UNMATCHED = "learned", "unmatched"
GUESSES = 3


class ActionFailed(Exception):
    """Why an action did not (wholly) happen, one line of Chinese for the team lead."""


@dataclass(frozen=True)
class ReviewItem:
    kind: str  # LEARNED or UNMATCHED
    question: str  # redacted, the first wording seen
    norm_key: str
    count: int  # times chosen (learned) or asked (unmatched), all agents
    agents: tuple[str, ...]  # learned: who chose it; unmatched: empty (only their number is kept)
    agent_count: int
    script_id: str = ""  # learned: the script the agents chose
    group_id: int = 0  # learned: its number (``kefu-assist learned accept N``)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.norm_key, self.script_id)


@dataclass(frozen=True)
class Guess:
    script_id: str
    title: str
    category: str
    score: float
    confident: bool


@dataclass(frozen=True)
class Outcome:
    path: Path | None  # the library file written, if any
    script_id: str
    message: str  # for the team lead, in Chinese


def load_queue(engine: "Engine") -> list[ReviewItem]:
    """The pending learned examples (most agents, then most often first), then the unmatched
    questions not dismissed (most asked first)."""
    from .store import learned, review

    items = [
        ReviewItem(LEARNED, g.question, g.norm_key, g.count, g.agents, len(g.agents), g.script_id, g.id)
        for g in learned.groups(engine, status=learned.PENDING)
    ]
    items += [ReviewItem(UNMATCHED, q.question, q.norm_key, q.count, (), q.agents) for q in review.unmatched_queue(engine)]
    return items


def guesses(service: "AssistService", question: str, limit: int = GUESSES) -> list[Guess]:
    """The matcher's best scripts for ``question``, as ranked (read as a calm buyer's: the
    soothing script an upset one gets first is no guess about what the question asks)."""
    from .checker.mood import Mood

    return [
        Guess(v.script.id, v.script.title, v.script.category, v.suggestion.score, v.suggestion.confident)
        for v in service.suggest(question, limit=limit, buyer=Mood("calm"))
    ]


def _db_message(exc: BaseException) -> str:
    from .store.db import DatabaseError, one_line

    return str(exc).strip().splitlines()[0] if isinstance(exc, DatabaseError) and str(exc).strip() else one_line(exc)


def open_engine(engine: "Callable[[], Engine]") -> "Engine":
    """The engine from its getter (which waits for a connection), asked a ``SELECT 1``: a store
    that is down stops an action here, before the library is touched."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    from .store.db import DatabaseError

    try:
        eng = engine()
        with eng.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (DatabaseError, SQLAlchemyError, OSError) as exc:
        raise ActionFailed(f"数据库不可用，未作任何修改：{_db_message(exc)}") from None
    return eng


def _write(what: "Callable[[], Any]") -> Any:
    from .library.writer import WriteError

    try:
        return what()
    except WriteError as exc:
        raise ActionFailed(f"未写入话术库：{exc}") from None
    except OSError as exc:
        raise ActionFailed(f"无法写入话术库：{exc.strerror or exc}") from None


def _settle(engine: "Engine", item: ReviewItem, script_id: str, agent: str, path: Path) -> None:
    """The store's side of an accept: the question is an accepted example of ``script_id``,
    the agents' other choice for it (if any) is rejected, and it leaves the unmatched list
    (answered now, whichever list it came from)."""
    from sqlalchemy.exc import SQLAlchemyError

    from .store import learned, review
    from .store.db import DatabaseError

    try:
        if item.kind == LEARNED and item.script_id == script_id:
            learned.set_status(engine, item.group_id, learned.ACCEPTED)
        else:
            if item.kind == LEARNED:
                learned.set_status(engine, item.group_id, learned.REJECTED)
            learned.add_accepted(engine, script_id, [item.question], agent)
        review.dismiss(engine, item.norm_key)
    except (DatabaseError, SQLAlchemyError) as exc:
        raise ActionFailed(
            f"已写入 {path.name}，但没能记入数据库（{_db_message(exc)}）：数据库恢复后对它点「加为例句」到同一条话术即可补记"
        ) from None


def add_as_example(engine: "Callable[[], Engine]", library: str | Path, item: ReviewItem, script_id: str, agent: str = "") -> Outcome:
    """Write ``item``'s question into ``script_id``'s examples, then mark it accepted.
    :class:`ActionFailed` says why not (the library untouched unless the message says so)."""
    from .library.writer import add_examples

    eng = open_engine(engine)
    result = _write(lambda: add_examples(library, script_id, [item.question]))
    _settle(eng, item, script_id, agent, result.path)
    where = result.path.name
    if result.added:
        return Outcome(result.path, script_id, f"已加为例句：{item.question} → {script_id}（{where}）")
    return Outcome(result.path, script_id, f"{script_id} 已有这条例句（{where}），已标为已处理")


_SLUG = re.compile(r"[^a-z0-9_]+")


def new_script_id(library: "Library", category: str, title: str, taken: "Iterable[str]" = ()) -> str:
    """An id for a new script: ``category.`` and the initials of the title's pinyin (ASCII
    letters and digits as they are), numbered when the library or ``taken`` has it:
    ``shipping_fee.njby``, ``…njby2``."""
    from .library.pinyin import initials_of

    stem = "".join(next(iter(initials_of(ch)), "") for ch in title.strip().lower())
    stem = _SLUG.sub("", stem)[:24] or "new"
    used = {s.id for s in library.scripts} | set(taken)
    candidate = f"{category}.{stem}"
    n = 2
    while candidate in used:
        candidate = f"{category}.{stem}{n}"
        n += 1
    return candidate


def create_script(engine: "Callable[[], Engine]", library: str | Path, item: ReviewItem, fields: dict[str, Any], agent: str = "") -> Outcome:
    """Write a new script (``fields``: id, category, title, replies …) with the question as
    its first example, then mark the question accepted for it. Fails as :func:`add_as_example`."""
    from .library.writer import add_script

    wanted = dict(fields)
    if not str(wanted.get("title", "")).strip():
        raise ActionFailed("请填写话术标题")
    replies = [r for r in (str(x).strip() for x in wanted.get("replies") or []) if r]
    if not replies:
        raise ActionFailed("请填写回复内容")
    wanted["title"] = " ".join(str(wanted["title"]).split())
    wanted["replies"] = replies
    wanted["examples"] = [item.question, *[e for e in wanted.get("examples") or [] if e != item.question]]
    eng = open_engine(engine)
    result = _write(lambda: add_script(library, wanted))
    _settle(eng, item, result.script_id, agent, result.path)
    return Outcome(result.path, result.script_id, f"已新建话术「{wanted['title']}」（{result.script_id}，{result.path.name}）")


def dismiss(engine: "Callable[[], Engine]", item: ReviewItem) -> Outcome:
    """忽略: a learned example is rejected (later copies of the pair too); an unmatched question
    is hidden for good (the usage figures still count it)."""
    from sqlalchemy.exc import SQLAlchemyError

    from .store import learned, review
    from .store.db import DatabaseError

    eng = open_engine(engine)
    try:
        if item.kind == LEARNED:
            learned.set_status(eng, item.group_id, learned.REJECTED)
            return Outcome(None, item.script_id, f"已忽略学习例句：{item.question} → {item.script_id}")
        review.dismiss(eng, item.norm_key)
    except (DatabaseError, SQLAlchemyError) as exc:
        raise ActionFailed(f"数据库不可用，未忽略：{_db_message(exc)}") from None
    return Outcome(None, "", f"已忽略：{item.question}")
