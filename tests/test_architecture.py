"""The direction of imports and the home of the rules, checked by walking the code.

Data flows one way (docs/architecture.md): `domain` imports nothing of ours but
`errors`, and of the rest only the standard library; `ingest` never reaches into
the store or a surface; the store reaches into no surface; in the store, a read
(`store.read`, and the exports built on reads) never uses a write (`store.write`),
and the foundations at `store/` use neither; the lexicon holds rules as data and
imports only itself; the surfaces (`cli`, `api`, `web`) import no ORM model and
call no store function that returns rows; and
no stage module compiles a pattern of its own: every rule of the extractor is
compiled once, in `ingest/lexicon/` (#11, #15). An import counts wherever it is
(in a function, under TYPE_CHECKING), and so does a module loaded by its name
(`lazy_module`, `importlib.import_module`, `__import__`) and a name reached
through an imported package (`store.models.Claim`).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "scotrack"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[str]:
    """Every `scotrack...` module `path` imports (relative imports resolved)."""
    return [name for name in _all_imports(path) if name.startswith("scotrack")]


def _from_module(node: ast.ImportFrom, path: Path) -> str:
    """The module a `from ... import` in `path` imports from, relative resolved."""
    if not node.level:
        return node.module or ""
    here = _module_name(path).split(".")
    base = here[: len(here) - node.level + (path.name == "__init__.py")]
    return ".".join([*base, *(node.module or "").split(".")]).strip(".")


LOADERS = ("lazy_module", "import_module", "__import__")
"""Functions that import the module named by their first argument, a string."""


def _loaded(node: ast.AST) -> str | None:
    """The module a call of a LOADER imports (`lazy_module("scotrack.store...")`,
    `importlib.import_module(...)`, `__import__(...)`), when named by a string."""
    if not isinstance(node, ast.Call) or not node.args:
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    first = node.args[0]
    if name in LOADERS and isinstance(first, ast.Constant):
        return first.value if isinstance(first.value, str) else None
    return None


def _all_imports(path: Path) -> list[str]:
    """Every module (and `module.name` of a `from` import) `path` imports, at any
    depth (in functions and under TYPE_CHECKING too), relative imports resolved,
    and every module a LOADER imports by name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _from_module(node, path)
            if module != "scotrack":  # `from scotrack import data` names scotrack.data
                found.append(module)
            found += [f"{module}.{alias.name}" for alias in node.names]
        elif (loaded := _loaded(node)) is not None:
            found.append(loaded)
    return found


def _dotted(node: ast.AST, names: dict[str, str]) -> str | None:
    """`a.b.c` with `a` resolved through `names` (a module or name imported)."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in names:
        return None
    return ".".join([names[node.id], *reversed(parts)])


def _references(path: Path) -> set[str]:
    """What `path` imports (`_all_imports`) and every `module.name` it reaches
    through a module it imported (`from scotrack import store` then
    `store.models.Claim` reaches `scotrack.store.models.Claim`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = _bindings(tree, path)
    found = set(_all_imports(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            dotted = _dotted(node, names)
            if dotted is not None and dotted.startswith("scotrack"):
                found.add(dotted)
    return found


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
    "store": (
        "scotrack.store",
        "scotrack.ingest",
        "scotrack.domain",
        "scotrack.data",
        "scotrack.errors",
        "scotrack.settings",
        "scotrack.__version__",
    ),
}


@pytest.mark.parametrize("package", sorted(RULES))
def test_imports_flow_one_way(package):
    assert violations(package, RULES[package]) == []


# the store's rooms: foundations at store/, reads in store/read/, writes in
# store/write/; a write may use a read, never the reverse

STORE_ROOMS = {
    "store.read": ("scotrack.store.write",),
    "store.exports": ("scotrack.store.write",),
}
"""Room -> the modules it may not import."""

ROOMS = ("scotrack.store.read", "scotrack.store.write", "scotrack.store.exports")


def reaches(paths: list[Path], banned: tuple[str, ...]) -> list[str]:
    """`file: module` for every import in `paths` of a module under `banned`."""
    return [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in paths
        for name in _imports(path)
        if any(name == b or name.startswith(b + ".") for b in banned)
    ]


def foundations() -> list[Path]:
    """The store's modules outside its rooms (the package's `__init__`, which
    names the few functions a user starts with, aside)."""
    return sorted(
        path for path in (PACKAGE / "store").glob("*.py") if path.name != "__init__.py"
    )


@pytest.mark.parametrize("room", sorted(STORE_ROOMS))
def test_a_store_read_uses_no_write(room):
    assert reaches(_modules(room), STORE_ROOMS[room]) == []


def test_the_store_foundations_use_no_room():
    assert foundations()
    assert reaches(foundations(), ROOMS) == []


def _fake_package(tmp_path, monkeypatch, files: dict[str, str]) -> None:
    """A `scotrack` package of `files` (path: source) in place of the real one."""
    fake = tmp_path / "scotrack"
    for name, source in files.items():
        (fake / name).parent.mkdir(parents=True, exist_ok=True)
        (fake / name).write_text(source, encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.PACKAGE", fake)


def test_the_check_catches_a_violating_import(tmp_path, monkeypatch):
    _fake_package(
        tmp_path, monkeypatch, {"domain/bad.py": "from scotrack.store import models\n"}
    )
    assert violations("domain", RULES["domain"]) == [
        "domain/bad.py: scotrack.store",
        "domain/bad.py: scotrack.store.models",
    ]


def test_the_check_catches_ingest_reaching_into_the_store(tmp_path, monkeypatch):
    source = "def f():\n    from ...store.engine import make_engine\n"
    _fake_package(tmp_path, monkeypatch, {"ingest/facts/bad.py": source})
    assert violations("ingest", RULES["ingest"]) == [
        "ingest/facts/bad.py: scotrack.store.engine",
        "ingest/facts/bad.py: scotrack.store.engine.make_engine",
    ]


def test_the_check_catches_a_read_using_a_write(tmp_path, monkeypatch):
    _fake_package(
        tmp_path,
        monkeypatch,
        {
            "store/read/bad.py": "from scotrack.store.write import review\n",
            "store/read/door.py": "from scotrack.store import models, write\n",
            "store/read/sly.py": "def f():\n    from ..write.groups import accept\n",
            "store/read/fine.py": (
                "from scotrack.store import history, models\n"
                "from scotrack.store.read.queries import members_on\n"
                "from . import listings\n"
            ),
            "store/write/fine.py": "from scotrack.store.read import queries\n",
        },
    )
    assert reaches(_modules("store.read"), STORE_ROOMS["store.read"]) == [
        "store/read/bad.py: scotrack.store.write",
        "store/read/bad.py: scotrack.store.write.review",
        "store/read/door.py: scotrack.store.write",
        "store/read/sly.py: scotrack.store.write.groups",
        "store/read/sly.py: scotrack.store.write.groups.accept",
    ]


def test_the_check_catches_a_foundation_using_a_room(tmp_path, monkeypatch):
    _fake_package(
        tmp_path,
        monkeypatch,
        {
            "store/__init__.py": "from scotrack.store.write.baseline import load\n",
            "store/rows.py": "from scotrack.store import models\n",
            "store/history.py": "from .read.summaries import Summaries\n",
        },
    )
    assert reaches(foundations(), ROOMS) == [
        "store/history.py: scotrack.store.read.summaries",
        "store/history.py: scotrack.store.read.summaries.Summaries",
    ]


# the domain is pure: of the rest, only the standard library

DOMAIN_THIRD_PARTY = {
    # fuzzy name matching for `states.lookup`: a pure function of strings (no I/O),
    # a run-time dependency anyway; moving it out of the domain is more than a fix
    "domain/states.py: rapidfuzz",
}
"""Imports of the domain from outside the standard library and scotrack, as they
stand: the test fails on a new one, and on an entry no longer true (so the list
only shrinks)."""


def third_party(package: str) -> set[str]:
    """`file: top-level module` for each import under `package` that is neither
    the standard library nor scotrack (`from __future__` counts as the former)."""
    found = set()
    for path in _modules(package):
        for name in _all_imports(path):
            top = name.split(".")[0]
            if top and top not in sys.stdlib_module_names | {"scotrack", "__future__"}:
                found.add(f"{path.relative_to(PACKAGE)}: {top}")
    return found


def test_the_domain_imports_only_the_standard_library():
    assert third_party("domain") == DOMAIN_THIRD_PARTY


def test_the_check_catches_the_domain_importing_a_library(tmp_path, monkeypatch):
    source = "import re\nfrom datetime import date\nfrom sqlalchemy import select\n"
    _fake_package(tmp_path, monkeypatch, {"domain/bad.py": source})
    assert third_party("domain") == {"domain/bad.py: sqlalchemy"}


# the surfaces get domain objects or read models, never ORM rows

SURFACES = ("cli", "api", "web")

ORM_IN_SURFACES: set[str] = set()
"""ORM models the surfaces import as they stand (a type annotation counts: the
row still reaches the surface): none since the claim's read models (#15). The
test fails on a new one; what the reads return at run time is walked for rows by
tests/store/test_claims.py."""


def orm_models() -> dict[str, set[str]]:
    """module -> the ORM classes it defines (`class X(Base)`), under store/."""
    found: dict[str, set[str]] = {}
    for path in _modules("store"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id == "Base" for base in node.bases
            ):
                found.setdefault(_module_name(path), set()).add(node.name)
    return found


def orm_imports(packages: tuple[str, ...]) -> set[str]:
    """`file: name` for each import under `packages` of an ORM class, or of a whole
    module of them (`scotrack.store.models`), and each use of an ORM class through
    a module imported (`provenance.Claim`, `store.models.Claim`)."""
    models = orm_models()
    whole = {"scotrack.store.models"}
    found = set()
    for package in packages:
        for path in _modules(package):
            for name in _references(path):
                module, _, last = name.rpartition(".")
                if name in whole or last in models.get(module, ()):
                    found.add(f"{path.relative_to(PACKAGE)}: {name}")
    return found


def test_the_surfaces_import_no_orm_model():
    assert orm_imports(SURFACES) == ORM_IN_SURFACES


def test_the_check_catches_a_surface_importing_an_orm_model(tmp_path, monkeypatch):
    models = "class Base:\n    pass\n\n\nclass Claim(Base):\n    pass\n"
    store = (
        "from scotrack.store.models import Base\n\n\nclass Token(Base):\n    x = 1\n"
    )
    surface = (
        "from scotrack.store import models, review\n"
        "from scotrack.store.write.tokens import Token, create_token\n"
        "from ..store.models import Claim\n"
    )
    _fake_package(
        tmp_path,
        monkeypatch,
        {
            "store/models.py": models,
            "store/write/tokens.py": store,
            "web/page.py": surface,
            "cli/fine.py": "from scotrack.store.write.review import accept_claim\n",
        },
    )
    assert orm_imports(SURFACES) == {
        "web/page.py: scotrack.store.models",
        "web/page.py: scotrack.store.write.tokens.Token",
        "web/page.py: scotrack.store.models.Claim",
    }


def _bindings(tree: ast.Module, path: Path) -> dict[str, str]:
    """local name -> the module or `module.name` it is imported as, in `path`."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                names[alias.asname or top] = alias.name if alias.asname else top
        elif isinstance(node, ast.ImportFrom):
            module = _from_module(node, path)
            for alias in node.names:
                names[alias.asname or alias.name] = f"{module}.{alias.name}"
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, loaded = node.targets[0], _loaded(node.value)
            if isinstance(target, ast.Name) and loaded is not None:
                names[target.id] = loaded  # `review = lazy_module("...")`
    return names


def _naming(node: ast.AST, module: str, names: dict[str, str], rows: set[str]) -> bool:
    """Whether the annotation `node` (in `module`) names one of `rows`."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            if names.get(sub.id, f"{module}.{sub.id}") in rows:
                return True
        elif isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name):
            if f"{names.get(sub.value.id)}.{sub.attr}" in rows:
                return True
        elif isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            try:
                quoted = ast.parse(sub.value, mode="eval")
            except SyntaxError:
                continue
            if _naming(quoted, module, names, rows):
                return True
    return False


def _instance_of_given_class(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Whether `node` returns an instance of a class it is given: `def f(model:
    type[Row]) -> Row`. In the store that class is a model, so the function
    returns a row (`identity.by_id_or_prefix`)."""
    if not isinstance(node.returns, ast.Name):
        return False
    given = [arg.annotation for arg in (*node.args.args, *node.args.kwonlyargs)]
    return any(
        isinstance(a, ast.Subscript)
        and getattr(a.value, "id", "") == "type"
        and getattr(a.slice, "id", "") == node.returns.id
        for a in given
    )


def row_returning() -> set[str]:
    """`module.function` of every store function whose return annotation names
    an ORM class (`Base` included) or a class of the store with a field of one
    (a row carrier), or that returns an instance of a class it is given."""
    models = orm_models()
    rows = {f"{m}.{c}" for m, classes in models.items() for c in classes}
    rows |= {f"scotrack.store.models.{c}" for cs in models.values() for c in cs}
    rows.add("scotrack.store.models.Base")
    trees = [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in _modules("store")]
    functions: set[str] = set()
    for _ in range(2):  # carriers first, then what returns them
        for path, tree in trees:
            module, names = _module_name(path), _bindings(tree, path)
            for node in tree.body:
                named = f"{module}.{node.name}" if hasattr(node, "name") else ""
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    returns = node.returns is not None and _naming(
                        node.returns, module, names, rows
                    )
                    if returns or _instance_of_given_class(node):
                        functions.add(named)
                elif isinstance(node, ast.ClassDef) and named not in rows:
                    fields = [b for b in node.body if isinstance(b, ast.AnnAssign)]
                    if any(_naming(f.annotation, module, names, rows) for f in fields):
                        rows.add(named)
    return functions


def row_calls(packages: tuple[str, ...]) -> set[str]:
    """`file: module.function` for each call under `packages` of a store function
    that returns rows (`row_returning`)."""
    returning = row_returning()
    found = set()
    for package in packages:
        for path in _modules(package):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = _bindings(tree, path)
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                called = _dotted(node.func, names)
                if called in returning:
                    found.add(f"{path.relative_to(PACKAGE)}: {called}")
    return found


def test_the_surfaces_call_no_store_function_returning_rows():
    """Not importing an ORM class is not enough: a read that returns a row, or a
    class carrying one, hands it over all the same (#15)."""
    assert row_calls(SURFACES) == set()


def test_the_check_catches_a_surface_given_rows(tmp_path, monkeypatch):
    models = "class Base:\n    pass\n\n\nclass Claim(Base):\n    pass\n"
    read = (
        "from dataclasses import dataclass\n"
        "from scotrack.store.models import Claim\n\n\n"
        "@dataclass\nclass View:\n    claim: Claim\n\n\n"
        "def find(ref: str) -> Claim: ...\n\n\n"
        "def view(ref: str) -> 'list[View]': ...\n\n\n"
        "def claim_id(ref: str) -> str: ...\n"
    )
    surface = (
        "from scotrack.store.read import claims\n"
        "from scotrack.store.read.claims import view as seen\n\n\n"
        "def page(ref):\n"
        "    return claims.find(ref), seen(ref), claims.claim_id(ref)\n"
    )
    _fake_package(
        tmp_path,
        monkeypatch,
        {
            "store/models.py": models,
            "store/read/claims.py": read,
            "web/page.py": surface,
        },
    )
    assert row_calls(SURFACES) == {
        "web/page.py: scotrack.store.read.claims.find",
        "web/page.py: scotrack.store.read.claims.view",
    }


def test_the_check_sees_imports_by_name_and_through_packages(tmp_path, monkeypatch):
    """Imports the statements do not show: a module loaded by its name, and an
    ORM class reached through a package or module imported (#15)."""
    models = "class Base:\n    pass\n\n\nclass Claim(Base):\n    pass\n"
    provenance = (
        "from scotrack.store.models import Base\n\n\nclass Claim(Base):\n    x = 1\n"
    )
    _fake_package(
        tmp_path,
        monkeypatch,
        {
            "store/models.py": models,
            "store/provenance.py": provenance,
            "web/door.py": "from scotrack import store\n\nKIND = store.models.Claim\n",
            "web/side.py": (
                "from scotrack.store import provenance\n"
                "from scotrack.store.provenance import CLAIM_STATUSES\n\n"
                "ROW = provenance.Claim\n"
            ),
            "store/read/lazy.py": (
                "from scotrack.cli.sessions import lazy_module\n\n"
                'review = lazy_module("scotrack.store.write.review")\n'
            ),
            "ingest/facts/sly.py": (
                "import importlib\n\n"
                'engine = importlib.import_module("scotrack.store.engine")\n'
                'other = __import__("scotrack.api.app")\n'
            ),
        },
    )
    assert orm_imports(SURFACES) == {
        "web/door.py: scotrack.store.models",
        "web/door.py: scotrack.store.models.Claim",
        "web/side.py: scotrack.store.provenance.Claim",
    }
    assert reaches(_modules("store.read"), STORE_ROOMS["store.read"]) == [
        "store/read/lazy.py: scotrack.store.write.review",
    ]
    assert violations("ingest", RULES["ingest"]) == [
        "ingest/facts/sly.py: scotrack.store.engine",
        "ingest/facts/sly.py: scotrack.api.app",
    ]


def test_the_check_sees_rows_given_by_base_generics_and_lazy_modules(
    tmp_path, monkeypatch
):
    models = "class Base:\n    pass\n\n\nclass Claim(Base):\n    pass\n"
    identity = (
        "from typing import TypeVar\n\n"
        'Row = TypeVar("Row")\n\n\n'
        "def by_id(session, model: type[Row], ref: str) -> Row: ...\n"
    )
    history = (
        "from scotrack.store import models\n\n\n"
        "def entity_row(kind: str) -> models.Base | None: ...\n"
    )
    read = (
        "from scotrack.store.models import Claim\n\n\n"
        "def find(ref: str) -> Claim: ...\n"
    )
    surface = (
        "from scotrack import store\n"
        "from scotrack.cli.sessions import lazy_module\n"
        "from scotrack.store import history, identity\n\n"
        'claims = lazy_module("scotrack.store.read.claims")\n\n\n'
        "def page(session, ref):\n"
        "    history.entity_row(ref)\n"
        "    identity.by_id(session, object, ref)\n"
        "    store.read.claims.find(ref)\n"
        "    return claims.find(ref)\n"
    )
    _fake_package(
        tmp_path,
        monkeypatch,
        {
            "store/models.py": models,
            "store/identity.py": identity,
            "store/history.py": history,
            "store/read/claims.py": read,
            "cli/page.py": surface,
        },
    )
    assert row_calls(SURFACES) == {
        "cli/page.py: scotrack.store.history.entity_row",
        "cli/page.py: scotrack.store.identity.by_id",
        "cli/page.py: scotrack.store.read.claims.find",
    }


_RE_CALLS = frozenset(
    ["search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"]
)
"""The `re` functions that compile the pattern they are given."""


def _compiles(path: Path) -> list[str]:
    """Calls that compile a pattern (`re.compile`, `folded_pattern`, or `re.sub`
    and the like, which compile theirs) in `path`."""
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
            of_re = isinstance(func, ast.Attribute) and (
                getattr(func.value, "id", "") == "re"
            )
            if name in ("compile", "folded_pattern") or (of_re and name in _RE_CALLS):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def _outside_the_lexicon() -> list[Path]:
    """Every module of `ingest` but the lexicon's: the stages (read, entities,
    facts), the claims, the classifiers and the pipeline's own modules."""
    lexicon = PACKAGE / "ingest" / "lexicon"
    return [path for path in _modules("ingest") if lexicon not in path.parents]


def test_no_ingest_module_compiles_a_pattern_outside_the_lexicon():
    """Every rule lives in `ingest/lexicon`, compiled once there (#15)."""
    modules = _outside_the_lexicon()
    for package in ("read", "entities", "facts", "claims", "classifiers"):
        assert any(PACKAGE / "ingest" / package in path.parents for path in modules)
    assert [hit for path in modules for hit in _compiles(path)] == []


def test_the_lexicon_compiles_the_rules():
    assert [hit for path in _modules("ingest.lexicon") for hit in _compiles(path)]


# modules are about 400 lines at most (../shared/STYLE.md)

LINES = 420
"""The most lines a module may have: "about 400"."""

LONGER: dict[str, int] = {}
"""Modules over LINES as they stand, with their length, were there any: none since
`store/history.py` lost its undo to `store/write/undo.py` and `store/read/dossiers.py`
its projects to `store/read/project_dossiers.py` (#15)."""


def test_modules_are_about_400_lines_at_most():
    lengths = {
        str(path.relative_to(PACKAGE)): len(
            path.read_text(encoding="utf-8").splitlines()
        )
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts
    }
    longer = {name: n for name, n in lengths.items() if n > LINES}
    assert longer == LONGER


_SPELT_MONTHS = re.compile(r"(?i)\bjan(?:uary)?\|feb|\bmon(?:day)?\|tue")


def test_months_and_weekdays_are_spelt_once():
    """Every alternation of month or weekday names is made from the lists in
    `ingest/lexicon/dates.py` (#15), never spelt out again."""
    dates = PACKAGE / "ingest" / "lexicon" / "dates.py"
    assert [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != dates and _SPELT_MONTHS.search(path.read_text(encoding="utf-8"))
    ] == []


# an `async def` route runs on the event loop: the store's work (a query, a
# commit) blocks every other request there, so it belongs in a plain `def`
# (FastAPI runs those in the threadpool) or in `run_in_threadpool` (#15)

ROUTE_METHODS = {"get", "post", "put", "patch", "delete", "head", "api_route"}
OFF_THE_LOOP = {"run_in_threadpool", "run_sync"}


def _is_route(node: ast.AsyncFunctionDef) -> bool:
    return any(
        isinstance(d, ast.Call)
        and isinstance(d.func, ast.Attribute)
        and d.func.attr in ROUTE_METHODS
        for d in node.decorator_list
    )


def _blocking_calls(node: ast.AST, names: dict[str, str]) -> list[ast.Call]:
    """Calls under `node` that reach the store on the spot: a function of
    `scotrack.store`, a method of `session`, or any call given `session`; what
    is handed to `run_in_threadpool` runs in a thread and is passed over."""
    found: list[ast.Call] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Call):
            func = child.func
            name = func.attr if isinstance(func, ast.Attribute) else ""
            if isinstance(func, ast.Name):
                name = func.id
            if name in OFF_THE_LOOP:
                continue
            called = ""
            if isinstance(func, ast.Name):
                called = names.get(func.id, "")
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                owner = func.value.id
                called = "session" if owner == "session" else names.get(owner, "")
            arguments = [*child.args, *(k.value for k in child.keywords)]
            if (
                called == "session"
                or called.startswith("scotrack.store")
                or any(isinstance(a, ast.Name) and a.id == "session" for a in arguments)
            ):
                found.append(child)
        found += _blocking_calls(child, names)
    return found


def blocking_routes(packages: tuple[str, ...]) -> list[str]:
    """`file:line` of each store call in an `async def` route under `packages`."""
    found = []
    for package in packages:
        for path in _modules(package):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names = _bindings(tree, path)
            for node in ast.walk(tree):
                if isinstance(node, ast.AsyncFunctionDef) and _is_route(node):
                    found += [
                        f"{path.relative_to(PACKAGE)}:{call.lineno}"
                        for call in _blocking_calls(node, names)
                    ]
    return found


def test_no_async_route_works_the_store_on_the_event_loop():
    assert blocking_routes(("api", "web")) == []


def test_the_check_catches_an_async_route_using_the_store(tmp_path, monkeypatch):
    route = (
        "from starlette.concurrency import run_in_threadpool\n"
        "from scotrack.store.read import claims\n\n\n"
        "@router.post('/a')\n"
        "async def a(request, session):\n"
        "    form = await request.form()\n"
        "    claims.find_claim(session, 'x')\n"
        "    session.commit()\n"
        "    _helper(session, form)\n"
        "    await run_in_threadpool(session.commit)\n"
        "    await run_in_threadpool(claims.find_claim, session, 'x')\n\n\n"
        "@router.post('/b')\n"
        "def b(session):\n"
        "    session.commit()\n\n\n"
        "async def not_a_route(session):\n"
        "    session.commit()\n"
    )
    _fake_package(tmp_path, monkeypatch, {"web/page.py": route})
    assert blocking_routes(("api", "web")) == [
        "web/page.py:8",
        "web/page.py:9",
        "web/page.py:10",
    ]


# one source of truth per value set (STYLE 1.3): a set is spelled once, in the
# domain's vocabulary or the store read model that owns it, and a surface
# imports it; spelling it again lets the copies drift apart (#15)

OWNERS = ("domain", "store", "data", "ingest.claims")


def _strings(node: ast.AST) -> tuple[str, ...] | None:
    """The values of a `Literal[...]` subscript or a tuple, when all are strings."""
    if isinstance(node, ast.Subscript) and getattr(node.value, "id", "") == "Literal":
        node = node.slice
        if not isinstance(node, ast.Tuple):
            node = ast.Tuple(elts=[node])
    if not isinstance(node, ast.Tuple) or len(node.elts) < 2:
        return None
    values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
    if len(values) != len(node.elts) or not all(isinstance(v, str) for v in values):
        return None
    return tuple(values)


def value_sets(packages: tuple[str, ...]) -> dict[frozenset[str], str]:
    """values -> `file: NAME` of each set of three values or more `packages`
    define at module level (a Literal type or a tuple of strings): two words
    alike (`("text", "evidence")`) may be a coincidence, three are a copy."""
    found: dict[frozenset[str], str] = {}
    for package in packages:
        for path in _modules(package):
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                target = getattr(node, "target", None)
                if isinstance(node, ast.Assign) and len(node.targets) == 1:
                    target = node.targets[0]
                value = getattr(node, "value", None)
                if isinstance(target, ast.Name) and value is not None:
                    values = _strings(value)
                    if values is not None and len(set(values)) >= 3:
                        where = f"{path.relative_to(PACKAGE)}: {target.id}"
                        found.setdefault(frozenset(values), where)
    return found


def respelled(packages: tuple[str, ...], owners: tuple[str, ...]) -> list[str]:
    """`file:line = owner` for each Literal or tuple of strings under `packages`
    that holds every value of a set `owners` define."""
    known = value_sets(owners)
    found = []
    for package in packages:
        for path in _modules(package):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                values = _strings(node)
                if values is None:
                    continue
                for owned, where in known.items():
                    if owned <= set(values):
                        found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
                        found[-1] += f" = {where}"
    return sorted(set(found))


def test_the_surfaces_spell_no_value_set_again():
    assert respelled(SURFACES, OWNERS) == []


def test_the_check_catches_a_value_set_spelled_again(tmp_path, monkeypatch):
    vocab = (
        "from typing import Literal\n"
        'Status = Literal["member", "observer", "partner"]\n'
        'KINDS = ("pledge", "call", "proposal")\n'
        'PAIR = ("text", "evidence")\n'
    )
    surface = (
        "from typing import Literal\n"
        'Kind = Literal["pledge", "call", "proposal", ""]\n'
        "def f(s: Literal['partner', 'observer', 'member']) -> None:\n"
        "    return None\n"
        'FINE = ("member", "pledge", "observer", "call")\n'
        'HIDDEN = ("text", "evidence")\n'
    )
    _fake_package(
        tmp_path, monkeypatch, {"domain/vocab.py": vocab, "api/page.py": surface}
    )
    assert respelled(("api",), ("domain",)) == [
        "api/page.py:2 = domain/vocab.py: KINDS",
        "api/page.py:3 = domain/vocab.py: Status",
    ]
