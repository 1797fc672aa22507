"""Any exception of one document is that document's failure, and the batch goes
on (#18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scotrack.errors import DocumentError
from scotrack.ingest.document import CleanDocument, ExtractOptions
from scotrack.ingest.pipeline import extract_paths

TEXT = "The SCO Council of Foreign Ministers met in Astana on May 21, 2024."


def _fails_on_b(doc: CleanDocument) -> str:
    if doc.id == "b":
        raise RuntimeError("an unforeseen bug")
    return doc.id


@pytest.mark.issue(18)
def test_an_unforeseen_exception_fails_one_document(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    results = list(extract_paths([tmp_path], ExtractOptions(), then=_fails_on_b))
    assert results[0] == "a"
    assert isinstance(results[1], DocumentError)
    assert results[1].path.endswith("b.txt")
    assert "RuntimeError: an unforeseen bug" in results[1].reason
    assert results[2] == "c"
