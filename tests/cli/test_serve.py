"""`scotrack serve` and `scotrack token`, through the real command line."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scotrack.cli import app


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@pytest.mark.slow
def test_serve_creates_the_database_and_answers(tmp_path: Path):
    db = tmp_path / "new" / "kb.db"
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scotrack",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = get(f"http://127.0.0.1:{port}/api/v1")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert status == 200
        assert json.loads(body)["counts"]["states"] > 100
        assert db.exists()
        status, page = get(f"http://127.0.0.1:{port}/signin")
        assert status == 200
        assert b"<form" in page
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert b"created the knowledge base" in err
    assert b"Traceback" not in err


def test_serve_refuses_a_bad_database_in_one_line(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = run("serve", "--db", str(blocker / "kb.db"))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "cannot create directory" in result.stderr
    assert "Traceback" not in result.output


def test_token_create_list_revoke(initialised_db_url: str):
    made = run(
        "token",
        "create",
        "--role",
        "editor",
        "--name",
        "ci-bot",
        "--by",
        "admin",
        "--db",
        initialised_db_url,
        "--format",
        "json",
    )
    assert made.exit_code == 0, made.output
    token = json.loads(made.stdout)
    assert token["token"].startswith("sct_")
    assert (token["role"], token["created_by"]) == ("editor", "admin")
    shown = run(
        "token",
        "create",
        "--role",
        "reviewer",
        "--name",
        "r",
        "--db",
        initialised_db_url,
    )
    assert "not shown again" in shown.stdout
    assert shown.stdout.strip().splitlines()[-1].startswith("sct_")
    listed = json.loads(
        run("token", "list", "--db", initialised_db_url, "--format", "json").stdout
    )
    assert [t["name"] for t in listed] == ["ci-bot", "r"]
    assert all("token" not in t and "digest" not in t for t in listed)
    revoked = run(
        "token", "revoke", str(token["id"]), "--db", initialised_db_url, "-f", "json"
    )
    assert json.loads(revoked.stdout)[0]["revoked_at"]
    again = run("token", "revoke", str(token["id"]), "--db", initialised_db_url)
    assert again.exit_code == 2
    assert "already revoked" in again.stderr


def test_token_create_refuses_an_unknown_role(initialised_db_url: str):
    result = run(
        "token", "create", "--role", "root", "--name", "x", "--db", initialised_db_url
    )
    assert result.exit_code == 2
    assert "role 'root' is not one of reviewer, editor, admin" in result.stderr
    missing = run("token", "revoke", "99", "--db", initialised_db_url)
    assert missing.exit_code == 2
    assert "no token 99" in missing.stderr
