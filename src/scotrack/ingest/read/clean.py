"""Boilerplate out, by the features of each line: the text every offset points into.

The cleaned text is one paragraph per line: the page's top (headline, and any
furniture kept above it), then the body. A line goes when its features say it is
page furniture, not because of what it says: share and print button rows,
pagination ("1 2 3 >", "Next"), lines of mostly digits and signs, one- or
two-word labels ("omniture", "Video PlayerClose"), credits ("Editor: ...",
"Source: ..."), copyright notices, and date lines that carry nothing but the
date. Date and source lines are still in `raw_text`, where `metadata` reads
them. A line repeated verbatim (the headline printed twice) is kept once. Photo
captions, editor's notes and datelines stay: they are text, and facts come from
them. A pages store's date prefix (" date 2023-05-04 ") is taken off the first
line (`store_date` reads it); menus include two-label breadcrumbs ("Home > China
News") and icon-font names. Lines of a page wrapped at a fixed width are joined
into their paragraphs. Which paragraph is the headline is `headline`'s to say.

HTML pages go through trafilatura (main text, title, site name) with htmldate for
the publication date, from the markup only (meta tags, time elements, the address;
its search of the text took "founded in 2001" for a date); scripts, styles and
iframes never reach the text.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from scotrack.errors import DocumentError
from scotrack.ingest.document import CleanDocument, Stage
from scotrack.ingest.lexicon import pages as rules

_SENTENCE_END = tuple(".!?:;\"\u201d\u2019')")
_CRUMB_WORDS = 3
_WRAP_WIDTH = 100
_WRAPPED = 50
_WRAPPED_LINES = 6
_MENU_ITEM_WORDS = 4
_MASTHEAD_WORDS = 10
HEADER_LINES = 12
"""The lines at the top of a page where its masthead and menus are printed."""
_LONG_LINE = 160
_TEASERS = 3
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def normal_line(line: str) -> str:
    """`line` with invisible characters dropped and white space collapsed."""
    line = unicodedata.normalize("NFC", rules.INVISIBLE.sub("", line))
    return rules.SPACES.sub(" ", line).strip()


@lru_cache(maxsize=4)
def normal_lines(text: str) -> tuple[str, ...]:
    """Every line of `text` as `normal_line` gives it.

    Done on the whole text at once (a line end never takes part in NFC or in a
    run of spaces, so the result is the same) and cached, as `clean` and
    `metadata` both read the lines of one page. A store's date prefix is taken off
    the first line (`store_date` reads it).
    """
    prefix = rules.STORE_DATE.match(text)
    if prefix is not None:
        text = text[prefix.end() :]
    if not text.isascii():
        text = unicodedata.normalize("NFC", rules.INVISIBLE.sub("", text))
        text = rules.ODD_SPACES.sub(" ", text)
    elif "  " in text or "\t" in text:  # ASCII: nothing invisible, NFC already
        text = rules.ODD_SPACES.sub(" ", text)
    return tuple(line.strip() for line in text.split("\n"))


def store_date(text: str) -> str | None:
    """The date a pages store printed before the page (" date 2023-05-04 ...")."""
    prefix = rules.STORE_DATE.match(text)
    return None if prefix is None else prefix.group("date")


@lru_cache(maxsize=4096)
def is_date_line(line: str) -> bool:
    """True when a line is a date (and time, label, outlet) and nothing more
    (remembered: `clean` and `metadata` ask of the same lines). A line that ends
    with a full stop is a sentence: the stop stays once its dates are out."""
    end = line.rstrip()
    if end.endswith(".") and end[-2:-1] not in rules.DATE_PART_STOPS:
        return False  # the cheap test first: most long lines end so
    if rules.DATE_HINT.search(line) is None or rules.DATE_PART.search(line) is None:
        return False
    rest = rules.DATE_PART.sub(" ", line)
    return len(rules.WORD.findall(rest)) <= 6 and not rest.rstrip().endswith(".")


def has_menu_split(line: str) -> bool:
    """True when `rules.MENU_SPLIT` finds a separator in `line` (the quick test
    for one of its marks first: most lines hold none)."""
    return (
        rules.MENU_MARK.search(line) is not None
        and rules.MENU_SPLIT.search(line) is not None
    )


def is_navigation(line: str) -> bool:
    """True when a line is a menu or breadcrumb trail: three or more short items
    ("Home | World | Economy", "Foreign policy / News / Press releases") split by
    bars, slashes, chevrons or bullets, each item a label of a few words."""
    if not (  # plain `in` tests: the cheapest no for the many lines without one
        "|" in line
        or " / " in line
        or ">" in line
        or "\u00bb" in line
        or "\u2022" in line
        or "\u00b7" in line
    ):
        return False
    items = [item for item in rules.MENU_SPLIT.split(line) if item]
    if len(items) == 2:  # "Home > China News": two labels, no digits or commas
        return "|" not in line and all(
            len(item.split()) <= _CRUMB_WORDS and rules.NOT_LABEL.search(item) is None
            for item in items
        )
    return len(items) >= 3 and all(
        len(item.split()) <= _MENU_ITEM_WORDS
        and not item[0].islower()
        and not item.endswith(_SENTENCE_END[:3])
        for item in items
    )


def _is_name_line(line: str) -> bool:
    """True when a line reads as a name: a few words, no digits, every word of
    four letters or more capitalised ("Russian News & Information Agency")."""
    words = line.split()
    return (
        0 < len(words) <= _MASTHEAD_WORDS
        and not line.endswith(_SENTENCE_END[:3])
        and not any(ch.isdigit() for ch in line)
        and all(not w[0].islower() for w in words if len(w) >= 4)
    )


@lru_cache(maxsize=4)
def masthead_indexes(lines: tuple[str, ...]) -> tuple[int, ...]:
    """Indexes of the site's name lines: the block of name-like lines printed
    directly above the first navigation menu in the page header.

    A site prints its name, then its menu, then the story; so a headline set
    above a menu in sentence case is never taken for a masthead, and a page
    without a menu has none. Cached: `clean` and `metadata` both ask.
    """
    for index, line in enumerate(lines[:HEADER_LINES]):
        if line and is_navigation(line):
            above = index - 1
            while above >= 0 and not lines[above]:
                above -= 1  # blank lines between the name and the menu
            block: list[int] = []
            while above >= 0 and lines[above] and _is_name_line(lines[above]):
                block.insert(0, above)
                above -= 1
            return tuple(block)
    return ()


def is_boilerplate(line: str) -> bool:
    """True when a (normalised, non-empty) line is page furniture, not text.

    Any one test makes a line furniture; they run cheapest first.
    """
    ends_sentence = line.endswith(_SENTENCE_END[:3])
    if len(line) > _LONG_LINE and ends_sentence:
        return _has_copyright(line[:80])  # a paragraph, cheaply
    tokens = line.split()
    if len(tokens) <= 2 and not ends_sentence:
        return True
    if len(line) < 100 and rules.CREDIT.match(line):
        return True
    if _letter_count(line) < 0.5 * (len(line) - line.count(" ")):
        return True
    if len(line) < 160 and _has_copyright(line):
        return True
    return _mostly_buttons(tokens) or is_date_line(line) or is_navigation(line)


def _mostly_buttons(tokens: list[str]) -> bool:
    """True when at least 60% of the words are button words, numbers or CJK."""
    needed = 0.6 * len(tokens)
    buttons = len(tokens)  # every word a button until shown otherwise
    for token in tokens:
        word = token.strip("()[]{}.,:;!?\u00b7\u2022|").lower()
        if (
            word in rules.BUTTON_WORDS
            or not word
            or word.isdigit()
            or word.endswith("icon")  # an icon font's names: "shareicon"
            or _is_cjk(word)
        ):
            continue
        buttons -= 1
        if buttons < needed:
            return False
    return True


def _has_copyright(text: str) -> bool:
    if text.isascii():  # a cheap test first: ASCII case-folds like lower()
        low = text.lower()
        if "copyright" not in low and "reserved" not in low:
            return False
    return rules.COPYRIGHT.search(text) is not None


def _letter_count(line: str) -> int:
    if line.isascii():
        return len(line.encode("ascii").translate(None, _ASCII_NON_LETTERS))
    return len(rules.LETTER.findall(line))


def _is_cjk(word: str) -> bool:
    return not word.isascii() and any(
        "\u3000" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in word
    )


def clean_lines(lines: tuple[str, ...], *, title: str | None = None) -> list[str]:
    """The kept paragraphs, headline first: boilerplate, mastheads and repeats out.

    `lines` are normalised (`normal_lines`). When `title` is given (from HTML
    markup) it heads the result; otherwise the first kept line is the headline if
    it looks like one (short, no closing full stop).
    """
    kept: list[str] = [title] if title else []
    seen = {title.casefold()} if title else set()
    joinable = False
    mastheads = masthead_indexes(lines)
    wrapped = _is_hard_wrapped(lines)
    label_at = None
    for index, line in enumerate(lines):
        if not line or index in mastheads:
            joinable = False
            continue
        if label_at is None and len(kept) > 1 and rules.TEASER_LABEL.match(line):
            label_at = len(kept)
        if is_boilerplate(line) or line.casefold() in seen:
            joinable = False
            continue
        if joinable and (
            line[0].islower()
            or (wrapped and len(lines[index - 1]) >= _WRAPPED and line[0].isalnum())
        ):
            kept[-1] = f"{kept[-1]} {line}"  # a hard-wrapped paragraph goes on
        else:
            kept.append(line)
            seen.add(line.casefold())
        joinable = not kept[-1].endswith(_SENTENCE_END)
    return _without_teasers(kept, label_at)


def _without_teasers(kept: list[str], label_at: int | None) -> list[str]:
    """`kept` without the links to other stories the page ends with: the lines
    after the story's last sentence when a label opens them ("Related Topics",
    which the filter drops: `label_at` is where it stood among `kept`),
    or when three or more, none a list item or the lead-in of one ("Bishkek
    hosts SCO forum", "Kazakhstan plans a new..."), the headline aside."""
    last = len(kept) - 1
    while last > 0 and not kept[last].endswith(rules.STORY_END):
        last -= 1
    tail = kept[last + 1 :]
    if last > 0 and label_at is not None and label_at > last:
        return kept[: last + 1]  # "Related Topics" over the links
    if last <= 0 or len(tail) < _TEASERS or kept[last].endswith(":"):
        return kept
    if any(line.endswith(":") or rules.LIST_ITEM.match(line) for line in tail):
        return kept
    return kept[: last + 1]


def _is_hard_wrapped(lines: tuple[str, ...]) -> bool:
    """True when the page is wrapped at a fixed width (no line much past 80
    characters, many near it): a line that does not end a sentence goes on in
    the next one, whatever its first letter."""
    if any(len(line) > _WRAP_WIDTH for line in lines):
        return False
    return sum(len(line) >= _WRAPPED for line in lines) >= _WRAPPED_LINES


def cleaned_text(raw_text: str) -> str:
    """The cleaned text of a plain-text page."""
    return "\n".join(clean_lines(normal_lines(raw_text)))


def html_text(html: str) -> tuple[str, dict[str, Any]]:
    """The cleaned main text of an HTML page (title first) and its metadata fields.

    The fields are `title`, `published` (htmldate, via trafilatura) and `source`
    (the site name); each may be None.
    """
    import trafilatura  # imported here: a slow import that only HTML input needs

    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "outputformat": "%Y-%m-%d",
        },
    )
    if found is None:
        return "", {}
    fields = found if isinstance(found, dict) else found.as_dict()
    title = normal_line(fields.get("title") or "") or None
    body = fields.get("text") or ""
    text = "\n".join(clean_lines(normal_lines(body), title=title))
    meta = {
        "title": title,
        "published": fields.get("date"),
        "source": normal_line(fields.get("sitename") or "") or None,
    }
    return text, meta


def clean(doc: CleanDocument) -> CleanDocument:
    """Fill `doc.text` from `doc.raw_text` (and, for HTML, metadata from markup)."""
    if doc.html:
        doc.text, meta = html_text(doc.raw_text)
        for name in ("title", "published", "source"):
            if getattr(doc.metadata, name) is None and meta.get(name):
                setattr(doc.metadata, name, meta[name])
    else:
        doc.text = cleaned_text(doc.raw_text)
    if not doc.text.strip():
        raise DocumentError(doc.path, "no text left after removing page furniture")
    return doc


STAGE = Stage("clean", requires=("raw_text",), provides=("text",), run=clean)
