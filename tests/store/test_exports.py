"""Whole-knowledge-base exports (#17): the Data Package validates with the
`frictionless` library, `--on` keeps what had happened, `--known-on` gives the
tables as they were before a review decision; on both databases."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.errors import InputError
from scotrack.store import history
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.exports import check_out, export
from scotrack.store.exports.tables import RESOURCES
from scotrack.store.provenance import Claim
from scotrack.store.write import review

from ._exports import read_csv, seeded, session_on, shared_seeded_url


@pytest.fixture
def seeded_session(databases) -> Iterator[Session]:
    with session_on(shared_seeded_url(databases)) as session:
        yield session


def validate(folder: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "type", "note"])[:10]


def test_datapackage_validates_with_frictionless(seeded_session, tmp_path):
    out = tmp_path / "sco"
    report = export(seeded_session, "datapackage", out)
    validate(out)
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == [r.name for r in RESOURCES]
    assert descriptor["licenses"][0]["name"] == "ODC-BY-1.0"
    meta = descriptor["scotrack"]
    assert meta["last_change_id"] == report.snapshot.last_change_id > 0
    assert (meta["on"], meta["known_on"]) == (None, None)
    parties = next(r for r in descriptor["resources"] if r["name"] == "agreement_party")
    assert parties["schema"]["primaryKey"] == ["agreement_id", "state_id"]
    reference = {"resource": "agreement", "fields": ["id"]}
    key = {"fields": ["agreement_id"], "reference": reference}
    assert key in parties["schema"]["foreignKeys"]
    assert report.rows["document"] == 5
    assert report.rows["claim"] > 20
    evidence = read_csv(out / "claim_evidence.csv")
    assert len(evidence) >= report.rows["claim"]
    assert all(row["text"] for row in evidence)
    members = read_csv(out / "status_interval.csv")
    assert {"IND", "member", "2017-06-09"} <= set(
        next(
            r for r in members if r["state_id"] == "IND" and r["status"] == "member"
        ).values()
    )


def test_datapackage_on_a_day_keeps_what_had_happened(seeded_session, tmp_path):
    out = tmp_path / "sco"
    export(seeded_session, "datapackage", out, on=date(2010, 1, 1))
    validate(out)
    intervals = read_csv(out / "status_interval.csv")
    assert intervals
    assert all(row["start_date"] <= "2010" for row in intervals)
    india = {r["status"] for r in intervals if r["state_id"] == "IND"}
    assert india == {"observer"}
    assert all(row["end_date"] == "" for row in intervals if row["state_id"] == "IND")
    meetings = read_csv(out / "meeting.csv")
    assert meetings
    assert all(row["start_date"] < "2010" for row in meetings if row["start_date"])
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["scotrack"]["on"] == "2010-01-01"


def test_datapackage_known_on_gives_the_tables_before_a_decision(
    fresh_db_url, tmp_path
):
    """A decision logged on a later day: the day before, the export has neither
    its commitment nor its claim's decision; that day, both."""
    url = seeded(fresh_db_url)
    engine = make_engine(url)
    later = "2999-01-02T09:00:00.000000+00:00"
    try:
        with session_factory(engine).begin() as session:
            claim = session.scalars(
                select(Claim)
                .where(Claim.kind == "commitment", Claim.status == "pending")
                .order_by(Claim.id)
            ).first()
            assert claim is not None
            log = history.Batch(session)
            review.accept_into(log, claim, actor="tester")
            log.record(
                history.Recorder(
                    session, "tester", "accept", claim_id=claim.id, at=later
                )
            )
            claim_id = claim.id
        with session_factory(engine)() as session:
            before = tmp_path / "before"
            export(session, "datapackage", before, known_on=date(2999, 1, 1))
            after = tmp_path / "after"
            export(session, "datapackage", after, known_on=date(2999, 1, 2))
            now = tmp_path / "now"
            export(session, "datapackage", now)
    finally:
        engine.dispose()
    for folder in (before, after, now):
        validate(folder)
    assert read_csv(before / "commitment.csv") == []
    assert len(read_csv(after / "commitment.csv")) == 1
    assert read_csv(after / "commitment.csv") == read_csv(now / "commitment.csv")
    status = {
        name: next(r for r in read_csv(tmp_path / name / "claim.csv")
                   if r["id"] == claim_id)["status"]
        for name in ("before", "after", "now")
    }  # fmt: skip
    assert status == {"before": "pending", "after": "accepted", "now": "accepted"}
    assert read_csv(before / "meeting.csv") == read_csv(now / "meeting.csv")
    meta = json.loads((before / "datapackage.json").read_text(encoding="utf-8"))
    assert meta["scotrack"]["known_on"] == "2999-01-01"
    later_meta = json.loads((after / "datapackage.json").read_text(encoding="utf-8"))
    assert later_meta["scotrack"]["last_change_id"] > meta["scotrack"]["last_change_id"]


def test_export_refuses_a_path_in_use_and_an_unknown_format(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"--out: .*full is an existing folder"):
        check_out(tmp_path / "full", "datapackage")
    with pytest.raises(InputError, match="--format: unknown export format 'xlsx'"):
        check_out(tmp_path / "new", "xlsx")
    (tmp_path / "empty").mkdir()
    check_out(tmp_path / "empty", "datapackage")
    check_out(tmp_path / "new", "datapackage")


def test_a_failed_write_leaves_nothing_behind(seeded_session, tmp_path):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"--out: cannot write .*file.txt"):
        export(seeded_session, "sqlite", tmp_path / "file.txt" / "sco.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]
    (tmp_path / "empty").mkdir()
    report = export(seeded_session, "datapackage", tmp_path / "empty")
    assert (tmp_path / "empty" / "datapackage.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "file.txt"]
    assert "datapackage.json" in report.files


@pytest.mark.slow
@pytest.mark.issue(17)
def test_the_frictionless_validate_command_accepts_the_seeds_package(
    seeded_session, tmp_path
):
    """The done-when check as a user runs it: `frictionless validate` exits 0."""
    command = Path(sys.executable).parent / "frictionless"
    if not command.exists():
        pytest.skip("the frictionless command is not installed beside python")
    export(seeded_session, "datapackage", tmp_path / "sco")
    descriptor = tmp_path / "sco" / "datapackage.json"
    result = subprocess.run(
        [str(command), "validate", "--json", str(descriptor)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert report["valid"] is True
    assert len(report["tasks"]) == len(RESOURCES)
