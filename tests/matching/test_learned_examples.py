"""Examples learned from agents' choices reach the matcher: the same message finds the chosen
script first, a close rewording finds it among the first three, and a learned wording never
outranks the library's own example of the same words."""
from __future__ import annotations

import pytest

from kefu_assist.service import AssistService


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    import os

    home = tmp_path_factory.mktemp("learned")
    old = {k: os.environ.get(k) for k in ("KEFU_ASSIST_CACHE_DIR", "KEFU_ASSIST_DATA_DIR")}
    os.environ.update(KEFU_ASSIST_CACHE_DIR=str(home), KEFU_ASSIST_DATA_DIR=str(home))
    from kefu_assist.resources import default_library_path

    svc = AssistService()
    assert svc.load(default_library_path()).library is not None
    yield svc
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def _ids(service: AssistService, message: str, n: int = 3) -> list[str]:
    return [v.script.id for v in service.suggest(message, limit=n)]


# (a wording the shipped library does not answer well, the script an agent chose, a rewording)
CHOICES = [
    ("这个能不能寄到香港", "courier.other", "能寄香港吗"),
    ("可以用美元付款吗 paypal", "payment.credit_card", "能用paypal付吗"),
    ("你们家有实体店吗", "greeting.hello", "有线下实体店吗"),
]


@pytest.mark.parametrize(("message", "script_id", "rewording"), CHOICES)
def test_one_learned_choice_puts_the_script_first_and_helps_a_rewording(service, message, script_id, rewording):
    assert service.library.get(script_id) is not None
    service.set_learned([])
    before = _ids(service, message, 1)
    assert before != [script_id]  # otherwise there is nothing to learn
    assert service.set_learned([(script_id, message)])
    first = service.suggest(message, limit=5)[0]
    assert first.script.id == script_id and first.suggestion.confident
    assert script_id in _ids(service, rewording, 3)


def test_a_learned_wording_stays_below_the_librarys_own(service):
    service.set_learned([])
    own = _ids(service, "包邮吗", 1)
    assert service.set_learned([("bargain.general", "包邮吗")])
    assert _ids(service, "包邮吗", 1) == own


def test_the_same_examples_do_not_rebuild(service):
    pairs = [("courier.other", "这个能不能寄到香港")]
    service.set_learned(pairs)
    matcher = service._require().matcher
    assert service.set_learned(list(reversed(pairs))) is False
    assert service._require().matcher is matcher
    assert service.learned_count == 1
