"""Writers that wait their turn (#18): concurrent writes through a real
`scotrack serve` (two server processes) never answer 500; each either succeeds or
answers 503 with `Retry-After`, and every write that succeeded is stored.

Before the fix, with two writers on SQLite, 264 of 292 writes answered 500
"database is locked" at once: a deferred transaction that had read could not
upgrade to a write lock while the other process wrote.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from typer.testing import CliRunner

from scotrack.api.app import create_app
from scotrack.cli import app
from scotrack.settings import Settings
from scotrack.store import engine as engine_module
from scotrack.store import make_engine
from scotrack.store.engine import session_factory
from scotrack.store.write.baseline import init_knowledge_base
from scotrack.store.write.tokens import Role, create_token

pytestmark = pytest.mark.issue(18)

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 4
POSTS = 12
"""Documents each writer posts (a third of them also posted by another writer)."""
TIMEOUT = 120.0


def _env() -> dict[str, str]:
    """No SCOTRACK_ settings; this checkout's code first (as pytest's `pythonpath`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCOTRACK_")}
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return {**env, "PYTHONPATH": path, "COLUMNS": "200", "NO_COLOR": "1"}


def _scotrack(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "scotrack", *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextlib.contextmanager
def _serving(url: str, log: Path) -> Iterator[str]:
    """`scotrack serve --workers 2` on `url`; yields its base address."""
    port = _free_port()
    with log.open("w", encoding="utf-8") as stderr:
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "scotrack", "serve", "--db", url),
                *("--port", str(port), "--workers", "2"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=_env(),
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + TIMEOUT
            while True:
                try:
                    urllib.request.urlopen(f"{base}/api/v1", timeout=5).close()
                    break
                except OSError:
                    assert server.poll() is None, log.read_text(encoding="utf-8")
                    assert time.monotonic() < deadline, "the server did not start"
                    time.sleep(0.3)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)


def _post(
    base: str, token: str, body: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(
        f"{base}/api/v1/documents",
        data=json.dumps(body).encode(),
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def _document(number: int) -> dict[str, str]:
    return {
        "text": f"TASHKENT, June {number % 28 + 1}, 2024 - Foreign ministers of the "
        "Shanghai Cooperation Organisation met in Astana and agreed to expand "
        f"trade in local currencies (note {number}).\n",
        "url": f"https://example.org/report-{number}",
        "source": "Example News",
    }


@pytest.mark.slow
def test_concurrent_api_writes_never_answer_500(
    initialised_db_url: str, tmp_path: Path
) -> None:
    made = _scotrack(
        *("token", "create", "--role", "editor", "--name", "w"),
        *("--db", initialised_db_url, "--format", "json"),
    )
    token = json.loads(made)["token"]
    # writer w posts documents w*8 .. w*8+11: neighbours share four documents
    plans = [[_document(w * 8 + i) for i in range(POSTS)] for w in range(WRITERS)]
    log = tmp_path / "serve.log"
    with _serving(initialised_db_url, log) as base:

        def write_all(plan: list[dict[str, str]]) -> list[tuple[int, dict, bytes]]:
            return [_post(base, token, body) for body in plan]

        with ThreadPoolExecutor(WRITERS) as pool:
            answers = [a for done in pool.map(write_all, plans) for a in done]

    statuses = sorted({status for status, _, _ in answers})
    assert set(statuses) <= {200, 201, 503}, (statuses, log.read_text("utf-8"))
    for status, headers, _ in answers:
        if status == 503:
            assert int(headers["Retry-After"]) > 0
    stored_ids = {json.loads(body)["id"] for status, _, body in answers if status < 300}
    engine = make_engine(initialised_db_url)
    try:
        with engine.connect() as connection:
            ids = set(connection.scalars(text("SELECT id FROM document")))
    finally:
        engine.dispose()
    assert stored_ids <= ids
    assert len(ids) == len(stored_ids)
    # nearly every write gets in: the writers wait their turn
    assert len(stored_ids) >= (WRITERS - 1) * 8 + POSTS - 2
    assert "Traceback" not in log.read_text(encoding="utf-8")


# a writer kept out past the busy timeout and the retries (SQLite)


@pytest.fixture
def busy_kb(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, str]]:
    """A knowledge base (its URL and an editor's token) whose write lock another
    connection holds; writers give up after 50 ms a try."""
    path = tmp_path / "kb.db"
    url = f"sqlite:///{path}"
    init_knowledge_base(url)
    engine = make_engine(url)
    try:
        with session_factory(engine, write=True).begin() as session:
            _, secret = create_token(
                session, name="w", role=Role.editor, created_by="test"
            )
    finally:
        engine.dispose()
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield url, secret
    finally:
        holder.close()


def test_busy_database_answers_503_with_retry_after(
    busy_kb: tuple[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    url, secret = busy_kb
    server = create_app(Settings(db=url, cache=False))
    with TestClient(server) as client:
        read = client.get("/api/v1/states/CHN")  # readers do not wait
        answer = client.post(
            "/api/v1/documents",
            json=_document(1),
            headers={"Authorization": f"Bearer {secret}"},
        )
    assert read.status_code == 200
    assert answer.status_code == 503, answer.text
    assert int(answer.headers["Retry-After"]) > 0
    assert answer.json()["error"]["code"] == "unavailable"
    assert "sqlite" not in answer.text  # the database is named in the log only
    logged = [r for r in caplog.records if "busy" in r.getMessage()]
    assert len(logged) == 1
    assert "database is locked" in logged[0].getMessage()


def test_busy_database_is_one_line_and_exit_2_in_the_cli(
    busy_kb: tuple[str, str],
) -> None:
    url, _ = busy_kb
    result = CliRunner().invoke(
        app, ["token", "create", "--role", "reviewer", "--name", "r", "--db", url]
    )
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "busy" in lines[0]
    assert "Traceback" not in result.output


def test_postgres_writer_kept_out_answers_503_not_a_timeout(
    initialised_db_url: str, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL a writer waits for another's lock as long as the busy
    timeout, then answers 503 (lock_not_available), not 400 query_timeout."""
    if backend != "postgresql":
        pytest.skip("SQLite's busy writer is test_busy_database_answers_503...")
    engine = make_engine(initialised_db_url)
    try:
        with session_factory(engine, write=True).begin() as session:
            _, secret = create_token(
                session, name="w", role=Role.editor, created_by="test"
            )
        monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
        with engine.connect() as holder:
            holder.execute(text("SELECT pg_advisory_xact_lock(5330172718)"))
            server = create_app(Settings(db=initialised_db_url, cache=False))
            with TestClient(server) as client:
                answer = client.post(
                    "/api/v1/documents",
                    json=_document(1),
                    headers={"Authorization": f"Bearer {secret}"},
                )
            holder.rollback()
    finally:
        engine.dispose()
    assert answer.status_code == 503, answer.text
    assert int(answer.headers["Retry-After"]) > 0
