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


def test_the_index_key_covers_every_module_the_matcher_is_split_into(tmp_path):
    # matcher.py keys its index with code_id(matcher.__file__): every module holding matcher
    # code (its base classes, the helpers and types it imports) must be among the sources that
    # digest reads, so that an edit to any of them invalidates cached indexes
    import inspect
    import shutil
    import sys
    from pathlib import Path

    import kefu_assist.matching.matcher as matcher

    package = Path(matcher.__file__).resolve().parent
    modules = {sys.modules[cls.__module__] for cls in matcher.Matcher.__mro__ if cls is not object}
    modules |= {inspect.getmodule(obj) for obj in vars(matcher).values() if inspect.isfunction(obj) or inspect.isclass(obj)}
    ours = {m for m in modules if m is not None and m.__name__.startswith("kefu_assist.matching.")}
    assert {"kefu_assist.matching.indexing", "kefu_assist.matching.helpers", "kefu_assist.matching.types"} <= {m.__name__ for m in ours}
    copy = tmp_path / "matching"
    copy.mkdir()
    for module in ours:
        assert Path(module.__file__).resolve().parent == package, module.__name__
        shutil.copy(module.__file__, copy)
    shutil.copy(matcher.__file__, copy)
    code_id.cache_clear()
    before = code_id(str(copy / "matcher.py"))
    for module in sorted(ours, key=lambda m: m.__name__):
        edited = copy / Path(module.__file__).name
        text = edited.read_text(encoding="utf-8")
        edited.write_text(text + "# edited\n", encoding="utf-8")
        code_id.cache_clear()
        assert code_id(str(copy / "matcher.py")) != before, module.__name__
        edited.write_text(text, encoding="utf-8")
    code_id.cache_clear()
