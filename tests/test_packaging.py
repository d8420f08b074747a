"""The release build's rules (packaging/bundle_rules.py, packaging/build.py), checked without
building: what the bundle keeps and drops, its name, the one version source, and how dist/ is
updated when it holds older builds."""
from __future__ import annotations

import hashlib
import os
import importlib.util
import re
import subprocess
import sys
import tomllib
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str):
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "packaging"))


rules = _load("bundle_rules")


# -- the one version ------------------------------------------------------------------------
def test_version_has_one_source():
    import kefu_assist

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"], "pyproject must not repeat the version"
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/kefu_assist/__init__.py"
    assert rules.project_version(ROOT) == kefu_assist.__version__


def test_command_line_version_is_the_package_version():
    import kefu_assist

    proc = subprocess.run([sys.executable, "-m", "kefu_assist", "--version"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == f"kefu-assist {kefu_assist.__version__}"


def test_repository_has_the_mit_licence_pyproject_declares():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == {"text": "MIT"}
    assert text.startswith("MIT License") and "kefu-assist contributors" in text


@given(st.lists(st.integers(0, 999), min_size=1, max_size=4), st.sampled_from(["", "rc1", "a2", ".dev3", "b1"]))
def test_version_tuple_takes_the_leading_numbers(numbers, suffix):
    version = ".".join(map(str, numbers)) + suffix
    assert rules.version_tuple(version) == tuple(numbers)


@pytest.mark.parametrize("bad", ["", "v1.0", "dev"])
def test_version_tuple_refuses_a_version_without_numbers(bad):
    with pytest.raises(ValueError):
        rules.version_tuple(bad)


@pytest.mark.parametrize(("system", "machine", "tag"), [
    ("linux", "x86_64", "linux-x86_64"), ("win32", "AMD64", "windows-x86_64"),
    ("darwin", "arm64", "macos-arm64"), ("linux", "aarch64", "linux-arm64"),
])
def test_folder_name_says_version_and_platform(system, machine, tag):
    assert rules.folder_name("1.2.3", system, machine) == f"kefu-assist-1.2.3-{tag}"


# -- what the bundle keeps ------------------------------------------------------------------
LINUX_QT = "PySide6/Qt"
WINDOWS_QT = "PySide6"


@pytest.mark.parametrize("qt", [LINUX_QT, WINDOWS_QT])
@pytest.mark.parametrize("sep", ["/", "\\"])
def test_translations_and_unused_plugins_are_dropped(qt, sep):
    def p(path: str) -> str:
        return path.replace("/", sep)

    assert not rules.keep_data(p(f"{qt}/translations/qtbase_de.qm"))
    assert not rules.keep_data(p(f"{qt}/translations/qtdeclarative_zh_CN.qm"))
    assert not rules.keep_data(p(f"{qt}/translations/qt_zh_CN.qm"))
    assert rules.keep_data(p(f"{qt}/translations/qtbase_zh_CN.qm"))  # Qt's own words in Chinese (ui/app.py)
    assert not rules.keep_binary(p(f"{qt}/plugins/imageformats/libqpdf.so"))
    assert not rules.keep_binary(p(f"{qt}/plugins/tls/qopensslbackend.dll"))
    assert not rules.keep_binary(p(f"{qt}/plugins/xcbglintegrations/libqxcb-glx-integration.so"))
    assert not rules.keep_binary(p(f"{qt}/plugins/platformthemes/libqgtk3.so"))
    assert not rules.keep_binary(p(f"{qt}/plugins/platforms/libqwayland.so"))
    assert not rules.keep_binary(p(f"{qt}/plugins/wayland-shell-integration/libxdg-shell.so"))
    assert rules.keep_binary(p(f"{qt}/plugins/platforms/libqxcb.so"))
    assert rules.keep_binary(p(f"{qt}/plugins/platforms/qwindows.dll"))
    assert rules.keep_binary(p(f"{qt}/plugins/imageformats/libqsvg.so"))
    assert rules.keep_binary(p(f"{qt}/plugins/iconengines/qsvgicon.dll"))
    assert rules.keep_binary(p(f"{qt}/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so"))
    assert rules.keep_binary(p(f"{qt}/plugins/styles/qmodernwindowsstyle.dll"))


@pytest.mark.parametrize("name", ["libQt6OpenGL.so.6", "Qt6OpenGL.dll", "libQt6Network.so.6", "Qt6Pdf.dll",
                                  "libQt6Quick.so.6", "libQt6QmlModels.so.6", "Qt6UiTools.dll", "libQt6WaylandClient.so.6"])
def test_qt_libraries_of_dropped_modules_are_dropped(name):
    assert not rules.keep_binary(f"PySide6/Qt/lib/{name}")
    assert not rules.keep_binary(f"PySide6/{name}")


@pytest.mark.parametrize("name", ["libQt6Core.so.6", "Qt6Gui.dll", "libQt6Widgets.so.6", "libQt6Svg.so.6",
                                  "libQt6XcbQpa.so.6", "libQt6DBus.so.6", "libicuuc.so.73"])
def test_qt_libraries_the_sidebar_needs_are_kept(name):
    assert rules.keep_binary(f"PySide6/Qt/lib/{name}")


def test_opencc_keeps_its_dictionaries_not_its_development_files():
    assert rules.keep_data("opencc/clib/share/opencc/t2s.json")
    assert rules.keep_data("opencc/clib/share/opencc/TSPhrases.ocd2")
    assert not rules.keep_data("opencc/clib/share/opencc/s2t.json")
    assert not rules.keep_data("opencc/clib/share/opencc/STPhrases.ocd2")
    assert rules.keep_binary("opencc/clib/opencc_clib.cpython-311-x86_64-linux-gnu.so")
    for dev in ("opencc/clib/include/opencc/Config.hpp", "opencc/clib/lib64/libopencc.a", "opencc/clib/lib64/cmake/opencc/OpenCCConfig.cmake",
                "opencc/clib/lib64/pkgconfig/opencc.pc", "opencc/clib/bin/opencc", "opencc/clib/lib/opencc.lib"):
        assert not rules.keep_data(dev) and not rules.keep_binary(dev), dev


def test_opencc_keeps_what_the_one_conversion_the_program_runs_reads(tmp_path):
    """The program opens only OpenCC's t2s (every OpenCC(...) in src/); the files the bundle keeps
    of OpenCC's data, alone in a folder, convert as the whole installed set does."""
    import json as _json
    import shutil

    import opencc

    configs = set()
    for path in (ROOT / "src" / "kefu_assist").rglob("*.py"):
        configs |= set(re.findall(r"OpenCC\(\s*[\"']([^\"']+)[\"']", path.read_text(encoding="utf-8")))
    assert configs == {"t2s"}
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    installed = {p.name for p in share.iterdir()}
    assert rules.OPENCC_KEPT <= installed and len(installed) > len(rules.OPENCC_KEPT)
    for name in installed:
        assert rules.keep_data(f"opencc/clib/share/opencc/{name}") is (name in rules.OPENCC_KEPT), name
    named = {m for m in re.findall(r'"file"\s*:\s*"([^"]+)"', (share / "t2s.json").read_text(encoding="utf-8"))}
    assert named | {"t2s.json"} == set(rules.OPENCC_KEPT)
    for name in rules.OPENCC_KEPT:
        shutil.copy(share / name, tmp_path / name)
    text = "能開發票嗎？這個顏色還有貨嗎，謝謝。臺灣發貨嗎"
    assert opencc.OpenCC(str(tmp_path / "t2s.json")).convert(text) == opencc.OpenCC("t2s").convert(text) == "能开发票吗？这个颜色还有货吗，谢谢。台湾发货吗"
    assert _json.loads((tmp_path / "t2s.json").read_text(encoding="utf-8"))["conversion_chain"]


@given(st.lists(st.text(st.characters(codec="ascii", exclude_characters="/\\\x00"), min_size=1, max_size=12), min_size=1, max_size=5))
def test_our_own_resources_are_always_kept(parts):
    dest = "kefu_assist/resources/" + "/".join(parts)
    if not dest.endswith((".a", ".lib", ".h", ".hpp", ".pc", ".cmake", ".pyi", ".prl")) and "/".join(parts) not in rules.TRAINING_ONLY_RESOURCES:
        assert rules.keep_data(dest)


@pytest.mark.parametrize("sep", ["/", "\\"])
def test_training_corpora_are_left_out_and_what_the_program_reads_is_kept(sep):
    """The corpora only training reads stay out; every other file of resources/ goes in: the
    trained weights, the chatter the program trains the co-ranker on, the library, the dictionary."""
    shipped = {p.name for p in (ROOT / "resources").iterdir() if p.is_file()}
    assert {"reply_corpus.tsv", "mood_corpus.tsv"} <= shipped
    assert rules.TRAINING_ONLY_RESOURCES == {"reply_corpus.tsv", "mood_corpus.tsv"}
    for name in shipped:
        dest = sep.join(["kefu_assist", "resources", name])
        assert rules.keep_data(dest) is (name not in rules.TRAINING_ONLY_RESOURCES), name
    for kept in ("chatter.txt", "reply_model.json.gz", "mood_model.json.gz", "question_model.bin", "scripts.yaml", "jieba_dict.txt"):
        assert kept in shipped and rules.keep_data(f"kefu_assist/resources/{kept}"), kept
    # only our resources/ folder: a file of the same name elsewhere is someone else's
    assert rules.keep_data("otherpkg/reply_corpus.tsv")
    assert rules.keep_data("kefu_assist/resources/ui/mood_corpus.tsv")


def test_nothing_the_program_runs_reads_a_training_corpus():
    """Only the training entry points name the corpora left out of the bundle."""
    allowed = {"checker/replymodel.py", "checker/replytrain.py", "checker/moodmodel.py", "checker/mood.py"}
    src = ROOT / "src" / "kefu_assist"
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in rules.TRAINING_ONLY_RESOURCES | {"CORPUS_NAME"}:
            if name in text:
                assert path.relative_to(src).as_posix() in allowed, (path, name)


# -- dist/ with older builds ----------------------------------------------------------------
@pytest.fixture()
def build_module():
    if str(ROOT / "packaging") not in sys.path:
        sys.path.insert(0, str(ROOT / "packaging"))
    return _load("build")


def test_place_replaces_only_the_same_build(tmp_path, build_module):
    dist = tmp_path / "dist"
    older = dist / "kefu-assist-0.0.9-linux-x86_64"
    older.mkdir(parents=True)
    (older / "kefu-assist").write_text("old")
    same = dist / "kefu-assist-0.1.0-linux-x86_64"
    same.mkdir()
    (same / "stale-file").write_text("stale")
    build_module.archive_path(same).write_text("old archive")
    staging = tmp_path / "staging" / same.name
    staging.mkdir(parents=True)
    (staging / "kefu-assist").write_text("new")

    placed = build_module.place(staging, dist)

    assert placed == same
    assert (same / "kefu-assist").read_text() == "new" and not (same / "stale-file").exists()
    assert not build_module.archive_path(same).exists(), "the old archive of the same build must go"
    assert (older / "kefu-assist").read_text() == "old", "another version's build stays"


def test_sums_keep_other_archives_and_replace_this_one(tmp_path, build_module):
    dist = tmp_path
    other = dist / "kefu-assist-0.0.9-linux-x86_64.tar.gz"
    other.write_bytes(b"other")
    gone = "kefu-assist-0.0.8-linux-x86_64.tar.gz"
    this = dist / "kefu-assist-0.1.0-linux-x86_64.tar.gz"
    this.write_bytes(b"new")
    (dist / "SHA256SUMS").write_text(f"{'0' * 64}  {this.name}\n{hashlib.sha256(b'other').hexdigest()}  {other.name}\n{'1' * 64}  {gone}\n")

    build_module.update_sums(dist, this)

    lines = (dist / "SHA256SUMS").read_text().splitlines()
    assert lines == sorted([f"{hashlib.sha256(b'other').hexdigest()}  {other.name}", f"{hashlib.sha256(b'new').hexdigest()}  {this.name}"], key=lambda line: line.split("  ")[1])
    assert all(re.fullmatch(r"[0-9a-f]{64}  \S+", line) for line in lines)


def test_smoke_test_allows_only_the_startup_trace_on_stderr():
    smoke = _load("smoke")
    assert smoke.unexpected_stderr("kefu-assist-trace start 1.0 100\nkefu-assist-trace ready 2.0 120\n") == []
    assert smoke.unexpected_stderr("kefu-assist-trace start 1.0 100\nqt.qpa.plugin: could not load\n") == ["qt.qpa.plugin: could not load"]


def test_prune_keeps_what_roots_need_and_drops_orphans(tmp_path):
    files = {}
    for dest in ("PySide6/QtWidgets.abi3.so", "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Gui.so.6",
                 "PySide6/Qt/plugins/platforms/libqxcb.so", "libxcb.so.1", "libcairo.so.2", "libpango-1.0.so.0",
                 "python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", "libssl.so.3", "libcrypto.so.3", "libpython3.11.so.1.0", "libz.so.1"):
        path = tmp_path / dest.replace("/", "_")
        path.write_bytes(b"\x7fELF")
        files[dest] = str(path)
    links = {"PySide6/QtWidgets.abi3.so": ["libQt6Widgets.so.6"], "PySide6/Qt/lib/libQt6Widgets.so.6": ["libQt6Gui.so.6"],
             "PySide6/Qt/plugins/platforms/libqxcb.so": ["/usr/lib/libxcb.so.1"], "libcairo.so.2": ["libpango-1.0.so.0"],
             "python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so": ["libssl.so.3"], "libssl.so.3": ["libcrypto.so.3"],
             "libpython3.11.so.1.0": ["libz.so.1"]}
    by_source = {files[d]: links.get(d, []) for d in files}
    toc = [(dest, src, "BINARY") for dest, src in files.items()]

    kept = {dest for dest, _, _ in rules.prune_unreachable(toc, lambda source: by_source[source])}

    assert kept == set(files) - {"libcairo.so.2", "libpango-1.0.so.0"}


def test_notices_copy_declared_files_and_fill_in_those_a_wheel_lacks(tmp_path):
    notices = _load("notices")
    shipped = tmp_path / "LICENSE.APACHE"
    shipped.write_text("Apache text")
    base = {"classifiers": [], "author": "", "home": "", "declared": []}
    assert notices.dist_notice({**base, "name": "packaging", "version": "1", "license": "Apache-2.0", "files": [str(shipped)]}, tmp_path / "out") == ["LICENSE.APACHE"]
    assert (tmp_path / "out" / "packaging-1" / "LICENSE.APACHE").read_text() == "Apache text"

    notices.dist_notice({**base, "name": "jieba", "version": "0.42.1", "license": "UNKNOWN", "classifiers": ["MIT License"], "author": "Sun, Junyi", "files": []}, tmp_path / "out")
    mit = (tmp_path / "out" / "jieba-0.42.1" / "LICENSE.txt").read_text()
    assert "Copyright (c) Sun, Junyi" in mit and "THE SOFTWARE IS PROVIDED \"AS IS\"" in mit

    notices.dist_notice({**base, "name": "PySide6_Essentials", "version": "6.11.3", "license": "LGPL-3.0-only", "files": []}, tmp_path / "out")
    assert "../Qt/LGPL-3.0.txt" in (tmp_path / "out" / "PySide6_Essentials-6.11.3" / "LICENSE.txt").read_text()
    for name in ("LGPL-3.0.txt", "GPL-3.0.txt", "ICU.txt"):
        assert (ROOT / "packaging" / "licenses" / name).stat().st_size > 500


def test_symlinks_to_dropped_libraries_are_dropped_too():
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY")]
    datas = [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
             ("libQt6OpenGL.so.6", "PySide6/Qt/lib/libQt6OpenGL.so.6", "SYMLINK"),
             ("PySide6/Qt/lib/libQt6Gui.so", "libQt6Gui.so.6", "SYMLINK"),
             ("PySide6/Qt/lib/libQt6Core.so", "libQt6Core.so.6", "SYMLINK"),
             ("a/b/c.so", "../../PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
             ("kefu_assist/resources/scripts.yaml", "/src/scripts.yaml", "DATA")]
    kept = [entry[0] for entry in rules.drop_dangling_symlinks(datas, binaries)]
    assert kept == ["libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so", "a/b/c.so", "kefu_assist/resources/scripts.yaml"]


def test_vendored_libraries_are_named_with_their_licence(tmp_path):
    notices = _load("notices")
    lines = notices.vendored_library_notices([["psycopg_binary.libs/libssl-6a9b88ec.so.3", "/x"], ["psycopg_binary.libs/libpq-e9b5c9ac.so.5.18", "/y"],
                                              ["PySide6/Qt/lib/libQt6Core.so.6", "/z"]], tmp_path)
    assert len(lines) == 2
    assert "OpenSSL [Apache-2.0]" in lines[1] and "PostgreSQL" in lines[0]


@pytest.mark.parametrize("name", sorted(rules.SYSTEM_LIBRARIES))
def test_libraries_that_must_match_the_desktop_are_not_bundled(name):
    assert not rules.keep_binary(name)
    assert rules.keep_binary("libxcb-cursor.so.0") and rules.keep_binary("libstdc++.so.6")


# -- binaries copied as they are --------------------------------------------------------------
@pytest.mark.parametrize("dest", ["numpy.libs/libscipy_openblas64_-32a4b2a6.so", "numpy.libs/libgfortran-040039e1-0352e75f.so.5.0.0",
                                  "psycopg_binary.libs/libpq-e9b5c9ac.so.5.18", "psycopg_binary.libs\\libssl-6a9b88ec.so.3",
                                  "libscipy_openblas64_-32a4b2a6.so", "libcom_err-2abe824b.so.2.1"])
def test_libraries_auditwheel_rewrote_are_never_stripped(dest):
    assert rules.never_strip(dest)


@pytest.mark.parametrize("dest", ["PySide6/Qt/lib/libQt6Core.so.6", "libpython3.11.so.1.0", "libstdc++.so.6", "libxcb-cursor.so.0",
                                  "numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so", "python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
                                  "libicudata.so.73", "libX11-xcb.so.1"])
def test_other_binaries_are_stripped(dest):
    assert not rules.never_strip(dest)


# -- NumPy, trimmed ---------------------------------------------------------------------------
def test_the_co_ranker_trains_without_the_numpy_parts_the_bundle_leaves_out():
    """Every NumPy module the bundle excludes made unimportable (as in the bundle): importing
    NumPy and training the co-ranker still work, and give the same weights."""
    code = (
        "import sys\n"
        "for name in sys.argv[1:]:\n"
        "    sys.modules[name] = None  # import fails, as when the bundle left it out\n"
        "import numpy\n"
        "from kefu_assist.matching.coranker import train\n"
        "samples = [('包邮吗', 'shipping', 1.0), ('发什么快递', 'logistics', 1.0), ('能开发票吗', 'invoice', 1.0), ('今天好冷啊', '__chatter__', 1.0)] * 3\n"
        "ranker = train(samples)\n"
        "print(ranker.classes, max(ranker.proba('包邮吗').items(), key=lambda kv: kv[1])[0], sum(ranker.weights))\n"
    )
    excluded = [m for m in rules.EXCLUDED_MODULES if m.startswith("numpy")]
    assert "numpy.random" in excluded and "numpy._core._multiarray_tests" in excluded
    trimmed = subprocess.run([sys.executable, "-c", code, *excluded], capture_output=True, text=True, timeout=120)
    whole = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert trimmed.returncode == 0, trimmed.stderr
    assert trimmed.stdout == whole.stdout and trimmed.stdout.split()[-2] == "shipping"


def test_numpy_modules_left_out_are_not_loaded_by_importing_numpy():
    proc = subprocess.run([sys.executable, "-c", "import sys, numpy; print('\\n'.join(sys.modules))"], capture_output=True, text=True, timeout=60, check=True)
    loaded = set(proc.stdout.split())
    excluded = [m for m in rules.EXCLUDED_MODULES if m.startswith("numpy")]
    assert not [m for m in excluded if any(name == m or name.startswith(m + ".") for name in loaded)]


# -- no test tools in the bundle --------------------------------------------------------------
def test_smoke_test_finds_every_test_tool_in_a_bundle():
    smoke = _load("smoke")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = {re.split(r"[\[<>=!~;\s]", r, maxsplit=1)[0].lower() for r in project["project"]["dependencies"] + project["project"]["optional-dependencies"]["postgres"]}
    tools = {re.split(r"[\[<>=!~;\s]", r, maxsplit=1)[0].lower() for r in project["project"]["optional-dependencies"]["test"]} - runtime
    tools = {t.replace("-", "_") for t in tools if not t.startswith("types-")}
    for tool in tools:  # as a package folder, as its dist-info and as a module in the executable
        module = {"pytest_qt": "pytestqt"}.get(tool, tool)
        for name in (module, f"{tool}-1.0.dist-info", f"{module}.sub.module"):
            assert smoke.test_tools_in(["PySide6", "numpy", name, "kefu_assist.ui"]) == [name.split("-")[0].split(".")[0].lower()], name
    for name in ("pygments", "_pytest.assertion", "Pygments-2.18.0.dist-info"):
        assert smoke.test_tools_in([name]), name


def test_smoke_test_passes_the_packages_the_program_runs_on():
    smoke = _load("smoke")
    runtime = ["PySide6", "shiboken6", "numpy", "numpy.libs", "rapidfuzz", "opencc", "yaml", "_yaml", "ruamel", "sqlalchemy", "alembic",
               "platformdirs", "pypinyin", "filelock", "Xlib", "psycopg", "psycopg_binary", "psycopg_binary.libs", "kefu_assist",
               "kefu_assist.resources", "base_library.zip", "python3.11", "libpython3.11.so.1.0", "PySide6-6.11.3.dist-info", "jieba_dict.txt"]
    assert smoke.test_tools_in(runtime) == []


# -- the shipped index ------------------------------------------------------------------------
launcher = _load("launcher")


@contextmanager
def frozen(root: Path):
    """Run as the frozen build unpacked in ``root`` does (PyInstaller's sys.frozen, sys._MEIPASS)."""
    with mock.patch.object(sys, "frozen", True, create=True), mock.patch.object(sys, "_MEIPASS", str(root), create=True):
        yield


@pytest.fixture()
def bundles(tmp_path, monkeypatch):
    """Two unpacked copies of a bundle's dictionary in different places, with different file
    times; no dictionary loaded in this process yet."""
    from kefu_assist.matching import tokenize
    from kefu_assist.resources import resource_path

    monkeypatch.setattr(tokenize, "_segmenters", {})
    made = []
    for number, name in enumerate(("a", "somewhere/else/b")):
        root = tmp_path / name / "_internal"
        dictionary = root / "kefu_assist" / "resources" / "jieba_dict.txt"
        dictionary.parent.mkdir(parents=True)
        dictionary.write_bytes(resource_path("jieba_dict.txt").read_bytes())
        os.utime(dictionary, ns=(10**18 + number * 10**9, 10**18 + number * 10**9))
        made.append((root, dictionary))
    return made


def _matcher(dictionary, cache):
    from kefu_assist.library import load_library
    from kefu_assist.matching import Matcher, MatcherConfig
    from kefu_assist.resources import resource_path

    library = load_library(resource_path("scripts.yaml")).library
    return Matcher(library, dictionary=dictionary, cache_dir=cache, config=MatcherConfig(coranker=False, hurry=False))


def test_the_launcher_ships_under_the_names_the_program_reads():
    from kefu_assist import paths
    from kefu_assist.matching import index_cache
    from kefu_assist.matching.tokenize import Segmenter

    assert launcher.SHIPPED_INDEX == paths.SHIPPED_CACHE
    assert launcher.SHIPPED_SUFFIX == index_cache.SHIPPED_SUFFIX
    assert launcher.DICTIONARY_SUFFIX == Segmenter.SHIPPED_SUFFIX


def test_a_bundle_finds_the_index_shipped_in_it_wherever_it_was_unpacked(bundles, tmp_path, monkeypatch, capfd):
    import kefu_assist.ui.app  # noqa: F401 - the sidebar's start-up trace, which smoke.py reads (no Qt)
    from kefu_assist.matching import tokenize

    (root_a, dict_a), (root_b, dict_b) = bundles
    with frozen(root_a):  # build.py: the frozen program in its build folder
        built = _matcher(dict_a, tmp_path / "cache-a")
    assert not built.from_cache
    shipped = launcher.ship(tmp_path / "cache-a", root_b.joinpath(*launcher.SHIPPED_INDEX))
    assert [p.name.split(".")[-1] for p in shipped] == ["zlib", "zlib"]

    # the agent's machine: another place, another file time, the same size (the key), but no
    # dictionary: the table can only come from the bundle
    dict_b.write_bytes(b"\xff" * dict_b.stat().st_size)
    monkeypatch.setattr(tokenize, "_segmenters", {})
    monkeypatch.setenv("KEFU_ASSIST_TRACE_STARTUP", "1")
    capfd.readouterr()
    with frozen(root_b):
        first = _matcher(dict_b, tmp_path / "agent-cache")
    assert first.from_cache, "the shipped index was not found"
    assert "kefu-assist-trace shipped-index " in capfd.readouterr().err
    assert not (tmp_path / "agent-cache" / "index").exists() or not list((tmp_path / "agent-cache" / "index").glob("*.index"))
    tables = list((tmp_path / "agent-cache" / "jieba").glob("dictionary-*.bin"))
    assert [t.name + launcher.DICTIONARY_SUFFIX for t in tables] == [shipped[1].name], "the shipped dictionary table was not used"
    assert tables[0].read_bytes() == next((tmp_path / "cache-a" / "jieba").glob("dictionary-*.bin")).read_bytes()
    assert [(s.script_id, s.score) for s in first.suggest("能开发票吗")] == [(s.script_id, s.score) for s in built.suggest("能开发票吗")]
    assert shipped[0].stat().st_size < (tmp_path / "cache-a" / "index").joinpath(shipped[0].name.replace(launcher.SHIPPED_SUFFIX, ".index")).stat().st_size / 2


def test_a_dictionary_outside_the_bundle_keeps_its_own_key(bundles, tmp_path):
    from kefu_assist.matching import MatcherConfig, index_cache

    (root_a, dict_a), (_root_b, dict_b) = bundles
    library = object.__new__(type("L", (), {"vocabulary": (), "synonyms": (), "scripts": ()}))
    config = MatcherConfig()
    unfrozen = {d: index_cache.digest(library, d, config, "1") for d in (dict_a, dict_b)}
    with frozen(root_a):
        assert index_cache.digest(library, dict_b, config, "1") == unfrozen[dict_b]
        assert index_cache.digest(library, dict_a, config, "1") != unfrozen[dict_a]


@given(st.binary(max_size=200))
def test_a_damaged_shipped_index_is_ignored(data):
    import tempfile
    import zlib

    from kefu_assist.matching import index_cache

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "_internal"
        folder = root.joinpath(*launcher.SHIPPED_INDEX)
        folder.mkdir(parents=True)
        for payload in (data, zlib.compress(data)):
            (folder / f"k{launcher.SHIPPED_SUFFIX}").write_bytes(payload)
            with frozen(root):
                assert index_cache.load(Path(tmp) / "cache", "k") is None
        assert index_cache.read_shipped(folder / "missing", "k") is None


def test_a_shipped_index_under_another_key_is_ignored(tmp_path):
    import pickle
    import zlib

    from kefu_assist import sealed
    from kefu_assist.matching import index_cache

    folder = tmp_path.joinpath(*launcher.SHIPPED_INDEX)
    folder.mkdir(parents=True)
    (folder / f"k{launcher.SHIPPED_SUFFIX}").write_bytes(zlib.compress(sealed.seal(pickle.dumps({"__key__": "other", "x": 1}))))
    with frozen(tmp_path):
        assert index_cache.load(tmp_path / "cache", "k") is None
    (folder / f"k{launcher.SHIPPED_SUFFIX}").write_bytes(zlib.compress(sealed.seal(pickle.dumps({"__key__": "k", "x": 1}))))
    with frozen(tmp_path):
        assert index_cache.load(tmp_path / "cache", "k") == {"__key__": "k", "x": 1}


# -- size report ------------------------------------------------------------------------------
def test_size_report_states_numpy_apart_and_the_budget_counts_the_rest(tmp_path, build_module):
    folder = tmp_path / "kefu-assist-0.1.0-linux-x86_64"
    files = {"kefu-assist": 1000, "_internal/numpy/_core/_multiarray_umath.so": 300, "_internal/numpy.libs/libscipy_openblas64_-1234abcd.so": 500,
             "_internal/PySide6/Qt/lib/libQt6Core.so.6": 200, "_internal/python3.11/lib-dynload/_json.so": 7, "_internal/libpython3.11.so.1.0": 50}
    for rel, size in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(b"x" * size)
    (folder / "_internal" / "libscipy_openblas64_-1234abcd.so").symlink_to("numpy.libs/libscipy_openblas64_-1234abcd.so")
    groups = build_module.size_report(folder, {"numpy": 40, "kefu_assist": 60})
    assert groups[build_module.NUMPY] == 840
    assert groups["executables (all Python code, compressed, ours included)"] == 960
    assert groups["Python (interpreter, standard library extensions)"] == 57
    assert sum(groups.values()) == sum(files.values())
    build_module.check_budget(150.0)
    if sys.platform.startswith("linux"):
        with pytest.raises(build_module.BuildError):
            build_module.check_budget(150.1)


# -- licence texts ----------------------------------------------------------------------------
def test_licence_files_of_one_name_in_different_folders_are_all_kept(tmp_path):
    """NumPy's wheel has licenses/LICENSE.txt (NumPy, OpenBLAS, the GCC runtime) and
    licenses/numpy/linalg/lapack_lite/LICENSE.txt: the second must not replace the first."""
    notices = _load("notices")
    top, nested = tmp_path / "top.txt", tmp_path / "nested.txt"
    top.write_text("NumPy, OpenBLAS, GCC runtime")
    nested.write_text("LAPACK lite")
    base = {"classifiers": [], "author": "", "home": "", "declared": [], "license": "BSD-3-Clause"}
    files = [[str(top), "LICENSE.txt"], [str(nested), "numpy/linalg/lapack_lite/LICENSE.txt"], [str(nested), "../../escape.txt"]]
    written = notices.dist_notice({**base, "name": "numpy", "version": "2.4.6", "files": files}, tmp_path / "out")
    folder = tmp_path / "out" / "numpy-2.4.6"
    assert written == ["LICENSE.txt", "numpy/linalg/lapack_lite/LICENSE.txt"]
    assert (folder / "LICENSE.txt").read_text() == "NumPy, OpenBLAS, GCC runtime"
    assert (folder / "numpy" / "linalg" / "lapack_lite" / "LICENSE.txt").read_text() == "LAPACK lite"
    assert not (tmp_path / "escape.txt").exists()


def test_numpys_vendored_libraries_are_named_with_their_licence(tmp_path):
    notices = _load("notices")
    lines = notices.vendored_library_notices([["numpy.libs/libscipy_openblas64_-32a4b2a6.so", "/x"], ["numpy.libs/libgfortran-040039e1-0352e75f.so.5.0.0", "/y"],
                                              ["numpy.libs/libquadmath-96973f99-934c22de.so.0.0.0", "/z"]], tmp_path)
    assert len(lines) == 3 and not [line for line in lines if "see the wheel's project" in line]
    assert "OpenBLAS" in lines[2] and "GPL-3.0-or-later WITH GCC-exception-3.1" in lines[0] and "libquadmath" in lines[1]


def test_the_shipped_index_costs_the_start_up_no_import(bundles):
    """The frozen entry point imports nothing of the program before the command line runs and
    hooks no import; finding the bundle's folder imports no matching code either (the sidebar
    imports it on its loader thread, after the window is up)."""
    (root_a, _), _ = bundles
    code = (
        "import sys\n"
        "sys.frozen, sys._MEIPASS = True, sys.argv[2]\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "finders = list(sys.meta_path)\n"
        "import launcher\n"
        "print(sorted(m for m in sys.modules if m.startswith('kefu_assist')), sys.meta_path == finders)\n"
        "from kefu_assist import paths\n"
        "print(paths.shipped_cache_dir().relative_to(paths.bundle_root()).as_posix(), 'kefu_assist.matching' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(ROOT / "packaging"), str(root_a)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["[]", "True", "kefu_assist/index", "False"]
