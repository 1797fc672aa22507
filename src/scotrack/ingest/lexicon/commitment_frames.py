"""Commitments named by a noun or a passive: word lists and compiled rules (see
`scotrack.ingest.lexicon`, `facts/commitment_frames.py`)."""

from __future__ import annotations

from scotrack.ingest.lexicon.folding import folded_pattern

FRAME_CUES = ("propos", "initiat", "suggest", "idea", "put forward", "float")
"""Every frame below holds one of these: a sentence without any has none."""
FRAME_WORD = folded_pattern(
    r"(?P<xproposal>proposals?|initiatives?|suggestions?|idea|proposed|put forward"
    r"|initiated|suggested|floated)\b"
)
"""The word of a frame, as the model's trigger."""
POSSESSED_PROPOSAL = folded_pattern(
    r"['\u2019]s?\s+(?:[\w-]+[- ]point\s+|own\s+|new\s+|recent\s+)?"
    r"(?:proposals?|initiatives?|suggestions?|idea)\b(?!\s+(?:was|is)\s+(?:rejected|declined))"
)
"""After an author: "China's proposal", "Kyrgyzstan's initiative"."""
PROPOSAL_OF = folded_pattern(
    r"\b(?:proposals?|initiatives?|suggestions?|idea)\s+(?:put\s+forward\s+)?(?:of|by|from)"
    r"\s+(?:the\s+)?$"
)
"""Before an author: "the initiative of Tajikistan", "at the proposal of"."""
PROPOSED_BY = folded_pattern(
    r"\b(?:is|are|was|were|been)\s+(?:(?:first|initially|originally|jointly|also)\s+)?"
    r"(?:proposed|put\s+forward|initiated|suggested|floated)\s+"
    r"(?:(?:first|initially|originally|jointly)\s+)?by\s+(?:the\s+)?$"
)
"""Before an author: a passive ("was proposed by Putin"); not a reduced relative
("the concept proposed by Xi has been praised"), which refers to a proposal."""
AT_FRAME = folded_pattern(r"\b(?:at|on|upon)\s+(?:the\s+)?$")
"""Before a frame that qualifies its clause: "at Kyrgyzstan's initiative"."""
FRAME_AUTHORS = frozenset(("state", "person", "organization", "body"))
"""Mentions that may author a proposal (a city is a place, not an author)."""
