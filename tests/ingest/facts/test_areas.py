import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[1]))  # the shared hand-built documents
from _docs import corpus_sentences, make_doc

from scotrack.ingest.document import Sentence
from scotrack.ingest.facts.areas import (
    areas,
    first_area,
    keyword_hits,
    main_area,
    piece_prefixes,
    sentence_prefixes,
)
from scotrack.ingest.lexicon import areas as areas_lexicon


@pytest.mark.parametrize(
    ("sentence", "area"),
    [
        (
            "Terrorism, extremism and separatism remain the main threats to the SCO.",
            "security",
        ),
        (
            "New railways, highways and logistics hubs will link the region.",
            "connectivity",
        ),
        ("A development bank and a special fund would finance projects.", "finance"),
        ("Education, trade, energy and security were discussed.", None),  # a list
        ("The leaders met in Astana.", None),
        (
            "Energy security and clean energy dominate the talks on oil and gas.",
            "energy",
        ),
    ],
)
def test_main_area(sentence: str, area: str | None) -> None:
    assert main_area(sentence) == area


@pytest.mark.parametrize(
    ("phrase", "area"),
    [
        ("enhance cooperation in security, trade and connectivity", "security"),
        ("boost e-commerce and investment facilitation", "trade"),
        ("exchange students and scholars", "people-to-people"),
        ("hold talks", None),
    ],
)
def test_first_area(phrase: str, area: str | None) -> None:
    assert first_area(phrase) == area


def test_areas_from_sentences_and_commitments_with_evidence() -> None:
    doc = make_doc("Terrorism and extremism threaten the region. The leaders met.")
    doc.facts["commitments"] = [{"area": "trade", "evidence": [[0, 5]]}]
    found = {item["area"]: item["evidence"] for item in areas(doc)}
    assert found == {"security": [[0, 44]], "trade": [[0, 5]]}


def _areas_of(text: str, **facts: list) -> set[str]:
    doc = make_doc(text)
    doc.facts.update(facts)
    return {item["area"] for item in areas(doc)}


def test_areas_passing_words_add_up_over_the_document() -> None:
    text = (
        "The ministers met in Astana on Monday. Terrorism was on the agenda. "
        "Officials said the drill had gone well. Tourism was also mentioned."
    )
    assert _areas_of(text) == {"security"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The leaders exchanged views on the international situation and "
            "the enlargement of the organisation.",
            {"political"},
        ),
        (
            "The sides will cooperate in politics, security, economy and culture "
            "across the region.",
            set(),
        ),  # a list of fields
        (
            "Cooperation on security matters most given the tense global "
            "situation in the region.",
            set(),
        ),  # a sentence about security
        ("Politics.", set()),  # not a full sentence
        (
            "Nepal and Laos are dialogue partners of the organisation, and "
            "Mongolia is an observer.",
            set(),
        ),  # a bare list of statuses
    ],
)
def test_areas_political_sentence(text: str, expected: set[str]) -> None:
    assert _areas_of(text) == expected


def test_areas_membership_step_is_political() -> None:
    step = {"state": "IRN", "event": "joined", "evidence": [[0, 4]]}
    assert _areas_of("Iran was admitted.", membership=[step]) == {"political"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The director of the Regional Anti-Terrorist Structure and the head of "
        "the Collective Security Treaty Organization attended.",
        "Mongolia will accede to the Convention on Combating Terrorism, "
        "Separatism and Extremism.",
        "The first summit since the COVID-19 pandemic opened in Goa.",
    ],
)
def test_main_area_names_of_bodies_and_treaties(sentence: str) -> None:
    assert main_area(sentence) is None


@pytest.mark.parametrize(
    ("phrase", "area"),
    [
        ("train 500 officers: the training of counter-terrorism units", "security"),
        ("build resilient supply chains", "trade"),
        ("as the British media reported", None),
        ("set up an antiterrorist centre in the capital", "security"),
        ("send 500 troops and two transport planes", "security"),
        ("create an enabling environment for investors", "trade"),
        ("host an SCO film festival next year", "people-to-people"),
        ("lend $5 billion to member states", "finance"),
        ("deepen policy coordination among members", "political"),
        ("launch a telecom satellite for the region", "connectivity"),
        ("keep peace and stability in the region", "security"),
        ("approve a road map of joint steps", None),
    ],
)
def test_first_area_phrases(phrase: str, area: str | None) -> None:
    assert first_area(phrase) == area


def _one_regex_hits(text: str) -> list[tuple[int, str]]:
    """keyword_hits as first written: one regex of all keywords, longest first."""
    alternatives = areas_lexicon.ALTERNATIVES
    keywords = re.compile(
        r"\b(?:" + "|".join(a.lower() for a, _ in alternatives) + r")\b"
    )
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text
    hits = []
    for match in keywords.finditer(lowered):
        found = match.group(0).lower()
        area = next(
            (a for alt, a in alternatives if re.fullmatch(alt, found, re.IGNORECASE)),
            "neutral",
        )
        if area != "neutral":
            hits.append((match.start(), area))
    return hits


_PIECES = st.sampled_from(
    [
        "energy", "energy security", "security", "food security", "terrorism",
        "anti-terror", "counter-terrorist", "oil", "oil and gas", "gas pipelines",
        "trade", "Trade in services", "free trade zone", "roads", "railway",
        "interconnectivity", "inter-connectivity", "banks", "currencies", "RATS",
        "COVID-19", "Luban Workshops", "cyber security", "law-enforcement",
        "transportation", "drills", "\u0130", "\u017f", " ", " ", ", ", "-", "s",
        "and", "the", "X",
    ]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=14).map("".join))
def test_keyword_hits_are_those_of_one_regex(text: str) -> None:
    assert keyword_hits(text) == _one_regex_hits(text)


def test_keyword_hits_are_those_of_one_regex_on_the_dev_set() -> None:
    docs = Path(__file__).parents[2] / "data" / "dev" / "docs"
    lines = [
        line
        for path in sorted(docs.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) > 100
    for line in lines:
        assert keyword_hits(line) == _one_regex_hits(line), line


def test_first_area_of_a_piece_from_the_sentence_prefixes() -> None:
    sentences = corpus_sentences()
    text = " ".join(sentences)
    spans, start = [], 0
    for sentence in sentences:
        spans.append(Sentence(start, start + len(sentence), sentence))
        start += len(sentence) + 1
    prefixes = sentence_prefixes(text, spans)
    for sent, found in zip(spans, prefixes, strict=True):
        if found is None:
            assert not sent.text.isascii()
            continue
        assert first_area(sent.text, found) == first_area(sent.text)
        for begin in range(0, len(sent.text), 7):
            end = min(len(sent.text), begin + 40)
            piece = sent.text[begin:end]
            assert first_area(piece, piece_prefixes(found, begin, end)) == (
                first_area(piece)
            ), piece
