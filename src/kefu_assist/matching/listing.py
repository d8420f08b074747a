"""A listing's title pasted from a shop page, with or without its tag (官方正品 丝绒雾面口红 316 哑光显白,
家用小型多功能电炸锅4 5l新款): not shopping, whatever it names (asking.address). Split from asking.py,
which reads whom a message is for; the sentence tests it shares are asking's.
"""
from __future__ import annotations

import re

# A listing pasted from a shop page: a tag first (【官方正品】, 【现摘】, 【天猫】, which normalising
# leaves as a clause of its own), then the title's string of selling words, asking nothing.
_LISTING_TAG_RE = re.compile(r"(?:\d{4}年?)?(?:官方正品|正品保障|正品|现货速发|现货|预售|自营|官方直营|官方旗舰店?|旗舰店|官方授权|品牌授权|正版授权|天猫|淘宝|京东|拼多多|新品上市|新品首发|首发|新品|新款|爆款|热卖|热销|限时秒杀|秒杀|限时|现摘|现发|包邮|顺丰包邮|顺丰速发|产地直发|厂家直销|买一送一|特价|特惠|清仓|直降|假一赔十|店长推荐|专柜正品|专柜|原装正品|原装|正版)(?= )")
_LISTING_TITLE_CHARS = 12
# ... or a title pasted without its tag (家用小型多功能大容量电炸锅4.5L新款, 温和控油洗面奶男女 120g):
# selling words strung together, with no pronoun or particle a sentence of the buyer's holds.
_SELLING_RE = re.compile(
    r"家用|多功能|大容量|小型|迷你|便携|智能|新款|爆款|男女|男士|女士|女款|男款|通用|加厚|加绒|温和|清洁|控油|保湿|补水|滋润|正品|升级款?|同款|网红|韩版|宽松|百搭|显瘦"
    r"|高端|儿童|学生|套装|礼盒|农家|正宗|特产|原生态|散装|袋装|罐装|整箱|烟熏|低帮|高帮|防摔|大码|纯棉|防水|耐用|无油|专用|进口|特级|精选|现货|速干|透气|轻薄|户外|无线|可折叠|耐磨|防滑|加大|高档|简约|ins风?|北欧|日式|复古|新鲜|手工|原味"
    # ... and those of appliances, jewellery, cars, books and stationery (静音, 纯银, 车载, 全套, 附答案)
    r"|静音|遥控|变频|节能|一级能效|冷暖|全自动|速热|即热式|两用|神器|纯银|足金|足银|s925|轻奢|小众|女款|男款|情侣|生日礼物|送女友|送男友|送老婆|送妈妈"
    r"|车载|车用|快充|通用|记忆棉|精装|全套|全册|附答案|正版|必刷|办公|考试"
)
_TITLE_NOT_RE = re.compile(r"不锈钢|不粘|不起球|不掉色|不变形|不伤手|不勒|不闷")
_SPEC_RE = re.compile(r"\d+ ?(?:g|kg|ml|l|cm|mm|m|w|寸|英寸|片|支|包|袋|盒|瓶|斤|克|毫升|升|只|件套?|粒|码)(?![a-z])")
_SENTENCE_RE = re.compile(r"[我你您他她它咱吗呢吧啊呀哦嘛哈了过么得]|这个|那个|怎|不")


def tagged_title(normalized: str) -> bool:
    """Whether a message opens on a listing's tag and goes on with at least 12 characters of title
    (官方正品 丝绒雾面口红 316 哑光显白); asking.address adds that it asks and tells nothing."""
    m = _LISTING_TAG_RE.match(normalized)
    return m is not None and len(normalized[m.end() :].replace(" ", "")) >= _LISTING_TITLE_CHARS


def without_sizes(normalized: str) -> str:
    """The text with the words that hold a sentence's characters in a title's sense taken out
    (迷你 is a size, not 你; 不锈钢 holds no 不)."""
    return _TITLE_NOT_RE.sub("", normalized.replace("迷你", "迷"))


def untagged_title(normalized: str) -> bool:
    """Whether a message reads as a title without a tag (家用小型多功能电炸锅4 5l新款): at least 12
    characters, two selling words (or one and a size or weight), no word of a sentence."""
    compact = normalized.replace(" ", "")
    if len(compact) < _LISTING_TITLE_CHARS or _SENTENCE_RE.search(without_sizes(normalized)):
        return False
    selling = len(_SELLING_RE.findall(compact))
    return selling >= 2 or (selling >= 1 and _SPEC_RE.search(normalized) is not None)
