"""The nearest subject before a commitment's trigger, read strictly.

Of the mentions, SCO groups ("the leaders") and pronouns before the trigger, the
one that ends last and is no prepositional object; an office ("the premier")
stands for the person who holds it, a pronoun for what the text so far names.
`commitment_actors` decides whether that subject makes the commitment.
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
    mention_actor,
    person_actor,
    word_of,
)
from scotrack.ingest.facts.commitment_partners import pair_before, with_partners
from scotrack.ingest.lexicon import clauses as clause_rules
from scotrack.ingest.lexicon import commitment_actors as actor_rules
from scotrack.ingest.lexicon import commitments as rules
from scotrack.ingest.lexicon.folding import fold

_END = attrgetter("end")

_GROUP_REACH = 48
"""How far before a group a preposition that governs it may be."""
_NEVER_ACTORS = ("region", "initiative")
"""Mentions that are never a subject the rules look for ("North Africa")."""


def subject_before(
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
        if rules.GROUP.match(head.lstrip()) or actor_rules.LEADERS.match(head):
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
