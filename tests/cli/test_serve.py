"""`scotrack serve` and `scotrack token`, through the real command line."""

from __future__ import annotations

import json
import logging
import os
import socket
import sqlite3
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


ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.issue(18)
def test_serve_logs_a_503_on_stderr_in_one_escaped_line(tmp_path: Path):
    """The 503 of a writer kept out is logged with its request and cause, and what
    the client put in the path cannot colour the terminal or forge a line."""
    db = tmp_path / "kb.db"
    url = f"sqlite:///{db}"
    assert run("init", "--db", url).exit_code == 0
    made = run("token", "create", "--role", "reviewer", "--name", "r", "--db", url)
    assert made.exit_code == 0, made.output
    secret = made.stdout.strip().splitlines()[-1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCOTRACK_")}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as stderr:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "scotrack",
                "serve",
                "--db",
                url,
                "--port",
                f"{port}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env={**env, "PYTHONPATH": str(ROOT / "src")},
        )
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(f"{base}/api/v1")
                break
            except OSError:
                assert server.poll() is None, log.read_text(encoding="utf-8")
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        holder.execute("BEGIN IMMEDIATE")  # every writer waits, then gives up
        request = urllib.request.Request(
            f"{base}/api/v1/claims/%1b%5b31mred%0aforged/accept",
            data=b"{}",
            headers={
                "Authorization": f"Bearer {secret}",
                "Content-Type": "application/json",
            },
            method="POST",
        )
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(request, timeout=120)
        answer.value.close()
        assert answer.value.code == 503
    finally:
        holder.close()
        server.terminate()
        server.wait(timeout=30)
    logged = log.read_text(encoding="utf-8")
    lines = [line for line in logged.splitlines() if "answered 503" in line]
    assert len(lines) == 1, logged
    assert "WARNING scotrack.api: POST /api/v1/claims/" in lines[0]
    assert "/api/v1/claims/\\x1b[31mred" in lines[0]
    assert "forged/accept" in lines[0]
    assert "database is locked" in lines[0]
    assert "\x1b" not in logged
    assert "forged/accept" not in logged.replace(lines[0], "")


@pytest.mark.issue(18)
def test_server_log_lines_escape_what_a_client_sent():
    from scotrack.cli.server_log import ACCESS_LINE, LINE, AccessLine, LogLine

    def record(name: str, message: str, *args: object) -> logging.LogRecord:
        return logging.LogRecord(name, logging.INFO, __file__, 1, message, args, None)

    access = AccessLine(ACCESS_LINE, use_colors=False).format(
        record(
            "uvicorn.access",
            '%s - "%s %s HTTP/%s" %d',
            "127.0.0.1:1",
            "GET",
            "/x\x1b[31m?q=a\nb",
            "1.1",
            200,
        )
    )
    assert '"GET /x\\x1b[31m?q=a\\nb HTTP/1.1" 200' in access
    line = LogLine(LINE).format(
        record("scotrack.api", "%s: boom", "GET /a\x1b]52;c;eHg=\x07\nforged")
    )
    assert line.endswith("scotrack.api: GET /a\\x1b]52;c;eHg=\\x07\\nforged: boom")
    assert "\n" not in access + line
    assert "\x1b" not in access + line
