"""The agreements table: the one list of agreements the CLI, the API and the web
app show, with each one's status on a day, filtered, sorted by any column, with
facet counts (#14).

Agreements are few (tens), so the table is read whole and sorted and counted
here; the surfaces page it. Status is computed for the day asked, never stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, get_args

from sqlalchemy.orm import Session

from scotrack.domain import agreement_status as status_rules
from scotrack.domain import agreements as agreement_rules
from scotrack.domain.agreements import Agreement, AgreementStatus
from scotrack.domain.vocab import AGREEMENT_KINDS
from scotrack.store.read import queries
from scotrack.store.read.summaries import Summaries
from scotrack.store.read.tables import (
    DateRange,
    Facet,
    Sort,
    check_choice,
    count_facets,
    facet_of,
    parse_sort,
    sorted_by,
)

InForce = Literal["yes", "no", "unknown"]
IN_FORCE: tuple[InForce, ...] = get_args(InForce)
"""Whether an agreement is in force on the day, as the table says it."""
RATIFIED = ("ratified", "acceded", "in force")
"""The party statuses that count as ratified (an accession is the acceding
state's instrument, #12)."""


@dataclass(frozen=True, slots=True)
class AgreementRow:
    """An agreement and its status on the table's day."""

    agreement: Agreement
    status: AgreementStatus
    in_force: str
    """One of IN_FORCE."""
    ratified: int
    """Parties that had ratified by the day."""
    parties: int

    @property
    def entry_into_force(self) -> str | None:
        eif = self.status.entry_into_force
        return None if eif is None else str(eif)


def _text(value: str | None) -> str | None:
    return None if value is None else value.casefold()


SORTS: dict[str, Callable[[AgreementRow], Any]] = {
    "title": lambda r: r.agreement.title.casefold(),
    "kind": lambda r: r.agreement.kind,
    "signed": lambda r: (
        None if r.agreement.signed_date is None else r.agreement.signed_date.sort_key()
    ),
    "place": lambda r: _text(r.agreement.place),
    "in_force": lambda r: IN_FORCE.index(r.in_force),
    "entry_into_force": lambda r: (
        None
        if r.status.entry_into_force is None
        else (r.status.entry_into_force.earliest, r.status.entry_into_force.latest)
    ),
    "ratified": lambda r: r.ratified,
    "parties": lambda r: r.parties,
    "id": lambda r: r.agreement.id,
}
"""The columns an agreements table sorts by (in_force: yes, no, unknown)."""
FACETS: dict[str, Callable[[AgreementRow], Any]] = {
    "kind": lambda r: r.agreement.kind,
    "in_force": lambda r: r.in_force,
    "year": lambda r: (
        None if r.agreement.signed_date is None else r.agreement.signed_date.year
    ),
}
"""The fields an agreements table counts, besides `party` (one count per party)."""
DEFAULT_SORT = Sort("signed")


@dataclass(frozen=True, slots=True)
class AgreementQuery:
    """Which agreements a table holds, on which day, in what order."""

    on: date
    kind: str | None = None
    in_force: str | None = None
    year: int | None = None
    party: str | None = None
    dates: DateRange = field(default_factory=DateRange)
    sort: Sort = DEFAULT_SORT


@dataclass(frozen=True, slots=True)
class AgreementTable:
    """The agreements matching the filters in `sort` order, and their facets."""

    on: date
    rows: tuple[AgreementRow, ...]
    facets: tuple[Facet, ...]
    sort: Sort


def agreement_sort(text: str | None) -> Sort:
    """`--sort`/`?sort=` for agreements: a column of SORTS, `-` for descending."""
    return parse_sort(text, tuple(SORTS), DEFAULT_SORT)


def agreement_row(agreement: Agreement, on: date) -> AgreementRow:
    """`agreement` with its status on `on`."""
    status = status_rules.status(agreement, on=on)
    truths: dict[bool | None, InForce] = {True: "yes", False: "no", None: "unknown"}
    truth = truths[status.in_force]
    return AgreementRow(
        agreement, status, truth, ratified_count(status), len(status.parties)
    )


def ratified_count(status: AgreementStatus) -> int:
    """How many parties had ratified, or acceded, by the day of `status`: the
    count the agreements list, the dashboard and the API give alike (#15)."""
    return sum(p.status in RATIFIED for p in status.parties)


def agreement_table(
    session: Session,
    query: AgreementQuery,
    *,
    known: Sequence[Agreement] | None = None,
    summaries: Summaries | None = None,
) -> AgreementTable:
    """Agreements that existed on the day (signed by then, or undated), of
    `kind`, in force or not on the day (`in_force`: yes, no or unknown), signed
    in `year` and within `dates`, with `party` (a state code or name) among their
    parties; sorted by `query.sort` (ties by signature date, then id; those
    without the value last). InputError for an unknown value.

    `known`: every agreement as `queries.agreements` gives them, when the caller
    has them already (a page reads them once, #18). With `summaries`, the table
    of a query is worked out once per knowledge-base version and kept there
    (#18: every agreement's status on the day, a quarter of the agreements
    page's CPU and half of `GET /api/v1/agreements`'s)."""
    if summaries is not None:
        table: AgreementTable = summaries.get(
            session,
            ("agreement table", query),
            lambda: agreement_table(session, query, known=known),
        )
        return table
    check_choice("in_force", query.in_force, IN_FORCE)
    check_choice("kind", query.kind, AGREEMENT_KINDS)
    party = None if query.party is None else queries.find_state(session, query.party)
    kept = []
    everything = queries.agreements(session) if known is None else known
    for agreement in everything:  # by signature date, then id
        if not agreement_rules.existed_on(agreement, query.on):
            continue  # not yet signed on the day: not "not in force" (#12)
        if query.kind is not None and agreement.kind != query.kind:
            continue
        signed = agreement.signed_date
        if query.year is not None and (signed is None or signed.year != query.year):
            continue
        if not query.dates.holds(signed):
            continue
        if party is not None and agreement.party(party.code) is None:
            continue
        row = agreement_row(agreement, query.on)
        if query.in_force is None or row.in_force == query.in_force:
            kept.append(row)
    parties = Counter(p.state for r in kept for p in r.agreement.parties)
    facets = (*count_facets(kept, FACETS), facet_of("party", parties.items()))
    return AgreementTable(
        query.on, tuple(sorted_by(kept, query.sort, SORTS)), facets, query.sort
    )


def kinds(
    session: Session, *, known: Sequence[Agreement] | None = None
) -> tuple[str, ...]:
    """Every kind of agreement recorded (for the filters); `known` as for
    `agreement_table`."""
    everything = queries.agreements(session) if known is None else known
    return tuple(sorted({a.kind for a in everything}))
