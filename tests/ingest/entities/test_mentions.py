import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.ingest.entities import full_names
from scotrack.ingest.entities import people as mentions
from scotrack.ingest.entities.mentions import find_mentions
from scotrack.ingest.lexicon import names as names_lexicon


def _kinds(text: str, on: str | None = None) -> list[tuple[str, str, str | None]]:
    return [(m.kind, m.value, m.state) for m in find_mentions(text, on=on)]


def test_mentions_offsets_and_no_overlap() -> None:
    text = "Chinese President Xi Jinping met Russia's Foreign Minister in Moscow."
    found = find_mentions(text)
    for m in found:
        assert text[m.start : m.end] == m.surface
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


def test_office_takes_adjective_state_and_person() -> None:
    got = _kinds("Chinese President Xi Jinping spoke.")
    assert ("state", "CHN", "CHN") in got
    assert ("office", "President", "CHN") in got
    assert ("person", "Xi Jinping", "CHN") in got


def test_unknown_person_after_office() -> None:
    got = _kinds("Kyrgyz Foreign Minister Jeenbek Kulubaev said the SCO matters.")
    assert ("person", "Jeenbek Kulubaev", "KGZ") in got


@pytest.mark.parametrize(
    ("on", "name"), [("2017-12-01", "Li Keqiang"), ("2024-07-04", "Li Qiang")]
)
def test_surname_resolves_by_date(on: str, name: str) -> None:
    assert ("person", name, None) in _kinds("Premier Li said so.", on=on) or (
        "person",
        name,
        "CHN",
    ) in _kinds("Premier Li said so.", on=on)


def test_surname_resolves_to_earlier_full_name() -> None:
    got = _kinds("Pan Guang, director of a centre, told Xinhua. Pan added more.")
    assert [v for k, v, _ in got if k == "person"] == ["Pan Guang", "Pan Guang"]


def test_regions_and_cities_name_no_state() -> None:
    got = _kinds("Central Asian countries met in Samarkand and Eurasia.")
    assert not [k for k, _, _ in got if k == "state"]
    assert ("city", "Samarkand", "UZB") in got


def test_outlet_and_organization_names_are_not_states() -> None:
    got = _kinds("China Daily reported on the Shanghai Cooperation Organization (SCO).")
    assert not [k for k, _, _ in got if k == "state"]
    assert [k for k, _, _ in got].count("organization") == 2


def test_photo_credit_is_not_a_person() -> None:
    got = _kinds("Li Keqiang attends. (Xinhua/Wang Ye)")
    assert [v for k, v, _ in got if k == "person"] == ["Li Keqiang"]


def test_person_prone_state_name() -> None:
    got = _kinds("Michael Jordan visited Georgia.")
    assert ("state", "JOR", "JOR") not in got
    assert ("state", "GEO", "GEO") in got


def test_non_ascii_names() -> None:
    got = _kinds("Turkish President Recep Tayyip Erdoğan attended.")
    assert ("person", "Recep Tayyip Erdoğan", "TUR") in got


_WORDS = st.sampled_from(
    [
        "Pan",
        "Guang",
        "Li",
        "Lin",
        "said",
        "says,",
        "told",
        "according to",
        "pointed out",
        ", director of the",
        "Centre,",
        ", a professor",
        "O'Neill",
        "Jean-Pierre",
        "_Li",
        "(Xi",
        "Wang)",
        "the",
        ".",
        "\n",
        "  ",
    ]
)


@given(st.lists(_WORDS, max_size=30))
def test_name_patterns_find_what_a_full_scan_finds(words: list[str]) -> None:
    text = " ".join(words)
    found = {
        names_lexicon.SAID_AFTER: mentions._names_ending_at(
            names_lexicon.SAID_AFTER, text, mentions._said_ends(text)
        ),
        names_lexicon.BEFORE_APPOSITIVE: mentions._names_ending_at(
            names_lexicon.BEFORE_APPOSITIVE, text, mentions._appositive_ends(text)
        ),
        names_lexicon.SAID_BEFORE: mentions.matches_at(
            names_lexicon.SAID_BEFORE,
            text,
            mentions.word_starts(text, names_lexicon.SAYING_BEFORE),
        ),
    }
    for pattern, matches in found.items():
        scan = re.compile(r"\b" + pattern.pattern)
        assert [m.span() for m in matches] == [m.span() for m in scan.finditer(text)]
    parts = ("Li", "Pan", "Guang", "Neill")
    bare = full_names._bare_starts(text, set(parts))  # all in one pass (#18)
    for part in parts:
        scan = re.compile(rf"\b{part}\b(?!\s+{names_lexicon.NAME})")
        starts = [m.start() for m in scan.finditer(text)]
        assert bare.get(part, []) == starts
