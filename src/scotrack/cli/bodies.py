"""The `bodies` and `body` commands: the SCO's bodies with their founding dates,
seats and sources (#12)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from scotrack.cli.options import (
    DbOption,
    DebugOption,
    FormatOption,
    KnownOnOption,
    OutputFormat,
)
from scotrack.cli.output import render, stdout
from scotrack.cli.sessions import kb_session, run_with_errors
from scotrack.cli.terminal import literal

if TYPE_CHECKING:
    from scotrack.store.read.bodies import BodyRecord

UNKNOWN = "unknown"
"""What the table shows for a founding date no source gives: never a guess."""
COLUMNS = ["id", "name", "kind", "founded", "seat", "predecessor_of", "sources"]


def bodies_cli(
    db: DbOption = None,
    known_on: KnownOnOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """List the SCO's bodies: councils, permanent bodies (the Secretariat, RATS,
    the centres of 2025), meetings of ministers, and the Shanghai Five that
    preceded the SCO, each with its founding date and seat where a source gives
    them, and its sources.

    A founding date is as precise as its source ("2004-06" for RATS); one no
    source gives is "unknown" (null in JSON), never guessed. The table shows the
    sources' ids; JSON gives each source's title, publisher, address and date.

    Example: scotrack bodies --format json
    """

    def action() -> list[dict[str, Any]]:
        from scotrack.store.read import bodies  # loaded on demand: fast start-up

        with kb_session(db, known_on=known_on) as session:
            return [body_payload(r) for r in bodies.body_records(session)]

    result = run_with_errors(action, debug=debug)
    if fmt is OutputFormat.json:
        render([], fmt, payload=result)
        return
    render([_row(r) for r in result], fmt, title="SCO bodies", columns=COLUMNS)


def body_cli(
    ref: Annotated[
        str,
        typer.Argument(
            help="The body's id (as `scotrack bodies` prints it), name "
            "or alias, e.g. rats or Secretariat."
        ),
    ],
    db: DbOption = None,
    known_on: KnownOnOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Show one SCO body: its kind, founding date, seat, the organisation it
    preceded, its note, the number of its meetings recorded, and its sources.

    Example: scotrack body rats
    """

    def action() -> dict[str, Any]:
        from scotrack.store.read import bodies  # loaded on demand: fast start-up

        with kb_session(db, known_on=known_on) as session:
            return body_payload(bodies.body_record(session, ref))

    result = run_with_errors(action, debug=debug)
    if fmt is not OutputFormat.table:
        render([_row(result)], fmt, columns=COLUMNS, payload=result)
        return
    stdout.print(literal(f"{result['name']} ({result['id']})", style="bold"))
    for label, value in (
        ("kind", result["kind"]),
        ("founded", result["founded"] or UNKNOWN),
        ("seat", result["seat"] or UNKNOWN),
        ("predecessor of", result["predecessor_of"]),
        ("meetings recorded", result["meetings"]),
        ("note", result["note"]),
    ):
        if value is not None:
            stdout.print(literal(f"{label}: {value}"))
    render(result["sources"], fmt, title="Sources", columns=["id", "title", "url"])


def body_payload(record: BodyRecord) -> dict[str, Any]:
    """One body as JSON, as `GET /api/v1/bodies/{id}` gives it."""
    body = record.body
    return {
        "id": body.code,
        "name": body.name,
        "kind": body.kind,
        "founded": None if body.founded is None else str(body.founded),
        "seat": body.seat,
        "predecessor_of": body.predecessor_of,
        "note": body.note,
        "aliases": list(body.aliases),
        "meetings": record.meetings,
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "url": s.url,
                "date": None if s.date is None else str(s.date),
                "document_id": s.document_id,
            }
            for s in record.sources
        ],
    }


def _row(payload: dict[str, Any]) -> dict[str, Any]:
    """A body as one flat row: unknown founding date and seat said so."""
    return {
        **{key: payload[key] for key in COLUMNS[:-1]},
        "founded": payload["founded"] or UNKNOWN,
        "seat": payload["seat"] or UNKNOWN,
        "sources": "; ".join(s["id"] for s in payload["sources"]),
    }
