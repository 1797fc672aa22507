"""Names: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.dates import MONTHS

NAME_EDGE_WORDS = frozenset(
    [
        "a",
        "also",
        "an",
        "and",
        "are",
        "at",
        "be",
        "been",
        "by",
        "first",
        "had",
        "has",
        "have",
        "her",
        "his",
        "in",
        "is",
        "its",
        "new",
        "of",
        "on",
        "or",
        "our",
        "that",
        "the",
        "their",
        "these",
        "this",
        "those",
        "to",
        "was",
        "were",
        "which",
        "will",
        "with",
        "would",
    ]
)
"""Function words that cannot begin an agreement's or a project's name: a name
widened over the words before its head stops at them (each stage adds its own)."""

# ---------------------------------------------------------------- mentions

UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f'\u2019"
NAME = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}]?[{LOWER}]+)*"
NAME_RUN = re.compile(rf"{NAME}(?:\s+{NAME}){{0,3}}")
OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?")
APPOSITIVE_BODY = (
    r",\s+(?:the\s+|a\s+|an\s+)?((?:(?:former|deputy|vice|senior|chief|executive|"
    r"associate|assistant|acting)\s+)?(?:director|head|chairman|chairwoman|chair|"
    r"president|professor|researcher|research fellow|fellow|expert|secretary|"
    r"minister|ambassador|spokesperson|spokesman|spokeswoman|analyst|dean|editor|"
    r"founder|leader|governor|mayor|commander|envoy|representative|adviser|"
    r"advisor|scholar|lecturer|member|chief|general)\b[^,;\n]{0,150}?)"
    r"(?=,|\s+(?:said|says|told|noted|added)\b)"
)
APPOSITIVE = re.compile(APPOSITIVE_BODY)
BEFORE_APPOSITIVE = re.compile(rf"({NAME}(?:\s+{NAME}){{1,2}})(?={APPOSITIVE_BODY})")
SAID_AFTER = re.compile(
    rf"({NAME}(?:\s+{NAME}){{1,2}})(?=\s+(?:said|says|told|noted|added|"
    rf"stressed|wrote|argued|pointed out)\b)"
)
SAID_BEFORE = re.compile(
    rf"(?:said|says|according to)\s+({NAME}(?:\s+{NAME}){{1,2}})(?=[,.])"
)
SPACE_RUN = re.compile(r"\s+")
CAPITAL = re.compile(f"[{UPPER}]")
SPACED_NAME = re.compile(rf"\s+({NAME})")
NAME_NEXT = re.compile(rf"[ ]+({NAME})")
NAME_BEFORE = re.compile(rf"({NAME})\s+$")
NAME_PARTS = re.compile(r"[\s-]")
CREDIT = re.compile(r"\([^()\n]{0,60}/[^()\n]{0,60}\)")

# ---------------------------------------------------------------- named

METONYM_VERB = re.compile(
    r"(?:'s|\u2019s)\s+(?:position|stance|policy|policies|support|decision|view|"
    r"proposal|role|efforts?|ties|relations|concerns?|response|approach|move|"
    r"government|leadership|officials?)\b"
    r"|\s+(?:has|have|had|will|would|is|was|also|did|does|and\s+\w+\s+)?\s*"
    r"(?:said|says|agreed|agree|agrees|announced|insists?|insisted|believes?|"
    r"believed|wants?|wanted|hopes?|hoped|urged|urges|called|calls|rejected|"
    r"rejects|supports?|supported|opposes?|opposed|signed|welcomed|welcomes|"
    r"reiterated|stressed|warned|accused|denied|responded|proposed|pledged|"
    r"vowed|plans?|planned|seeks?|sought|backed|backs)\b"
)
PAIR = re.compile(r"\s+and\s+$")
AND = re.compile(r"\s+and\s+")
OF_STATE_GAP = re.compile(r"\s+of\s+(?:the\s+)?\S+\s+")
APPOSITIVE_GAP = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?")


# words of entities/mentions.py

SAYING = (
    "said",
    "says",
    "told",
    "noted",
    "added",
    "stressed",
    "wrote",
    "argued",
    "pointed out",
)
"""The verbs of `SAID_AFTER`."""
SAYING_BEFORE = ("said", "says", "according to")
"""The words `SAID_BEFORE` starts with."""
NOT_NAMES = frozenset(
    (
        "The",
        "This",
        "That",
        "These",
        "Those",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "Meanwhile",
        "However",
        "Moreover",
        "Besides",
        "Furthermore",
        "Also",
        "Then",
        "Thus",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        *(name.capitalize() for name in MONTHS),
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "Sir",
        "His",
        "Her",
        "Their",
        "Our",
        "Its",
        "As",
        "In",
        "On",
        "At",
        "For",
        "With",
        "From",
        "By",
        "After",
        "Before",
        "During",
        "Under",
        "Over",
        "Since",
        "While",
        "When",
        "Where",
        "Who",
        "What",
        "Why",
        "How",
        "If",
        "All",
        "Both",
        "Each",
        "Many",
        "Some",
        "Most",
        "Other",
        "Another",
        "Such",
        "Every",
        "Several",
        "Member",
        "States",
        "Council",
        "Summit",
        "Organization",
        "Organisation",
        "Cooperation",
        "Initiative",
        "Party",
        "Spirit",
        "Chinese",
        "Russian",
    )
)
# fmt: on
"""Capitalised words that never start or end a person's name in running text."""
