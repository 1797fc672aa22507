"""The vocabulary's tables agree with its sets (#15): every claim kind has its row
in the claim-kind table, every entity kind a page, and the tables read from the
claim-kind table say what the schema does."""

from __future__ import annotations

import pytest

from scotrack.domain import vocab

pytestmark = pytest.mark.issue(15)


def test_every_claim_kind_has_one_row_in_the_table_in_order():
    assert tuple(vocab.CLAIM_SORTS) == vocab.CLAIM_KINDS


def test_the_lists_and_suggestions_come_from_the_table():
    assert vocab.CLAIM_LISTS == {
        "meetings": "meeting",
        "agreements": "agreement",
        "commitments": "commitment",
        "projects": "project",
        "membership": "membership",
    }
    assert vocab.SUGGESTION_KINDS == ("assessment", "project-status")
    assert vocab.CLAIM_SORTS["membership"].entity == "status-interval"
    assert vocab.CLAIM_SORTS["assessment"].entity == "commitment"


def test_every_entity_kind_is_changed_by_a_claim_and_has_a_page():
    assert {sort.entity for sort in vocab.CLAIM_SORTS.values()} == set(
        vocab.ENTITY_KINDS
    )
    assert set(vocab.ENTITY_KINDS) <= set(vocab.PAGES)
    assert set(vocab.RECORD_SEARCH_KINDS) <= set(vocab.PAGES)


@pytest.mark.parametrize(
    ("kind", "entity_id", "page"),
    [
        ("meeting", "hos-2017", "/meetings/hos-2017"),
        ("status-interval", "IND:member:2017-06-09", "/states/IND"),
        ("body", "heads of/state", "/meetings?body=heads%20of%2Fstate"),
        ("initiative", "bri", "/initiatives#initiative-bri"),
        ("claim", "abc", None),
    ],
)
def test_page_of(kind, entity_id, page):
    assert vocab.page_of(kind, entity_id) == page


def test_the_found_kinds_are_the_entries_then_the_record_each_once():
    assert vocab.FOUND_KINDS == (
        "document",
        "meeting",
        "agreement",
        "commitment",
        "project",
        "membership",
        "body",
        "initiative",
    )
