"""The headline: which paragraph at the top of the cleaned text the page prints
as its title, past the furniture the line filter keeps above it."""

from __future__ import annotations

from collections.abc import Callable

from scotrack.ingest.lexicon import pages as rules
from scotrack.ingest.lexicon import sources as source_rules
from scotrack.ingest.read.clean import HEADER_LINES, has_menu_split, is_date_line
from scotrack.ingest.read.sources import is_publication_name, is_state_name, outlet

_CLOSING_QUOTES = "\"'\u201d\u2019\u00bb"
_HEADLINE_PARAGRAPHS = 6
_MAX_TITLE = 300
_MENU_WORDS = 10
_SITE_NAME_WORDS = 6
_SMALL_WORD = 4
_STAMP_WORDS = 2
_SHORT_TITLE = 20
_TRAIL_WORDS = 3


def has_headline(paragraphs: list[str]) -> bool:
    """True when the first paragraph reads as a headline rather than body text."""
    return bool(paragraphs) and reads_as_headline(paragraphs[0])


def reads_as_headline(paragraph: str) -> bool:
    """True when a paragraph is short and ends as a headline does: not with a full
    stop (quotes aside), a comma (a salutation) or an ellipsis (a cut teaser)."""
    end = paragraph.rstrip(_CLOSING_QUOTES)
    return len(paragraph) <= _MAX_TITLE and not end.endswith((".", ",", "\u2026"))


def is_header_furniture(paragraph: str) -> bool:
    """True when a paragraph kept above the headline is page furniture: a notice
    or link ("Skip to content", "Official website of ..."), a fragment of the
    page title ("- Site Name"), a photo caption, a journal's issue line, or a
    language menu."""
    return (
        paragraph.endswith(("...", "\u2026"))  # a teaser cut short
        or rules.HEADER_FURNITURE.match(paragraph) is not None
        or rules.CAPTION.search(paragraph) is not None
        or rules.ISSUE_LINE.match(paragraph) is not None
        or (len(paragraph.split()) <= _MENU_WORDS and _mixes_scripts(paragraph))
        or _is_date_stamp(paragraph)
    )


def _is_date_stamp(paragraph: str) -> bool:
    """True for a date with a word or two ("Broadcast 05-05-2024", "Thursday, 28
    March 2024"): the site's date line above a headline, no headline itself."""
    if not is_date_line(paragraph):
        return False
    rest = rules.DATE_PART.sub(" ", paragraph)
    return len(rules.WORD.findall(rest)) <= _STAMP_WORDS


def _mixes_scripts(line: str) -> bool:
    """True when a line holds letters of two or more scripts (Latin, Cyrillic,
    Arabic, CJK): a menu of languages ("English Русский 中文")."""
    if line.isascii():
        return False
    scripts = {_script(ch) for ch in line if ch.isalpha()}
    return len(scripts) >= 2


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250:
        return "latin"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    if 0x600 <= code < 0x700 or 0xFB50 <= code < 0xFF00:
        return "arabic"
    if 0x3000 <= code < 0xA000 or 0xAC00 <= code < 0xD7B0:
        return "cjk"
    return "other"


def headline_index(
    paragraphs: list[str],
    *,
    crumbs: frozenset[str],
    is_dateline: Callable[[str], bool],
) -> int | None:
    """The index of the headline among the first paragraphs, None if none.

    A paragraph labelled as the title ("[Title] ...") or that a breadcrumb trail
    ends with (`crumbs`, lower case) is the headline. Otherwise furniture kept
    above the headline (`is_header_furniture`, the site's name: `is_name`) is
    passed over, and the first other paragraph is the headline if it reads as
    one; body text (a dateline opens the body) first means no headline.
    """
    head = paragraphs[:_HEADLINE_PARAGRAPHS]
    for index, paragraph in enumerate(head):
        if paragraph.casefold() in crumbs or rules.TITLE_FIELD.match(paragraph):
            return index
    for index, paragraph in enumerate(head):
        if is_header_furniture(paragraph) or is_site_name(paragraph):
            continue
        if _is_trail(paragraph, head[index + 1] if index + 1 < len(head) else ""):
            continue
        if is_dateline(paragraph) or not reads_as_headline(paragraph):
            return None
        return index
    return None


def _is_trail(paragraph: str, following: str) -> bool:
    """True when `paragraph` is a menu trail ending with the headline printed
    next ("Home World <headline>" over "<headline>"): a few plain words before."""
    if len(following) <= _SHORT_TITLE or not paragraph.endswith(" " + following):
        return False
    trail = paragraph[: -len(following)].split()
    return len(trail) <= _TRAIL_WORDS and all(word.isalpha() for word in trail)


def headline_text(paragraph: str) -> tuple[str, str | None]:
    """The headline a paragraph prints, and the numeric date printed before it:
    a database field label ("[Title] ...") and a section label with the date
    ("Uzbekistan 17/08/2007 ...") are not part of the headline."""
    paragraph = rules.TITLE_FIELD.sub("", paragraph, count=1)
    dated = rules.DATED_HEADLINE.match(paragraph)
    if dated is None:
        return paragraph, None
    return paragraph[dated.end() :], dated.group("date")


def breadcrumb_ends(lines: tuple[str, ...]) -> frozenset[str]:
    """The last items of the breadcrumb trails in the page header, lower case
    ("Home » World » SCO leaders meet" gives "sco leaders meet")."""
    ends = set()
    for line in lines[:HEADER_LINES]:
        if not has_menu_split(line):
            continue
        items = [item for item in rules.MENU_SPLIT.split(line) if item]
        if len(items) >= 2 and len(items[0].split()) <= 2:
            ends.add(items[-1].casefold())
    return frozenset(ends)


def is_site_name(paragraph: str) -> bool:
    """True when a short paragraph names a known outlet ("Sputnik International"),
    an official body ("Ministry of Foreign Affairs") or a state ("The Republic of
    Kazakhstan"): a site's name above its headline."""
    words = paragraph.split()
    if len(words) > _SITE_NAME_WORDS:
        return False
    if len(words) <= _SITE_NAME_WORDS - 2 and (
        outlet(paragraph) is not None or is_publication_name(paragraph)
    ):
        return True  # "Sputnik International", "The Eurasia Post"
    name = paragraph.removeprefix("The ").replace("\u2019", "'")
    if is_state_name(name):
        return True
    return name.split(" ", 1)[0] in source_rules.INSTITUTIONS and all(
        word[0].isupper() or len(word) < _SMALL_WORD for word in words
    )  # "Ministry of Foreign Affairs", not "Ministry of Defence hosts a drill"
