"""The layers' rules, checked two ways: by walking every import statement with ast (lazy ones
inside functions included), and by importing a layer in a fresh interpreter and looking at
sys.modules.

- ``library``, ``matching``, ``store``, ``checker`` and the Qt-free modules never import Qt
  (``ui/`` is the only Qt importer);
- ``store`` never imports ``service`` or ``matching`` (recording an event must not load the
  library's YAML, the matcher or rapidfuzz);
- ``events`` imports nothing else of the project;
- no import circle between the project's modules;
- a sidebar panel module (``ui/*_panel.py``, ``ui/*_ctl.py``, the copy flow, ...) never imports
  another panel, directly or through other modules, nor the window shell (``main_window``,
  ``app``), not even for type hints: panels talk through signals, the shell wires them.
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import kefu_assist

PACKAGE = Path(kefu_assist.__file__).resolve().parent
SRC = PACKAGE.parent
QT = ("PySide6", "shiboken6")
QT_FREE_LAYERS = ("library", "matching", "store", "checker")
QT_FREE_MODULES = ("events", "errors", "settings", "service", "review_queue", "cli", "cli_common", "cli_match", "cli_lint", "cli_find", "paths", "atomic", "evaluation", "resources", "code_id", "sealed")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _project_modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py") if "compiled" not in p.parts}


def _imports(name: str, path: Path, *, type_hints: bool = False) -> set[str]:
    """Every absolute module name ``path``'s import statements name (relative ones resolved),
    with each name's parent packages (importing a.b.c runs a/__init__ and a/b/__init__ first).
    ``type_hints``: those of ``if TYPE_CHECKING:`` blocks too."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    out: set[str] = set()

    def add(dotted: str) -> None:
        parts = dotted.split(".")
        out.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))

    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    type_only = {  # ``if TYPE_CHECKING:`` blocks never run
        id(inner) for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for stmt in node.body for inner in ast.walk(stmt)
    }
    for node in ast.walk(tree):
        if id(node) in type_only and not type_hints:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(here[: len(here) - (node.level - 1)] + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            add(base)
            for alias in node.names:
                add(f"{base}.{alias.name}")  # a submodule (``from . import paths``) or just a name
    return out


def _graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports. An import of one's own parent package is left
    out: Python has always run it before the module itself."""
    modules = _project_modules()
    graph = {}
    for name, path in modules.items():
        graph[name] = {
            target for target in _imports(name, path)
            if target in modules and target != name and not name.startswith(target + ".")
        }
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            advanced = False
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_cycle_finder_finds_a_circle_through_a_lazy_import():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_import_walk_sees_lazy_and_relative_imports(tmp_path):
    path = tmp_path / "mod.py"
    path.write_text("from . import paths\ndef f():\n    from ..cli import CliError\n    import PySide6.QtCore\n"
                    "if TYPE_CHECKING:\n    from .db import open_database\n")
    names = _imports("kefu_assist.store.mod", path)
    assert {"kefu_assist.store.paths", "kefu_assist.cli", "kefu_assist.cli.CliError", "PySide6", "PySide6.QtCore"} <= names
    assert "kefu_assist.store.db" not in names


def test_no_import_circle():
    assert _cycles(_graph()) == []


def _layer(name: str) -> list[str]:
    return sorted(m for m in _project_modules() if m == f"kefu_assist.{name}" or m.startswith(f"kefu_assist.{name}."))


@pytest.mark.parametrize("layer", QT_FREE_LAYERS)
def test_layer_statements_never_import_qt(layer):
    modules = _project_modules()
    offenders = {
        module: sorted(n for n in _imports(module, modules[module]) if n.split(".")[0] in QT)
        for module in _layer(layer)
    }
    assert {m: names for m, names in offenders.items() if names} == {}


@pytest.mark.parametrize("module", QT_FREE_MODULES)
def test_module_statements_never_import_qt(module):
    path = _project_modules().get(f"kefu_assist.{module}")
    if path is None:
        pytest.fail(f"kefu_assist.{module} is gone: update QT_FREE_MODULES")
    assert sorted(n for n in _imports(f"kefu_assist.{module}", path) if n.split(".")[0] in QT) == []


def test_store_statements_never_import_service_or_matching():
    modules = _project_modules()
    bad = ("kefu_assist.service", "kefu_assist.matching")
    offenders = {}
    for module in _layer("store"):
        names = sorted(n for n in _imports(module, modules[module]) if n in bad or n.startswith("kefu_assist.matching."))
        if names:
            offenders[module] = names
    assert offenders == {}


def test_events_imports_nothing_of_the_project():
    path = _project_modules()["kefu_assist.events"]
    assert sorted(n for n in _imports("kefu_assist.events", path) if n.split(".")[0] == "kefu_assist") == []


def _loaded_after_importing(modules: list[str]) -> set[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return set(json.loads(out.stdout))


def _importable(layer: str) -> list[str]:
    # alembic's env.py runs migrations when imported: it is alembic's to load, not ours
    return [m for m in _layer(layer) if ".migrations" not in m]


def test_importing_the_qt_free_layers_loads_no_qt():
    modules = [m for layer in QT_FREE_LAYERS for m in _importable(layer)]
    modules += [f"kefu_assist.{m}" for m in QT_FREE_MODULES]
    loaded = _loaded_after_importing(modules)
    assert sorted(m for m in loaded if m.split(".")[0] in QT) == []


def test_importing_the_store_loads_no_service_matching_yaml_or_rapidfuzz():
    loaded = _loaded_after_importing(_importable("store"))
    unwanted = ("kefu_assist.service", "kefu_assist.matching", "kefu_assist.library", "yaml", "rapidfuzz", "jieba")
    assert sorted(m for m in loaded if m.split(".")[0] in unwanted or m.startswith(unwanted)) == []
    assert "kefu_assist.events" in loaded  # the recorder's event type comes from here


def test_copy_event_is_still_importable_from_service():
    from kefu_assist import events, service

    assert service.CopyEvent is events.CopyEvent
    assert service.UsageRecorder is events.UsageRecorder


def test_nothing_at_run_time_imports_test_only_packages():
    """jieba (and the test tools) are in the test extra only: an installed sidebar has none."""
    modules = _project_modules()
    test_only = ("jieba", "pytest", "hypothesis", "pytestqt")
    offenders = {m: sorted(n for n in _imports(m, p) if n.split(".")[0] in test_only) for m, p in modules.items()}
    assert {m: names for m, names in offenders.items() if names} == {}


# -- the sidebar's panels ---------------------------------------------------------------------------
UI = "kefu_assist.ui"
SHELL = (f"{UI}.main_window", f"{UI}.app")
PANELS_BY_NAME = ("copy_flow", "learned_sync", "placement", "usage")  # besides ui/*_panel.py and ui/*_ctl.py


def _panel_modules(modules: "dict[str, Path] | None" = None) -> list[str]:
    modules = _project_modules() if modules is None else modules
    top = [m for m in modules if m.startswith(UI + ".") and m.count(".") == 2]
    return sorted(m for m in top if m.endswith(("_panel", "_ctl")) or m.rsplit(".", 1)[1] in PANELS_BY_NAME)


def _panel_offenders(modules: dict[str, Path], graph: dict[str, set[str]]) -> dict[str, list[str]]:
    """Panel -> the other panels (and shell modules) it reaches at run time, through any chain
    of imports, and the shell modules it names even in type hints."""
    panels = set(_panel_modules(modules))
    offenders = {}
    for panel in sorted(panels):
        reached, todo = set(), [panel]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in reached:
                    reached.add(nxt)
                    todo.append(nxt)
        bad = {m for m in reached if m != panel and (m in panels or m in SHELL)}
        bad |= {m for m in _imports(panel, modules[panel], type_hints=True) if m in SHELL}
        if bad:
            offenders[panel] = sorted(bad)
    return offenders


def test_the_panel_rule_covers_every_panel():
    names = {m.rsplit(".", 1)[1] for m in _panel_modules()}
    assert {
        "browse_panel", "check_panel", "copy_flow", "hotkey_ctl", "learned_sync", "library_ctl", "placement",
        "stats_panel", "suggest_panel", "tray_ctl", "usage", "usual_panel",
    } <= names


def test_no_panel_imports_another_panel_or_the_window():
    modules = _project_modules()
    assert _panel_offenders(modules, _graph()) == {}


def test_panel_rule_sees_a_panel_reached_through_another_module(tmp_path):
    """The check itself: a direct import, one through a helper module, and a type-hint import of
    the shell are found; type hints naming another panel (the injected collaborators) are not."""
    files = {
        "a_panel": "from .helper import x\n",
        "helper": "from .b_panel import y\n",
        "b_panel": "if TYPE_CHECKING:\n    from .main_window import MainWindow\n",
        "c_ctl": "if TYPE_CHECKING:\n    from .a_panel import APanel\nfrom .mood import z\n",
        "mood": "",
        "main_window": "from .a_panel import APanel\n",
    }
    modules = {}
    for name, text in files.items():
        path = tmp_path / f"{name}.py"
        path.write_text(text)
        modules[f"{UI}.{name}"] = path
    graph = {m: {t for t in _imports(m, p) if t in modules and t != m} for m, p in modules.items()}
    assert _panel_offenders(modules, graph) == {f"{UI}.a_panel": [f"{UI}.b_panel"], f"{UI}.b_panel": [f"{UI}.main_window"]}


def test_property_tests_assert_no_timings():
    # conftest's hypothesis profile: no per-example deadline (a timing assertion) in any property test
    from hypothesis import settings

    assert settings.default is not None and settings.default.deadline is None
