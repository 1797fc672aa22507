"""Proposals, pledges and calls by states, their leaders or the SCO jointly
(facts["commitments"]), one item per distinct measure (gold/NOTES.md).

Per sentence: speech frames ("Li said", "said Putin") and clause boundaries
(", suggesting", "; ") are found first; in each clause the first verb of
proposing, pledging or calling (lexicon) is a trigger. Its actor is the subject
before it (a leader, a state, the SCO's members or leaders, or a pronoun resolved
from the text so far); a modal "X should ..." counts only inside a speech frame.
The complement is cut into distinct measures (clauses.conjuncts). Experts and
the article's own voice are not actors; "<leader> will attend ..." is a schedule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from operator import attrgetter

from rapidfuzz import fuzz

from scotrack.data import raw_records
from scotrack.ingest.classifiers.candidates import Candidate, kept
from scotrack.ingest.classifiers.labels import normalised
from scotrack.ingest.classifiers.linear import model
from scotrack.ingest.document import CleanDocument, Item, Mention, Sentence, Stage
from scotrack.ingest.facts import commitment_features
from scotrack.ingest.facts.areas import sentence_prefixes
from scotrack.ingest.facts.clauses import (
    Frame,
    Keywords,
    MentionIndex,
    Segment,
    clause_starts,
    conjuncts,
    frames,
    matches_in,
    trimmed,
)
from scotrack.ingest.facts.commitment_details import area_of, target_of
from scotrack.ingest.lexicon import commitments as rules
from scotrack.ingest.lexicon.folding import fold, folded

_TRIGGER_CUES = Keywords((word, True) for word in rules.TRIGGER_CUES)


def _grouped(lowered: str) -> bool:
    """Whether folded text may hold a `rules.GROUP` match: one of its words occurs
    in it (a few `in` tests, far cheaper than searching for the pattern)."""
    for cue in rules.ACTOR_GROUP_CUES:  # noqa: SIM110 -- any() and a generator: twice the cost
        if cue in lowered:
            return True
    return False


_END = attrgetter("end")


@dataclass(slots=True)
class Context:
    """What earlier sentences say: who "he", "it" and "they" are."""

    person: Mention | None = None
    state: str | None = None
    they: str | None = None
    state_subject: bool = False
    speakers: set[str] = field(default_factory=set)
    recent: set[str] = field(default_factory=set)
    """Who spoke in the last few sentences (`_hear`)."""
    heard: dict[str, int] = field(default_factory=dict)
    """The number of the last sentence each speaker spoke in."""
    framing: str | None = None
    """The speaker of the current sentence's speech frame."""
    author: Mention | None = None
    """The person whose speech or article the document is (`_author`)."""
    people: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)


@dataclass(slots=True)
class Scan:
    """One sentence as the trigger rules read it: folded once, its triggers
    found once (`clauses.matches_in` gives each clause its share)."""

    lowered: str
    triggers: list[re.Match[str]]
    grouped: bool
    """Whether the sentence may name a group (`_grouped`)."""
    prefixes: dict[int, set[int]] | None
    """The sentence's `areas.sentence_prefixes`, for the commitments' areas."""


@dataclass(frozen=True, slots=True)
class Actor:
    actor: str
    speaker: str | None
    start: int
    end: int
    source: str = "subject"
    """How the actor was found (a feature of the commitment's candidate)."""
    partners: tuple[Actor, ...] = ()
    """The other actors of a coordinated subject ("China and Russia will ..."):
    each makes the same commitment, one entry each (CONVENTIONS.md)."""


@cache
def _leader_states() -> dict[str, str]:
    return {r["name"]: r["state"] for r in raw_records("people") if r.get("state")}


def commitments(doc: CleanDocument) -> list[Item]:
    """Every commitment of the document, in text order, with evidence: those of
    the core triggers, and those of the extended ones the model keeps."""
    chosen = _distinct(kept(candidates(doc), model("commitments")))
    return [c.item for c in sorted(chosen, key=_FIRST_SPAN)]


_ALIKE = 90
"""Two commitments of one actor whose normalised texts are this alike (whole
similarity) are one told twice (a headline and its lead, a repeated line).
Partial similarity would also join an umbrella proposal and a measure it
spells out, which are two entries (REVIEWING.md decision 6)."""


def _distinct(chosen: list[Candidate]) -> list[Candidate]:
    """The candidates without those that repeat a likelier one of the same actor."""
    kept_: list[tuple[Candidate, str]] = []
    for candidate in sorted(chosen, key=lambda c: -c.probability):
        text = normalised(candidate.item["text"])
        if not any(
            other.item["actor"] == candidate.item["actor"]
            and fuzz.ratio(text, known) >= _ALIKE
            for other, known in kept_
        ):
            kept_.append((candidate, text))
    return [candidate for candidate, _ in kept_]


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
    _PEOPLE.clear()
    _PEOPLE.update(ctx.people)
    found: list[Candidate] = []
    sents = doc.sentences
    ctx.author = _author(doc, index)
    title = (doc.metadata.title or "").strip()
    cues = _TRIGGER_CUES.by_sentence(doc.text, sents)
    prefixes = sentence_prefixes(doc.text, sents)
    for number, sent in enumerate(sents):
        mentions = index.between(sent.start, sent.end)
        if title and sent.text.strip() == title:
            continue
        following = sents[number + 1].text if number + 1 < len(sents) else ""
        core: list[Candidate] = []
        extended: list[Candidate] = []
        if cues[number]:
            core, extended = _sentence(
                sent, mentions, ctx, following, prefixes[number], number
            )
        ctx.speakers = {c.item["speaker"] or c.item["actor"] for c in core}
        _hear(ctx, sent, mentions, core + extended, number)
        found += core + extended
        _remember(ctx, sent, mentions)
    return found


def _author(doc: CleanDocument, index: MentionIndex) -> Mention | None:
    """The person of a state named with "speech", "remarks", "address" at the
    top of the document ("Speech by Premier ..."): its "we" and "should" are
    that person's."""
    top = doc.text[:_TOP]
    match = rules.AUTHORED.search(folded(top))
    if match is None:
        return None
    start, end = max(0, match.start() - 80), match.end() + 80
    people = [m for m in index.between(start, end, ("person",)) if _person_state(m)]
    return people[0] if people else None


_TOP = 400
"""How far into a document its headline and standfirst reach."""
_HEARD_FOR = 2
"""A speaker goes on for this many sentences ("Putin said ... . "We should ...")."""


def _hear(
    ctx: Context,
    sent: Sentence,
    mentions: list[Mention],
    found: list[Candidate],
    number: int,
) -> None:
    """Note who spoke in sentence `number`: its frame's speaker, a person of a
    state with a speech verb after it, and the speakers of its candidates
    (unless guessed from who the text spoke of last)."""
    for candidate in found:
        speaker = candidate.item["speaker"]
        if speaker and not any(k in candidate.features for k in _GUESSED):
            ctx.heard[speaker] = number
    if ctx.framing:
        ctx.heard[ctx.framing] = number
    ctx.framing = None
    people = [m for m in mentions if m.kind == "person" and _person_state(m)]
    if people and rules.SPEECH.search(sent.text, people[0].end - sent.start):
        ctx.heard[people[0].value] = number
    ctx.recent = {s for s, n in ctx.heard.items() if number - n < _HEARD_FOR}


_GUESSED = ("src=context-person", "src=context-they", "src=context-state")


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
) -> tuple[list[Candidate], list[Candidate]]:
    """The candidates of one sentence: its core triggers' (precise rules), then
    those of every trigger with a loose actor allowed, minus any that overlaps a
    core one (the model's)."""
    text = sent.text
    lowered = folded(text)
    every = list(rules.TRIGGER.finditer(lowered))
    if not every:
        return [], []
    sent_frames = frames(text, sent.start, mentions)
    framed = _frame_actor(sent_frames, ctx)
    ctx.framing = framed.speaker if framed is not None else None
    bounds = sorted({*clause_starts(text), *(f.start for f in sent_frames), len(text)})
    core_triggers = [
        t
        for t in every
        if t.lastgroup not in rules.EXTENDED_KINDS and not _gerund_alone(t, bounds)
    ]
    grouped = _grouped(lowered)
    core: list[Candidate] = []
    if core_triggers:
        scan = Scan(lowered, core_triggers, grouped, prefixes)
        core = _pass(
            sent, mentions, ctx, following, number, scan, framed, bounds, False
        )
    scan = Scan(lowered, every, grouped, prefixes)
    taken = [span for c in core for span in c.item["evidence"]]
    extended = [
        c
        for c in _pass(
            sent, mentions, ctx, following, number, scan, framed, bounds, True
        )
        if not any(_overlap(span, t) for span in c.item["evidence"] for t in taken)
    ]
    return core, extended


def _gerund_alone(trigger: re.Match[str], bounds: list[int]) -> bool:
    """Whether a trigger in -ing is no participial clause of its own (a list of
    purposes: "aims at ... encouraging cooperation"): a precise rule takes
    only ", calling for ..." and the like."""
    return trigger.group().endswith("ing") and not any(
        0 <= trigger.start() - bound <= _CLAUSE_OPENING for bound in bounds
    )


_CLAUSE_OPENING = 6
"""At most this many characters (", and ") between a clause start and its verb."""


def _pass(
    sent: Sentence,
    mentions: list[Mention],
    ctx: Context,
    following: str,
    number: int,
    scan: Scan,
    framed: Actor | None,
    bounds: list[int],
    extended: bool,
) -> list[Candidate]:
    """One pass over a sentence's clauses with the triggers of `scan`."""
    text = sent.text
    found: list[Candidate] = []
    main: Actor | None = None
    for a, b in pairwise(bounds):
        for trigger in _triggers(text, scan, a, b):
            actor = _actor(text, scan, sent, mentions, ctx, trigger, a, framed, main)
            if actor is None and extended:
                actor = _loose_actor(sent, mentions, ctx, trigger, framed, a)
            if actor is None:
                continue
            main = main or actor
            for one in (actor, *actor.partners):
                for item in _items(sent, scan, trigger, one, b, following, ctx):
                    features = commitment_features.features(
                        sent, scan.lowered, trigger, one.source, item, number, extended
                    )
                    key = (item["actor"], item["evidence"][0][0])
                    found.append(Candidate(item, features, key))
    return found


def _triggers(text: str, scan: Scan, a: int, b: int) -> list[re.Match[str]]:
    """The clause's first trigger, and later ones coordinated with "and"."""
    found: list[re.Match[str]] = []
    for match in matches_in(rules.TRIGGER, scan.lowered, scan.triggers, a, b):
        if found and not rules.COORDINATED.search(text[a : match.start()]):
            continue
        found.append(match)
    return found


def _frame_actor(sent_frames: list[Frame], ctx: Context) -> Actor | None:
    for frame in sent_frames:
        if frame.speaker is not None:
            actor = _person_actor(frame.speaker)
            if actor:
                return actor
        elif frame.pronoun == "they" and ctx.they:
            return Actor(ctx.they, None, -1, -1, "frame-they")
        elif frame.pronoun and ctx.person is not None:
            return _person_actor(ctx.person)
    return None


_PEOPLE: dict[str, tuple[str | None, str | None]] = {}


def _person_state(person: Mention) -> str | None:
    known = _PEOPLE.get(person.value, (None, None))[0]
    return known or person.state or _leader_states().get(person.value)


def _person_actor(person: Mention) -> Actor | None:
    state = _person_state(person)
    if state is None:
        return None
    return Actor(state, person.value, person.start, person.end, "person")


def _actor(
    text: str,
    scan: Scan,
    sent: Sentence,
    mentions: list[Mention],
    ctx: Context,
    trigger: re.Match[str],
    clause: int,
    framed: Actor | None,
    main: Actor | None,
) -> Actor | None:
    """Who makes the commitment; None for experts, editorials and schedules."""
    kind = _kind(trigger)
    if kind == "should" or _word(text, trigger).lower() == "could":
        return _modal_actor(text, scan, trigger, framed, clause)
    if rules.RELATIVE.search(text[max(0, trigger.start() - 8) : trigger.start()]):
        return None
    if clause > 0 and trigger.start() - clause < 16 and main is not None:
        return Actor(main.actor, main.speaker, -1, -1, "main")
    subject = _subject(text, scan, sent, mentions, ctx, trigger.start(), framed)
    if subject is None:
        return main if clause > 0 and main and trigger.start() - clause < 16 else None
    if kind == "pledge" and not _adjacent(text, subject, sent.start, trigger.start()):
        return None
    if _word(text, trigger).lower() in ("will", "shall", "would") and (
        _scheduled(text, trigger)
        or (
            subject.speaker is None
            and rules.ORGANIZATION.match(
                text[subject.start - sent.start : subject.end - sent.start]
            )
        )
        or rules.HEDGED.search(
            text[max(0, subject.start - sent.start - 40) : trigger.start()]
        )
    ):
        return None
    if rules.PLANNED.match(_word(text, trigger)) and _scheduled(text, trigger):
        return None  # "Putin planned to explain ...": an agenda
    return subject


def _loose_actor(
    sent: Sentence,
    mentions: list[Mention],
    ctx: Context,
    trigger: re.Match[str],
    framed: Actor | None,
    clause: int,
) -> Actor | None:
    """An actor for a candidate the strict rules leave without one, for the
    model to weigh (`source` says how it was found); None when the subject is a
    person of no state or an expert. In order: a joint decision or document of
    the meeting (`_joint`) or a group subject right before the verb, the SCO;
    the speaker of the sentence's frame; the last state or person before the
    verb; for "should" and "we", the speaker of the sentences just before; the
    SCO named before the verb; who the text spoke of last."""
    position = sent.start + trigger.start()
    if _not_an_actor(sent, mentions, trigger, clause):
        return None
    joint = _joint(sent.text, trigger, clause, _kind(trigger))
    if joint is not None:
        return Actor("SCO", None, -1, -1, joint)
    if framed is not None:
        return Actor(framed.actor, framed.speaker, -1, -1, "loose-frame")
    for mention in _free_mentions(sent, mentions, position):
        actor = _mention_actor(mention, None)
        if actor is not None:
            return _loosened(actor)
    speaker = _recent_speaker(sent, ctx, trigger)
    if speaker is not None:
        return speaker
    lowered = folded(sent.text[: trigger.start()])
    named = any(m.kind == "organization" and m.end <= position for m in mentions)
    if named or rules.GROUP.search(lowered):
        return Actor("SCO", None, -1, -1, "loose-group")
    return _context_actor(ctx)


def _free_mentions(
    sent: Sentence, mentions: list[Mention], position: int
) -> list[Mention]:
    """The mentions before `position` that may be a subject, the last first: not
    the SCO (a group, weighed later), not the object of a preposition ("held in
    Dushanbe, Tajikistan", "under the chairmanship of Russia")."""
    free: list[Mention] = []
    governed = False
    for mention in (m for m in mentions if m.end <= position):
        before = folded(
            sent.text[
                max(0, mention.start - sent.start - 16) : mention.start - sent.start
            ]
        )
        if rules.PREPOSITION.search(before):
            governed = True
        elif not (governed and before.rstrip().endswith(",")):
            governed = False
        if not governed and mention.kind != "organization":
            free.append(mention)
    return free[::-1]


def _not_an_actor(
    sent: Sentence, mentions: list[Mention], trigger: re.Match[str], clause: int
) -> bool:
    """Whether the verb's subject is a person of no state or an expert ("Pan
    suggested", "the analyst said the SCO should")."""
    before = sent.text[max(clause, trigger.start() - 60) : trigger.start()]
    if rules.EXPERT.search(folded(before)) or rules.RELATIVE.search(before[-8:]):
        return True
    position = sent.start + trigger.start()
    people = [m for m in mentions if m.end <= position]
    last = people[-1] if people else None
    return (
        last is not None
        and last.kind == "person"
        and _person_state(last) is None
        and position - last.end <= _SUBJECT_GAP
    )


_SUBJECT_GAP = 40
"""At most this many characters between a subject and its verb."""


def _joint(text: str, trigger: re.Match[str], clause: int, kind: str) -> str | None:
    """How the SCO is the actor of a trigger with no state or person subject:
    a decision of the meeting ("it was agreed", "a decision was made"), its
    document ("the declaration stressed"), a headless point ("The importance
    of ..."), a group right before a verb other than "should"; else None."""
    lowered = folded(text)
    if rules.IMPERSONAL.search(lowered, clause, trigger.end()):
        return "loose-impersonal"
    if rules.DOCUMENT_SUBJECT.search(lowered, clause, trigger.start()):
        return "loose-document"
    if rules.JOINT_VERB.match(lowered, trigger.start()) and rules.WE.search(
        lowered, clause, trigger.start()
    ):
        return "loose-we-agreed"  # a leader's "we agreed" speaks for the meeting
    if rules.NO_SUBJECT.fullmatch(text, 0, trigger.start()) and rules.HEADLESS.match(
        lowered, trigger.start()
    ):
        return "loose-headless"
    if kind == "should":
        return None
    groups = list(rules.GROUP.finditer(lowered, clause, trigger.start()))
    if groups:
        gap = rules.APPOSITIVE.sub("", text[groups[-1].end() : trigger.start()])
        if len(gap) <= _SUBJECT_GAP and not rules.GAP_FILLER.sub(" ", gap).strip(" )"):
            return "loose-group-subject"
    return None


def _recent_speaker(
    sent: Sentence, ctx: Context, trigger: re.Match[str]
) -> Actor | None:
    """For "should" or a "we" sentence, the person who spoke in the sentences
    just before ("Xi made four proposals. The SCO should ...")."""
    we = rules.FIRST_PERSON.search(folded(sent.text[: trigger.end()]))
    if (_kind(trigger) != "should" and not we) or ctx.person is None:
        return None
    actor = _person_actor(ctx.person)
    if actor is not None and actor.speaker in ctx.recent:
        return Actor(actor.actor, actor.speaker, -1, -1, "context-speaker")
    author = _person_actor(ctx.author) if ctx.author is not None else None
    if author is not None:
        return Actor(author.actor, author.speaker, -1, -1, "context-author")
    return None


def _context_actor(ctx: Context) -> Actor | None:
    """Who the text spoke of last: a group, a person, a state."""
    if ctx.they:
        return Actor(ctx.they, None, -1, -1, "context-they")
    if ctx.person is not None:
        actor = _person_actor(ctx.person)
        if actor is not None:
            return Actor(actor.actor, actor.speaker, -1, -1, "context-person")
    if ctx.state:
        return Actor(ctx.state, None, -1, -1, "context-state")
    return None


def _loosened(actor: Actor) -> Actor:
    """`actor` found loosely: no span of its own (the text starts at the verb)."""
    partners = tuple(_loosened(p) for p in actor.partners)
    return Actor(actor.actor, actor.speaker, -1, -1, f"loose-{actor.source}", partners)


def _modal_actor(
    text: str, scan: Scan, trigger: re.Match[str], framed: Actor | None, clause: int
) -> Actor | None:
    if framed is None:
        return None
    before = text[clause : trigger.start()]
    groups = (
        list(rules.GROUP.finditer(scan.lowered[clause : trigger.start()]))
        if scan.grouped
        else []
    )
    if groups and before[groups[-1].end() :].strip() in ("", "also", "all"):
        return Actor(
            framed.actor, framed.speaker, -2 - clause - groups[-1].start(), -1, "modal"
        )
    if rules.PASSIVE_MODAL.match(text, trigger.end()):
        opening = len(before) - len(before.lstrip(' "\u201c,'))
        return Actor(
            framed.actor, framed.speaker, -2 - clause - opening, -1, "modal-passive"
        )
    return None


def _subject(
    text: str,
    scan: Scan,
    sent: Sentence,
    mentions: list[Mention],
    ctx: Context,
    position: int,
    framed: Actor | None,
) -> Actor | None:
    """The nearest actor-like phrase before `position`, not a prepositional object:
    of the mentions, SCO groups ("the leaders") and pronouns, the one that ends
    last (a mention wins a tie, the later mention a tie between two)."""
    lowered = scan.lowered

    def governed(start: int) -> bool:
        return bool(rules.PREPOSITION.search(lowered[max(0, start - 16) : start]))

    offset = sent.start
    before = [m for m in reversed(mentions) if m.end - offset <= position]
    mention = next(
        (
            m
            for m in sorted(before, key=_END, reverse=True)
            if not governed(m.start - offset)
        ),
        None,
    )
    best = mention.end - offset if mention is not None else -1
    groups = list(rules.GROUP.finditer(lowered, 0, position)) if scan.grouped else []
    group = next((g for g in reversed(groups) if not governed(g.start())), None)
    if group is not None and group.end() > best:
        mention, best = None, group.end()
    else:
        group = None
    pronouns = list(rules.PRONOUN.finditer(lowered, 0, position))
    pronoun = pronouns[-1] if pronouns else None
    if pronoun is not None and pronoun.end() > best:
        return _pronoun_actor(pronoun, sent, text, mentions, ctx, framed)
    if group is not None:
        return Actor("SCO", None, offset + group.start(), offset + group.end(), "group")
    if mention is None:
        return None
    actor = _mention_actor(mention, framed)
    if actor is None and mention.kind == "office":
        actor = _office_holder(mention, mentions, ctx)
    return _with_partners(actor, text, offset, mentions, mention, framed)


def _with_partners(
    actor: Actor | None,
    text: str,
    offset: int,
    mentions: list[Mention],
    mention: Mention,
    framed: Actor | None,
    *,
    governed: bool = False,
) -> Actor | None:
    """`actor` with the other actors coordinated with its mention, if any; the
    subject then starts at the first of them ("China and Russia"). With
    `governed`, the coordination may follow a preposition (a pronoun's
    antecedent: "the ministers of China and India ... they")."""
    members = _coordinated(text, offset, mentions, mention, governed=governed)
    if actor is None or len(members) < 2:
        return actor
    others: list[Actor] = []
    seen = {actor.actor}
    for member in members[1:]:
        other = _mention_actor(member, framed)
        if other is not None and other.actor not in seen:
            seen.add(other.actor)
            others.append(other)
    if not others:
        return actor
    start = members[-1].start
    partners = tuple(
        Actor(o.actor, o.speaker, start, actor.end, f"{o.source}-pair") for o in others
    )
    source = f"{actor.source}-pair"
    return Actor(actor.actor, actor.speaker, start, actor.end, source, partners)


_COORDINABLE = ("state", "person")
_MOST_PARTNERS = 3
"""A longer list of states is the members' roll, not a joint commitment."""


def _coordinated(
    text: str,
    offset: int,
    mentions: list[Mention],
    mention: Mention,
    *,
    governed: bool = False,
) -> list[Mention]:
    """`mention` and the mentions coordinated with it before it, nearest first
    ("China and Russia", "Xi and Russian President Vladimir Putin"); only
    `mention` when there are none. Words of one name ("Russian President") are
    walked past."""
    position = mentions.index(mention)
    members, current, coordinated = [mention], mention, False
    while position > 0:
        previous = mentions[position - 1]
        position -= 1
        if previous.end > current.start:
            continue
        gap = text[previous.end - offset : current.start - offset]
        if previous.kind in _COORDINABLE and rules.COORDINATION.fullmatch(gap):
            joined = "," not in gap or " and " in gap
            if not (coordinated or joined):
                break  # "With A and B, C called ...": no list ends at C
            coordinated = True
            members.append(previous)
        elif not rules.ONE_NAME.fullmatch(gap):
            break
        current = previous
    if not coordinated or len(members) > _MOST_PARTNERS:
        return [mention]
    start = members[-1].start - offset
    if not governed and (
        rules.PREPOSITION.search(folded(text[max(0, start - 16) : start]))
        or rules.LED_BY.search(text, max(0, start - 16), start)
    ):
        return [mention]
    return members


def _mention_actor(mention: Mention, framed: Actor | None) -> Actor | None:
    if mention.kind == "person":
        return _person_actor(mention)
    if mention.kind == "state":
        speaker = framed.speaker if framed and framed.actor == mention.value else None
        return Actor(mention.value, speaker, mention.start, mention.end, "state")
    if mention.kind == "organization":
        return Actor("SCO", None, mention.start, mention.end, "organization")
    if mention.kind == "city" and mention.state:
        speaker = framed.speaker if framed and framed.actor == mention.state else None
        return Actor(mention.state, speaker, mention.start, mention.end, "city")
    if mention.kind == "office" and mention.state:
        return Actor(mention.state, None, mention.start, mention.end, "office")
    return None


def _office_holder(
    office: Mention, mentions: list[Mention], ctx: Context
) -> Actor | None:
    """ "The premier", "the president": the person last named."""
    holders = [
        name
        for name, (state, role) in ctx.people.items()
        if state and role and role.lower().endswith(office.value.lower())
    ]
    if len(holders) == 1:
        state = ctx.people[holders[0]][0] or ""
        return Actor(state, holders[0], office.start, office.end, "office-holder")
    persons = [m for m in mentions if m.kind == "person" and m.end <= office.start]
    person = persons[-1] if persons else ctx.person
    actor = _person_actor(person) if person else None
    return (
        Actor(actor.actor, actor.speaker, office.start, office.end, "office-person")
        if actor
        else None
    )


def _pronoun_actor(
    match: re.Match[str],
    sent: Sentence,
    text: str,
    mentions: list[Mention],
    ctx: Context,
    framed: Actor | None,
) -> Actor | None:
    word = _word(text, match).lower()
    start, end = sent.start + match.start(), sent.start + match.end()
    if word == "they":
        pair = _pair_before(text, sent.start, mentions, start, framed)
        if pair is not None:
            partners = tuple(
                Actor(o.actor, o.speaker, start, end, "they-pair")
                for o in pair.partners
            )
            return Actor(pair.actor, pair.speaker, start, end, "they-pair", partners)
        return Actor(ctx.they, None, start, end, "they") if ctx.they else None
    if word == "we":
        return Actor(framed.actor, framed.speaker, start, end, "we") if framed else None
    if word in ("it", "the country"):
        states = [m for m in mentions if m.kind == "state" and m.end <= start]
        opening = states and not text[: states[0].start - sent.start].strip(" Th")
        state = states[0].value if opening else ctx.state
        if word == "it" and not opening and not ctx.state_subject:
            return None
        if state is None:
            return None
        speaker = framed.speaker if framed and framed.actor == state else None
        return Actor(state, speaker, start, end, "it")
    person = ctx.person
    persons = [m for m in mentions if m.kind == "person" and m.end <= start]
    if persons:
        person = persons[-1]
    actor = _person_actor(person) if person else None
    return Actor(actor.actor, actor.speaker, start, end, "he") if actor else None


def _pair_before(
    text: str, offset: int, mentions: list[Mention], position: int, framed: Actor | None
) -> Actor | None:
    """The last coordinated actors of the sentence before `position` ("the
    ministers of China and India held talks where they agreed")."""
    before = [m for m in mentions if m.end <= position and m.kind in _COORDINABLE]
    if not before:
        return None
    actor = _mention_actor(before[-1], framed)
    paired = _with_partners(
        actor, text, offset, mentions, before[-1], framed, governed=True
    )
    return paired if paired is not None and paired.partners else None


def _adjacent(text: str, actor: Actor, offset: int, position: int) -> bool:
    """Only adverbs, auxiliaries and a day between the subject and the verb."""
    if actor.end < 0:
        return False
    gap = rules.APPOSITIVE.sub("", text[actor.end - offset : position])
    return len(gap) <= 40 and not rules.GAP_FILLER.sub(" ", gap).strip(" )")


def _scheduled(text: str, trigger: re.Match[str]) -> bool:
    words = text[trigger.end() : trigger.end() + 40].lower().split()
    words = [w for w in words if w not in rules.SKIP_AFTER_WILL]
    return bool(words) and (
        words[0] in rules.SCHEDULE or " ".join(words[:2]) in rules.SCHEDULE
    )


def _items(
    sent: Sentence,
    scan: Scan,
    trigger: re.Match[str],
    actor: Actor,
    end: int,
    following: str,
    ctx: Context,
) -> list[Item]:
    text = sent.text
    kind = _kind(trigger)
    if kind == "should":
        kind = "proposal"
        if (
            rules.ANAPHOR.search(text, trigger.end(), end)
            and (actor.speaker or actor.actor) in ctx.speakers
        ):
            return []
    if "open to" in _word(text, trigger).lower():
        kind = "proposal"
    if kind == "proposal" and rules.BARE_INITIATIVE.match(text, trigger.end()):
        return []
    start = _text_start(text, sent.start, actor, trigger)
    head = _head_end(text, trigger, end)
    pieces = conjuncts(
        text, trigger.end(), end, head_end=head, commas_only=kind == "pledge"
    )
    if rules.NEED.search(_word(text, trigger)):
        pieces = [Segment(trigger.end(), end)]
    pieces[0] = Segment(start, pieces[0].end)
    items: list[Item] = []
    for piece in pieces:
        span = trimmed(text, piece.start, piece.end)
        phrase = text[span.start : span.end]
        if len(phrase.split()) < 3:
            continue
        items.append(
            {
                "actor": actor.actor,
                "speaker": actor.speaker,
                "kind": kind,
                "area": area_of(
                    phrase,
                    text,
                    following,
                    at=span.start,
                    prefixes=scan.prefixes,
                ),
                "text": phrase,
                "target": target_of(phrase),
                "evidence": [[sent.start + span.start, sent.start + span.end]],
            }
        )
    return items


def _text_start(text: str, offset: int, actor: Actor, trigger: re.Match[str]) -> int:
    if actor.start <= -2:
        return -2 - actor.start
    if actor.start < 0 or not _adjacent(text, actor, offset, trigger.start()):
        return trigger.start()
    return actor.start - offset


def _head_end(text: str, trigger: re.Match[str], end: int) -> int:
    """Where the complement's own verb ends: after "X to <verb>" for calls."""
    if _kind(trigger) in ("pledge", "should") or text.startswith(" to ", trigger.end()):
        first = rules.FIRST_WORD.match(text, trigger.end(), end)
        return first.end() if first else trigger.end()
    control = rules.CONTROL.search(text, trigger.end(), min(end, trigger.end() + 100))
    if control and ";" not in text[trigger.end() : control.start()]:
        return control.end()
    first = rules.FIRST_WORD.match(text, trigger.end(), end)
    return first.end() if first else trigger.end()


def _kind(trigger: re.Match[str]) -> str:
    """The kind a trigger gives: call, proposal, pledge or should (a modal)."""
    group = trigger.lastgroup or "proposal"
    return rules.EXTENDED_KINDS.get(group, group)


def _word(text: str, match: re.Match[str]) -> str:
    """The words of a match found in folded text, as the original writes them."""
    return text[match.start() : match.end()]


def _remember(ctx: Context, sent: Sentence, mentions: list[Mention]) -> None:
    for mention in mentions:
        if mention.kind == "person" and _person_state(mention) is not None:
            ctx.person = mention
        elif mention.kind == "state":
            ctx.state = mention.value
    first = mentions[0] if mentions else None
    ctx.state_subject = bool(
        first
        and first.kind == "state"
        and not sent.text[: first.start - sent.start].strip(" Th")
    )
    head = sent.text[:80]
    lowered = fold(head)
    if rules.GROUP.match(lowered.lstrip()) or rules.LEADERS.match(lowered):
        ctx.they = "SCO"
    elif rules.PAIR.match(head):
        ctx.they = None


def find_commitments(doc: CleanDocument) -> CleanDocument:
    doc.facts["commitments"] = commitments(doc)
    return doc


STAGE = Stage(
    name="commitments",
    requires=("text", "metadata", "sentences", "mentions", "facts.people"),
    provides=("facts.commitments",),
    run=find_commitments,
)
