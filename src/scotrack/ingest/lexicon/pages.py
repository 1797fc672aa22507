"""Pages: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.dates import (
    MONTH_ABBREVIATIONS,
    MONTH_WORD,
    MONTHS,
    RUSSIAN_MONTH_NAMES,
    WEEKDAYS,
)

# ---------------------------------------------------------------- date stamps

MONTH = MONTH_WORD
"""A month as a page's date stamp prints it ("Dec.", "December", "Sept")."""
DATE_SHAPES = (
    ("iso", r"(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"),
    ("dmy", r"(?P<d2>\d{1,2})[./-] ?(?P<m2>\d{1,2})[./-] ?(?P<y2>\d{4})"),
    ("mdy", rf"(?P<mon3>{MONTH}),?\s+(?P<d3>\d{{1,2}})(?:,\s*|\s+)(?P<y3>\d{{4}})"),
    ("ymd", rf"(?P<y5>\d{{4}})-(?P<mon5>{MONTH})-(?P<d5>\d{{1,2}})"),
    (
        "dmy3",
        rf"(?P<d6>\d{{1,2}})\s+(?P<mon6>{RUSSIAN_MONTH_NAMES})\.?\s+(?P<y6>\d{{4}})",
    ),
    (
        "dmy2",
        rf"(?P<d4>\d{{1,2}})(?:\s+|-)(?P<mon4>{MONTH})(?:,?\s+|-)(?P<y4>\d{{4}})",
    ),
)
"""The shapes of a date a page prints as its own ("2017-06-10", "10.06.2017",
"June 10, 2017", "2009-Jun-16", "16 июня 2011", "10 June 2017"), each named by
its kind, its parts by theirs: `DATE` reads them, `DATE_PART` cuts them out."""
_SHAPE = dict(DATE_SHAPES)
_UNNAMED = re.compile(r"\(\?P<\w+>")


def _unnamed(kind: str) -> str:
    """The shape of `kind` without its group names."""
    return _UNNAMED.sub("(?:", _SHAPE[kind])


_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
"""A time of day ("21:04", "06:46:18")."""

# ---------------------------------------------------------------- clean

CREDIT = re.compile(
    r"^\s*(?:(?:editors?|reporters?|writer|author|photo(?:grapher)?|translators?|"
    r"proofreaders?|source|contact|email)\s*[:\uff1a|]"
    r"|(?:produced|written|edited|compiled|reported)\s+by\b)",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(r"©|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)
DATE_PART = re.compile(
    # the look-ahead only saves time: every date starts with a digit or a month
    r"(?=[\djfmasond])(?:"
    rf"{_unnamed('iso')}(?:[ T]{_CLOCK})?"
    rf"|{_unnamed('dmy')}(?:\s+{_CLOCK})?"
    rf"|\b{_CLOCK}\b(?:\s*[ap]\.?m\.?)?"
    rf"|{_unnamed('ymd')}(?:\s+{_CLOCK})?"
    rf"|\b{_unnamed('mdy')}"
    rf"|\b{_unnamed('dmy2')}"
    rf"|\b{_unnamed('dmy3')}"
    r"(?:\s*\u0433(?:\u043e\u0434\u0430|\.))?)",  # the year's abbreviation or word
    re.IGNORECASE,
)
"""A date (`DATE_SHAPES`, a time with it or alone) as page furniture prints it."""
DATE_PART_STOPS = ("m", "M", "\u0433", "\u0413")
"""The letters a `DATE_PART` ends with before a full stop of its own ("5 p.m.",
"16 \u0438\u044e\u043d\u044f 2011 \u0433."): a full stop after any other
character stays when the date parts are taken out."""
DATE_HINT = re.compile(r"\d(?:[-/.:] ?\d|,?\s+\d|[\s-]+[^\W\d_])")
"""What every `DATE_PART` holds ("4-5", "4/ 5", "4:05", "4, 2024", "4 May", "4-May"):
a quick no."""
SPACE = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
SPACES = re.compile(rf"{SPACE}+")
ODD_SPACES = re.compile(rf"{SPACE}(?:{SPACE}+|(?<! ))")
"""The runs `SPACES` matches other than a lone space (which stays as it is)."""
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
HTML_START = re.compile(
    r"^\s*<(?:!doctype\s+html|!--|\?xml|html|head|header|body|meta|title|div|p"
    r"|article|section|main|nav|aside|footer|figure|span|table|h[1-6])\b",
    re.IGNORECASE,
)
"""How a document given as text opens when it is a web page all the same (a page
saved as .txt): `read.files.is_page`."""
STORE_DATE = re.compile(r"^ ?date (?P<date>\d{4}-\d{2}-\d{2})(?: |$)")
"""The date a pages store prints before a page's first line (" date 2023-05-04 "):
the printed publication date, never part of the headline."""
NOT_LABEL = re.compile(r"[\d,.:;!?]")
"""What a menu label never holds."""
MENU_SPLIT = re.compile(r"\s*[|>\u00bb\u2022\u00b7]\s*|\s+/\s+")
MENU_MARK = re.compile(r"[|>\u00bb\u2022\u00b7/]")
"""What a `MENU_SPLIT` holds: a quick no."""
HEADER_FURNITURE = re.compile(
    r"^(?:[-\u2013\u2014|]\s"  # what is left of a page title: "- Site Name"
    r"|skip\s+to\s+(?:the\s+)?(?:main\s+)?content"
    r"|back\s+to\s+(?:the\s+)?(?:main\s+page|home\s*page|top)\b"
    r"|accessibility\s+links|(?:breaking|latest|top)\s+news$"
    r"|get\s+the\s+latest\s+news\b|download\s+(?:the\s+|our\s+)?\S*\s*app\b"
    r"|(?:the\s+)?official\s+(?:web\s*site|site|portal|page)\s+of\b"
    r"|this\s+is\s+an\s+archive\s+(?:article|story|report)\b"
    r"|select\s+font\b|character\s+spacing\b|view\s+settings\b"
    r"|an?\s+web\s+portal\b"
    r"|(?:input|enter|type)\s+(?:your\s+)?search\b|change\s+language\b"
    r"|follow\s+us\b|[^.!?]{1,40}\s+logo$)",
    re.IGNORECASE,
)
"""Lines above a headline that are page furniture the line filter keeps: links,
notices, site taglines, a search box's prompt, a language switch, a logo's
caption, the tail of a page title."""
LOGO = re.compile(r"^(?P<name>[A-Z][^.!?]{1,40}?)\s+logo$", re.IGNORECASE)
"""A logo's caption at the top of the page ("The Eurasia Herald logo"): the
site's name."""
CAPTION = re.compile(
    r"\((?:(?:first|second|third|fourth|far|extreme)\s+)?(?:from\s+)?"
    r"(?:left|right|center|centre|front|L|R|C)(?:\s+to\s+right)?\)"
    r"|^FILE\s*(?:PHOTO)?\s*[-\u2013\u2014:]|\(file\s+photo"
)
"""A photo caption: a position in brackets ("(second from right)"), "FILE -"."""
TITLE_FIELD = re.compile(r"^\[title\]\s*", re.IGNORECASE)
"""The label a document database prints before a title ("[Title] ...")."""
DATED_HEADLINE = re.compile(
    r"^(?:[A-Z][A-Za-z ]{0,30}?)?\s*(?P<date>\d{1,2}[./]\d{1,2}[./]\d{4})\s*"
    r"(?=[A-Z\"'\u2018\u201c])"
)
"""A section label and a numeric date run into the headline ("World 06/11/2007
SCO leaders meet")."""
LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")

# ---------------------------------------------------------------- metadata

DATE = re.compile(
    "|".join(f"(?P<{kind}>{shape})" for kind, shape in DATE_SHAPES), re.IGNORECASE
)
"""A date of `DATE_SHAPES`, its kind and parts named (`metadata.iso_date`)."""
LABELLED = re.compile(
    r"^(?:last\s+)?(?:updated|published|posted|released|date|time)\s*[:\uff1a]",
    re.IGNORECASE,
)
ARCHIVE_NOTICE = re.compile(
    r"^this\s+is\s+an\s+archive\s+(?:article|story|report)\s+", re.IGNORECASE
)
"""The notice before an old article's date ("This is an archive article published
on July 4, 2005"): what follows is a date line."""
ISSUE_LINE = re.compile(
    rf"^(?P<name>[A-Z][\w&'\u2019 ]{{1,40}}?)\s+"
    rf"(?:{MONTH}(?:\s*[-\u2013/]\s*{MONTH})?,?\s+)?"
    r"(?P<year>(?:19|20)\d\d),?\s+(?:vol(?:ume|\.)\s*\d+|no\.\s*\d+|issue\s+\d+)",
    re.IGNORECASE,
)
"""A journal's issue line ("Eurasian Studies July-September, 2006, Volume 8 No. 1"):
the journal's name and the issue's year, not a headline."""
YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)")
"""A year an SCO article can print (1990-2049)."""
LABEL = re.compile(
    r"^(?:last\s+)?(?:updated|published|posted|released)(?:\s+on)?\s+\S", re.I
)
"""A date label without its colon ("Published October 17, 2024"), trusted only on
a short segment of a byline that holds nothing but the label and the date."""
DATELINE = re.compile(
    r"^(?P<city>[A-Z]{1,3}\.\s+[A-Z][A-Z'\u2019\-]+"
    r"|[A-Z][A-Z'\u2019\-]+(?:\s+[A-Z][A-Z'\u2019\-]+){0,2}"
    r"|[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?"
    r"(?=[^\n]{0,40}?(?:\d|\(|\[|/|--|\u2014|\u2013)|[ ]?:\s))"
    r"(?:\s*[(\[](?P<area>[A-Z][^()\[\]]{1,50})[)\]])?"
    rf"(?:,\s*(?!{MONTH}\s*\d)(?P<region>[A-Z][A-Za-z.'\u2019 ]{{1,30}}?))?"
    rf"(?:(?:,\s*|\.\s+|\s+[-\u2013\u2014]\s+|\s+)"
    rf"(?:(?P<month>{MONTH})\s*(?P<day>\d{{1,2}})\b(?:,\s*(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{MONTH})"
    r"(?:,?\s+(?P<year2>\d{4}))?"
    r"|(?P<nday>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<nyear>\d{4})))?"
    r"(?:(?:[.,]?\s*(?:\((?P<agency>[^()]{2,60})\)\.?|/(?P<wire>[^/\n]{2,30})/\.?"
    r"|\.\s*(?P<caps>[A-Z][A-Z.]{1,20}[A-Z])/?"
    r"|\.\s+(?P<named>[A-Z][A-Za-z.]{2,20})(?=\s*[-\u2013\u2014])"
    r"|\s*\((?P<unclosed>[A-Z][A-Za-z.]{1,20})(?=\s*(?:--|\u2014|\u2013|:))"
    r"|,\s*(?P<comma>[A-Z][A-Za-z.]{1,20}(?:-[A-Z][a-z]+)?)"
    r"(?=\s*(?:--|\u2014|\u2013|\s-\s|$)))"
    r"(?:\s*(?:--|\u2014|\u2013|-|:|_))?"
    r"|\s*(?:--|\u2014|\u2013|-|:|\.))"
    r"(?:\s+\S|\s*$|(?:(?<=\))|(?<=\):)|(?<=\) :))(?=[A-Z]))"
    r"|(?<=[)\]])\s+(?=[A-Z])|\s*$)"
)
"""A dateline opens a paragraph and runs into the story, or stands alone on its
line when it carries a date ("Baku, Azerbaijan, March 14"), its agency's bracket
left open at times ("BEIJING, May 5 (Xinhua -- ") or the agency after a comma
("Baku, May 5, AZERTAC", "MINSK, May 5, BelTA —"), the story glued to it at
times ("MOSCOW (Sputnik)Russia ..."). The date may follow the city or region
after a comma, a full stop, a dash or a space ("Kabul [Afghanistan] September 17
(ANI):", "Moscow. 29th of November. INTERFAX.RU -")."""
NOT_PLACES = frozenset(
    [
        *WEEKDAYS,
        *MONTHS,
        *("on", "in", "at", "by", "from", "since", "until", "till", "date", "dated"),
        *("updated", "published", "posted", "today", "yesterday"),
    ]
)
"""Words that open a line as a dateline's city does but name no place."""
PLACE_FIELD = re.compile(r"^\[place\]\s*(?P<place>[^\[\]]{2,40})$", re.IGNORECASE)
"""A document database's place field ("[Place] Tashkent")."""
ROMAN = re.compile("[IVXLC]+")
"""A section number ("II. Overview"), not a city."""
WORD_SEPARATOR = re.compile(r"([\s-])")
TIME_ZONE = re.compile(r"^(?:IST|GMT|UTC|MSK|CST|BJT)\b")

# ---------------------------------------------------------------- sentences

CANDIDATE = re.compile(
    r"[.!?](?<![.!?][.!?])[.!?]*+[\"'\u201d\u2019\u00bb)\]]*+"
    r"(?=[^\S\n]+[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9\u0400-\u04ff])"
)
"""A possible sentence end; the white space after it never crosses a line end.
A run of stops is tried once, from its first character, and never given back
(`*+`): a long run of full stops costs its length, not its square (#18). The
rule opens with the stop and tests the character before it afterwards (not
`(?<![.!?])[.!?]++`), so the regex engine skips ahead to the stops: 3.5 times
faster on a page, the same matches (#11)."""
CLAUSE_END = re.compile(r"[,;:][\"'\u201d\u2019\u00bb)\]]*\s")
"""Where an over-long sentence is best cut: after a comma, semicolon or colon."""
INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")

# ---------------------------------------------------------------- files

CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")
"""C0 control characters other than the white space ones (tab, line ends, feeds)."""
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
"""The bytes of the `CONTROL` characters (one byte each in UTF-8)."""


# words of read/clean.py

BUTTON_WORDS = frozenset(
    [
        "comments",
        "comment",
        "print",
        "mail",
        "email",
        "e-mail",
        "share",
        "tweet",
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "linkedin",
        "telegram",
        "weibo",
        "wechat",
        "qzone",
        "vk",
        "reddit",
        "pinterest",
        "flipboard",
        "large",
        "medium",
        "small",
        "font",
        "size",
        "text",
        "a",
        "a+",
        "a-",
        "next",
        "previous",
        "prev",
        "more",
        "related",
        "tags",
        "tag",
        "home",
        "menu",
        "login",
        "log",
        "in",
        "sign",
        "subscribe",
        "newsletter",
        "video",
        "player",
        "close",
        "playerclose",
        "read",
        "also",
        "click",
        "here",
        "top",
        "back",
        "copy",
        "link",
        "save",
        "like",
        "follow",
        "us",
        "on",
        "rss",
        "feed",
        "gallery",
        "photos",
        "photo",
        "slideshow",
        "view",
        "all",
        "page",
        "pages",
        "of",
        "first",
        "last",
        "»",
        "«",
        ">",
        "<",
        "\u203a",
        "\u2039",
        "|",
        "|",
        "print-friendly",
        "download",
        "pdf",
        "audio",
        "listen",
        "advertisement",
        "ad",
        "sponsored",
        "trending",
        "popular",
        "most",
        "viewed",
    ]
)
"""Words of button rows and navigation labels; a line made mostly of them goes."""


# words of read/sentences.py

ABBREVIATIONS = frozenset(
    [
        *MONTH_ABBREVIATIONS,
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "rep",
        "sen",
        "gov",
        "pres",
        "amb",
        "st",
        "mt",
        "ft",
        "no",
        "nos",
        "vol",
        "vs",
        "etc",
        "al",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "approx",
        "est",
        "fig",
        "jr",
        "sr",
        "rev",
        "hon",
        "e.g",
        "i.e",
        "cf",
        "ca",
        "art",
        "para",
        "sec",
        "ch",
        "pp",
    ]
)
"""Words that end in a full stop without ending the sentence (lower case)."""

STORY_END = tuple(".!?\"\u201d\u2019')")
"""How a story's sentence ends (a colon opens a list, an ellipsis cuts a teaser)."""
LIST_ITEM = re.compile(r"^(?:[-\u2022\u00b7*\u2013\u2014]|\d{1,2}[.)]|\(?[a-z][.)]\s)")
"""A list item's mark ("- ", "\u00b7 ", "2. ", "b) ")."""
TEASER_LABEL = re.compile(
    r"^(?:related(?:\s+(?:topics|news|stories|articles|posts))?|recent\s+stories"
    r"|popular|read\s+(?:also|more)|see\s+also|also\s+read|more\s+(?:news|stories)"
    r"|you\s+may\s+also\s+like|most\s+read|recommended|trending)\s*:?$",
    re.IGNORECASE,
)
"""The label over links to other stories ("Related Topics", "Read also:")."""
