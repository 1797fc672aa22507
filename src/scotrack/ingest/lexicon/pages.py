"""Pages: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.dates import MONTH_ABBREVIATIONS, MONTH_STARTS

MASTHEAD_NOUNS = frozenset(
    [
        *("times", "daily", "news", "post", "tribune", "herald", "gazette"),
        *("journal", "review", "agency", "express", "observer", "chronicle"),
        "telegraph",
    ]
)
"""Last words of newspaper and agency names ("Daily Times", "Trend News Agency"):
a short capitalised header line ending in one is the publication's name."""
INSTITUTIONS = frozenset(["Ministry", "Embassy", "Office", "Department", "Government"])
"""Official bodies, named as sources without the "The" a site header prints."""

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
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}[./-] ?\d{1,2}[./-] ?\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b(?:\s*[ap]\.?m\.?)?"
    rf"|\b(?:{MONTH_STARTS})[a-z]*\.?"
    r"\s+\d{1,2},?\s+\d{4}"
    rf"|\b\d{{1,2}}(?:\s+|-)(?:{MONTH_STARTS})"
    r"[a-z]*\.?(?:,?\s+|-)\d{4})",
    re.IGNORECASE,
)
DATE_HINT = re.compile(r"\d(?:[-/.:] ?\d|,?\s+\d|[\s-]+[^\W\d_])")
"""What every `DATE_PART` holds ("4-5", "4/ 5", "4:05", "4, 2024", "4 May", "4-May"):
a quick no."""
SPACE = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
SPACES = re.compile(rf"{SPACE}+")
ODD_SPACES = re.compile(rf"{SPACE}(?:{SPACE}+|(?<! ))")
"""The runs `SPACES` matches other than a lone space (which stays as it is)."""
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
HTML_START = re.compile(
    r"^\s*<(?:!doctype\s+html|!--|\?xml|html|head|body|meta|title|div|p|article"
    r"|section|main|span|table|h[1-6])\b",
    re.IGNORECASE,
)
MENU_SPLIT = re.compile(r"\s*[|>\u00bb\u2022\u00b7]\s*|\s+/\s+")
LETTER = re.compile(r"[^\W\d_]")
WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")

# ---------------------------------------------------------------- metadata

MONTH = rf"(?:{MONTH_STARTS})[a-z]*\.?"
DATE = re.compile(
    r"(?P<iso>(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2}))"
    r"|(?P<dmy>(?P<d2>\d{1,2})[./-] ?(?P<m2>\d{1,2})[./-] ?(?P<y2>\d{4}))"
    rf"|(?P<mdy>(?P<mon3>{MONTH})\s+(?P<d3>\d{{1,2}}),?\s+(?P<y3>\d{{4}}))"
    rf"|(?P<dmy2>(?P<d4>\d{{1,2}})(?:\s+|-)(?P<mon4>{MONTH})(?:,?\s+|-)(?P<y4>\d{{4}}))",
    re.IGNORECASE,
)
LABELLED = re.compile(
    r"^(?:last\s+)?(?:updated|published|posted|released|date|time)\s*[:\uff1a]",
    re.IGNORECASE,
)
LABEL = re.compile(
    r"^(?:last\s+)?(?:updated|published|posted|released)(?:\s+on)?\s+\S", re.I
)
"""A date label without its colon ("Published October 17, 2024"), trusted only on
a short segment of a byline that holds nothing but the label and the date."""
OUTLET_RE = r"[A-Z][\w.'\u2019&-]*(?:[ ]+(?:of[ ]+)?[A-Z][\w.'\u2019&-]*){0,4}"
REPORTS = ("report", "article", "story", "commentary", "editorial", "interview")
TALKING = (
    "told",
    "tells",
    "telling",
    "in an interview with",
    "speaking to",
    "according to",
)
ORIGIN = re.compile(  # no leading `\b`: see `mentions.matches_at`
    rf"(?:[Aa]n?|[Tt]he)\s+(?:{'|'.join(REPORTS)})\s+"
    rf"(?:from|by|in|published\s+by|published\s+in)\s+(?:the\s+)?({OUTLET_RE})"
)
CREDIT_SOURCE = re.compile(rf"^(?:source|from|by)\s*[:\uff1a]\s*({OUTLET_RE})", re.I)
PAREN_SOURCE = re.compile(r"^\(\s*([^()]{2,40}?)\s*\)\s*(?:\||$)")
LEAD_SOURCE = re.compile(rf"^({OUTLET_RE})\s*\|")
TALKS_TO = re.compile(  # no leading `\b`: see `mentions.matches_at`
    rf"(?:{'|'.join(TALKING)})\s+(?:the\s+)?({OUTLET_RE})"
)
DATELINE = re.compile(
    r"^(?P<city>[A-Z]{1,3}\.\s+[A-Z][A-Z'\u2019\-]+"
    r"|[A-Z][A-Z'\u2019\-]+(?:\s+[A-Z][A-Z'\u2019\-]+){0,2}"
    r"|[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?(?=[^\n]{0,40}?(?:\d|\(|/|--|\u2014)))"
    r"(?:\s*\((?P<area>[A-Z][^()]{1,30})\))?"
    rf"(?:,\s*(?!{MONTH}\s+\d)(?P<region>[A-Z][A-Za-z.'\u2019 ]{{1,30}}?))?"
    rf"(?:,\s*(?:(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH})(?:,?\s+(?P<year2>\d{{4}}))?"
    r"|(?P<nday>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<nyear>\d{4})))?"
    r"(?:(?:\.?\s*(?:\((?P<agency>[^()]{2,30})\)\.?|/(?P<wire>[^/\n]{2,30})/\.?"
    r"|\.\s*(?P<caps>[A-Z]{3,20}))(?:\s*(?:--|\u2014|\u2013|-|:))?"
    r"|\s*(?:--|\u2014|\u2013|-|:))\s+\S|\s*$)"
)
"""A dateline opens a paragraph and runs into the story, or stands alone on its
line when it carries a date ("Baku, Azerbaijan, March 14")."""
QUOTED = re.compile('[\u00ab\u201c"]([^\u00bb\u201d"]{2,30})[\u00bb\u201d"]')
WORD_SEPARATOR = re.compile(r"([\s-])")
TIME_ZONE = re.compile(r"^(?:IST|GMT|UTC|MSK|CST|BJT)\b")

# ---------------------------------------------------------------- sentences

CANDIDATE = re.compile(
    r"[.!?]+[\"'\u201d\u2019\u00bb)\]]*"
    r"(?=[^\S\n]+[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9\u0400-\u04ff])"
)
"""A possible sentence end; the white space after it never crosses a line end."""
INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")

# ---------------------------------------------------------------- files

CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")
"""C0 control characters other than the white space ones (tab, line ends, feeds)."""


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

# ---------------------------------------------------------------- language

LETTER = re.compile(r"[^\W\d_]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "was",
        "for",
        "on",
        "that",
        "with",
        "as",
        "by",
        "at",
        "from",
        "are",
        "has",
        "have",
        "be",
        "it",
        "its",
        "this",
        "which",
        "will",
        "said",
        "were",
        "an",
        "or",
        "their",
        "also",
    ]
)
"""The commonest English function words: in English prose about one word in four
or five is one of them, in other languages written in Latin letters almost none."""
WORDS = re.compile(r"[A-Za-z]+")
