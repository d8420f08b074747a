"""Entry point of the frozen build: the same as the `kefu-assist` command.

The bundle also ships the shipped library's index (with the co-ranker's weights) and the jieba
dictionary's prefix table, so that a first start need neither train nor build the table. The
program itself finds them: index_cache.load and tokenize's Segmenter read the user's cache first
and the bundle's read-only cache folder (paths.shipped_cache_dir()) after a miss, and
paths.file_key keys the bundle's own dictionary by its place in the bundle, so the keys computed
at build time hold on every agent's machine. Nothing here changes how the program runs.

``ship`` is build.py's step that puts them there. It lives here, not in the package, because
build.py runs on a plain Python without the project's dependencies; the names below are the
package's (paths.SHIPPED_CACHE, index_cache.SHIPPED_SUFFIX, Segmenter.SHIPPED_SUFFIX), and
tests/test_packaging.py checks that they agree.
"""
from __future__ import annotations

import sys
import zlib
from pathlib import Path

SHIPPED_INDEX = ("kefu_assist", "index")  # under the bundle's folder (sys._MEIPASS): paths.SHIPPED_CACHE
SHIPPED_SUFFIX = ".index.zlib"  # index_cache's pickle, zlib-compressed (3.1 MB -> 1.0 MB; 10 ms to inflate)
DICTIONARY_SUFFIX = ".zlib"  # after tokenize's dictionary-KEY.bin (1.2 MB -> 0.5 MB)


def ship(cache: Path, target: Path) -> list[Path]:
    """build.py: the one index and the one dictionary table the frozen program saved in its
    cache folder ``cache``, compressed into the bundle folder ``target`` under the same keys."""
    index = sorted((cache / "index").glob("*.index"))
    table = sorted((cache / "jieba").glob("dictionary-*.bin"))
    if len(index) != 1 or len(table) != 1:
        raise RuntimeError(f"expected one index and one dictionary table in {cache}, found {len(index)} and {len(table)}")
    target.mkdir(parents=True, exist_ok=True)
    written = [target / (index[0].name.removesuffix(".index") + SHIPPED_SUFFIX), target / (table[0].name + DICTIONARY_SUFFIX)]
    for source, out in zip((index[0], table[0]), written):
        out.write_bytes(zlib.compress(source.read_bytes(), 9))
    return written


def main() -> int:
    from kefu_assist.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
