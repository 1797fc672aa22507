import pytest

from scotrack.ingest.clean import (
    cleaned_text,
    has_headline,
    html_text,
    is_boilerplate,
    is_html,
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


def test_has_headline() -> None:
    assert has_headline(["SCO summit opens"])
    assert not has_headline(["This is a sentence."])
    assert not has_headline([])


def test_is_html() -> None:
    assert is_html("<!DOCTYPE html><html></html>")
    assert is_html("  <p>fragment</p>")
    assert not is_html("Plain text < with a sign")


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
