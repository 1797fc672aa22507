"""A state's whole record (a meeting's: test_outcomes.py)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from scotrack.errors import NotFound
from scotrack.store import models
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.history import kb_version
from scotrack.store.read.outcomes import meeting_outcomes
from scotrack.store.read.records import state_record
from scotrack.store.read.summaries import Summaries, reads_only, session_version
from scotrack.store.write.baseline import init_knowledge_base
from scotrack.store.write.edits import edit_entity

from ._claims import doc, ingest, meeting


def test_state_record(small: Session) -> None:
    record = state_record(small, "kgz", on=date(2024, 1, 1))
    assert record.profile.state.code == "KGZ"
    assert [p.id for p in record.projects] == ["p1"]
    assert record.agreement_status["charter"] == "unknown"
    assert "extremism-convention" not in record.agreement_status


def test_state_record_agreement_status_on_a_day(small: Session) -> None:
    record = state_record(small, "CHN", on=date(2019, 1, 15))
    assert record.agreement_status["extremism-convention"] == "ratified"
    assert record.body_names["heads-of-state"] == "Council of Heads of State"


def test_state_record_unknown(small: Session) -> None:
    with pytest.raises(NotFound):
        state_record(small, "XXX", on=date(2024, 1, 1))


@pytest.mark.issue(18)
def test_a_kept_state_record_follows_an_edit(small: Session) -> None:
    """The server keeps a state's record on a day per knowledge-base version: the
    same one is given back until a logged change, then read again."""
    summaries = Summaries()
    on = date(2024, 1, 1)
    kept = state_record(small, "kgz", on=on, summaries=summaries)
    assert state_record(small, "Kyrgyzstan", on=on, summaries=summaries) is kept
    assert state_record(small, "KGZ", on=date(2019, 1, 1), summaries=summaries) != kept
    interval = small.scalars(
        select(models.StatusInterval.id).where(models.StatusInterval.state_id == "KGZ")
    ).first()
    edit_entity(
        small,
        f"status-interval:{interval}",
        {"note": "edited in a test"},
        actor="tests",
        reason="a kept record must follow it",
    )
    small.flush()
    after = state_record(small, "KGZ", on=on, summaries=summaries)
    assert "edited in a test" in [i.note for i in after.profile.history]
    assert after == state_record(small, "KGZ", on=on)


@pytest.mark.issue(18)
def test_summaries_keep_at_most_their_limit(
    small: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Summaries, "MOST", 2)
    summaries = Summaries()
    for key in "abc":
        assert summaries.get(small, key, lambda key=key: key) == key
    assert summaries.get(small, "a", lambda: "again") == "again"  # dropped first
    assert summaries.get(small, "c", lambda: "again") == "c"


@pytest.mark.issue(18)
def test_a_reading_session_reads_the_version_once_a_transaction(small: Session) -> None:
    """Once a transaction of a session that only reads (a server's GET), so that
    every kept value one request asks for is of one version; each time by any
    other session, and again after a flush or the transaction's end."""
    asked: list[str] = []
    engine = small.get_bind().engine

    def note(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if "max(change.id)" in statement.lower():
            asked.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    try:
        first = session_version(small)
        assert session_version(small) == first == kb_version(small)
        assert len(asked) == 3  # not kept: the session may write
        reads_only(small)
        asked.clear()
        assert session_version(small) == session_version(small) == first
        assert len(asked) == 1
        interval = small.scalars(select(models.StatusInterval.id)).first()
        edit_entity(
            small,
            f"status-interval:{interval}",
            {"note": "edited in a test"},
            actor="tests",
            reason="the version must move",
        )
        small.flush()
        second = session_version(small)
        assert second[0] > first[0]
        small.commit()
        asked.clear()
        assert session_version(small) == second
        assert len(asked) == 1
    finally:
        event.remove(engine, "before_cursor_execute", note)


@pytest.mark.issue(18)
def test_meeting_outcomes_read_one_page_of_the_documents_that_report_it(
    fresh_db_url: str,
) -> None:
    """The meeting's record holds the page of its reporting documents asked
    (oldest first, keyset), the read the API's /documents route pages (#15)."""
    init_knowledge_base(fresh_db_url)
    engine = make_engine(fresh_db_url)
    with session_factory(engine)() as session:
        ingest(
            session,
            *(
                doc(f"d{i}", published=f"2017-06-1{i}", meetings=[meeting()])
                for i in range(5)
            ),
        )
        whole = meeting_outcomes(session, "hos-2017", every=True).documents
        pages = []
        after = None
        for _ in range(4):
            page = meeting_outcomes(session, "hos-2017", after=after, limit=2).documents
            pages.append(page)
            after = page.next
            if after is None:
                break
    engine.dispose()
    assert whole.total == 5
    assert whole.next is None
    assert [d.published_date for d in whole.items] == [
        f"2017-06-1{i}" for i in range(5)
    ]
    assert [len(p.items) for p in pages] == [2, 2, 1]
    assert [d for p in pages for d in p.items] == list(whole.items)
    assert {p.total for p in pages} == {5}
