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

from scotrack.ingest.classifiers import features as feature_words
from scotrack.ingest.classifiers.candidates import RULE, Candidate, aggregated, kept
from scotrack.ingest.classifiers.linear import Features, model
from scotrack.ingest.document import CleanDocument, Item, Mention, Sentence, Stage
from scotrack.ingest.facts import membership_steps as steps
from scotrack.ingest.facts import timex
from scotrack.ingest.facts.clauses import Keywords, MentionIndex
from scotrack.ingest.lexicon import membership as rules
from scotrack.ingest.lexicon import membership_cues as cue_rules
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
_EVENT_CUES = Keywords(
    (word, event) for event, words in cue_rules.EVENT_CUE_WORDS for word in words
)
"""Per sentence: the events whose cue words it holds."""


def membership(doc: CleanDocument) -> list[Item]:
    """One item per state, event and date, from the candidates the model keeps."""
    found = candidates(doc)
    chosen = kept(aggregated(found), model("membership"))
    ref = timex.reference_day(doc.reference_date())
    return [
        item
        for item in _merged_dates(_dated_steps([c.item for c in chosen], found))
        if not _after(item["date"], ref) and not _founded(item)
    ]


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
    summit on September 16" on September 9), which is not one. A month or a
    year alone may be last year's ("in November" in February)."""
    if when is None or ref is None or len(when) < len("YYYY-MM-DD"):
        return False
    return when > ref.isoformat()


def candidates(doc: CleanDocument) -> list[Candidate]:
    """Every (state named, event cued) pair of the sentences that may report a
    step, with the features the membership model judges it by."""
    index = MentionIndex.of(doc.mentions)
    ref = timex.reference_day(doc.reference_date())
    partner_year = ref.year if ref else None
    page = steps.page_of(doc.text, ref)
    title = (doc.metadata.title or "").strip()
    found: list[Candidate] = []
    sentences = _unwrapped(doc.text, doc.sentences)
    cues = _CUES.by_sentence(doc.text, sentences)
    event_cues = _EVENT_CUES.by_sentence(doc.text, sentences)
    for number, (sent, numbers) in enumerate(zip(sentences, cues, strict=True)):
        cued = event_cues[number]
        if not numbers and not cued:
            continue
        mentions = index.between(sent.start, sent.end)
        if not any(m.kind == "state" or m.state for m in mentions):
            continue
        previous = sentences[number - 1].text if number else ""
        rule_spans = {
            (item["state"], item["event"]): (
                *item["evidence"][0],
                item["date"],
                item["evidence"][1],
            )
            for item in steps.sentence_events(sent, numbers, index, page, previous)
        }
        states = [m for m in mentions if m.kind == "state"]
        states += _capitals(doc.text, states, rule_spans)
        if not states or (not cued and not rule_spans):
            continue
        lowered = folded(sent.text)
        events = _cued_events(lowered, partner_year, cued) if cued else []
        if not events and not rule_spans:
            continue
        context = _SentenceContext(
            sent,
            lowered,
            feature_words.tokens(sent, mentions),
            states,
            set(rule_spans),
            number,
            sent.text.strip() == title,
            [name for name, rule in cue_rules.CLUES if rule.search(lowered)],
        )
        for state in states:
            for event, cue_start, cue_end, when in _state_events(
                context, events, rule_spans, state, ref
            ):
                item = {
                    "state": state.value,
                    "event": event,
                    "date": when,
                    "evidence": [[sent.start, sent.end], [state.start, state.end]],
                }
                features = _features(context, state, event, cue_start, cue_end)
                found.append(Candidate(item, features, (state.value, event)))
    return found


def _state_events(
    ctx: _SentenceContext,
    events: list[tuple[str, list[re.Match[str]]]],
    rule_spans: dict[tuple[str, str], tuple[int, int, str | None, list[int]]],
    state: Mention,
    ref: date | None,
) -> list[tuple[str, int, int, str | None]]:
    """(event, cue start, cue end, date) of each event the sentence cues or a
    precise rule finds for `state`; cue offsets in the sentence."""
    sent = ctx.sent
    ruled = {event for code, event in ctx.rule_hits if code == state.value}
    cued = []
    for event, cue in _nearest_cues(events, state, sent.start):
        rule = rule_spans.get((state.value, event))
        if ruled and rule is None:
            continue  # a precise rule knows the event, and its date
        if rule is not None:
            when = rule[2]
        else:
            when = steps.date_near(steps.dates(sent.text, ref), cue.start())
        cued.append((event, cue.start(), cue.end(), when))
    cued += [
        (event, start - sent.start, end - sent.start, when)
        for (code, event), (start, end, when, _) in rule_spans.items()
        if code == state.value and event not in {c[0] for c in cued}
    ]
    return cued


def _capitals(
    text: str,
    states: list[Mention],
    rule_spans: dict[tuple[str, str], tuple[int, int, str | None, list[int]]],
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


@dataclass(frozen=True, slots=True)
class _SentenceContext:
    sent: Sentence
    lowered: str
    toks: feature_words.Tokens
    states: list[Mention]
    rule_hits: set[tuple[str, str]]
    number: int
    is_title: bool
    clues: list[str]
    """The names of the cue_rules.CLUES the sentence holds."""


def _features(
    ctx: _SentenceContext, state: Mention, event: str, start: int, end: int
) -> Features:
    """What the model knows of one candidate whose cue is at sentence offsets
    start..end (see the module docs)."""
    offset = ctx.sent.start
    cue_start, cue_end = offset + start, offset + end
    toks = ctx.toks.texts
    s_index = ctx.toks.index_at(state.start)
    c_index = ctx.toks.index_at(cue_start)
    c_last = ctx.toks.index_at(cue_end - 1)
    e = f"e={event}"
    features: Features = {e: 1.0, "bias2": 1.0}
    cue_word = " ".join(ctx.lowered[start:end].split()[:3])
    features[f"{e}|cue={cue_word}"] = 1.0
    before = state.end <= cue_start
    features[f"{e}|dir={'state<cue' if before else 'cue<state'}"] = 1.0
    low, high = (s_index + 1, c_index) if before else (c_last + 1, s_index)
    between = toks[low:high]
    distance = len(between)
    features[f"{e}|dist={feature_words.bucket(distance)}"] = 1.0
    features[f"dist={feature_words.bucket(distance)}"] = 1.0
    if distance <= 12:
        feature_words.add(features, f"{e}|bw", set(between))
        feature_words.add(features, "bw", set(between))
    if distance <= 5:
        gap = " ".join(between)
        side = "<" if before else ">"
        features[f"{e}|gap{side}{gap}"] = 1.0
        features[f"gap{side}{gap}"] = 1.0
    previous = toks[c_index - 1] if c_index > 0 else "^"
    following = toks[c_last + 1] if c_last + 1 < len(toks) else "$"
    features[f"{e}|cue2={previous} {cue_word} {following}"] = 1.0
    feature_words.add(
        features, f"{e}|cw", feature_words.window(toks, c_index, c_last + 1, 3)
    )
    feature_words.add(
        features, f"{e}|sw", feature_words.window(toks, s_index, s_index + 1, 2)
    )
    others = [m for m in ctx.states if m.value != state.value]
    closer = any(
        min(abs(m.start - cue_end), abs(cue_start - m.end))
        < min(abs(state.start - cue_end), abs(cue_start - state.end))
        for m in others
    )
    features[f"{e}|closer_other={closer}"] = 1.0
    features[f"{e}|states={feature_words.bucket(len(ctx.states))}"] = 1.0
    hit = (state.value, event) in ctx.rule_hits
    features[f"{e}|rule={hit}"] = 1.0
    if hit:
        features[RULE] = 1.0
    if any(s == state.value for s, _ in ctx.rule_hits):
        features["rule_other_event"] = 1.0
    for name in ctx.clues:
        features[f"{e}|{name}"] = 1.0
        features[name] = 1.0
    features[f"{e}|title={ctx.is_title}"] = 1.0
    if ctx.number < 3:
        features[f"{e}|lead"] = 1.0
    return features


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
