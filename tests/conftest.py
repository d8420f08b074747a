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

import logging  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# Timings are never asserted in tests: hypothesis's 200 ms deadline per example is one (the first
# example of test_a_damaged_shipped_index_is_ignored took 862 ms on a loaded machine). Most property
# tests said deadline=None one by one; this is the default for every one of them now.
settings.register_profile("kefu-assist", deadline=None)
settings.load_profile("kefu-assist")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shipped_library_path() -> Path:
    return REPO / "resources" / "scripts.yaml"


@pytest.fixture(scope="module")
def shipped_service():
    """An AssistService with the shipped library loaded, one per test module (its cache goes to
    the temp folder set above)."""
    from kefu_assist.resources import default_library_path
    from kefu_assist.service import AssistService

    svc = AssistService()
    assert svc.load(default_library_path()).ok
    return svc


@pytest.fixture()
def service_with(tmp_path):
    """``service_with(yaml_text)``: an AssistService with that library (written to the test's
    temporary folder) loaded."""
    from kefu_assist.service import AssistService

    def load(text: str):
        path = tmp_path / "lib.yaml"
        path.write_text(text, encoding="utf-8")
        svc = AssistService()
        assert svc.load(path).ok
        return svc

    return load


@pytest.fixture(scope="session")
def shared_eval_dir() -> Path:
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip(f"the shared eval set is not beside the checkout ({path})")
    return path


# -- a logged error fails the test ------------------------------------------------------------
# An error logged during a test (log.error, log.exception, from any thread) is a failure unless
# the test says it expects one with @pytest.mark.logs_errors; such a test should then assert on
# what was logged (caplog). Otherwise a swallowed exception passes silently.
class _ErrorRecords(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _describe(record: logging.LogRecord) -> str:
    text = f"{record.levelname} {record.name}: {record.getMessage()}"
    if record.exc_info and record.exc_info[1] is not None:
        text += f" ({type(record.exc_info[1]).__name__}: {record.exc_info[1]})"
    return text


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        result = yield
    finally:
        root.removeHandler(handler)
    if handler.records and item.get_closest_marker("logs_errors") is None:
        logged = "; ".join(_describe(r) for r in handler.records[:5])
        pytest.fail(f"{len(handler.records)} error(s) logged during the test (mark it "
                    f"@pytest.mark.logs_errors if they are expected, and assert on them): {logged}", pytrace=False)
    return result
