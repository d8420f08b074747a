"""How to use a product is a care/usage question (保养/保修/安装): connecting or pairing a device
with a console, a computer or a phone, the driver or app that adjusts its settings, cleaning it, and
the warranty typed as 保休 (休 for 修). Before, a driver or app asked for got no confident card."""
from __future__ import annotations

import pytest

from .families import family_misses

PRODUCT_USE = [
    "手柄要怎么连到switch上", "游戏手柄能连平板吗", "蓝牙耳机怎么跟手机配对", "键盘的驱动在哪下载",
    "想把鼠标灵敏度调低 用什么软件", "摄像头要装什么app才能看", "耳塞上沾了耳屎 怎么清理干净",
    "耳机里面脏了 怎么清洗", "保休期是多久", "这个保休几年", "还在保休期内吗",
]


@pytest.mark.parametrize("message", PRODUCT_USE)
def test_product_use_gets_the_care_card(matcher, message):
    assert family_misses(matcher, [message], "care_warranty") == []


@pytest.mark.parametrize("message", ["确保休息好再发货"])
def test_other_words_with_the_same_characters_are_left_alone(message):
    from kefu_assist.matching.normalize import normalize

    assert "保修" not in normalize(message)
