"""Read functions the CLI, the API and the web pages share.

They return domain objects (or small frozen result dataclasses), never ORM rows, and
leave every rule (status on a day, entry into force, name lookup) to `domain/`.
Functions that look a thing up raise NotFound, with suggestions where there are
close names, or Ambiguous listing the candidates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process, utils
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from scotrack.domain import membership as membership_rules
from scotrack.domain.agreements import Agreement
from scotrack.domain.commitments import Commitment
from scotrack.domain.dates import PartialDate, parse_optional
from scotrack.domain.meetings import Body, Meeting, meeting_sort_key
from scotrack.domain.membership import StatusInterval, StatusOnDay
from scotrack.domain.projects import Initiative
from scotrack.domain.sources import Source
from scotrack.domain.states import State, StateIndex
from scotrack.errors import Ambiguous, NotFound
from scotrack.store import models, rows
from scotrack.store.provenance import FactSource

FUZZY_CUTOFF = 85
"""Least token-set similarity (0-100) for a fuzzy agreement match."""
FUZZY_TIE = 3
"""Fuzzy matches this close to the best one make the name ambiguous."""


# states and membership


def states(session: Session) -> list[State]:
    """Every state, by code."""
    found = session.scalars(select(models.State).order_by(models.State.id))
    return [rows.state_from_row(row) for row in found]


def state(session: Session, code: str) -> State:
    """The state with ISO code `code` (any case); NotFound otherwise."""
    row = session.get(models.State, code.strip().upper())
    if row is None:
        raise NotFound(
            f"state {code!r} is not a known state code; "
            "give an ISO 3166-1 alpha-3 code such as IND"
        )
    return rows.state_from_row(row)


def find_state(session: Session, text: str) -> State:
    """The state `text` names by code, name, alias or adjective (any case).

    A code wins over any name (`StateIndex.find`), so a known code is looked up
    alone, without loading every state and its aliases (#18)."""
    row = session.get(models.State, text.strip().upper())
    if row is not None:
        return rows.state_from_row(row)
    return StateIndex(states(session)).find(text)


def membership(session: Session) -> list[StatusInterval]:
    """Every status interval, by state then start (unknown starts first)."""
    found = session.scalars(
        select(models.StatusInterval).order_by(
            models.StatusInterval.state_id,
            models.StatusInterval.start_date.asc().nulls_first(),
            models.StatusInterval.id,
        )
    )
    return [rows.interval_from_row(row) for row in found]


def members_on(session: Session, on: date) -> list[StatusOnDay]:
    """The member states on `on` (uncertain ones flagged with certain=False)."""
    return membership_rules.members(membership(session), on=on)


def status_history(session: Session, code: str) -> list[StatusInterval]:
    """The state's status intervals in date order; NotFound for an unknown code."""
    known = state(session, code)
    found = session.scalars(
        select(models.StatusInterval).where(
            models.StatusInterval.state_id == known.code
        )
    )
    intervals = [rows.interval_from_row(row) for row in found]
    return membership_rules.history(intervals, known.code)


# bodies and meetings


def bodies(session: Session) -> list[Body]:
    """Every SCO body, by code."""
    found = session.scalars(select(models.Body).order_by(models.Body.id))
    return [rows.body_from_row(row) for row in found]


def find_body(session: Session, text: str) -> Body:
    """The body `text` names by code, name or alias (any case)."""
    query = text.strip()
    everything = bodies(session)
    matches = [
        body
        for body in everything
        if query.casefold() in _folded((body.code, body.name, *body.aliases))
    ]
    if len(matches) > 1:
        raise Ambiguous("body", query, [f"{b.code} ({b.name})" for b in matches])
    if matches:
        return matches[0]
    names = {name: b.code for b in everything for name in (b.name, *b.aliases)}
    raise NotFound(
        f"body {query!r} is not a known body code or name"
        + _hint(query, names, "; known codes: " + ", ".join(b.code for b in everything))
    )


def meetings(
    session: Session,
    *,
    body: str | None = None,
    year: int | None = None,
    host: str | None = None,
) -> list[Meeting]:
    """Meetings of body code `body` in `year` hosted by state `host`, by date.

    Without `body`, the SCO's meetings: those of a predecessor body (the Shanghai
    Five) are listed only when `body` names it (#12).
    """
    query = select(models.Meeting)
    if body is not None:
        query = query.where(models.Meeting.body_id == body)
    else:
        query = query.where(models.Meeting.body_id.not_in(_predecessor_bodies()))
    if year is not None:
        query = query.where(models.Meeting.year == year)
    if host is not None:
        query = query.where(models.Meeting.host_state_id == host.upper())
    found = [rows.meeting_from_row(row) for row in session.scalars(query)]
    return sorted(found, key=meeting_sort_key)


def meeting(session: Session, meeting_id: str) -> Meeting:
    row = session.get(models.Meeting, meeting_id)
    if row is None:
        raise NotFound(f"meeting {meeting_id!r} is not in the knowledge base")
    return rows.meeting_from_row(row)


# agreements


def agreements(session: Session, *, predecessors: bool = False) -> list[Agreement]:
    """Every SCO agreement, by signature date (undated last), then id; with
    `predecessors`, those of its predecessor (the Shanghai Five's border
    agreements) too (#12)."""
    query = select(models.Agreement)
    if not predecessors:
        query = query.where(models.Agreement.body_id.is_(None))
    found = [rows.agreement_from_row(r) for r in session.scalars(query)]
    return sorted(found, key=_agreement_order)


def _predecessor_bodies() -> Select[str]:
    """The codes of the bodies that preceded the SCO (#12)."""
    return select(models.Body.id).where(models.Body.predecessor_of.is_not(None))


def agreement(session: Session, agreement_id: str) -> Agreement:
    row = session.get(models.Agreement, agreement_id)
    if row is None:
        raise NotFound(f"agreement {agreement_id!r} is not in the knowledge base")
    return rows.agreement_from_row(row)


def find_agreement(session: Session, text: str) -> Agreement:
    """The agreement `text` names: its id, title or an alias, else the closest title.

    Exact matches (ignoring case) win; otherwise titles and aliases are compared by
    token-set similarity, so word order and extra words ("SCO") matter little.
    Several matches about equally close raise Ambiguous; none close raise NotFound.
    """
    query = text.strip()
    by_id = session.get(models.Agreement, query)
    if by_id is not None:
        return rows.agreement_from_row(by_id)
    everything = agreements(session, predecessors=True)  # asked for by name
    exact = [
        a
        for a in everything
        if query.casefold() in _folded((a.id, a.title, *a.aliases))
    ]
    if len(exact) > 1:
        raise Ambiguous("agreement", query, [_label(a) for a in exact])
    if exact:
        return exact[0]
    scored = sorted(
        ((_similarity(query, a), a) for a in everything),
        key=lambda pair: pair[0],
        reverse=True,
    )
    close = [a for score, a in scored if score >= FUZZY_CUTOFF]
    if not close:
        names = {name: a.title for a in everything for name in (a.title, *a.aliases)}
        raise NotFound(
            f"agreement {query!r} matches no agreement title or alias"
            + _hint(query, names, "; `scotrack agreements` lists them")
        )
    best = scored[0][0]
    tied = [a for score, a in scored if score >= max(FUZZY_CUTOFF, best - FUZZY_TIE)]
    if len(tied) > 1:
        raise Ambiguous("agreement", query, [_label(a) for a in tied])
    return close[0]


# commitments, projects, initiatives, sources


def commitments(
    session: Session,
    *,
    actor: str | None = None,
    area: str | None = None,
    kind: str | None = None,
    meeting: str | None = None,
) -> list[Commitment]:
    """Commitments by actor code, area, kind and meeting id (each optional), by
    date then id."""
    query = select(models.Commitment)
    if meeting is not None:
        query = query.where(models.Commitment.meeting_id == meeting)
    if actor is not None:
        query = query.where(models.Commitment.actor == actor.upper())
    if area is not None:
        query = query.where(models.Commitment.area == area)
    if kind is not None:
        query = query.where(models.Commitment.kind == kind)
    found = [rows.commitment_from_row(row) for row in session.scalars(query)]
    return sorted(found, key=lambda c: (_date_order(c.made_on), c.id))


def initiatives(session: Session) -> list[Initiative]:
    found = session.scalars(select(models.Initiative).order_by(models.Initiative.id))
    return [rows.initiative_from_row(row) for row in found]


def sources_by_id(session: Session, ids: Iterable[str | None]) -> dict[str, Source]:
    """The sources among `ids` (None and unknown ids left out), by id: the one
    read of cited sources (a fact's `source_id`s), for every record (#15)."""
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    found = session.scalars(select(models.Source).where(models.Source.id.in_(wanted)))
    return {row.id: rows.source_from_row(row) for row in found}


def supporting_sources(
    session: Session, kind: str, entity_ids: Iterable[str] | None = None
) -> dict[str, list[Source]]:
    """Entity id -> the sources whose accepted claims support the fact `kind`:id
    (the documents the provenance tables tie to it), by date published (undated
    first) then id; only the entities among `entity_ids` (None: every `kind`
    fact). The one read of a fact's supporting sources (#15): a meeting's,
    agreement's and project's records and `scotrack meetings`."""
    query = (
        select(FactSource.entity_id, models.Source)
        .join(models.Source, models.Source.id == FactSource.source_id)
        .where(FactSource.entity_kind == kind)
        .order_by(
            FactSource.entity_id,
            models.Source.published_date.asc().nulls_first(),
            models.Source.id,
        )
    )
    if entity_ids is not None:
        query = query.where(FactSource.entity_id.in_(set(entity_ids)))
    found: dict[str, list[Source]] = {}
    for entity_id, row in session.execute(query):
        found.setdefault(entity_id, []).append(rows.source_from_row(row))
    return found


def source_order(source: Source) -> tuple[bool, str, str]:
    """The order of `supporting_sources`: by date published, undated first,
    then id."""
    return (source.date is not None, str(source.date or ""), source.id)


# one state's record


@dataclass(frozen=True, slots=True)
class AgreementRole:
    """A state's part in one agreement: its dated steps."""

    agreement_id: str
    title: str
    signed: PartialDate | None
    ratified: PartialDate | None
    deposited: PartialDate | None
    withdrew: PartialDate | None


@dataclass(frozen=True, slots=True)
class StateProfile:
    """What the knowledge base holds about one state."""

    state: State
    history: tuple[StatusInterval, ...]
    meetings_hosted: tuple[Meeting, ...]
    agreements: tuple[AgreementRole, ...]
    commitments: tuple[Commitment, ...]


def state_profile(session: Session, code: str) -> StateProfile:
    """The state's status history, meetings hosted, agreements and commitments."""
    known = state(session, code)
    parties = session.execute(
        select(models.AgreementParty, models.Agreement.title)
        .join(models.Agreement)
        .where(
            models.AgreementParty.state_id == known.code,
            models.Agreement.body_id.is_(None),  # the SCO's, not the Shanghai Five's
        )
    )
    roles = [
        AgreementRole(
            party.agreement_id,
            title,
            parse_optional(party.signed_date),
            parse_optional(party.ratified_date),
            parse_optional(party.deposited_date),
            parse_optional(party.withdrew_date),
        )
        for party, title in parties
    ]
    roles.sort(key=lambda r: (_date_order(r.signed or r.ratified), r.agreement_id))
    return StateProfile(
        known,
        tuple(status_history(session, known.code)),
        tuple(meetings(session, host=known.code)),
        tuple(roles),
        tuple(commitments(session, actor=known.code)),
    )


def _folded(names: Iterable[str]) -> set[str]:
    return {name.casefold() for name in names}


def _similarity(query: str, agreement: Agreement) -> float:
    return max(
        fuzz.token_set_ratio(query, name, processor=utils.default_process)
        for name in (agreement.title, *agreement.aliases)
    )


def _label(agreement: Agreement) -> str:
    return f"{agreement.title} [{agreement.id}]"


def _hint(query: str, names: dict[str, str], otherwise: str) -> str:
    """`; did you mean X, Y?` for the names close to `query`, else `otherwise`."""
    close: Sequence[tuple[str, float, int]] = process.extract(
        query,
        list(names),
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=3,
        score_cutoff=60,
    )
    meant = list(dict.fromkeys(names[name] for name, _, _ in close))
    return f"; did you mean {', '.join(meant)}?" if meant else otherwise


def _date_order(value: PartialDate | None) -> tuple[int, int, int]:
    return value.sort_key() if value is not None else (9999, 99, 99)


def _agreement_order(agreement: Agreement) -> tuple[tuple[int, int, int], str]:
    return (_date_order(agreement.signed_date), agreement.id)
