"""Steps in a state's SCO status the text reports (facts["membership"]).

Each phrase of rules.MEMBERSHIP_PATTERNS names an event and the side on which
its states stand ("Iran became a full member": before; "expansion to include
India and Pakistan": after); the states are the list of state mentions next to
the phrase in its clause. A founding member named as such is a standing status,
not an event.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from scotrack.ingest.classifiers import features as feature_words
from scotrack.ingest.classifiers.candidates import RULE, Candidate, aggregated, kept
from scotrack.ingest.classifiers.linear import Features, model
from scotrack.ingest.document import CleanDocument, Item, Mention, Sentence, Stage
from scotrack.ingest.facts import timex
from scotrack.ingest.facts.clauses import Keywords, MentionIndex
from scotrack.ingest.lexicon import membership as rules
from scotrack.ingest.lexicon import organizations as organizations_rules
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
_EVENT_CUES = Keywords((word, True) for word in rules.EVENT_CUE_WORDS)
_WINDOW = 70
_SUBJECT_START = 4


def membership(doc: CleanDocument) -> list[Item]:
    """One item per state, event and year, from the candidates the model keeps."""
    chosen = kept(aggregated(candidates(doc)), model("membership"))
    return _merged_dates([c.item for c in chosen])


def candidates(doc: CleanDocument) -> list[Candidate]:
    """Every (state named, event cued) pair of the sentences that may report a
    step, with the features the membership model judges it by."""
    index = MentionIndex.of(doc.mentions)
    ref = timex.reference_day(doc.reference_date())
    partner_year = ref.year if ref else None
    era = partner_year or _likeliest_year(doc.text)
    title = (doc.metadata.title or "").strip()
    found: list[Candidate] = []
    cues = _CUES.by_sentence(doc.text, doc.sentences)
    event_cues = _EVENT_CUES.by_sentence(doc.text, doc.sentences)
    for number, (sent, numbers) in enumerate(zip(doc.sentences, cues, strict=True)):
        if not numbers and not event_cues[number]:
            continue
        mentions = index.between(sent.start, sent.end)
        states = [m for m in mentions if m.kind == "state"]
        if not states:
            continue
        lowered = folded(sent.text)
        events = _cued_events(lowered, partner_year) if event_cues[number] else []
        rule_spans = {
            (item["state"], item["event"]): tuple(item["evidence"][0])
            for item in _sentence_events(sent, numbers, index, ref, era)
        }
        if not events and not rule_spans:
            continue
        rule_hits = set(rule_spans)
        dates = timex.timexes(sent.text, ref)
        toks = feature_words.tokens(sent, mentions)
        context = _SentenceContext(
            sent, lowered, toks, states, rule_hits, number, sent.text.strip() == title
        )
        for state in states:
            ruled = {event for code, event in rule_hits if code == state.value}
            cued = [
                (event, cue.start(), cue.end())
                for event, cue in _nearest_cues(events, state, sent.start)
                if not ruled or event in ruled  # a precise rule knows the event
            ]
            cued += [
                (event, start - sent.start, end - sent.start)
                for (code, event), (start, end) in rule_spans.items()
                if code == state.value and event not in {e for e, _, _ in cued}
            ]
            for event, cue_start, cue_end in cued:
                item = {
                    "state": state.value,
                    "event": event,
                    "date": _date_near(dates, cue_start),
                    "evidence": [[sent.start, sent.end], [state.start, state.end]],
                }
                features = _features(context, state, event, cue_start, cue_end)
                found.append(Candidate(item, features, (state.value, event)))
    return found


def _cued_events(
    lowered: str, year: int | None
) -> list[tuple[str, list[re.Match[str]]]]:
    """The events a sentence cues, with the cue matches; "partner" is the 2025
    status only in a page of 2025 or later (or undated), else a dialogue partner."""
    events = []
    for event, pattern in rules.EVENT_CUE_PATTERNS:
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
    toks: list[feature_words.Token]
    states: list[Mention]
    rule_hits: set[tuple[str, str]]
    number: int
    is_title: bool


def _features(
    ctx: _SentenceContext, state: Mention, event: str, start: int, end: int
) -> Features:
    """What the model knows of one candidate whose cue is at sentence offsets
    start..end (see the module docs)."""
    offset = ctx.sent.start
    cue_start, cue_end = offset + start, offset + end
    toks = ctx.toks
    s_index = feature_words.index_at(toks, state.start)
    c_index = feature_words.index_at(toks, cue_start)
    c_last = feature_words.index_at(toks, cue_end - 1)
    e = f"e={event}"
    features: Features = {e: 1.0, "bias2": 1.0}
    cue_word = " ".join(ctx.lowered[start:end].split()[:3])
    features[f"{e}|cue={cue_word}"] = 1.0
    before = state.end <= cue_start
    features[f"{e}|dir={'state<cue' if before else 'cue<state'}"] = 1.0
    low, high = (s_index + 1, c_index) if before else (c_last + 1, s_index)
    between = [t.text for t in toks[low:high]]
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
    previous = toks[c_index - 1].text if c_index > 0 else "^"
    following = toks[c_last + 1].text if c_last + 1 < len(toks) else "$"
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
    for name, pattern in (
        ("future", rules.FUTURE),
        ("negation", rules.NEGATION),
        ("standing", rules.STANDING),
        ("since", rules.SINCE),
    ):
        if pattern.search(ctx.lowered):
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


def _sentence_events(
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


def _likeliest_year(text: str) -> int | None:
    """The year an undated page names most often (the latest of equals): the
    era it speaks from, as far as the words "partner" need one."""
    years = Counter(int(m.group()) for m in rules.YEAR.finditer(text))
    if not years:
        return None
    return max(years, key=lambda year: (years[year], year))


def _not_yet(lowered: str, match: re.Match[str]) -> bool:
    """True when the clause of the phrase speaks of a step not (yet) taken: a
    future, a hope or a negation ("are expected to decide on the accession of"),
    or the sentence of what may come (rules.HEDGED)."""
    before = lowered[max(0, match.start() - rules.NOT_YET_WINDOW) : match.start()]
    return bool(
        rules.HEDGED.search(lowered)
        or rules.NOT_YET_BEFORE.search(before)
        or rules.NOT_YET_AFTER.match(lowered, match.end())
    )


def _elsewhere(text: str, match: re.Match[str]) -> bool:
    """True when the step is in another organization, named after the phrase
    ("Iran became a full member of BRICS", "the admission of Egypt to BRICS")
    when the phrase itself does not name the SCO."""
    if organizations_rules.SCO.search(text, match.start(), match.end()):
        return False
    return rules.OF_OTHER.match(text, match.end()) is not None


def _event(
    event: str, lowered: str, match: re.Match[str], when: str | None, era: int | None
) -> str | None:
    """The event a pattern's phrase reports. An admission's is the status named
    after it (joined when none is); a joining "in principle" is applied. A
    partner before PARTNER_STATUS_YEAR is a dialogue partner, and a dialogue
    partner from it the SCO partner: the date of the step, else the page's era,
    decides; the bare word with neither gives no event."""
    if event == "admitted":
        named = rules.STATUS_NAMED.match(lowered, match.end())
        event = rules.STATUS_EVENTS[named.group(1)] if named else "joined"
    if event == "joined":
        clause = lowered[max(0, match.start() - _WINDOW) : match.end() + _WINDOW]
        return "applied" if rules.IN_PRINCIPLE.search(clause) else event
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
        if listed and not rules.LIST_GAP.match(gap):
            break
        if not listed and len(gap) > 45:
            break
        listed.append(mention)
        edge = start if before else end
    return listed


def _date(dates: list[timex.Timex], match: re.Match[str]) -> str | None:
    return _date_near(dates, match.start())


def _date_near(dates: list[timex.Timex], position: int) -> str | None:
    """The date expression nearest sentence offset `position`."""
    if not dates:
        return None
    return min(dates, key=lambda t: abs(t.start - position)).value


def find_membership(doc: CleanDocument) -> CleanDocument:
    doc.facts["membership"] = membership(doc)
    return doc


STAGE = Stage(
    name="membership",
    requires=("text", "metadata", "sentences", "mentions"),
    provides=("facts.membership",),
    run=find_membership,
)
