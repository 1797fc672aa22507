import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.ingest.document import CleanDocument, Metadata
from scotrack.ingest.lexicon import pages as pages_lexicon
from scotrack.ingest.read import clean, metadata


def _meta(raw: str) -> Metadata:
    doc = CleanDocument(id="x", path="x", raw_text=raw, text="")
    return metadata.read_metadata(clean.clean(doc)).metadata


BODY = "The leaders of the member states met and adopted a declaration on security."


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("Updated: 2013-08-28 21:04", "2013-08-28"),
        ("2023-07-04 14:17 1895", "2023-07-04"),
        ("Source: Xinhua| 2017-12-02 06:46:18|Editor: Yamei", "2017-12-02"),
        ("(China Daily )| Updated : 2018-06-09", "2018-06-09"),
        ("June 5, 2024", "2024-06-05"),
        ("05.06.2024", "2024-06-05"),
        ("Published: May 05, 2023 19:42 IST", "2023-05-05"),
        ("17/ 08/ 2007 17:05", "2007-08-17"),
        ("08.06.2002 00:15", "2002-06-08"),
        ("06/22/2016", "2016-06-22"),
        ("Updated 21:07, 01-Sep-2025", "2025-09-01"),
        ("14 March 2016 13:22 (UTC+04:00)", "2016-03-14"),
        (
            "Staff Reporter | Published October 17, 2024 | Updated 3 hours ago",
            "2024-10-17",
        ),
    ],
)
def test_published_from_date_lines(header: str, published: str) -> None:
    assert _meta(f"SCO leaders meet in Astana\n{header}\n{BODY}").published == published


def test_published_not_from_a_sentence_split_by_a_bar() -> None:
    body = "The ministers of the member states met in Astana on June 5, 2024 | Photo"
    assert _meta(f"SCO leaders meet in Astana\n{body}\n{BODY}").published is None


@pytest.mark.parametrize(
    ("raw", "source"),
    [
        (
            f"SCO leaders meet in Astana\nSource: Xinhua| 2017-12-02 06:46:18\n{BODY}",
            "Xinhua",
        ),
        (
            f"SCO leaders meet in Astana\n(China Daily )| Updated : 2018-06-09\n{BODY}",
            "China Daily",
        ),
        (
            "SCO leaders meet in Astana\nBEIJING, July 4, 2023 /PRNewswire/ -- "
            "A report from "
            f"People's Daily: {BODY}",
            "People's Daily",
        ),
        (
            f"SCO leaders meet in Astana\nBEIJING, July 4, 2023 /PRNewswire/ -- {BODY}",
            "PR Newswire",
        ),
        (
            f'SCO leaders meet in Astana\n{BODY}\n"Quote here," Pan Guang told Xinhua.',
            "Xinhua",
        ),
        (f"SCO leaders meet in Astana\nMOSCOW, November 10. /TASS/. {BODY}", "TASS"),
        (f"SCO leaders meet in Astana\nNEW DELHI, June 5 (PTI) {BODY}", "PTI"),
    ],
)
def test_source(raw: str, source: str) -> None:
    assert _meta(raw).source == source


@pytest.mark.parametrize(
    ("first", "city", "day"),
    [
        ("SOCHI, Russia, Dec. 1 (Xinhua) -- ", "Sochi", "2017-12-01"),
        ("BISHKEK - ", "Bishkek", None),
        ("BEIJING, July 4, 2023 /PRNewswire/ -- ", "Beijing", "2023-07-04"),
        ("NEW DELHI, June 5 (PTI) - ", "New Delhi", "2017-06-05"),
        ("Benaulim (Goa), May 5 (PTI) ", "Benaulim", "2017-05-05"),
        ("Beijing, 19 September 2017 -- ", "Beijing", "2017-09-19"),
    ],
)
def test_dateline(first: str, city: str, day: str | None) -> None:
    meta = _meta(f"SCO leaders meet in Astana\nUpdated: 2017-12-02\n{first}{BODY}")
    assert meta.dateline == city
    assert meta.dateline_date == day


def test_no_dateline_for_ordinary_opening() -> None:
    assert (
        _meta(f"SCO leaders meet in Astana\nXi's attendance - {BODY}").dateline is None
    )


def test_title_is_first_headline() -> None:
    meta = _meta(f"SCO leaders meet in Astana\n\nSCO leaders meet in Astana\n{BODY}")
    assert meta.title == "SCO leaders meet in Astana"


def test_no_title_when_page_starts_with_text() -> None:
    assert _meta(BODY).title is None


def test_city_name() -> None:
    assert metadata.city_name("NUR-SULTAN") == "Nur-Sultan"
    assert metadata.city_name("XI'AN") == "Xi'an"


_WORDS = st.sampled_from(
    [
        "A",
        "an",
        "The",
        "the",
        "report",
        "story",
        "from",
        "published by",
        "told",
        "telling",
        "according to",
        "Global Times",
        "Xinhua",
        "Times of India",
        "xa",
        "\n",
        "  ",
        ",",
    ]
)


@given(st.lists(_WORDS, max_size=25))
def test_outlet_phrases_found_as_a_full_scan_finds_them(words: list[str]) -> None:
    text = " ".join(words)
    for pattern, matches in (
        (pages_lexicon.ORIGIN, metadata.origin_matches(text)),
        (pages_lexicon.TALKS_TO, metadata.talks_to_matches(text)),
    ):
        scan = re.compile(r"\b" + pattern.pattern)
        assert [m.span() for m in matches] == [m.span() for m in scan.finditer(text)]


def test_source_from_a_carried_report() -> None:
    raw = f"SCO summit ends\n{BODY} A report from the Global Times said so."
    assert _meta(raw).source == "Global Times"


@pytest.mark.parametrize(
    ("first", "city", "day", "source"),
    [
        ("DUSHANBE, 17.09.2021 /NIAT «Khovar»/. ", "Dushanbe", "2021-09-17", "Khovar"),
        ("Tashkent, 2 November (UzA). ", "Tashkent", "2017-11-02", "UzA"),
        ("BISHKEK (AKIpress) - ", "Bishkek", None, "AKIpress"),
        ("Baku, Azerbaijan, March 14\n", "Baku", "2017-03-14", None),
    ],
)
def test_dateline_forms(first: str, city: str, day: str | None, source: str) -> None:
    meta = _meta(f"SCO leaders meet in Astana\nUpdated: 2017-12-02\n{first}{BODY}")
    assert (meta.dateline, meta.dateline_date, meta.source) == (city, day, source)


def test_dateline_standalone_needs_a_date() -> None:
    meta = _meta(f"SCO leaders meet in Astana\nASTANA TIMES SPECIAL\n{BODY}")
    assert meta.dateline is None


def test_dateline_numeric_date_gives_published() -> None:
    meta = _meta(f"SCO leaders meet in Astana\nDUSHANBE, 17.09.2021 (Khovar) - {BODY}")
    assert meta.published == "2021-09-17"


def test_dateline_from_header_date_line_with_city_first() -> None:
    raw = "SCO leaders meet\n26.10.2023\nPrint version\n\nBishkek, 26 October 2023\n"
    assert _meta(raw + BODY).dateline == "Bishkek"


@pytest.mark.parametrize(
    ("header", "source"),
    [
        (
            "The Ministry of Foreign Affairs of the Russian Federation\n\n"
            "Foreign policy / News / Press releases",
            "Ministry of Foreign Affairs of the Russian Federation",
        ),
        (
            "Ministry of External Affairs\nGovernment of India\n\n"
            "Home > Media Center > Press Releases",
            "Ministry of External Affairs",
        ),
        ("Karachi Evening Times\nOPINION | June 16, 2017", "Karachi Evening Times"),
        (
            "EURASIA POLICY REVIEW | Commentary\n8 September 2014",
            "Eurasia Policy Review",
        ),
        ("ITAR-TASS NEWS AGENCY\nHome | World | Russia | Economy", "ITAR-TASS"),
    ],
)
def test_source_from_site_header(header: str, source: str) -> None:
    raw = f"{header}\n\nSCO leaders meet in Astana\n\n{BODY}"
    assert _meta(raw).source == source


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("eurasianet.org", "Eurasianet"),
        ("www.dawn.com", "Dawn"),
        ("NIAT «Khovar»", "Khovar"),
        ('IA "Kabar"', "Kabar"),
        ("Kazinform International News Agency", "Kazinform"),
    ],
)
def test_outlet_from_domain_and_quoted_name(name: str, known: str) -> None:
    assert metadata.outlet(name) == known
