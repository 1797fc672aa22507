"""The shipped models are exactly what `scotrack train` builds from the corpora
they name: training is reproducible, and a change to the candidates' features
without retraining fails here (#11)."""

from pathlib import Path

import pytest

from scotrack.errors import InputError
from scotrack.ingest.classifiers import corpus
from scotrack.ingest.classifiers.linear import MODELS, model

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow
def test_retraining_on_the_named_corpora_rebuilds_the_shipped_models(tmp_path):
    named = model(MODELS[0]).trained["corpora"]
    assert all(model(kind).trained["corpora"] == named for kind in MODELS)
    assert "tests/data/real/test" not in named  # the blind split is never trained on
    corpora = [ROOT / path for path in named]
    models = corpus.train_models(corpora, tmp_path)
    assert sorted(models) == sorted(MODELS)
    for kind in MODELS:
        shipped = ROOT / "src" / "scotrack" / "data" / "classifiers" / f"{kind}.json"
        assert (tmp_path / f"{kind}.json").read_text() == shipped.read_text(), (
            f"{kind}.json is stale: run `scotrack train {' '.join(named)} "
            "--out src/scotrack/data/classifiers`"
        )


def test_a_corpus_without_docs_and_gold_is_refused(tmp_path):
    with pytest.raises(InputError, match="needs docs/ and gold/"):
        list(corpus.pages([tmp_path]))


def test_pages_pair_documents_with_their_gold(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(
        "India joins SCO\nIndia became a full member of the SCO in 2017.\n"
    )
    (tmp_path / "docs" / "b.txt").write_text("No gold for this page.\n")
    (tmp_path / "gold" / "a.json").write_text(
        '{"membership": [{"state": "IND", "event": "joined", "date": "2017"}]}'
    )
    pages = list(corpus.pages([tmp_path]))
    assert [p.id for p in pages] == [f"{tmp_path.as_posix()}/a"]
    examples, gold = corpus.examples("membership", pages)
    assert gold == 1
    assert any(e.target == 0 for e in examples)


@pytest.mark.issue(11)
def test_fit_options_name_only_models_with_candidates():
    assert set(corpus.OPTIONS) <= set(corpus.CANDIDATES)
