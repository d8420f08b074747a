"""The shipped library and a matcher over it, built once per test module, for the matching tests
that judge what buyers' messages get."""
from __future__ import annotations

import pytest

from kefu_assist.library import load_library
from kefu_assist.matching import build_matcher


@pytest.fixture(scope="module")
def library(shipped_library_path):
    return load_library(shipped_library_path).library


@pytest.fixture(scope="module")
def matcher(library):
    return build_matcher(library)
