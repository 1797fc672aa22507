"""Preparing a document for the knowledge base, as the extraction workers do."""

from __future__ import annotations

import hashlib
import json
import pickle

import pytest

from scotrack.data import read_baseline
from scotrack.errors import InputError
from scotrack.ingest.claims.catalogue import catalogue_from_baseline
from scotrack.ingest.claims.prepared import content_id, prepared_document
from scotrack.ingest.document import CleanDocument, Metadata

TEXT = "Leaders met in Astana on Friday for the 17th SCO summit. Then they left."


def document(**meeting: object) -> CleanDocument:
    item = {
        "body": "heads-of-state",
        "number": 17,
        "date": "2017-06-09",
        "city": "Astana",
        "country": "KAZ",
        "format": "in-person",
        "evidence": [[15, 21]],
        **meeting,
    }
    return CleanDocument(
        id="a",
        path="/corpus/a.txt",
        raw_text="raw " + TEXT,
        text=TEXT,
        metadata=Metadata(title="t", published="2017-06-10"),
        facts={"states": [], "people": [], "areas": [], "meetings": [item]},
        sentences=[],
    )


def test_prepared_document_resolves_and_slims() -> None:
    catalogue = catalogue_from_baseline(read_baseline())
    prepared = prepared_document(document(), catalogue)
    assert prepared.id == hashlib.sha256(b"raw " + TEXT.encode()).hexdigest()
    assert prepared.id == content_id("raw " + TEXT)
    (claim,) = prepared.claims
    assert claim.linked
    assert claim.resolution.best is not None
    assert claim.resolution.best.entity_id == "hos-2017"
    assert claim.block == "meeting:hos-2017"
    assert claim.context == "Leaders met in Astana on Friday for the 17th SCO summit."
    assert json.loads(claim.evidence_json) == [[15, 21]]
    assert json.loads(claim.payload_json)["city"] == "Astana"
    assert prepared.document.facts == {}
    assert prepared.document.text == TEXT
    assert pickle.loads(pickle.dumps(prepared)) == prepared


def test_a_malformed_item_fails_the_document() -> None:
    catalogue = catalogue_from_baseline(read_baseline())
    with pytest.raises(InputError, match="body"):
        prepared_document(document(body="no-such-body"), catalogue)
