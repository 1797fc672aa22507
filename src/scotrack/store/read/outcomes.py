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
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain import meetings as meeting_rules
from scotrack.domain import membership as membership_rules
from scotrack.domain.agreements import Agreement
from scotrack.domain.commitments import Commitment
from scotrack.domain.dates import PartialDate, Truth
from scotrack.domain.meetings import Body, Meeting
from scotrack.domain.sources import Source
from scotrack.store import models, rows
from scotrack.store.provenance import (
    Claim,
    Document,
    effective_payload,
    evidence_spans,
)
from scotrack.store.read import profiles, queries
from scotrack.store.read.dashboard import state_names
from scotrack.store.read.profiles import DocumentPage
from scotrack.store.read.records import CLAIMS_PER_PAGE, LinkedClaims, linked_claims
from scotrack.store.read.summaries import Summaries

OUTCOME_ACTIONS = ("signed", "adopted")
"""The agreement actions that make an agreement an outcome of a meeting."""
QUOTE_CHARS = 300
"""At most this much of a claim's evidence is quoted."""


@dataclass(frozen=True, slots=True)
class Basis:
    """What one line rests on: a source of the record, or an accepted claim with
    the document it comes from and the words of its evidence."""

    source: Source | None = None
    claim_id: str | None = None
    document_id: str | None = None
    document_title: str | None = None
    quote: str | None = None


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
    """The first page of the documents that report it (profiles.meeting_profile)."""
    commitments: tuple[Commitment, ...]
    claims: LinkedClaims
    """The page asked of the claims linked to it (#18)."""
    state_names: dict[str, str]


@dataclass(slots=True)
class _Line:
    """An agreement or a participant while it is being gathered."""

    title: str
    action: str = "signed"
    date: PartialDate | None = None
    place: str | None = None
    roles: list[str] = field(default_factory=list)
    basis: list[Basis] = field(default_factory=list)

    def add(self, role: str | None, basis: Basis) -> None:
        if role is not None and role not in self.roles:
            self.roles.append(role)
        if basis not in self.basis:
            self.basis.append(basis)


def meeting_outcomes(
    session: Session,
    meeting_id: str,
    *,
    page: int = 1,
    per_page: int | None = CLAIMS_PER_PAGE,
    summaries: Summaries | None = None,
) -> MeetingOutcomes:
    """The meeting with its sources, the agreements adopted or signed there, the
    states and guests that took part, its commitments, the first documents that
    report it and page `page` of its linked claims (`per_page` None: all of them);
    NotFound for an unknown id.

    With `summaries`, the record with its first page of claims is read once
    per knowledge-base version and kept there (#18): gathering the outcomes took
    20-30 ms of the meeting page's CPU on every request, and what they rest on
    (claims, their reviews, documents, the curated record) moves the version
    whenever it changes. Other pages of claims are read on each request."""
    if summaries is None:
        return _record(session, meeting_id, page, per_page)
    kept = summaries.get(
        session,
        ("meeting outcomes", meeting_id),
        lambda: _record(session, meeting_id, 1, CLAIMS_PER_PAGE),
    )
    if (page, per_page) != (1, CLAIMS_PER_PAGE):
        claims = linked_claims(
            session, "meeting", kept.meeting.id, page=page, per_page=per_page
        )
        return dataclasses.replace(kept, claims=claims)
    return kept


def _record(
    session: Session, meeting_id: str, page: int, per_page: int | None
) -> MeetingOutcomes:
    profile = profiles.meeting_profile(session, meeting_id)
    meeting = profile.meeting
    body_row = session.get(models.Body, meeting.body)
    names = state_names(session)
    fits = _place_matcher(session)
    agreements = [
        a
        for a in queries.agreements(session)
        if meeting_rules.done_at(
            meeting, on=a.signed_date, place=a.place, same_place=fits
        )
        is True
    ]
    gathered = _agreements(session, meeting, agreements, fits)
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
        _participants(session, profile, gathered, names),
        profile.documents,
        profile.commitments,
        linked_claims(session, "meeting", meeting.id, page=page, per_page=per_page),
        names,
    )


Gathered = dict[str, tuple[_Line, dict[str, list[Basis]]]]
"""Agreement key -> the line, and the states that signed it at the meeting with
what says so."""


def _agreements(
    session: Session,
    meeting: Meeting,
    curated: Sequence[Agreement],
    fits: meeting_rules.PlaceMatcher,
) -> Gathered:
    """The curated agreements done at the meeting, then those accepted claims
    add, each with its signers there."""
    cited = queries.sources_by_id(
        session, [s for a in curated for s in (a.source_id, *_party_sources(a))]
    )
    gathered: Gathered = {}
    for agreement in curated:
        line = _Line(agreement.title, "signed", agreement.signed_date, agreement.place)
        own = cited.get(agreement.source_id or "")
        if own is not None:
            line.add(None, Basis(source=own))
        signers: dict[str, list[Basis]] = {}
        for party in agreement.parties:
            there = party.signed is not None and meeting_rules.done_at(
                meeting, on=party.signed, place=None
            )
            # the treaty's own text names who signed; a party's source may be
            # its ratification act
            source = own or cited.get(party.source_id or "")
            if there is True and source is not None:
                signers[party.state] = [Basis(source=source)]
        gathered[agreement.id] = (line, signers)
    known = {a.id: a for a in curated}
    for claim, payload, basis in _agreement_claims(session, meeting, known, fits):
        entity = claim.entity_id if claim.entity_kind == "agreement" else None
        key = entity or f"claim:{claim.id}"
        title = known[key].title if key in known else str(payload["title"])
        line, signers = gathered.setdefault(key, (_Line(title), {}))
        if key not in known:
            line.action = str(payload.get("action") or "signed")
            line.date = _date(payload.get("date"))
            line.place = _text(payload.get("place"))
        line.add(None, basis)
        for state in _codes(payload.get("parties")):
            signers.setdefault(state, []).append(basis)
    return gathered


def _date(value: object) -> PartialDate | None:
    return PartialDate.parse(value) if isinstance(value, str) and value else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _codes(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _party_sources(agreement: Agreement) -> list[str | None]:
    return [p.source_id for p in agreement.parties]


def _agreement_claims(
    session: Session,
    meeting: Meeting,
    curated: dict[str, Agreement],
    fits: meeting_rules.PlaceMatcher,
) -> list[tuple[Claim, dict[str, object], Basis]]:
    """Accepted agreement claims (signed or adopted) that place an agreement at
    the meeting: from a document whose accepted claims report this meeting (and
    no other, when the claim gives neither date nor place to decide), or linked
    to a curated agreement done there."""
    reports = session.execute(
        select(Claim.document_id, Claim.entity_id).where(
            Claim.kind == "meeting",
            Claim.status == "accepted",
            Claim.entity_kind == "meeting",
            Claim.document_id.in_(
                select(Claim.document_id).where(
                    Claim.status == "accepted",
                    Claim.entity_kind == "meeting",
                    Claim.entity_id == meeting.id,
                )
            ),
        )
    ).all()
    reported: dict[str, set[str]] = {}
    for document_id, entity_id in reports:
        reported.setdefault(document_id, set()).add(entity_id or "")
    found = session.scalars(
        select(Claim)
        .where(
            Claim.kind == "agreement",
            Claim.status == "accepted",
            Claim.document_id.in_(list(reported))
            | ((Claim.entity_kind == "agreement") & Claim.entity_id.in_(list(curated))),
        )
        .order_by(Claim.document_id, Claim.id)
    ).all()
    kept = []
    for claim in found:
        payload = effective_payload(claim)
        if payload.get("action") not in OUTCOME_ACTIONS:
            continue
        agreement = curated.get(claim.entity_id or "")
        fit = _claim_fit(meeting, payload, agreement, fits)
        only_this = reported.get(claim.document_id) == {meeting.id}
        if fit is True or (fit is None and only_this):
            kept.append((claim, payload))
    quotes = _quotes(session, [claim for claim, _ in kept])
    return [(claim, payload, quotes[claim.id]) for claim, payload in kept]


def _claim_fit(
    meeting: Meeting,
    payload: dict[str, object],
    agreement: Agreement | None,
    fits: meeting_rules.PlaceMatcher,
) -> Truth:
    """Does the claim's signing fit the meeting? What the claim leaves out is
    taken from the curated agreement it is linked to."""
    on = _date(payload.get("date"))
    where = _text(payload.get("place"))
    if agreement is not None:
        on = on or agreement.signed_date
        where = where or agreement.place
    return meeting_rules.done_at(meeting, on=on, place=where, same_place=fits)


def _quotes(session: Session, claims: Iterable[Claim]) -> dict[str, Basis]:
    """Each claim's basis: its document and the words of its evidence."""
    wanted = list(claims)
    ids = {claim.document_id for claim in wanted}
    documents = {
        row.id: (row.title, row.clean_text)
        for row in session.execute(
            select(Document.id, Document.title, Document.clean_text).where(
                Document.id.in_(ids)
            )
        )
    }
    found = {}
    for claim in wanted:
        title, text = documents.get(claim.document_id, (None, ""))
        words = " \u2026 ".join(
            " ".join(text[a:b].split()) for a, b in evidence_spans(claim.evidence)
        )
        found[claim.id] = Basis(
            claim_id=claim.id,
            document_id=claim.document_id,
            document_title=title or claim.document_id[:12],
            quote=words[:QUOTE_CHARS] or None,
        )
    return found


def _participants(
    session: Session,
    profile: profiles.MeetingProfile,
    gathered: Gathered,
    names: dict[str, str],
) -> tuple[Participant, ...]:
    """The states that took part, in the order first seen: host, recorded
    participants, signers, then the authors of commitments."""
    meeting = profile.meeting
    own = (
        None
        if meeting.source_id is None
        else _first(profile.sources, meeting.source_id)
    )
    seen: dict[str, _Line] = {}

    def took_part(state: str, role: str, basis: Basis) -> None:
        if state in names:  # a state, not "SCO" or an organisation
            seen.setdefault(state, _Line(names[state])).add(role, basis)

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
    return tuple(
        Participant(
            state,
            line.title,
            statuses.get(state),
            dated and statuses.get(state) != "member",
            tuple(line.roles),
            tuple(line.basis),
        )
        for state, line in seen.items()
    )


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
    quotes = _quotes(session, claims)
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


def _place_matcher(session: Session) -> meeting_rules.PlaceMatcher:
    """Whether two place names are one city, by the gazetteer's aliases."""
    canonical: dict[str, str] = {}
    names = (
        select(models.City.name, models.CityAlias.alias)
        .outerjoin(models.CityAlias, models.CityAlias.city_id == models.City.id)
        .order_by(models.City.id, models.CityAlias.position)
    )
    for name, alias in session.execute(names):
        canonical[name.casefold()] = name.casefold()
        if alias is not None:
            canonical[alias.casefold()] = name.casefold()

    def same(one: str, other: str) -> bool:
        a, b = one.casefold(), other.casefold()
        return canonical.get(a, a) == canonical.get(b, b)

    return same
