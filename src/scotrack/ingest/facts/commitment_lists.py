"""Proposals announced as a list ("Xi put forward five proposals:", "Li proposed
the following") and spelt out in the sentences or lines after it: one proposal
per point ("1. Deepen ...", "Secondly, expand ...") or per gerund of a summary
("The proposal included strengthening X, expanding Y and improving Z"), each the
announcer's."""

from __future__ import annotations

from dataclasses import dataclass

from scotrack.ingest.classifiers.candidates import RULE, Candidate
from scotrack.ingest.document import Item, Mention, Sentence
from scotrack.ingest.facts.clauses import Segment, holds_any, trimmed
from scotrack.ingest.facts.commitment_details import area_of, target_of
from scotrack.ingest.facts.commitment_mentions import person_actor
from scotrack.ingest.lexicon import clauses as clause_rules
from scotrack.ingest.lexicon import commitment_lists as rules
from scotrack.ingest.lexicon.folding import folded

_POINTS_FOR = 2
"""A list's points follow its announcement (or the point before) within this
many sentences."""

_SHORTEST = 3
"""A point has at least this many words."""


@dataclass(slots=True)
class Announced:
    """The proposer of the last list announced, and where its points reach."""

    actor: str | None = None
    speaker: str | None = None
    last: int = -_POINTS_FOR - 1
    numbered: int = -_POINTS_FOR - 1
    """The last sentence that is a point's number alone ("1.")."""


def announce(
    announced: Announced,
    sent: Sentence,
    core: list[Candidate],
    person: Mention | None,
    n: int,
) -> None:
    """Note sentence `n` as a list's announcement when it has one ("put forward
    five proposals") with a proposer: the actor of its first commitment, else
    its first person of a state ("Hu made a six-point proposal")."""
    lowered = folded(sent.text)
    if not holds_any(lowered, rules.LIST_INTRO_CUES) or not rules.LIST_INTRO.search(
        lowered
    ):
        return
    if core:
        item = core[0].item
        announced.actor, announced.speaker = str(item["actor"]), item["speaker"]
    else:
        actor = person_actor(person) if person is not None else None
        if actor is None:
            return
        announced.actor, announced.speaker = actor.actor, actor.speaker
    announced.last = n


def points(
    announced: Announced, sent: Sentence, following: str, n: int
) -> list[Candidate]:
    """The proposals sentence `n` spells out for the list announced just before:
    a numbered, bulleted or ordinal point, or a summary's gerunds."""
    if announced.actor is None or n - announced.last > _POINTS_FOR:
        return []
    text = sent.text
    if rules.LIST_NUMBER.fullmatch(text):
        announced.last = announced.numbered = n
        return []
    point = rules.LIST_POINT.match(text)
    summary = None if point else rules.LIST_SUMMARY.match(text)
    if announced.numbered == n - 1:
        pieces = [Segment(0, len(text))]
    elif point is not None:
        pieces = [Segment(point.end(), len(text))]
    elif summary is not None:
        pieces = _gerunds(text, summary.end())
    else:
        return []
    announced.last = n
    found: list[Candidate] = []
    for piece in pieces:
        span = trimmed(text, piece.start, piece.end)
        phrase = text[span.start : span.end]
        if len(phrase.split()) < _SHORTEST:
            continue
        item: Item = {
            "actor": announced.actor,
            "speaker": announced.speaker,
            "kind": "proposal",
            "area": area_of(phrase, text, following),
            "text": phrase,
            "target": target_of(phrase),
            "evidence": [[sent.start + span.start, sent.start + span.end]],
        }
        features = {
            "bias2": 1.0,
            "kind=proposal": 1.0,
            "src=listed": 1.0,
            "kind=proposal|src=listed": 1.0,
            RULE: 1.0,
        }
        found.append(
            Candidate(item, features, (item["actor"], span.start + sent.start))
        )
    return found


def _gerunds(text: str, start: int) -> list[Segment]:
    """A summary's measures: one per gerund of its list ("strengthening X,
    stepping up Y, and improving Z")."""
    pieces: list[Segment] = []
    begin = start
    for match in clause_rules.GERUND_CONJUNCT.finditer(folded(text), start):
        pieces.append(Segment(begin, match.start()))
        begin = match.end()
    pieces.append(Segment(begin, len(text)))
    return pieces
