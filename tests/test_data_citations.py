"""What a baseline record may cite (data/citations.py): a document's page, never a
site's home page."""

import pytest

from scotrack.data import citations


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("http://eng.sectsco.org/", True),
        ("http://eng.sectsco.org", True),
        ("https://www.fmprc.gov.cn/eng/", True),
        ("http://en.kremlin.ru/", True),
        ("https://example.org/en", True),
        ("https://example.org/?page=2", False),
        ("https://worldjpn.net/documents/texts/SCO/20110615.D1E.html", False),
        ("https://www.un.org/en/about-us/member-states", False),
        ("http://tass.com/world/950656", False),
    ],
)
def test_home_page_is_a_bare_site_or_language_root(url, home):
    assert citations.home_page(url) is home
