"""Written Cantonese in the buyer-mood reading (canto28). Buyers from Guangdong, Guangxi and Fujian write
唔覆, 冇人理, 收钱唔做嘢, 呃人: the cues and the trained tone were written for Mandarin and read little
of it (a fresh Cantonese set: upset found 62.5 %, calm flagged 11.2 %, against 86-97 % and 0-4 % on
other fresh sets). Here the message is read as the Mandarin the matcher reads (matching/dialect.py
and matching/cantonese.py: 唔 -> 不, 冇 -> 没, 覆 -> 回, 呃人 -> 骗人), with each character of the
reading mapped back to the span of the message it came from, so that cues found in the reading
point into the message the agent sees.

- ``reading(folded)``: the Mandarin reading and its spans, or None when there is nothing to read;
- ``find_cues(text, folded, find)``: the cues ``find`` sees in the reading (mapped back), and those
  of the message as written whose words are Cantonese (the table's own 顶唔顺, 冇眼睇 rules);
- ``CANTO_CUES``: Cantonese anger the Mandarin reading does not carry (衰人, 玩死我, 好寸, 当我水鱼),
  merged into the cue table by ``mood.py``;
- ``as_read(folded)``: the reading alone, for the tone's grams (moodmodel.py), so that it is trained
  and read on the same Mandarin.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable, Sequence

from ..matching.dialect import CANTONESE
from .moodcues import _c

_CHANGED = {k: v for k, v in CANTONESE.items() if k != v}
# (identity entries stay in the pattern: a longer Mandarin word, 联系, is read first and keeps its 系)
_RE = re.compile("|".join(sorted(map(re.escape, CANTONESE), key=len, reverse=True)))
# Characters only Cantonese writes: a cue of the message as written that holds one is Cantonese's own
_CANTO_ONLY = frozenset("".join(k for k in _CHANGED if len(k) == 1 and k.strip()) + "覆攰揿撳嘥")


def reading(folded: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The Mandarin reading of a folded message and, for each of its characters, the span of the
    message it reads (a word read as a longer one maps each character to the whole word); None when
    nothing in the message is Cantonese."""
    if _RE.search(folded) is None:
        return None
    text = folded
    spans = [(i, i + 1) for i in range(len(folded))]
    changed = False
    for _ in range(4):  # to a fixed point, as dialect.as_mandarin (啲样 -> 点样 -> 怎么)
        out: list[str] = []
        out_spans: list[tuple[int, int]] = []
        pos = 0
        for m in _RE.finditer(text):
            word = m.group()
            said = _CHANGED.get(word)
            if said is None:
                continue
            out.append(text[pos : m.start()])
            out_spans.extend(spans[pos : m.start()])
            whole = (spans[m.start()][0], spans[m.end() - 1][1])
            out.append(said)
            out_spans.extend([whole] * len(said))
            pos = m.end()
        if pos == 0:
            break
        out.append(text[pos:])
        out_spans.extend(spans[pos:])
        text, spans, changed = "".join(out), out_spans, True
    return (text, spans) if changed else None


def as_read(folded: str) -> str:
    """The Mandarin reading of a folded message (the message itself when nothing is Cantonese)."""
    read = reading(folded)
    return folded if read is None else read[0]


def find_cues(text: str, folded: str, find: Callable[[str, str], list[Any]], untypo: Callable[[str], str]) -> list[Any]:
    """``find(text, folded)`` (``mood._cues``) read through the Mandarin reading, offsets into ``text``."""
    read = reading(folded)
    if read is None:
        return find(text, untypo(folded))
    said, spans = read
    found: list[Any] = []
    for cue in find(said, untypo(said)):
        start, end = spans[cue.start][0], spans[cue.end - 1][1]
        found.append(replace(cue, text=text[start:end], start=start, end=end))
    for cue in find(text, untypo(folded)):
        own = any(ch in _CANTO_ONLY for ch in folded[cue.start : cue.end])
        if own and not any(c.start < cue.end and cue.start < c.end for c in found):
            found.append(cue)
    return found


# Cantonese anger that the reading leaves Cantonese or reads as words no Mandarin cue names. Written on the
# reading (唔 is 不 there, 冇 没, 咗 了, 嘢 东西) and on the message as written (both are searched).
CANTO_CUES: Sequence = (
    # names for the shop or its staff: 衰人, 衰店, 衰公司 (衰 alone is also "unlucky": 衰咗 / 好衰运 stay calm), 废柴, 戆居, 冇王管
    _c("insult", 1.0, r"衰(人|嘢|东西|佬|婆|店|铺|公司|客服|老板|嘢)|(好|咁|真|太)衰(?!运|气)|废柴|戆(居|尻|鸠)|(没|冇)王管|扑街(?!仔)",
       r"(我|自己)[^，。！？]{0,2}(好|真|太)?衰"),
    # taken for a fool: 当我水鱼, 当我傻仔, 当我白痴, 博懵, 食水深 (overcharging)
    _c("fooled", 1.0, r"当(我|人|客)(系|是)?(水鱼|傻仔|傻佬|白痴|傻子|傻瓜|盲|老襟|羊牯)|博(懵|大懵)|食水(好|咁|太)?深|(水鱼|羊牯)(咩|吗|啊|呀)?[?？]"),
    # toyed with, talked down to, dragged around: 玩死我, 玩嘢, 好寸, 扮唔知, 推来推去, hea
    _c("reproach", 1.0, r"(玩|搞)(死|残)(我|人)|(俾|被|畀|给)你(们|哋)?(玩|搞)(死|残)|(好|咁|这么|太|真)(嚣张|寸)|扮(不|唔)知|(推|踢)(来|嚟)(推|踢)(去|下)"
       r"|(?<![a-z])hea(?![a-z])|收(钱|咗钱|了钱)(不|唔)(做事|做嘢|理|管|认)",
       r"(唔|不|没|冇)(好|咁|太)寸"),
    # a lie told: 讲大话 (read 说谎), 讲一套做一套, 冇信用, 冇良心
    _c("reproach", 1.0, r"(又|成日|总是|一直|都系|都是)?说谎|讲一套做一套|说一套做一套|(没|冇)(信用|诚信|良心|天理)"),
    # giving up on the shop in Cantonese: 唔会再嚟, 以后都唔帮衬, 最后一次帮衬
    _c("letdown", 0.6, r"(不会|唔会|冇)再(来|嚟|买|帮衬|信)|以后(都)?(不|唔)(会)?(再)?(帮衬|买|来|嚟)|最后一次(帮衬|买)"),
    # a threat to call the order off if the wait goes on (再拖我就唔要), a small thing the shop cannot do (咁简单都搞唔掂), and
    # the shop saying one thing and then another (又话得 又话唔得)
    _c("waiting", 1.0, r"再(拖|等|唔发|不发|唔寄|不寄)[^，。！？]{0,4}(我)?就(不要|唔要|退|取消|投诉|差评|报警)"),
    _c("reproach", 1.0, r"(咁|这么|那么)(简单|容易|小)的?(事|嘢|东西|问题)?[^，。！？]{0,3}(都|也)(搞|做|弄|处理|办)(不|唔)(掂|定|好|到|来)"),
    _c("reproach", 1.0, r"(又|一时|一会)(说|话)[^，。！？]{1,8}[，。！？\s]+[^，。！？]{0,8}(又|一时|一会)(说|话)", unless_message=(r"哈哈|😂|🤣",)),
    # urging a reply: 覆我啦, 回我啦, 喂喂喂, 有冇人 (after marks)
    _c("urging", 0.6, r"(回|覆)(我|下我|一下我)(啦|喇|啊|呀|先)|喂[\s,，]*喂[\s,，]*喂"),
    # worn out by it: 好累 ... 不想再, 好烦
    _c("distress", 0.6, r"(好|很|真|太)(累|烦|攰)[^。！？]{0,8}(不想|唔想|不要|唔要)(再)?"),
)
