"""The shape of the package: no import cycle between bti's modules, the core never reaches into
the command line, and every package says what it owns and may import.

Every `import` of every module counts, wherever it stands: at the top, inside a function (bti
imports heavy modules late for start-up time) or under `if TYPE_CHECKING:`. Relative imports are
resolved. `from bti_cli.x import y` is an import of the module `bti_cli.x.y` when that is a
module, else of `bti_cli.x`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "bti_cli"

# Known cycles still to be taken apart, each by name, so that whoever removes one deletes its line
# here (and the test then keeps it out). None left: the index is told about case writes by an
# observer that bti_cli.caselog.store passes to the log.
EXPECTED_CYCLES: set[frozenset[str]] = set()

# `python -m bti_cli` starts the command line: the one module outside bti_cli/cli/ that may import it
ENTRY_POINTS = {"bti_cli.__main__"}


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def imported_names(module: str, path: Path) -> list[tuple[str, int]]:
    """(imported module name, line) for every import statement of a module, anywhere in it."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                if node.level > 1:
                    parts = parts[: len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                names.append((candidate if candidate in MODULES else base, node.lineno))
    return names


def _own(name: str) -> str | None:
    """The bti module an imported name belongs to (the longest known prefix), or None."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> dict[str, dict[str, int]]:
    """module → {imported bti module: line of the first such import}."""
    graph: dict[str, dict[str, int]] = {}
    for module, path in MODULES.items():
        edges: dict[str, int] = {}
        for name, line in imported_names(module, path):
            target = _own(name)
            if target is not None and target != module:
                edges.setdefault(target, line)
        graph[module] = edges
    return graph


def strongly_connected(graph: dict[str, dict[str, int]]) -> list[set[str]]:
    """The groups of modules that import one another, directly or not (Tarjan), of two or more."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def a_cycle(graph: dict[str, dict[str, int]], group: set[str]) -> list[str]:
    """One cycle through a group, as `a (line) -> b (line) -> … -> a`, for the failure message."""
    start = min(group)
    path = [start]
    seen = {start}
    node = start
    while True:
        targets = sorted(t for t in graph[node] if t in group)
        if start in targets and len(path) > 1:
            path.append(start)
            break
        nxt = next((t for t in targets if t not in seen), targets[0])
        path.append(nxt)
        if nxt in seen:
            path = path[path.index(nxt):]
            break
        seen.add(nxt)
        node = nxt
    return [f"{a} (line {graph[a][b]})" for a, b in zip(path, path[1:], strict=False)] + [path[-1]]


def test_the_graph_sees_function_level_and_relative_imports(tmp_path):
    """The parser itself: a late import inside a function and a relative import both count."""
    path = PACKAGE / "walkthrough" / "session.py"
    names = {name for name, _ in imported_names("bti_cli.walkthrough.session", path)}
    assert "bti_cli.caselog.log" in names  # inside a method, under `if TYPE_CHECKING:` too
    assert "bti_cli.privacy.scrubber" in names  # inside a method only
    relative = tmp_path / "mod.py"
    relative.write_text("def f():\n    from ..catalogue import loader\n    from . import prompts\n", encoding="utf-8")
    names = {name for name, _ in imported_names("bti_cli.walkthrough.mod", relative)}
    assert names == {"bti_cli.catalogue.loader", "bti_cli.walkthrough.prompts"}


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import():
    graph = {"a": {"b": 1}, "b": {"c": 2}, "c": {"a": 9}, "d": {"a": 1}}
    assert strongly_connected(graph) == [{"a", "b", "c"}]
    assert a_cycle(graph, {"a", "b", "c"}) == ["a (line 1)", "b (line 2)", "c (line 9)", "a"]


def test_no_import_cycle():
    graph = import_graph()
    assert len(graph) > 30, "the modules were not found"
    groups = strongly_connected(graph)
    unexpected = [g for g in groups if frozenset(g) not in EXPECTED_CYCLES]
    assert not unexpected, "import cycles:\n" + "\n".join(" -> ".join(a_cycle(graph, g)) for g in unexpected)
    gone = EXPECTED_CYCLES - {frozenset(g) for g in groups}
    assert not gone, f"this cycle is gone: delete it from EXPECTED_CYCLES: {sorted(map(sorted, gone))}"


def test_the_core_never_imports_the_command_line():
    offenders = []
    for module, path in MODULES.items():
        if module == "bti_cli.cli" or module.startswith("bti_cli.cli.") or module in ENTRY_POINTS:
            continue
        for name, line in imported_names(module, path):
            if name == "bti_cli.cli" or name.startswith("bti_cli.cli."):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
            if name.split(".")[0] in ("typer", "click"):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name} (the CLI's library)")
    assert not offenders, "\n".join(offenders)


def test_the_core_does_not_look_into_sys_modules():
    offenders = []
    for module, path in MODULES.items():
        if module.startswith("bti_cli.cli"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "modules" and getattr(node.value, "id", "") == "sys":
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert not offenders, "sys.modules in the core: " + ", ".join(offenders)


PACKAGES = sorted(p.parent for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: p.name)
def test_every_package_says_what_it_owns_and_may_import(package):
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
    assert doc, f"{package.name}/__init__.py has no docstring"
    first, _, rest = doc.partition("\n\n")
    assert len(first.split()) >= 5, f"{package.name}: the first paragraph says what the package owns"
    assert "May import:" in rest, f"{package.name}: the docstring says what the package may import (`May import:`)"
