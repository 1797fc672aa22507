import pytest

from scotrack.ingest.entities.gazetteer import gazetteer
from scotrack.ingest.entities.spelling import fold, likeness, split_initials


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Sooronbai", "Sooronbay"),
        ("Kassym-Zhomart", "Kassym Jomart"),
        ("Rakhmon", "Rahmon"),
        ("Tokaev", "Tokayev"),
        ("Yevgeniy", "Evgeny"),
        ("Qohir", "Kohir"),
    ],
)
def test_fold_spells_transliterations_alike(one: str, other: str) -> None:
    assert fold(one) == fold(other)


@pytest.mark.parametrize(
    ("printed", "known", "how"),
    [
        ("Sergei Lavrov", "Sergey Lavrov", "same"),
        ("Shavkat Mirziyaev", "Shavkat Mirziyoyev", "variant"),
        ("Masoud Peseshkian", "Masoud Pezeshkian", "variant"),
        ("Japarov Sadyr", "Sadyr Japarov", "variant"),
        ("Vladimir Imamovich Norov", "Vladimir Norov", "variant"),
        ("Narandra Modi", "Narendra Modi", "misprint"),
        ("Alexander Lukashenk", "Alexander Lukashenko", "misprint"),
        ("Rajnath Singh", "Manmohan Singh", None),
    ],
)
def test_likeness_of_printed_and_known_names(
    printed: str, known: str, how: str | None
) -> None:
    assert likeness(printed.split(), known.split()) == how


def test_split_initials() -> None:
    assert split_initials("M.V. Mishustin") == ("M.V.", ["Mishustin"])
    assert split_initials("A. E. Novikov") == ("A. E.", ["Novikov"])
    assert split_initials("Ivo Petrak") == ("", ["Ivo", "Petrak"])


@pytest.mark.parametrize(
    ("printed", "on", "name"),
    [
        ("Sergei Lavrov", None, "Sergei Lavrov"),  # the page's spelling kept
        ("SERGEI LAVROV", None, "Sergei Lavrov"),
        ("S. Jaishankar", "2021-05-01", "Subrahmanyam Jaishankar"),
        ("R. Otunbaeva", "2011-06-15", "Roza Otunbaeva"),
        ("K. Rasulzoda", "2020-11-30", "Kokhir Rasulzoda"),
        ("B.K. Tulegenov", None, "B.K. Tulegenov"),  # nobody known: as printed
        ("Narandra Modi", None, "Narendra Modi"),  # a misprint corrected
        ("Bilawal Bhutto", None, "Bilawal Bhutto Zardari"),  # a short form
        ("Shavkat Mirziyoyevand", None, "Shavkat Mirziyoyev"),  # "and" glued on
        ("Admiral Ivo Petrak", None, "Ivo Petrak"),
    ],
)
def test_spelled_names(printed: str, on: str | None, name: str) -> None:
    assert gazetteer().people.spelled(printed, on) == name


def test_surname_takes_a_spelling_with_the_printed_surname() -> None:
    known = gazetteer().people
    person = known.holder("Rakhmon", "2009-06-16")
    assert person is not None
    assert known.surname_spelled("Rakhmon", person) == "Emomali Rakhmon"
