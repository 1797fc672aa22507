"""Which of a clause's triggers are acts, and where their complements end.

A trigger of the lexicon is no commitment when it names no action ("the
importance of the summit", "offered congratulations", "did not pledge"), when it
is a participle ("the proposed bank"), or when a decision is a step of a state's
status; a clause may hold several triggers coordinated with "and" or after an
opening participle, and each one's complement ends where the next begins.
"""

from __future__ import annotations

import re

from scotrack.ingest.facts.clauses import matches_in
from scotrack.ingest.facts.commitment_actors import opening_participle
from scotrack.ingest.facts.commitment_mentions import Actor, Scan, word_of
from scotrack.ingest.lexicon import commitments as rules
from scotrack.ingest.lexicon.folding import fold, folded

_JOINT_SOURCES = frozenset(
    (
        *("group", "organization", "body", "they", "they-group", "main"),
        *("loose-document", "loose-impersonal", "loose-headless"),
        *("loose-group-subject", "loose-we-agreed"),
    )
)
"""How the SCO is found as the subject of a decision a precise rule takes."""


def joint_decision(text: str, trigger: re.Match[str], actor: Actor) -> bool:
    """Whether a decision or instruction is the SCO's, of its members, leaders or
    meeting ("the ministers decided to set up ..."), and no step of a state's
    status ("decided to grant Iran observer status")."""
    return (
        actor.actor == "SCO"
        and actor.source in _JOINT_SOURCES
        and not rules.MEMBERSHIP_GRANT.match(text, trigger.end())
    )


def no_action(text: str, trigger: re.Match[str]) -> bool:
    """Whether the trigger names no action: "the importance of the summit",
        "offered congratulations", "asked for observer status" (a membership
        step), "there should be no place for", "reaffirmed that X is a priority"
        (a belief; "reaffirmed that they will ..." is a pledge), a negated trigger
    ("did not pledge", "were not invited to")."""
    if rules.NEGATED_TRIGGER.search(
        folded(text), max(0, trigger.start() - 40), trigger.start()
    ):
        return True
    word = word_of(text, trigger).lower()
    if rules.PARTICIPLE.match(word) and _participle(text, trigger):
        return True
    if rules.NEED_OF.search(word):
        return bool(rules.THING_NEEDED.match(text, trigger.end()))
    if word.startswith("ask"):
        return bool(
            rules.STATUS_ASKED.match(text, trigger.end())
            or rules.ASKED_QUESTION.match(text, trigger.end())
        )
    if word == "could":
        return bool(rules.COPULA_COULD.match(text, trigger.end()))
    if word in ("should", "must"):
        return bool(rules.NOTHING_NEEDED.match(text, trigger.end()))
    if rules.RESTATED.match(word) and text.startswith(" that", trigger.end()):
        return not rules.MODAL.search(text, trigger.end())  # "reaffirmed that X is"
    return word == "offered" and bool(rules.COURTESY.match(text, trigger.end()))


_BEFORE_PARTICIPLE = 40
"""How far before a participle its determiner, auxiliary or noun is looked for."""


def _participle(text: str, trigger: re.Match[str]) -> bool:
    """Whether a trigger in -ed is a participle, no act of its subject: an
    adjective ("the proposed bank"), a passive call ("Pakistan was invited to",
    whose subject is the one called on) or a noun's reduced relative clause
    ("initiatives proposed for regional cooperation ... are conducive")."""
    start = trigger.start()
    before = text[max(0, start - _BEFORE_PARTICIPLE) : start]
    if rules.ATTRIBUTIVE.search(before):
        return True
    if trigger.lastgroup == "call" and rules.PASSIVE.search(fold(before)):
        return True
    return bool(
        rules.REDUCED_RELATIVE.search(before)
        and rules.AFTER_RELATIVE.match(text, trigger.end())
    )


def _participle_end(text: str, trigger: re.Match[str], end: int) -> int:
    """Where a trigger's complement ends: at the comma that closes an opening
    participle ("Calling for X, Xi urged ..."), else at the clause's end."""
    if not opening_participle(text, trigger):
        return end
    comma = text.find(",", trigger.end(), end)
    return comma if comma > 0 else end


def complement_end(
    text: str, triggers: list[re.Match[str]], number: int, end: int
) -> int:
    """Where the complement of trigger `number` of a clause (ending at `end`)
    ends: at the "and" of a trigger coordinated with it ("decided to set up X
    and urged Y to ..."), else as `_participle_end` says."""
    trigger = triggers[number]
    end = _participle_end(text, trigger, end)
    if number + 1 < len(triggers):
        following = triggers[number + 1]
        cut = rules.COORDINATED.search(text, trigger.end(), following.start())
        end = min(end, cut.start()) if cut is not None else end
    return end


def triggers_in(
    text: str, scan: Scan, a: int, b: int, *, core: bool
) -> list[re.Match[str]]:
    """The clause's first trigger, and later ones coordinated with "and" or
    after an opening participle ("Calling for ..., Xi urged ..."); with `core`,
    of the core groups only (a clause cut inside a word is searched anew)."""
    found: list[re.Match[str]] = []
    for match in matches_in(
        rules.TRIGGER, scan.lowered, scan.triggers, a, b, scan.starts
    ):
        if core and match.lastgroup in rules.EXTENDED_KINDS:
            continue
        if (
            found
            and not rules.COORDINATED.search(text[a : match.start()])
            and not all(opening_participle(text, m) for m in found)
        ):
            continue
        found.append(match)
    return found
