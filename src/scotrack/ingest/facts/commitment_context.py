"""What the text around a trigger says of its actor: the looser actors a model
weighs when the strict rules (`commitment_actors`) find none, and what earlier
sentences said (who "they" are, who spoke last, whose speech the page is)."""

from __future__ import annotations

import re

from scotrack.ingest.classifiers.candidates import Candidate
from scotrack.ingest.document import CleanDocument, Mention, Sentence
from scotrack.ingest.facts.clauses import MentionIndex, holds_any, matches_at
from scotrack.ingest.facts.commitment_mentions import (
    Actor,
    Context,
    Scan,
    kind_of,
    mention_actor,
    person_actor,
    person_state,
)
from scotrack.ingest.lexicon import clauses as clause_rules
from scotrack.ingest.lexicon import commitment_actors as actor_rules
from scotrack.ingest.lexicon import commitment_features as feature_rules
from scotrack.ingest.lexicon import commitment_lists as list_rules
from scotrack.ingest.lexicon import commitments as rules
from scotrack.ingest.lexicon.folding import fold, folded


def author(doc: CleanDocument, index: MentionIndex) -> Mention | None:
    """The person of a state named with "speech", "remarks", "address" at the
    top of the document ("Speech by Premier ..."): its "we" and "should" are
    that person's."""
    top = doc.text[:_TOP]
    match = actor_rules.AUTHORED.search(folded(top))
    if match is None:
        return None
    start, end = max(0, match.start() - 80), match.end() + 80
    people = [m for m in index.between(start, end, ("person",)) if person_state(m)]
    return people[0] if people else None


_TOP = 400
"""How far into a document its headline and standfirst reach."""


_HEARD_FOR = 2
"""A speaker goes on for this many sentences ("Putin said ... . "We should ...")."""


def hear(
    ctx: Context,
    sent: Sentence,
    person: Mention | None,
    found: list[Candidate],
    number: int,
) -> None:
    """Note who spoke in sentence `number`: its frame's speaker, its first
    person of a state (`first_person`) with a speech verb after it, and the
    speakers of its candidates (unless guessed from who the text spoke of last)."""
    for candidate in found:
        speaker = candidate.item["speaker"]
        if speaker and not any(k in candidate.features for k in _GUESSED):
            ctx.heard[speaker] = number
    if ctx.framing:
        ctx.heard[ctx.framing] = number
    ctx.framing = None
    if (
        person is not None
        and holds_any(sent.text, clause_rules.SPEECH_WORDS)
        and clause_rules.SPEECH.search(sent.text, person.end - sent.start)
    ):
        ctx.heard[person.value] = number
    ctx.recent = {s for s, n in ctx.heard.items() if number - n < _HEARD_FOR}


_GUESSED = ("src=context-person", "src=context-they", "src=context-state")


def loose_actor(
    sent: Sentence,
    scan: Scan,
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
    SCO named before the verb (unless a "should" no one is quoted or reported
    saying: the article's own voice); who the text spoke of last."""
    position = sent.start + trigger.start()
    if _not_an_actor(sent, mentions, trigger, clause):
        return None
    joint = _joint(sent.text, scan, trigger, clause, kind_of(trigger))
    if joint is not None:
        return Actor("SCO", None, -1, -1, joint)
    if actor_rules.WHICH.search(sent.text, 0, trigger.start()):
        return None  # "the concept, which advocates ...": not a party's
    if framed is None and _predicted(sent.text, scan, trigger, clause):
        return None
    if (
        actor_rules.FUTURE.fullmatch(scan.lowered, trigger.start(), trigger.end())
        and rules.THING_SUBJECT.match(sent.text)
        and not any(m.kind in _SUBJECTS and m.end <= position for m in mentions)
    ):
        return None  # "The proposal, which ..., will also help ..."
    if framed is not None:
        return Actor(framed.actor, framed.speaker, -1, -1, "loose-frame")
    speaker = _we_speaker(sent, scan, mentions, trigger, clause)
    if speaker is not None:
        return speaker
    for mention in _free_mentions(sent, mentions, position):
        actor = mention_actor(mention, None)
        if actor is not None:
            return _loosened(actor)
    speaker = _recent_speaker(sent, ctx, trigger)
    if speaker is not None:
        return speaker
    named = any(m.kind == "organization" and m.end <= position for m in mentions)
    if named or _groups(scan, 0, trigger.start()):
        if kind_of(trigger) == "should" and _unattributed(sent.text, scan.lowered):
            return None  # "SCO members should ...": the article's own voice
        return Actor("SCO", None, -1, -1, "loose-group")
    return _context_actor(ctx)


def _unattributed(text: str, lowered: str) -> bool:
    """Whether a sentence quotes no one and has no verb of speech: what it says
    the SCO "should" or "needs to" do is the article's own voice, no one's
    proposal (CONVENTIONS.md; gold/NOTES.md, doc 000) (#11)."""
    return not feature_rules.QUOTE.search(text) and not (
        holds_any(lowered, clause_rules.SPEECH_WORDS)
        and clause_rules.SPEECH.search(lowered)
    )


_LISTED_FOR = 3
"""An enumerated point ("Secondly, we should ...") is the speaker's when he was
named, or spoke his previous point, at most this many sentences before."""


def enumerated_speaker(
    sent: Sentence,
    ctx: Context,
    trigger: re.Match[str],
    number: int,
) -> Actor | None:
    """The speaker of a point of a speech, reported over several sentences
    ("Li addressed the meeting. Firstly, we must ... Secondly, we should ..."):
    the person named just before, when the sentence opens with an ordinal and
    only "we", "the SCO" or nothing stands before the verb."""
    opening = list_rules.ENUMERATED.match(sent.text)
    if opening is None or number - ctx.listed > _LISTED_FOR:
        return None
    gap = sent.text[opening.end() : trigger.start()]
    if gap and not list_rules.ENUMERATED_SUBJECT.fullmatch(gap):
        return None
    speaker = ctx.person or ctx.author
    actor = person_actor(speaker) if speaker is not None else None
    if actor is None:
        return None
    ctx.listed = number
    return Actor(actor.actor, actor.speaker, -1, -1, "enumerated")


def _we_speaker(
    sent: Sentence,
    scan: Scan,
    mentions: list[Mention],
    trigger: re.Match[str],
    clause: int,
) -> Actor | None:
    """For "we" right before the verb, the first person of a state the sentence
    names before it ("Putin welcomed India, saying, 'We need to ...'"): the
    speaker, not a state he spoke of."""
    if not actor_rules.WE_SUBJECT.search(scan.lowered, clause, trigger.start()):
        return None
    position = sent.start + trigger.start()
    person = first_person([m for m in mentions if m.end <= position])
    actor = person_actor(person) if person is not None else None
    if actor is None:
        return None
    return Actor(actor.actor, actor.speaker, -1, -1, "loose-we-person")


_SUBJECTS = ("person", "state")
"""The mentions that may be the subject of a pledge."""


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
        elif not (governed and before.rstrip().endswith((",", " and"))):
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
    if feature_rules.EXPERT.search(folded(before)):
        return True
    position = sent.start + trigger.start()
    people = [m for m in mentions if m.end <= position]
    last = people[-1] if people else None
    return (
        last is not None
        and last.kind == "person"
        and person_state(last) is None
        and position - last.end <= _SUBJECT_GAP
    )


_SUBJECT_GAP = 40
"""At most this many characters between a subject and its verb."""


def _joint(
    text: str, scan: Scan, trigger: re.Match[str], clause: int, kind: str
) -> str | None:
    """How the SCO is the actor of a trigger with no state or person subject:
    a decision of the meeting ("it was agreed", "a decision was made"), its
    document ("the declaration stressed"), a headless point ("The importance
    of ..."), a group right before a verb other than "should"; else None."""
    lowered = scan.lowered
    if actor_rules.IMPERSONAL.search(lowered, clause, trigger.end()):
        return "loose-impersonal"
    if actor_rules.DOCUMENT_SUBJECT.search(lowered, clause, trigger.start()):
        return "loose-document"
    if actor_rules.MEETING_WHICH.search(
        lowered, 0, trigger.start()
    ):  # ", which" opens a clause
        return "loose-document"  # "the meeting, which reiterated ..."
    if actor_rules.JOINT_VERB.match(lowered, trigger.start()) and actor_rules.WE.search(
        lowered, clause, trigger.start()
    ):
        return "loose-we-agreed"  # a leader's "we agreed" speaks for the meeting
    if actor_rules.NO_SUBJECT.fullmatch(
        text, 0, trigger.start()
    ) and actor_rules.HEADLESS.match(lowered, trigger.start()):
        return "loose-headless"
    if kind == "should":
        return None
    groups = _groups(scan, clause, trigger.start())
    if not groups:
        return None
    return "loose-group-subject" if _right_before(text, groups[-1], trigger) else None


def _right_before(text: str, group: re.Match[str], trigger: re.Match[str]) -> bool:
    """Whether a group is the subject of the trigger: only adverbs, auxiliaries
    and an appositive between them."""
    gap = rules.APPOSITIVE.sub("", text[group.end() : trigger.start()])
    return len(gap) <= _SUBJECT_GAP and not rules.GAP_FILLER.sub(" ", gap).strip(" )")


def _groups(scan: Scan, start: int, end: int) -> list[re.Match[str]]:
    """The groups the sentence names between `start` and `end`."""
    return matches_at(rules.GROUP, scan.lowered, scan.group_starts, start, end)


def _predicted(text: str, scan: Scan, trigger: re.Match[str], clause: int) -> bool:
    """Whether the trigger is "the SCO will ...": a prediction, no pledge."""
    if not actor_rules.FUTURE.fullmatch(scan.lowered, trigger.start(), trigger.end()):
        return False
    groups = _groups(scan, clause, trigger.start())
    return bool(groups) and (
        bool(rules.ORGANIZATION.fullmatch(text, groups[-1].start(), groups[-1].end()))
        and _right_before(text, groups[-1], trigger)
    )


def _recent_speaker(
    sent: Sentence, ctx: Context, trigger: re.Match[str]
) -> Actor | None:
    """For "should" or a "we" sentence, the person who spoke in the sentences
    just before ("Xi made four proposals. The SCO should ...")."""
    we = actor_rules.FIRST_PERSON.search(folded(sent.text[: trigger.end()]))
    if (kind_of(trigger) != "should" and not we) or ctx.person is None:
        return None
    actor = person_actor(ctx.person)
    if actor is not None and actor.speaker in ctx.recent:
        return Actor(actor.actor, actor.speaker, -1, -1, "context-speaker")
    author = person_actor(ctx.author) if ctx.author is not None else None
    if author is not None:
        return Actor(author.actor, author.speaker, -1, -1, "context-author")
    return None


def _context_actor(ctx: Context) -> Actor | None:
    """Who the text spoke of last: a group, a person, a state."""
    if ctx.they:
        return Actor(ctx.they, None, -1, -1, "context-they")
    if ctx.person is not None:
        actor = person_actor(ctx.person)
        if actor is not None:
            return Actor(actor.actor, actor.speaker, -1, -1, "context-person")
    if ctx.state:
        return Actor(ctx.state, None, -1, -1, "context-state")
    return None


def _loosened(actor: Actor) -> Actor:
    """`actor` found loosely: no span of its own (the text starts at the verb)."""
    partners = tuple(_loosened(p) for p in actor.partners)
    return Actor(actor.actor, actor.speaker, -1, -1, f"loose-{actor.source}", partners)


def first_person(mentions: list[Mention]) -> Mention | None:
    """The first person of a state among `mentions`."""
    for mention in mentions:
        if mention.kind == "person" and person_state(mention):
            return mention
    return None


_GROUP_OPENINGS = ("the", *rules.ACTOR_GROUP_STARTS)
"""How a text that opens with a group (`rules.GROUP`, `actor_rules.LEADERS`) begins."""


def remember(
    ctx: Context,
    sent: Sentence,
    mentions: list[Mention],
    person: Mention | None,
    number: int,
) -> None:
    """Note what sentence `number` (`sent`) says of who "he", "it" and "they"
    are; `person`: its `first_person`."""
    if person is not None:
        ctx.person = person  # the subject, not the last named ("X said to Y")
        ctx.listed = number
    for mention in reversed(mentions):
        if mention.kind == "state":
            ctx.state = mention.value  # the last named
            break
    first = mentions[0] if mentions else None
    ctx.state_subject = bool(
        first
        and first.kind == "state"
        and not sent.text[: first.start - sent.start].strip(" Th")
    )
    head = sent.text[:80]
    lowered = fold(head)
    opening = lowered.lstrip()
    if opening.startswith(_GROUP_OPENINGS) and (
        rules.GROUP.match(opening) or actor_rules.LEADERS.match(lowered)
    ):
        ctx.they = "SCO"
    elif " and " in head and actor_rules.PAIR.match(head):
        ctx.they = None
