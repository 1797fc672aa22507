# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Projects: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.folding import folded_pattern

PROJECT_HEADS: tuple[tuple[str, str], ...] = (
    (
        "energy",
        r"(?:natural )?gas pipeline|oil pipeline|pipeline|oil refinery|refinery",
    ),
    (
        "energy",
        r"(?:hydro|thermal |solar |wind |nuclear |coal-fired )?power (?:plant|station)",
    ),
    (
        "energy",
        r"hydropower (?:plant|station|project)|power grid|transmission line|dam",
    ),
    (
        "energy",
        r"solar (?:park|farm|plant)|wind (?:farm|park)|gas field|oil field|power line",
    ),
    ("industry", r"industrial park|industrial zone|economic zone|technology park"),
    (
        "industry",
        r"cement plant|steel plant|chemical plant|fertili[sz]er plant|factory|plant",
    ),
    (
        "agriculture",
        r"agricultur(?:e|al) (?:park|demonstration (?:zone|base|center|centre))",
    ),
    (
        "transport",
        r"high-speed railway|railway|railroad|rail link|highway|expressway|motorway",
    ),
    (
        "transport",
        r"road|bridge|tunnel|dry port|seaport|port|airport|logistics (?:hub|center|centre|park|base)",
    ),
    ("transport", r"economic corridor|corridor"),
    ("telecom", r"fib(?:er|re)[- ]optic (?:cable|line)|data cent(?:er|re)|satellite"),
    ("social", r"hospital|cultural cent(?:er|re)|Luban Workshop"),
)
"""(sector, head-noun regex); the first head found at the end of a name decides."""
PROJECT_HEAD_WORDS = (
    "pipeline",
    "refinery",
    "plant",
    "station",
    "project",
    "grid",
    "line",
    "dam",
    "park",
    "farm",
    "field",
    "zone",
    "factory",
    "base",
    "center",
    "centre",
    "railway",
    "railroad",
    "link",
    "highway",
    "expressway",
    "motorway",
    "road",
    "bridge",
    "tunnel",
    "port",
    "seaport",
    "airport",
    "hub",
    "corridor",
    "cable",
    "satellite",
    "hospital",
    "workshop",
)
"""The last word of every PROJECT_HEADS alternative: a sentence without one of
these as a whole word names no project."""
PROJECT_STATUS: tuple[tuple[str, str], ...] = (
    (
        "completed",
        r"\b(?:completed|been implemented|was implemented|were implemented|put into "
        r"(?:operation|service|use)|commissioned|opened to traffic|inaugurated|launched"
        r" operation|went into operation|came into operation|finished|built)\b",
    ),
    (
        "underway",
        r"\b(?:underway|under way|under construction|being built|being constructed|"
        r"being implemented|in progress|ongoing|is building|are building|progressing)\b",
    ),
    (
        "planned",
        r"\b(?:will (?:build|construct|be built)|to be built|plann?(?:ed|ing|s)?|proposed"
        r"|feasibility|agreed to build|is expected to|would build|will start)\b",
    ),
)
NOT_PROJECTS = (
    r"\b(?:free trade (?:zone|area)|belt and road|silk road|initiative|studies cent(?:er|re)"
    r"|secretariat|structure|road ?map)\b"
)

# ---------------------------------------------------------------- projects

HEADS = tuple(
    (sector, re.compile(rf"\b(?:{pattern})\b(?!-)", re.IGNORECASE))
    for sector, pattern in PROJECT_HEADS
)
ANY_HEAD = folded_pattern(
    r"\b(?:" + "|".join(p for _, p in PROJECT_HEADS) + r")\b(?!-)"
)
STATUS = tuple((status, re.compile(p, re.IGNORECASE)) for status, p in PROJECT_STATUS)
NOT_PROJECT = re.compile(NOT_PROJECTS, re.IGNORECASE)
WORD = re.compile(r"[\w'\u2019-]+")
LOCATION = re.compile(r"\s+(?:in|at|near)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?")


# words of facts/projects.py

NUMBERS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozens",
        "several",
    ]
)
