"""Failed sign-ins are limited per client address; tokens may expire (#18)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from scotrack.api.app import create_app
from scotrack.api.attempts import FAILURES, FailedSignIns
from scotrack.errors import InputError
from scotrack.settings import Settings
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.write.tokens import Role, create_token, expiry

from .conftest import bearer
from .test_reads import error_of

API = "/api/v1"
SAME_SITE = {"sec-fetch-site": "same-origin"}
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)

pytestmark = pytest.mark.issue(18)


def token_expiring(url: str, expires_at: str) -> str:
    engine = make_engine(url)
    try:
        with session_factory(engine).begin() as session:
            return create_token(
                session,
                name="temp",
                role=Role.admin,
                created_by="tests",
                expires_at=expires_at,
            )[1]
    finally:
        engine.dispose()


def test_failed_bearer_tokens_are_limited_per_address(writable_url: str, tokens):
    app = create_app(Settings(db=writable_url))
    with (
        TestClient(app, client=("10.0.0.1", 5000)) as guesser,
        TestClient(app, client=("10.0.0.2", 5000)) as other,
    ):
        for _ in range(FAILURES):
            error_of(guesser.get(f"{API}/tokens", headers=bearer("sct_guess")), 401)
        limited = guesser.get(f"{API}/tokens", headers=bearer("sct_guess"))
        assert "too many failed sign-ins" in error_of(limited, 429)
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        # even the right token waits: the address may not try
        right = guesser.get(f"{API}/tokens", headers=bearer(tokens["admin"]))
        error_of(right, 429)
        # another address is not held up
        assert other.get(f"{API}/tokens", headers=bearer(tokens["admin"])).is_success


def test_failed_sign_in_forms_are_limited_per_address(writable_url: str, tokens):
    app = create_app(Settings(db=writable_url))
    with TestClient(app, client=("10.0.0.3", 5000)) as browser:
        for _ in range(FAILURES):
            bad = browser.post("/signin", data={"token": "sct_x"}, headers=SAME_SITE)
            assert bad.status_code == 401
        limited = browser.post(
            "/signin", data={"token": tokens["reviewer"]}, headers=SAME_SITE
        )
        assert limited.status_code == 429
        assert limited.headers["content-type"].startswith("text/html")
        assert int(limited.headers["retry-after"]) >= 1
        # pages still open, as to anyone
        assert browser.get("/members").status_code == 200


def test_the_limit_forgets_failures_older_than_the_window():
    now = [0.0]
    limit = FailedSignIns(failures=2, window=60, clock=lambda: now[0])
    limit.fail("a")
    now[0] = 10
    limit.fail("a")
    assert limit.wait("a") == 50
    assert limit.wait("b") == 0
    now[0] = 60.5
    assert limit.wait("a") == 0
    limit.fail("a")
    assert limit.wait("a") == 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30d", NOW + timedelta(days=30)),
        ("12h", NOW + timedelta(hours=12)),
        ("2W", NOW + timedelta(weeks=2)),
        ("2027-06-30", datetime(2027, 6, 30, tzinfo=UTC)),
        ("2027-06-30T12:30", datetime(2027, 6, 30, 12, 30, tzinfo=UTC)),
        ("2027-06-30T12:30+02:00", datetime(2027, 6, 30, 10, 30, tzinfo=UTC)),
    ],
)
def test_expiry_reads_spans_days_and_times(text: str, expected: datetime):
    assert datetime.fromisoformat(expiry(text, now=NOW)) == expected


@pytest.mark.parametrize(
    "text", ["soon", "0d", "-1d", "2020-01-01", "99999999d", "2027-02-30", "30x"]
)
def test_expiry_refuses_nonsense_the_past_and_forever(text: str):
    with pytest.raises(InputError, match="expires"):
        expiry(text, now=NOW)


def test_an_expired_token_is_refused_saying_so(writer: TestClient, writable_url):
    past = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    old = token_expiring(writable_url, past)
    message = error_of(writer.get(f"{API}/tokens", headers=bearer(old)), 401)
    assert "expired at" in message
    page = writer.post("/signin", data={"token": old}, headers=SAME_SITE)
    assert page.status_code == 401
    assert "expired at" in page.text
    fresh = token_expiring(writable_url, expiry("1h"))
    assert writer.get(f"{API}/tokens", headers=bearer(fresh)).status_code == 200


def test_tokens_made_over_the_api_may_expire(writer: TestClient, tokens):
    admin = bearer(tokens["admin"])
    made = writer.post(
        f"{API}/tokens",
        json={"name": "ci", "role": "reviewer", "expires": "30d"},
        headers=admin,
    )
    assert made.status_code == 201, made.text
    assert made.json()["expires_at"] > datetime.now(UTC).isoformat()
    listed = writer.get(f"{API}/tokens", headers=admin).json()
    assert [t["expires_at"] is None for t in listed][-1] is False
    past = writer.post(
        f"{API}/tokens",
        json={"name": "ci", "role": "reviewer", "expires": "2001-06-15"},
        headers=admin,
    )
    assert "not in the future" in error_of(past, 422, "expires")


def test_token_create_expires_on_the_command_line(initialised_db_url: str):
    import json

    from typer.testing import CliRunner

    from scotrack.cli import app

    def run(*args: str):
        return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})

    made = run(
        *("token", "create", "--role", "editor", "--name", "bot"),
        *("--expires", "30d", "--db", initialised_db_url),
    )
    assert made.exit_code == 0, made.output
    assert "expires 20" in made.stdout
    listed = run("token", "list", "--db", initialised_db_url, "--format", "json")
    assert json.loads(listed.stdout)[0]["expires_at"].startswith("20")
    table = run("token", "list", "--db", initialised_db_url)
    assert "expires at" in table.stdout
    bad = run(
        *("token", "create", "--role", "editor", "--name", "bot"),
        *("--expires", "tomorrow", "--db", initialised_db_url),
    )
    assert bad.exit_code == 2
    assert "expires" in bad.stderr
