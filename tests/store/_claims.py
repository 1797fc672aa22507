"""Hand-built extracted documents for store tests: facts set directly, so the
tests do not depend on what the extractor finds in a text."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from scotrack.errors import DocumentError, InputError
from scotrack.ingest.claims.catalogue import Catalogue
from scotrack.ingest.claims.prepared import PreparedDocument, prepared_document
from scotrack.ingest.document import CleanDocument, Metadata
from scotrack.store.engine import session_factory
from scotrack.store.provenance import Claim
from scotrack.store.write.ingestion import catalogue, ingest_results

TEXT = (
    "Leaders of the SCO met in Astana on Friday for the 17th summit. "
    "India and Pakistan joined the SCO as full members. "
    "Kazakhstan ratified the Convention on Countering Extremism. "
    "China pledged 10 billion yuan for a new Tashkent railway. "
)


def span(text: str, phrase: str) -> list[list[int]]:
    start = text.index(phrase)
    return [[start, start + len(phrase)]]


def meeting(**fields: Any) -> dict[str, Any]:
    item = {
        "body": "heads-of-state",
        "number": 17,
        "date": "2017-06-09",
        "city": "Astana",
        "country": "KAZ",
        "format": "in-person",
        "evidence": span(TEXT, "met in Astana on Friday"),
    }
    return {**item, **fields}


def doc(
    name: str = "a",
    *,
    text: str = TEXT,
    url: str | None = None,
    published: str | None = "2017-06-10",
    title: str = "SCO summit in Astana",
    **facts: list[dict[str, Any]],
) -> CleanDocument:
    """A document as the pipeline would hand it over; `name` also varies its content."""
    return CleanDocument(
        id=name,
        path=f"/corpus/{name}.txt",
        raw_text=f"{title}\n\n{text}\n<!-- {name} -->",
        text=text,
        url=url,
        metadata=Metadata(title=title, published=published, source="Test Wire"),
        facts={"states": [], "people": [], "areas": [], **facts},
    )


def prepared(
    items: list[CleanDocument | DocumentError], catalogue: Catalogue
) -> list[PreparedDocument | DocumentError]:
    """What the extraction workers hand the writer (see pipeline.extract_file)."""
    out: list[PreparedDocument | DocumentError] = []
    for item in items:
        if isinstance(item, DocumentError):
            out.append(item)
            continue
        try:
            out.append(prepared_document(item, catalogue))
        except InputError as err:
            out.append(DocumentError(item.path, f"not stored ({err})"))
    return out


def ingest(session: Session, *docs: CleanDocument) -> list[Claim]:
    """Store `docs` as ingestion does (other sessions) and return every claim."""
    sessions = session_factory(session.get_bind())  # type: ignore[arg-type]
    known = catalogue(session)
    session.commit()  # end the read: the claims are stored by other sessions
    report = ingest_results(sessions, prepared(list(docs), known), catalogue=known)
    assert not report.failures, report.failures
    session.expire_all()
    return list(session.scalars(select(Claim).order_by(Claim.document_id)))
