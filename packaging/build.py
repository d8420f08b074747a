"""Build the one-folder bundle and smoke-test it the way qutebrowser's release script does: run
the frozen program and fail on a wrong answer or any unexpected line on stderr.

    .venv/bin/pip install pyinstaller && .venv/bin/python packaging/build.py
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    dist = ROOT / "dist"
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(dist), "--workpath", str(ROOT / "build"), str(ROOT / "packaging" / "kefu-assist.spec")], check=True)
    [folder] = sorted(dist.glob("kefu-assist-*"))
    exe = folder / ("kefu-assist.exe" if os.name == "nt" else "kefu-assist")
    with tempfile.TemporaryDirectory() as home:
        # a usage database at the first schema revision: the frozen program must carry the
        # Alembic migrations to upgrade it
        sys.path.insert(0, str(ROOT / "src"))
        from kefu_assist.store.db import make_engine, upgrade

        old_db = f"sqlite:///{home}/usage.sqlite3"
        engine = make_engine(old_db)
        with engine.begin() as connection:
            upgrade(connection, "0001")
        engine.dispose()
        env = {**os.environ, "KEFU_ASSIST_DATA_DIR": home, "KEFU_ASSIST_CONFIG_DIR": home, "KEFU_ASSIST_CACHE_DIR": home, "QT_QPA_PLATFORM": "offscreen"}
        checks = [
            ([str(exe), "match", "--json", "能開發票嗎"], lambda out: json.loads(out)["suggestions"][0]["category"] == "invoice"),
            ([str(exe), "lint"], lambda out: ": ok: " in out),
            ([str(exe), "stats", "--db", old_db, "--json"], lambda out: isinstance(json.loads(out), dict)),
        ]
        for cmd, ok in checks:
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=home, timeout=120)
            if proc.returncode != 0 or proc.stderr.strip() or not ok(proc.stdout):
                print(f"smoke test failed: {' '.join(cmd[1:])}\nexit {proc.returncode}\nstdout: {proc.stdout[:2000]}\nstderr: {proc.stderr[:2000]}", file=sys.stderr)
                return 1
            print(f"ok: {' '.join(cmd[1:])}")
    print(f"bundle: {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
