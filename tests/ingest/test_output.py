import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.errors import InputError
from scotrack.ingest.document import CleanDocument, Metadata
from scotrack.ingest.output import (
    ExtractWriter,
    json_bytes,
    to_extract_json,
    write_extract,
)


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


def test_extract_writer_writes_what_write_extract_writes(tmp_path: Path) -> None:
    expected = write_extract(_doc(), tmp_path / "one").read_bytes()
    with ExtractWriter(tmp_path / "two") as writer:
        path = writer.write(_doc())
    assert path == tmp_path / "two" / "d1.json"
    assert path.read_bytes() == expected


def test_extract_writer_makes_no_folder_for_no_document(tmp_path: Path) -> None:
    with ExtractWriter(tmp_path / "out"):
        pass
    assert not (tmp_path / "out").exists()


def test_extract_writer_raises_the_error_of_a_file_on_close(tmp_path: Path) -> None:
    (tmp_path / "out" / "d1.json").mkdir(parents=True)  # a folder where the file goes
    writer = ExtractWriter(tmp_path / "out")
    writer.write(_doc())
    with pytest.raises(InputError, match=r"cannot write d1\.json \(Is a directory\)"):
        writer.close()


@pytest.mark.issue(18)
def test_extract_writer_gives_each_document_a_file_of_its_own(tmp_path: Path) -> None:
    with ExtractWriter(tmp_path) as writer:
        names = [writer.write(_doc()).name for _ in range(3)]
        assert writer.renamed is not None
        assert "d1-3.json" in writer.renamed
    assert names == ["d1.json", "d1-2.json", "d1-3.json"]
    assert writer.written == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False).filter(
        lambda x: x == 0 or abs(x) >= 1e-4
    )
    | st.text(alphabet=st.sampled_from('ab"\\\n\t\x00é\u2028\U0001f600'))
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=3) | st.integers(), inner, max_size=4)
    ),
    max_leaves=30,
)


def _dumped(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@given(_JSON)
def test_json_bytes_is_json_dumps_indented(value: object) -> None:
    try:
        expected = _dumped(value)
    except UnicodeEncodeError:  # a lone surrogate in a key: no UTF-8 for it
        with pytest.raises(UnicodeEncodeError):
            json_bytes(value)
        return
    assert json_bytes(value) == expected


def test_json_bytes_refuses_what_json_refuses() -> None:
    with pytest.raises(TypeError):
        json_bytes({"when": object()})


def test_json_bytes_evidence_spans_and_empty_containers() -> None:
    value = {"e": [[1, 2], [3, -4]], "f": [[1, 2], [3]], "g": [[True, 1]], "h": []}
    assert json_bytes({**value, "i": {}, "j": [{}]}) == _dumped(
        {**value, "i": {}, "j": [{}]}
    )


def test_json_bytes_beyond_orjson_as_json_writes_them() -> None:
    value = {"big": 2**70, "keys": {1: "a", None: "b"}, "pair": (1, "x")}
    assert json_bytes(value) == _dumped(value)


def test_json_bytes_refuses_a_cycle_as_json_does() -> None:
    cycle: list[object] = []
    cycle.append(cycle)
    with pytest.raises(ValueError, match="Circular"):
        json_bytes({"a": cycle})
