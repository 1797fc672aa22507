"""The `meeting` command: one meeting with its sources, the agreements adopted
or signed there and the states and guests that took part, each with its source
or evidence (#12). The list of meetings is `meetings` (tables.py)."""

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
    from scotrack.domain.sources import Source
    from scotrack.store.read.outcome_bases import Basis
    from scotrack.store.read.outcomes import MeetingOutcomes


def meeting_cli(
    meeting_id: Annotated[
        str,
        typer.Argument(help="The meeting's id as `scotrack meetings` prints it."),
    ],
    db: DbOption = None,
    known_on: KnownOnOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Show one meeting: its body, number, dates, place and sources, the agreements
    adopted or signed there and the states and guests that took part.

    Agreements come from the record (signed on the meeting's days, in its city)
    and from accepted claims; participants from the record (host, participants,
    signatories) and from accepted claims (signatories, authors of commitments).
    Each line cites its source or the claim's evidence; a state that was not a
    member on the meeting's last day is a guest. CSV holds the participants.

    Example: scotrack meeting hos-2017
    """

    def action() -> dict[str, Any]:
        from scotrack.store.read import outcomes  # loaded on demand: fast start-up

        with kb_session(db, known_on=known_on) as session:
            return meeting_payload(outcomes.meeting_outcomes(session, meeting_id))

    result = run_with_errors(action, debug=debug)
    if fmt is OutputFormat.json:
        render([], fmt, payload=result)
        return
    if fmt is OutputFormat.csv:
        render(participant_rows(result), fmt)
        return
    _print(result)


def participant_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The participants as flat rows: what each did there, the sources' ids and
    the accepted claims' ids."""
    return [
        {
            "meeting": result["meeting"]["id"],
            "state": p["state"],
            "name": p["name"],
            "status": p["status"],
            "guest": p["guest"],
            "roles": "; ".join(p["roles"]),
            "sources": "; ".join(b["source"]["id"] for b in p["basis"] if b["source"]),
            "claims": "; ".join(b["claim_id"] for b in p["basis"] if b["claim_id"]),
        }
        for p in result["participants"]
    ]


def meeting_payload(found: MeetingOutcomes) -> dict[str, Any]:
    """The meeting as JSON: the fields and names of GET /api/v1/meetings/{id}."""
    meeting = found.meeting
    bodies = None if found.body is None else {found.body.code: found.body}
    return {
        "meeting": {
            "id": meeting.id,
            "title": meeting.title(bodies),
            "body": meeting.body,
            "number": meeting.number,
            "start_date": meeting.start_date,
            "end_date": meeting.end_date,
            "city": meeting.city,
            "host": meeting.host,
            "chair": meeting.chair,
            "format": meeting.format,
            "source_id": meeting.source_id,
        },
        "sources": [_source(s) for s in found.sources],
        "agreements": [
            {
                "agreement_id": a.agreement_id,
                "title": a.title,
                "action": a.action,
                "date": a.date,
                "place": a.place,
                "basis": [_basis(b) for b in a.basis],
            }
            for a in found.agreements
        ],
        "participants": [
            {
                "state": p.state,
                "name": p.name,
                "status": p.status,
                "guest": p.guest,
                "roles": list(p.roles),
                "basis": [_basis(b) for b in p.basis],
            }
            for p in found.participants
        ],
        "commitments": [
            {"id": c.id, "actor": c.actor, "kind": c.kind, "text": c.text}
            for c in found.commitments
        ],
        "documents": [
            {"id": d.id, "title": d.title, "published_date": d.published_date}
            for d in found.documents.items
        ],
        "documents_total": found.documents.total,
    }


def _source(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "date": source.date,
        "document_id": source.document_id,
    }


def _basis(basis: Basis) -> dict[str, Any]:
    return {
        "source": None if basis.source is None else _source(basis.source),
        "claim_id": basis.claim_id,
        "document_id": basis.document_id,
        "document_title": basis.document_title,
        "quote": basis.quote,
    }


def _print(result: dict[str, Any]) -> None:
    """The meeting's facts, its two tables with numbered citations, the list of
    what they cite."""
    meeting = result["meeting"]
    stdout.print(literal(meeting["title"], style="bold"))
    days = str(meeting["start_date"] or "undated")
    if meeting["end_date"] and meeting["end_date"] != meeting["start_date"]:
        days += f" to {meeting['end_date']}"
    place = ", ".join(str(v) for v in (meeting["city"], meeting["host"]) if v)
    stdout.print(literal(f"  {days}; {place or 'place unknown'}"))
    cited: dict[str, tuple[int, str]] = {}

    def marks(bases: list[dict[str, Any]]) -> str:
        found = []
        for basis in bases:
            key, text = _citation(basis)
            number, _ = cited.setdefault(key, (len(cited) + 1, text))
            found.append(f"[{number}]")
        return " ".join(found) or "no source"

    stdout.print(literal(f"  sources: {marks(_sources_only(result['sources']))}"))
    agreements = [
        {
            "agreement": a["title"],
            "action": a["action"],
            "date": a["date"],
            "place": a["place"],
            "source": marks(a["basis"]),
        }
        for a in result["agreements"]
    ]
    render(agreements, OutputFormat.table, title="Agreements adopted or signed there")
    people = [
        {
            "state": p["state"],
            "status": (p["status"] or "none") + (" (guest)" if p["guest"] else ""),
            "how": "; ".join(p["roles"]),
            "source": marks(p["basis"]),
        }
        for p in result["participants"]
    ]
    render(people, OutputFormat.table, title="Who took part")
    for key, (number, text) in cited.items():
        stdout.print(literal(f"  [{number}] {key}: {text}"))


def _sources_only(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"source": s} for s in sources]


def _citation(basis: dict[str, Any]) -> tuple[str, str]:
    """A cited source or claim: its key in the list and what the list says."""
    source = basis.get("source")
    if source is not None:
        where = f" <{source['url']}>" if source.get("url") else ""
        return source["id"], f"{source['title']}{where}"
    quote = f': "{basis["quote"]}"' if basis.get("quote") else ""
    title = basis.get("document_title") or basis.get("document_id")
    return f"claim {str(basis['claim_id'])[:12]}", f"{title}{quote}"
