"""What a buyer declines before asking the real thing (session 29): 发票不用开了 赠品也不要 就便宜点吧
asks for a lower price, not an invoice; 不是不想要 就是颜色拍错了 帮我改一下 asks for an order change, not a
cancellation. A clause that only declines a thing (不要发票, 赠品不要了, 别的颜色都不要) or takes back a
decline (不是不想要) names a scenario the buyer is not asking for: the matcher reads the message without it, while another clause of the message asks something (asking.asks). A decline
told alone (不要发票了, 我不要了) is still read as it is: it is what the buyer has to say.
"""
from __future__ import annotations

import re

from .asking import asks

# The extras and options a buyer turns down (the order itself, 不要了, is no extra: a cancellation).
_EXTRA = (r"(?:纸质|电子|普通|增值税)?发票|赠品|小?礼品|小?礼物|贺卡|卡片|包装|礼盒|盒子|纸箱|袋子|手提袋|小票|说明书|运费险|优惠券|券|积分|备注|吊牌|标签|试用装|小样"
          r"|赠送的|送的|(?:那个|这个)?赠品|顺丰|加急|返现|好评返现|红包|别的颜色|其他颜色|别的色|别的码|其他尺码|其他的?|别的")
_FILLER = r"(?:了|啦|哈|呢|哦|呀|的|吧)*"
_DECLINED_RE = re.compile(
    "|".join(
        [
            # 不要发票, 发票不用开了, 也不需要赠品, 别放贺卡, 不用给我送小礼品
            r"(?:我|俺|那|那就|就|也|都|我们|俺们)?(?:不要|不用|不需要|无需|不必|别|甭)(?:给我|帮我|给俺|帮俺)?(?:开|放|送|给|寄|发|写|加|带|附|塞|用|走)?(?:了)?(?:" + _EXTRA + r")" + _FILLER,
            r"(?:" + _EXTRA + r")(?:都|也|就|我)?(?:不要|不用|不需要|不必)(?:开|放|送|给|寄|发|写|加|带|附|用|走)?" + _FILLER,
            # a decline taken back (不是不想要, 也不是不要了)
            r"(?:我|俺)?(?:也|倒)?不是不(?:想要|要|想买|喜欢)" + _FILLER,
        ]
    )
)


def declines(clause: str) -> bool:
    """Whether a clause does nothing but decline an extra or take back a decline."""
    return _DECLINED_RE.fullmatch(clause.strip()) is not None


def asked_clauses(normalized: str) -> list[str]:
    """The clauses of a normalised message that ask something: a clause that only declines (declines)
    is no question (the sidebar's "N 个问题" counts these); the whole message when every clause declines."""
    from .normalize import clauses

    parts = clauses(normalized)
    return [part for part in parts if not declines(part)] or parts


# What opens the request after a decline typed without a break (不要发票直接便宜点行不, 赠品不要了帮我改个地址):
# a request of its own, long enough to say what it asks (not 不要赠品可以吗, which asks about the decline)
_REQUEST_AFTER_RE = re.compile(r"(?:直接|就|那就|只要|帮我|给我|帮俺|给俺|麻烦|能|可以|请)[^ ]{3,}")


def _without_decline(part: str) -> str:
    """A clause without the decline opening it, when a request of its own follows (_REQUEST_AFTER_RE);
    the clause itself when it only declines (declines) or holds no decline."""
    if declines(part):
        return ""
    found = _DECLINED_RE.match(part)
    if found is None or not _REQUEST_AFTER_RE.fullmatch(part[found.end():]):
        return part
    return part[found.end():]


def undeclined(normalized: str) -> str:
    """The message without its clauses that only decline (declines) and the declines opening a
    request (不要发票直接便宜点行不), when what is left asks something (asking.asks); otherwise the
    message as it is."""
    parts = [p for p in normalized.split(" ") if p]
    kept = [q for q in (_without_decline(p) for p in parts) if q]
    if kept == parts or not kept:
        return normalized
    rest = " ".join(kept)
    return rest if asks(rest) else normalized
