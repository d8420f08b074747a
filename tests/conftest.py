"""Shared test set-up: Qt offscreen, and every per-user folder pointed into a temp dir so that no
test reads or writes the real home (settings, usage database, jieba cache)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="kefu-assist-tests-"))
for _name in ("DATA", "CONFIG", "CACHE"):
    os.environ[f"KEFU_ASSIST_{_name}_DIR"] = str(_HOME / _name.lower())
os.environ.pop("KEFU_ASSIST_DB", None)

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shipped_library_path() -> Path:
    return REPO / "resources" / "scripts.yaml"


@pytest.fixture(scope="session")
def shared_eval_dir() -> Path:
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip(f"the shared eval set is not beside the checkout ({path})")
    return path
