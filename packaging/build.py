"""Build the release: a one-folder bundle in an archive, its checksum, the licence notices, and a
smoke test of what was archived, failing on a wrong answer or any unexpected line on stderr.

    python3 packaging/build.py                # fresh venv under build/, build, archive, smoke-test
    python3 packaging/build.py --reuse-venv   # keep build/venv if it is there (while iterating)
    python3 packaging/build.py --smoke-only   # smoke-test dist/'s archive of this version again

It needs only Python 3.11+: it creates build/venv, installs the project and the `release` extra
(PyInstaller, and Pillow for the Windows icon) into it, and runs PyInstaller from there, so no test
tool or anything else of a developer's environment ends up in the bundle. The result is

    dist/kefu-assist-VERSION-PLATFORM/            the unpacked bundle
    dist/kefu-assist-VERSION-PLATFORM.tar.gz      (.zip on Windows)
    dist/SHA256SUMS                               sha256sum -c format, one line per archive

Older builds in dist/ (other versions, other platforms) are left alone; the same version and
platform are replaced. The smoke test unpacks the archive into a temporary folder and runs from
there: the GUI (under Xvfb on Linux when it is installed: a question pasted, Enter, the reply read
from the system clipboard with xclip; offscreen elsewhere), and match, lint, eval, stats
(upgrading a database at the first schema revision), export, and the PostgreSQL driver.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_rules  # noqa: E402
import launcher  # noqa: E402
import notices  # noqa: E402

BUILD = ROOT / "build"
DIST = ROOT / "dist"
WINDOWS = os.name == "nt"
VENV = BUILD / "venv"
VENV_PYTHON = VENV / ("Scripts/python.exe" if WINDOWS else "bin/python")
PYZ = BUILD / "pyinstaller" / "kefu-assist" / "PYZ-00.pyz"  # the Python code in the executables
# the budget for the Linux bundle, unpacked, NumPy (the co-ranker's training library) not
# counted; the build fails above it
SIZE_BUDGET_MB = 150.0
NUMPY = "NumPy (the co-ranker's training; not counted in the budget)"


class BuildError(Exception):
    pass


def run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kwargs)


# -- environment ------------------------------------------------------------------------------
def make_venv(reuse: bool) -> None:
    if reuse and VENV_PYTHON.exists():
        run([VENV_PYTHON, "-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps", "."])
        return
    if VENV.exists():
        shutil.rmtree(VENV)
    venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    run([VENV_PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    # a regular (not editable) install: the bundle is built from what pip would install
    run([VENV_PYTHON, "-m", "pip", "install", "--quiet", ".[release,postgres]"])


def check_compiled_views() -> None:
    """The bundle leaves out QtUiTools (and QtOpenGL with it), so every view must load from its
    compiled form."""
    proc = subprocess.run([str(VENV_PYTHON), str(ROOT / "scripts" / "compile_ui.py"), "--check"], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise BuildError(f"compiled views are out of date; run scripts/compile_ui.py first\n{proc.stdout}{proc.stderr}")


def make_icon() -> Path:
    """resources/ui/icons/app.svg rendered with Qt to a PNG; PyInstaller turns it (with Pillow)
    into the Windows icon of both executables."""
    png = BUILD / "kefu-assist.png"
    code = (
        "import sys\n"
        "from PySide6.QtGui import QGuiApplication, QImage, QPainter\n"
        "from PySide6.QtSvg import QSvgRenderer\n"
        "app = QGuiApplication(['x', '-platform', 'offscreen'])\n"
        "img = QImage(256, 256, QImage.Format.Format_ARGB32); img.fill(0)\n"
        "p = QPainter(img); QSvgRenderer(sys.argv[1]).render(p); p.end()\n"
        "sys.exit(0 if img.save(sys.argv[2]) else 1)\n"
    )
    run([VENV_PYTHON, "-c", code, ROOT / "resources" / "ui" / "icons" / "app.svg", png])
    return png


# -- build ------------------------------------------------------------------------------------
def pyinstaller(staging: Path) -> None:
    env = {**os.environ, "KEFU_ASSIST_BUILD_DIR": str(BUILD), "PYTHONDONTWRITEBYTECODE": "1"}
    run([VENV_PYTHON, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN", "--distpath", staging,
         "--workpath", BUILD / "pyinstaller", ROOT / "packaging" / "kefu-assist.spec"], env=env)


def ship_index(folder: Path) -> list[Path]:
    """The shipped library's index with the co-ranker's weights and the jieba dictionary's prefix
    table, built by the frozen program itself (a match with an empty cache folder trains and
    saves both) and put into the bundle's read-only cache folder, which the program reads after a
    miss in the agent's cache (paths.shipped_cache_dir(), matching/index_cache.py,
    matching/tokenize.py): a first start need neither train nor build the table."""
    exe = folder / ("kefu-assist-cli.exe" if WINDOWS else "kefu-assist")
    with tempfile.TemporaryDirectory(prefix="kefu-index-") as tmp:
        home = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("KEFU_ASSIST_")}
        env.update(KEFU_ASSIST_DATA_DIR=str(home / "data"), KEFU_ASSIST_CONFIG_DIR=str(home / "config"), KEFU_ASSIST_CACHE_DIR=str(home / "cache"))
        proc = subprocess.run([str(exe), "match", "--json", "能开发票吗"], env=env, cwd=home, capture_output=True, text=True, encoding="utf-8", timeout=900)
        if proc.returncode != 0:
            raise BuildError(f"the frozen program could not build the shipped index: exit {proc.returncode}\n{proc.stderr[-2000:]}")
        shipped = launcher.ship(home / "cache", folder.joinpath("_internal", *launcher.SHIPPED_INDEX))
    for path in shipped:
        print(f"shipped: {path.relative_to(folder)} ({path.stat().st_size / 1e6:.2f} MB)", flush=True)
    return shipped


def place(staging_folder: Path, dist: Path) -> Path:
    """Move the fresh bundle into dist/, replacing only a bundle of the same name (and its
    archive); whatever else dist/ holds stays."""
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / staging_folder.name
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    for old in (archive_path(target), ):
        if old.exists():
            old.unlink()
    shutil.move(str(staging_folder), str(target))
    return target


def archive_path(folder: Path) -> Path:
    return folder.with_name(folder.name + (".zip" if WINDOWS else ".tar.gz"))


def make_archive(folder: Path) -> Path:
    path = archive_path(folder)
    tmp = path.with_name(path.name + ".part")
    if WINDOWS:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for file in sorted(folder.rglob("*")):
                z.write(file, file.relative_to(folder.parent))
    else:
        with tarfile.open(tmp, "w:gz", compresslevel=9) as t:
            t.add(folder, arcname=folder.name)
    tmp.replace(path)
    return path


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def update_sums(dist: Path, archive: Path) -> Path:
    """dist/SHA256SUMS: this archive's line replaced or added; lines of archives no longer there
    dropped; the others kept."""
    sums = dist / "SHA256SUMS"
    lines = {}
    if sums.exists():
        for line in sums.read_text(encoding="utf-8").splitlines():
            digest, _, name = line.partition("  ")
            name = name.lstrip("*")
            if name and (dist / name).is_file():
                lines[name] = digest
    lines[archive.name] = sha256(archive)
    sums.write_text("".join(f"{lines[name]}  {name}\n" for name in sorted(lines)), encoding="utf-8")
    return sums


# -- size report ------------------------------------------------------------------------------
def size_report(folder: Path, pyz_shares: dict[str, int] | None = None) -> dict[str, int]:
    """Bytes per group of the unpacked bundle (symbolic links not counted). ``pyz_shares``: bytes
    of the executables' compressed Python code by top-level package (pyz_shares()): NumPy's part
    is moved from the executables to NumPy's group."""
    groups: dict[str, int] = {}
    for file in folder.rglob("*"):
        if file.is_file() and not file.is_symlink():
            group = classify(file.relative_to(folder).as_posix())
            groups[group] = groups.get(group, 0) + file.stat().st_size
    numpy_code = (pyz_shares or {}).get("numpy", 0)
    executables = next((g for g in groups if g.startswith("executables")), None)
    if numpy_code and executables is not None:
        copies = sum(1 for f in folder.iterdir() if f.is_file() and classify(f.name) == executables)  # one PYZ in each program
        groups[executables] -= numpy_code * copies
        groups[NUMPY] = groups.get(NUMPY, 0) + numpy_code * copies
    return groups


def pyz_shares(python: Path, pyz: Path = PYZ) -> dict[str, int]:
    """Compressed bytes of the Python code in the executables, by top-level package (read with
    the build venv's PyInstaller)."""
    if not pyz.is_file():
        return {}
    code = ("import json, sys\nfrom PyInstaller.archive.readers import ZlibArchiveReader\nout = {}\n"
            "for name, entry in ZlibArchiveReader(sys.argv[1]).toc.items():\n"
            "    top = name.split('.')[0]; out[top] = out.get(top, 0) + entry[-1]\n"
            "print(json.dumps(out))\n")
    proc = subprocess.run([str(python), "-c", code, str(pyz)], capture_output=True, text=True)
    return json.loads(proc.stdout) if proc.returncode == 0 else {}


def classify(rel: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    inner = rel.split("/", 1)[1] if rel.startswith("_internal/") else rel
    if inner.startswith(("numpy/", "numpy.libs/", "numpy-")):
        return NUMPY
    if inner.startswith(("psycopg", "psycopg_binary")):
        return "PostgreSQL driver (psycopg-binary: libpq, its OpenSSL, Kerberos, LDAP)"
    if inner.startswith(("PySide6/", "shiboken6/")) or name.startswith(("libQt6", "Qt6", "libicu", "icu", "libpyside6", "libshiboken6", "pyside6", "shiboken6")):
        return "Qt and PySide6"
    if inner.startswith("THIRD_PARTY_LICENSES/") or name == "LICENSE":
        return "licence texts"
    if inner.startswith("kefu_assist/"):
        return "our data (library, dictionary, views, migrations, the shipped index)"
    if inner.startswith(("jieba/", "opencc/", "pypinyin/", "rapidfuzz/", "yaml/", "_yaml", "sqlalchemy/", "alembic/", "ruamel", "markupsafe/", "mako/")):
        return "other packages (rapidfuzz, pypinyin, OpenCC, SQLAlchemy, PyYAML ...)"
    if name.startswith(("libpython", "python3", "base_library")) or "lib-dynload" in inner.split("/") or name.endswith(".pyd"):
        return "Python (interpreter, standard library extensions)"
    if not rel.startswith("_internal/"):
        return "executables (all Python code, compressed, ours included)"
    return "system libraries (X11/xcb, glib, OpenSSL for Python's ssl, libstdc++ ...)"


def print_sizes(folder: Path, python: Path = VENV_PYTHON) -> float:
    """Print the bundle's size by group; returns MB without NumPy."""
    groups = size_report(folder, pyz_shares(python))
    total = sum(groups.values())
    counted = total - groups.get(NUMPY, 0)
    print(f"bundle {folder.name}: {total / 1e6:.1f} MB unpacked, {counted / 1e6:.1f} MB without NumPy")
    for group, size in sorted(groups.items(), key=lambda kv: -kv[1]):
        print(f"  {size / 1e6:7.1f} MB  {group}")
    return counted / 1e6


def check_budget(size_mb: float) -> None:
    """Linux: the bundle without NumPy within SIZE_BUDGET_MB (Windows' folder is not budgeted)."""
    if sys.platform.startswith("linux") and size_mb > SIZE_BUDGET_MB:
        raise BuildError(f"the bundle is {size_mb:.1f} MB without NumPy, over the {SIZE_BUDGET_MB:.0f} MB budget")


# -- smoke test -------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuse-venv", action="store_true", help="keep build/venv if it exists (iterating on the build)")
    parser.add_argument("--smoke-only", action="store_true", help="only smoke-test this version's archive in dist/")
    parser.add_argument("--startup-runs", type=int, default=3, metavar="N", help="GUI start-ups to time in the smoke test (default 3)")
    args = parser.parse_args(argv)
    import smoke

    version = bundle_rules.project_version(ROOT)
    name = bundle_rules.folder_name(version)
    try:
        if not args.smoke_only:
            BUILD.mkdir(exist_ok=True)
            make_venv(args.reuse_venv)
            check_compiled_views()
            make_icon()
            staging = BUILD / "staging"
            if staging.exists():
                shutil.rmtree(staging)
            pyinstaller(staging)
            folder = staging / name
            ship_index(folder)
            notices.write(folder, VENV_PYTHON, json.loads((BUILD / "bundle-manifest.json").read_text(encoding="utf-8")))
            shutil.copy2(ROOT / "LICENSE", folder / "LICENSE")
            folder = place(folder, DIST)
            archive = make_archive(folder)
            sums = update_sums(DIST, archive)
            print(f"archive: {archive} ({archive.stat().st_size / 1e6:.1f} MB)\nchecksums: {sums}")
        folder = DIST / name
        check_budget(print_sizes(folder))
        smoke.run_all(archive_path(folder), name, version, VENV_PYTHON, runs=args.startup_runs)
        sys.path.insert(0, str(ROOT / "benchmarks"))
        import machine

        print(f"machine: {machine.describe()}; reference loop {machine.reference_s():.2f} s (about 1.0 s when quiet)")
    except (BuildError, smoke.SmokeFailure, RuntimeError) as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(f"build failed: {' '.join(map(str, exc.cmd))} exited with {exc.returncode}", file=sys.stderr)
        return 1
    print(f"release: {archive_path(folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
