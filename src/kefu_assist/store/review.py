"""The unmatched questions of the review queue (待处理): counted across agents by normalised
key, without the ones a team lead dismissed (table ``dismissed_questions``, revision 0007)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Engine, func, insert, select

from .models import DismissedQuestion, UnmatchedQuestion


@dataclass(frozen=True)
class QueuedQuestion:
    norm_key: str
    question: str  # redacted, the first wording seen
    count: int  # times asked, all agents
    agents: int


def unmatched_queue(engine: Engine, *, limit: int = 200) -> list[QueuedQuestion]:
    """The unmatched questions not dismissed, the most asked first."""
    dismissed = select(DismissedQuestion.norm_key)
    query = (
        select(UnmatchedQuestion.norm_key, func.min(UnmatchedQuestion.question), func.sum(UnmatchedQuestion.count),
               func.count(func.distinct(UnmatchedQuestion.agent)), func.max(UnmatchedQuestion.last_seen))
        .where(UnmatchedQuestion.norm_key.not_in(dismissed))
        .group_by(UnmatchedQuestion.norm_key)
        .order_by(func.sum(UnmatchedQuestion.count).desc(), func.max(UnmatchedQuestion.last_seen).desc(), UnmatchedQuestion.norm_key)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [QueuedQuestion(k, q, int(c), int(a)) for k, q, c, a, _ in conn.execute(query)]


def dismiss(engine: Engine, norm_key: str) -> bool:
    """Hide ``norm_key`` from the queue; False when it already was."""
    with engine.begin() as conn:
        if conn.execute(select(DismissedQuestion.norm_key).where(DismissedQuestion.norm_key == norm_key)).first():
            return False
        conn.execute(insert(DismissedQuestion).values(norm_key=norm_key, ts=datetime.now(timezone.utc).replace(tzinfo=None)))
        return True
