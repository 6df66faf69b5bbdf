"""The package's floors, checked by walking every import (module level and inside functions).

Arrows run one way: the entry points (cli, browser, registry) use the rules, the engine, the wording
and the documents; the rules use the engine; the wording and the documents read the engine's results;
the engine uses nothing but itself. Nothing under wizards/ imports the build side (hub/), and no two
modules anywhere in wizards/, hub/ or bench/ import each other, directly or round a longer loop.
"""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("wizards", "hub", "bench")

# floor -> the floors it may import (itself always allowed)
ALLOWED = {
    "engine": set(),
    "rules": {"engine"},
    "present": {"engine"},
    "documents": {"engine", "present"},
}
# The package itself (wizards/__init__.py) holds only the version and imports nothing; any floor may read it.
PACKAGE_ROOT = "wizards.__init__"
ENTRY_POINTS = {"wizards.__main__", "wizards.cli", "wizards.browser", "wizards.registry"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every module of this project that `path` imports, as dotted names."""
    name = module_name(path)
    package = name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # `from wizards.rules import breach` imports the module wizards.rules.breach
            found |= {f"{target}.{alias.name}" for alias in node.names}
    return {m for m in found if m.split(".")[0] in PACKAGES}


def project_modules() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "__pycache__" not in path.parts:
                modules[module_name(path)] = path
    return modules


def resolve(target: str, modules: dict[str, Path]) -> str | None:
    if target in modules:
        return target
    if f"{target}.__init__" in modules:
        return f"{target}.__init__"
    return None  # a name inside a module (`from x import function`), already counted as `x`


def graph() -> dict[str, set[str]]:
    modules = project_modules()
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = {resolve(t, modules) for t in imports_of(path)}
        edges[name] = {t for t in targets if t and t != name}
    return edges


def floor(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "wizards" and len(parts) > 2 else None


def test_the_walker_sees_relative_absolute_and_late_imports():
    """The checks below are only as good as the import walk: it must see every form."""
    edges = graph()
    assert "wizards.engine.walk" in edges["wizards.cli"]            # from wizards.engine.walk import ...
    assert "wizards.rules.breach" in edges["wizards.registry"]      # from wizards.rules import breach
    assert "wizards.documents.spreadsheet" in edges["wizards.documents.__main__"]  # inside a function


def test_the_engine_imports_only_itself_and_the_rules_only_the_engine():
    wrong = []
    for module, targets in graph().items():
        own = floor(module)
        if own is None or own not in ALLOWED:
            continue
        for target in targets - {PACKAGE_ROOT}:
            other = floor(target)
            if target.startswith("wizards.") and target not in ENTRY_POINTS and other in ALLOWED:
                if other != own and other not in ALLOWED[own]:
                    wrong.append(f"{module} -> {target}")
            elif target.startswith("wizards.") and other != own:
                wrong.append(f"{module} -> {target} (an entry point, from a floor below it)")
    assert not wrong, "imports against the floors:\n" + "\n".join(sorted(wrong))


def test_the_package_root_imports_nothing():
    assert graph()[PACKAGE_ROOT] == set()


def test_nothing_in_wizards_imports_the_build_side_or_the_tests():
    wrong = [f"{m} -> {t}" for m, targets in graph().items() if m.startswith("wizards.")
             for t in targets if not t.startswith("wizards.")]
    assert not wrong, "\n".join(wrong)


def loops(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components: any component of two or more modules is a loop."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_two_modules_import_each_other_round_any_loop():
    assert not loops(graph()), f"modules that import each other: {loops(graph())}"


def test_a_loop_is_found_when_there_is_one():
    """The loop check must be able to fail: a back edge from the model to the walk is seen."""
    edges = graph()
    edges["wizards.engine.model"] = edges["wizards.engine.model"] | {"wizards.engine.walk"}
    assert ["wizards.engine.model", "wizards.engine.walk"] in loops(edges)


def test_the_top_level_stays_small_and_each_floor_says_what_it_is():
    entries = sorted(p.name for p in (ROOT / "wizards").iterdir() if p.name != "__pycache__")
    assert len(entries) <= 10, entries
    for floor_name in ("rules", "engine", "present", "documents"):
        init = ROOT / "wizards" / floor_name / "__init__.py"
        assert init.exists() and ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), floor_name
    # Where a newcomer looks: the DPO rules, the wording of a result, the breach log.
    assert (ROOT / "wizards" / "rules" / "dpo.py").exists()
    assert (ROOT / "wizards" / "present" / "render.py").exists()
    assert (ROOT / "wizards" / "documents" / "breach_log.py").exists()
