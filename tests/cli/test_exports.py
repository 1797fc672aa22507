"""`scotrack export` (#17): what it writes, its summary, one-line errors."""

from __future__ import annotations

import json
import sys

import pytest
from typer.testing import CliRunner

from scotrack.cli import app
from scotrack.cli.exports import EXPORT_FORMATS
from scotrack.store.exports import FORMATS


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def test_the_command_names_every_format_of_the_library():
    assert tuple(FORMATS) == EXPORT_FORMATS


def test_export_datapackage_with_a_json_summary(db_url, tmp_path):
    out = tmp_path / "sco"
    result = run(
        "export", "--format", "datapackage", "--out", str(out), "--on", "2017",
        "--db", db_url, "--summary", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["format"] == "datapackage"
    assert summary["on"] == "2017-12-31"
    assert "last_change_id" in summary
    assert "datapackage.json" in summary["files"]
    assert summary["rows"]["state"] > 8
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["scotrack"]["on"] == "2017-12-31"


def test_export_table_summary(db_url, tmp_path):
    result = run(
        "export", "--format", "datapackage", "--out", str(tmp_path / "p"),
        "--db", db_url,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Wrote datapackage to" in result.stdout
    assert "status_interval" in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--format", "xlsx"), "--format: unknown export format 'xlsx'"),
        (("--format", "datapackage", "--on", "2017-13"), "--on: date '2017-13'"),
        (("--format", "datapackage", "--known-on", "soon"), "--known-on: date"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(db_url, tmp_path, args, fragment):
    result = run("export", *args, "--out", str(tmp_path / "new"), "--db", db_url)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]
    assert not (tmp_path / "new").exists()


def test_an_existing_out_is_refused(db_url, tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "keep.txt").write_text("mine", encoding="utf-8")
    result = run(
        "export", "--format", "datapackage", "--out", str(tmp_path / "taken"),
        "--db", db_url,
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--out:" in result.stderr
    assert "is an existing folder that is not empty" in result.stderr
    assert sorted(p.name for p in (tmp_path / "taken").iterdir()) == ["keep.txt"]


def test_an_existing_file_is_refused(db_url, tmp_path):
    taken = tmp_path / "sco.graphml"
    taken.write_text("mine", encoding="utf-8")
    result = run("export", "--format", "graphml", "--out", str(taken), "--db", db_url)
    assert result.exit_code == 2
    assert "is an existing file; give a new path" in result.stderr
    assert taken.read_text(encoding="utf-8") == "mine"


def test_known_on_before_the_log_says_so(db_url, tmp_path):
    result = run(
        "export", "--format", "csl", "--out", str(tmp_path / "s.json"),
        "--known-on", "1999", "--db", db_url,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "note: --known-on 1999-12-31: the change log starts later" in result.stderr


def test_export_parquet_writes_a_folder(db_url, tmp_path):
    pytest.importorskip("pyarrow")
    out = tmp_path / "pq"
    result = run(
        "export", "--format", "parquet", "--out", str(out), "--db", db_url,
        "--summary", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "snapshot.json" in json.loads(result.stdout)["files"]
    assert (out / "state.parquet").is_file()


def test_parquet_without_pyarrow_is_one_line_and_exit_2(db_url, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = run(
        "export", "--format", "parquet", "--out", str(tmp_path / "pq"), "--db", db_url
    )
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines() == [
        "error: --format parquet needs pyarrow, which is not installed: "
        "pip install 'scotrack[parquet]'"
    ]
    assert not (tmp_path / "pq").exists()


def test_iati_with_no_projects_is_one_line_and_exit_2(db_url, tmp_path):
    result = run(
        "export", "--format", "iati", "--out", str(tmp_path / "a.xml"), "--db", db_url
    )
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "--format iati: the snapshot holds no projects" in lines[0]
    assert list(tmp_path.iterdir()) == []


def test_known_on_the_last_day_there_is_is_one_line(db_url, tmp_path):
    result = run(
        "export", "--format", "csl", "--out", str(tmp_path / "s.json"),
        "--known-on", "9999", "--db", db_url,
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines() == [
        "error: --known-on: 9999-12-31 is the last day there is; give an earlier day"
    ]
