from kefu_assist import __version__
from kefu_assist.code_id import code_id


def test_an_edited_source_changes_the_id_and_a_bundle_without_sources_keeps_the_version(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    module = package / "matcher.py"
    module.write_text("WEIGHT = 1\n", encoding="utf-8")
    first = code_id(str(module))
    assert first.startswith(__version__ + "+")
    module.write_text("WEIGHT = 2\n", encoding="utf-8")
    code_id.cache_clear()
    assert code_id(str(module)) != first
    frozen = tmp_path / "frozen"
    frozen.mkdir()
    assert code_id(str(frozen / "matcher.pyc")) == __version__


def test_the_caches_are_keyed_by_the_code_that_fills_them():
    import kefu_assist.library.loader as loader
    import kefu_assist.matching.matcher as matcher

    assert code_id(loader.__file__) != code_id(matcher.__file__)
    assert code_id(loader.__file__).startswith(__version__ + "+")
