"""The precise rules of membership: the steps a sentence reports in so many words.

Each phrase of rules.MEMBERSHIP_PATTERNS names an event and the side on which
its states stand ("Iran became a full member": before; "expansion to include
India and Pakistan": after); the states are the list of state mentions next to
the phrase in its clause. A founding member named as such is a standing status,
not an event.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from scotrack.ingest.document import Item, Mention, Sentence
from scotrack.ingest.facts import timex
from scotrack.ingest.facts.clauses import MentionIndex
from scotrack.ingest.lexicon import membership as rules
from scotrack.ingest.lexicon import membership_clauses as clause_rules
from scotrack.ingest.lexicon import organizations as organizations_rules
from scotrack.ingest.lexicon.folding import folded

_WINDOW = 70
_SUBJECT_START = 4


def sentence_events(
    sent: Sentence,
    numbers: set[int],
    index: MentionIndex,
    ref: date | None,
    era: int | None = None,
) -> list[Item]:
    """Events of the patterns `numbers` (those whose cue words occur) in order;
    `era` is the year the page speaks from (see `_event`).

    A phrase whose states are found takes its words from later patterns even
    when it reports a step not (yet) taken, which gives no event."""
    items: list[Item] = []
    taken: list[tuple[int, int]] = []
    lowered = folded(sent.text)
    dates: list[timex.Timex] | None = None
    for number, (pattern_event, side, pattern) in enumerate(rules.PATTERNS):
        if number not in numbers:
            continue
        for match in pattern.finditer(lowered):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            states = _states(sent, lowered, index, match, side)
            if not states:
                continue  # a phrase without its states leaves the words to others
            taken.append(match.span())
            if _not_yet(lowered, match) or _elsewhere(sent.text, match):
                continue
            if dates is None:
                dates = timex.timexes(sent.text, ref)
            when = _date(dates, match)
            event = _event(pattern_event, lowered, match, when, era)
            if event is None:
                continue
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
    """The year an undated page names most often (the latest of equals): the
    era it speaks from, as far as the words "partner" need one."""
    years = Counter(int(m.group()) for m in rules.YEAR.finditer(text))
    if not years:
        return None
    return max(years, key=lambda year: (years[year], year))


def _not_yet(lowered: str, match: re.Match[str]) -> bool:
    """True when the clause of the phrase speaks of a step not (yet) taken: a
    future, a hope or a negation ("are expected to decide on the accession of"),
    or the sentence of what may come (clause_rules.HEDGED)."""
    before = lowered[
        max(0, match.start() - clause_rules.NOT_YET_WINDOW) : match.start()
    ]
    return bool(
        clause_rules.HEDGED.search(lowered)
        or clause_rules.NOT_YET_BEFORE.search(before)
        or clause_rules.NOT_YET_AFTER.match(lowered, match.end())
    )


def _elsewhere(text: str, match: re.Match[str]) -> bool:
    """True when the step is in another organization, named after the phrase
    ("Iran became a full member of BRICS", "the admission of Egypt to BRICS")
    when the phrase itself does not name the SCO."""
    if organizations_rules.SCO.search(text, match.start(), match.end()):
        return False
    return clause_rules.OF_OTHER.match(text, match.end()) is not None


def _event(
    event: str, lowered: str, match: re.Match[str], when: str | None, era: int | None
) -> str | None:
    """The event a pattern's phrase reports. An admission's is the status named
    after it (joined when none is); a joining "in principle" is applied. A
    partner before PARTNER_STATUS_YEAR is a dialogue partner, and a dialogue
    partner from it the SCO partner: the date of the step, else the page's era,
    decides; the bare word with neither gives no event."""
    if event == "admitted":
        named = clause_rules.STATUS_NAMED.match(lowered, match.end())
        event = clause_rules.STATUS_EVENTS[named.group(1)] if named else "joined"
    if event == "joined":
        clause = lowered[max(0, match.start() - _WINDOW) : match.end() + _WINDOW]
        return "applied" if clause_rules.IN_PRINCIPLE.search(clause) else event
    if event not in {"partner", "dialogue-partner"}:
        return event
    year = int(when[:4]) if when else era
    if year is None:
        return None if event == "partner" else event
    return "partner" if year >= rules.PARTNER_STATUS_YEAR else "dialogue-partner"


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


def _states(
    sent: Sentence, lowered: str, index: MentionIndex, match: re.Match[str], side: str
) -> list[Mention]:
    """The contiguous list of state mentions on `side` of the phrase."""
    text = sent.text
    if side == "within":  # "granting Azerbaijan the status of dialogue partner"
        listed = index.between(
            sent.start + match.start(), sent.start + match.end(), ("state",)
        )
    elif side == "before":
        left = max(0, match.start() - _WINDOW, text.rfind(";", 0, match.start()) + 1)
        mentions = index.between(
            sent.start + left, sent.start + match.start(), ("state",)
        )
        listed = _contiguous(
            text, sent.start, list(reversed(mentions)), match.start(), before=True
        ) or _subject(sent, index, match)
    else:
        right = min(len(text), match.end() + _WINDOW)
        mentions = index.between(
            sent.start + match.end(), sent.start + right, ("state",)
        )
        listed = _contiguous(text, sent.start, mentions, match.end(), before=False)
    clause = lowered[max(0, match.start() - 40) : match.end() + 40]
    return [] if rules.NEGATIVE.search(clause) else listed


def _subject(
    sent: Sentence, index: MentionIndex, match: re.Match[str]
) -> list[Mention]:
    """The state opening the sentence, when it is the only one before the phrase:
    the subject of a long sentence ("Azerbaijan's contacts with the organization
    date back to 2012, when President Ilham Aliyev sent a letter to the SCO asking
    for observer status")."""
    mentions = index.between(sent.start, sent.start + match.start(), ("state",))
    if len(mentions) == 1 and mentions[0].start - sent.start <= _SUBJECT_START:
        return mentions
    return []


def _contiguous(
    text: str, offset: int, mentions: list[Mention], anchor: int, *, before: bool
) -> list[Mention]:
    listed: list[Mention] = []
    edge = anchor
    for mention in mentions:
        start, end = mention.start - offset, mention.end - offset
        gap = text[end:edge] if before else text[edge:start]
        if listed and not clause_rules.LIST_GAP.match(gap):
            break
        if not listed and len(gap) > 45:
            break
        listed.append(mention)
        edge = start if before else end
    return listed


def _date(dates: list[timex.Timex], match: re.Match[str]) -> str | None:
    return date_near(dates, match.start())


def date_near(dates: list[timex.Timex], position: int) -> str | None:
    """The date expression nearest sentence offset `position`."""
    if not dates:
        return None
    return min(dates, key=lambda t: abs(t.start - position)).value
