import pytest

from scotrack.ingest.read.headline import (
    has_headline,
    is_header_furniture,
    is_site_name,
)


def test_has_headline() -> None:
    assert has_headline(["SCO summit opens"])
    assert not has_headline(["This is a sentence."])
    assert not has_headline([])


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ministry of Foreign Affairs", True),
        ("The Republic of Kazakhstan", True),
        ("Ministry of Defence hosts SCO drill", False),
        ("SCO ministers meet in Dushanbe", False),
    ],
)
def test_is_site_name(line: str, name: bool) -> None:
    assert is_site_name(line) is name


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("A web portal all about energy", True),
        ("A portal for SCO trade opens in Tashkent", False),
        ("Ministers meet (left to right) in Astana", True),
    ],
)
def test_is_header_furniture(line: str, furniture: bool) -> None:
    assert is_header_furniture(line) is furniture
