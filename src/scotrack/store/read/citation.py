"""The compliance report as a citable export: one CSV table (a row per
commitment, then per state, per area and in all) and a JSON description of the
method, the selection and the knowledge base's version, so a figure can be
cited and checked (#13). The web page, the CLI and the API give the same.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from scotrack import __version__
from scotrack.domain.commitments import ComplianceSummary
from scotrack.store.read.compliance import METHOD, ComplianceLine, ComplianceReport

COLUMNS: dict[str, str] = {
    "row": "commitment, state, area or all: what the row is",
    "commitment": "the commitment's id (commitment rows)",
    "key": "the state code, the area or `all` (summary rows)",
    "actor": "who made the commitment: a state code, or SCO",
    "area": "the commitment's area",
    "compliance": "complied (+1), partly (0), not complied (-1), inconclusive "
    "or unassessed, by the assessment in force on the report's day",
    "score": "1, 0, -1 or inconclusive; empty when unassessed",
    "assessed_on": "the (partial) date the assessment refers to",
    "by": "the assessor",
    "document": "the id of the stored document holding the evidence",
    "start": "where the evidence starts in that document's clean text",
    "end": "where it ends (exclusive)",
    "evidence": "the quoted evidence span, or the citation",
    "commitments": "commitments in the group (summary rows)",
    "assessed": "of them assessed, inconclusive included",
    "inconclusive": "of them assessed inconclusive",
    "mean_score": "mean of the assessed scores, inconclusive left out; empty "
    "when none is scored",
}
"""The CSV's columns, in order, and what each holds."""

SCALE = {
    "1": "full compliance",
    "0": "partial compliance, or work under way",
    "-1": "no compliance, or action against the commitment",
    "inconclusive": "assessed, but the evidence does not allow a score",
}
REFERENCE = (
    "G7 Research Group and G20 Research Group, University of Toronto: compliance "
    "reports and their coding method, http://www.g7.utoronto.ca/compliance/"
)


def line_row(line: ComplianceLine) -> dict[str, Any]:
    """A commitment's CSV row: its score in force and the evidence, in parts."""
    current = line.current
    span = None if current is None else current.span
    return {
        "row": "commitment",
        "commitment": line.commitment.id,
        "actor": line.commitment.actor,
        "area": line.commitment.area,
        "compliance": line.compliance,
        "score": None if current is None else current.score,
        "assessed_on": None if current is None else str(current.date),
        "by": None if current is None else current.assessor,
        "document": None if current is None else current.document_id,
        "start": None if span is None else span[0],
        "end": None if span is None else span[1],
        "evidence": None if current is None else current.evidence,
    }


def summary_row(kind: str, summary: ComplianceSummary) -> dict[str, Any]:
    mean = summary.mean_score
    return {
        "row": kind,
        "key": summary.key,
        "commitments": summary.commitments,
        "assessed": summary.assessed,
        "inconclusive": summary.inconclusive,
        "mean_score": None if mean is None else round(mean, 2),
    }


def report_rows(report: ComplianceReport) -> list[dict[str, Any]]:
    """The CSV's rows (every column of COLUMNS in each, empty ones None)."""
    found = [line_row(line) for line in report.lines]
    found += [summary_row("state", s) for s in report.by_state]
    found += [summary_row("area", s) for s in report.by_area]
    found.append(summary_row("all", report.overall))
    return [{column: row.get(column) for column in COLUMNS} for row in found]


def selection(report: ComplianceReport) -> str:
    """Which commitments the report covers, in words."""
    made = report.made
    parts = []
    if report.meeting:
        parts.append(f"made at {report.meeting}")
    if made.start is not None:
        parts.append(f"made on or after {made.start.isoformat()}")
    if made.end is not None:
        parts.append(f"made on or before {made.end.isoformat()}")
    return "commitments " + ", ".join(parts) if parts else "all commitments"


def method_description(
    report: ComplianceReport,
    *,
    known_on: date | None,
    last_change: int,
    address: str | None = None,
) -> dict[str, Any]:
    """The JSON that describes the report's CSV: method, scale, selection, the
    days, the knowledge base's version (its last change) and each column."""
    made = report.made
    return {
        "title": f"SCO compliance report: {selection(report)}, as of {report.on}",
        "method": METHOD,
        "scale": SCALE,
        "in_force": "a commitment's score on the day is its latest assessment dated "
        "on or before that day; of two for the same date, the one recorded later",
        "averages": "per state (the commitment's actor), per area and in all: the "
        "mean of the scores of the assessed commitments; inconclusive ones are "
        "counted (inconclusive) and left out of the mean; unassessed ones are "
        "counted (commitments) only",
        "reference": REFERENCE,
        "selection": {
            "meeting": report.meeting,
            "made_from": None if made.start is None else made.start.isoformat(),
            "made_to": None if made.end is None else made.end.isoformat(),
        },
        "on": report.on.isoformat(),
        "known_on": None if known_on is None else known_on.isoformat(),
        "last_change": last_change,
        "commitments": len(report.lines),
        "generated_by": f"scotrack {__version__}",
        "address": address,
        "columns": COLUMNS,
    }
