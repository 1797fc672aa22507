import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.ingest.document import CleanDocument, Metadata
from scotrack.ingest.lexicon import pages as page_rules
from scotrack.ingest.lexicon import sources as sources_lexicon
from scotrack.ingest.read import clean, metadata, sources


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
        ("Jun, 08 2017", "2017-06-08"),
        ("16 \u0438\u044e\u043d\u044f 2011", "2011-06-16"),  # Russian: June
        ("5 \u043c\u0430\u044f 2019 \u0433., 10:20", "2019-05-05"),  # May
        ("2009-Jun-16 15:13:48", "2009-06-16"),
        ("Updated: Dec 14,2015 11:35 PM", "2015-12-14"),
        ("This is an archive article published on July 4, 2005", "2005-07-04"),
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
        (sources_lexicon.ORIGIN, sources.origin_matches(text)),
        (sources_lexicon.TALKS_TO, sources.talks_to_matches(text)),
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
        ("Minsk, May 4, AZERTAC\n", "Minsk", "2017-05-04", "Azertac"),
        ("DUSHANBE, May 4, Asia-Plus \u2014 ", "Dushanbe", "2017-05-04", "Asia-Plus"),
        ("ASTANA (Sputnik)The ", "Astana", None, "Sputnik"),
        ("ASTANA (XNA)- ", "Astana", None, "XNA"),
        ("KABUL, (Eurasia Wire / Kabar - 4th May, 2017 ) :", "Kabul", None, "Kabar"),
        (
            "(MENAFN- Eurasia News Agency (ENA)) OSLO, May 4 (ENA) -- ",
            "Oslo",
            "2017-05-04",
            "ENA",
        ),
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
    assert sources.outlet(name) == known


def test_store_date_prefix_is_published_not_title() -> None:
    raw = f" date 2021-03-04 SCO ministers gather in Dushanbe\n{BODY}"
    doc = clean.clean(CleanDocument(id="x", path="x", raw_text=raw, text=""))
    assert doc.text.split("\n")[0] == "SCO ministers gather in Dushanbe"
    meta = metadata.read_metadata(doc).metadata
    assert (meta.title, meta.published) == (
        "SCO ministers gather in Dushanbe",
        "2021-03-04",
    )


def test_store_date_beats_other_printed_dates() -> None:
    raw = f" date 2021-03-04 SCO ministers gather\nUpdated: 2025-01-01 10:00\n{BODY}"
    assert _meta(raw).published == "2021-03-04"


def test_store_date_prefix_then_dateline_has_no_title() -> None:
    meta = _meta(f" date 2019-06-14 BISHKEK, June 14 (Kabar) - {BODY}")
    assert meta.title is None
    assert (meta.dateline, meta.source) == ("Bishkek", "Kabar")


@pytest.mark.parametrize(
    "furniture",
    [
        "Skip to content",
        "Back to main page",
        "Official website of the Government of Kazakhstan",
        "English Русский 中文 Español",
        "- Eurasian Wire Daily International",
        "This is an archive article published on May 3, 2010",
        "Leaders pose for a photo (second from left) before the talks",
        "FILE - Leaders arrive for the summit in Astana",
        "Home > World News",
        "Ministry of Foreign Affairs",
        "The Republic of Kazakhstan",
        "Sputnik International",
        "Ministers gather for talks in the capital as the bloc weighs new...",
    ],
)
def test_title_skips_header_furniture(furniture: str) -> None:
    raw = f"{furniture}\nSCO ministers gather in Dushanbe\n{BODY}"
    assert _meta(raw).title == "SCO ministers gather in Dushanbe"


@pytest.mark.parametrize(
    "first",
    [
        'Li said the bloc should "stand together."',
        "Ministers pose for a photo (second from right) in Dushanbe",
        "Mr Chairman, dear colleagues,",
        "ASTANA, June 9 (APP): Pakistan became a full",
    ],
)
def test_no_title_when_body_comes_first(first: str) -> None:
    assert _meta(f"{first}\n{BODY}").title is None


def test_title_is_the_end_of_a_breadcrumb_trail() -> None:
    raw = (
        "Get our app now\nPortal.com » News » SCO ministers gather in Dushanbe\n"
        f"SCO ministers gather in Dushanbe\n{BODY}"
    )
    assert _meta(raw).title == "SCO ministers gather in Dushanbe"


def test_title_from_a_database_field() -> None:
    raw = (
        '"Documents of Asia" Database (Editor: A. Author)\n[Title] Joint statement'
        " of the foreign ministers\n[Place] Tashkent\n[Date] May 5, 2016\n"
        f"[Full text]\n{BODY}"
    )
    meta = _meta(raw)
    assert meta.title == "Joint statement of the foreign ministers"
    assert meta.dateline == "Tashkent"


def test_title_after_a_section_label_and_date() -> None:
    title = "SCO ministers meet in Bishkek to discuss trade"
    raw = f"Currency rates from 12/03/2025\nWorld07/11/2009{title}\n{BODY}"
    assert (_meta(raw).title, _meta(raw).published) == (title, "2009-11-07")


@pytest.mark.parametrize(
    ("first", "city", "day", "source"),
    [
        ("Kabul [Afghanistan] March 3 (ANI): ", "Kabul", "2017-03-03", "ANI"),
        ("Baku. 10 February. REPORT.AZ/ ", "Baku", "2017-02-10", "Report"),
        ("Tajikistan, Dushanbe, 5 May / Trend / ", "Dushanbe", "2017-05-05", "Trend"),
        ("Azerbaijan, Baku, Sept.14 / Trend /\n", "Baku", "2017-09-14", "Trend"),
        ("ASTANA, Kazakhstan, June 21. ", "Astana", "2017-06-21", None),
        ("ASTANA, Kazakhstan June 9 (APP): ", "Astana", "2017-06-09", "APP"),
        (
            "Bishkek, Kyrgyzstan \u2013 26 October 2016 (TDI) \u2013 ",
            "Bishkek",
            "2016-10-26",
            "TDI",
        ),
        (
            "Moscow. 29th of November. INTERFAX.RU \u2013 ",
            "Moscow",
            "2017-11-29",
            "Interfax",
        ),
        ("Astana: ", "Astana", None, None),
        ("BEIJING, May 5 (Xinhua -- ", "Beijing", "2017-05-05", "Xinhua"),
        ("PAKISTAN, May 5 (APP) - ", None, "2017-05-05", "APP"),
        ("Eurasia Times(Goa)- ", "Goa", None, "Eurasia Times"),
    ],
)
def test_dateline_more_forms(
    first: str, city: str | None, day: str | None, source: str
) -> None:
    meta = _meta(f"SCO leaders meet in Astana\nUpdated: 2017-12-02\n{first}{BODY}")
    assert (meta.dateline, meta.dateline_date) == (city, day)
    if source is not None:
        assert meta.source == source


@pytest.mark.parametrize(
    "first",
    ["On 12 December the ministers met. ", "Friday, 13 August 2021 (ABC)_ ", "II. "],
)
def test_no_dateline_for_words_that_name_no_place(first: str) -> None:
    assert (
        _meta(f"SCO leaders meet\nUpdated: 2017-12-02\n{first}{BODY}").dateline is None
    )


def test_outlet_opening_a_dateline_is_no_city() -> None:
    meta = _meta(f"SCO leaders meet\nOREANDA-NEWS. December 17, 2014. {BODY}")
    assert (meta.dateline, meta.published) == (None, "2014-12-17")


def test_outlet_acronym_only_as_written() -> None:
    assert sources.outlet("App") is None
    assert sources.outlet("APP") == "APP"


def test_dateline_without_year_takes_the_leads_year_for_its_day_only() -> None:
    raw = (
        "SCO leaders meet\nMINSK, November 29. /TASS/. The president signed the "
        "law on the memorandum signed on July 4, 2023.\n" + BODY
    )
    meta = _meta(raw)
    assert (meta.dateline_date, meta.published) == ("2023-11-29", None)


def test_journal_issue_line() -> None:
    raw = (
        "Eurasian Studies  July-September, 2006, Volume 8  No. 1\n\n"
        f"The SCO: A Critical Analysis\nDr. A. Author\n{BODY}"
    )
    meta = _meta(raw)
    assert (meta.title, meta.published, meta.source) == (
        "The SCO: A Critical Analysis",
        "2006",
        "Eurasian Studies",
    )


def test_long_headline_without_full_stop() -> None:
    title = "Leaders of the member states signed the declaration " * 5
    assert _meta(f"{title.strip()}\n{BODY}").title == title.strip()


def test_a_title_case_dateline_before_a_spaced_colon() -> None:
    meta = _meta(f"SCO leaders meet in Astana\nBy Xinhua,\nMoscow : {BODY}")
    assert (meta.dateline, meta.source) == ("Moscow", "Xinhua")


@pytest.mark.parametrize(
    ("header", "published"),
    [
        (
            "Flag Thursday, 28 March 2024\nAll news\n17 September 2021, 09:07",
            "2021-09-17",
        ),
        ("Updated: 28 March 2024\nAll news\n17 September 2021, 09:07", "2024-03-28"),
    ],
)
def test_a_sites_date_stamp_over_the_stories_date(header: str, published: str) -> None:
    assert _meta(f"{header}\nSCO leaders meet in Astana\n{BODY}").published == published


@pytest.mark.parametrize(
    ("header", "title"),
    [
        ("Input your search keywords and press Enter.", "SCO leaders meet in Astana"),
        ("The Eurasia Herald logo", "SCO leaders meet in Astana"),
        (
            "Change language: English\nBroadcast 05-05-2024",
            "SCO leaders meet in Astana",
        ),
        ("The Steppe Post", "SCO leaders meet in Astana"),
        ("Home World SCO leaders meet in Astana", "SCO leaders meet in Astana"),
    ],
)
def test_headline_past_header_furniture(header: str, title: str) -> None:
    assert _meta(f"{header}\nSCO leaders meet in Astana\n{BODY}").title == title


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("2017-06-10", "2017-06-10"),
        ("10.06.2017", "2017-06-10"),
        ("June 10, 2017", "2017-06-10"),
        ("Sept. 9, 2017", "2017-09-09"),
        ("2009-Jun-16", "2009-06-16"),
        ("16 июня 2011", "2011-06-16"),
        ("10 June 2017", "2017-06-10"),
    ],
)
def test_a_date_stamp_read_is_a_date_part_cut(stamp: str, day: str) -> None:
    """`DATE` (which reads a page's date) and `DATE_PART` (which cleaning cuts
    out of a line) are made from the same shapes: what one reads the other cuts."""
    match = page_rules.DATE.fullmatch(stamp)
    assert match is not None
    assert metadata.iso_date(match) == day
    assert page_rules.DATE_PART.sub("", f"Updated {stamp}").strip() == "Updated"
