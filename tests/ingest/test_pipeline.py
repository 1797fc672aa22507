import json
import subprocess
import sys
from pathlib import Path

import pytest

from scotrack.errors import DocumentError
from scotrack.ingest.document import CleanDocument, ExtractOptions, RawDocument
from scotrack.ingest.pipeline import STAGES, extract, extract_paths

BUILT_IN = {"raw_text", "id", "path", "url"}


def test_every_stage_requirement_is_provided_earlier() -> None:
    provided = set(BUILT_IN)
    for stage in STAGES:
        missing = set(stage.requires) - provided
        assert not missing, f"{stage.name} needs {missing}"
        provided |= set(stage.provides)


def test_stage_names_unique_and_documented() -> None:
    from scotrack.ingest import pipeline

    names = [stage.name for stage in STAGES]
    assert len(names) == len(set(names))
    for name in names:
        assert f"`{name}`" in (pipeline.__doc__ or "")


def test_extract_runs_every_stage() -> None:
    raw = RawDocument(
        id="x",
        path="x.txt",
        text="SCO summit opens\nASTANA, July 4 (Xinhua) -- Chinese President Xi "
        "Jinping arrived in Astana.",
    )
    doc = extract(raw)
    assert doc.metadata.dateline == "Astana"
    assert doc.metadata.source == "Xinhua"
    assert [s["code"] for s in doc.facts["states"]] == ["CHN"]
    assert doc.sentences


def test_without_implementations_the_other_facts_are_the_same() -> None:
    raw = RawDocument(
        id="x",
        path="x.txt",
        text="Railway news\nConstruction of the China-Kyrgyzstan-Uzbekistan "
        "railway began in December, Kyrgyz President Sadyr Japarov said.",
    )
    whole = extract(raw)
    assert whole.facts["implementations"]
    without = extract(raw, ExtractOptions(with_implementations=False))
    assert "implementations" not in without.facts
    assert without.facts == {
        k: v for k, v in whole.facts.items() if k != "implementations"
    }


def test_extract_paths_order_and_errors(tmp_path: Path) -> None:
    for name in ("b", "a", "c"):
        (tmp_path / f"{name}.txt").write_text(
            f"Summit news {name} today\nLeaders met in {name} today.", "utf-8"
        )
    (tmp_path / "e.txt").write_bytes(b"")
    paths = [tmp_path / "c.txt", tmp_path / "missing.txt", tmp_path]
    results = list(extract_paths(paths))
    labels = [r.id if isinstance(r, CleanDocument) else "ERR" for r in results]
    assert labels == ["c", "ERR", "a", "b", "c", "ERR"]
    assert all(isinstance(r, DocumentError) for r in results if not hasattr(r, "id"))


def _pages(folder: Path, count: int) -> None:
    for i in range(count):
        (folder / f"p{i:02d}.txt").write_text(
            f"SCO news {i}\nThe SCO foreign ministers met in Tashkent on May {i + 1}.",
            "utf-8",
        )


def _id_of(result: object) -> str:
    return result.id if isinstance(result, CleanDocument) else "ERR"


def test_separate_worker_and_then_give_the_in_process_results(tmp_path: Path) -> None:
    _pages(tmp_path, 6)
    (tmp_path / "z.txt").write_bytes(b"")
    here = [_id_of(r) for r in extract_paths([tmp_path])]
    # worker pools run in a child interpreter, as the command line runs them (a
    # spawned worker cannot import a test module); `then` is a stdlib callable
    code = (
        "import operator, sys\n"
        "from scotrack.ingest.pipeline import extract_paths\n"
        "ids = operator.attrgetter('id')\n"
        "for r in extract_paths([sys.argv[1]], workers=1, separate=True, then=ids):\n"
        "    print(r if isinstance(r, str) else 'ERR')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.split() == here


def test_a_failing_then_is_one_documents_error(tmp_path: Path) -> None:
    _pages(tmp_path, 2)
    results = list(extract_paths([tmp_path], then=_refuse))
    assert all(isinstance(r, DocumentError) for r in results)
    assert "not stored (ValueError: no)" in results[0].reason


def _refuse(doc: CleanDocument) -> str:
    raise ValueError("no")


def test_a_failing_fact_stage_costs_only_its_facts(monkeypatch) -> None:
    from dataclasses import replace

    from scotrack.ingest import pipeline

    def broken(doc: CleanDocument) -> CleanDocument:
        raise IndexError("string index out of range")

    stages = tuple(
        replace(stage, run=broken) if stage.name == "agreements" else stage
        for stage in STAGES
    )
    monkeypatch.setattr(pipeline, "STAGES", stages)
    raw = RawDocument(
        id="x",
        path="x.txt",
        text="SCO summit opens\nASTANA, July 4 (Xinhua) -- Chinese President Xi "
        "Jinping arrived in Astana for the summit. The leaders signed the Astana "
        "Declaration.",
    )
    doc = pipeline.extract(raw)
    assert doc.facts["agreements"] == []
    assert doc.facts["meetings"]
    assert doc.facts["states"]
    assert len(doc.warnings) == 1
    assert "agreements stage failed (IndexError" in doc.warnings[0]


def test_a_failing_early_stage_still_fails_the_document(monkeypatch) -> None:
    from dataclasses import replace

    import pytest

    from scotrack.ingest import pipeline

    def broken(doc: CleanDocument) -> CleanDocument:
        raise ValueError("bad")

    stages = tuple(
        replace(stage, run=broken) if stage.name == "mentions" else stage
        for stage in STAGES
    )
    monkeypatch.setattr(pipeline, "STAGES", stages)
    with pytest.raises(ValueError, match="bad"):
        pipeline.extract(
            RawDocument(
                id="x",
                path="x.txt",
                text="SCO summit opens\nThe leaders of the SCO met in Astana today.",
            )
        )


def test_a_file_of_many_documents_is_extracted_one_at_a_time(tmp_path: Path) -> None:
    """A JSON Lines (or WARC, or Parquet) file is streamed: the first document's
    result reaches the caller before the second is extracted (#16)."""
    path = tmp_path / "many.jsonl"
    lines = [
        json.dumps({"text": f"SCO leaders met in Astana, day {n}."}) for n in range(40)
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    done: list[str] = []

    def remember(doc: CleanDocument) -> str:
        done.append(doc.id)
        return doc.id

    results = extract_paths([path], then=remember)
    assert next(results) == "many:1"
    assert done == ["many:1"]
    assert len(list(results)) == 39


@pytest.mark.issue(15)
def test_a_page_given_as_html_is_cleaned_whatever_it_opens_with() -> None:
    """A .html page opening with `<header>` (which the old guess from its first
    tag missed) is cleaned as HTML: no tag is left in its text."""
    body = (
        "The leaders of the Shanghai Cooperation Organisation met in Astana on "
        "Thursday and signed a declaration on regional security and trade. "
    )
    html = (
        "<header><nav><a href='/'>Home</a></nav></header>"
        f"<article><h1>SCO leaders meet in Astana</h1><p>{body * 3}</p>"
        f"<p>{body * 2}</p></article>"
    )
    doc = extract(RawDocument(id="x", path="x.html", html=html))
    assert doc.html
    assert "<p>" not in doc.text
    assert "met in Astana" in doc.text
    as_text = extract(
        RawDocument(id="y", path="y.txt", text="SCO leaders meet\n" + body)
    )
    assert not as_text.html


XINHUA_PAGE = (
    "China, Russia pledge closer SCO ties\n"
    "Source: Xinhua| 2017-06-10 06:46:18\n"
    "ASTANA, June 9 (Xinhua) -- Chinese President Xi Jinping and Russian President "
    "Vladimir Putin met on Friday on the sidelines of the SCO summit in Astana."
)


@pytest.mark.issue(15)
@pytest.mark.parametrize("given", [True, False])
def test_what_a_record_gives_wins_over_what_its_page_shows(
    tmp_path: Path, given: bool
) -> None:
    """A JSON Lines record's published date, source and title are kept, though
    the page prints others; without them the page's are read as before."""
    record: dict[str, str] = {"text": XINHUA_PAGE}
    if given:
        record |= {"published": "2017-06-01", "source": "reuters", "title": "Xi, Putin"}
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record), encoding="utf-8")
    (doc,) = extract_paths([path])
    assert isinstance(doc, CleanDocument)
    found = (doc.metadata.published, doc.metadata.source, doc.metadata.title)
    if given:  # a known outlet as the outlets list spells it
        assert found == ("2017-06-01", "Reuters", "Xi, Putin")
    else:
        assert found == ("2017-06-10", "Xinhua", "China, Russia pledge closer SCO ties")
    assert doc.metadata.dateline == "Astana"


@pytest.mark.issue(15)
def test_a_parquet_row_keeps_its_title(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "rows.parquet"
    pq.write_table(
        pa.table({"text": [XINHUA_PAGE], "title": ["Xi and Putin meet in Astana"]}),
        path,
    )
    (doc,) = extract_paths([path])
    assert isinstance(doc, CleanDocument)
    assert doc.metadata.title == "Xi and Putin meet in Astana"
    assert doc.metadata.published == "2017-06-10"
