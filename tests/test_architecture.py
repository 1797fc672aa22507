"""The direction of imports and the home of the rules, checked by walking the code.

Data flows one way (docs/architecture.md): `domain` imports nothing of ours but
`errors`; `ingest` never reaches into the store or a surface; the lexicon holds
rules as data and imports only itself; and no stage module compiles a pattern of
its own: every rule of the extractor is compiled once, in `ingest/lexicon/`
(#11, #15).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "scotrack"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[str]:
    """Every `scotrack...` module `path` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path).split(".")
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + (path.name == "__init__.py")]
                module = ".".join([*base, *(node.module or "").split(".")]).strip(".")
            else:
                module = node.module or ""
            if module != "scotrack":  # `from scotrack import data` names scotrack.data
                found.append(module)
            found += [f"{module}.{alias.name}" for alias in node.names]
    return [name for name in found if name.startswith("scotrack")]


def _modules(package: str) -> list[Path]:
    return sorted((PACKAGE / package.replace(".", "/")).rglob("*.py"))


def violations(package: str, allowed: tuple[str, ...]) -> list[str]:
    """`file: module` for every scotrack import under `package` outside `allowed`."""
    bad = []
    for path in _modules(package):
        for name in _imports(path):
            if not any(name == a or name.startswith(a + ".") for a in allowed):
                bad.append(f"{path.relative_to(PACKAGE)}: {name}")
    return bad


RULES = {
    "domain": ("scotrack.domain", "scotrack.errors"),
    "ingest": (
        "scotrack.ingest",
        "scotrack.domain",
        "scotrack.data",
        "scotrack.errors",
    ),
    "ingest.lexicon": ("scotrack.ingest.lexicon",),
}


@pytest.mark.parametrize("package", sorted(RULES))
def test_imports_flow_one_way(package):
    assert violations(package, RULES[package]) == []


def test_the_check_catches_a_violating_import(tmp_path, monkeypatch):
    fake = tmp_path / "scotrack"
    (fake / "domain").mkdir(parents=True)
    (fake / "domain" / "bad.py").write_text("from scotrack.store import models\n")
    monkeypatch.setattr(f"{__name__}.PACKAGE", fake)
    assert violations("domain", RULES["domain"]) == [
        "domain/bad.py: scotrack.store",
        "domain/bad.py: scotrack.store.models",
    ]


STAGE_PACKAGES = ("ingest.read", "ingest.entities", "ingest.facts")


def _compiles(path: Path) -> list[str]:
    """Calls that compile a pattern (`re.compile`, `folded_pattern`) in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = (
                func.attr
                if isinstance(func, ast.Attribute)
                else getattr(func, "id", "")
            )
            if name in ("compile", "folded_pattern"):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


@pytest.mark.parametrize("package", STAGE_PACKAGES)
def test_stage_modules_compile_no_pattern_of_their_own(package):
    assert [hit for path in _modules(package) for hit in _compiles(path)] == []


def test_the_lexicon_compiles_the_rules():
    assert [hit for path in _modules("ingest.lexicon") for hit in _compiles(path)]
