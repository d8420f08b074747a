"""The trained models' one file format: their JSON, gzip-compressed (the reply model's 1.57 MB of
JSON is 249 KB so; the release bundle has a size budget). Written deterministically (no time stamp,
no file name, a fixed OS byte), so training again on the same corpus gives the same bytes."""
from __future__ import annotations

import gzip
import io
import json
import zlib
from pathlib import Path
from typing import Any


def write(path: Path, text: str) -> None:
    """Write ``text`` (the model's JSON) to ``path`` as gzip, byte for byte reproducible."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=buffer, mtime=0) as out:
        out.write(text.encode("utf-8"))
    path.write_bytes(buffer.getvalue())


def read(path: Path) -> Any:
    """The JSON in a gzip file. A file that is not gzip, is cut short or holds no valid JSON raises
    ValueError (a missing one OSError), naming the file."""
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise ValueError(f"{path}: not a complete gzip file ({exc})") from exc
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 inside the gzip ({exc})") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: {exc}") from exc
