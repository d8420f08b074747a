"""The index build's shortcuts (issue 10's build speed) compute exactly what the plain way does:
the script centroids' norms summed in C equal the loop over every feature, the co-ranker's
training samples taken from the build's normalised texts equal the texts normalised again, and
the cyclic collector stays off for the build and comes back as it was."""
from __future__ import annotations

import gc
import math
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kefu_assist.matching import MatcherConfig, build_matcher
from kefu_assist.matching.gc_pause import gc_paused
from kefu_assist.matching.normalize import normalize


def _learned(library) -> list[tuple[str, str, float]]:
    ids = [s.id for s in library.matchable]
    # made-up wordings an agent might teach, one of them a library example already
    return [(ids[0], "这个东西能便宜一点卖给我不", 0.5), (ids[5], "啥时候能到货啊 急用", 0.7), (ids[5], "哪天能到", 1.0), (ids[1], library.matchable[1].examples[0], 0.5)]


@pytest.fixture(scope="module", params=["library's own", "with learned examples"])
def built(request, library):
    extra = _learned(library) if request.param == "with learned examples" else []
    return build_matcher(library, extra_examples=extra)


def _plain_centroid_inv_norms(m) -> list[float]:
    """Each script's centroid norm the plain way: a loop over every feature of every example."""
    per_example: list[list[int]] = [[] for _ in range(m.example_count)]
    for fid, posting in enumerate(m._postings):
        for e_idx in posting:
            per_example[e_idx].append(fid)
    out = []
    starts = m._script_examples
    for s_idx in range(len(starts) - 1):
        c: dict[int, float] = {}
        for e_idx in range(starts[s_idx], starts[s_idx + 1]):
            for fid in per_example[e_idx]:
                c[fid] = c.get(fid, 0.0) + m._fweight[fid] * m._ex_inv_norm[e_idx]
        out.append(1.0 / (math.sqrt(sum(v * v for v in c.values())) or 1.0))
    return out


def test_centroid_norms_are_those_of_the_plain_loop(built):
    plain = _plain_centroid_inv_norms(built)
    assert len(plain) == len(built._centroid_inv_norm) > 100
    # the order of a script's features may differ from the build's, so the last bit may too
    assert all(math.isclose(a, b, rel_tol=1e-12) for a, b in zip(built._centroid_inv_norm, plain))
    assert sum(1 for a in built._centroid_inv_norm if a != 1.0) > 100  # not vacuous


def test_training_samples_are_the_examples_normalised_again(built, library, monkeypatch):
    from kefu_assist.matching import coranker

    trained_on = []
    real = coranker.train
    monkeypatch.setattr(coranker, "train", lambda samples: trained_on.append(list(samples)) or real(samples))
    m = build_matcher(library, extra_examples=built._extra)
    assert len(trained_on) == 1
    assert "_ex_normalized" not in m.__dict__  # handed to the training, then dropped
    again = m._training_samples()  # now without them: every text normalised afresh
    assert trained_on[0] == again
    assert again == [(normalize(t), label, w) for t, label, w in again]
    assert len(again) > 2000 and "__chatter__" in {label for _, label, _ in again}
    plain = build_matcher(library, extra_examples=built._extra, config=MatcherConfig(coranker=False))
    assert "_ex_normalized" not in plain.__dict__  # never kept when nothing trains on it


def test_a_build_runs_no_collection_and_restores_the_collector(library):
    starts = []

    def count(phase, info):
        if phase == "start":
            starts.append(info["generation"])

    assert gc.isenabled()
    gc.callbacks.append(count)
    try:
        build_matcher(library)
    finally:
        gc.callbacks.remove(count)
    # 2,400 examples allocate far more than the 700 objects that start a pass (200 passes with
    # the collector on); the one allowed is the young generation's pass once it is back on
    assert len(starts) <= 1
    assert gc.isenabled()


def test_a_collector_switched_off_stays_off(library):
    gc.disable()
    try:
        build_matcher(library, config=MatcherConfig(coranker=False, hurry=False))
        assert not gc.isenabled()
    finally:
        gc.enable()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 2), st.booleans()), max_size=8), st.booleans())
def test_overlapping_pauses_bring_the_collector_back_once_the_last_ends(plan, enabled):
    """Any interleaving of builds in threads: off while any runs, then as it was before."""
    (gc.enable if enabled else gc.disable)()
    try:
        depth = 0
        stack = []
        for _, opens in plan:
            if opens or not stack:
                cm = gc_paused()
                cm.__enter__()
                stack.append(cm)
                depth += 1
            else:
                stack.pop().__exit__(None, None, None)
                depth -= 1
            assert gc.isenabled() == (enabled and depth == 0)
        while stack:
            stack.pop().__exit__(None, None, None)
        assert gc.isenabled() == enabled
    finally:
        gc.enable()


def test_pauses_in_threads():
    barrier = threading.Barrier(3)
    seen = []

    def build():
        with gc_paused():
            barrier.wait()
            seen.append(gc.isenabled())
            barrier.wait()

    threads = [threading.Thread(target=build) for _ in range(2)]
    for t in threads:
        t.start()
    barrier.wait()
    barrier.wait()
    for t in threads:
        t.join()
    assert seen == [False, False] and gc.isenabled()
