import pytest

from scotrack.domain.states import State, StateIndex
from scotrack.errors import Ambiguous, NotFound

INDEX = StateIndex(
    [
        State(
            "CHN",
            "China",
            "People's Republic of China",
            ("PRC",),
            ("Chinese",),
            "Beijing",
        ),
        State(
            "KAZ",
            "Kazakhstan",
            "Republic of Kazakhstan",
            (),
            ("Kazakh", "Kazakhstani"),
            "Astana",
        ),
        State("COD", "DR Congo", None, ("Congo",), ("Congolese",)),
        State("COG", "Republic of the Congo", None, ("Congo",), ("Congolese",)),
    ]
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("chn", "CHN"),
        ("China", "CHN"),
        ("PRC", "CHN"),
        ("people's republic of china", "CHN"),
        ("Kazakh", "KAZ"),
        ("kazakhstani", "KAZ"),
    ],
)
def test_find_by_code_name_alias_or_adjective(text, code):
    assert INDEX.find(text).code == code


def test_find_ambiguous_lists_candidates():
    with pytest.raises(Ambiguous) as info:
        INDEX.find("Congo")
    assert info.value.candidates == ["COD (DR Congo)", "COG (Republic of the Congo)"]


def test_find_unknown_suggests_close_names():
    with pytest.raises(NotFound, match="did you mean KAZ"):
        INDEX.find("Kazakstan")
    with pytest.raises(NotFound, match="not a known state"):
        INDEX.find("Atlantis")


def test_index_basics():
    assert len(INDEX) == 4
    assert "chn" in INDEX
    assert 3 not in INDEX
    assert INDEX.get("KAZ") is not None
    assert {s.code for s in INDEX} == {"CHN", "KAZ", "COD", "COG"}
