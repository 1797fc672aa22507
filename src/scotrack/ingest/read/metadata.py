"""Title, publication date, outlet and dateline, as the page prints them.

What the record gave (`CleanDocument.given`: a JSON Lines line, a Parquet row, an
API request) wins: its `title`, `published` and `source` are kept as given (a
known outlet's name spelt as `sources` spells it), the page read for the rest.

- `title`: the headline (`headline`): the first paragraph of the cleaned text
  that reads as one once the furniture above it is passed over; HTML: the page
  title. None when the page opens with body text.
- `published`: the store's date prefix (" date 2023-05-04"), else a date printed
  with the headline ("World 06/11/2007 ..."), else the first date line of the raw
  page ("Updated: 2013-08-28 21:04", "Source: Xinhua| 2017-12-02 06:46:18", "June
  5, 2024", "05.06.2024", "16 июня 2011"), else the date HTML markup gives, else
  a journal issue's year, else a dateline that prints its year.
- `source`: see `sources`.
- `dateline`: the city opening one of the first paragraphs after the headline
  ("SOCHI, Russia, Dec. 1 (Xinhua) --", "BISHKEK - ", "Kabul [Afghanistan]
  September 17 (ANI):", "Azerbaijan, Baku, Sept.14 / Trend /"), title-cased,
  else a place the header prints ("[Place] Tashkent", "August 28, 2008,
  Dushanbe", "IANS Ufa (Russia)"); `dateline_date` its day, the year taken from
  `published` when the dateline leaves it out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from scotrack.ingest.document import CleanDocument, Stage
from scotrack.ingest.entities.gazetteer import gazetteer
from scotrack.ingest.lexicon import dates as date_rules
from scotrack.ingest.lexicon import pages as rules
from scotrack.ingest.lexicon import sources as source_rules
from scotrack.ingest.read.clean import is_date_line, normal_lines, store_date
from scotrack.ingest.read.headline import breadcrumb_ends, headline_index, headline_text
from scotrack.ingest.read.sources import (
    is_publication_name,
    is_state_name,
    known_city,
    outlet,
    source_of,
)

_DATELINE_PARAGRAPHS = 4
_YEAR_PARAGRAPHS = 3
_HEADER_LINES = 12
_HEADER_SCAN = 40
_STAMP_DATES = 2
"""How many dates after an unlabelled first one may show it to be a stamp."""
_STAMP_LINES = 15


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
        m = str(date_rules.month_number(groups["mon3"]))
    elif groups["ymd"]:  # "2009-Jun-16"
        y, d = groups["y5"], groups["d5"]
        m = str(date_rules.month_number(groups["mon5"]))
    elif groups["dmy3"]:  # "16 июня 2011"
        y, d = groups["y6"], groups["d6"]
        m = str(date_rules.month_number(groups["mon6"]))
    else:
        y, d = groups["y4"], groups["d4"]
        m = str(date_rules.month_number(groups["mon4"]))
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def printed_date(raw_text: str) -> str | None:
    """The first date printed on a date line or a labelled line of the page ("This
    is an archive article published on July 4, 2005" too), or on one segment of
    a byline split by bars ("Staff Reporter | Published October 17, 2024 |
    Updated about 3 hours ago"). A site's unlabelled date stamp ("Thursday, 28
    March 2024") over an earlier date a few lines on is the day the page was
    read, not published: the earlier date is."""
    dates = _printed_dates(raw_text)
    first = next(dates, None)
    if first is None or first[1]:
        return None if first is None else first[0]
    for _, (found, _labelled, index) in zip(range(_STAMP_DATES), dates, strict=False):
        if index - first[2] <= _STAMP_LINES and found < first[0]:
            return found
    return first[0]


def _printed_dates(raw_text: str) -> Iterator[tuple[str, bool, int]]:
    """The dates `printed_date` reads, in order: (ISO date, labelled, line)."""
    for index, line in enumerate(normal_lines(raw_text)):
        if not line:
            continue
        if line.startswith(("t", "T")):  # "This is an archive article ..."
            line = rules.ARCHIVE_NOTICE.sub("", line)
        if is_date_line(line) or rules.LABELLED.match(line):
            segments = [line]
        elif "|" in line and len(line) < 3 * _SHORT_SEGMENT:
            segments = [part.strip() for part in line.split("|")]
            segments = [part for part in segments if _is_dated_segment(part)]
        else:
            continue
        labelled = rules.LABELLED.match(line) is not None or len(segments) > 1
        for segment in segments:
            found = next(
                filter(None, map(iso_date, rules.DATE.finditer(segment))), None
            )
            if found is not None:
                yield found, labelled or rules.LABEL.match(segment) is not None, index
                break


def issue_year(raw_text: str) -> str | None:
    """The year of a journal issue the page header prints ("Eurasian Studies
    July-September, 2006, Volume 8 No. 1" gives "2006")."""
    for line in normal_lines(raw_text)[:_HEADER_SCAN]:
        issue = rules.ISSUE_LINE.match(line)
        if issue is not None:
            return issue.group("year")
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


def city_name(caps: str) -> str:
    """`NEW DELHI` as `New Delhi`, `NUR-SULTAN` as `Nur-Sultan`, `XI'AN` as `Xi'an`."""
    words = rules.WORD_SEPARATOR.split(caps.strip())
    return "".join(w[:1].upper() + w[1:].lower() for w in words)


def dateline_city(match: re.Match[str]) -> str | None:
    """The city a dateline names. An outlet opening it names none ("OREANDA-NEWS.
    December 17"); a state opening it names the city after it ("Azerbaijan, Baku,
    Sept. 14"), or none when nothing follows ("PAKISTAN, June 5 (APP) -"); a
    city in brackets after a publication's name is the dateline's ("Eurasia
    Times (Goa) -", not "Benaulim (Goa)")."""
    city = match.group("city")
    if outlet(city) is not None:
        return None
    cities = gazetteer().cities
    region, area = match.group("region"), match.group("area")
    named: str | None = None
    if region and is_state_name(city):
        named = cities.get(region.casefold())
    if area and named is None and is_publication_name(city):
        named = cities.get(area.casefold())
    if named is None and is_state_name(city) and city.casefold() not in cities:
        return None  # a state alone is no city: "PAKISTAN, June 5 (APP) -"
    return named or city_name(city)


def dateline_match(paragraphs: list[str]) -> re.Match[str] | None:
    """The dateline opening one of `paragraphs` (those after the headline)."""
    for paragraph in paragraphs:
        if paragraph.startswith("("):  # "(MENAFN- ...) CITY"
            credit = source_rules.CARRIER_PAREN.match(paragraph)
            paragraph = paragraph if credit is None else paragraph[credit.end() :]
        if not "A" <= paragraph[:1] <= "Z":
            continue  # every dateline opens with a capital
        match = rules.DATELINE.match(paragraph)
        if match is None or len(match.group("city")) > 30:
            continue
        city = match.group("city")
        if city.casefold() in rules.NOT_PLACES or rules.ROMAN.fullmatch(city):
            continue  # "On 12 December ...", "Friday, 13 August 2021 ..."
        if match.end() == len(paragraph) and not _has_day(match):
            continue  # a short line that is only a name, not a dateline
        known = (dateline_city(match) or "").casefold() in gazetteer().cities
        if match.group("city")[1:2].islower() and not (_month(match) or known):
            continue  # a title-case city needs its date: "Benaulim (Goa), May 5"
        return match
    return None


def header_place(raw_text: str) -> str | None:
    """The known city the page header prints as its place: in a place field
    ("[Place] Tashkent"), before or after the date of a date line ("July 10,
    2015, 14:30 Ufa", "Bishkek, 26 October 2023"), as a segment of a byline
    ("ANI | New Delhi | Updated: ..."), after the agency ("IANS Ufa (Russia)")
    or alone on its line ("Islamabad", "Moscow,")."""
    header = [line for line in normal_lines(raw_text)[:_HEADER_SCAN] if line]
    for line in header[:_HEADER_LINES]:
        field = rules.PLACE_FIELD.match(line)
        if field is not None:
            return field.group("place")
        if is_date_line(line):
            rest = rules.DATE_PART.sub(" ", line).strip(" ,|-")
            segments = [rules.TIME_ZONE.sub("", rest).strip(" ,|-")]
        elif "|" in line and rules.DATE_PART.search(line):
            segments = line.split("|")
        else:
            segments = [line]
        for segment in segments:
            city = known_city(segment)
            if city is not None:
                return city
    return None


def _month(match: re.Match[str]) -> str | None:
    return match.group("month") or match.group("month2")


def _has_day(match: re.Match[str]) -> bool:
    return bool(_month(match) or match.group("nday"))


def dateline_day(
    match: re.Match[str], published: str | None, *, year: int | None = None
) -> str | None:
    """The ISO day of the dateline; a missing year comes from `published`, else
    from `year` (the year the story's lead prints)."""
    if match.group("nday"):  # "DUSHANBE, 17.09.2021": day first, as in `iso_date`
        day, month = int(match.group("nday")), int(match.group("nmonth"))
        if month > 12 >= day:
            day, month = month, day
        try:
            return date(int(match.group("nyear")), month, day).isoformat()
        except ValueError:
            return None
    month = date_rules.month_number(_month(match) or "")
    if not month:
        return None
    year_text = match.group("year") or match.group("year2")
    if year_text:
        year = int(year_text)
    elif published:
        year = int(published[:4])
        if month > int(published[5:7]) + 1:
            year -= 1  # a December dateline on a January page
    elif year is None:
        return None
    try:
        day = int(match.group("day") or match.group("day2"))
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def read_metadata(doc: CleanDocument) -> CleanDocument:
    """Fill `doc.metadata` from the page; what the record gave (`doc.given`) stays,
    and so does what HTML markup gave, but for the outlet (see `sources`).

    The publication date is the record's, else the store's date prefix, else the
    date printed with the headline, else the first date line, else the markup's.
    """
    meta = doc.metadata
    given = doc.given
    paragraphs = doc.text.split("\n")
    first = 1
    headline_date = None
    if meta.title is None or (given.title is not None and not doc.html):
        index = headline_index(
            paragraphs,
            crumbs=breadcrumb_ends(normal_lines(doc.raw_text)),
            is_dateline=lambda paragraph: dateline_match([paragraph]) is not None,
        )
        if index is not None:
            title, headline_date = headline_text(paragraphs[index])
            meta.title = given.title or title
        first = 0 if index is None else index + 1
    if not doc.html:
        meta.published = (
            given.published
            or store_date(doc.raw_text)
            or _numeric_date(headline_date)
            or printed_date(doc.raw_text)
            or issue_year(doc.raw_text)
        )
    match = dateline_match(paragraphs[first : first + _DATELINE_PARAGRAPHS])
    if given.source is not None:
        meta.source = outlet(given.source) or given.source
    else:
        meta.source = source_of(doc, match)
    if match is not None:
        _read_dateline(doc, match, paragraphs[first : first + _DATELINE_PARAGRAPHS])
    if meta.dateline is None and not doc.html:
        meta.dateline = header_place(doc.raw_text)
    return doc


def _read_dateline(doc: CleanDocument, match: re.Match[str], lead: list[str]) -> None:
    """The dateline's city and day. Its day is the publication date when the page
    prints none and the dateline prints its year; a dateline without its year on
    a page without a date takes the latest year the first paragraphs name
    ("MINSK, November 29" over a story of 2023), for its day only (#11)."""
    meta = doc.metadata
    meta.dateline = dateline_city(match)
    meta.dateline_date = dateline_day(match, meta.published)
    if meta.published is not None:
        return
    if match.group("year") or match.group("year2") or match.group("nyear"):
        meta.published = meta.dateline_date
    elif meta.dateline_date is None and _has_day(match):
        years = [int(y) for y in rules.YEAR.findall(" ".join(lead[:_YEAR_PARAGRAPHS]))]
        if years:
            meta.dateline_date = dateline_day(match, None, year=max(years))


def _numeric_date(text: str | None) -> str | None:
    match = None if text is None else rules.DATE.fullmatch(text)
    return None if match is None else iso_date(match)


STAGE = Stage("metadata", requires=("text",), provides=("metadata",), run=read_metadata)
