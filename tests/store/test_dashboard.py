"""The dashboard's figures, counted in SQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from scotrack.store.provenance import Claim, Document
from scotrack.store.read.dashboard import compliance_label, dashboard, holdings
from scotrack.store.read.summaries import Summaries


def test_dashboard_members_meetings_and_agreements(small: Session) -> None:
    board = dashboard(small, on=date(2024, 1, 1))
    assert [m.code for m in board.members] == [
        "CHN",
        "IND",
        "KAZ",
        "KGZ",
        "PAK",
        "RUS",
        "TJK",
        "UZB",
    ]
    assert [m.id for m in board.latest_meetings] == ["hos-2023", "cfm-2023", "hos-2017"]
    tallies = {a.id: a for a in board.agreements}
    assert tallies["extremism-convention"].ratified == 3
    assert tallies["extremism-convention"].parties == 4
    assert tallies["extremism-convention"].in_force is None or isinstance(
        tallies["extremism-convention"].in_force, bool
    )


def test_dashboard_counts_compliance_as_of_its_day(small: Session) -> None:
    early = dashboard(small, on=date(2018, 1, 1)).compliance
    assert early["unassessed"] == 3
    later = dashboard(small, on=date(2018, 12, 31)).compliance
    assert later["partly"] == 1
    assert later["unassessed"] == 2
    latest = dashboard(small, on=date(2020, 1, 1)).compliance
    assert latest["inconclusive"] == 1


def test_dashboard_without_documents_counts_nothing_pending(small: Session) -> None:
    board = dashboard(small, on=date(2024, 1, 1))
    assert board.claims == {"pending": 0, "accepted": 0, "rejected": 0}
    assert board.documents == board.documents_pending == 0


def test_holdings_count_each_kind(small: Session) -> None:
    held = holdings(small)
    assert list(held.counts) == [
        "states",
        "meetings",
        "agreements",
        "commitments",
        "projects",
        "documents",
        "claims",
    ]
    assert list(held.counts.values()) == [8, 3, 3, 3, 1, 0, 0]
    assert held.last_change is None  # the small loaders log no change


def test_compliance_labels() -> None:
    assert [compliance_label(s) for s in (1, 0, -1, None, "inconclusive")] == [
        "complied",
        "partly",
        "not complied",
        "inconclusive",
        "inconclusive",
    ]


@pytest.mark.issue(18)
def test_summaries_are_kept_until_the_knowledge_base_changes(small: Session) -> None:
    summaries = Summaries()
    computed: list[int] = []

    def count() -> int:
        computed.append(1)
        return len(computed)

    assert summaries.get(small, "n", count) == 1
    assert summaries.get(small, "n", count) == 1  # same version: kept
    small.add(
        Document(
            id="d1",
            version=1,
            raw_text="SCO summit",
            clean_text="SCO summit",
            tags="{}",
            ingested_at="2026-01-01T00:00:00+00:00",
        )
    )
    small.flush()
    assert summaries.get(small, "n", count) == 2  # a document more: computed again


@pytest.mark.issue(18)
def test_a_late_request_of_an_older_version_leaves_the_newer_values(
    small: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow request that read the version before a change gets its value
    computed for it, and the values kept for the newer version stay (#18)."""
    from scotrack.store.read import summaries as module

    versions = iter([(5, 2), (4, 2), (5, 2), (5, 3)])
    monkeypatch.setattr(module, "session_version", lambda _session: next(versions))
    kept = Summaries()
    assert kept.get(small, "n", lambda: "new") == "new"
    assert kept.get(small, "n", lambda: "old") == "old"  # (4, 2): not kept
    assert kept.get(small, "n", lambda: "again") == "new"  # (5, 2): still kept
    assert kept.get(small, "n", lambda: "newer") == "newer"  # (5, 3): a document


@pytest.mark.issue(18)
def test_dashboard_with_summaries_counts_new_claims(small: Session) -> None:
    summaries = Summaries()
    on = date(2024, 1, 1)
    assert dashboard(small, on=on, summaries=summaries).claims["pending"] == 0
    small.add(
        Document(
            id="d1",
            version=1,
            raw_text="SCO summit",
            clean_text="SCO summit",
            tags="{}",
            ingested_at="2026-01-01T00:00:00+00:00",
        )
    )
    small.flush()
    small.add(
        Claim(
            id="c1",
            document_id="d1",
            kind="meeting",
            payload="{}",
            evidence="[[0, 3]]",
            summary="SCO summit",
            proposal="new",
            group_key="g",
            block="b",
            status="pending",
        )
    )
    small.flush()
    board = dashboard(small, on=on, summaries=summaries)
    assert board.claims["pending"] == 1
    assert board.documents_pending == board.documents == 1


@pytest.mark.issue(18)
def test_summaries_compute_a_missing_value_once_for_requests_that_arrive_together(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Eight requests ask at once: one computes, the others wait and share it."""
    import threading
    import time

    from scotrack.store.read import summaries as summaries_module

    monkeypatch.setattr(summaries_module, "session_version", lambda session: (7, 7))
    summaries = Summaries()
    computed: list[int] = []
    start = threading.Barrier(8)
    got: list[int] = []

    def slow() -> int:
        computed.append(1)
        time.sleep(0.3)
        return 42

    def ask() -> None:
        start.wait()
        got.append(summaries.get(None, "network", slow))  # type: ignore[arg-type]

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert got == [42] * 8
    assert computed == [1]


@pytest.mark.issue(18)
def test_summaries_a_failed_computation_lets_the_waiting_compute(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from scotrack.store.read import summaries as summaries_module

    monkeypatch.setattr(summaries_module, "session_version", lambda session: (7, 7))
    summaries = Summaries()

    def broken() -> int:
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        summaries.get(None, "n", broken)  # type: ignore[arg-type]
    assert summaries.get(None, "n", lambda: 3) == 3  # type: ignore[arg-type]
