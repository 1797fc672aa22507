"""Fixtures for the server: the app on a knowledge base, and tokens by role.

- `seeded_url`: a database holding the baseline and the five seed documents,
  made once per backend; read-only tests share it.
- `writable_url`: the same, made afresh for one test that writes.

Both are copies of one template (`templates` in tests/conftest.py), built once per
backend: a copy takes milliseconds, a build (init and ingest) seconds (#15).
- `client` / `writer`: a TestClient on the shared / the fresh database.
- `tokens`: a dict role -> secret, made in the database of `writer`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from scotrack.api.app import create_app
from scotrack.ingest.document import ExtractOptions
from scotrack.settings import Settings
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.write.baseline import init_knowledge_base
from scotrack.store.write.ingestion import ingest_paths
from scotrack.store.write.tokens import Role, create_token

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "documents"
ROLES = ("reviewer", "editor", "admin")


def build_kb(url: str) -> str:
    """`url` initialised with the baseline and the seeds ingested."""
    init_knowledge_base(url)
    engine = make_engine(url)
    try:
        ingest_paths(session_factory(engine), [SEEDS], ExtractOptions())
    finally:
        engine.dispose()
    return url


def make_tokens(url: str) -> dict[str, str]:
    engine = make_engine(url)
    try:
        with session_factory(engine).begin() as session:
            return {
                role: create_token(
                    session, name=f"{role}-user", role=Role[role], created_by="tests"
                )[1]
                for role in ROLES
            }
    finally:
        engine.dispose()


def seeded_copy(templates, name: str) -> str:
    """A new database `name` holding the baseline and the seeds (a copy)."""
    return templates.copy(name, kind="seeded", build=build_kb)


@pytest.fixture(scope="session")
def seeded_url(templates) -> str:
    return seeded_copy(templates, f"api_{uuid.uuid4().hex[:8]}")


@pytest.fixture(scope="session")
def seeded_tokens(seeded_url: str) -> dict[str, str]:
    return make_tokens(seeded_url)


@pytest.fixture
def writable_url(templates) -> Iterator[str]:
    name = f"api_{uuid.uuid4().hex[:12]}"
    yield seeded_copy(templates, name)
    templates.databases.drop(name)


def client_for(url: str, **settings: object) -> Iterator[TestClient]:
    app = create_app(Settings(db=url, **settings))  # type: ignore[arg-type]
    with TestClient(
        app, base_url="http://testserver", raise_server_exceptions=False
    ) as client:
        yield client


@pytest.fixture
def client(seeded_url: str) -> Iterator[TestClient]:
    yield from client_for(seeded_url)


@pytest.fixture
def writer(writable_url: str) -> Iterator[TestClient]:
    yield from client_for(writable_url)


@pytest.fixture
def tokens(writable_url: str) -> dict[str, str]:
    return make_tokens(writable_url)


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def assess_commitments(url: str) -> list[str]:
    """Accept every commitment claim in `url` and assess the first three
    commitments (by id): +1 on 2019-06, -1 on 2020-01, inconclusive on 2021-01;
    the commitments' ids."""
    from sqlalchemy import select

    from scotrack.errors import InputError
    from scotrack.store import models
    from scotrack.store.provenance import Claim
    from scotrack.store.write import review
    from scotrack.store.write.assessments import record_assessment

    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            for claim_id in session.scalars(
                select(Claim.id).where(Claim.kind == "commitment").order_by(Claim.id)
            ).all():
                try:
                    review.accept(session, claim_id, actor="tests")
                except InputError:
                    session.rollback()
            session.commit()
            found = list(
                session.scalars(select(models.Commitment.id).order_by("id")).all()
            )
            for commitment_id, score, on in zip(
                found,
                ("1", "-1", "inconclusive"),
                ("2019-06", "2020-01", "2021-01"),
                strict=False,
            ):
                record_assessment(
                    session,
                    commitment_id,
                    score=score,
                    on=on,
                    assessor="tests",
                    citation="a report",
                )
            session.commit()
    finally:
        engine.dispose()
    return found


@pytest.fixture(scope="session")
def assessed_url(databases) -> str:
    """The seeded knowledge base with its commitments accepted, three assessed."""
    url = build_kb(databases.create(f"assessed_{uuid.uuid4().hex[:8]}"))
    assert len(assess_commitments(url)) >= 5
    return url


@pytest.fixture
def assessed(assessed_url: str) -> Iterator[TestClient]:
    yield from client_for(assessed_url)
