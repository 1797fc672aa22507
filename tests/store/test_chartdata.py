"""The numbers behind the charts, on known data (#17)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy.orm import Session

from scotrack.store.provenance import Claim, Document
from scotrack.store.read import chartdata

pytestmark = pytest.mark.issue(17)

DOCUMENTS = (
    # id, published, states, claim statuses, previous version
    (
        "d1",
        "2023-07-04",
        ["CHN", "RUS", "IND"],
        ["pending", "pending", "accepted"],
        None,
    ),
    ("d2", "2023-07-20", ["RUS", "CHN"], [], None),
    ("d3", "2024-01-05", ["RUS", "KAZ"], ["rejected"], None),
    ("d4", None, ["CHN"], ["pending"], None),
    ("d5", "2024-02-01", ["CHN", "PAK"], ["pending"], None),
    ("d6", "2024-02-01", ["CHN", "PAK"], [], "d5"),
)
"""d6 is a newer version of d5 at the same URL: d5 is not counted."""


def add_documents(session: Session) -> None:
    for doc_id, published, states, statuses, previous in DOCUMENTS:
        session.add(
            Document(
                id=doc_id,
                url=f"https://example.org/{'d5' if doc_id == 'd6' else doc_id}",
                version=2 if previous else 1,
                previous_id=previous,
                title=doc_id,
                published_date=published,
                raw_text="text",
                clean_text="text",
                tags=json.dumps({"states": states, "people": [], "areas": []}),
                ingested_at="2026-12-01T00:00:00.000000+00:00",
            )
        )
        session.flush()
        for index, status in enumerate(statuses):
            session.add(
                Claim(
                    id=f"{doc_id}-{index}",
                    document_id=doc_id,
                    kind="meeting",
                    payload="{}",
                    evidence="[]",
                    summary="a claim",
                    proposal="new",
                    group_key=f"{doc_id}-{index}",
                    block=f"{doc_id}-{index}",
                    status=status,
                )
            )
    session.flush()


def test_host_cities_count_meetings_by_city(small: Session) -> None:
    cities = chartdata.host_cities(small)
    assert [(c.name, c.host, [m.id for m in c.meetings]) for c in cities] == [
        ("Astana", "KAZ", ["hos-2017"]),
        ("Goa", "IND", ["cfm-2023"]),
    ]  # hos-2023 was held by video: no city, not on the map
    assert cities[0].meetings[0].day == "2017-06-08"


def test_host_cities_of_the_baseline_most_meetings_first(kb: Session) -> None:
    cities = chartdata.host_cities(kb)
    counts = [len(c.meetings) for c in cities]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) >= 55
    assert cities[0].name == "Astana"


def test_documents_by_month_with_claims_by_status(session: Session) -> None:
    add_documents(session)
    found = chartdata.documents_by_month(session)
    assert [(m.month, m.documents, m.claims) for m in found] == [
        ("2023-07", 2, {"pending": 2, "accepted": 1}),
        ("2024-01", 1, {"rejected": 1}),
        ("2024-02", 1, {}),
        ("undated", 1, {"pending": 1}),
    ]


def test_documents_by_month_of_an_empty_knowledge_base(session: Session) -> None:
    assert chartdata.documents_by_month(session) == ()


def test_co_mentions_count_documents_naming_both(session: Session) -> None:
    add_documents(session)
    network = chartdata.co_mentions(session, "chn")
    assert network.state == "CHN"
    assert network.documents == 4  # d1, d2, d4, d6 (d5 superseded)
    assert network.states == ("RUS", "IND", "PAK")
    assert {(e.a, e.b): e.documents for e in network.edges} == {
        ("CHN", "IND"): 1,
        ("CHN", "PAK"): 1,
        ("CHN", "RUS"): 2,
        ("IND", "RUS"): 1,
    }
    lonely = chartdata.co_mentions(session, "KAZ")
    assert (lonely.documents, lonely.states) == (1, ("RUS",))
    assert chartdata.co_mentions(session, "UZB").documents == 0


def test_compliance_by_state_and_year(small: Session) -> None:
    found = chartdata.compliance_by_state_year(small, on=date(2018, 12, 31))
    assert [
        (
            c.actor,
            c.year,
            c.summary.commitments,
            c.summary.assessed,
            c.summary.mean_score,
        )
        for c in found
    ] == [
        ("CHN", "2017", 1, 1, 0.0),
        ("IND", "2023", 1, 0, None),
        ("SCO", "undated", 1, 0, None),
    ]
    later = chartdata.compliance_by_state_year(small, on=date(2019, 12, 31))
    china = later[0].summary
    assert (china.assessed, china.inconclusive, china.mean_score) == (1, 1, None)
