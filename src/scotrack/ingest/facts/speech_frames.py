"""Speech frames of a sentence ("Li said", "said Putin", "he said"): who speaks,
and where the reported clause begins; a commitment inside a frame is the
speaker's.
"""

from __future__ import annotations

from dataclasses import dataclass

from scotrack.ingest.document import Mention
from scotrack.ingest.facts.clauses import holds_any
from scotrack.ingest.lexicon import clauses as rules


@dataclass(frozen=True, slots=True)
class Frame:
    """A speech frame ("Li said", "said Li"): the speaker mention and the span."""

    speaker: Mention | None
    pronoun: str | None
    start: int
    end: int


def frames(text: str, offset: int, mentions: list[Mention]) -> list[Frame]:
    """Speech frames of a sentence: a person, office or pronoun right before a speech
    verb, or a person right after one. Offsets are relative to the sentence."""
    found: list[Frame] = []
    if not holds_any(text, rules.SPEECH_WORDS):
        return found
    for verb in rules.SPEECH.finditer(text):
        who: Mention | None = None
        start = verb.start()
        for mention in reversed(mentions):
            rel_end = mention.end - offset
            if rel_end <= verb.start() and mention.kind in ("person", "office"):
                gap = text[rel_end : verb.start()].strip()
                if gap in (
                    "",
                    "also",
                    "has",
                    "had",
                    "further",
                    "then",
                ) or rules.FRAME_APPOSITIVE.match(gap):
                    who, start = mention, mention.start - offset
                break
        pronoun = None
        if who is None:
            before = text[max(0, verb.start() - 12) : verb.start()].rstrip().lower()
            for word in ("he", "she", "they", "the premier", "the president"):
                if before.endswith(" " + word) or before == word:
                    pronoun, start = word, verb.start() - len(word) - 1
        if who is None and pronoun is None:
            after = [
                m
                for m in mentions
                if m.kind == "person" and m.start - offset > verb.end()
            ]
            if after and rules.FRAME_TITLE.fullmatch(
                text, verb.end(), after[0].start - offset
            ):
                who = after[0]
        if who is not None or pronoun is not None:
            found.append(Frame(who, pronoun, max(0, start), verb.end()))
    return found


def said_that_end(text: str, position: int) -> int:
    """After a frame's verb, the offset where the reported clause begins."""
    match = rules.SAY_THAT.match(text, position)
    return match.end() if match else position
