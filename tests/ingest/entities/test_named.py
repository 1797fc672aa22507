from hypothesis import given
from hypothesis import strategies as st

from scotrack.ingest.document import CleanDocument
from scotrack.ingest.entities.mentions import find_mentions
from scotrack.ingest.entities.named import _paired, entities
from scotrack.ingest.lexicon import names as names_lexicon


def _facts(text: str) -> dict[str, list[dict[str, object]]]:
    doc = CleanDocument(id="x", path="x", raw_text=text, text=text)
    doc.mentions = find_mentions(text)
    return entities(doc).facts


def test_states_by_name_and_adjective_with_evidence() -> None:
    text = "Chinese officials and Russia's envoy met; the Afghan issue came up."
    states = _facts(text)["states"]
    assert [s["code"] for s in states] == ["CHN", "RUS", "AFG"]
    start, end = states[0]["evidence"][0]  # type: ignore[index]
    assert text[start:end] == "Chinese"


def test_capital_as_metonym_names_state() -> None:
    codes = [
        s["code"] for s in _facts("Beijing and Moscow agreed to cooperate.")["states"]
    ]
    assert codes == ["CHN", "RUS"]


def test_capital_as_place_names_no_state() -> None:
    assert _facts("The ministers met in Beijing on Monday.")["states"] == []


def test_people_roles_and_states() -> None:
    text = (
        "Chinese Premier Li Keqiang spoke. Pan Guang, director of a research centre, "
        "told Xinhua. Li said more."
    )
    people = {p["name"]: p for p in _facts(text)["people"]}
    assert people["Li Keqiang"]["role"] == "Premier"
    assert people["Li Keqiang"]["state"] == "CHN"
    assert len(people["Li Keqiang"]["evidence"]) == 2  # type: ignore[arg-type]
    assert people["Pan Guang"]["role"] == "director of a research centre"
    assert people["Pan Guang"]["state"] is None


def test_person_without_title_has_null_role() -> None:
    (xi,) = _facts("Xi Jinping's attendance matters.")["people"]
    assert xi["role"] is None
    assert xi["state"] is None


def test_one_person_printed_in_two_spellings_is_one_item() -> None:
    text = (
        "Energy Minister Nikolay Vasilenko spoke. Later Nikolai Vasilenko said more. "
        "Foreign Minister Sergei Lavrov arrived; Sergey Lavrov said so."
    )
    people = _facts(text)["people"]
    assert [p["name"] for p in people] == ["Nikolay Vasilenko", "Sergei Lavrov"]


def test_known_person_state_without_title_stays_null() -> None:
    (person,) = _facts("Sergei Lavrov arrived in Goa.")["people"]
    assert person["state"] is None


def test_a_name_printed_with_and_without_spaces_is_one_item() -> None:
    text = "Minister K. L. Dorov spoke. The talks were chaired by Minister K.L.Dorov."
    assert [p["name"] for p in _facts(text)["people"]] == ["K. L. Dorov"]


_GAP_PARTS = [" ", "\n", "\xa0", "\u2003", "and", "a", "nd", "x", "A"]


@given(st.lists(st.sampled_from(_GAP_PARTS)))
def test_paired_finds_what_the_pair_rule_finds_in_the_gap(parts: list[str]) -> None:
    gap = "".join(parts)
    text = f"Beijing{gap}Moscow"
    expected = names_lexicon.PAIR.search(gap) is not None
    assert _paired(text, len("Beijing"), len("Beijing") + len(gap)) is expected


def test_paired_capitals_stand_for_their_governments() -> None:
    codes = [s["code"] for s in _facts("Beijing and Moscow agreed on it.")["states"]]
    assert codes == ["CHN", "RUS"]
    far = "Beijing hosted it. " + "Talks went on. " * 200 + "Moscow agreed."
    assert [s["code"] for s in _facts(far)["states"]] == ["RUS"]
