"""The numbers behind the charts (#17): meetings by host city, documents and
claims by month, commitments and compliance by state and year, and the states
named together in documents.

Counts come from GROUP BY where the database can do it; a document's states
are in its `tags` JSON, so the co-mention network reads the tags of the
documents that name the state (a LIKE narrows them, the JSON decides). A
document superseded by a newer version at its URL is not counted: it is the
same article again.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from scotrack.domain import commitments as commitment_rules
from scotrack.domain.commitments import ComplianceSummary
from scotrack.domain.meetings import Meeting
from scotrack.domain.vocab import CLAIM_STATUSES
from scotrack.store.provenance import Claim, Document
from scotrack.store.read import queries
from scotrack.store.read.dashboard import state_names

STACKED_STATUSES = tuple(sorted(CLAIM_STATUSES))
"""The claim statuses (`vocab.CLAIM_STATUSES`) in the order the charts stack them:
alphabetical, accepted at the bottom."""
UNDATED = "undated"
"""The month (or year) of a document (or commitment) without a date."""


@dataclass(frozen=True, slots=True)
class HostedMeeting:
    id: str
    body: str
    day: str | None
    """The meeting's start date as written (partial dates stay partial)."""


@dataclass(frozen=True, slots=True)
class HostCity:
    """A city that hosted meetings, with them (oldest first)."""

    name: str
    host: str | None
    meetings: tuple[HostedMeeting, ...]


@dataclass(frozen=True, slots=True)
class MonthCount:
    month: str
    """`YYYY-MM`, or UNDATED."""
    documents: int
    claims: dict[str, int]
    """Claim status -> claims of that month's documents."""


@dataclass(frozen=True, slots=True)
class StateYear:
    """Compliance of one actor's commitments made in one year."""

    actor: str
    year: str
    """`YYYY`, or UNDATED."""
    summary: ComplianceSummary


@dataclass(frozen=True, slots=True)
class CoMention:
    a: str
    b: str
    documents: int


@dataclass(frozen=True, slots=True)
class CoMentionNetwork:
    """`state` and the states named in its documents, with the number of
    documents naming each pair; `documents` name `state` at all."""

    state: str
    documents: int
    states: tuple[str, ...]
    """The other states, most co-mentioned first (then by code)."""
    edges: tuple[CoMention, ...]
    names: dict[str, str]


def host_cities(session: Session) -> tuple[HostCity, ...]:
    """Every city that hosted a meeting, most meetings first (then by name)."""
    return cities_of(queries.meetings(session))


def cities_of(meetings: Iterable[Meeting]) -> tuple[HostCity, ...]:
    """The host cities of `meetings` (those with a city), most meetings first
    (then by name), each with its meetings in the order given."""
    cities: dict[str, HostCity] = {}
    for meeting in sorted(meetings, key=_by_date):
        if not meeting.city:
            continue
        held = HostedMeeting(
            meeting.id,
            meeting.body,
            None if meeting.start_date is None else str(meeting.start_date),
        )
        found = cities.get(meeting.city)
        cities[meeting.city] = HostCity(
            meeting.city,
            meeting.host if found is None else found.host or meeting.host,
            (held,) if found is None else (*found.meetings, held),
        )
    return tuple(sorted(cities.values(), key=lambda c: (-len(c.meetings), c.name)))


def _by_date(meeting: Meeting) -> tuple[bool, tuple[int, int, int], str]:
    day = meeting.start_date
    return day is None, (0, 0, 0) if day is None else day.sort_key(), meeting.id


def _current_documents() -> ColumnElement[bool]:
    superseded = select(Document.previous_id).where(Document.previous_id.is_not(None))
    return Document.id.not_in(superseded)


def documents_by_month(session: Session) -> tuple[MonthCount, ...]:
    """Documents by the month they were published, and their claims by status;
    months in order, UNDATED last, months with nothing left out."""
    month = func.substr(Document.published_date, 1, 7)
    current = _current_documents()
    counted = select(month, func.count()).where(current).group_by(month)
    documents: dict[str | None, int] = {}
    for key, count in session.execute(counted):
        documents[key] = count
    claims: dict[str | None, dict[str, int]] = {}
    for key, status, count in session.execute(
        select(month, Claim.status, func.count())
        .join(Claim, Claim.document_id == Document.id)
        .where(current)
        .group_by(month, Claim.status)
    ):
        claims.setdefault(key, {})[status] = count

    def name(key: str | None) -> str:
        return key if key and len(key) == 7 else UNDATED

    merged: dict[str, MonthCount] = {}
    for key in {*documents, *claims}:
        before = merged.get(name(key), MonthCount(name(key), 0, {}))
        counts = Counter(before.claims) + Counter(claims.get(key, {}))
        merged[name(key)] = MonthCount(
            before.month, before.documents + documents.get(key, 0), dict(counts)
        )
    return tuple(sorted(merged.values(), key=lambda m: (m.month == UNDATED, m.month)))


def compliance_by_state_year(session: Session, *, on: date) -> tuple[StateYear, ...]:
    """Commitments per actor and year made, with their mean compliance score as
    assessed on `on` (None where none is assessed); by actor, then year."""
    found = queries.commitments(session)
    summaries = commitment_rules.compliance_by(
        found,
        lambda c: f"{c.actor}\t{commitment_rules.by_year(c) or UNDATED}",
        on=on,
    )
    cells = []
    for summary in summaries:
        actor, year = summary.key.split("\t")
        cells.append(StateYear(actor, year, summary))
    return tuple(sorted(cells, key=lambda c: (c.actor, c.year == UNDATED, c.year)))


def co_mentions(session: Session, state: str) -> CoMentionNetwork:
    """The states named in the same documents as `state` (a code), and how many
    documents name each pair of them (pairs not including `state` count only
    documents that also name `state`)."""
    code = state.upper()
    tags = session.scalars(
        select(Document.tags)
        .where(_current_documents())
        .where(Document.tags.contains(json.dumps(code)))
    )
    pairs: Counter[tuple[str, str]] = Counter()
    documents = 0
    for text in tags:
        named = _states_of(text)
        if code not in named:
            continue
        documents += 1
        pairs.update(combinations(sorted(named), 2))
    weight = Counter[str]()
    for (a, b), count in pairs.items():
        if code in (a, b):
            weight[b if a == code else a] = count
    others = tuple(sorted(weight, key=lambda other: (-weight[other], other)))
    edges = tuple(
        CoMention(a, b, count)
        for (a, b), count in sorted(pairs.items(), key=lambda item: item[0])
    )
    everyone = state_names(session)
    names = {c: everyone.get(c, c) for c in (code, *others)}
    return CoMentionNetwork(code, documents, others, edges, names)


def _states_of(tags: str) -> set[str]:
    try:
        data = json.loads(tags or "{}")
    except ValueError:
        return set()
    named = data.get("states", []) if isinstance(data, dict) else []
    return {item.upper() for item in named if isinstance(item, str)}
