"""One meeting with its outcomes: the agreements adopted or signed there and the
states and guests that took part, each with what it rests on (#12).

The one read the `meeting` command, GET /api/v1/meetings/{id} and the meeting
page share. Where each line comes from:

- agreements: the curated record's agreements whose signing date and place fit
  the meeting (`domain.meetings.done_at`), and accepted agreement claims (signed
  or adopted) from documents whose accepted claims report the meeting, or linked
  to an agreement the record places there;
- participants: the host and the record's participants (the meeting's source),
  the states that signed an agreement there (the agreement's source, else its
  party's, or the claim's evidence) and the states that made a commitment there
  (the commitment's source and its accepted claims). Each is a member or a guest
  by its SCO status on the meeting's last day.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain import meetings as meeting_rules
from scotrack.domain import membership as membership_rules
from scotrack.domain.commitments import Commitment
from scotrack.domain.dates import PartialDate
from scotrack.domain.meetings import Body, Meeting
from scotrack.domain.sources import Source
from scotrack.store import models, rows
from scotrack.store.provenance import Claim
from scotrack.store.read import profiles, queries
from scotrack.store.read.dashboard import state_names
from scotrack.store.read.meeting_agreements import meeting_agreements, place_matcher
from scotrack.store.read.outcome_bases import Basis, Gathered, Line, claim_bases
from scotrack.store.read.profiles import DocumentPage
from scotrack.store.read.summaries import Summaries


@dataclass(frozen=True, slots=True)
class MeetingAgreement:
    """An agreement adopted or signed at the meeting. `agreement_id` is the
    curated agreement's (None: a claim linked to none)."""

    agreement_id: str | None
    title: str
    action: str
    date: PartialDate | None
    place: str | None
    basis: tuple[Basis, ...]


@dataclass(frozen=True, slots=True)
class Participant:
    """A state that took part; `status` is its SCO status on the meeting's last
    day (None: none), and a state that was not a member is a guest."""

    state: str
    name: str
    status: str | None
    guest: bool
    roles: tuple[str, ...]
    """How the state took part: host, participant, signed ..., made a commitment."""
    basis: tuple[Basis, ...]


@dataclass(frozen=True, slots=True)
class MeetingOutcomes:
    """A meeting, its sources, its outcomes and what reports it."""

    meeting: Meeting
    body: Body | None
    sources: tuple[Source, ...]
    agreements: tuple[MeetingAgreement, ...]
    participants: tuple[Participant, ...]
    documents: DocumentPage
    """The page asked of the documents that report it
    (`profiles.reporting_documents`)."""
    commitments: tuple[Commitment, ...]
    state_names: dict[str, str]


def meeting_outcomes(
    session: Session,
    meeting_id: str,
    *,
    after: tuple[str, str] | None = None,
    limit: int | None = None,
    every: bool = False,
    summaries: Summaries | None = None,
) -> MeetingOutcomes:
    """The meeting with its sources, the agreements adopted or signed there, the
    states and guests that took part, its commitments and the page of the
    documents that report it after the key `after`, `limit` of them (None:
    `profiles.DOCUMENTS_SHOWN`), or with `every` all of them
    (`profiles.reporting_documents`); NotFound for an unknown id.

    With `summaries`, the record with its first page of documents is read once
    per knowledge-base version and kept there (#18): gathering the outcomes took
    20-30 ms of the meeting page's CPU on every request, and what they rest on
    (claims, their reviews, documents, the curated record) moves the version
    whenever it changes. Other pages of documents are read on each request."""
    if summaries is None:
        record = _record(session, meeting_id)
    else:
        record = summaries.get(
            session,
            ("meeting outcomes", meeting_id),
            lambda: _record(session, meeting_id),
        )
    shown = profiles.DOCUMENTS_SHOWN if limit is None else limit
    if every or (after, shown) != (None, profiles.DOCUMENTS_SHOWN):
        documents = profiles.reporting_documents(
            session, record.meeting.id, after=after, limit=None if every else shown
        )
        return dataclasses.replace(record, documents=documents)
    return record


def _record(session: Session, meeting_id: str) -> MeetingOutcomes:
    profile = profiles.meeting_profile(session, meeting_id)
    meeting = profile.meeting
    body_row = session.get(models.Body, meeting.body)
    names = state_names(session)
    fits = place_matcher(session)
    agreements = [
        a
        # a Shanghai Five summit lists its border agreement (#12)
        for a in queries.agreements(session, predecessors=True)
        if meeting_rules.done_at(
            meeting, on=a.signed_date, place=a.place, same_place=fits
        )
        is True
    ]
    gathered = meeting_agreements(session, meeting, agreements, fits)
    return MeetingOutcomes(
        meeting,
        None if body_row is None else rows.body_from_row(body_row),
        profile.sources,
        tuple(
            MeetingAgreement(
                key if not key.startswith("claim:") else None,
                line.title,
                line.action,
                line.date,
                line.place,
                tuple(line.basis),
            )
            for key, (line, _) in gathered.items()
        ),
        _participants(
            session,
            profile,
            gathered,
            names,
            predecessor=body_row is not None and body_row.predecessor_of is not None,
        ),
        profile.documents,
        profile.commitments,
        names,
    )


def _participants(
    session: Session,
    profile: profiles.MeetingProfile,
    gathered: Gathered,
    names: dict[str, str],
    *,
    predecessor: bool = False,
) -> tuple[Participant, ...]:
    """The states that took part, in the order first seen: host, recorded
    participants, signers, then the authors of commitments.

    At a meeting of the SCO's predecessor (`predecessor`: a Shanghai Five summit)
    SCO status says nothing: a state is a guest there when it is a party to none
    of the predecessor's agreements (Uzbekistan at Dushanbe in 2000, #12)."""
    meeting = profile.meeting
    own = (
        None
        if meeting.source_id is None
        else _first(profile.sources, meeting.source_id)
    )
    seen: dict[str, Line] = {}

    def took_part(state: str, role: str, basis: Basis) -> None:
        if state in names:  # a state, not "SCO" or an organisation
            seen.setdefault(state, Line(names[state])).add(role, basis)

    recorded = Basis(source=own)
    if meeting.host:
        took_part(meeting.host, "host", recorded)
    for state in meeting.participants:
        took_part(state, "participant", recorded)
    for line, signers in gathered.values():
        for state, bases in signers.items():
            for basis in bases:
                took_part(state, f"{line.action} {line.title}", basis)
    for commitment, basis in _commitment_bases(session, profile.commitments):
        took_part(commitment.actor, "made a commitment", basis)
    dated = meeting.start_date is not None
    statuses = _statuses(session, meeting, list(seen))
    members = _predecessor_members(session, meeting.body) if predecessor else None
    return tuple(
        Participant(
            state,
            line.title,
            statuses.get(state),
            state not in members
            if members is not None
            else dated and statuses.get(state) != "member",
            tuple(line.roles),
            tuple(line.basis),
        )
        for state, line in seen.items()
    )


def _predecessor_members(session: Session, body: str) -> set[str]:
    """The parties to the agreements of predecessor body `body` (#12)."""
    return {
        party.state
        for agreement in queries.agreements(session, predecessors=True)
        if agreement.body == body
        for party in agreement.parties
    }


def _first(sources: Iterable[Source], source_id: str) -> Source | None:
    return next((s for s in sources if s.id == source_id), None)


def _commitment_bases(
    session: Session, commitments: Sequence[Commitment]
) -> list[tuple[Commitment, Basis]]:
    """Each commitment with its source and the accepted claims it came from."""
    cited = queries.sources_by_id(session, [c.source_id for c in commitments])
    claims = session.scalars(
        select(Claim)
        .where(
            Claim.status == "accepted",
            Claim.entity_kind == "commitment",
            Claim.entity_id.in_([c.id for c in commitments]),
        )
        .order_by(Claim.id)
    ).all()
    quotes = claim_bases(session, claims)
    found = []
    for commitment in commitments:
        source = cited.get(commitment.source_id or "")
        if source is not None:
            found.append((commitment, Basis(source=source)))
        found += [
            (commitment, quotes[claim.id])
            for claim in claims
            if claim.entity_id == commitment.id
        ]
    return found


def _statuses(session: Session, meeting: Meeting, states: list[str]) -> dict[str, str]:
    """Each state's SCO status on the meeting's last day (when it is dated)."""
    last = meeting.end_date or meeting.start_date
    if last is None:
        return {}
    day: date = last.last_day()
    intervals = queries.membership(session)
    found: dict[str, str] = {}
    for state in states:
        answer = membership_rules.status_of(intervals, state, on=day)
        if answer.status is not None:
            found[state] = answer.status
    return found
