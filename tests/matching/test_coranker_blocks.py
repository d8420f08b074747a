"""The co-ranker's training forms its non-zeros x classes products a block of rows (or of
features) at a time (coranker.BLOCK_VALUES), to keep a large library's build small: the weights
are the same to the last bit whatever the block size, so a block size never changes a match."""
from __future__ import annotations

import pytest

from kefu_assist.matching import coranker

pytest.importorskip("numpy")

_WORDINGS = {
    "shipping_time": ["今天能发出去不", "几号给我寄", "下单后多久发走", "明儿个能发货么", "咋还不发呢"],
    "shipping_fee": ["运费多少钱", "偏远地区包不包邮", "邮费谁来出", "新疆要加运费吗"],
    "size": ["一米六五穿多大", "脚宽选大一码吗", "腰围二尺二拿哪个", "M码偏小不"],
    "stock": ["白的还有货吗", "啥时候补货", "42码断了没"],
    coranker.OFFTOPIC: ["哈哈哈", "吃饭了没", "今天下雨了", "好的谢谢", "拜拜啦"],
}


def _samples() -> list[tuple[str, str, float]]:
    out = [(text, label, 1.0) for label, texts in _WORDINGS.items() for text in texts]
    out.append(("到底 发不发 货 3天了", "shipping_time", 0.5))  # a learned example, weighted less
    out.append((" ", "stock", 1.0))  # a text with no grams at all: an empty row
    return out


def _arrays(ranker: coranker.CoRanker) -> tuple:
    return (ranker.classes, ranker.keys, ranker.ids, ranker.idf, ranker.weights, ranker.bias, ranker.gate, ranker.gate_bias)


@pytest.mark.parametrize("block", [1, 7, 64, 1000])
def test_the_weights_do_not_depend_on_the_block_size(block, monkeypatch):
    monkeypatch.setattr(coranker, "BLOCK_VALUES", 1 << 40)  # one block: every row, every feature at once
    whole = coranker.train(_samples())
    monkeypatch.setattr(coranker, "BLOCK_VALUES", block)
    blocked = coranker.train(_samples())
    assert whole is not None and blocked is not None
    assert _arrays(blocked) == _arrays(whole)
    for text in ("还有白的吗", "运费咋算", "几时发货", "嘿嘿"):
        assert blocked.proba_and_gate(text) == whole.proba_and_gate(text)
