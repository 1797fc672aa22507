"""Steps in a state's SCO status the text reports (facts["membership"]).

The precise rules (`membership_steps`) find the steps a sentence reports in so
many words; every (state named, event cued) pair of a sentence that may report
one is a candidate, and the membership model keeps those that are likely, the
precise rules' unless very unlikely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from scotrack.ingest import budget
from scotrack.ingest.classifiers import features as feature_words
from scotrack.ingest.classifiers.candidates import RULE, Candidate, aggregated, kept
from scotrack.ingest.classifiers.linear import model
from scotrack.ingest.document import CleanDocument, Item, Mention, Sentence, Stage
from scotrack.ingest.facts import membership_features as featured
from scotrack.ingest.facts import membership_steps as steps
from scotrack.ingest.facts import timex
from scotrack.ingest.facts.clauses import Keywords, MentionIndex
from scotrack.ingest.lexicon import membership as rules
from scotrack.ingest.lexicon import membership_cues as cue_rules
from scotrack.ingest.lexicon.folding import folded
from scotrack.ingest.read.sentences import MAX_SENTENCE

_Rule = tuple[int, int, str | None, list[int]]
"""A precise rule's finding: its phrase's start and end, its date, the state's span."""
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
_EVENT_CUES = Keywords(
    (word, event) for event, words in cue_rules.EVENT_CUE_WORDS for word in words
)
"""Per sentence: the events whose cue words it holds."""


def membership(doc: CleanDocument) -> list[Item]:
    """One item per state, event and date, from the candidates the model keeps
    (only theirs dated: a sentence's dates take longer to find than its cues)."""
    found = _found(doc)
    plain = [candidate for candidate, _, rostered in found if not rostered]
    chosen = kept(aggregated(plain), model("membership"))
    ref = timex.reference_day(doc.reference_date())
    items = _partners_by_date([_dated(candidate.item, found) for candidate in chosen])
    return [
        item
        for item in _merged_dates(_dated_steps(items, plain))
        if not _after(item["date"], ref) and not _founded(item)
    ]


def _dated(item: Item, found: list[_Found]) -> Item:
    """The item of a key dated as `aggregated` dates it: by the first of its
    candidates that has a date."""
    key = (item["state"], item["event"])
    for candidate, cue, _ in found:
        if candidate.key == key:
            when = cue.date() if cue is not None else candidate.item["date"]
            if when:
                return {**item, "date": when}
    return item


def _partners_by_date(items: list[Item]) -> list[Item]:
    """The items, a "partner" step dated before PARTNER_STATUS_YEAR a dialogue
    partner's (CONVENTIONS.md): an undated page may read as one of 2025 or later,
    but the step's own year says which status it was ("granted dialogue partner
    status ... on 4 and 5 May 2023"); merged into the state's dialogue partnership
    if it has one (#11)."""
    kept: list[Item] = []
    for item in items:
        when = item["date"]
        if (
            item["event"] == "partner"
            and when is not None
            and int(when[:4]) < rules.PARTNER_STATUS_YEAR
        ):
            item = {**item, "event": "dialogue-partner"}
            same = next(
                (
                    k
                    for k in kept
                    if (k["state"], k["event"]) == (item["state"], item["event"])
                ),
                None,
            )
            if same is not None:
                same["evidence"] = sorted(
                    same["evidence"]
                    + [s for s in item["evidence"] if s not in same["evidence"]]
                )
                same["date"] = same["date"] or when
                continue
        kept.append(item)
    return kept


def _founded(item: Item) -> bool:
    """Whether the item is a founder's joining, in the SCO's founding year or
    before (CONVENTIONS.md: no step)."""
    when = item["date"]
    return (
        item["event"] == "joined"
        and when is not None
        and int(when[:4]) <= rules.FOUNDING_YEAR
    )


def _after(when: str | None, ref: date | None) -> bool:
    """Whether a step dated to the day `when` comes after the day the page
    speaks from: a step still to be taken ("will receive the status at the
    summit on September 16" on September 9), which is not one; so does a year
    after the page's ("set to become a member next year"). A month may be last
    year's ("in November" in February)."""
    if when is None or ref is None:
        return False
    if len(when) == len("YYYY"):
        return int(when) > ref.year
    return len(when) >= len("YYYY-MM-DD") and when > ref.isoformat()


@dataclass(frozen=True, slots=True)
class _Cue:
    """Where a candidate's cue is, which dates it: the date nearest the cue."""

    text: str
    ref: date | None
    at: int

    def date(self) -> str | None:
        return steps.date_near(steps.dates(self.text, self.ref), self.at)


_Found = tuple[Candidate, _Cue | None, bool]
"""A candidate, its dating cue (none for a precise rule's), and whether its state
stands in a roster (`featured.in_roster`) with no rule's step: the stage does not
propose it, though the model learns from it (#11)."""


def candidates(doc: CleanDocument) -> list[Candidate]:
    """Every (state named, event cued) pair of the sentences that may report a
    step, with the features the membership model judges it by."""
    found = _found(doc)
    for candidate, cue, _ in found:
        if cue is not None:
            candidate.item["date"] = cue.date()
    return [candidate for candidate, _, _ in found]


def _found(doc: CleanDocument) -> list[_Found]:
    """The candidates, those a cue dates undated yet, with their cue and whether
    they stand in a roster."""
    index = MentionIndex.of(doc.mentions)
    ref = timex.reference_day(doc.reference_date())
    partner_year = ref.year if ref else None
    page = steps.page_of(doc.text, ref)
    title = (doc.metadata.title or "").strip()
    found: list[_Found] = []
    sentences = _unwrapped(doc.text, doc.sentences)
    cues = _CUES.by_sentence(doc.text, sentences)
    event_cues = _EVENT_CUES.by_sentence(doc.text, sentences)
    for number, (sent, numbers) in enumerate(zip(sentences, cues, strict=True)):
        budget.check()
        cued = event_cues[number]
        if not numbers and not cued:
            continue
        mentions = index.between(sent.start, sent.end)
        if not any(m.kind == "state" or m.state for m in mentions):
            continue
        previous = sentences[number - 1].text if number else ""
        blocked: set[str] = set()
        rule_spans = {
            (item["state"], item["event"]): (
                *item["evidence"][0],
                item["date"],
                item["evidence"][1],
            )
            for item in steps.sentence_events(
                sent, numbers, index, page, previous, blocked
            )
        }
        states = [m for m in mentions if m.kind == "state" and not _asked(sent, m)]
        if rule_spans:
            states += _capitals(doc.text, states, rule_spans)
        if not states or (not cued and not rule_spans):
            continue
        lowered = folded(sent.text)
        events = _cued_events(lowered, partner_year, cued) if cued else []
        if not events and not rule_spans:
            continue
        context = featured.SentenceContext(
            sent,
            lowered,
            feature_words.tokens(sent, mentions),
            states,
            set(rule_spans),
            number,
            sent.text.strip() == title,
            featured.clues(lowered),
            frozenset(blocked),
        )
        for state in states:
            ruled = {event for code, event in context.rule_hits if code == state.value}
            roster = featured.in_roster(context, state)
            for event, span, rule in _state_events(
                sent, events, rule_spans, state, ruled
            ):
                item = {
                    "state": state.value,
                    "event": event,
                    "date": rule[2] if rule else None,
                    "evidence": [[sent.start, sent.end], [state.start, state.end]],
                }
                features = featured.features(context, state, event, span, bool(ruled))
                if featured.DENIED in features:
                    continue  # a step its clause denies (#11)
                cue = None if rule else _Cue(sent.text, ref, span[0])
                candidate = Candidate(item, features, (state.value, event))
                found.append((candidate, cue, roster and rule is None))
    return found


def _asked(sent: Sentence, state: Mention) -> bool:
    """Whether the state is named in an indirect question ("asked whether Iran
    would join"): a step asked about is none the text reports."""
    lowered = folded(sent.text)
    if not any(word in lowered for word in ("whether", " if ", " when ")):
        return False
    at = state.start - sent.start
    return any(q.start() <= at < q.end() for q in cue_rules.QUESTION.finditer(lowered))


def _state_events(
    sent: Sentence,
    events: list[tuple[str, list[re.Match[str]]]],
    rule_spans: dict[tuple[str, str], _Rule],
    state: Mention,
    ruled: set[str],
) -> list[tuple[str, tuple[int, int], _Rule | None]]:
    """(event, cue span in the sentence, the precise rule's finding if any) of
    each event the sentence cues or a precise rule finds (`ruled`) for `state`."""
    cued: list[tuple[str, tuple[int, int], _Rule | None]] = []
    for event, cue in _nearest_cues(events, state, sent.start):
        rule = rule_spans.get((state.value, event))
        if ruled and rule is None:
            continue  # a precise rule knows the event, and its date
        cued.append((event, cue.span(), rule))
    cued += [
        (event, (rule[0] - sent.start, rule[1] - sent.start), rule)
        for (code, event), rule in rule_spans.items()
        if code == state.value and event not in {c[0] for c in cued}
    ]
    return cued


def _capitals(
    text: str,
    states: list[Mention],
    rule_spans: dict[tuple[str, str], _Rule],
) -> list[Mention]:
    """The states a precise rule found by their capitals' names alone ("Tehran's
    bid"), as mentions of the states."""
    named = {m.value for m in states}
    found: dict[str, Mention] = {}
    for (code, _), (*_, (start, end)) in rule_spans.items():
        if code not in named:
            found.setdefault(code, Mention(start, end, "state", code, text[start:end]))
    return list(found.values())


def _unwrapped(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences, a sentence broken by a hard line break made whole again
    (a line that ends with no stop, and a next that starts in lower case: "Pakistan
    has become a full" / "member of the SCO"); the break reads as a space."""
    whole: list[Sentence] = []
    for sent in sentences:
        last = whole[-1] if whole else None
        if (
            last is not None
            and sent.start - last.end == 1
            and text[last.end].isspace()
            and sent.text[:1].islower()
            and not rules.SENTENCE_END.search(last.text)
            and sent.end - last.start <= MAX_SENTENCE  # the cap stays (#18)
        ):
            joined = text[last.start : last.end] + " " + text[sent.start : sent.end]
            whole[-1] = Sentence(last.start, sent.end, joined)
        else:
            whole.append(sent)
    return whole


def _dated_steps(items: list[Item], found: list[Candidate]) -> list[Item]:
    """An item of an event taken in steps (an application: applying, the
    procedure launched, the memorandum signed, then ratified) split into one
    item a date, when the precise rules find it on dates that differ in
    different sentences ("applied for membership in 2008"; "signed the
    memorandum in September 2022"); a date and its refinement are one date
    ("2022", "September 2022"), the refinement kept. The undated evidence stays
    with the first."""
    split: list[Item] = []
    for item in items:
        key = (item["state"], item["event"])
        groups: list[list[Item]] = []
        if item["event"] in rules.STEPPED_EVENTS:
            for candidate in found:
                if candidate.key == key and RULE in candidate.features:
                    _grouped(groups, candidate.item)
        if len(groups) < 2:
            refined = [max((c["date"] for c in g), key=len) for g in groups]
            split.append({**item, "date": refined[0]} if refined else item)
            continue
        spans = [s for group in groups[1:] for c in group for s in c["evidence"]]
        for number, group in enumerate(groups):
            evidence = [s for c in group for s in c["evidence"]]
            if number == 0:
                evidence += [s for s in item["evidence"] if s not in spans]
            when = max((c["date"] for c in group), key=len)
            split.append(
                {
                    **item,
                    "date": when,
                    "evidence": sorted(map(list, set(map(tuple, evidence)))),
                }
            )
    return split


def _grouped(groups: list[list[Item]], item: Item) -> None:
    """`item` (if dated) into the first group whose every date is its date or a
    refinement of it, or the other way round; else into a group of its own."""
    when = item["date"]
    if not when:
        return
    for group in groups:
        if all(when.startswith(c["date"]) or c["date"].startswith(when) for c in group):
            group.append(item)
            return
    groups.append([item])


def _cued_events(
    lowered: str, year: int | None, cued: set[str]
) -> list[tuple[str, list[re.Match[str]]]]:
    """The events a sentence cues (of those whose cue words it holds, `cued`),
    with the cue matches; "partner" is the 2025 status only in a page of 2025 or
    later (or undated), else a dialogue partner."""
    events = []
    for event, pattern in cue_rules.EVENT_CUE_PATTERNS:
        if event not in cued:
            continue
        if event == "partner" and year is not None and year < rules.PARTNER_STATUS_YEAR:
            continue
        matches = list(pattern.finditer(lowered))
        if matches:
            events.append((event, matches))
    return events


def _nearest_cues(
    events: list[tuple[str, list[re.Match[str]]]], state: Mention, offset: int
) -> list[tuple[str, re.Match[str]]]:
    """For each cued event, its cue nearest the state (not inside the state's name)."""
    start, end = state.start - offset, state.end - offset
    chosen = []
    for event, matches in events:
        outside = [m for m in matches if m.end() <= start or m.start() >= end]
        if outside:
            nearest = min(
                outside, key=lambda m: min(abs(m.start() - end), abs(start - m.end()))
            )
            chosen.append((event, nearest))
    return chosen


def _merged_dates(items: list[Item]) -> list[Item]:
    """An undated step joins the dated one of the same state and event, if any."""
    dated = {(i["state"], i["event"]) for i in items if i["date"]}
    merged: list[Item] = []
    for item in items:
        if item["date"] is None and (item["state"], item["event"]) in dated:
            target = next(
                m
                for m in merged + items
                if m["date"]
                and (m["state"], m["event"]) == (item["state"], item["event"])
            )
            target["evidence"] = sorted(
                target["evidence"]
                + [s for s in item["evidence"] if s not in target["evidence"]]
            )
            continue
        merged.append(item)
    return merged


def find_membership(doc: CleanDocument) -> CleanDocument:
    doc.facts["membership"] = membership(doc)
    return doc


STAGE = Stage(
    name="membership",
    requires=("text", "metadata", "sentences", "mentions"),
    provides=("facts.membership",),
    run=find_membership,
)
