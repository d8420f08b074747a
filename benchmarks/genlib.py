"""A large, realistic library for speed and memory measurements: 10,000 scripts x 5 examples by
default, written as the YAML a team lead would have, derived from the shipped library's own
examples (its vocabulary and sentence shapes) combined with product names and buyer fillers."""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kefu_assist.library import CATEGORIES, load_library  # noqa: E402

PRODUCTS = (
    "连衣裙 T恤 牛仔裤 羽绒服 卫衣 衬衫 半身裙 运动鞋 帆布鞋 凉鞋 双肩包 手提包 保温杯 水杯 蓝牙耳机 充电宝 数据线 手机壳 台灯 "
    "床单 四件套 枕头 毛巾 拖鞋 袜子 围巾 帽子 手套 口红 面膜 洗面奶 防晒霜 香水 洗发水 沐浴露 牙刷 电饭煲 炒锅 菜刀 "
    "收纳盒 衣架 雨伞 行李箱 眼镜 手表 项链 耳环 戒指 玩具 积木 绘本 钢笔 笔记本 书包 猫粮 狗粮 茶叶 咖啡 坚果 零食"
).split()
PREFIXES = ("", "", "亲 ", "老板 ", "客服 ", "你好 ", "请问 ", "掌柜的 ", "亲亲 ", "在吗 ")
SUFFIXES = ("", "", "", "？", "呀", "呢", "啊", "!", "~", "？？")
COLOURS = ("黑色", "白色", "红色", "蓝色", "灰色", "粉色", "米色", "")
SIZES = ("S码", "M码", "L码", "XL码", "均码", "")


def generate(source: Path, scripts: int, examples: int, seed: int = 7) -> dict:
    result = load_library(source)
    if result.library is None:
        raise SystemExit(f"cannot load {source}: {result.errors[0]}")
    base = [s for s in result.library.scripts if s.examples]
    rng = random.Random(seed)
    out = []
    for i in range(scripts):
        template = rng.choice(base)
        product = rng.choice(PRODUCTS)
        colour, size = rng.choice(COLOURS), rng.choice(SIZES)
        chosen = rng.sample(template.examples, k=min(examples, len(template.examples)))
        while len(chosen) < examples:
            chosen.append(rng.choice(template.examples))
        exs = []
        for j, ex in enumerate(chosen):
            detail = rng.choice((product, f"这款{product}", f"{colour}{product}", f"{product}{size}", f"{product} {colour} {size}", ""))
            text = ex if j % 2 else f"{detail}{ex}"
            exs.append(f"{rng.choice(PREFIXES)}{text}{rng.choice(SUFFIXES)}".strip())
        out.append(
            {
                "id": f"gen.{template.id}.{i:05d}",
                "category": template.category,
                "title": f"{product}·{template.title}",
                "examples": list(dict.fromkeys(exs)),
                "keywords": list(template.keywords[:2]),
                "replies": [r.replace("亲，", f"亲，这款{product}", 1) for r in template.replies],
            }
        )
    return {
        "version": 1,
        "placeholders": dict(result.library.placeholders),
        "vocabulary": list(result.library.vocabulary) + list(PRODUCTS),
        "synonyms": [list(g) for g in result.library.synonyms],
        "categories": {k: v for k, v in result.library.categories.items() if k not in CATEGORIES},  # the source's own
        "scripts": out,
    }


def write(path: Path, scripts: int = 10_000, examples: int = 5, source: Path | None = None) -> Path:
    data = generate(source or ROOT / "resources" / "scripts.yaml", scripts, examples)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False, width=1000)
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--scripts", type=int, default=10_000)
    parser.add_argument("--examples", type=int, default=5)
    args = parser.parse_args()
    print(write(args.output, args.scripts, args.examples))
