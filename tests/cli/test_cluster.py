"""`extract --cluster` and `ingest --cluster` on a local Dask cluster of two
workers (#16): the same files and the same knowledge base as on one machine, a
worker killed mid-run survived, and bad cluster values one line, exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.ingest import cluster

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "documents"
pytestmark = pytest.mark.slow


def _run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.json"))}


def test_extract_on_a_cluster_writes_what_one_machine_writes(tmp_path: Path) -> None:
    one = _run("extract", str(EXAMPLES), "--out", str(tmp_path / "one"))
    assert one.exit_code == 0, one.output
    many = _run(
        "extract",
        str(EXAMPLES),
        "--out",
        str(tmp_path / "many"),
        "--cluster",
        "local:2",
        "--format",
        "json",
    )
    assert many.exit_code == 0, many.output
    assert json.loads(many.stdout)["written"] == 5
    assert _files(tmp_path / "many") == _files(tmp_path / "one")


def _knowledge(db: str) -> list[tuple[str, int]]:
    listed = _run("documents", "--db", db, "-f", "json", "--limit", "100")
    assert listed.exit_code == 0, listed.output
    return sorted((row["id"], row["claims"]) for row in json.loads(listed.stdout))


def test_ingest_on_a_cluster_builds_the_same_knowledge_base(
    tmp_path: Path, fresh_db_url: str
) -> None:
    local = str(tmp_path / "local.db")
    for db in (local, fresh_db_url):
        assert _run("init", "--db", db).exit_code == 0
    alone = _run("ingest", str(EXAMPLES), "--db", local)
    assert alone.exit_code == 0, alone.output
    spread = _run(
        "ingest",
        str(EXAMPLES),
        "--db",
        fresh_db_url,
        "--cluster",
        "local:2",
        "-f",
        "json",
    )
    assert spread.exit_code == 0, spread.output
    assert json.loads(spread.stdout)["new"] == 5
    assert _knowledge(fresh_db_url) == _knowledge(local)
    again = _run(
        "ingest",
        str(EXAMPLES),
        "--db",
        fresh_db_url,
        "--cluster",
        "local:2",
        "-f",
        "json",
    )
    assert json.loads(again.stdout)["new"] == 0
    assert _knowledge(fresh_db_url) == _knowledge(local)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("local:0", "local:N takes 1 to 64 workers"),
        ("myhost", "not a scheduler address"),
        ("locally:2", "give local:N"),
    ],
)
def test_bad_cluster_values_are_one_line(
    tmp_path: Path, value: str, reason: str
) -> None:
    result = _run("extract", str(EXAMPLES), "--out", str(tmp_path), "--cluster", value)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert f"--cluster {value}: " in line
    assert reason in line


def test_an_unreachable_scheduler_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2)
    result = _run(
        "extract",
        str(EXAMPLES),
        "--out",
        str(tmp_path),
        "--cluster",
        "tcp://127.0.0.1:9",
    )
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.strip().splitlines()
    assert "--cluster tcp://127.0.0.1:9: cannot reach the Dask scheduler" in line


SCRIPT = """
import json, os, signal, sys
from pathlib import Path
from scotrack.ingest.pipeline import extract_paths

def then(doc):
    marker = Path(sys.argv[2])
    if doc.id == "p007" and not marker.exists():
        marker.write_text("killed")
        os.kill(os.getpid(), signal.SIGKILL)  # a worker dies mid-run, once
    return doc.id

if __name__ == "__main__":
    found = [
        r if isinstance(r, str) else f"ERR {r}"
        for r in extract_paths([sys.argv[1]], then=then, cluster="local:2")
    ]
    print(json.dumps(found))
"""


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(30):
        (folder / f"p{n:03}.txt").write_text(
            "SCO ministers meet\n\nThe SCO foreign ministers met in Astana.\n",
            encoding="utf-8",
        )
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(SCRIPT), encoding="utf-8")
    marker = tmp_path / "killed"
    done = subprocess.run(
        [sys.executable, str(script), str(folder), str(marker)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert marker.exists()  # a worker was killed
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [
        f"p{n:03}" for n in range(30)
    ]
