"""tests/conftest.py fails a test that logs an error (log.error, log.exception, from any thread)
unless it is marked logs_errors. Checked by running small test files with pytester."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.logs_errors  # the inner runs are in-process: their errors reach this test's handler too

CONFTEST = (Path(__file__).parent / "conftest.py").read_text(encoding="utf-8")


@pytest.fixture
def run(pytester):
    pytester.makeconftest(CONFTEST)
    pytester.makeini("[pytest]\nmarkers =\n    logs_errors: expected\n")

    def go(body: str):
        pytester.makepyfile(test_it="import logging, threading\nimport pytest\nlog = logging.getLogger('kefu_assist.x')\n" + body)
        return pytester.runpytest_inprocess("-p", "no:cacheprovider")

    return go


@pytest.mark.parametrize("call", [
    "log.error('boom')",
    "log.critical('boom')",
    "\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        log.exception('swallowed')",
    "t = threading.Thread(target=lambda: log.error('in a thread')); t.start(); t.join()",
])
def test_a_logged_error_fails_the_test(run, call):
    result = run(f"def test_x():\n    {call}\n")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*error(s) logged during the test*"])


def test_a_warning_or_an_expected_error_does_not(run):
    result = run(
        "def test_warning():\n    log.warning('only a warning')\n\n"
        "@pytest.mark.logs_errors\ndef test_expected(caplog):\n    log.error('expected')\n    assert 'expected' in caplog.text\n"
    )
    result.assert_outcomes(passed=2)
