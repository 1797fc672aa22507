"""The ratification matrix and one agreement's detail."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from scotrack.errors import NotFound
from scotrack.store.read.agreements import AgreementQuery, agreement_table
from scotrack.store.read.matrix import ratification_matrix
from scotrack.store.read.profiles import agreement_record
from scotrack.store.read.summaries import Summaries
from scotrack.store.write.edits import edit_entity


def cells(small: Session, on: date) -> dict[tuple[str, str], str]:
    table = ratification_matrix(small, on=on)
    return {
        (row.code, column.id): cell
        for row in table.rows
        for column, cell in zip(table.columns, row.cells, strict=True)
    }


def test_matrix_cells_follow_the_as_of_day(small: Session) -> None:
    before = cells(small, date(2017, 1, 1))
    assert before[("CHN", "extremism-convention")] == "not-signed"
    signed = cells(small, date(2017, 7, 1))
    assert signed[("CHN", "extremism-convention")] == "signed"
    assert signed[("IND", "extremism-convention")] == "not-signed"
    ratified = cells(small, date(2019, 1, 15))
    assert ratified[("CHN", "extremism-convention")] == "ratified"


def test_matrix_says_unknown_when_in_force_but_no_instrument_recorded(
    small: Session,
) -> None:
    assert cells(small, date(2002, 12, 1))[("CHN", "charter")] == "signed"
    assert cells(small, date(2010, 1, 1))[("CHN", "charter")] == "unknown"


def test_matrix_rows_are_every_party_by_name(small: Session) -> None:
    table = ratification_matrix(small, on=date(2024, 1, 1))
    names = [row.name for row in table.rows]
    assert names == sorted(names)
    assert "India" in names
    signed = [c.signed for c in table.columns]
    assert signed == sorted(signed, key=str)  # columns in signature order
    # this knowledge base records no party to the Shanghai Convention: no column
    assert [c.id for c in table.columns][:1] == ["charter"]


def test_agreement_record_explains(small: Session) -> None:
    detail = agreement_record(small, "charter", on=date(2010, 1, 1))
    assert detail.agreement.title.startswith("Charter")
    assert any("2003-09-19" in line for line in detail.status.explanation)
    assert detail.state_names["CHN"] == "China"


@pytest.mark.issue(18)
def test_agreement_record_without_sources_reads_the_same_status(
    small: Session,
) -> None:
    """The API shows neither the cited sources nor the supporting documents, so
    it asks for the record without them: the same agreement and status, those
    two left empty (reading them was half the API's cost, #18)."""
    full = agreement_record(small, "charter", on=date(2010, 1, 1))
    bare = agreement_record(small, "charter", on=date(2010, 1, 1), sources=False)
    assert full.sources
    assert (bare.agreement, bare.status) == (full.agreement, full.status)
    assert (bare.sources, bare.documents) == ((), ())


@pytest.mark.issue(15)
def test_agreement_record_by_id_title_or_alias_as_every_surface(
    small: Session,
) -> None:
    """The page took the exact id only (NotFound for `Charter`); the one read
    takes what the CLI and the API took: an id, title or alias (#15)."""
    assert agreement_record(small, "Charter", on=date(2010, 1, 1)).agreement.id == (
        "charter"
    )
    with pytest.raises(NotFound):
        agreement_record(small, "treaty-of-nowhere-at-all", on=date(2010, 1, 1))


@pytest.mark.issue(12)
def test_matrix_leaves_out_texts_no_state_is_party_to(kb: Session) -> None:
    table = ratification_matrix(kb, on=date(2024, 1, 1))
    shown = {column.id for column in table.columns}
    assert "shanghai-convention" in shown
    assert "observer-regulations-2004" not in shown  # approved, no parties
    assert "development-strategy-2025" not in shown


@pytest.mark.issue(18)
def test_a_kept_agreement_record_follows_an_edit(small: Session) -> None:
    """The server keeps the record a reference names on a day per
    knowledge-base version: the same one until a logged change, then read again."""
    summaries = Summaries()
    on = date(2010, 1, 1)
    kept = agreement_record(small, "charter", on=on, summaries=summaries)
    assert agreement_record(small, "charter", on=on, summaries=summaries) is kept
    assert agreement_record(small, "SCO Charter", on=on, summaries=summaries) == kept
    bare = agreement_record(small, "charter", on=on, sources=False, summaries=summaries)
    assert bare.sources == ()
    edit_entity(
        small,
        "agreement:charter",
        {"place": "Saint Petersburg"},
        actor="tests",
        reason="a kept record must follow it",
    )
    small.flush()
    after = agreement_record(small, "charter", on=on, summaries=summaries)
    assert after.agreement.place == "Saint Petersburg"
    assert after == agreement_record(small, "charter", on=on)


@pytest.mark.issue(18)
def test_a_kept_matrix_and_table_follow_an_edit(small: Session) -> None:
    """The matrix of a day and the table of a query, kept per knowledge-base
    version, are worked out again after a logged change."""
    summaries = Summaries()
    on = date(2020, 1, 1)
    query = AgreementQuery(on=on)
    table = agreement_table(small, query, summaries=summaries)
    matrix = ratification_matrix(small, on=on, summaries=summaries)
    assert agreement_table(small, query, summaries=summaries) is table
    assert ratification_matrix(small, on=on, summaries=summaries) is matrix
    edit_entity(
        small,
        "agreement:charter",
        {"title": "The SCO Charter"},
        actor="tests",
        reason="a kept table must follow it",
    )
    small.flush()
    table = agreement_table(small, query, summaries=summaries)
    matrix = ratification_matrix(small, on=on, summaries=summaries)
    assert "The SCO Charter" in [r.agreement.title for r in table.rows]
    assert "The SCO Charter" in [c.title for c in matrix.columns]
    assert table == agreement_table(small, query)
    assert matrix == ratification_matrix(small, on=on)


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    "on", [date(2003, 1, 15), date(2003, 4, 15), date(2018, 4, 15)]
)
def test_every_unknown_cell_says_what_is_missing_and_no_other(
    kb: Session, on: date
) -> None:
    """The text is there exactly where the matrix cannot decide (#12)."""
    table = ratification_matrix(kb, on=on)
    found = {}
    for row in table.rows:
        assert len(row.gaps) == len(row.cells)
        for column, cell, gap in zip(table.columns, row.cells, row.gaps, strict=True):
            assert (cell == "unknown") == (gap is not None), (row.code, column.id)
            if gap is not None:
                found[(row.code, column.id)] = gap
    assert found, f"the baseline has an unclear cell on {on}"
    expected = {
        date(2003, 1, 15): (("RUS", "charter"), "ratified 2003, no month recorded"),
        date(2003, 4, 15): (("KGZ", "shanghai-convention"), "signature recorded"),
        date(2018, 4, 15): (("UZB", "extremism-convention"), "ratified 2018-04"),
    }[on]
    assert found[expected[0]].startswith(expected[1])
