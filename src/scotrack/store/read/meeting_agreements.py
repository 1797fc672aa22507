"""The agreements adopted or signed at one meeting, for its outcomes
(`outcomes.meeting_outcomes`): the curated agreements whose signing date and
place fit the meeting, and the accepted agreement claims that place one there,
each with the states that signed it there and what says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.domain import meetings as meeting_rules
from scotrack.domain.agreements import Agreement
from scotrack.domain.dates import PartialDate, Truth
from scotrack.domain.meetings import Meeting
from scotrack.store import models
from scotrack.store.provenance import Claim, effective_payload
from scotrack.store.read import queries
from scotrack.store.read.outcome_bases import Basis, Gathered, Line, claim_bases

OUTCOME_ACTIONS = ("signed", "adopted")
"""The agreement actions that make an agreement an outcome of a meeting."""


def meeting_agreements(
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
        line = Line(agreement.title, "signed", agreement.signed_date, agreement.place)
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
        line, signers = gathered.setdefault(key, (Line(title), {}))
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
    quotes = claim_bases(session, [claim for claim, _ in kept])
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


def place_matcher(session: Session) -> meeting_rules.PlaceMatcher:
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
