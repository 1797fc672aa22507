"""Who makes a commitment: the subject before its trigger, read strictly.

A trigger's actor is the subject before it: a leader, a state (or its capital),
the SCO's members or leaders, or a pronoun resolved from the text so far; a
modal "X should ..." counts only inside a speech frame, as the speaker's.
A coordinated subject ("China and Russia will ...") gives each its own entry
(`Actor.partners`, found by `commitment_partners`). Experts and the article's
own voice are not actors, and "<leader> will attend ..." is a schedule.
`commitment_context` finds the looser actors the model weighs;
`commitment_mentions` what a mention stands for.
"""

from __future__ import annotations

import re
from operator import attrgetter

from scotrack.ingest.document import Mention, Sentence
from scotrack.ingest.facts.clauses import matches_at
from scotrack.ingest.facts.commitment_mentions import (
    Actor,
    Context,
    Scan,
    kind_of,
    mention_actor,
    person_actor,
    word_of,
)
from scotrack.ingest.facts.commitment_partners import pair_before, with_partners
from scotrack.ingest.facts.speech_frames import Frame
from scotrack.ingest.lexicon import clauses as clause_rules
from scotrack.ingest.lexicon import commitments as rules
from scotrack.ingest.lexicon.folding import fold

_END = attrgetter("end")


def frame_actor(sent_frames: list[Frame], ctx: Context) -> Actor | None:
    for frame in sent_frames:
        if frame.speaker is not None:
            actor = person_actor(frame.speaker)
            if actor:
                return actor
        elif frame.pronoun == "they" and ctx.they:
            return Actor(ctx.they, None, -1, -1, "frame-they")
        elif frame.pronoun and ctx.person is not None:
            return person_actor(ctx.person)
    return None


def strict_actor(
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
    kind = kind_of(trigger)
    if kind == "should" or word_of(text, trigger).lower() == "could":
        return _modal_actor(text, scan, trigger, framed, clause)
    if rules.RELATIVE.search(text[max(0, trigger.start() - 8) : trigger.start()]):
        return None
    if clause > 0 and trigger.start() - clause < 16 and main is not None:
        return Actor(main.actor, main.speaker, -1, -1, "main")
    if opening_participle(text, trigger):
        return _main_subject(text, sent.start, mentions, trigger, framed)
    subject = _subject(text, scan, sent, mentions, ctx, trigger.start(), framed)
    if main is None and _shares_subject(text, subject, sent.start, trigger, clause):
        subject = _sentence_subject(text, scan, sent, mentions, framed) or subject
    if subject is None:
        return main if clause > 0 and main and trigger.start() - clause < 16 else None
    if kind == "pledge" and not adjacent(text, subject, sent.start, trigger.start()):
        if not rules.COORDINATED.search(text, clause, trigger.start()):
            return None
        subject = _opening_subject(text, scan, sent, mentions, clause)
        if subject is None and text.startswith("and ", clause + 1):
            # "The ministers met X, and reiterated ...": the sentence's subject
            subject = _opening_subject(text, scan, sent, mentions, 0)
        if subject is None:
            return None
    if (
        word_of(text, trigger).lower() in ("will", "shall", "would")
        and (
            _scheduled(text, trigger)
            or rules.NOT_PLEDGED.match(text, trigger.end())
            or subject.source == "body"  # "the SCO summit will open ..."
            or (framed is None and _hypothetical(text, trigger, subject, sent.start))
            or (
                subject.speaker is None
                and rules.ORGANIZATION.match(
                    text[subject.start - sent.start : subject.end - sent.start]
                )
            )
            or rules.HEDGED.search(
                text[max(0, subject.start - sent.start - 40) : trigger.start()]
            )
        )
    ):
        return None
    if rules.PLANNED.match(word_of(text, trigger)) and _scheduled(text, trigger):
        return None  # "Putin planned to explain ...": an agenda
    return subject


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


def _shares_subject(
    text: str,
    subject: Actor | None,
    offset: int,
    trigger: re.Match[str],
    clause: int,
) -> bool:
    """Whether the trigger's verb has no subject of its own but the sentence's:
    it opens a participial clause (", stressing the need ..."), or follows
    "and" after another verb ("X took up ... and urged ..."), so the nearest
    name before it is an object of the first verb, not the subject."""
    if rules.PARTICIPLE_OPENING.fullmatch(text, clause, trigger.start()):
        return clause > 0 and trigger.group().split()[0].endswith("ing")
    return (
        subject is not None
        and bool(rules.COORDINATED.search(text, clause, trigger.start()))
        and not adjacent(text, subject, offset, trigger.start())
    )


def _sentence_subject(
    text: str,
    scan: Scan,
    sent: Sentence,
    mentions: list[Mention],
    framed: Actor | None,
) -> Actor | None:
    """The subject that opens the sentence, after an opening phrase ("During the
    meeting, "): an SCO group, or a person, state or office named with title
    words only before it ("The Saudi leader", "External Affairs Minister
    Sushma Swaraj"); the last of the names that run together."""
    opening = rules.OPENING_PHRASE.match(text)
    for start in (0, opening.end()) if opening else (0,):
        actor = _subject_at(text, scan, sent, mentions, framed, start)
        if actor is not None:
            return actor
    return None


def _subject_at(
    text: str,
    scan: Scan,
    sent: Sentence,
    mentions: list[Mention],
    framed: Actor | None,
    start: int,
) -> Actor | None:
    """`_sentence_subject` when the sentence's subject begins at `start`."""
    group = (
        rules.GROUP.match(scan.lowered, start + _spaces(text, start))
        if scan.grouped
        else None
    )
    if group is not None and not text.startswith(" of ", group.end()):
        return Actor("SCO", None, -1, -1, "group")
    chosen: Mention | None = None
    at = start
    for mention in mentions:
        begin = mention.start - sent.start
        if begin < at:
            continue
        if not rules.TITLE_WORDS.fullmatch(text, at, begin):
            break
        if mention.kind not in ("person", "state", "office"):
            break
        chosen, at = mention, mention.end - sent.start
    if chosen is None:
        return None
    actor = mention_actor(chosen, framed)
    if actor is None:
        return None
    return Actor(actor.actor, actor.speaker, -1, -1, actor.source)


def _hypothetical(
    text: str, trigger: re.Match[str], subject: Actor, offset: int
) -> bool:
    """Whether "would" outside reported speech or agreement ("said that", "it
    was agreed that") says what the SCO would do ("a full SCO member would help
    Iran ..."): a prediction, no pledge."""
    return (
        subject.actor == "SCO"
        and word_of(text, trigger).lower() == "would"
        and not clause_rules.SPEECH.search(text)
        and not rules.THAT_CLAUSE.search(text, 0, max(0, subject.start - offset))
    )


def _opening_subject(
    text: str, scan: Scan, sent: Sentence, mentions: list[Mention], clause: int
) -> Actor | None:
    """The subject that opens the clause, for a verb coordinated with its first
    ("The ministers discussed the plan and agreed to ..."): an SCO group or a
    state right at its start, or after an opening phrase ("During the
    meeting, ")."""
    opening = rules.OPENING_PHRASE.match(text, clause)
    start = opening.end() if opening else clause
    for at in (clause, start) if scan.grouped else ():
        if rules.GROUP.match(scan.lowered, at + _spaces(text, at)):
            return Actor("SCO", None, -1, -1, "opening-group")
    for mention in mentions:
        if mention.start - sent.start >= start:
            if mention.start - sent.start - start > _ARTICLE or mention.kind != "state":
                return None
            return Actor(mention.value, None, -1, -1, "opening-state")
    return None


def _spaces(text: str, at: int) -> int:
    """How many white-space characters begin text[at:]."""
    return len(text[at : at + _ARTICLE]) - len(text[at : at + _ARTICLE].lstrip())


_ARTICLE = 4
"""At most this many characters ("The ") before an opening subject."""


def opening_participle(text: str, trigger: re.Match[str]) -> bool:
    """Whether the trigger opens the sentence in -ing ("Calling for ..., Xi urged")."""
    return trigger.group().split()[0].endswith("ing") and bool(
        rules.NO_SUBJECT.fullmatch(text, 0, trigger.start())
    )


def _main_subject(
    text: str,
    offset: int,
    mentions: list[Mention],
    trigger: re.Match[str],
    framed: Actor | None,
) -> Actor | None:
    """The subject of the main clause after an opening participle: a person or
    state right after its comma ("Calling for ..., Xi urged ...")."""
    comma = text.find(",", trigger.end())
    if comma < 0:
        return None
    for mention in mentions:
        start = mention.start - offset
        if start > comma and mention.kind in ("person", "state"):
            if start - comma > _MAIN_SUBJECT_REACH:
                return None
            actor = mention_actor(mention, framed)
            if actor is None:
                return None
            return Actor(actor.actor, actor.speaker, -1, -1, "opening-participle")
    return None


_MAIN_SUBJECT_REACH = 40
"""At most this many characters from the participle's comma to the subject."""
_GROUP_REACH = 48
"""How far before a group a preposition that governs it may be."""
_NEVER_ACTORS = ("region", "initiative")
"""Mentions that are never a subject the rules look for ("North Africa")."""


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

    def group_governed(start: int) -> bool:
        before = lowered[max(0, start - _GROUP_REACH) : start]
        return governed(start) or bool(rules.GROUP_GOVERNED.search(before))

    offset = sent.start
    before = [
        m
        for m in reversed(mentions)
        if m.end - offset <= position and m.kind not in _NEVER_ACTORS
    ]
    mention = next(
        (
            m
            for m in sorted(before, key=_END, reverse=True)
            if not governed(m.start - offset)
        ),
        None,
    )
    best = mention.end - offset if mention is not None else -1
    groups = matches_at(rules.GROUP, lowered, scan.group_starts, 0, position)
    group = next((g for g in reversed(groups) if not group_governed(g.start())), None)
    if group is not None and group.end() > best:
        mention, best = None, group.end()
    else:
        group = None
    pronouns = list(rules.PRONOUN.finditer(lowered, 0, position))
    pronoun = pronouns[-1] if pronouns else None
    if (
        pronoun is not None
        and pronoun.end() > best
        and not clause_rules.PARENTHETICAL_FRAME.match(text, pronoun.end())
    ):
        return _pronoun_actor(pronoun, sent, text, mentions, ctx, framed)
    if group is not None:
        return Actor("SCO", None, offset + group.start(), offset + group.end(), "group")
    if mention is None:
        return None
    actor = mention_actor(mention, framed)
    if actor is None and mention.kind == "office":
        actor = _office_holder(mention, mentions, ctx)
    return with_partners(actor, text, offset, mentions, mention, framed)


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
    actor = person_actor(person) if person else None
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
    word = word_of(text, match).lower()
    start, end = sent.start + match.start(), sent.start + match.end()
    if word == "they":
        pair = pair_before(text, sent.start, mentions, start, framed)
        if pair is not None:
            partners = tuple(
                Actor(o.actor, o.speaker, start, end, "they-pair")
                for o in pair.partners
            )
            return Actor(pair.actor, pair.speaker, start, end, "they-pair", partners)
        head = fold(text[:80])
        if rules.GROUP.match(head.lstrip()) or rules.LEADERS.match(head):
            return Actor("SCO", None, start, end, "they-group")  # "Participants ..."
        return Actor(ctx.they, None, start, end, "they") if ctx.they else None
    if word in ("we", "i"):  # the speaker's ("I invite ...", said X)
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
    actor = person_actor(person) if person else None
    return Actor(actor.actor, actor.speaker, start, end, "he") if actor else None


def adjacent(text: str, actor: Actor, offset: int, position: int) -> bool:
    """Only adverbs, auxiliaries and a day between the subject and the verb."""
    if actor.end < 0:
        return False
    gap = rules.APPOSITIVE.sub("", text[actor.end - offset : position])
    return len(gap) <= 40 and not rules.GAP_FILLER.sub(" ", gap).strip(" )")


def _scheduled(text: str, trigger: re.Match[str]) -> bool:
    """Whether the verb after "will" (adverbs skipped: "would really like to")
    is one of a schedule, a preview or a courtesy."""
    words = text[trigger.end() : trigger.end() + 40].lower().split()
    words = [w for w in words if w not in rules.SKIP_AFTER_WILL and w[-2:] != "ly"]
    if len(words) > 1 and words[0] == "be" and words[1].endswith("ing"):
        stem = words[1][:-3]  # "will be encouraging": a progressive
        return any(verb.startswith(stem) for verb in rules.SCHEDULE)
    return any(" ".join(words[:n]) in rules.SCHEDULE for n in (1, 2, 3) if words)
