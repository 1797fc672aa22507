"""Steps in a state's SCO status the text reports (facts["membership"]).

Each phrase of rules.MEMBERSHIP_PATTERNS names an event and the side on which
its states stand ("Iran became a full member": before; "expansion to include
India and Pakistan": after); the states are the list of state mentions next to
the phrase in its clause. A founding member named as such is a standing status,
not an event.
"""

from __future__ import annotations

import re
from datetime import date

from scotrack.ingest.document import CleanDocument, Item, Mention, Sentence, Stage
from scotrack.ingest.facts import timex
from scotrack.ingest.facts.clauses import Keywords, MentionIndex
from scotrack.ingest.lexicon import membership as rules
from scotrack.ingest.lexicon.folding import folded

_SENTENCE_CUE = -1
_CUES = Keywords(
    [
        *((word, _SENTENCE_CUE) for word in rules.MEMBERSHIP_CUES),
        *(
            (word, number)
            for number, (_, _, cues, _) in enumerate(rules.MEMBERSHIP_PATTERNS)
            for word in cues
        ),
    ]
)
"""Per sentence: _SENTENCE_CUE if it may report a status at all, and the numbers of
the patterns whose cue words it holds."""
_WINDOW = 70
_SUBJECT_START = 4


def membership(doc: CleanDocument) -> list[Item]:
    """One item per (state, event), dated by the sentence that reports it."""
    index = MentionIndex.of(doc.mentions)
    ref = timex.reference_day(doc.reference_date())
    found: dict[tuple[str, str], Item] = {}
    cues = _CUES.by_sentence(doc.text, doc.sentences)
    for sent, numbers in zip(doc.sentences, cues, strict=True):
        if _SENTENCE_CUE not in numbers:
            continue
        for item in _sentence_events(sent, numbers, index, ref):
            key = (item["state"], item["event"])
            known = found.get(key)
            if (
                known
                and known["date"]
                and item["date"]
                and known["date"] != item["date"]
            ):
                key = (item["state"], item["event"] + "@" + item["date"])
            if key in found:
                found[key]["evidence"].extend(item["evidence"])
                found[key]["date"] = found[key]["date"] or item["date"]
            else:
                found[key] = item
    return list(found.values())


def _sentence_events(
    sent: Sentence, numbers: set[int], index: MentionIndex, ref: date | None
) -> list[Item]:
    """Events of the patterns `numbers` (those whose cue words occur) in order."""
    items: list[Item] = []
    taken: list[tuple[int, int]] = []
    lowered = folded(sent.text)
    dates: list[timex.Timex] | None = None
    for number, (event, side, pattern) in enumerate(rules.PATTERNS):
        if number not in numbers:
            continue
        for match in pattern.finditer(lowered):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            states = _states(sent, lowered, index, match, side)
            if not states:
                continue  # a phrase without its states leaves the words to others
            taken.append(match.span())
            if dates is None:
                dates = timex.timexes(sent.text, ref)
            when = _date(dates, match)
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
        if listed and not rules.LIST_GAP.match(gap):
            break
        if not listed and len(gap) > 45:
            break
        listed.append(mention)
        edge = start if before else end
    return listed


def _date(dates: list[timex.Timex], match: re.Match[str]) -> str | None:
    if not dates:
        return None
    return min(dates, key=lambda t: abs(t.start - match.start())).value


def find_membership(doc: CleanDocument) -> CleanDocument:
    doc.facts["membership"] = membership(doc)
    return doc


STAGE = Stage(
    name="membership",
    requires=("text", "metadata", "sentences", "mentions"),
    provides=("facts.membership",),
    run=find_membership,
)
