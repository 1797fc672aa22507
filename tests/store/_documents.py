"""Five stored documents for the table tests: titles, outlets and publication
dates of every form (a day, a month, a year, none), some without a title or outlet."""

from __future__ import annotations

from sqlalchemy.orm import Session

from scotrack.store.provenance import Document

DOCS = {
    # id: (title, outlet, published)
    "aaaaaa11" + "0" * 56: ("Bravo", "Xinhua", "2017-06-09"),
    "aaaaaa22" + "0" * 56: ("Alpha", "xinhua", "2017"),
    "bbbbbb33" + "0" * 56: ("Delta", "TASS", "2018-06"),
    "cccccc44" + "0" * 56: ("Charlie", None, None),
    "dddddd55" + "0" * 56: (None, "TASS", "2013-09-13"),
}


def add_documents(session: Session) -> None:
    for n, (doc_id, (title, outlet, published)) in enumerate(DOCS.items()):
        session.add(
            Document(
                id=doc_id,
                title=title,
                outlet=outlet,
                published_date=published,
                raw_text="x",
                clean_text="x",
                tags="{}",
                ingested_at=f"2024-01-0{n + 1}T00:00:00",
            )
        )
    session.flush()
