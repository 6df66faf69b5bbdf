"""The DPIA and GDPR-file pages' Python travels apart from the wizards' wheel (hub/wheel.py ON_DEMAND),
so a wizard's first visit does not carry it (issue 26: the first-visit bench unchanged). What travels
apart must be complete: every module it imports is in the zip or in the wheel, and the wheel itself
never imports it when Python starts."""
import ast
import zipfile
from pathlib import Path

from hub.spreadsheet_assets import pages_zip
from hub.wheel import NOT_IN_BROWSER, ON_DEMAND
from tests.test_layout import imports_of, project_modules, resolve

ROOT = Path(__file__).resolve().parents[1]


def as_path(module: str) -> str:
    return project_modules()[module].relative_to(ROOT).as_posix()


def test_the_zip_holds_exactly_the_modules_kept_out_of_the_wheel(tmp_path):
    name = pages_zip(tmp_path)
    names = set(zipfile.ZipFile(tmp_path / name).namelist())
    assert names == set(ON_DEMAND) | {"_split_packages.pages.json"}
    assert name == pages_zip(tmp_path), "the name depends on the content only"


def test_what_travels_apart_imports_only_what_the_browser_has():
    modules = project_modules()
    apart = {m for m in modules if as_path(m) in ON_DEMAND}
    assert apart, "ON_DEMAND names no module"
    for module in apart:
        for target in imports_of(modules[module]):
            found = resolve(target, modules)
            if found and found.startswith("wizards"):
                assert as_path(found) not in NOT_IN_BROWSER, f"{module} imports {found}, which the browser never gets"


def test_nothing_in_the_wheel_imports_them_at_module_level():
    """A module-level import would pull them into the snapshot's start, where they are not."""
    modules = project_modules()
    apart = {m for m in modules if as_path(m) in ON_DEMAND}
    for module, path in modules.items():
        if not module.startswith("wizards.") or as_path(module) in ON_DEMAND + NOT_IN_BROWSER:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
        for node in top:
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [f"{node.module}.{a.name}" for a in node.names] + [node.module or ""]
            assert not {resolve(n, modules) for n in names} & apart, f"{module} imports {names} at module level"
