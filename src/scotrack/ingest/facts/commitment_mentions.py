"""What a mention stands for as a commitment's actor, and the records the
commitment rules share: `Actor`, the sentence's `Scan` and the document's
`Context` (who "he", "it" and "they" are)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from scotrack.data import raw_records
from scotrack.ingest.document import Mention
from scotrack.ingest.facts.clauses import Keywords
from scotrack.ingest.lexicon import commitment_actors as actor_rules
from scotrack.ingest.lexicon import commitment_features as feature_rules
from scotrack.ingest.lexicon import commitments as rules
from scotrack.ingest.lexicon.folding import fold

_GROUP_STARTS = Keywords((word, True) for word in rules.ACTOR_GROUP_STARTS)


def group_starts(lowered: str) -> list[int]:
    """Where a `rules.GROUP` match may begin in folded text (`clauses.matches_at`):
    at one of rules.ACTOR_GROUP_STARTS, or at a "the" and white space before one."""
    found = _GROUP_STARTS.offsets(lowered)
    for offset in list(found):
        space = offset
        while space > 0 and lowered[space - 1].isspace():
            space -= 1
        if space < offset and lowered.startswith("the", space - 3) and space >= 3:
            found.append(space - 3)
    return sorted(set(found))


def may_name_group(lowered: str) -> bool:
    """Whether folded text may hold a `rules.GROUP` match: one of its words occurs
    in it (a few `in` tests, far cheaper than searching for the pattern)."""
    for cue in rules.ACTOR_GROUP_CUES:  # noqa: SIM110 -- any() and a generator: twice the cost
        if cue in lowered:
            return True
    return False


_FAR = 1_000_000
"""A sentence number far before any."""


@dataclass(slots=True)
class Context:
    """What earlier sentences say: who "he", "it" and "they" are."""

    person: Mention | None = None
    state: str | None = None
    they: str | None = None
    state_subject: bool = False
    speakers: set[str] = field(default_factory=set)
    recent: set[str] = field(default_factory=set)
    """Who spoke in the last few sentences (`hear`)."""
    heard: dict[str, int] = field(default_factory=dict)
    """The number of the last sentence each speaker spoke in."""
    framing: str | None = None
    """The speaker of the current sentence's speech frame."""
    author: Mention | None = None
    """The person whose speech or article the document is (`author`)."""
    people: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    listed: int = -_FAR
    """The number of the last sentence that named `person` or spoke one of its
    enumerated points ("Firstly, we must ...")."""


@dataclass(slots=True)
class Scan:
    """One sentence as the trigger rules read it: folded once, its triggers
    found once (`clauses.matches_in` gives each clause its share)."""

    lowered: str
    triggers: list[re.Match[str]]
    starts: list[int]
    """Where a trigger may begin (`rules.TRIGGER_STARTS`), for `clauses.matches_at`."""
    grouped: bool
    """Whether the sentence may name a group (`may_name_group`)."""
    group_starts: list[int]
    """Where a group may be named (`group_starts`; none unless `grouped`)."""
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


PEOPLE: dict[str, tuple[str | None, str | None]] = {}


_TITLE_REACH = 80
"""At most this many characters of title words between a state and its person."""


def titled_people(text: str, mentions: list[Mention]) -> dict[str, str]:
    """The state of each person of no known state whose title names one right
    before the name ("Chinese Vice-Premier Liu", "Minister of Culture of Russia
    Ivan Petrov"): what the people stage left out, an expert excepted."""
    found: dict[str, str] = {}
    previous: Mention | None = None
    for mention in mentions:
        if mention.kind in ("state", "office") and not (
            mention.kind == "office" and previous is None
        ):
            previous = mention if mention.kind == "state" else previous
            continue
        state, previous = previous, None
        if (
            mention.kind != "person"
            or state is None
            or mention.value in found
            or not 0 <= mention.start - state.end <= _TITLE_REACH
            or person_state(mention) is not None
        ):
            continue
        gap = text[state.end : mention.start]
        title = fold(text[max(0, state.start - _TITLE_REACH // 2) : mention.start])
        if actor_rules.TITLE_GAP.fullmatch(gap) and not feature_rules.EXPERT.search(
            title
        ):
            found[mention.value] = state.value
    return found


def person_state(person: Mention) -> str | None:
    known = PEOPLE.get(person.value, (None, None))[0]
    return known or person.state or _leader_states().get(person.value)


def person_actor(person: Mention) -> Actor | None:
    state = person_state(person)
    if state is None:
        return None
    return Actor(state, person.value, person.start, person.end, "person")


def mention_actor(mention: Mention, framed: Actor | None) -> Actor | None:
    if mention.kind == "person":
        return person_actor(mention)
    if mention.kind == "state":
        speaker = framed.speaker if framed and framed.actor == mention.value else None
        return Actor(mention.value, speaker, mention.start, mention.end, "state")
    if mention.kind == "organization":
        return Actor("SCO", None, mention.start, mention.end, "organization")
    if mention.kind == "body":  # "the Council of Heads of State decided" (#11)
        return Actor("SCO", None, mention.start, mention.end, "body")
    if mention.kind == "city" and mention.state:
        speaker = framed.speaker if framed and framed.actor == mention.state else None
        return Actor(mention.state, speaker, mention.start, mention.end, "city")
    if mention.kind == "office" and mention.state:
        return Actor(mention.state, None, mention.start, mention.end, "office")
    return None


def kind_of(trigger: re.Match[str]) -> str:
    """The kind a trigger gives: call, proposal, pledge or should (a modal)."""
    group = trigger.lastgroup or "proposal"
    return rules.GROUP_KINDS.get(group, group)


def word_of(text: str, match: re.Match[str]) -> str:
    """The words of a match found in folded text, as the original writes them."""
    return text[match.start() : match.end()]
