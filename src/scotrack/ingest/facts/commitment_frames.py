"""Proposals named by a noun or a passive, whose author stands beside the noun or
after "by": "China's proposal for the SCO to ...", "the initiative of
Tajikistan to create ...", "at Kyrgyzstan's initiative", "the partnership was
proposed by Putin" (#11). The verbs of `commitments` find none of them; each is
a candidate for the model (an extended trigger's), never a precise rule's.
"""

from __future__ import annotations

import re

from scotrack.ingest.classifiers.candidates import Candidate
from scotrack.ingest.document import Item, Mention, Sentence
from scotrack.ingest.facts import commitment_features
from scotrack.ingest.facts.clauses import clause_starts, trimmed
from scotrack.ingest.facts.commitment_details import area_of, target_of
from scotrack.ingest.facts.commitment_mentions import mention_actor
from scotrack.ingest.lexicon import commitment_frames as rules
from scotrack.ingest.lexicon.folding import folded

_BEFORE = 40
"""How far before an author its frame ("the initiative of") is looked for."""
_MIN_WORDS = 4
"""A shorter text ("China's proposal") names no action."""


def frame_candidates(
    sent: Sentence,
    mentions: list[Mention],
    number: int,
    following: str,
    taken: set[str],
) -> list[Candidate]:
    """The sentence's proposals named by a noun or a passive, one per author not
    in `taken` (the actors the sentence's triggers found already)."""
    text = sent.text
    lowered = folded(text)
    if not any(cue in lowered for cue in rules.FRAME_CUES):
        return []
    found: list[Candidate] = []
    bounds = [*clause_starts(text), len(text)]
    for mention in mentions:
        if mention.kind not in rules.FRAME_AUTHORS:
            continue
        frame = _frame(lowered, mention.start - sent.start, mention.end - sent.start)
        if frame is None:
            continue
        start, word, passive = frame
        actor = mention_actor(mention, None)
        if actor is None or actor.actor in taken:
            continue
        clause = max(b for b in bounds if b <= min(start, word.start()))
        end = min(b for b in bounds if b > word.end())
        span = trimmed(text, clause if passive else start, end)
        phrase = text[span.start : span.end]
        if len(phrase.split()) < _MIN_WORDS:
            continue
        taken.add(actor.actor)
        evidence = [sent.start + span.start, sent.start + span.end]
        item: Item = {
            "actor": actor.actor,
            "speaker": actor.speaker,
            "kind": "proposal",
            "area": area_of(phrase, text, following),
            "text": phrase,
            "target": target_of(phrase),
            "evidence": [evidence],
        }
        source = "frame-by" if passive else "frame"
        features = commitment_features.features(
            sent, lowered, word, source, item, number, True
        )
        found.append(Candidate(item, features, (actor.actor, evidence[0])))
    return found


def _frame(
    lowered: str, start: int, end: int
) -> tuple[int, re.Match[str], bool] | None:
    """Where the frame around an author's mention (at start:end of the folded
    sentence) begins, its word, and whether it qualifies its clause (a passive,
    "at X's initiative": the proposal is the clause's); None without one."""
    possessed = rules.POSSESSED_PROPOSAL.match(lowered, end)
    if possessed is not None:
        word = rules.FRAME_WORD.search(lowered, end, possessed.end())
        at = rules.AT_FRAME.search(lowered, max(0, start - 8), start)
        return (start, word, at is not None) if word is not None else None
    before = max(0, start - _BEFORE)
    for pattern, passive in ((rules.PROPOSAL_OF, False), (rules.PROPOSED_BY, True)):
        match = pattern.search(lowered, before, start)
        if match is not None:
            word = rules.FRAME_WORD.search(lowered, match.start(), match.end())
            if word is not None:
                opening = lowered.rfind("the ", before, match.start())
                begin = opening if 0 <= match.start() - opening <= 4 else match.start()
                at = rules.AT_FRAME.search(lowered, max(0, begin - 8), begin)
                return (begin, word, passive or at is not None)
    return None
