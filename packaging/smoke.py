"""Smoke test of a release archive, run by build.py: unpack it into a temporary folder and run the
frozen program from there, the way qutebrowser's release script does, failing on a wrong answer or
on any line on stderr other than the start-up trace.

- the command line: --version, match, lint, eval, stats (upgrading a database at the first schema
  revision, so the Alembic migrations must be in the bundle) and export;
- the sidebar: on Linux with Xvfb, xclip and xdotool, the frozen GUI on a virtual X server, a buyer
  question put on the clipboard and pasted with Ctrl+V, Enter, and the reply read back from the
  system clipboard with xclip; elsewhere the GUI on the offscreen platform until its library is in
  (and on Windows the windowed kefu-assist.exe, which has no stderr, must keep running).
- start-up: time from spawning the program to its "shown" and "ready" trace lines (see
  ui/app.py), the first run with empty settings and cache folders, the others warm.
"""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

import xvfb  # packaging/xvfb.py, beside this file

WINDOWS = os.name == "nt"
QUESTION = "能开发票吗"


class SmokeFailure(Exception):
    pass


def unpack(archive: Path, into: Path) -> None:
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as z:
            z.extractall(into)
    else:
        with tarfile.open(archive) as t:
            t.extractall(into, filter="tar")


def unexpected_stderr(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not line.startswith("kefu-assist-trace ")]


def isolated_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEFU_ASSIST_") and k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(KEFU_ASSIST_DATA_DIR=str(home / "data"), KEFU_ASSIST_CONFIG_DIR=str(home / "config"), KEFU_ASSIST_CACHE_DIR=str(home / "cache"),
               XDG_CONFIG_HOME=str(home / "xdg-config"), XDG_DATA_HOME=str(home / "xdg-data"), XDG_CACHE_HOME=str(home / "xdg-cache"))
    return env


def cli(exe: Path, args: list[str], env: dict[str, str], cwd: Path, ok) -> str:
    proc = subprocess.run([str(exe), *args], capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, timeout=180)
    bad = unexpected_stderr(proc.stderr)
    try:
        passed = proc.returncode == 0 and not bad and ok(proc.stdout)
    except (ValueError, KeyError, IndexError, TypeError):
        passed = False
    if not passed:
        raise SmokeFailure(f"{' '.join(args)}: exit {proc.returncode}\nstdout: {proc.stdout[:2000]}\nstderr: {proc.stderr[:2000]}")
    print(f"ok: {' '.join(args)}", flush=True)
    return proc.stdout


def old_database(python: Path, path: Path) -> str:
    """A usage database at the first schema revision, made with the source tree's own store by
    the build venv's interpreter (which has SQLAlchemy and Alembic)."""
    url = f"sqlite:///{path.as_posix()}"
    code = ("import sys; sys.path.insert(0, sys.argv[1])\n"
            "from kefu_assist.store.db import make_engine, upgrade\n"
            "engine = make_engine(sys.argv[2])\n"
            "with engine.begin() as connection:\n    upgrade(connection, '0001')\n"
            "engine.dispose()\n")
    subprocess.run([str(python), "-c", code, str(Path(__file__).resolve().parents[1] / "src"), url], check=True, timeout=120)
    return url


def command_line(exe: Path, version: str, home: Path, python: Path) -> str:
    env = isolated_env(home)
    cli(exe, ["--version"], env, home, lambda out: out.strip() == f"kefu-assist {version}")
    reply = json.loads(cli(exe, ["match", "--json", "能開發票嗎"], env, home,
                           lambda out: json.loads(out)["suggestions"][0]["category"] == "invoice"))["suggestions"][0]["reply"]
    cli(exe, ["lint"], env, home, lambda out: ": ok: " in out)
    labelled = home / "labelled.tsv"
    labelled.write_text("invoice\t发票怎么开\nshipping_fee\t运费谁出呀\nlogistics\t我的包裹到哪了\n", encoding="utf-8")
    cli(exe, ["eval", str(labelled), "--json"], env, home, lambda out: isinstance(json.loads(out), dict))
    old = old_database(python, home / "old.sqlite3")
    cli(exe, ["stats", "--db", old, "--json"], env, home, lambda out: isinstance(json.loads(out), dict))
    cli(exe, ["export", "--db", old, "--what", "unmatched", "--format", "json"], env, home, lambda out: isinstance(json.loads(out), list))
    postgres_driver(exe, env, home)
    return reply


def postgres_driver(exe: Path, env: dict[str, str], home: Path) -> None:
    """The bundled PostgreSQL driver loads (psycopg's binary implementation, libpq and the OpenSSL
    it imports): a team database nobody listens on must fail with the connection's own message
    on one line, not with a missing module."""
    url = "postgresql+psycopg://kefu@127.0.0.1:9/kefu"
    proc = subprocess.run([str(exe), "stats", "--db", url], capture_output=True, text=True, encoding="utf-8", env=env, cwd=home, timeout=120)
    lines = proc.stderr.strip().splitlines()
    if proc.returncode == 0 or len(lines) != 1 or "connection failed" not in lines[0]:
        raise SmokeFailure(f"stats --db {url}: exit {proc.returncode}, expected one line saying the connection failed\nstderr: {proc.stderr[:2000]}")
    print("ok: the PostgreSQL driver loads (stats --db on a closed port: connection failed)", flush=True)


# -- the sidebar ------------------------------------------------------------------------------
def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise SmokeFailure(f"timed out waiting for {what}")


class Sidebar:
    """The frozen GUI, started with the start-up trace on; its stderr goes to a file."""

    def __init__(self, cmd: list[str], env: dict[str, str], log: Path):
        self.log = log
        with log.open("w", encoding="utf-8") as err:
            self.t0 = time.time()
            self.proc = subprocess.Popen(cmd, env={**env, "KEFU_ASSIST_TRACE_STARTUP": "1"}, stdout=subprocess.DEVNULL, stderr=err)

    def events(self) -> dict[str, float]:
        return {event: t - self.t0 for event, t in self.read_events(self.log).items()}

    @staticmethod
    def read_events(log: Path) -> dict[str, float]:
        """The trace's events in ``log`` with their unix times."""
        found = {}
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split()
            if len(parts) >= 3 and parts[0] == "kefu-assist-trace":
                found[parts[1]] = float(parts[2])
        return found

    def wait_ready(self) -> dict[str, float]:
        def ready():
            if self.proc.poll() is not None:
                raise SmokeFailure(f"the sidebar exited with {self.proc.returncode}:\n{self.log.read_text(encoding='utf-8', errors='replace')}")
            events = self.events()
            return events if "ready" in events else None

        return _wait(ready, 60, "the sidebar's library")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def check_stderr(self) -> None:
        bad = unexpected_stderr(self.log.read_text(encoding="utf-8", errors="replace"))
        if bad:
            raise SmokeFailure("the sidebar wrote to stderr:\n" + "\n".join(bad[:20]))


def _x(display: str, *args: str, input: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), env={**os.environ, "DISPLAY": display}, input=input, capture_output=True, text=True, timeout=20, check=check)


def xvfb_available() -> bool:
    return sys.platform.startswith("linux") and all(shutil.which(t) for t in ("Xvfb", "xclip", "xdotool"))


def start_xvfb() -> tuple[subprocess.Popen, str]:
    try:
        proc, number = xvfb.start_xvfb()
    except xvfb.XvfbError as exc:
        raise SmokeFailure(str(exc)) from None
    return proc, f":{number}"


def paste_and_copy(display: str, sidebar: Sidebar, reply: str) -> None:
    window = _wait(lambda: _x(display, "xdotool", "search", "--name", "kefu-assist", check=False).stdout.split(), 10, "the window")[0]
    _x(display, "xdotool", "windowactivate", "--sync", window, check=False)
    _x(display, "xdotool", "windowfocus", "--sync", window, check=False)
    subprocess.run(["xclip", "-selection", "clipboard", "-i"], env={**os.environ, "DISPLAY": display}, input=QUESTION, text=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20, check=True)
    for key in ("ctrl+l", "ctrl+v"):
        _x(display, "xdotool", "key", "--clearmodifiers", key)
        time.sleep(0.3)
    time.sleep(0.6)  # the debounce and the update
    _x(display, "xdotool", "key", "--clearmodifiers", "Return")
    try:
        _wait(lambda: _x(display, "xclip", "-selection", "clipboard", "-o", check=False).stdout == reply, 10, "the reply on the clipboard")
    except SmokeFailure:
        now = _x(display, "xclip", "-selection", "clipboard", "-o", check=False).stdout
        raise SmokeFailure(f"after pasting {QUESTION!r} and Enter the clipboard holds {now!r}, not {reply!r}\n"
                           + sidebar.log.read_text(encoding="utf-8", errors="replace")) from None
    print("ok: the sidebar copied the reply to a pasted question to the system clipboard", flush=True)


def confident_at(sidebar: Sidebar, cache: Path, had_index: bool, timeout: float = 60.0) -> float:
    """Seconds from spawning the sidebar until a confident suggestion is possible: its library is
    in ("ready") with the co-ranker's weights. They come with the index: from the agent's cache
    folder, from the bundle ("shipped-index" in the trace, matching/index_cache.py), or, where
    neither has it, from training behind the plain matcher, which ends by saving the index to
    the cache folder (the file's time is then the moment)."""
    index = cache / "index"

    def fresh_index() -> float | None:
        times = [f.stat().st_mtime for f in index.glob("*.index")] if index.is_dir() else []
        new = [t for t in times if t >= sidebar.t0]
        return min(new) - sidebar.t0 if new else None

    def settled():
        events = sidebar.events()
        if "ready" not in events:
            return None
        if "shipped-index" in events:
            return events["ready"]
        trained = fresh_index()
        if trained is not None:
            return max(trained, events["ready"])
        if had_index and time.time() - sidebar.t0 > events["ready"] + 2.0:
            return events["ready"]  # read from the agent's cache: nothing to train
        return None

    return _wait(settled, timeout, "the co-ranker's weights")


def start_once(cmd: list[str], env: dict[str, str], log: Path, display: str | None = None, reply: str | None = None) -> dict[str, float]:
    """Start the sidebar with ``home``'s folders, time it (shown, ready, confident), optionally
    paste a question and check the reply, and stop it; its stderr must hold only the trace."""
    cache = Path(env["KEFU_ASSIST_CACHE_DIR"])
    had_index = any((cache / "index").glob("*.index")) if (cache / "index").is_dir() else False
    sidebar = Sidebar(cmd, env, log)
    try:
        timings = dict(sidebar.wait_ready())
        if "qt-chinese" not in timings:
            raise SmokeFailure("Qt's Chinese catalogue (qtbase_zh_CN.qm) was not found: menus and dialog buttons would be English")
        timings["confident"] = confident_at(sidebar, cache, had_index)
        if display and reply is not None:
            paste_and_copy(display, sidebar, reply)
        time.sleep(0.3)
        if sidebar.proc.poll() is not None:
            raise SmokeFailure(f"the sidebar exited with {sidebar.proc.returncode}")
    finally:
        sidebar.stop()
    sidebar.check_stderr()
    return timings


def startups(cmd: list[str], root: Path, runs: int, reply: str | None = None, display: str | None = None, warm_runs: int | None = None) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """``runs`` cold starts, each with empty settings, data and cache folders (the first also
    pastes a question and reads the reply back, under Xvfb), then ``runs`` warm starts sharing one
    set of folders that a start has filled first (``warm_runs`` of them, if given)."""
    def env_for(home: Path) -> dict[str, str]:
        env = isolated_env(home)
        env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"} if display else {"QT_QPA_PLATFORM": "offscreen"})
        return env

    cold = []
    for number in range(runs):
        home = root / f"cold-{number}"
        home.mkdir(parents=True)
        cold.append(start_once(cmd, env_for(home), home / "gui.txt", display, reply if number == 0 else None))
    warm: list[dict[str, float]] = []
    if warm_runs == 0:
        return cold, warm
    warm_home = root / "warm"
    warm_home.mkdir(parents=True)
    start_once(cmd, env_for(warm_home), warm_home / "gui-first.txt")
    warm = [start_once(cmd, env_for(warm_home), warm_home / f"gui-{n}.txt") for n in range(runs if warm_runs is None else warm_runs)]
    return cold, warm


def edited_library_start(cmd: list[str], library: Path, root: Path, display: str | None = None) -> dict[str, float]:
    """A first start after a team lead's edit (the shipped library with one word more): no index
    fits it, so the co-ranker trains behind the plain matcher (in a frozen program on the loader
    thread, for want of an interpreter to start a child with) and saves the index; times it."""
    home = root / "edited"
    home.mkdir(parents=True)
    text = library.read_text(encoding="utf-8")
    if "vocabulary: [" not in text:
        raise SmokeFailure(f"{library} has no 'vocabulary: [' line to edit")
    edited = home / "scripts.yaml"
    edited.write_text(text.replace("vocabulary: [", "vocabulary: [冒烟测试词, ", 1), encoding="utf-8")
    env = isolated_env(home)
    env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"} if display else {"QT_QPA_PLATFORM": "offscreen"})
    timings = start_once([*cmd, "--library", str(edited)], env, home / "gui.txt")
    if "shipped-index" in Sidebar.read_events(home / "gui.txt") or not list((home / "cache" / "index").glob("*.index")):
        raise SmokeFailure("after a library edit the sidebar did not train and save its own index")
    return timings


def summary(label: str, runs: list[dict[str, float]]) -> str:
    def figure(event: str) -> str:
        values = sorted(run[event] for run in runs)
        return f"{event} median {statistics.median(values):.3f} s, max {values[-1]:.3f} s"

    return f"{label} ({len(runs)} runs): " + "; ".join(figure(e) for e in ("shown", "ready", "confident"))


def gui(exe: Path, home: Path, reply: str, runs: int, python: Path | None = None) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """The frozen sidebar started ``runs`` times cold and ``runs`` times warm (startups()); then,
    as the baseline timed in the same run, the same program from source with the build venv's
    interpreter (warm)."""
    xvfb = display = None
    if xvfb_available():
        xvfb, display = start_xvfb()
    try:
        cold, warm = startups([str(exe)], home / "gui", max(runs, 1), reply, display)
        edited = edited_library_start([str(exe)], exe.parent / "_internal" / "kefu_assist" / "resources" / "scripts.yaml", home / "gui", display)
        baseline = None
        if python is not None:
            source_home = home / "gui" / "source"
            source_home.mkdir()
            env = isolated_env(source_home)
            env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"} if display else {"QT_QPA_PLATFORM": "offscreen"})
            for number in range(2):  # the first fills its cache (and trains in its child)
                sidebar = Sidebar([str(python), "-m", "kefu_assist"], env, source_home / f"gui-{number}.txt")
                try:
                    baseline = sidebar.wait_ready()
                    if number == 0:
                        confident_at(sidebar, Path(env["KEFU_ASSIST_CACHE_DIR"]), False)
                finally:
                    sidebar.stop()
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=10)
    where = f"Xvfb {display}" if display else "offscreen"
    print(f"start-up of the frozen sidebar ({where}), seconds from spawning it; confident: the co-ranker's weights in", flush=True)
    print("  " + summary("cold, empty settings and cache", cold), flush=True)
    print("  " + summary("warm", warm), flush=True)
    print("  " + summary("after a library edit, cold (trains)", [edited]), flush=True)
    if baseline is not None:
        print(f"  baseline, from source with the build venv, warm: shown {baseline['shown']:.3f} s, ready {baseline['ready']:.3f} s", flush=True)
    return cold, warm


def windowed(exe: Path, home: Path) -> None:
    """Windows: the sidebar program proper (no console, no stderr) starts and keeps running."""
    env = {**isolated_env(home), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([str(exe)], env=env)
    try:
        time.sleep(8)
        if proc.poll() is not None:
            raise SmokeFailure(f"{exe.name} exited with {proc.returncode}")
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"ok: {exe.name} runs", flush=True)


# Test and development tools (the `test` extra and what they pull in): build.py builds from a venv
# without them, and the smoke test fails if one is in the bundle anyway. jieba is the tests'
# reference segmenter; the program runs its own over resources/jieba_dict.txt.
TEST_TOOLS = frozenset({"pytest", "_pytest", "pytestqt", "pytest_qt", "pytest_postgresql", "hypothesis", "ruff", "mypy", "mypyc",
                        "mypy_extensions", "pygments", "jieba", "iniconfig", "pluggy"})


def test_tools_in(names) -> list[str]:
    """The test tools among top-level names of a bundle: folders and files of its _internal
    folder (packages, NAME-VERSION.dist-info) and the executables' Python modules."""
    found = set()
    for name in names:
        top = str(name).replace("\\", "/").split("/")[0]
        stem = top.split("-")[0] if top.endswith((".dist-info", ".egg-info")) else top.split(".")[0]
        if stem.lower() in TEST_TOOLS:
            found.add(stem.lower())
    return sorted(found)


def bundled_names(folder: Path, python: Path) -> list[str]:
    """Top-level names in the bundle's _internal folder and in each executable's Python archive
    (read with the build venv's PyInstaller)."""
    internal = folder / "_internal"
    names = [p.name for p in internal.iterdir()] if internal.is_dir() else []
    code = ("import sys\nfrom PyInstaller.archive.readers import CArchiveReader\n"
            "for exe in sys.argv[1:]:\n"
            "    pyz = CArchiveReader(exe).open_embedded_archive('PYZ.pyz')\n"
            "    print('\\n'.join(pyz.toc))\n")
    exes = [p for p in folder.iterdir() if p.is_file() and (p.suffix == ".exe" or p.name == "kefu-assist")]
    proc = subprocess.run([str(python), "-c", code, *map(str, exes)], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0 or not proc.stdout.strip():
        raise SmokeFailure(f"could not list the Python modules in {', '.join(p.name for p in exes)}: {proc.stderr[-1000:]}")
    return names + proc.stdout.split()


def run_all(archive: Path, name: str, version: str, python: Path, runs: int = 3) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    with tempfile.TemporaryDirectory(prefix="kefu-smoke-") as tmp:
        tmp = Path(tmp)
        unpack(archive, tmp / "unpacked")
        folder = tmp / "unpacked" / name
        exe = folder / ("kefu-assist-cli.exe" if WINDOWS else "kefu-assist")
        if not exe.exists():
            raise SmokeFailure(f"{archive.name} has no {exe.relative_to(tmp / 'unpacked')}")
        for required in ("LICENSE", "THIRD_PARTY_LICENSES/README.txt", "THIRD_PARTY_LICENSES/Qt/LGPL-3.0.txt"):
            if not (folder / required).is_file():
                raise SmokeFailure(f"{archive.name} has no {required}")
        readme = (folder / "THIRD_PARTY_LICENSES" / "README.txt").read_text(encoding="utf-8")
        for needed in ("numpy", *(("python-xlib",) if sys.platform.startswith("linux") else ())):
            if f"\n  {needed} " not in readme:
                raise SmokeFailure(f"THIRD_PARTY_LICENSES/README.txt does not name {needed}")
        tools = test_tools_in(bundled_names(folder, python))
        if tools:
            raise SmokeFailure(f"{archive.name} holds test tools: {', '.join(tools)}")
        print("ok: no test tool in the bundle", flush=True)
        home = tmp / "home"
        home.mkdir()
        reply = command_line(exe, version, home, python)
        timings = gui(exe, home, reply, runs, python)
        if WINDOWS:
            windowed(folder / "kefu-assist.exe", home)
        return timings
