"""The precise rules of membership: the steps a sentence reports in so many words.

Each phrase of rules.MEMBERSHIP_PATTERNS names an event and the side on which
its states stand ("Iran became a full member": before; "expansion to include
India and Pakistan": after); the states are the list of state mentions next to
the phrase in its clause (found by `membership_states`). A founding member named
as such is a standing status, not an event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from scotrack.ingest.document import Item, Sentence
from scotrack.ingest.facts import timex
from scotrack.ingest.facts.clauses import MentionIndex
from scotrack.ingest.facts.membership_states import WINDOW, step_states
from scotrack.ingest.lexicon import membership as rules
from scotrack.ingest.lexicon import membership_clauses as clause_rules
from scotrack.ingest.lexicon import organizations as organizations_rules
from scotrack.ingest.lexicon.folding import folded


@dataclass(frozen=True, slots=True)
class Page:
    """What the rules of a sentence know of its page."""

    ref: date | None = None
    """The day the page speaks from (see `timex.reference_day`)."""
    era: int | None = None
    """The year the page speaks from, as far as the word "partner" needs one."""
    obligations: bool = False
    """Whether the page names a memorandum of obligations, which its "signed the
    memorandum" then means."""


def page_of(text: str, ref: date | None) -> Page:
    """The context of the page `text`, published (or dated) `ref`. (Every match
    of the rules holds the word tested first.)"""
    lowered = folded(text)
    if ref is not None:
        era: int | None = ref.year
    elif (
        "dialogue partner" in lowered and clause_rules.PARTNER_REFORM.search(lowered)
    ) or ("tianjin" in lowered and clause_rules.REFORM_SUMMIT.search(lowered)):
        era = rules.PARTNER_STATUS_YEAR
    else:
        era = likeliest_year(text)
    obligations = "memorand" in lowered and clause_rules.OBLIGATIONS.search(lowered)
    return Page(ref, era, bool(obligations))


@lru_cache(maxsize=16)
def dates(text: str, ref: date | None) -> tuple[timex.Timex, ...]:
    """`timex.timexes(text, ref)`, remembered for the last few sentences: the
    rules and the candidates both date a sentence's steps."""
    return tuple(timex.timexes(text, ref))


def sentence_events(
    sent: Sentence,
    numbers: set[int],
    index: MentionIndex,
    page: Page,
    previous: str = "",
    blocked: set[str] | None = None,
) -> list[Item]:
    """Events of the patterns `numbers` (those whose cue words occur) in order;
    `previous` is the sentence before, whose admission of a status an
    admission with none names continues ("... guidelines for admitting observer
    states. Mongolia was admitted first.").

    A phrase whose states are found takes its words from later patterns even
    when it reports a step not (yet) taken, which gives no event; `blocked`
    collects the states of such phrases (and of another organization's)."""
    items: list[Item] = []
    taken: list[tuple[int, int]] = []
    lowered = folded(sent.text)
    for number in sorted(numbers):
        if number < 0:
            continue  # a sentence cue, no pattern's
        pattern_event, side, pattern = rules.PATTERNS[number]
        for match in pattern.full.finditer(lowered):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            states = step_states(sent, lowered, index, match, side)
            if not states:
                continue  # a phrase without its states leaves the words to others
            taken.append(match.span())
            requested = pattern_event == "request"
            if _not_yet(lowered, match, requested) or _elsewhere(sent.text, match):
                if blocked is not None:
                    blocked.update(state.value for state in states)
                continue
            when = _date(dates(sent.text, page.ref), lowered, match) or _years_ago(
                lowered, match, page.ref
            )
            event = _event(pattern_event, lowered, match, when, page, previous)
            if event is None:
                continue
            if event not in {"applied", "left"} and _in_procedure(lowered, match):
                event = "applied"
            for state in states:
                span = [sent.start + match.start(), sent.start + match.end()]
                items.append(
                    {
                        "state": state.value,
                        "event": event,
                        "date": when,
                        "evidence": [span, [state.start, state.end]],
                    }
                )
    return _same_status(items)


def likeliest_year(text: str) -> int | None:
    """The year an undated page names most often (the latest of equals), but
    the SCO's founding year: the era it speaks from, as far as the words
    "partner" need one."""
    years = Counter(
        int(m.group())
        for m in rules.YEAR.finditer(text)
        if int(m.group()) > rules.FOUNDING_YEAR
    )
    if not years:
        return None
    return max(years, key=lambda year: (years[year], year))


def _not_yet(lowered: str, match: re.Match[str], requested: bool = False) -> bool:
    """True when the clause of the phrase speaks of a step not (yet) taken: a
    future, a hope or a negation ("are expected to decide on the accession of"),
    or the clause of what may come (clause_rules.HEDGED). A state's request
    (`requested`: "Iran's application", "its bid for membership") is made
    whatever becomes of it: only a request still to be made is not yet one
    ("will submit its application")."""
    before = lowered[
        max(0, match.start() - clause_rules.NOT_YET_WINDOW) : match.start()
    ]
    if requested:
        return clause_rules.NOT_YET_REQUESTED.search(before) is not None
    return bool(
        clause_rules.HEDGED.search(lowered, *_clause(lowered, match))
        or clause_rules.NOT_YET_BEFORE.search(before)
        or clause_rules.NOT_YET_AFTER.match(lowered, match.end())
    )


def _in_procedure(lowered: str, match: re.Match[str]) -> bool:
    """Whether the phrase is the object of a procedure ("launched the procedure
    for admitting Iran and granting dialogue partner status to Egypt"): the
    status is on its way, which is `applied`."""
    start = max(0, match.start() - clause_rules.IN_PROCEDURE_WINDOW)
    return clause_rules.IN_PROCEDURE.search(lowered, start, match.start()) is not None


def _clause(lowered: str, match: re.Match[str]) -> tuple[int, int]:
    """The span of the clause holding the phrase: from the break before it to
    the break after it ("Iran applied in 2015 … but its prospects are dim": the
    prospects are another clause's)."""
    start = max(
        (
            b.end()
            for b in clause_rules.CLAUSE_BREAK.finditer(lowered, 0, match.start())
        ),
        default=0,
    )
    after = clause_rules.CLAUSE_BREAK.search(lowered, match.end())
    return start, after.start() if after else len(lowered)


def _elsewhere(text: str, match: re.Match[str]) -> bool:
    """True when the step is in another organization, named after the phrase
    ("Iran became a full member of BRICS", "the admission of Egypt to BRICS")
    when the phrase itself does not name the SCO."""
    if organizations_rules.SCO.search(text, match.start(), match.end()):
        return False
    return clause_rules.OF_OTHER.match(text, match.end()) is not None


def _event(
    event: str,
    lowered: str,
    match: re.Match[str],
    when: str | None,
    page: Page,
    previous: str = "",
) -> str | None:
    """The event a pattern's phrase reports. An admission's is the status named
    after it, else the status whose admission the sentence before reports, else
    joined; a joining "in principle" is applied, one in the SCO's founding year
    a founder's (no event). A request is applied, and so is signing "the
    memorandum" on a page that names a memorandum of obligations. A partner
    before PARTNER_STATUS_YEAR is a dialogue partner, and a dialogue partner
    from it the SCO partner: the date of the step, else the page's era, decides;
    the bare word with neither gives no event."""
    if event == "request":
        return "applied"
    if event == "memorandum":
        return "applied" if page.obligations else None
    if event == "admitted":
        event = _admitted(lowered, match, previous)
    if event == "joined":
        if when is not None and int(when[:4]) <= rules.FOUNDING_YEAR:
            return None
        clause = lowered[max(0, match.start() - WINDOW) : match.end() + WINDOW]
        return "applied" if clause_rules.IN_PRINCIPLE.search(clause) else event
    if event not in {"partner", "dialogue-partner"}:
        return event
    year = int(when[:4]) if when else page.era
    if year is None:
        return None if event == "partner" else event
    return "partner" if year >= rules.PARTNER_STATUS_YEAR else "dialogue-partner"


def _admitted(lowered: str, match: re.Match[str], previous: str) -> str:
    """The status an admission names after it in its clause, else the one
    whose admission the sentence before reports, else membership."""
    named = clause_rules.STATUS_NAMED.match(lowered, match.end())
    if named is None and clause_rules.STATUS_NAMED.match(
        lowered[: match.end()], match.start()
    ):  # the phrase names it: "joined as a dialogue partner"
        named = clause_rules.STATUS_NAMED.match(lowered[: match.end()], match.start())
    if named is None and not clause_rules.STATUS_NAMED.search(lowered):
        named = clause_rules.STATUS_ADMITTED.search(folded(previous))
    return clause_rules.STATUS_EVENTS[named.group(1)] if named else "joined"


def _same_status(items: list[Item]) -> list[Item]:
    """Items of event "same" ("received the same status") with the event reported
    last before them in the sentence; dropped when there is none."""
    if not any(item["event"] == "same" for item in items):
        return items
    ordered = sorted(items, key=lambda item: item["evidence"][0][0])
    resolved: list[Item] = []
    last: str | None = None
    for item in ordered:
        if item["event"] != "same":
            last = item["event"]
            resolved.append(item)
        elif last is not None:
            resolved.append({**item, "event": last})
    return resolved


def _date(
    found: Sequence[timex.Timex], lowered: str, match: re.Match[str]
) -> str | None:
    """The date nearest the phrase in its clause: another clause's date is
    another step's ("Iran became an observer in July 2005, but has continued to
    pursue full membership")."""
    start, end = _clause(lowered, match)
    return date_near([t for t in found if start <= t.start < end], match.start())


def _years_ago(lowered: str, match: re.Match[str], ref: date | None) -> str | None:
    """The year a phrase's clause dates by how long ago it was ("submitted its
    application 15 years ago"), counted back from the page's day."""
    if ref is None or " ago" not in lowered:
        return None
    ago = clause_rules.YEARS_AGO.search(lowered, *_clause(lowered, match))
    if ago is None:
        return None
    count = ago.group(1)
    years = int(count) if count.isdigit() else clause_rules.YEARS_COUNT[count]
    return str(ref.year - years)


def date_near(found: Sequence[timex.Timex], position: int) -> str | None:
    """The date expression nearest sentence offset `position`."""
    if not found:
        return None
    return min(found, key=lambda t: abs(t.start - position)).value
