"""THIRD_PARTY_LICENSES for the bundle, generated from what went into it:

- every Python distribution kefu-assist needs at run time (its requirements, followed through the
  installed metadata), with the licence files each declares (License-File / dist-info licenses/);
  a distribution that ships none gets its declared licence named, and for MIT the standard text
  with the author from its metadata;
- Qt and PySide6 (LGPL-3.0: the LGPL and the GPL it refers to, packaging/licenses/), ICU;
- the Python interpreter (its LICENSE.txt, which on Windows also covers OpenSSL, libffi, zlib ...);
- on Linux, the system libraries PyInstaller copied in (OpenSSL, xcb, libstdc++ ...): each one's
  Debian copyright file, found with dpkg -S.

The Qt libraries stay separate files in the bundle (_internal/PySide6/Qt/lib or _internal/PySide6
on Windows), so a user can replace them with their own build, as the LGPL allows.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# run inside the build venv: the runtime closure of kefu-assist and each dist's licence facts
_PROBE = r'''
import json, re, sys
from importlib import metadata
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

EXTRAS = set(sys.argv[1].split(",")) - {""}
LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.I)

def dist_info(dist):
    files = []
    declared = dist.metadata.get_all("License-File") or []
    for f in dist.files or []:
        parts = f.parts
        if parts and parts[0].endswith(".dist-info") and (("licenses" in parts[1:2]) or (len(parts) == 2 and LICENCE_NAME.search(parts[1]))):
            # with its place under licenses/: NumPy has a LICENSE.txt at the top (NumPy's own,
            # OpenBLAS's, the GCC runtime's) and others of that name in sub-folders
            files.append([str(dist.locate_file(f)), "/".join(parts[2:]) if parts[1] == "licenses" else parts[1]])
    m = dist.metadata
    classifiers = [c.split(" :: ")[-1] for c in (m.get_all("Classifier") or []) if c.startswith("License ::")]
    return {
        "name": m["Name"], "version": dist.version,
        "license": m.get("License-Expression") or ((m.get("License") or "").strip().splitlines() or [""])[0] or "; ".join(classifiers) or "UNKNOWN",
        "classifiers": classifiers, "author": m.get("Author") or m.get("Author-email") or m.get("Maintainer") or "",
        "home": m.get("Home-page") or next((u.split(",", 1)[1].strip() for u in (m.get_all("Project-URL") or []) if "," in u), ""),
        "files": sorted(files), "declared": declared,
    }

seen, todo, out = set(), [("kefu-assist", EXTRAS)], []
while todo:
    name, extras = todo.pop()
    key = canonicalize_name(name)
    if key in seen:
        continue
    seen.add(key)
    dist = metadata.distribution(name)
    out.append(dist_info(dist))
    for text in dist.requires or []:
        req = Requirement(text)
        envs = [{"extra": e} for e in (extras or {""})]
        if req.marker is None or any(req.marker.evaluate(env) for env in envs):
            try:
                metadata.distribution(req.name)
            except metadata.PackageNotFoundError:
                continue  # an optional dependency not installed (e.g. a platform-only one)
            todo.append((req.name, set(req.extras)))
base = sys.base_prefix
licence = next((p for p in (f"{base}/LICENSE.txt", f"{base}/lib/python{sys.version_info[0]}.{sys.version_info[1]}/LICENSE.txt", f"/usr/share/doc/python{sys.version_info[0]}.{sys.version_info[1]}/copyright") if __import__("os").path.isfile(p)), None)
print(json.dumps({"dists": sorted(out, key=lambda d: d["name"].lower()), "python": {"version": sys.version.split()[0], "license_file": licence}}))
'''

MIT_TEXT = """Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

LGPL_DISTS = {"pyside6-essentials", "pyside6", "shiboken6", "pyside6-addons"}


def probe(venv_python: Path, extras: str) -> dict:
    out = subprocess.run([str(venv_python), "-c", _PROBE, extras], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._+-]+", "_", text)


def is_mit(dist: dict) -> bool:
    return dist["license"].strip().upper() in ("MIT", "MIT LICENSE") or "MIT License" in dist["classifiers"]


def dist_notice(dist: dict, target: Path) -> list[str]:
    """Copy one distribution's licence files into target/NAME-VERSION/; returns the names written.
    With none shipped: LGPL for Qt's, MIT's text for MIT ones, else a note naming the licence."""
    folder = target / safe_name(f"{dist['name']}-{dist['version']}")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for entry in dist["files"]:  # [path, its name under the dist-info's licenses/] (or a path alone)
        source, name = (Path(entry), Path(entry).name) if isinstance(entry, str) else (Path(entry[0]), entry[1])
        target_file = folder.joinpath(*name.split("/"))
        if source.is_file() and target_file.resolve().is_relative_to(folder.resolve()):
            target_file.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target_file)
            written.append(name)
    if written:
        return written
    key = re.sub(r"[-_.]+", "-", dist["name"]).lower()  # PEP 503: PySide6_Essentials is pyside6-essentials
    if key in LGPL_DISTS:
        (folder / "LICENSE.txt").write_text(
            f"{dist['name']} {dist['version']}: LGPL-3.0-only (or GPL-2.0/GPL-3.0), The Qt Company Ltd.\n"
            "The texts are in ../Qt/LGPL-3.0.txt and ../Qt/GPL-3.0.txt.\n", encoding="utf-8")
    elif is_mit(dist):
        (folder / "LICENSE.txt").write_text(
            f"{dist['name']} {dist['version']} (no licence file in its wheel; its metadata declares MIT)\n\n"
            f"The MIT License (MIT)\n\nCopyright (c) {dist['author'] or 'the ' + dist['name'] + ' authors'}\n\n{MIT_TEXT}",
            encoding="utf-8")
    else:
        (folder / "LICENSE.txt").write_text(
            f"{dist['name']} {dist['version']}: licence declared in its metadata: {dist['license']}\n"
            f"(its wheel carries no licence file; see {dist['home'] or 'its project page'})\n", encoding="utf-8")
    return ["LICENSE.txt"]


# libraries a wheel vendors (auditwheel's NAME.libs/ folders on Linux, DLLs beside the package on
# Windows): what each is, its licence, and the Debian package whose copyright file has the text
VENDORED_LIBRARIES = {
    "libpq": ("PostgreSQL client library (psycopg-binary)", "PostgreSQL", "libpq5"),
    "libssl": ("OpenSSL", "Apache-2.0", "libssl3"),
    "libcrypto": ("OpenSSL", "Apache-2.0", "libssl3"),
    "libgssapi_krb5": ("MIT Kerberos", "MIT", "libgssapi-krb5-2"),
    "libkrb5": ("MIT Kerberos", "MIT", "libkrb5-3"),
    "libk5crypto": ("MIT Kerberos", "MIT", "libk5crypto3"),
    "libkrb5support": ("MIT Kerberos", "MIT", "libkrb5support0"),
    "libcom_err": ("e2fsprogs com_err", "MIT", "libcom-err2"),
    "libkeyutils": ("keyutils", "LGPL-2.1-or-later", "libkeyutils1"),
    "libcrypt": ("libxcrypt", "LGPL-2.1-or-later", "libcrypt1"),
    "libldap": ("OpenLDAP", "OLDAP-2.8", "libldap-2.5-0"),
    "liblber": ("OpenLDAP", "OLDAP-2.8", "libldap-2.5-0"),
    "libsasl2": ("Cyrus SASL", "BSD-Attribution-HPND-disclaimer", "libsasl2-2"),
    # NumPy's: the texts are in NumPy's own LICENSE.txt (numpy-VERSION/LICENSE.txt above)
    "libscipy_openblas64_": ("OpenBLAS with LAPACK (NumPy's; text in NumPy's LICENSE.txt)", "BSD-3-Clause", None),
    "libgfortran": ("GCC's Fortran runtime (NumPy's; text in NumPy's LICENSE.txt)", "GPL-3.0-or-later WITH GCC-exception-3.1", None),
    "libquadmath": ("GCC's libquadmath (NumPy's; text in NumPy's LICENSE.txt)", "LGPL-2.1-or-later", "libquadmath0"),
}


def vendored_library_notices(binaries: list[list[str]], target: Path) -> list[str]:
    """Lines for the README naming each library a wheel carries in its own folder, with the text
    where the build machine has it (Debian copyright files)."""
    lines = []
    for dest, _source in binaries:
        parts = Path(dest.replace("\\", "/")).parts
        if len(parts) < 2 or not parts[0].endswith(".libs"):
            continue
        stem = re.sub(r"(-[0-9a-f]{8}){0,2}(\.so.*|-[\dx_-]*\.dll|\.dll)$", "", parts[-1])
        what, licence, package = VENDORED_LIBRARIES.get(stem, (stem, "see the wheel's project", None))
        line = f"  {dest}: {what} [{licence}]"
        copyright_file = Path("/usr/share/doc") / (package or "-") / "copyright"
        if package and copyright_file.is_file():
            folder = target / "system-libraries"
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(copyright_file, folder / f"{package}.txt")
            line += f"  -> system-libraries/{package}.txt"
        lines.append(line)
    return sorted(lines)


def system_library_notices(binaries: list[list[str]], venv_root: Path, target: Path) -> list[tuple[str, str]]:
    """Linux: Debian copyright files of the system libraries copied into the bundle."""
    if not sys.platform.startswith("linux") or shutil.which("dpkg") is None:
        return []
    packages: dict[str, list[str]] = {}
    for dest, source in binaries:
        src = os.path.realpath(source)
        if not src.startswith(("/usr/lib", "/lib")):
            continue
        proc = subprocess.run(["dpkg", "-S", src], capture_output=True, text=True)
        if proc.returncode != 0:  # a symlinked path dpkg knows by its other name
            proc = subprocess.run(["dpkg", "-S", source], capture_output=True, text=True)
        if proc.returncode == 0:
            package = proc.stdout.split(":", 1)[0].strip()
            packages.setdefault(package, []).append(Path(dest).name)
    written = []
    for package, files in sorted(packages.items()):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        if copyright_file.is_file():
            folder = target / "system-libraries"
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(copyright_file, folder / f"{package}.txt")
            written.append((package, ", ".join(sorted(files))))
    return written


def write(bundle: Path, venv_python: Path, manifest: dict, extras: str = "postgres") -> Path:
    target = bundle / "THIRD_PARTY_LICENSES"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    facts = probe(venv_python, extras)
    lines = ["Third-party software in this kefu-assist bundle, and where its licence text is.", ""]
    lines.append("Python packages (from their installed metadata):")
    for dist in facts["dists"]:
        if dist["name"].lower().replace("_", "-") == "kefu-assist":
            continue
        files = dist_notice(dist, target)
        lines.append(f"  {dist['name']} {dist['version']}  [{dist['license']}]  -> {safe_name(dist['name'] + '-' + dist['version'])}/{', '.join(files)}")
    qt = target / "Qt"
    qt.mkdir()
    for name in ("LGPL-3.0.txt", "GPL-3.0.txt", "ICU.txt"):
        shutil.copyfile(HERE / "licenses" / name, qt / name)
    lines += ["", "Qt 6 (the libraries under _internal/PySide6/): LGPL-3.0  -> Qt/LGPL-3.0.txt, Qt/GPL-3.0.txt",
              "  The Qt libraries are separate, replaceable files; the source of Qt is at https://download.qt.io/official_releases/qt/",
              "  and PySide6's at https://download.qt.io/official_releases/QtForPython/.",
              "ICU (Linux only, beside the Qt libraries): Unicode licence  -> Qt/ICU.txt"]
    python = facts["python"]
    if python["license_file"]:
        shutil.copyfile(python["license_file"], target / "Python-LICENSE.txt")
        lines += ["", f"Python {python['version']} (interpreter and standard library): PSF-2.0  -> Python-LICENSE.txt"]
    else:
        raise RuntimeError("the build interpreter has no LICENSE.txt to ship with the bundle")
    venv_root = Path(venv_python).resolve().parents[1]
    system = system_library_notices(manifest.get("binaries", []), venv_root, target)
    if system:
        lines += ["", "System libraries copied from the build machine (Debian copyright files):"]
        lines += [f"  {package}: {files}  -> system-libraries/{package}.txt" for package, files in system]
    vendored = vendored_library_notices(manifest.get("binaries", []), target)
    if vendored:
        lines += ["", "Libraries the Python packages above carry with them:", *vendored]
    (target / "README.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target
