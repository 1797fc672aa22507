"""Title, publication date, outlet and dateline, as the page prints them.

- `title`: the headline, the first line of the cleaned text (HTML: the page title).
- `published`: the first date line of the raw page ("Updated: 2013-08-28 21:04",
  "Source: Xinhua| 2017-12-02 06:46:18", "June 5, 2024", "05.06.2024"), else the
  date HTML markup gives, else a dateline that prints its year.
- `source`: an outlet named as the origin of a carried report ("A report from
  People's Daily" in a PR Newswire release), else one named on a credit line
  ("Source: Xinhua", "(China Daily )| Updated"), else the dateline's agency
  ("(Xinhua) --", "/PRNewswire/"), else an outlet the text talks to ("told
  Xinhua"), else the site name from HTML markup.
- `dateline`: the city opening one of the first paragraphs ("SOCHI, Russia, Dec. 1
  (Xinhua) --", "BISHKEK - "), title-cased; `dateline_date` its day, the year
  taken from `published` when the dateline leaves it out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from scotrack.ingest.document import CleanDocument, Stage
from scotrack.ingest.entities.gazetteer import ALIASES, OUTLETS, WIRES, gazetteer
from scotrack.ingest.entities.mentions import matches_at, word_starts
from scotrack.ingest.lexicon import dates as date_rules
from scotrack.ingest.lexicon import pages as rules
from scotrack.ingest.read.clean import (
    has_headline,
    is_date_line,
    is_html,
    masthead_indexes,
    normal_lines,
)

_DATELINE_PARAGRAPHS = 4
_HEADER_LINES = 12


def month_number(word: str) -> int:
    """The month `word` names ("Dec.", "December"), 0 if none."""
    return date_rules.MONTH_NUMBER.get(word[:3].lower(), 0)


_SHORT_SEGMENT = 60


def iso_date(match: re.Match[str]) -> str | None:
    """The ISO date of a `rules.DATE` match, None if it names no real day."""
    groups = match.groupdict()
    if groups["iso"]:
        y, m, d = groups["y1"], groups["m1"], groups["d1"]
    elif groups["dmy"]:
        y, m, d = groups["y2"], groups["m2"], groups["d2"]
        if int(m) > 12 >= int(d):
            m, d = d, m  # "06/22/2016" can only be month first (US style)
        # otherwise day first ("08.06.2002", "17/ 08/ 2007"): the European, Russian
        # and Asian outlets that print numeric dates put the day first
    elif groups["mdy"]:
        y, d = groups["y3"], groups["d3"]
        m = str(month_number(groups["mon3"]))
    else:
        y, d = groups["y4"], groups["d4"]
        m = str(month_number(groups["mon4"]))
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def printed_date(raw_text: str) -> str | None:
    """The first date printed on a date line or a labelled line of the page, or on
    one segment of a byline split by bars ("Staff Reporter | Published October
    17, 2024 | Updated about 3 hours ago")."""
    for line in normal_lines(raw_text):
        if not line:
            continue
        if is_date_line(line) or rules.LABELLED.match(line):
            segments = [line]
        elif "|" in line and len(line) < 3 * _SHORT_SEGMENT:
            segments = [part.strip() for part in line.split("|")]
            segments = [part for part in segments if _is_dated_segment(part)]
        else:
            continue
        for segment in segments:
            for match in rules.DATE.finditer(segment):
                found = iso_date(match)
                if found is not None:
                    return found
    return None


def _is_dated_segment(part: str) -> bool:
    return bool(part) and (
        is_date_line(part)
        or rules.LABELLED.match(part) is not None
        or (len(part) < _SHORT_SEGMENT and _only_labelled_date(part))
    )


def _only_labelled_date(part: str) -> bool:
    """True for a label, a date and nothing else ("Published October 17, 2024")."""
    label = rules.LABEL.match(part)
    if label is None:
        return False
    return not rules.DATE_PART.sub("", part[label.end() - 1 :]).strip(" ,")


def outlet(name: str) -> str | None:
    """The canonical outlet `name` denotes (a prefix is enough: "Xinhua News"); a
    name in quotes is the outlet's own ("NIAT «Khovar»", 'IA "Kabar"')."""
    quoted = rules.QUOTED.search(name)
    if quoted is not None:
        name = quoted.group(1)
    elif "." in name and " " not in name.strip():
        name = name.strip().removeprefix("www.").split(".")[0]  # "eurasianet.org"
    words = name.strip(" .,:;|()").split()
    for size in range(len(words), 0, -1):
        key = " ".join(words[:size]).strip(" .,:;|()").casefold()
        found = OUTLETS.get(key) or ALIASES.get(key)
        if found is not None:
            return found
    return None


def credited_source(raw_text: str) -> str | None:
    """The outlet a credit or date line names ("Source: Xinhua| ...", "(China
    Daily )| Updated"), or a header line that is an outlet's name ("IRNA English",
    "SCO Secretariat | News")."""
    for index, line in enumerate(normal_lines(raw_text)):
        if not line or len(line) > 120:
            continue
        header = index < _HEADER_LINES
        if header and (len(line.split()) <= 3 or _is_title(line)) and outlet(line):
            return outlet(line)
        for pattern in (rules.CREDIT_SOURCE, rules.PAREN_SOURCE, rules.LEAD_SOURCE):
            match = pattern.match(line)
            if match is None:
                continue
            named = outlet(match.group(1))
            if named is not None:
                return named
            if pattern is rules.CREDIT_SOURCE and len(match.group(1)) <= 40:
                return match.group(1).strip()
    return None


def header_name(raw_text: str) -> str | None:
    """An outlet no list knows, named in the page header: a publication's name on
    its own line ("Eurasia Daily Times"), else the name opening a header line
    ("EURASIA POLICY REVIEW | Commentary")."""
    lead = None
    for line in normal_lines(raw_text)[:_HEADER_LINES]:
        if line and len(line) <= 120 and _is_title(line):
            return site_name(line)
        match = rules.LEAD_SOURCE.match(line) if lead is None and "|" in line else None
        if match and len(line.split()) <= 6:
            lead = match.group(1).strip() if len(match.group(1)) <= 40 else None
    return None if lead is None else site_name(lead)


def _is_title(line: str) -> bool:
    """True when a header line is the name of a publication ("Daily Times"): a few
    capitalised words ending in a word newspapers and agencies are named with."""
    last = line.rfind(" ")
    if last < 0 or line[last + 1 :].casefold() not in rules.MASTHEAD_NOUNS:
        return False  # the cheap test first: most lines end otherwise
    words = line.split()
    return len(words) <= 4 and all(w[0].isupper() for w in words)


def site_name(name: str) -> str:
    """A site's name as a source: capitals title-cased ("EURASIA POLICY REVIEW"),
    "The" dropped before an institution ("The Ministry of Foreign Affairs ...")."""
    if name.isupper():
        small = {"of", "the", "and", "for", "in", "on"}
        name = " ".join(
            w.lower() if i and w.lower() in small else w.capitalize()
            for i, w in enumerate(name.split())
        )
    first, _, rest = name.partition(" ")
    if first.casefold() == "the" and rest.split(" ", 1)[0] in rules.INSTITUTIONS:
        return rest
    return name


def mentioned_source(matches: Iterable[re.Match[str]]) -> str | None:
    """The first known outlet one of `matches` captures."""
    for match in matches:
        named = outlet(match.group(1))
        if named is not None:
            return named
    return None


def origin_matches(text: str) -> Iterator[re.Match[str]]:
    """The `rules.ORIGIN` phrases of `text` ("a report from the Global Times")."""
    starts: set[int] = set()
    for at in word_starts(text, rules.REPORTS):
        end = at
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end < at:  # "A", "An" or "The" ends where the white space starts
            starts.update(range(max(0, end - 3), end))
    return matches_at(rules.ORIGIN, text, sorted(starts))


def talks_to_matches(text: str) -> Iterator[re.Match[str]]:
    """The `rules.TALKS_TO` phrases of `text` ("told Xinhua")."""
    return matches_at(rules.TALKS_TO, text, word_starts(text, rules.TALKING))


def city_name(caps: str) -> str:
    """`NEW DELHI` as `New Delhi`, `NUR-SULTAN` as `Nur-Sultan`, `XI'AN` as `Xi'an`."""
    words = rules.WORD_SEPARATOR.split(caps.strip())
    return "".join(w[:1].upper() + w[1:].lower() for w in words)


def dateline_match(text: str) -> re.Match[str] | None:
    """The dateline opening one of the first paragraphs (not the headline)."""
    paragraphs = text.split("\n")[1 : 1 + _DATELINE_PARAGRAPHS]
    for paragraph in paragraphs:
        match = rules.DATELINE.match(paragraph)
        if match is None or len(match.group("city")) > 30:
            continue
        if match.end() == len(paragraph) and not _has_day(match):
            continue  # a short line that is only a name, not a dateline
        known = match.group("city").casefold() in gazetteer().cities
        if match.group("city")[1:2].islower() and not (_month(match) or known):
            continue  # a title-case city needs its date: "Benaulim (Goa), May 5"
        return match
    return None


def header_place(raw_text: str) -> str | None:
    """The known city printed before or after the date on a header date line
    ("July 10, 2015, 14:30 Ufa", "Bishkek, 26 October 2023"); bare date lines
    ("26.10.2023") are passed over."""
    for line in normal_lines(raw_text)[:_HEADER_LINES]:
        if not line or not is_date_line(line):
            continue
        rest = rules.DATE_PART.sub(" ", line).strip(" ,|-")
        rest = rules.TIME_ZONE.sub("", rest).strip(" ,|-")
        if rest:  # the first date line with words decides
            city: str | None = gazetteer().cities.get(rest.casefold())
            return city
    return None


def masthead(raw_text: str) -> str | None:
    """The site name printed above the page's menu ("Ministry of External Affairs"
    over "Home > Media Center"), else one printed in capitals above the text
    ("PRESIDENT OF RUSSIA")."""
    lines = normal_lines(raw_text)
    block = masthead_indexes(lines)
    if block:
        return outlet(lines[block[0]]) or site_name(lines[block[0]])
    for line in lines[:_HEADER_LINES]:
        words = line.split()
        if 2 <= len(words) <= 5 and line.isupper() and line.replace(" ", "").isalpha():
            return site_name(line)
    return None


def _month(match: re.Match[str]) -> str | None:
    return match.group("month") or match.group("month2")


def _has_day(match: re.Match[str]) -> bool:
    return bool(_month(match) or match.group("nday"))


def dateline_day(match: re.Match[str], published: str | None) -> str | None:
    """The ISO day of the dateline; a missing year comes from `published`."""
    if match.group("nday"):  # "DUSHANBE, 17.09.2021": day first, as in `iso_date`
        day, month = int(match.group("nday")), int(match.group("nmonth"))
        if month > 12 >= day:
            day, month = month, day
        try:
            return date(int(match.group("nyear")), month, day).isoformat()
        except ValueError:
            return None
    month = month_number(_month(match) or "")
    if not month:
        return None
    year_text = match.group("year") or match.group("year2")
    if year_text:
        year = int(year_text)
    elif published:
        year = int(published[:4])
        if month > int(published[5:7]) + 1:
            year -= 1  # a December dateline on a January page
    else:
        return None
    try:
        day = int(match.group("day") or match.group("day2"))
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def source_of(doc: CleanDocument, dateline: re.Match[str] | None) -> str | None:
    """The outlet, by the order in the module docstring."""
    lead = "\n".join(doc.text.split("\n")[: 1 + _DATELINE_PARAGRAPHS])
    agency = None
    if dateline is not None:
        agency = outlet(dateline.group("agency") or dateline.group("wire") or "")
        agency = agency or outlet(dateline.group("caps") or "")
        agency = agency or outlet(dateline.group("region") or "")
        agency = agency or outlet(dateline.group("area") or "")  # "BISHKEK (AKIpress)"
    credited = None if is_html(doc.raw_text) else credited_source(doc.raw_text)
    origin = mentioned_source(origin_matches(lead))
    if origin is not None and (credited in (None, origin) or credited in WIRES):
        return origin
    return (
        credited
        or agency
        or (None if is_html(doc.raw_text) else header_name(doc.raw_text))
        or mentioned_source(talks_to_matches(doc.text))
        or (doc.metadata.source and outlet(doc.metadata.source))
        or doc.metadata.source
        or (None if is_html(doc.raw_text) else masthead(doc.raw_text))
    )


def read_metadata(doc: CleanDocument) -> CleanDocument:
    """Fill `doc.metadata` from the page; fields already set (HTML markup) stay."""
    meta = doc.metadata
    if meta.title is None:
        lines = doc.text.split("\n", 1)
        meta.title = lines[0] if has_headline(lines) else None
    if not is_html(doc.raw_text):
        meta.published = printed_date(doc.raw_text) or meta.published
    match = dateline_match(doc.text)
    meta.source = source_of(doc, match)
    if match is not None:
        meta.dateline = city_name(match.group("city"))
        meta.dateline_date = dateline_day(match, meta.published)
        printed_year = (
            match.group("year") or match.group("year2") or match.group("nyear")
        )
        if meta.published is None and printed_year:
            meta.published = meta.dateline_date
    elif not is_html(doc.raw_text):
        meta.dateline = header_place(doc.raw_text)
    return doc


STAGE = Stage("metadata", requires=("text",), provides=("metadata",), run=read_metadata)
