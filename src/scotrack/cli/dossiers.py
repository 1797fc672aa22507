"""The `commitment` and `project` commands: one commitment's or project's record,
read by `store.read.dossiers` as the API and the pages read it (#15). JSON holds the
record as /api/v1/commitments/{id} and /api/v1/projects/{id} answer it; the
lists are `commitments` and `projects`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from scotrack.cli.options import (
    DbOption,
    DebugOption,
    FormatOption,
    OnDateOption,
    OutputFormat,
    known_day,
    on_day,
)
from scotrack.cli.output import render, stdout
from scotrack.cli.sessions import kb_session, run_with_errors
from scotrack.cli.terminal import literal

if TYPE_CHECKING:
    from scotrack.domain.commitments import Assessment
    from scotrack.store.read.dossiers import CommitmentRecord
    from scotrack.store.read.project_dossiers import ProjectRecord

RefArgument = Annotated[
    str,
    typer.Argument(
        help="The id, or its first 6+ characters as the lists print them.",
        show_default=False,
    ),
]
KnownOn = Annotated[
    str | None,
    typer.Option(
        "--known-on",
        help="The assessments as the change log held them at the end of this day "
        "(UTC), as the page's known_on; the documents as they are now.",
        show_default=False,
    ),
]
TIMELINE_COLUMNS = ("date", "score", "state", "assessor", "recorded_at", "evidence")
"""Columns the terminal table of a commitment's assessments shows."""
STEP_COLUMNS = ("date", "status", "iati_activity_status", "current", "source")
"""Columns the terminal table of a project's lifecycle shows."""


def commitment_cli(
    commitment_id: RefArgument,
    on: OnDateOption = None,
    known_on: KnownOn = None,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Show one commitment: who made it, where and when, its compliance on --on
    (default today), and every assessment in the order of the days they refer
    to, with who recorded it, and those since undone.

    JSON holds the commitment as /api/v1/commitments/{id} answers it; CSV holds
    the assessments, as the page's ?format=csv.

    Example: scotrack commitment c-3f9a1c2b7d --on 2024-06-30 --format json
    """

    def action() -> CommitmentRecord:
        from scotrack.store.read import dossiers  # loaded on demand: fast start-up

        day = on_day(on)
        then = None if known_on is None else known_day(known_on)
        with kb_session(db) as session:
            return dossiers.commitment_record(
                session, commitment_id, on=day, known_on=then
            )

    record = run_with_errors(action, debug=debug)
    if fmt is OutputFormat.json:
        render([], fmt, payload=commitment_payload(record))
        return
    rows = record.timeline_rows()
    if fmt is OutputFormat.table:
        found = record.commitment
        made = ", ".join(
            str(part) for part in (found.made_on, found.meeting_id) if part
        )
        stdout.print(
            literal(
                f"{found.id}: {found.actor} {found.kind}", style="bold"
            ).append_text(literal(f" ({made})" if made else ""))
        )
        stdout.print(literal(found.text))
        stdout.print(literal(f"Compliance on {record.on}: {record.compliance}"))
    render(
        rows,
        fmt,
        title="Assessments",
        columns=list(TIMELINE_COLUMNS) if fmt is OutputFormat.table else None,
    )


def commitment_payload(record: CommitmentRecord) -> dict[str, Any]:
    """The commitment as JSON: the fields and names of GET /api/v1/commitments/{id}."""
    found = record.commitment
    current = record.current
    target = found.target
    return {
        "id": found.id,
        "actor": found.actor,
        "kind": found.kind,
        "area": found.area,
        "text": found.text,
        "speaker": found.speaker,
        "target_value": None if target is None else target.value,
        "target_unit": None if target is None else target.unit,
        "deadline": _text(found.deadline),
        "made_on": _text(found.made_on),
        "meeting_id": found.meeting_id,
        "source_id": found.source_id,
        "assessments": [_assessment(a) for a in found.assessments],
        "on": record.on.isoformat(),
        "compliance": record.compliance,
        "score": _score(current),
        "assessed_on": None if current is None else str(current.date),
    }


def project_cli(
    project_id: RefArgument,
    on: OnDateOption = None,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Show one cooperation project: its sector, countries and dates, the status
    its lifecycle reached by --on (default today), and each dated step with its
    source.

    JSON holds the project as /api/v1/projects/{id} answers it; CSV holds the
    lifecycle steps, as the page's ?format=csv.

    Example: scotrack project china-kyrgyzstan-uzbekistan --on 2020 --format json
    """

    def action() -> ProjectRecord:
        from scotrack.store.read import project_dossiers  # on demand: fast start-up

        with kb_session(db) as session:
            return project_dossiers.project_record(session, project_id, on=on_day(on))

    record = run_with_errors(action, debug=debug)
    if fmt is OutputFormat.json:
        render([], fmt, payload=project_payload(record))
        return
    rows = [
        {
            "date": step.date,
            "status": step.status,
            "iati_activity_status": step.iati_code,
            "source": None if step.source is None else step.source.title,
            "source_document": None if step.source is None else step.source.document_id,
            "source_url": None if step.source is None else step.source.url,
            "current": step.current,
        }
        for step in record.steps
    ]
    if fmt is OutputFormat.table:
        found = record.project
        stdout.print(
            literal(found.name, style="bold").append_text(literal(f" ({found.id})"))
        )
        countries = ", ".join(record.state_names.get(c, c) for c in found.countries)
        details = [found.sector, countries, record.initiative, found.financing]
        stdout.print(literal("; ".join(part for part in details if part)))
        stdout.print(literal(f"Status on {record.on}: {record.status or 'none yet'}"))
    render(
        rows,
        fmt,
        title="Lifecycle",
        columns=list(STEP_COLUMNS) if fmt is OutputFormat.table else None,
    )


def project_payload(record: ProjectRecord) -> dict[str, Any]:
    """The project as JSON: the fields and names of GET /api/v1/projects/{id}."""
    found = record.project
    return {
        "id": found.id,
        "name": found.name,
        "sector": found.sector,
        "countries": list(found.countries),
        "financing": found.financing,
        "planned_start": _text(found.planned_start),
        "planned_end": _text(found.planned_end),
        "actual_start": _text(found.actual_start),
        "actual_end": _text(found.actual_end),
        "initiative": found.initiative,
        "history": [
            {"date": _text(h.date), "status": h.status, "source_id": h.source_id}
            for h in found.history
        ],
        "source_id": found.source_id,
        "on": record.on.isoformat(),
        "status": record.status,
    }


def _assessment(found: Assessment) -> dict[str, Any]:
    return {
        "date": str(found.date),
        "score": _score(found),
        "note": found.note,
        "evidence": found.evidence,
        "source_id": found.source_id,
    }


def _score(found: Assessment | None) -> int | None:
    """An assessment's score as the API gives it: 1, 0, -1 or null (inconclusive)."""
    if found is None or found.score == "inconclusive":
        return None
    return found.score


def _text(value: object) -> str | None:
    return None if value is None else str(value)
