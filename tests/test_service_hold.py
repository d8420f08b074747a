"""AssistService.load keeps the library in use when the new one has no scripts, and holds a new
one back while the caller's ``hold`` says so, until adopt_held."""
from __future__ import annotations

import pytest

from kefu_assist.service import AssistService


def _write(path, n: int) -> None:
    body = "".join(
        f"  - id: greeting.s{i}\n    category: greeting\n    title: 问候{i}\n    examples: [第{i}号在吗]\n    replies: [\"亲{i}\"]\n"
        for i in range(n)
    )
    path.write_text("version: 1\nscripts:\n" + body if n else "version: 1\nscripts: []\n", encoding="utf-8")


@pytest.fixture(autouse=True)
def _dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("KEFU_ASSIST_CACHE_DIR", str(tmp_path / "cache"))


def test_a_library_without_scripts_never_replaces_the_one_in_use(tmp_path):
    path = tmp_path / "lib.yaml"
    service = AssistService()
    _write(path, 0)
    service.load(path)
    assert not service.ready
    _write(path, 3)
    service.load(path)
    _write(path, 0)
    service.load(path)
    assert len(service.library.scripts) == 3


def test_hold_keeps_the_new_library_back_until_adopted(tmp_path):
    path = tmp_path / "lib.yaml"
    service = AssistService()
    _write(path, 6)
    service.load(path, hold=lambda old, new: True)  # nothing in use yet: nothing to hold back for
    assert len(service.library.scripts) == 6 and service.held is None
    _write(path, 2)
    service.load(path, hold=lambda old, new: len(new.scripts) < len(old.scripts))
    assert len(service.library.scripts) == 6 and len(service.held.scripts) == 2
    assert service.adopt_held() and len(service.library.scripts) == 2 and service.held is None
    assert not service.adopt_held()
    _write(path, 1)
    service.load(path, hold=lambda old, new: True)
    service.drop_held()
    assert service.held is None and len(service.library.scripts) == 2
