"""The export's tables: which rows of the knowledge base, with which columns.

Every export format starts from the same tables (`snapshot_tables`): the facts,
the reference records they name, the documents and the claims with their evidence
spans, each a list of plain dicts in primary-key order. Their schemas come from
the SQLAlchemy models (`Resource.columns`, `primary_key`, `foreign_keys`), so a new
column reaches every format without a second list to keep.

`--on DAY` keeps what had happened by the end of that day: a row dated later is
left out (with the rows that belong to it), a later date on a kept row (an end, a
ratification, an entry into force) is emptied, and a reference to a row the
snapshot leaves out is emptied too, so the tables stay consistent. A partial date
counts from its first day (`2017` is kept on 2017-06-01). Undated rows are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Column, Integer, MetaData, Table, Text, select
from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate
from scotrack.errors import InputError
from scotrack.store import models
from scotrack.store.provenance import Change, Claim, Document, evidence_spans

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ForeignKey:
    columns: tuple[str, ...]
    resource: str
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str
    """string, integer or number."""
    partial_date: bool
    nullable: bool


@dataclass(frozen=True, slots=True)
class Resource:
    """One table of the export: its name, description and where its rows live."""

    name: str
    description: str
    table: Table
    dated_by: str | None = None
    """The date that leaves a row out under `--on` when later."""
    later_cleared: tuple[str, ...] = ()
    """Dates emptied under `--on` when later."""
    left_out: tuple[str, ...] = ()
    """Columns not exported (the documents' full texts)."""
    all_later_drops: bool = False
    """Under `--on`, a row whose every `later_cleared` date is later is left out:
    a party that had not yet signed, ratified or deposited."""
    extra_keys: tuple[ForeignKey, ...] = ()
    """References the model does not declare (of the export's own tables)."""

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(
            _field(column)
            for column in self.table.columns
            if column.name not in self.left_out
        )

    @property
    def primary_key(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.table.primary_key.columns)

    @property
    def foreign_keys(self) -> tuple[ForeignKey, ...]:
        found = list(self.extra_keys)
        for constraint in self.table.foreign_key_constraints:
            parent = constraint.referred_table.name
            if parent not in RESOURCE_NAMES:
                continue
            found.append(
                ForeignKey(
                    tuple(c.name for c in constraint.columns),
                    parent,
                    tuple(e.column.name for e in constraint.elements),
                )
            )
        return tuple(found)


def _field(column: Column[Any]) -> Field:
    python_type = column.type.python_type
    kind = {int: "integer", float: "number"}.get(python_type, "string")
    return Field(
        column.name,
        kind,
        column.name.endswith("_date"),
        bool(column.nullable) and not column.primary_key,
    )


def _table(model: type[models.Base]) -> Table:
    return cast(Table, model.__table__)


EVIDENCE = Table(
    "claim_evidence",
    MetaData(),
    Column("claim_id", models.Id, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
"""A claim's evidence spans: offsets into its document's clean text, and the text."""

RESOURCES: tuple[Resource, ...] = (
    Resource("source", "Citable sources of the facts.", _table(models.Source)),
    Resource("state", "States and their codes.", _table(models.State)),
    Resource(
        "status_interval",
        "A state's SCO status (member, observer, dialogue partner) from start_date "
        "(inclusive) to end_date (exclusive; empty: still holds).",
        _table(models.StatusInterval),
        dated_by="start_date",
        later_cleared=("end_date",),
    ),
    Resource("body", "SCO bodies that meet.", _table(models.Body)),
    Resource(
        "meeting",
        "Meetings of SCO bodies.",
        _table(models.Meeting),
        dated_by="start_date",
        later_cleared=("end_date",),
    ),
    Resource(
        "meeting_participant",
        "The states at each meeting.",
        _table(models.MeetingParticipant),
    ),
    Resource(
        "agreement",
        "SCO agreements and their entry-into-force rule.",
        _table(models.Agreement),
        dated_by="signed_date",
        later_cleared=("entry_into_force_date",),
    ),
    Resource(
        "agreement_party",
        "Each state's instruments for an agreement: signature, ratification, "
        "deposit, withdrawal.",
        _table(models.AgreementParty),
        later_cleared=(
            "signed_date",
            "ratified_date",
            "deposited_date",
            "withdrew_date",
        ),
        all_later_drops=True,
    ),
    Resource(
        "declaration",
        "Declarations and reservations states made to an agreement.",
        _table(models.Declaration),
        dated_by="declaration_date",
    ),
    Resource(
        "initiative",
        "Initiatives projects belong to.",
        _table(models.Initiative),
        dated_by="proposed_date",
    ),
    Resource(
        "commitment",
        "Pledges, proposals and calls; actor is a state code or SCO.",
        _table(models.Commitment),
        dated_by="made_date",
    ),
    Resource(
        "assessment",
        "Dated compliance scores of commitments: -1, 0, 1; empty: inconclusive.",
        _table(models.Assessment),
        dated_by="assessed_date",
    ),
    Resource(
        "project",
        "Projects, their sector, financing and dates.",
        _table(models.Project),
        later_cleared=("actual_start_date", "actual_end_date"),
    ),
    Resource(
        "project_country", "The states of each project.", _table(models.ProjectCountry)
    ),
    Resource(
        "project_status",
        "Each step of a project's lifecycle.",
        _table(models.ProjectStatus),
        dated_by="status_date",
    ),
    Resource(
        "document",
        "Ingested documents (their texts are not exported; the url says where).",
        _table(Document),
        dated_by="published_date",
        left_out=("raw_text", "html", "clean_text"),
    ),
    Resource(
        "claim",
        "Facts the documents assert, with the review decision; payload is JSON.",
        _table(Claim),
    ),
    Resource(
        "claim_evidence",
        "Evidence spans of each claim: character offsets into the document's clean "
        "text, and the text they cover.",
        EVIDENCE,
        extra_keys=(ForeignKey(("claim_id",), "claim", ("id",)),),
    ),
)
"""Parents before children, so references are checked in one pass."""

RESOURCE_NAMES = frozenset(resource.name for resource in RESOURCES)


def resource(name: str) -> Resource:
    return next(r for r in RESOURCES if r.name == name)


def snapshot_tables(
    facts: Session,
    documents: Session,
    *,
    on: date | None = None,
    claim_states: dict[str, dict[str, Any]] | None = None,
    ingested_before: str | None = None,
    step: Callable[[str], None] | None = None,
) -> dict[str, list[Row]]:
    """Every resource's rows: facts from `facts`, documents and claims from
    `documents` (the same session unless the knowledge base is replayed).

    `ingested_before` (a timestamp) keeps the documents ingested before it;
    `claim_states` (claim id -> its logged snapshot) gives the claims' review
    state at that time (absent: still pending then).
    """
    tables: dict[str, list[Row]] = {}
    for item in RESOURCES:
        if item.name == "claim_evidence":
            rows = _evidence(documents, tables["claim"], tables["document"])
        elif item.name == "source" and ingested_before is not None:
            rows = _sources_then(facts, documents, item, ingested_before)
        elif item.name in ("document", "claim"):
            rows = _rows(documents, item)
            if ingested_before is not None:
                rows = _as_then(item.name, rows, tables, ingested_before, claim_states)
        else:
            rows = _rows(facts, item)
        if on is not None:
            rows = _as_of(item, rows, on)
        tables[item.name] = _consistent(item, rows, tables)
        if step is not None:
            step(item.name)
    return tables


def _rows(session: Session, item: Resource) -> list[Row]:
    names = [field.name for field in item.fields]
    columns = [item.table.c[name] for name in names]
    order = [item.table.c[name] for name in item.primary_key]
    query = select(*columns).order_by(*order)
    return [dict(zip(names, row, strict=True)) for row in session.execute(query)]


def _sources_then(
    facts: Session, documents: Session, item: Resource, cutoff: str
) -> list[Row]:
    """The sources as of `cutoff`: the replay copies them as they are now, but a
    document's source is made when one of its claims is first accepted, and that
    acceptance is logged citing it (#17)."""
    query = select(Change.source_id).where(
        Change.at < cutoff, Change.source_id.is_not(None)
    )
    cited = set(documents.scalars(query.distinct()))
    return [
        row
        for row in _rows(facts, item)
        if row["document_id"] is None or row["id"] in cited
    ]


def _as_then(
    name: str,
    rows: list[Row],
    tables: dict[str, list[Row]],
    cutoff: str,
    claim_states: dict[str, dict[str, Any]] | None,
) -> list[Row]:
    if name == "document":
        return [row for row in rows if str(row["ingested_at"]) < cutoff]
    kept = {row["id"] for row in tables["document"]}
    undecided = {"status": "pending", "decided_by": None, "decided_at": None}
    then = []
    for row in rows:
        if row["document_id"] not in kept:
            continue
        logged = (claim_states or {}).get(row["id"])
        changes = undecided if logged is None else logged
        then.append({**row, **{k: v for k, v in changes.items() if k in row}})
    return then


def _evidence(session: Session, claims: list[Row], documents: list[Row]) -> list[Row]:
    kept = {row["id"] for row in documents}
    query = select(Document.id, Document.clean_text).where(Document.id.in_(kept))
    texts = {row.id: row.clean_text for row in session.execute(query)}
    rows = []
    for claim in claims:
        text = texts.get(claim["document_id"], "")
        for position, (start, end) in enumerate(evidence_spans(claim["evidence"])):
            rows.append(
                {
                    "claim_id": claim["id"],
                    "position": position,
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                }
            )
    return rows


def _after(value: Any, on: date) -> bool:
    if value is None:
        return False
    try:
        return PartialDate.parse(str(value)).first_day() > on
    except (ValueError, InputError):
        return False


def _as_of(item: Resource, rows: list[Row], on: date) -> list[Row]:
    kept = []
    for row in rows:
        if item.dated_by is not None and _after(row[item.dated_by], on):
            continue
        cleared = {name: None for name in item.later_cleared if _after(row[name], on)}
        dated = [name for name in item.later_cleared if row[name] is not None]
        if item.all_later_drops and dated and len(cleared) == len(dated):
            continue
        kept.append({**row, **cleared})
    return kept


def _consistent(
    item: Resource, rows: list[Row], tables: dict[str, list[Row]]
) -> list[Row]:
    """Rows whose required references are in the snapshot; a dangling optional
    reference emptied."""
    checks = []
    for key in item.foreign_keys:
        if key.resource not in tables:
            continue
        keys = {tuple(parent[f] for f in key.fields) for parent in tables[key.resource]}
        required = not any(f.nullable for f in item.fields if f.name in key.columns)
        checks.append((key, keys, required))
    return [row for row in (_checked(r, checks) for r in rows) if row is not None]


def _checked(
    row: Row, checks: Iterable[tuple[ForeignKey, set[tuple[Any, ...]], bool]]
) -> Row | None:
    for key, keys, required in checks:
        value = tuple(row[c] for c in key.columns)
        if any(v is None for v in value) or value in keys:
            continue
        if required:
            return None
        row = {**row, **dict.fromkeys(key.columns)}
    return row
