"""Every package the code imports is a declared dependency (#14).

A README install uses the venv's own pip (23.2 on Python 3.11), which drops extras
such as `lxml[html_clean]`; what the code needs must be named in pyproject.toml
itself, and the test run must not depend on anything installed by hand.
"""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
OWN = {"scotrack", "tests", "conftest", "bench"}


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement string (PEP 503)."""
    bare = re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", bare).lower()


RUNTIME = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
DEV = {_name(r) for r in PYPROJECT["project"]["optional-dependencies"]["dev"]}
EXTRAS = {
    _name(r)
    for extra, requirements in PYPROJECT["project"]["optional-dependencies"].items()
    if extra != "dev"
    for r in requirements
}
"""Optional features' own dependencies (`parquet`, `cluster`): src imports them
only where that feature runs, with a one-line error naming the extra if missing."""


def _imported_modules(folder: Path) -> set[str]:
    """Top-level names of the absolute imports in every .py file under `folder`."""
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    local = {p.stem for p in folder.rglob("*.py")}  # helper modules beside the tests
    return {n for n in names if n not in sys.stdlib_module_names | OWN | local}


def _distributions(module: str) -> set[str]:
    found = importlib.metadata.packages_distributions().get(module, [])
    return {_name(d) for d in found}


@pytest.mark.parametrize("module", sorted(_imported_modules(ROOT / "src")))
def test_every_module_src_imports_is_a_runtime_dependency(module):
    dists = _distributions(module)
    assert dists, f"{module} is imported by src/ but no installed package provides it"
    assert dists & (RUNTIME | EXTRAS), (
        f"{module} ({dists}) is not in [project.dependencies] or an optional extra"
    )


@pytest.mark.parametrize(
    "module",
    sorted(_imported_modules(ROOT / "tests") | _imported_modules(ROOT / "bench")),
)
def test_every_module_tests_and_bench_import_is_declared(module):
    dists = _distributions(module)
    assert dists, f"{module} is imported by tests/ or bench/ but nothing provides it"
    assert dists & (RUNTIME | DEV), f"{module} ({dists}) is not a declared dependency"


def test_html_cleaning_trafilatura_needs_is_installed():
    """trafilatura -> justext -> lxml.html.clean: the import chain that failed on a
    README install when only lxml's extra named it."""
    importlib.import_module("lxml.html.clean")
    assert "lxml-html-clean" in RUNTIME
