import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scotrack.ingest.lexicon import pages as pages_lexicon
from scotrack.ingest.read.clean import (
    cleaned_text,
    html_text,
    is_boilerplate,
    is_date_line,
    is_navigation,
    masthead_indexes,
    normal_line,
    normal_lines,
    store_date,
)


@pytest.mark.parametrize(
    "line",
    [
        "Comments() Print Mail Large Medium Small 分享按钮 0",
        "1 2 3 4 5 Next",
        "1 2 3 >",
        "omniture",
        "collection",
        "Video PlayerClose",
        "Print Print",
        "Editor: Yamei",
        "Source: People's Daily",
        "Updated: 2013-08-28 21:04",
        "2023-07-04 14:17 1895",
        "Source: Xinhua| 2017-12-02 06:46:18|Editor: Yamei",
        "(China Daily )| Updated : 2018-06-09",
        "Copyright © 2024 Example News. All rights reserved.",
        "Share Tweet WeChat Email A A A",
    ],
)
def test_is_boilerplate_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Promoting SCO cooperation for security, development, prosperity",
        "Editor's note: Three experts share their views on the summit in Qingdao.",
        "BISHKEK - The prime ministers met on Thursday.",
        "Chinese Premier Li Keqiang attends the meeting in Sochi, Russia, Dec. 1, 2017",
    ],
)
def test_is_boilerplate_keeps_text(line: str) -> None:
    assert not is_boilerplate(line)


def test_cleaned_text_headline_first_repeats_dropped() -> None:
    raw = "omniture\n\nBig headline here\n\n2023-07-04 14:17\n\nBig headline here\n\n"
    raw += "Body sentence one.\nshare print\n1 2 3 >\n"
    assert cleaned_text(raw) == "Big headline here\nBody sentence one."


def test_cleaned_text_joins_hard_wrapped_lines() -> None:
    raw = "SCO leaders meet\n\nThe leaders met in the\ncapital on Thursday.\n"
    assert cleaned_text(raw) == (
        "SCO leaders meet\nThe leaders met in the capital on Thursday."
    )


def test_html_text_drops_scripts_and_iframes() -> None:
    html = (
        "<html><head><title>SCO leaders meet in Astana</title>"
        "<script>var secret = 'LEAK';</script></head><body>"
        "<iframe src='x'>IFRAMELEAK</iframe><article>"
        "<h1>SCO leaders meet in Astana</h1>"
        "<p>ASTANA, July 4 (Xinhua) -- Chinese President Xi Jinping attended the "
        "24th meeting of the Council of Heads of State of the Shanghai Cooperation "
        "Organization in Astana on Thursday and delivered a speech.</p>"
        "<p>The leaders adopted the Astana Declaration and discussed security and "
        "trade cooperation among the member states of the organization.</p>"
        "<script>document.write('LEAK2')</script></article></body></html>"
    )
    text, meta = html_text(html)
    assert "LEAK" not in text
    assert text.startswith("SCO leaders meet in Astana\n")
    assert meta["title"] == "SCO leaders meet in Astana"


@pytest.mark.issue(11)
def test_a_year_in_the_text_is_not_the_publication_date() -> None:
    """htmldate searched the text for a date and took "founded ... in 2001" for
    2001-01-01 (a real page with no date of its own); only the markup's dates
    count now (meta tags, time elements, the URL), so nothing is guessed."""
    html = (
        "<p>India today signed the Memorandum of Obligations, starting the "
        "process of its accession to the Shanghai Cooperation Organisation.</p>"
        "<p>SCO was founded at a summit in Shanghai in 2001 by the Presidents of "
        "Russia, China, Kyrgyzstan, Kazakhstan, Tajikistan and Uzbekistan.</p>"
    )
    assert html_text(html)[1]["published"] is None
    dated = (
        '<html><head><meta property="article:published_time" '
        'content="2016-06-24T10:00:00+05:30"></head><body>' + html + "</body></html>"
    )
    assert html_text(dated)[1]["published"] == "2016-06-24"


@given(
    st.text(
        alphabet=st.sampled_from(
            "aB \t\n\u00a0\u2003\u3000\u200b\u00ad\ufeff\u0301e\u2028\x85.©1:-"
        ),
        max_size=60,
    )
)
def test_normal_lines_is_normal_line_per_line(text: str) -> None:
    assert list(normal_lines(text)) == [normal_line(x) for x in text.split("\n")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated: 2013-08-28 21:04", True),
        ("Sept. 12, 2024 10:30 a.m. Beijing", True),
        ("12 December 2019", True),
        ("\u017fept. 12, 2024", True),  # long s folds to "s" like the regex does
        ("The leaders met on Dec. 1, 2017 in Sochi and signed a declaration.", False),
        ("No date here at all", False),
    ],
)
def test_is_date_line(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


_LINE_WORDS = st.sampled_from(
    [
        "Share",
        "Print",
        "12",
        "2024-07-04",
        "Dec.",
        "5,",
        "the",
        "leaders",
        "met",
        "©",
        "pages_lexicon.COPYRIGHT",
        "reserved",
        "Alļ",
        "rights",
        "Editor:",
        "Source:",
        "|",
        "分享",
        "photo",
        "a.m.",
        "agreed.",
        "\u017fept",
    ]
)


@given(st.lists(_LINE_WORDS, min_size=1, max_size=40))
def test_is_boilerplate_any_test_order(words: list[str]) -> None:
    line = normal_line(" ".join(words))
    if line:
        assert is_boilerplate(line) is _reference_boilerplate(line)


def _reference_boilerplate(line: str) -> bool:
    """The test order of the first version: every test, no shortcuts."""
    if len(line) > 160 and line.endswith((".", "!", "?")):
        return pages_lexicon.COPYRIGHT.search(line[:80]) is not None
    words = [t.strip("()[]{}.,:;!?\u00b7\u2022|").lower() for t in line.split()]
    cjk = re.compile("[\u3000-\u9fff\uac00-\ud7af]")
    buttons = sum(
        w in pages_lexicon.BUTTON_WORDS or not w or w.isdigit() or bool(cjk.search(w))
        for w in words
    )
    return (
        is_date_line(line)
        or (pages_lexicon.COPYRIGHT.search(line) is not None and len(line) < 160)
        or (pages_lexicon.CREDIT.match(line) is not None and len(line) < 100)
        or len(re.findall(r"[^\W\d_]", line)) < 0.5 * (len(line) - line.count(" "))
        or (len(words) <= 2 and not line.endswith((".", "!", "?")))
        or buttons >= 0.6 * len(words)
        or is_navigation(line)
    )


_DATE_WORDS = st.sampled_from(
    [
        "2013-05-01",
        "5",
        "12,",
        "2024",
        "Dec.",
        "December",
        "SEPT.",
        "10:30",
        "a.m.",
        "05.06.2024",
        "1/2/2013",
        "Updated:",
        "met",
        ".",
        "\u0663:\u0664\u0665",
        "x",
    ]
)


@given(st.lists(_DATE_WORDS, min_size=1, max_size=10), st.sampled_from([" ", ""]))
def test_is_date_line_hint_never_hides_a_date(words: list[str], glue: str) -> None:
    line = glue.join(words)
    rest = pages_lexicon.DATE_PART.sub(" ", line)
    expected = pages_lexicon.DATE_PART.search(line) is not None and (
        len(re.findall(r"[^\W\d_][\w'\u2019.-]*", rest)) <= 6
        and not rest.rstrip().endswith(".")
    )
    assert is_date_line(line) is expected


@pytest.mark.parametrize(
    "line",
    [
        "Home | Latest | Pakistan | World | Business | Opinion",
        "Foreign policy / News / Press releases",
        "Home  >  Media Center  >  Press Releases",
        "Kazakhstan | Politics | Economy | SCO-2024",
    ],
)
def test_is_navigation_menus(line: str) -> None:
    assert is_navigation(line)
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "SCO Secretariat | Documents",
        "Xi arrives in Astana / talks with Tokayev / bank deal expected",
        "The ratio was 3 / 4 of the votes, officials said.",
    ],
)
def test_is_navigation_not_text(line: str) -> None:
    assert not is_navigation(line)


def test_masthead_indexes_block_above_menu() -> None:
    lines = [
        "RIA NOVOSTI",
        "Russian News & Information Agency",
        "",
        "Home | World | Sport",
    ]
    assert masthead_indexes((*lines, "", "Leaders watch war games")) == (0, 1)


def test_masthead_indexes_keeps_sentence_case_headline() -> None:
    lines = ("Leaders sign charter in St Petersburg", "Home | World | Sport")
    assert masthead_indexes(lines) == ()
    assert masthead_indexes(("Site Name", "no menu here")) == ()


def test_cleaned_text_drops_masthead_and_menu() -> None:
    raw = "Trend News Agency\n\nPolitics | Business | Economy\n\n"
    raw += "Azerbaijan becomes SCO dialogue partner\n\nBody sentence one.\n"
    assert cleaned_text(raw) == (
        "Azerbaijan becomes SCO dialogue partner\nBody sentence one."
    )


def test_store_date_prefix_off_the_first_line() -> None:
    raw = " date 2020-02-03 SCO ministers meet\nBody text."
    assert store_date(raw) == "2020-02-03"
    assert normal_lines(raw)[0] == "SCO ministers meet"
    assert store_date("SCO ministers meet on date 2020-02-03") is None


def test_hard_wrapped_page_joins_capitalised_continuations() -> None:
    body = [
        "The defence ministers of the eight Shanghai Cooperation",
        "Organization member states met in the capital yesterday to review",
        "the joint drills held earlier this year near the border region.",
        "Officials said the next round of exercises would take place in the",
        "autumn and would involve troops and aircraft from every member state.",
        "The ministers also signed a plan on military cooperation for the",
        "coming two years, the defence ministry said in a statement today.",
    ]
    first = cleaned_text("\n".join(body)).split("\n")[0]
    assert first.startswith(
        "The defence ministers of the eight Shanghai Cooperation Org"
    )
    assert first.endswith("border region.")


def test_icon_font_names_are_furniture() -> None:
    assert is_boilerplate("icon bookmarkicon cameraicon chevron downicon shareicon")


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("Home > World News", True),
        ("World / Politics", True),
        ("Home \u00bb Ministers meet in Tashkent to sign a new trade plan", False),
        ("Baku, June 5 / Trend /", False),
    ],
)
def test_two_item_breadcrumbs(line: str, menu: bool) -> None:
    assert is_navigation(line) is menu


def test_links_to_other_stories_at_the_foot_are_dropped() -> None:
    page = (
        "SCO ministers meet in Tashkent\n"
        "The ministers of transport met in Tashkent on Monday to discuss corridors.\n"
        "Related\n"
        "Kazakhstan opens a new rail terminal near the border\n"
        "Uzbek president receives the Chinese foreign minister\n"
        "Dushanbe to host a youth forum next year\n"
    )
    assert cleaned_text(page).split("\n") == [
        "SCO ministers meet in Tashkent",
        "The ministers of transport met in Tashkent on Monday to discuss corridors.",
    ]


def test_a_list_closing_the_page_stays() -> None:
    page = (
        "SCO ministers meet in Tashkent\n"
        "The ministers met in Tashkent. The following documents were signed:\n"
        "- Agreement on road transport\n"
        "- Programme of trade cooperation\n"
        "- Protocol on customs\n"
    )
    assert len(cleaned_text(page).split("\n")) == 5


def test_a_label_over_links_at_the_foot_drops_them() -> None:
    page = (
        "SCO ministers meet in Tashkent\n"
        "The ministers of transport met in Tashkent on Monday to discuss corridors.\n"
        "Related Topics\n"
        "Tashkent Uzbekistan Road Transport China\n"
    )
    assert cleaned_text(page).split("\n")[-1].endswith("corridors.")
