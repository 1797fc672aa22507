"""Agreements the text says were proposed, adopted, signed, ratified or entered
into force (facts["agreements"]): one item per (agreement, action).

An agreement noun ("treaty", "joint communique", "list of measures") is expanded
to the name the text uses (its modifiers and an "on/of/against ..." complement,
minus qualifiers like "the world's first"); its action is the nearest action verb
of its clause (a passive or "entered into force" after it wins). Initiatives and
agreements mentioned without an action ("followed the Charter") are left out.
"""

from __future__ import annotations

import re
from datetime import date

from scotrack.ingest import lexicon, timex
from scotrack.ingest.clauses import Keywords, MentionIndex, folded, folded_pattern
from scotrack.ingest.document import CleanDocument, Item, Sentence, Stage

_NOUN = folded_pattern(rf"\b(?:{lexicon.AGREEMENT_NOUNS})(?P<plural>s)?\b")
_NOUN_CUES = Keywords((word, True) for word in lexicon.AGREEMENT_NOUN_CUES)
_CAPITALIZED_ONLY = re.compile(
    r"^(?:strategy|concept|statement|program|programme|protocol|road ?map|regulations?"
    r"|charter|action plan|plan of action)$",
    re.IGNORECASE,
)
_ACTIONS = tuple(
    (action, folded_pattern(pattern)) for action, pattern in lexicon.AGREEMENT_ACTIONS
)
_PROPOSAL = folded_pattern(lexicon.AGREEMENT_PROPOSAL)
_STOP = re.compile(lexicon.AGREEMENT_STOP)
_COMPLEMENT = re.compile(
    r"\s+(?:on|of|against|for|between|among|concerning|in the field of)\s+",
    re.IGNORECASE,
)
_INITIATIVE = re.compile(lexicon.INITIATIVE_WORDS, re.IGNORECASE)
_PASSIVE = folded_pattern(
    r"^\s*(?:,\s*)?(?:which\s+)?(?:was|were|has been|have been|had been|is|are|being|"
    r"to be|will be|,)?\s*(?:\w+ly\s+)?"
)
_LIST_START = re.compile(r"\b(?:between|among|by)\b")
_NAMELY = re.compile(r"\b(?:namely|including)\b")
_WORD = re.compile(r"[\w'\u2019-]+")
_LEFT_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "which",
        "by",
        "in",
        "on",
        "at",
        "to",
        "of",
        "and",
        "or",
        "with",
        "was",
        "were",
        "has",
        "have",
        "had",
        "is",
        "are",
        "be",
        "been",
        "first",
        "world's",
        "world\u2019s",
        "said",
        "will",
        "would",
        "also",
        "new",
        "signed",
        "adopted",
        "approved",
        "ratified",
        "proposed",
        "endorsed",
        "issued",
        "inked",
        "concluded",
        "signing",
        "approve",
        "approving",
        "sign",
        "adopt",
        "ratify",
        "draft",
    ]
)
_MAX_COMPLEMENT = 9
_LEFT_WINDOW = 90


def agreements(doc: CleanDocument) -> list[Item]:
    """One item per (agreement, action) with the place and date of its meeting."""
    ref = timex.reference_day(doc.reference_date())
    index = MentionIndex(doc.mentions)
    meetings = doc.facts.get("meetings", [])
    found: dict[tuple[str, str], Item] = {}
    previous: Sentence | None = None
    cues = _NOUN_CUES.by_sentence(doc.text, doc.sentences)
    for sent, cued in zip(doc.sentences, cues, strict=True):
        for match in _NOUN.finditer(folded(sent.text)) if cued else ():
            item = _agreement(sent, match, index, meetings, previous, ref)
            if item is None:
                continue
            key = (item["title"].lower(), item["action"])
            if key in found:
                found[key]["evidence"].extend(item["evidence"])
            else:
                found[key] = item
        previous = sent
    return list(found.values())


def _agreement(
    sent: Sentence,
    match: re.Match[str],
    index: MentionIndex,
    meetings: list[Item],
    previous: Sentence | None,
    ref: date | None,
) -> Item | None:
    text = sent.text
    noun = text[match.start() : match.end()]
    if match.group("plural") and not noun.lower().startswith("regulation"):
        return None
    before = text[max(0, match.start() - 6) : match.start()].lower()
    generic = _CAPITALIZED_ONLY.match(noun) and not noun[0].isupper()
    if generic and not before.endswith("joint "):
        return None
    start = _title_start(text, match.start())
    end = _title_end(text, match.end())
    title = text[start:end]
    if _INITIATIVE.search(title):
        return None
    action = _action(text, start, end)
    if action is None:
        return None
    meeting = _meeting_of(sent, meetings) or (
        _meeting_of(previous, meetings) if previous else None
    )
    when = meeting.get("date") if meeting else None
    if when is None:
        near = timex.timexes(text, ref)
        when = near[0].value if near else None
    return {
        "title": title,
        "action": action,
        "date": when,
        "place": meeting.get("city") if meeting else None,
        "parties": _parties(sent, index, end),
        "evidence": [[sent.start + start, sent.start + end]],
    }


def _title_start(text: str, noun_start: int) -> int:
    """Walk left over the noun's modifiers ("SCO anti-extremism", "joint")."""
    start = noun_start
    words = list(_WORD.finditer(text, max(0, noun_start - 60), noun_start))
    for word in reversed(words[-6:]):
        token = word.group(0)
        if token.lower() in _LEFT_STOP or token[0].isdigit():
            break
        if text[word.end() : start].strip():
            break
        start = word.start()
    return start


def _title_end(text: str, noun_end: int) -> int:
    """Extend right over an "on/of/against ..." complement up to a clause stop."""
    end = noun_end
    complement = _COMPLEMENT.match(text, end)
    if complement is None:
        return end
    stop = _STOP.search(text, complement.end())
    limit = stop.start() if stop else len(text)
    words = list(_WORD.finditer(text, complement.end(), limit))[:_MAX_COMPLEMENT]
    return words[-1].end() if words else end


def _action(text: str, start: int, end: int) -> str | None:
    """The agreement's action: passive/entry-into-force after it, else the nearest
    action verb before it in its clause; a proposal to sign/draft makes it proposed."""
    lowered = folded(text)
    after = lowered[end : end + 60]
    lead = _PASSIVE.match(after)
    rest = after[lead.end() if lead else 0 :]
    for action, pattern in _ACTIONS:
        hit = pattern.match(rest)
        if hit:
            return action
    left = max(0, start - _LEFT_WINDOW)
    clause_start = max(text.rfind(";", left, start), text.rfind(". ", left, start))
    left = max(left, clause_start + 1)
    if _PROPOSAL.search(lowered, left, start):
        return "proposed"
    best: tuple[int, str] | None = None
    for action, pattern in _ACTIONS:
        for hit in pattern.finditer(lowered, left, start):
            if best is None or hit.start() > best[0]:
                best = (hit.start(), action)
    return best[1] if best else None


def _meeting_of(sent: Sentence | None, meetings: list[Item]) -> Item | None:
    if sent is None:
        return None
    for meeting in meetings:
        for span in meeting.get("evidence", []):
            if sent.start <= span[0] < sent.end:
                return meeting
    return None


def _parties(sent: Sentence, index: MentionIndex, end: int) -> list[str]:
    """States listed after "namely", "between", "among" or "by" in the sentence."""
    marker = _NAMELY.search(sent.text, end) or _LIST_START.search(sent.text, end)
    if marker is None:
        return []
    parties: list[str] = []
    for mention in index.between(sent.start + marker.end(), sent.end, ("state",)):
        if mention.value not in parties:
            parties.append(mention.value)
    return parties if len(parties) > 1 else []


def find_agreements(doc: CleanDocument) -> CleanDocument:
    doc.facts["agreements"] = agreements(doc)
    return doc


STAGE = Stage(
    name="agreements",
    requires=("text", "metadata", "sentences", "mentions", "facts.meetings"),
    provides=("facts.agreements",),
    run=find_agreements,
)
