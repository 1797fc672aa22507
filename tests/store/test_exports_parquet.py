"""The Parquet export (#17): typed files that read back, with pyarrow and DuckDB,
equal to the knowledge base row for row; on both databases."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate
from scotrack.errors import InputError
from scotrack.store.exports import check_out, export
from scotrack.store.exports.tables import RESOURCES, Resource
from scotrack.store.provenance import Claim, Document, evidence_spans

from ._exports import read_csv, session_on, shared_seeded_url

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

pytestmark = pytest.mark.issue(17)


@pytest.fixture
def seeded_session(databases) -> Iterator[Session]:
    with session_on(shared_seeded_url(databases)) as session:
        yield session


def in_the_database(session: Session, item: Resource) -> list[dict]:
    """`item`'s rows read straight from the database, typed as Parquet has them."""
    names = [field.name for field in item.fields]
    table = item.table
    query = select(*(table.c[n] for n in names)).order_by(
        *(table.c[n] for n in item.primary_key)
    )
    rows = []
    for found in session.execute(query):
        row: dict = {}
        for field, value in zip(item.fields, found, strict=True):
            if field.name.endswith("_at") and value is not None:
                value = datetime.fromisoformat(value)
            row[field.name] = value
            if field.partial_date:
                day = None if value is None else PartialDate.parse(value)
                row[f"{field.name}_precision"] = day and day.precision
                row[f"{field.name}_first_day"] = day and day.first_day()
        rows.append(row)
    return rows


def evidence_in_the_database(session: Session) -> list[dict]:
    texts = dict(session.execute(select(Document.id, Document.clean_text)).all())
    rows = []
    for claim in session.scalars(select(Claim).order_by(Claim.id)):
        spans = evidence_spans(claim.evidence)
        for position, (start, end) in enumerate(spans):
            text = texts[claim.document_id][start:end]
            rows.append(
                {"claim_id": claim.id, "position": position, "start": start,
                 "end": end, "text": text}
            )  # fmt: skip
    return rows


def check_equal_to_the_database(session: Session, out: Path) -> None:
    for item in RESOURCES:
        table = pq.read_table(out / f"{item.name}.parquet")
        expected = (
            evidence_in_the_database(session)
            if item.name == "claim_evidence"
            else in_the_database(session, item)
        )
        assert table.to_pylist() == expected, item.name


def test_parquet_reads_back_equal_to_the_seeded_knowledge_base(
    seeded_session, tmp_path
):
    out = tmp_path / "sco"
    report = export(seeded_session, "parquet", out)
    assert sorted(report.files) == sorted(
        [f"{r.name}.parquet" for r in RESOURCES] + ["snapshot.json"]
    )
    assert report.rows["claim_evidence"] > 20
    check_equal_to_the_database(seeded_session, out)


def test_parquet_reads_back_projects_commitments_and_assessments(small, tmp_path):
    out = tmp_path / "sco"
    report = export(small, "parquet", out)
    assert report.rows["project"] == 1
    assert report.rows["project_status"] == 2
    assert report.rows["commitment"] == 3
    check_equal_to_the_database(small, out)
    steps = pq.read_table(out / "project_status.parquet").to_pylist()
    assert [(s["status_date"], s["status_date_precision"]) for s in steps] == [
        ("2014", "year"),
        ("2018-02", "month"),
    ]
    assert steps[1]["status_date_first_day"] == date(2018, 2, 1)


def test_parquet_columns_are_typed_and_nullable_only_where_null(
    seeded_session, tmp_path
):
    out = tmp_path / "sco"
    export(seeded_session, "parquet", out)
    schema = pq.read_schema(out / "status_interval.parquet")
    assert schema.field("id").type == pa.int64()
    assert not schema.field("id").nullable
    assert schema.field("state_id").type == pa.string()
    assert not schema.field("status").nullable
    assert schema.field("start_date_first_day").type == pa.date32()
    assert schema.field("start_date_precision").type == pa.string()
    assert schema.field("end_date").nullable
    assert schema.field("end_date_first_day").nullable
    claims = pq.read_schema(out / "claim.parquet")
    assert claims.field("decided_at").type == pa.timestamp("us", tz="UTC")
    documents = pq.read_schema(out / "document.parquet")
    assert not documents.field("ingested_at").nullable
    assert "clean_text" not in documents.names
    meta = json.loads(schema.metadata[b"scotrack"])
    assert meta["last_change_id"] > 0
    assert meta["table"]["primary_key"] == ["id"]
    description = json.loads((out / "snapshot.json").read_text(encoding="utf-8"))
    assert description["last_change_id"] == meta["last_change_id"]
    columns = description["tables"]["meeting"]["columns"]
    assert {"name": "start_date_first_day", "type": "date", "nullable": True} in (
        columns
    )


def test_parquet_answers_date_questions_in_duckdb(seeded_session, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "sco"
    export(seeded_session, "parquet", out)
    intervals = out / "status_interval.parquet"
    members = duckdb.sql(
        f"SELECT state_id FROM read_parquet('{intervals}') "
        "WHERE status = 'member' AND start_date_first_day <= DATE '2017-06-09' "
        "AND (end_date_first_day IS NULL OR end_date_first_day > DATE '2017-06-09') "
        "ORDER BY state_id"
    ).fetchall()
    assert [code for (code,) in members] == sorted(
        ["CHN", "IND", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"]
    )
    kinds = dict(
        duckdb.sql(
            f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
            f"read_parquet('{out / 'meeting.parquet'}'))"
        ).fetchall()
    )
    assert kinds["start_date_first_day"] == "DATE"
    assert kinds["start_date"] == "VARCHAR"


def test_parquet_holds_the_tables_of_the_datapackage(seeded_session, tmp_path):
    """The same rows as the Data Package, under --on too."""
    day = date(2010, 1, 1)
    export(seeded_session, "parquet", tmp_path / "pq", on=day)
    export(seeded_session, "datapackage", tmp_path / "dp", on=day)
    for item in RESOURCES:
        names = [field.name for field in item.fields]
        rows = pq.read_table(tmp_path / "pq" / f"{item.name}.parquet").to_pylist()
        as_text = [
            {n: "" if row[n] is None else _csv_text(row[n]) for n in names}
            for row in rows
        ]
        assert as_text == read_csv(tmp_path / "dp" / f"{item.name}.csv"), item.name


def _csv_text(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    return str(value)


def test_parquet_without_pyarrow_is_one_clear_line(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(InputError, match=r"pip install 'scotrack\[parquet\]'"):
        check_out(tmp_path / "sco", "parquet")
