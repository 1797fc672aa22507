"""Coordinated actors of a commitment: "China and Russia will ...", "Xi and
Russian President Vladimir Putin agreed", and the pair a later "they" stands
for; each partner gets its own entry (`Actor.partners`).
"""

from __future__ import annotations

from scotrack.ingest.document import Mention
from scotrack.ingest.facts.commitment_mentions import Actor, mention_actor
from scotrack.ingest.lexicon import commitment_actors as actor_rules
from scotrack.ingest.lexicon import commitments as rules
from scotrack.ingest.lexicon.folding import folded


def with_partners(
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
        other = mention_actor(member, framed)
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
        if previous.kind in _COORDINABLE and actor_rules.COORDINATION.fullmatch(gap):
            joined = "," not in gap or " and " in gap
            if not (coordinated or joined):
                break  # "With A and B, C called ...": no list ends at C
            coordinated = True
            members.append(previous)
        elif not actor_rules.ONE_NAME.fullmatch(gap):
            break
        current = previous
    if not coordinated or len(members) > _MOST_PARTNERS:
        return [mention]
    start = members[-1].start - offset
    if not governed and (
        rules.PREPOSITION.search(folded(text[max(0, start - 16) : start]))
        or actor_rules.LED_BY.search(text, max(0, start - 16), start)
    ):
        return [mention]
    return members


def pair_before(
    text: str, offset: int, mentions: list[Mention], position: int, framed: Actor | None
) -> Actor | None:
    """The last coordinated actors of the sentence before `position` ("the
    ministers of China and India held talks where they agreed")."""
    before = [m for m in mentions if m.end <= position and m.kind in _COORDINABLE]
    if not before:
        return None
    actor = mention_actor(before[-1], framed)
    paired = with_partners(
        actor, text, offset, mentions, before[-1], framed, governed=True
    )
    return paired if paired is not None and paired.partners else None
