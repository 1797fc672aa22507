"""`scotrack assess` and `scotrack compliance`: record a compliance assessment of a
commitment, and report the compliance of a meeting's commitments (#13)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from scotrack.cli.options import (
    ByOption,
    DbOption,
    DebugOption,
    FormatOption,
    KnownOnOption,
    NoteOption,
    OnDateOption,
    OutputFormat,
    known_day,
    on_day,
)
from scotrack.cli.output import render, stdout
from scotrack.cli.sessions import actor_for, kb_session, lazy_module, run_with_errors
from scotrack.errors import InputError

if TYPE_CHECKING:
    from scotrack.domain.commitments import ComplianceSummary
    from scotrack.store.read import citation, compliance, listings
    from scotrack.store.read.compliance import ComplianceLine, ComplianceReport
    from scotrack.store.write import assessments
else:
    assessments = lazy_module("scotrack.store.write.assessments")
    citation = lazy_module("scotrack.store.read.citation")
    listings = lazy_module("scotrack.store.read.listings")
    compliance = lazy_module("scotrack.store.read.compliance")


def assess_cli(
    commitment: Annotated[str, typer.Argument(help="The id of a commitment.")],
    score: Annotated[
        str,
        typer.Option("--score", help="1 (complied), 0 (partly), -1 or inconclusive."),
    ],
    on: Annotated[
        str,
        typer.Option("--on", help="The date the score refers to: YYYY[-MM[-DD]]."),
    ],
    evidence: Annotated[
        str | None,
        typer.Option(
            "--evidence",
            help="DOC:START-END, a span of a stored document's text (the id may be "
            "its first 6+ characters).",
        ),
    ] = None,
    citation: Annotated[
        str | None,
        typer.Option("--citation", help="A citation, when no stored document has it."),
    ] = None,
    note: NoteOption = None,
    by: ByOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Record a compliance assessment of a commitment, with its evidence.

    Assessments are kept, a later one reversing an earlier; each is a logged change
    of its commitment, so `scotrack undo` reverts it.

    Example: scotrack assess c-de45315fa954 --score 1 --on 2019 --evidence 8287cd:0-90
    """

    def action() -> dict[str, Any]:
        with kb_session(db, write=True) as session:
            done = assessments.record_assessment(
                session,
                commitment,
                score=score,
                on=on,
                assessor=actor_for(by),
                evidence=evidence,
                citation=citation,
                note=note,
            )
            session.commit()
            found = done.assessment
            return {
                "change": done.change.id,
                "commitment": done.commitment_id,
                "score": found.score,
                "on": found.date,
                "by": found.assessor,
                "evidence": _evidence(found.document_id, found.span, found.evidence),
            }

    render([run_with_errors(action, debug=debug)], format, title="assessment")


def compliance_cli(
    meeting: Annotated[
        str | None,
        typer.Option("--meeting", help="Only the commitments made at this meeting."),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--from", help="Only commitments made from this date on: YYYY[-MM[-DD]]."
        ),
    ] = None,
    end: Annotated[
        str | None,
        typer.Option("--to", help="Only commitments made up to this date."),
    ] = None,
    on: OnDateOption = None,
    known_on: KnownOnOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Report compliance: each commitment's latest score with its evidence, and the
    mean scores per state and per area (the G7/G20 Research Group's method).

    CSV has one row per commitment, then one per state, area and in all (`row`),
    as the web app's /compliance?format=csv; JSON adds `description`, the method,
    selection, knowledge-base version and columns (as /compliance/method.json).

    Example: scotrack compliance --meeting hos-2018 --on 2019
    """

    def action() -> tuple[ComplianceReport, dict[str, Any]]:
        try:
            day = on_day(on)
        except (ValueError, InputError) as err:
            raise InputError(f"--on: {err}") from None
        from scotrack.store.read.tables import date_range

        made = date_range(start, end)
        with kb_session(db, known_on=known_on) as session:
            found = compliance.compliance_report(
                session, on=day, meeting=meeting, made=made
            )
        with kb_session(db) as session:
            then = None if known_on is None else known_day(known_on)
            last = listings.last_change_id(session, then) or 0
            described = citation.method_description(
                found, known_on=then, last_change=last
            )
        return found, described

    report, description = run_with_errors(action, debug=debug)
    lines = [_line(line) for line in report.lines]
    states = [_summary("state", s) for s in report.by_state]
    areas = [_summary("area", s) for s in report.by_area]
    overall = _summary("all", report.overall)
    where = f" of {report.meeting}" if report.meeting else ""
    if format is OutputFormat.json:
        payload = {
            "on": report.on,
            "meeting": report.meeting,
            "known_on": known_on,
            "method": compliance.METHOD,
            "commitments": lines,
            "by_state": states,
            "by_area": areas,
            "overall": overall,
            "description": description,
        }
        render(lines, format, payload=payload)
    elif format is OutputFormat.csv:
        render(citation.report_rows(report), format, columns=list(citation.COLUMNS))
    else:
        table = [_line(line, table=True) for line in report.lines]
        render(table, format, title=f"Compliance{where} on {report.on}")
        names = list(overall)[1:]
        render(states, format, title="Mean score by state", columns=names)
        render(areas, format, title="Mean score by area", columns=names)
        render([overall], format, title="In all", columns=names)
        stdout.print(f"method: {compliance.METHOD}", highlight=False)


def _evidence(
    document_id: str | None, span: tuple[int, int] | None, text: str | None
) -> str | None:
    if document_id is None or span is None:
        return text
    return f"{document_id[:12]}:{span[0]}-{span[1]} {text!r}"


def _line(line: ComplianceLine, *, table: bool = False) -> dict[str, Any]:
    """A commitment's row; in a table the evidence in one short cell, else its
    document, span and text (quoted span or citation) apart."""
    current = line.current
    row: dict[str, Any] = {
        "commitment": line.commitment.id,
        "actor": line.commitment.actor,
        "area": line.commitment.area,
        "compliance": line.compliance,
        "score": None if current is None else current.score,
        "assessed_on": None if current is None else current.date,
        "by": None if current is None else current.assessor,
    }
    if table:
        text = None if current is None else current.evidence
        short = None if text is None else text[:60] + ("…" if len(text) > 60 else "")
        row["evidence"] = (
            None
            if current is None
            else _evidence(current.document_id, current.span, short)
        )
        return row
    span = None if current is None else current.span
    row["document"] = None if current is None else current.document_id
    row["start"] = None if span is None else span[0]
    row["end"] = None if span is None else span[1]
    row["evidence"] = None if current is None else current.evidence
    return row


def _summary(kind: str, summary: ComplianceSummary) -> dict[str, Any]:
    mean = summary.mean_score
    return {
        "row": kind,
        "key": summary.key,
        "commitments": summary.commitments,
        "assessed": summary.assessed,
        "inconclusive": summary.inconclusive,
        "mean_score": None if mean is None else round(mean, 2),
    }
