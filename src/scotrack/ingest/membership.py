"""Steps in a state's SCO status the text reports (facts["membership"]).

Each phrase of lexicon.MEMBERSHIP_PATTERNS names an event and the side on which
its states stand ("Iran became a full member": before; "expansion to include
India and Pakistan": after); the states are the list of state mentions next to
the phrase in its clause. A founding member named as such is a standing status,
not an event.
"""

from __future__ import annotations

import re
from datetime import date

from scotrack.ingest import lexicon, timex
from scotrack.ingest.clauses import MentionIndex
from scotrack.ingest.document import CleanDocument, Item, Mention, Sentence, Stage

_PATTERNS = tuple(
    (event, side, re.compile(pattern, re.IGNORECASE))
    for event, side, pattern in lexicon.MEMBERSHIP_PATTERNS
)
_NEGATIVE = re.compile(lexicon.MEMBERSHIP_NEGATIVE, re.IGNORECASE)
_CUE = re.compile(
    r"member|observer|dialogue partner|accession|admi|join|appli|withdr|expan|enlarg"
    r"|memorand",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^(?:\s*(?:,|and|as well as|&)\s*)*$")
_WINDOW = 70


def membership(doc: CleanDocument) -> list[Item]:
    """One item per (state, event), dated by the sentence that reports it."""
    index = MentionIndex(doc.mentions)
    ref = timex.reference_day(doc.reference_date())
    found: dict[tuple[str, str], Item] = {}
    for sent in doc.sentences:
        if not _CUE.search(sent.text):
            continue
        for item in _sentence_events(sent, index, ref):
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
    sent: Sentence, index: MentionIndex, ref: date | None
) -> list[Item]:
    items: list[Item] = []
    taken: list[tuple[int, int]] = []
    for event, side, pattern in _PATTERNS:
        for match in pattern.finditer(sent.text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            states = _states(sent, index, match, side)
            if not states:
                continue
            when = _date(sent.text, match, ref)
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
    return items


def _states(
    sent: Sentence, index: MentionIndex, match: re.Match[str], side: str
) -> list[Mention]:
    """The contiguous list of state mentions on `side` of the phrase."""
    text = sent.text
    if side == "before":
        left = max(0, match.start() - _WINDOW, text.rfind(";", 0, match.start()) + 1)
        mentions = index.between(
            sent.start + left, sent.start + match.start(), ("state",)
        )
        listed = _contiguous(
            text, sent.start, list(reversed(mentions)), match.start(), before=True
        )
    else:
        right = min(len(text), match.end() + _WINDOW)
        mentions = index.between(
            sent.start + match.end(), sent.start + right, ("state",)
        )
        listed = _contiguous(text, sent.start, mentions, match.end(), before=False)
    clause = text[max(0, match.start() - 40) : match.end() + 40]
    return [] if _NEGATIVE.search(clause) else listed


def _contiguous(
    text: str, offset: int, mentions: list[Mention], anchor: int, *, before: bool
) -> list[Mention]:
    listed: list[Mention] = []
    edge = anchor
    for mention in mentions:
        start, end = mention.start - offset, mention.end - offset
        gap = text[end:edge] if before else text[edge:start]
        if listed and not _LIST_GAP.match(gap):
            break
        if not listed and len(gap) > 45:
            break
        listed.append(mention)
        edge = start if before else end
    return listed


def _date(text: str, match: re.Match[str], ref: date | None) -> str | None:
    found = timex.timexes(text, ref)
    if not found:
        return None
    return min(found, key=lambda t: abs(t.start - match.start())).value


def find_membership(doc: CleanDocument) -> CleanDocument:
    doc.facts["membership"] = membership(doc)
    return doc


STAGE = Stage(
    name="membership",
    requires=("text", "metadata", "sentences", "mentions"),
    provides=("facts.membership",),
    run=find_membership,
)
