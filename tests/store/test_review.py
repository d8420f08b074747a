"""The review queue's unmatched questions: summed across agents, dismissed ones gone for good."""
from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import insert

from kefu_assist.store import db
from kefu_assist.store.models import UnmatchedQuestion
from kefu_assist.store.redact import question_key
from kefu_assist.store.review import dismiss, unmatched_queue


@pytest.fixture
def engine(db_url):
    engine = db.open_database(db_url)
    yield engine
    engine.dispose()


def _ask(engine, agent: str, question: str, count: int) -> None:
    now = datetime(2026, 11, 29, 10, 0)
    with engine.begin() as conn:
        conn.execute(insert(UnmatchedQuestion).values(agent=agent, question=question, norm_key=question_key(question),
                                                      count=count, first_seen=now, last_seen=now))


def test_counts_across_agents_and_dismissed_questions_leave_the_queue(engine):
    _ask(engine, "小美", "能寄到南极吗", 2)
    _ask(engine, "小王", "能寄到南极吗？", 3)
    _ask(engine, "小王", "有没有紫色的", 1)
    queue = unmatched_queue(engine)
    assert [(q.count, q.agents) for q in queue] == [(5, 2), (1, 1)]
    assert queue[0].norm_key == question_key("能寄到南极吗")
    assert dismiss(engine, queue[0].norm_key) is True
    assert dismiss(engine, queue[0].norm_key) is False
    _ask(engine, "小李", "能寄到南极吗!", 4)  # asked again later: still dismissed
    assert [q.question for q in unmatched_queue(engine)] == ["有没有紫色的"]
