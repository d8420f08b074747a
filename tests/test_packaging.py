"""The release build's rules (packaging/bundle_rules.py, packaging/build.py), checked without
building: what the bundle keeps and drops, its name, the one version source, and how dist/ is
updated when it holds older builds."""
from __future__ import annotations

import hashlib
import importlib.util
import re
import subprocess
import sys
import tomllib
from pathlib import Path

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

    assert not rules.keep_data(p(f"{qt}/translations/qtbase_zh_CN.qm"))
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
    assert rules.keep_data("opencc/clib/share/opencc/s2t.json")
    assert rules.keep_data("opencc/clib/share/opencc/STPhrases.ocd2")
    assert rules.keep_binary("opencc/clib/opencc_clib.cpython-311-x86_64-linux-gnu.so")
    for dev in ("opencc/clib/include/opencc/Config.hpp", "opencc/clib/lib64/libopencc.a", "opencc/clib/lib64/cmake/opencc/OpenCCConfig.cmake",
                "opencc/clib/lib64/pkgconfig/opencc.pc", "opencc/clib/bin/opencc", "opencc/clib/lib/opencc.lib"):
        assert not rules.keep_data(dev) and not rules.keep_binary(dev), dev


@given(st.lists(st.text(st.characters(codec="ascii", exclude_characters="/\\\x00"), min_size=1, max_size=12), min_size=1, max_size=5))
def test_our_own_resources_are_always_kept(parts):
    dest = "kefu_assist/resources/" + "/".join(parts)
    if not dest.endswith((".a", ".lib", ".h", ".hpp", ".pc", ".cmake", ".pyi", ".prl")):
        assert rules.keep_data(dest)


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
    assert lines == sorted([f"{hashlib.sha256(b'other').hexdigest()}  {other.name}", f"{hashlib.sha256(b'new').hexdigest()}  {this.name}"], key=lambda entry: entry.split("  ")[1])
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
