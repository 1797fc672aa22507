"""Proposals, pledges and calls by states, their leaders or the SCO jointly
(facts["commitments"]), one item per distinct measure (gold/NOTES.md).

Per sentence: speech frames ("Li said", "said Putin") and clause boundaries
(", suggesting", "; ") are found first; in each clause the first verb of
proposing, pledging or calling (lexicon) is a trigger, unless it names no
action (`commitment_triggers`, which also finds coordinated triggers and where
each complement ends). Its actor is found by `commitment_actors` (strictly,
for the precise rules) or `commitment_context` (loosely, for the model). The
complement is cut into distinct measures (clauses.conjuncts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz import fuzz

from scotrack.ingest import budget
from scotrack.ingest.classifiers.candidates import Candidate, aggregated, kept
from scotrack.ingest.classifiers.labels import normalised
from scotrack.ingest.classifiers.linear import model
from scotrack.ingest.document import CleanDocument, Item, Mention, Sentence, Stage
from scotrack.ingest.facts import commitment_features
from scotrack.ingest.facts.areas import sentence_prefixes
from scotrack.ingest.facts.clauses import (
    Keywords,
    MentionIndex,
    clause_starts,
    matches_at,
)
from scotrack.ingest.facts.commitment_actors import (
    frame_actor,
    strict_actor,
)
from scotrack.ingest.facts.commitment_context import (
    author,
    enumerated_speaker,
    first_person,
    hear,
    loose_actor,
    remember,
)
from scotrack.ingest.facts.commitment_details import items
from scotrack.ingest.facts.commitment_frames import frame_candidates
from scotrack.ingest.facts.commitment_lists import Announced, announce, points
from scotrack.ingest.facts.commitment_mentions import (
    PEOPLE,
    Actor,
    Context,
    Scan,
    group_starts,
    may_name_group,
    titled_people,
)
from scotrack.ingest.facts.commitment_triggers import (
    complement_end,
    joint_decision,
    no_action,
    triggers_in,
)
from scotrack.ingest.facts.speech_frames import frames
from scotrack.ingest.lexicon import commitments as rules
from scotrack.ingest.lexicon.folding import folded

_TRIGGER_STARTS = Keywords((word, True) for word in rules.TRIGGER_STARTS)


def commitments(doc: CleanDocument) -> list[Item]:
    """Every commitment of the document, in text order, with evidence: those of
    the core triggers, and those of the extended ones the model keeps."""
    chosen = _distinct(kept(aggregated(candidates(doc)), model("commitments")))
    return [c.item for c in sorted(chosen, key=_FIRST_SPAN)]


_ALIKE = 90
"""Two commitments of one actor whose normalised texts are this alike (whole
similarity) are one told twice (a headline and its lead, a repeated line).
Partial similarity would also join an umbrella proposal and a measure it
spells out, which are two entries (REVIEWING.md decision 6)."""


_ASCII_NORMAL = bytes(
    ord(chr(code).lower()) if chr(code).isalnum() else ord(" ") for code in range(256)
)
"""Each ASCII character as `normalised` writes it: lower case, or a space."""


def _normalised(text: str) -> str:
    """`normalised(text)`, at once for ASCII text (which NFKC leaves alone)."""
    if text.isascii():
        return " ".join(text.encode().translate(_ASCII_NORMAL).decode().split())
    return normalised(text)


def _distinct(chosen: list[Candidate]) -> list[Candidate]:
    """The candidates without those that repeat a likelier one of the same actor."""
    kept_: list[Candidate] = []
    by_actor: dict[str, list[tuple[Candidate, str | None]]] = {}
    for candidate in sorted(chosen, key=lambda c: -c.probability):
        same = by_actor.setdefault(candidate.item["actor"], [])
        if same:  # normalised only when there is another text to compare with
            text = _normalised(candidate.item["text"])
            for number, (other, known) in enumerate(same):
                if known is None:
                    known = _normalised(other.item["text"])
                    same[number] = (other, known)
                if fuzz.ratio(text, known) >= _ALIKE:
                    break
            else:
                same.append((candidate, text))
                kept_.append(candidate)
        else:
            same.append((candidate, None))
            kept_.append(candidate)
    return kept_


def candidates(doc: CleanDocument) -> list[Candidate]:
    """The commitments the triggers find, each with its features: a core
    trigger's (rules.TRIGGER's call, proposal, pledge and should groups) marked
    as a precise rule's, an extended trigger's (the x- groups) left to the
    model; an extended one that overlaps a core one is dropped."""
    index = MentionIndex.of(doc.mentions)
    ctx = Context()
    for person in doc.facts.get("people", []):
        if person.get("name"):
            ctx.people[person["name"]] = (person.get("state"), person.get("role"))
    PEOPLE.clear()
    PEOPLE.update(ctx.people)
    for name, state in titled_people(doc.text, doc.mentions).items():
        ctx.people[name] = (state, ctx.people.get(name, (None, None))[1])
        PEOPLE[name] = ctx.people[name]
    found: list[Candidate] = []
    sents = doc.sentences
    ctx.author = author(doc, index)
    title = (doc.metadata.title or "").strip()
    starts = _TRIGGER_STARTS.at_by_sentence(doc.text, sents)
    prefixes = sentence_prefixes(doc.text, sents)
    announced = Announced()
    for number, sent in enumerate(sents):
        budget.check()
        mentions = index.between(sent.start, sent.end)
        if title and sent.text.strip() == title:
            continue
        following = sents[number + 1].text if number + 1 < len(sents) else ""
        core: list[Candidate] = []
        extended: list[Candidate] = []
        if starts[number]:
            core, extended = _sentence(
                sent,
                mentions,
                ctx,
                following,
                prefixes[number],
                number,
                sorted(starts[number]),
            )
        if not core:
            core = points(announced, sent, following, number)
        named = first_person(mentions)
        announce(announced, sent, core, named, number)
        ctx.speakers = {c.item["speaker"] or c.item["actor"] for c in core}
        both = core + extended
        hear(ctx, sent, named, both, number)
        found += both
        taken = {c.item["actor"] for c in both}
        found += frame_candidates(sent, mentions, number, following, taken)
        remember(ctx, sent, mentions, named, number)
    return found


def _overlap(a: list[int], b: list[int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _first_span(candidate: Candidate) -> int:
    return int(candidate.item["evidence"][0][0])


_FIRST_SPAN = _first_span


def _sentence(
    sent: Sentence,
    mentions: list[Mention],
    ctx: Context,
    following: str,
    prefixes: dict[int, set[int]] | None,
    number: int,
    starts: list[int],
) -> tuple[list[Candidate], list[Candidate]]:
    """The candidates of one sentence: its core triggers' (precise rules), then
    those of every trigger with a loose actor allowed, minus any that overlaps a
    core one (the model's). `starts`: where one of rules.TRIGGER_STARTS occurs,
    the only places a trigger may begin."""
    text = sent.text
    lowered = folded(text)
    every = matches_at(rules.TRIGGER, lowered, starts)
    if not every:
        return [], []
    sent_frames = frames(text, sent.start, mentions)
    framed = frame_actor(sent_frames, ctx)
    ctx.framing = framed.speaker if framed is not None else None
    bounds = sorted({*clause_starts(text), *(f.start for f in sent_frames), len(text)})
    core_triggers = [
        t
        for t in every
        if t.lastgroup not in rules.EXTENDED_KINDS and not _gerund_alone(t, bounds)
    ]
    grouped = may_name_group(lowered)
    groups = group_starts(lowered) if grouped else []
    shared = _Shared(sent, mentions, ctx, following, number, framed, bounds)
    scan = Scan(lowered, core_triggers, starts, grouped, groups, prefixes)
    core = _pass(shared, scan, False) if core_triggers else []
    shared.taken = [span for c in core for span in c.item["evidence"]]
    scan.triggers = every
    return core, _pass(shared, scan, True)


def _gerund_alone(trigger: re.Match[str], bounds: list[int]) -> bool:
    """Whether a trigger in -ing is no participial clause of its own (a list of
    purposes: "aims at ... encouraging cooperation"): a precise rule takes
    only ", calling for ..." and the like, and a progressive ("is calling on")."""
    return (
        trigger.group().split()[0].endswith("ing")
        and not any(0 <= trigger.start() - bound <= _CLAUSE_OPENING for bound in bounds)
        and not rules.PROGRESSIVE.search(trigger.string, 0, trigger.start())
    )


_CLAUSE_OPENING = 6
"""At most this many characters (", and ") between a clause start and its verb."""

_Use = tuple[int, int, str | None, int, Actor | None]
"""A trigger (start, end, group) with an offset (its clause's start, or its
complement's end) and an actor (its clause's main one, or its own)."""


@dataclass(slots=True)
class _Shared:
    """One sentence as both passes read it, and what the core pass leaves the
    extended one, which meets the same triggers again."""

    sent: Sentence
    mentions: list[Mention]
    ctx: Context
    following: str
    number: int
    framed: Actor | None
    bounds: list[int]
    actors: dict[_Use, Actor | None] = field(default_factory=dict)
    """`strict_actor` of a trigger in a clause, with the clause's main actor."""
    idle: dict[tuple[int, int], bool] = field(default_factory=dict)
    """`no_action` of a trigger, by its span."""
    done: set[_Use] = field(default_factory=set)
    """The triggers, complements' ends and actors the core pass made items of:
    the extended pass would make the same items, which overlap them."""
    taken: list[list[int]] = field(default_factory=list)
    """The evidence of the core pass's candidates."""

    def strict(
        self, scan: Scan, trigger: re.Match[str], clause: int, main: Actor | None
    ) -> Actor | None:
        """`strict_actor`, found once for both passes."""
        use = (trigger.start(), trigger.end(), trigger.lastgroup, clause, main)
        if use not in self.actors:
            sent, framed = self.sent, self.framed
            self.actors[use] = strict_actor(
                sent.text,
                scan,
                sent,
                self.mentions,
                self.ctx,
                trigger,
                clause,
                framed,
                main,
            )
        return self.actors[use]

    def no_action(self, trigger: re.Match[str]) -> bool:
        """`no_action`, found once for both passes."""
        span = trigger.span()
        if span not in self.idle:
            self.idle[span] = no_action(self.sent.text, trigger)
        return self.idle[span]


def _pass(shared: _Shared, scan: Scan, extended: bool) -> list[Candidate]:
    """One pass over a sentence's clauses with the triggers of `scan`; the
    extended pass keeps only candidates that overlap none of the core pass's."""
    sent, ctx = shared.sent, shared.ctx
    text = sent.text
    found: list[Candidate] = []
    main: Actor | None = None
    for a, b in pairwise(shared.bounds):
        clause_triggers = triggers_in(text, scan, a, b, core=not extended)
        previous: Actor | None = None
        for number, trigger in enumerate(clause_triggers):
            if shared.no_action(trigger):
                continue
            decision = trigger.lastgroup == "decision" and not extended
            if previous is not None and rules.COORDINATED.search(
                text, a, trigger.start()
            ):  # "decided to ... and urged ...": one subject
                actor: Actor | None = previous
            else:
                actor = shared.strict(scan, trigger, a, main)
            if actor is None and not extended and a == 0:
                actor = enumerated_speaker(sent, ctx, trigger, shared.number)
            if actor is None and (extended or decision):
                actor = loose_actor(
                    sent, scan, shared.mentions, ctx, trigger, shared.framed, a
                )
            if actor is None or (decision and not joint_decision(text, trigger, actor)):
                continue
            main, previous = main or actor, actor
            end = complement_end(text, clause_triggers, number, b)
            made = (trigger.start(), trigger.end(), trigger.lastgroup, end, actor)
            if extended and made in shared.done:
                continue
            shared.done.add(made)
            for one in (actor, *actor.partners):
                for item in items(sent, scan, trigger, one, end, shared.following, ctx):
                    span = item["evidence"][0]
                    if extended and any(_overlap(span, t) for t in shared.taken):
                        continue
                    features = commitment_features.features(
                        sent,
                        scan.lowered,
                        trigger,
                        one.source,
                        item,
                        shared.number,
                        extended,
                    )
                    found.append(Candidate(item, features, (item["actor"], span[0])))
    return found


def find_commitments(doc: CleanDocument) -> CleanDocument:
    doc.facts["commitments"] = commitments(doc)
    return doc


STAGE = Stage(
    name="commitments",
    requires=("text", "metadata", "sentences", "mentions", "facts.people"),
    provides=("facts.commitments",),
    run=find_commitments,
)
