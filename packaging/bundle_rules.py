"""What the release bundle keeps and drops, and its name: plain functions, read by the PyInstaller
spec and by build.py, and tested (tests/test_packaging.py) without building anything.

Paths are the bundle's destination paths (as PyInstaller's TOC names them), '/' or '\\' separated.
"""
from __future__ import annotations

import platform
import posixpath
import re
import sys
from pathlib import Path, PurePath

# Parts of NumPy that `import numpy` does not load (they load lazily, on first use of np.random,
# np.fft ...) and that the co-ranker's training does not use; NumPy's own test helpers; f2py.
# tests/test_packaging.py checks that importing NumPy loads none of them and that none is named
# in matching/coranker.py.
NUMPY_UNUSED = [
    "numpy.random", "numpy.fft", "numpy.polynomial", "numpy.ma", "numpy.f2py", "numpy.testing", "numpy.typing",
    "numpy.ctypeslib", "numpy.char", "numpy.rec", "numpy.strings", "numpy.doc", "numpy.tests", "numpy.conftest",
    "numpy._pyinstaller", "numpy._core._simd", "numpy._core._multiarray_tests", "numpy._core._rational_tests",
    "numpy._core._umath_tests", "numpy._core._struct_ufunc_tests", "numpy._core._operand_flag_tests",
]

# Python modules the program never imports but PySide6's and others' hooks would pull in.
# QtUiTools is the fallback loader for a .ui edited without recompiling (ui/uiload.py); a release is
# built from compiled views only (build.py checks them first), and QtUiTools links QtOpenGL.
EXCLUDED_MODULES = [
    "PySide6.QtUiTools", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtNetwork",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtDBus", "PySide6.QtSql",
    "PySide6.QtPrintSupport", "PySide6.QtTest", "PySide6.QtXml", "PySide6.QtConcurrent",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtSvgWidgets",
    "tkinter", "_tkinter", "matplotlib", "IPython", "pytest", "hypothesis", "pygments",
    "pydoc_data", "unittest", "lib2to3", "ensurepip", "idlelib", "test",
    # SQLAlchemy's hook collects every dialect; the store speaks SQLite and PostgreSQL
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.mssql", "sqlalchemy.dialects.oracle",
    # the interactive line editor (with libreadline and libtinfo): the program reads no terminal
    "readline",
    # compression the program never reads or writes (tarfile, zipfile and shutil import them only
    # when asked for such an archive), with liblzma and libbz2; Japanese and Korean codecs (the
    # program reads UTF-8 and, from Qianniu, GBK/GB18030; Big5 and HKSCS stay); decimal's C
    # accelerator (decimal falls back to its pure-Python twin; SQLAlchemy imports decimal, the
    # store keeps no decimal column); multiprocessing (only concurrent.futures' process pool
    # imports it, lazily; the co-ranker's training child is a subprocess)
    "lzma", "_lzma", "bz2", "_bz2", "_codecs_jp", "_codecs_kr", "_codecs_iso2022", "_decimal",
    "multiprocessing", "_multiprocessing", "_posixshmem",
    # NumPy, for the co-ranker's training (matching/coranker.py), needs what `import numpy` loads
    # (its core, lib, linalg and matrixlib) and nothing of its lazily loaded or test parts
    *NUMPY_UNUSED,
]

# Qt plugins by folder; a folder not named here is dropped whole. Each kept one is what the sidebar
# needs: the screen (xcb on Linux, windows on Windows, offscreen for headless runs),
# the SVG icons, input methods (agents type Chinese through ibus/fcitx or compose), the Windows
# styles, and the desktop portal theme (file dialogs, colours) rather than the GTK one, which would
# pull GTK itself into the bundle. No Wayland: a Wayland client can neither keep itself above the
# chat client (pin, Ctrl+T) nor read the clipboard while another window has the focus (监听剪贴板);
# without the plugin Qt runs through XWayland, where both work.
KEPT_PLUGINS = {
    "platforms": {"qxcb", "qoffscreen", "qwindows", "qcocoa"},
    "imageformats": {"qsvg", "qico"},
    "iconengines": {"qsvgicon"},
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "platformthemes": {"qxdgdesktopportal"},
    "styles": None,  # all (Windows: the modern Windows style)
}

# Qt libraries only the dropped plugins and modules use (PyInstaller collects a plugin's
# dependencies before the spec can drop the plugin). The smoke test starts the GUI and every
# command, so a library wrongly dropped fails the build.
DROPPED_QT_LIBRARIES = re.compile(
    r"^(lib)?Qt6(OpenGL|OpenGLWidgets|Network|Qml\w*|Quick\w*|Pdf\w*|VirtualKeyboard\w*|EglFS\w*|EglFsKms\w*|"
    r"UiTools|Designer\w*|Wayland\w*|WlShellIntegration|Sql|PrintSupport|Test|"
    r"Labs\w*|Lottie\w*|Xml|Help|Concurrent|SvgWidgets)(\.so\.6|\.dll)$"
)

# Linux libraries taken from the desktop the program runs on rather than from the build machine:
# fontconfig (with freetype and expat) must read the system's font configuration, whose format moves
# with its version (an older bundled copy warns on stderr about elements it does not know), and
# libdbus talks to the system's bus daemon (libsystemd and its compression and crypto libraries
# come in only through it). Every desktop Linux has them; the libraries only they needed go too.
SYSTEM_LIBRARIES = frozenset({"libfontconfig.so.1", "libfreetype.so.6", "libexpat.so.1", "libdbus-1.so.3", "libsystemd.so.0"})

# files of installed packages that are for building against them, not for running
_DEV_SUFFIXES = (".a", ".lib", ".h", ".hpp", ".pc", ".cmake", ".pyi", ".prl")
_DEV_FOLDERS = ("opencc/clib/include", "opencc/clib/lib64", "opencc/clib/lib", "opencc/clib/bin",
                "PySide6/Qt/metatypes", "PySide6/metatypes", "PySide6/include", "PySide6/typesystems",
                "PySide6/glue", "PySide6/Qt/qml", "PySide6/qml", "PySide6/Qt/libexec")


# resources/ files only training reads (checker/replytrain.py, python -m kefu_assist.checker.mood),
# never the program: it loads the trained weights (*_model.json.gz). chatter.txt is not one of them:
# the program trains the co-ranker on it after a library edit.
TRAINING_ONLY_RESOURCES = frozenset({"reply_corpus.tsv", "mood_corpus.tsv"})


# OpenCC's data: the one conversion the program runs (matching/normalize.py: OpenCC("t2s")) and
# the dictionaries its config names; the other conversions' (s2t's STPhrases alone is 0.9 MB) go.
OPENCC_DATA = "opencc/clib/share/opencc"
OPENCC_KEPT = frozenset({"t2s.json", "CJK_Compatibility_Ideographs.ocd2", "TSPhrases.ocd2", "TSCharactersExt.ocd2", "TSCharacters.ocd2"})


def _parts(dest: str) -> tuple[str, ...]:
    return PurePath(dest.replace("\\", "/")).parts


# the one Qt catalogue the program loads (ui/app.py): Qt's own words (context menus, dialog
# buttons, the file dialog) in simplified Chinese; its own text is Chinese already
QT_TRANSLATION_KEPT = "qtbase_zh_CN.qm"


def _is_qt_translation(parts: tuple[str, ...]) -> bool:
    # PySide6/Qt/translations (Linux, macOS) or PySide6/translations (Windows)
    return len(parts) >= 2 and parts[0] == "PySide6" and "translations" in parts[1:3]


def _plugin_kept(parts: tuple[str, ...]) -> bool | None:
    """None when dest is not a Qt plugin; else whether the plugin is kept."""
    if parts[:1] != ("PySide6",) or "plugins" not in parts[1:3]:
        return None
    rest = parts[parts.index("plugins", 1) + 1:]
    if len(rest) < 2:
        return False
    folder, name = rest[0], rest[-1]
    if folder not in KEPT_PLUGINS:
        return False
    wanted = KEPT_PLUGINS[folder]
    stem = re.sub(r"^lib", "", name.split(".")[0])
    return wanted is None or stem in wanted


def _under(dest: str, folder: str) -> bool:
    return dest == folder or dest.startswith(folder + "/")


def keep_binary(dest: str) -> bool:
    parts = _parts(dest)
    if not parts:
        return False
    plugin = _plugin_kept(parts)
    if plugin is not None:
        return plugin
    if DROPPED_QT_LIBRARIES.match(parts[-1]) or (len(parts) == 1 and parts[0] in SYSTEM_LIBRARIES):
        return False
    return keep_data(dest)


def keep_data(dest: str) -> bool:
    parts = _parts(dest)
    if not parts:
        return False
    path = "/".join(parts)
    if _is_qt_translation(parts):
        return parts[-1] == QT_TRANSLATION_KEPT
    plugin = _plugin_kept(parts)
    if plugin is not None:
        return plugin
    if any(_under(path, folder) for folder in _DEV_FOLDERS):
        return False
    if parts[:2] == ("kefu_assist", "resources") and len(parts) == 3 and parts[2] in TRAINING_ONLY_RESOURCES:
        return False
    if _under(path, OPENCC_DATA) and path != OPENCC_DATA and parts[-1] not in OPENCC_KEPT:
        return False
    return not path.endswith(_DEV_SUFFIXES)


_EXTENSION = re.compile(r"(\.pyd|\.abi3\.so|\.cpython-[^/]*\.so)$")


def is_vendored_library(dest: str) -> bool:
    """A library a wheel carries in its own NAME.libs/ folder (auditwheel), or PyInstaller's
    top-level copy of one (its name then has auditwheel's hash: libscipy_openblas64_-32a4b2a6.so)."""
    parts = _parts(dest)
    if len(parts) >= 2 and parts[-2].endswith(".libs"):
        return True
    return len(parts) == 1 and bool(_AUDITWHEEL_NAME.search(parts[0]))


_AUDITWHEEL_NAME = re.compile(r"-[0-9a-f]{8}(-[0-9a-f]{8})?\.so(\.[\d.]+)?$")


def never_strip(dest: str) -> bool:
    """Binaries copied as they are, not stripped: those auditwheel rewrote with patchelf. binutils'
    strip can move such a file's program headers out of page alignment, and the loader then
    refuses it (NumPy's OpenBLAS: "ELF load command address/offset not page-aligned"); the wheels
    ship them stripped except for that one."""
    return is_vendored_library(dest)


def is_root_binary(dest: str) -> bool:
    """A binary something loads by path rather than as another binary's dependency: Python
    extension modules, Qt plugins, the Python library itself."""
    parts = _parts(dest)
    name = parts[-1] if parts else ""
    return bool(_EXTENSION.search(name)) or "lib-dynload" in parts or _plugin_kept(parts) is not None or name.lower().startswith(("libpython", "python3"))


def prune_unreachable(binaries: list, imports_of) -> list:
    """Keep the root binaries and the shared libraries they need, directly or through each other;
    drop the rest: the libraries PyInstaller collected for plugins and modules the bundle leaves
    out (the GTK theme plugin pulls cairo, pango and GTK's others; print support pulls CUPS and
    Kerberos). ``binaries``: PyInstaller TOC entries (dest, source, typecode); ``imports_of(source)``:
    the names of the libraries a binary links against."""
    by_name = {}
    for entry in binaries:
        by_name.setdefault(_parts(entry[0])[-1].lower(), entry)
    keep = {entry[0] for entry in binaries if is_root_binary(entry[0]) or not Path(entry[1]).is_file()}
    todo = [entry for entry in binaries if entry[0] in keep]
    while todo:
        entry = todo.pop()
        if not Path(entry[1]).is_file():
            continue
        for name in imports_of(entry[1]):
            dep = by_name.get(Path(name).name.lower())
            if dep is not None and dep[0] not in keep:
                keep.add(dep[0])
                todo.append(dep)
    return [entry for entry in binaries if entry[0] in keep]


def drop_dangling_symlinks(datas: list, binaries: list) -> list:
    """PyInstaller adds SYMLINK entries (dest, target dest, 'SYMLINK') for the libraries it also
    puts at the top level; keep those whose target is still in the bundle."""
    present = {_norm(entry[0]) for entry in binaries} | {_norm(entry[0]) for entry in datas if entry[2] != "SYMLINK"}
    kept = []
    for entry in datas:
        if entry[2] == "SYMLINK":
            target = posixpath.normpath(posixpath.join(posixpath.dirname(_norm(entry[0])), _norm(entry[1])))
            if target not in present:
                continue
        kept.append(entry)
    return kept


def _norm(dest: str) -> str:
    return "/".join(_parts(dest))


def project_version(root: Path) -> str:
    """The one version source: src/kefu_assist/__init__.py's __version__ (pyproject reads it too)."""
    text = (root / "src" / "kefu_assist" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if match is None:
        raise ValueError("src/kefu_assist/__init__.py has no __version__ = \"...\" line")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, ...]:
    """The leading numbers of a version, for the Windows version resource (0.2.0rc1 -> (0, 2, 0))."""
    numbers = []
    for piece in version.split("."):
        match = re.match(r"\d+", piece)
        if match is None:
            break
        numbers.append(int(match.group()))
        if match.group() != piece:
            break
    if not numbers:
        raise ValueError(f"version {version!r} does not start with a number")
    return tuple(numbers)


def platform_tag(system: str | None = None, machine: str | None = None) -> str:
    system = (system or sys.platform).lower()
    machine = (machine or platform.machine()).lower()
    os_name = "windows" if system.startswith(("win", "cygwin")) else "macos" if system.startswith("darwin") else "linux" if system.startswith("linux") else system
    arch = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{os_name}-{arch}"


def folder_name(version: str, system: str | None = None, machine: str | None = None) -> str:
    return f"kefu-assist-{version}-{platform_tag(system, machine)}"
