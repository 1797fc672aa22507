"""Domain objects to column values and back: the one place the two shapes meet.

`*_values` give the columns of a row (without its children) for the loader to insert
or compare; `*_from_row` rebuild the domain object, children included.
"""

from __future__ import annotations

from typing import Any, cast

from scotrack.domain import agreements, commitments, meetings, membership, projects
from scotrack.domain.dates import PartialDate, parse_optional
from scotrack.domain.sources import Source
from scotrack.domain.states import State
from scotrack.store import models

Values = dict[str, Any]


def iso(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def source_values(source: Source) -> Values:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "published_date": iso(source.date),
        "document_id": source.document_id,
    }


def source_from_row(row: models.Source) -> Source:
    return Source(
        row.id,
        row.title,
        row.publisher,
        row.url,
        parse_optional(row.published_date),
        row.document_id,
    )


def state_values(state: State) -> Values:
    return {
        "id": state.code,
        "name": state.name,
        "official_name": state.official_name,
        "capital": state.capital,
    }


def state_from_row(row: models.State) -> State:
    return State(
        row.id,
        row.name,
        row.official_name,
        tuple(a.alias for a in row.aliases if a.kind == "name"),
        tuple(a.alias for a in row.aliases if a.kind == "adjective"),
        row.capital,
    )


def body_values(body: meetings.Body) -> Values:
    return {
        "id": body.code,
        "name": body.name,
        "schema_body": body.schema_body,
        "kind": body.kind,
        "predecessor_of": body.predecessor_of,
        "founded_date": iso(body.founded),
        "seat": body.seat,
        "note": body.note,
        "source_id": body.source_id,
        "founding_source_id": body.founding_source_id,
    }


def body_from_row(row: models.Body) -> meetings.Body:
    return meetings.Body(
        row.id,
        row.name,
        cast("Any", row.schema_body),
        tuple(a.alias for a in row.aliases),
        row.kind,
        row.predecessor_of,
        parse_optional(row.founded_date),
        row.seat,
        row.note,
        row.source_id,
        row.founding_source_id,
    )


def interval_values(interval: membership.StatusInterval) -> Values:
    return {
        "state_id": interval.state,
        "status": interval.status,
        "start_date": iso(interval.start),
        "end_date": iso(interval.end),
        "note": interval.note,
        "source_id": interval.source_id,
    }


def interval_from_row(row: models.StatusInterval) -> membership.StatusInterval:
    return membership.StatusInterval(
        row.state_id,
        cast("Any", row.status),
        parse_optional(row.start_date),
        parse_optional(row.end_date),
        row.source_id,
        row.note,
    )


def meeting_values(meeting: meetings.Meeting) -> Values:
    return {
        "id": meeting.id,
        "body_id": meeting.body,
        "number": meeting.number,
        "start_date": iso(meeting.start_date),
        "end_date": iso(meeting.end_date),
        "year": meeting.year(),
        "city_name": meeting.city,
        "host_state_id": meeting.host,
        "chair": meeting.chair,
        "format": meeting.format,
        "name": meeting.name,
        "source_id": meeting.source_id,
    }


def meeting_from_row(row: models.Meeting) -> meetings.Meeting:
    return meetings.Meeting(
        id=row.id,
        body=row.body_id,
        start_date=parse_optional(row.start_date),
        end_date=parse_optional(row.end_date),
        number=row.number,
        city=row.city_name,
        host=row.host_state_id,
        chair=row.chair,
        format=cast("Any", row.format),
        participants=tuple(p.state_id for p in row.participants),
        name=row.name,
        source_id=row.source_id,
    )


def agreement_values(agreement: agreements.Agreement) -> Values:
    rule = agreement.rule
    return {
        "id": agreement.id,
        "title": agreement.title,
        "kind": agreement.kind,
        "signed_date": iso(agreement.signed_date),
        "place": agreement.place,
        "depositary": agreement.depositary,
        "rule_kind": None if rule is None else rule.kind,
        "rule_n": None if rule is None else rule.n,
        "rule_days": None if rule is None else rule.days,
        "rule_later_days": None if rule is None else rule.later_days,
        "entry_into_force_date": iso(agreement.recorded_entry_into_force),
        "entry_into_force_source_id": agreement.entry_into_force_source_id,
        "source_id": agreement.source_id,
        "body_id": agreement.body,
    }


def party_values(party: agreements.Party) -> Values:
    return {
        "state_id": party.state,
        "signed_date": iso(party.signed),
        "ratified_date": iso(party.ratified),
        "deposited_date": iso(party.deposited),
        "withdrew_date": iso(party.withdrew),
        "source_id": party.source_id,
    }


def declaration_values(declaration: agreements.Declaration) -> Values:
    return {
        "state_id": declaration.state,
        "declaration_date": iso(declaration.date),
        "text": declaration.text,
        "source_id": declaration.source_id,
    }


def agreement_from_row(row: models.Agreement) -> agreements.Agreement:
    rule = None
    if row.rule_kind is not None:
        rule = agreements.EntryIntoForceRule(
            cast("Any", row.rule_kind),
            row.rule_n,
            row.rule_days or 0,
            row.rule_later_days,
        )
    return agreements.Agreement(
        id=row.id,
        title=row.title,
        kind=row.kind,
        aliases=tuple(a.alias for a in row.aliases),
        signed_date=parse_optional(row.signed_date),
        place=row.place,
        depositary=row.depositary,
        rule=rule,
        parties=tuple(
            agreements.Party(
                p.state_id,
                parse_optional(p.signed_date),
                parse_optional(p.ratified_date),
                parse_optional(p.deposited_date),
                parse_optional(p.withdrew_date),
                p.source_id,
            )
            for p in row.parties
        ),
        declarations=tuple(
            agreements.Declaration(
                d.state_id, parse_optional(d.declaration_date), d.text, d.source_id
            )
            for d in row.declarations
        ),
        recorded_entry_into_force=parse_optional(row.entry_into_force_date),
        source_id=row.source_id,
        entry_into_force_source_id=row.entry_into_force_source_id,
        body=row.body_id,
    )


def commitment_values(commitment: commitments.Commitment) -> Values:
    target = commitment.target
    return {
        "id": commitment.id,
        "actor": commitment.actor,
        "kind": commitment.kind,
        "area": commitment.area,
        "text": commitment.text,
        "speaker": commitment.speaker,
        "target_value": None if target is None else target.value,
        "target_unit": None if target is None else target.unit,
        "deadline_date": iso(commitment.deadline),
        "made_date": iso(commitment.made_on),
        "meeting_id": commitment.meeting_id,
        "source_id": commitment.source_id,
    }


def assessment_values(assessment: commitments.Assessment) -> Values:
    score = assessment.score
    return {
        "assessed_date": str(assessment.date),
        "score": None if score == "inconclusive" else score,
        "note": assessment.note,
        "evidence": assessment.evidence,
        "source_id": assessment.source_id,
        "assessor": assessment.assessor,
        "document_id": assessment.document_id,
        "span_start": None if assessment.span is None else assessment.span[0],
        "span_end": None if assessment.span is None else assessment.span[1],
    }


def commitment_from_row(row: models.Commitment) -> commitments.Commitment:
    target = None
    if row.target_value is not None:
        target = commitments.Target(row.target_value, row.target_unit or "")
    return commitments.Commitment(
        id=row.id,
        actor=row.actor,
        kind=cast("Any", row.kind),
        area=cast("Any", row.area),
        text=row.text,
        speaker=row.speaker,
        target=target,
        deadline=parse_optional(row.deadline_date),
        meeting_id=row.meeting_id,
        made_on=parse_optional(row.made_date),
        assessments=tuple(
            commitments.Assessment(
                PartialDate.parse(a.assessed_date),
                cast("Any", "inconclusive" if a.score is None else a.score),
                a.note,
                a.source_id,
                a.evidence,
                a.assessor,
                a.document_id,
                _span(a.span_start, a.span_end),
            )
            for a in row.assessments
        ),
        source_id=row.source_id,
    )


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return None if start is None or end is None else (start, end)


def initiative_values(initiative: projects.Initiative) -> Values:
    return {
        "id": initiative.code,
        "name": initiative.name,
        "proposed_by": initiative.proposed_by,
        "proposed_date": iso(initiative.proposed_on),
        "source_id": initiative.source_id,
    }


def initiative_from_row(row: models.Initiative) -> projects.Initiative:
    return projects.Initiative(
        row.id,
        row.name,
        row.proposed_by,
        parse_optional(row.proposed_date),
        tuple(a.alias for a in row.aliases),
        row.source_id,
    )


def project_values(project: projects.Project) -> Values:
    return {
        "id": project.id,
        "name": project.name,
        "sector": project.sector,
        "financing": project.financing,
        "planned_start_date": iso(project.planned_start),
        "planned_end_date": iso(project.planned_end),
        "actual_start_date": iso(project.actual_start),
        "actual_end_date": iso(project.actual_end),
        "initiative_id": project.initiative,
        "source_id": project.source_id,
    }


def project_status_values(change: projects.StatusChange) -> Values:
    return {
        "status_date": iso(change.date),
        "status": change.status,
        "source_id": change.source_id,
    }


def project_from_row(row: models.Project) -> projects.Project:
    return projects.Project(
        id=row.id,
        name=row.name,
        sector=cast("Any", row.sector),
        countries=tuple(c.state_id for c in row.countries),
        financing=row.financing,
        planned_start=parse_optional(row.planned_start_date),
        planned_end=parse_optional(row.planned_end_date),
        actual_start=parse_optional(row.actual_start_date),
        actual_end=parse_optional(row.actual_end_date),
        initiative=row.initiative_id,
        history=tuple(
            projects.StatusChange(
                parse_optional(s.status_date), cast("Any", s.status), s.source_id
            )
            for s in row.statuses
        ),
        source_id=row.source_id,
    )
