import json
from pathlib import Path

from scotrack.ingest.document import CleanDocument, Metadata
from scotrack.ingest.output import to_extract_json, write_extract


def _doc() -> CleanDocument:
    doc = CleanDocument(
        id="d1",
        path="d1.txt",
        raw_text="",
        text="Chinese text.",
        metadata=Metadata(title="T", published="2024-01-01", source="Xinhua"),
    )
    doc.facts = {
        "states": [{"code": "CHN", "evidence": [[0, 7]]}],
        "people": [{"name": "Xi Jinping", "role": None, "state": None, "evidence": []}],
        "areas": ["security"],
    }
    return doc


def test_to_extract_json_shape() -> None:
    out = to_extract_json(_doc())
    assert out["schema"] == "sco-extract/1"
    assert out["document"] == {
        "title": "T",
        "published": "2024-01-01",
        "source": "Xinhua",
        "dateline": None,
    }
    assert out["states"] == ["CHN"]
    assert out["evidence"]["states"] == {"CHN": [[0, 7]]}
    assert out["areas"] == ["security"]
    assert out["meetings"] == []
    assert out["people"][0]["evidence"] == []


def test_to_extract_json_without_evidence() -> None:
    out = to_extract_json(_doc(), with_evidence=False)
    assert "evidence" not in out
    assert "evidence" not in out["people"][0]


def test_write_extract(tmp_path: Path) -> None:
    path = write_extract(_doc(), tmp_path / "out")
    assert path.name == "d1.json"
    assert json.loads(path.read_text(encoding="utf-8"))["states"] == ["CHN"]
