"""A hostile document: markup that would run script if a page echoed it raw."""

from __future__ import annotations

from pathlib import Path

from scotrack.ingest.document import ExtractOptions
from scotrack.store.engine import make_engine, session_factory
from scotrack.store.write.ingestion import ingest_paths

PAYLOADS = (
    "<script>document.title='pwned';window.__pwned=1;alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<iframe srcdoc="<script>alert(1)</script>">',
    '<a href="javascript:alert(1)">click</a>',
)
TITLE = "SCO summit in Qingdao <script>alert(1)</script>"

TEXT = (
    f"{TITLE}\n\n"
    "QINGDAO, China, June 10 (Xinhua) -- The 18th meeting of the Council of Heads "
    "of State of the Shanghai Cooperation Organization (SCO) was held in Qingdao on "
    "Sunday. " + " ".join(PAYLOADS) + "\n\n"
    "Leaders of the SCO member states signed the Qingdao Declaration. China pledged "
    "to provide 30 billion yuan in loans. " + PAYLOADS[0] + "\n"
)


def ingest_hostile(url: str, directory: Path) -> str:
    """Ingest the hostile document into `url`; its document id."""
    path = directory / "hostile.txt"
    path.write_text(TEXT, encoding="utf-8")
    engine = make_engine(url)
    try:
        ingest_paths(session_factory(engine), [path], ExtractOptions())
        from sqlalchemy import select

        from scotrack.store.provenance import Document

        with session_factory(engine)() as session:
            found = session.scalar(
                select(Document.id).where(Document.clean_text.contains("onerror"))
            )
    finally:
        engine.dispose()
    assert found is not None, "the hostile document was not stored"
    return found
