"""A page that is not English gets a warning and an empty result (#11)."""
# ruff: noqa: RUF001 -- Cyrillic text on purpose: a page that is not English

from pathlib import Path

import pytest

from scotrack.ingest.document import RawDocument
from scotrack.ingest.output import to_extract_json
from scotrack.ingest.pipeline import extract, extract_paths
from scotrack.ingest.read.language import ENGLISH, language_of

ENGLISH_PAGE = (
    "SCO leaders meet in Astana\n"
    "The heads of state of the Shanghai Cooperation Organization met in Astana on "
    "Thursday and signed a declaration on the future of the organization. China and "
    "Russia said that they would work together with the other members."
)
RUSSIAN_PAGE = (
    "Лидеры ШОС встретились в Астане\n"
    "Главы государств Шанхайской организации сотрудничества встретились в Астане "
    "и подписали декларацию о будущем организации. Китай и Россия заявили, что "
    "будут работать вместе с другими членами."
)
GERMAN_PAGE = (
    "SCO-Gipfel in Astana\n"
    "Die Staatschefs der Schanghaier Organisation für Zusammenarbeit haben sich am "
    "Donnerstag in Astana getroffen und eine Erklärung über die Zukunft der "
    "Organisation unterzeichnet. China und Russland wollen mit den anderen "
    "Mitgliedern zusammenarbeiten, hieß es in Moskau. Auch Indien und Pakistan "
    "nahmen an dem Treffen teil, das zwei Tage dauerte."
)


@pytest.mark.parametrize(
    ("text", "language", "reason"),
    [
        (ENGLISH_PAGE, ENGLISH, None),
        (RUSSIAN_PAGE, "und", "Cyrillic"),
        (GERMAN_PAGE, "und", "function words"),
        ("Астана", ENGLISH, None),  # too short to tell
        (ENGLISH_PAGE + " Президент Казахстана.", ENGLISH, None),
    ],
)
def test_language_of(text, language, reason):
    found, why = language_of(text)
    assert found == language
    assert (why is None) == (reason is None)
    if reason:
        assert reason in why


def test_a_page_in_another_language_gets_a_warning_and_nothing_extracted():
    doc = extract(RawDocument(id="ru", path="ru.txt", text=RUSSIAN_PAGE))
    assert doc.language == "und"
    assert len(doc.warnings) == 1
    assert "not English" in doc.warnings[0]
    assert "nothing was extracted" in doc.warnings[0]
    out = to_extract_json(doc)
    assert out["language"] == "und"
    assert out["warnings"] == doc.warnings
    for kind in ("states", "people", "meetings", "agreements", "commitments"):
        assert out[kind] == []


def test_an_english_page_has_no_warning():
    doc = extract(RawDocument(id="en", path="en.txt", text=ENGLISH_PAGE))
    assert doc.language == ENGLISH
    assert doc.warnings == []
    assert "warnings" not in to_extract_json(doc)
    assert {s["code"] for s in doc.facts["states"]} >= {"CHN", "RUS"}


def test_the_corpus_foreign_pages_are_refused_and_its_english_ones_are_not():
    data = Path(__file__).parents[2] / "data" / "real"
    foreign = list(extract_paths([data / "nonenglish"]))
    assert len(foreign) == 2
    assert all(doc.warnings for doc in foreign)
    english = list(extract_paths([data / "dev" / "docs"]))
    assert len(english) == 260
    assert not [doc.id for doc in english if doc.warnings]
