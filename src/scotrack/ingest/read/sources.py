"""The page's source: the outlet or agency the text names as its author or origin.

Read when the record gives none (`metadata`). In order (`source_of`): an outlet
named as the origin of a carried report ("A report from People's Daily" in a PR
Newswire release, "Report informs citing Tass"), unless a credit names another; else
one named on a credit line ("Source: Xinhua", "(China Daily )| Updated", "By Ann
Smith - Trend:", "(MENAFN-Asia Times)", "Xinhua, December 14, 2015") or, failing
one, a header line that is a known outlet's name; else the dateline's known agency
("(Xinhua) --", "/TASS/", "BISHKEK. KAZINFORM -"); else the outlet the lead
attributes the story to ("KyrTAG writes", "according to Iran's IRIB"); else the
dateline's agency no list knows ("(TDI)"); else a publication's name in the header
or at the foot of the page; else an outlet the text talks to ("told Xinhua"); else
the site name from HTML markup; else the masthead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from scotrack.ingest.document import CleanDocument
from scotrack.ingest.entities.gazetteer import gazetteer
from scotrack.ingest.entities.scan import matches_at, word_starts
from scotrack.ingest.lexicon import pages as page_rules
from scotrack.ingest.lexicon import sources as rules
from scotrack.ingest.read.clean import (
    has_menu_split,
    is_date_line,
    masthead_indexes,
    normal_lines,
)

_HEADER_LINES = 12
_HEADER_NAME_WORDS = 3
_SHORT_ACRONYM = 3
_CREDIT_LINE = 120
_NAME_CHARS = 40
_FOOTER_SCAN = 30
_FOOTER_LINES = 6
_DATELINE_GROUPS = (
    *("agency", "wire", "unclosed", "caps", "named"),
    *("comma", "region", "area", "city"),
)
"""The dateline's groups that can name its agency, the likeliest first."""
LEAD_PARAGRAPHS = 5
"""The paragraphs at the top of the text where a carried report names its origin."""


@lru_cache(maxsize=4096)
def outlet(name: str) -> str | None:
    """The canonical outlet `name` denotes (a prefix is enough: "Xinhua News"); a
    name in quotes is the outlet's own ("NIAT «Khovar»", 'IA "Kabar"'), a domain
    the site's ("eurasianet.org"), a possessive its owner ("Trend's").
    Remembered: a page's header lines and words are asked about again and again."""
    quoted = rules.QUOTED.search(name)
    name = quoted.group(1) if quoted is not None else name.strip(" .,:;|()/")
    if "." in name and " " not in name:
        domain = name.removeprefix("www.").removeprefix("WWW.")
        if domain.casefold() in rules.OUTLET_ALIASES:
            return rules.OUTLET_ALIASES[domain.casefold()]  # "report.az"
        name = domain.split(".")[0]
    name = rules.POSSESSIVE.sub("", name)
    return _known_outlet(name.split()) or _known_outlet(
        rules.CAMEL_CASE.sub(" ", name).split()  # "ChinaDaily Mobile"
    )


def _known_outlet(words: list[str]) -> str | None:
    """The outlet the longest prefix of `words` names."""
    for size in range(len(words), 0, -1):
        written = " ".join(words[:size]).strip(" .,:;|()")
        key = written.casefold()
        found = (
            rules.OUTLETS.get(key)
            or rules.ALIASES.get(key)
            or rules.OUTLET_NAMES.get(key)
            or rules.OUTLET_ALIASES.get(key)
        )
        if found is None:
            continue
        if len(found) > _SHORT_ACRONYM or written.isupper() or not found.isupper():
            return found  # a short acronym only as written: "App" is not APP
    return None


def credited_source(raw_text: str) -> str | None:
    """The outlet a credit names: a credit or date line ("Source: Xinhua| ...",
    "(China Daily )| Updated", "Xinhua, December 14, 2015", "Updated: Dec 14, 2015
    Xinhua"), a byline ("By Ann Smith - Trend:"), an aggregator's credit
    ("(MENAFN-Asia Times)"), the site's own description ("Official website of
    ..."); else a header line that is an outlet's name ("IRNA English", "SCO
    Secretariat | News"), or the first item of a header breadcrumb trail."""
    header_outlet = None
    for index, line in enumerate(normal_lines(raw_text)):
        carrier = rules.CARRIER_PAREN.match(line) if line.startswith("(") else None
        if carrier is not None and (named := _carrier_credit(carrier)):
            return named
        if not line or len(line) > _CREDIT_LINE:
            continue
        credit = _credit(line, header=index < _HEADER_LINES)
        if credit is not None:
            return credit
        if header_outlet is None and index < _HEADER_LINES:
            header_outlet = _header_outlet(line)
    return header_outlet


def _carrier_credit(carrier: re.Match[str]) -> str | None:
    """The outlet an aggregator's credit names ("(MENAFN-Asia Times)"), or the
    acronym it gives the outlet ("(MENAFN- Eurasia News Agency (ENA))")."""
    return outlet(carrier.group(1)) or carrier.group(2)


def _credit(line: str, *, header: bool) -> str | None:
    """The outlet one credit line names, None if the line credits none; each
    pattern is tried only on a line that holds what it needs (a colon, ...)."""
    by = line[:2].lower() == "by"  # as `re.IGNORECASE` reads it: b and y fold alone
    for pattern, clue in (
        (rules.CREDIT_SOURCE, ":" in line or "\uff1a" in line),
        (rules.PAREN_SOURCE, line.startswith("(")),
        (rules.LEAD_SOURCE, "|" in line),
    ):
        match = pattern.match(line) if clue else None
        if match is None:
            continue
        named = outlet(match.group(1))
        if named is not None:
            return named
        if pattern is rules.CREDIT_SOURCE and len(match.group(1)) <= _NAME_CHARS:
            return match.group(1).strip()
    for pattern, clue in (
        (rules.BYLINE_SOURCE, by),
        (rules.DAY_SOURCE, True),
        (rules.UNOPENED_SOURCE, ")" in line),
        (rules.BY_OUTLET, by),
    ):
        match = pattern.match(line) if clue else None
        if match is not None and outlet(match.group(1)):
            return outlet(match.group(1))
    first, _, rest = line.partition(" ")
    if header and rest and outlet(first) and known_city(rest):
        return outlet(first)  # an agency's byline: "IANS Ufa (Russia)"
    if header and is_date_line(line):
        return _dated_source(line)
    issue = page_rules.ISSUE_LINE.match(line) if header else None
    if issue is not None:
        return outlet(issue.group("name")) or issue.group("name").strip()
    official = rules.OFFICIAL_SITE.match(line) if header else None
    return None if official is None else site_name(official.group("name"))


def _dated_source(line: str) -> str | None:
    """The outlet a date line names: "Updated: ... Source: Xinhua", "Xinhua,
    December 14, 2015", "September 9. RIA Novosti", or a single name no list
    knows that opens it ("Eurasiawire 2022-09-26 09:06")."""
    credit = rules.SOURCE_IN_LINE.search(line)
    if credit is not None:
        return outlet(credit.group(1)) or credit.group(1).strip()
    rest = page_rules.DATE_PART.sub(" ", line)
    rest = rules.LABEL_WORDS.sub(" ", rest).strip(" ,.|-:")
    named = outlet(rest)
    if named is not None:
        return named
    words = rest.split()
    if (
        len(words) == 1
        and "|" not in line
        and line.startswith(rest)
        and rules.AGENCY_NAME_LINE.fullmatch(rest)
        and rest.casefold() not in page_rules.NOT_PLACES
        and not _is_place(rest)
    ):
        return rest
    return None


def _header_outlet(line: str) -> str | None:
    """A known outlet a header line names: the line itself ("IRNA English") or
    the first item of a breadcrumb trail ("Rediff.com » News » ...")."""
    if line.casefold() in ("breaking news", "latest news", "top news"):
        return None
    if len(line.split()) <= _HEADER_NAME_WORDS or is_publication_name(line):
        named = outlet(line)
        if named is not None:
            return named
    if has_menu_split(line):
        first = page_rules.MENU_SPLIT.split(line, maxsplit=1)[0]
        if "." in first and " " not in first:
            return outlet(first)
    return None


def _is_place(name: str) -> bool:
    return name.casefold() in gazetteer().cities or is_state_name(name)


def header_name(raw_text: str) -> str | None:
    """An outlet no list knows, named in the page header: a publication's name on
    its own line ("Eurasia Daily Times"), else the name opening a header line
    ("EURASIA POLICY REVIEW | Commentary")."""
    lead = None
    for line in normal_lines(raw_text)[:_HEADER_LINES]:
        if rules.NOT_A_NAME.match(line):
            continue  # "Breaking News"
        if line and len(line) <= _CREDIT_LINE and is_publication_name(line):
            return site_name(line)
        match = rules.LEAD_SOURCE.match(line) if lead is None and "|" in line else None
        if match and len(line.split()) <= 6:
            lead = match.group(1).strip() if len(match.group(1)) <= 40 else None
    return None if lead is None else site_name(lead)


def is_publication_name(line: str) -> bool:
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
    return matches_at(rules.TALKS_TO, text, word_starts(text, rules.TALKING_STARTS))


def masthead(raw_text: str) -> str | None:
    """The site name printed above the page's menu ("Ministry of External Affairs"
    over "Home > Media Center"), else one printed in capitals above the text
    ("PRESIDENT OF RUSSIA")."""
    lines = normal_lines(raw_text)
    block = masthead_indexes(lines)
    if block:
        return outlet(lines[block[0]]) or site_name(lines[block[0]])
    header = [line for line in lines[:_HEADER_LINES] if line]
    for line, following in zip(header, [*header[1:], ""], strict=True):
        state = following.removeprefix("The ").replace("\u2019", "'")
        if line.split(" ", 1)[0] in rules.INSTITUTIONS and is_state_name(state):
            return f"{line} of the {state}"  # "Ministry of ..." over "The Republic ..."
        logo = page_rules.LOGO.match(line) if line[-4:].lower() == "logo" else None
        if logo is not None:
            return " ".join(w[:1].upper() + w[1:] for w in logo.group("name").split())
    for line in lines[:_HEADER_LINES]:
        words = line.split()
        if 2 <= len(words) <= 5 and line.isupper() and line.replace(" ", "").isalpha():
            return site_name(line)
    return None


def source_of(doc: CleanDocument, dateline: re.Match[str] | None) -> str | None:
    """The outlet, by the order in the module docstring."""
    lead = "\n".join(doc.text.split("\n")[:LEAD_PARAGRAPHS])
    plain = not doc.html
    agency, agency_name = dateline_agency(dateline)
    credited = credited_source(doc.raw_text) if plain else None
    origin = mentioned_source(origin_matches(lead))
    if origin is None and any(word in lead for word in rules.CARRYING):
        origin = mentioned_source(rules.CARRIED.finditer(lead))
    if origin is not None and (credited in (None, origin) or credited in rules.WIRES):
        return origin
    if agency is not None and credited is not None and _carried(dateline, credited):
        return agency  # the site carries the agency's report: "(Site / Agency - ...)"
    return (
        credited
        or agency
        or lead_attribution(lead)
        or agency_name
        or (header_name(doc.raw_text) or footer_name(doc.raw_text) if plain else None)
        or mentioned_source(talks_to_matches(doc.text))
        or (doc.metadata.source and outlet(doc.metadata.source))
        or doc.metadata.source
        or (masthead(doc.raw_text) if plain else None)
    )


def _carried(dateline: re.Match[str] | None, site: str) -> bool:
    """True when the dateline's bracket names `site` before another outlet, the
    original of the report the site carries ("MOSCOW (Site News / Agency)")."""
    if dateline is None:
        return False
    text = dateline.group("agency") or dateline.group("area") or ""
    parts = rules.AGENCY_SPLIT.split(text)
    return len(parts) > 1 and outlet(parts[0]) == site


def lead_attribution(lead: str) -> str | None:
    """The first known outlet the lead paragraphs attribute the story to ("KyrTAG
    writes", "according to Iran's IRIB news agency"); a person who talks to an
    outlet ("told Xinhua") does not make it the page's source before its name."""
    verbs = any(verb in lead for verb in rules.REPORTED_VERBS)  # a cheap test first
    reported = rules.REPORTED.finditer(lead) if verbs else iter(())
    found = [
        (match.start(), named)
        for matches in (reported, talks_to_matches(lead))
        for match in matches
        if rules.TOLD.match(match.group()) is None
        and (named := outlet(match.group(1))) is not None
    ]
    return min(found)[1] if found else None


def known_city(text: str) -> str | None:
    """The city `text` is, allowing a trailing comma, a state after it ("Astana,
    Kazakhstan", "Ufa (Russia)") and an agency before it ("IANS Ufa")."""
    text = text.strip(" ,.")
    if not text or len(text) > _NAME_CHARS:
        return None
    place = rules.PLACE_WITH_STATE.match(text)
    if place is not None and is_state_name(place.group("state")):
        text = place.group("city")
    first, _, rest = text.partition(" ")
    if rest and outlet(first) is not None:
        text = rest
    return gazetteer().cities.get(text.casefold())


def dateline_agency(dateline: re.Match[str] | None) -> tuple[str | None, str | None]:
    """The known outlet a dateline names (in brackets, between slashes, after
    the city: "(Xinhua)", "/TASS/", "BISHKEK. KAZINFORM -", or opening it as
    its city: "OREANDA-NEWS. December 17"), and else the name of an agency no
    list knows ("(TDI)", "(AsiaNews/Agencies)", "Eurasia Times(Goa)-")."""
    if dateline is None:
        return None, None
    for group in _DATELINE_GROUPS:
        text = dateline.group(group) or ""
        known = [outlet(part) for part in rules.AGENCY_SPLIT.split(text)]
        named = next(filter(None, reversed(known)), None) or outlet(text)
        if named is not None:  # the last is the original: "UrduPoint / Sputnik"
            return named, None
    for group in ("agency", "wire", "unclosed", "named", "comma", "area"):
        text = (dateline.group(group) or "").strip()
        if group == "area" and not (text.isupper() and len(text) > _SHORT_ACRONYM - 1):
            continue  # an acronym in brackets is an agency ("TEHRAN (ABC)-")
        for part in (text, rules.AGENCY_SPLIT.split(text)[0]):
            if rules.AGENCY_NAME.fullmatch(part) and not _is_place(part):
                return None, part
    city = dateline.group("city")
    if dateline.group("area") and is_publication_name(city):
        return None, site_name(city)
    return None, None


def footer_name(raw_text: str) -> str | None:
    """A publication's name printed at the foot of the page ("The Eurasia
    Review"), or the site a newsletter offer or a known outlet's handle names
    ("updates from Eurasia.", "Follow us @IrnaEnglish")."""
    lines = [line for line in normal_lines(raw_text)[-_FOOTER_SCAN:] if line]
    for line in reversed(lines[-_FOOTER_LINES:]):
        if is_publication_name(line) and not rules.NOT_A_NAME.match(line):
            return outlet(line) or site_name(line)
        closing = rules.CLOSING_AGENCY.search(line)
        if closing is not None and outlet(closing.group("name")) is not None:
            return outlet(closing.group("name"))  # "... partners. (PTI)"
        earlier = rules.EARLIER_REPORTED.match(line)
        if earlier is not None and outlet(earlier.group(1)) is not None:
            return outlet(earlier.group(1))  # "Earlier, Kazinform reported ..."
    for line in lines:  # plain `in` tests first: most lines hold neither
        offer = rules.UPDATES_FROM.search(line) if "from" in line else None
        if offer is not None:
            return outlet(offer.group(1)) or offer.group(1).rstrip(".")
        handle = rules.FOLLOW_HANDLE.search(line) if "@" in line else None
        if handle is not None and outlet(handle.group(1)) is not None:
            return outlet(handle.group(1))  # "Follow us @IrnaEnglish"
    return None


def is_state_name(name: str) -> bool:
    """True when `name` is a state's name ("Kazakhstan", "Republic of India")."""
    return any(entry.kind == "state" for entry in gazetteer().entries(name))
