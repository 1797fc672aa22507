"""Who makes a commitment: the subject before its trigger, read strictly.

A trigger's actor is the subject before it: a leader, a state (or its capital),
the SCO's members or leaders, or a pronoun resolved from the text so far; a
modal "X should ..." counts only inside a speech frame, as the speaker's.
A coordinated subject ("China and Russia will ...") gives each its own entry
(`Actor.partners`, found by `commitment_partners`). Experts and the article's
own voice are not actors, and "<leader> will attend ..." is a schedule.
`commitment_subjects` finds the nearest subject before a trigger;
`commitment_context` the looser actors the model weighs;
`commitment_mentions` what a mention stands for.
"""

from __future__ import annotations

import re

from scotrack.ingest.document import Mention, Sentence
from scotrack.ingest.facts.commitment_mentions import (
    Actor,
    Context,
    Scan,
    kind_of,
    mention_actor,
    person_actor,
    word_of,
)
from scotrack.ingest.facts.commitment_subjects import subject_before
from scotrack.ingest.facts.speech_frames import Frame
from scotrack.ingest.lexicon import clauses as clause_rules
from scotrack.ingest.lexicon import commitment_actors as actor_rules
from scotrack.ingest.lexicon import commitments as rules


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
    subject = subject_before(text, scan, sent, mentions, ctx, trigger.start(), framed)
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
            scheduled(text, trigger)
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
    if actor_rules.PLANNED.match(word_of(text, trigger)) and scheduled(text, trigger):
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
    if actor_rules.PARTICIPLE_OPENING.fullmatch(text, clause, trigger.start()):
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
        if not actor_rules.TITLE_WORDS.fullmatch(text, at, begin):
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
        actor_rules.NO_SUBJECT.fullmatch(text, 0, trigger.start())
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


def adjacent(text: str, actor: Actor, offset: int, position: int) -> bool:
    """Only adverbs, auxiliaries and a day between the subject and the verb."""
    if actor.end < 0:
        return False
    gap = rules.APPOSITIVE.sub("", text[actor.end - offset : position])
    return len(gap) <= 40 and not rules.GAP_FILLER.sub(" ", gap).strip(" )")


def scheduled(text: str, trigger: re.Match[str]) -> bool:
    """Whether the verb after "will" (adverbs skipped: "would really like to")
    is one of a schedule, a preview or a courtesy; punctuation is no part of a
    word ("will also attend, with ...")."""
    words = actor_rules.WORD.findall(text[trigger.end() : trigger.end() + 40].lower())
    words = [w for w in words if w not in rules.SKIP_AFTER_WILL and w[-2:] != "ly"]
    if len(words) > 1 and words[0] == "be" and words[1].endswith("ing"):
        stem = words[1][:-3]  # "will be encouraging": a progressive
        return any(verb.startswith(stem) for verb in rules.SCHEDULE)
    return any(" ".join(words[:n]) in rules.SCHEDULE for n in (1, 2, 3) if words)
