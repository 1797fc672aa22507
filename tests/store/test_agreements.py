"""The agreements table (#14): each agreement's status on a day, sorted by any
column (ties by signature date), filtered, counted by facet, a signature range."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from scotrack.errors import InputError, NotFound
from scotrack.store.read.agreements import (
    AgreementQuery,
    agreement_sort,
    agreement_table,
)
from scotrack.store.read.tables import date_range

pytestmark = pytest.mark.issue(14)

DAY = date(2010, 1, 1)


def ids(kb: Session, **filters) -> list[str]:
    table = agreement_table(kb, AgreementQuery(on=DAY, **filters))
    return [r.agreement.id for r in table.rows]


def test_agreements_default_to_signature_order(kb: Session) -> None:
    table = agreement_table(kb, AgreementQuery(on=DAY))
    signed = [r.agreement.signed_date.sort_key() for r in table.rows]
    assert signed == sorted(signed)
    assert ids(kb)[:2] == sorted(ids(kb)[:2])  # same day: by id


@pytest.mark.parametrize("column", ["ratified", "parties", "title", "place"])
def test_agreements_sort_by_a_column_stably(kb: Session, column: str) -> None:
    up = agreement_table(kb, AgreementQuery(on=DAY, sort=agreement_sort(column)))
    down = agreement_table(
        kb, AgreementQuery(on=DAY, sort=agreement_sort(f"-{column}"))
    )
    key = {
        "ratified": lambda r: r.ratified,
        "parties": lambda r: r.parties,
        "title": lambda r: r.agreement.title.casefold(),
        "place": lambda r: r.agreement.place and r.agreement.place.casefold(),
    }[column]
    values = [key(r) for r in up.rows]
    assert values == _missing_last(values, reverse=False)
    assert [key(r) for r in down.rows] == _missing_last(values, reverse=True)
    # ties keep the signature order in both directions
    for table in (up, down):
        for a, b in zip(table.rows, table.rows[1:], strict=False):
            if key(a) == key(b):
                assert a.agreement.signed_date.sort_key() <= (
                    b.agreement.signed_date.sort_key()
                )


def _missing_last(values: list, *, reverse: bool) -> list:
    """`values` sorted, those without a value (an unknown place) last in either
    direction, as `store.read.tables.sorted_by` orders them."""
    present = [v for v in values if v is not None]
    return sorted(present, reverse=reverse) + [None] * (len(values) - len(present))


def test_agreements_filters_and_facets(kb: Session) -> None:
    table = agreement_table(kb, AgreementQuery(on=DAY, party="India"))
    assert table.rows
    assert all(r.agreement.party("IND") for r in table.rows)
    facets = {f.name: dict(f.counts) for f in table.facets}
    assert set(facets) == {"kind", "in_force", "year", "party"}
    assert facets["party"]["IND"] == len(table.rows)
    assert sum(facets["kind"].values()) == len(table.rows)
    for value, count in facets["in_force"].items():
        assert len(ids(kb, party="IND", in_force=value)) == count
    assert ids(kb, year=2009) == ids(kb, dates=date_range("2009", "2009"))
    assert ids(kb, kind="charter") == ["charter"]
    early = ids(kb, dates=date_range("2001", "2002-06"))
    assert early
    assert "good-neighbourliness-treaty" not in early


def test_agreements_refuse_unknown_values(kb: Session) -> None:
    with pytest.raises(InputError, match="in_force 'maybe': choose one of yes"):
        ids(kb, in_force="maybe")
    with pytest.raises(InputError, match="kind 'pact': choose one of"):
        ids(kb, kind="pact")
    with pytest.raises(InputError, match="sort 'size'"):
        agreement_sort("size")
    with pytest.raises(NotFound):
        ids(kb, party="Atlantis")
