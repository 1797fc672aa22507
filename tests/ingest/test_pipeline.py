from pathlib import Path

from scotrack.errors import DocumentError
from scotrack.ingest.document import CleanDocument, RawDocument
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
