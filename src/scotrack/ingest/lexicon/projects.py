# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Projects: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.alternations import first_words
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
        r"agricultur(?:e|al) (?:park|demonstration (?:zone|base|park|center|centre))",
    ),
    ("industry", r"demonstration (?:zone|base|park|center|centre)"),
    (
        "transport",
        r"railway express|high-speed railway|railway|railroad|rail link|highway|expressway|motorway",
    ),
    (
        "transport",
        r"road|bridge|tunnel|dry port|seaport|port|airport|logistics (?:hub|center|centre|park|base)",
    ),
    ("transport", r"economic corridor|corridor|freight train|railway express"),
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
    "train",
    "express",
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
        r"|feasibility|agreed to build|offer(?:ed|s)? to (?:build|construct)|is expected to|would build|will start)\b",
    ),
)
NOT_PROJECTS = (
    r"\b(?:free trade (?:zone|area)|belt and road|one belt|silk road|initiative|studies cent(?:er|re)"
    r"|secretariat|structure|road ?map)\b"
)
SCO_INSTITUTIONS: tuple[tuple[str, str], ...] = (
    (
        "finance",
        r"development bank|development fund|special account|inter-?bank (?:association|consortium|union)|association of investors|investors['\u2019]? association",
    ),
    ("energy", r"energy club"),
    ("industry", r"business council|entrepreneurs['\u2019]? (?:committee|council)"),
)
"""(sector, name) of the SCO institutions with an economic role: projects
(CONVENTIONS.md), whether proposed or at work."""
INSTITUTION_CUE_WORDS = (
    "bank",
    "fund",
    "account",
    "interbank",
    "inter-bank",
    "investors",
    "club",
    "council",
    "committee",
)
"""The words every SCO_INSTITUTIONS name holds one of."""
INSTITUTION_PROPOSED = (
    r"\b(?:establish\w*|creat\w*|set(?:ting)? up|propos\w*|ideas?|accelerat\w*|speed\w* up"
    r"|launch\w*|work(?:ing)? (?:on|towards?)|build\w*|forming|formation|future|stud(?:y|ies)"
    r"|plan\w*|calls?|called for|need for|necessary to|initiative)\b"
)
"""Words that show an institution is still proposed (status planned)."""
NAME_CONTINUES = (
    r"\s+(?:Transport|First|Group|Company|Corporation|Co\b|Institute|Authority|Administration"
    r"|Bureau|Survey|Design|Construction|Engineering|Agreement|Treaty|Convention)"
)
"""Capitalised words after a project head that make it part of a longer name of
something else ("International Road Transport", "China Railway First Survey")."""
ARRIVAL = (
    r"\b(?:arriv\w*|landed|lands|welcomed|greeted|received|seen off|saw off|departed)\b"
)
"""An airport in a sentence about arrival is a place, not a project."""

# ---------------------------------------------------------------- projects

HEADS = tuple(
    (sector, re.compile(rf"\b(?:{pattern})\b(?!-)", re.IGNORECASE))
    for sector, pattern in PROJECT_HEADS
)
ANY_HEAD = folded_pattern(
    r"\b(?:" + "|".join(p for _, p in PROJECT_HEADS) + r")\b(?!-)"
)
ANY_HEAD_STARTS = first_words(ANY_HEAD.pattern)
"""What every ANY_HEAD match starts with: the places it is tried at."""
STATUS = tuple((status, re.compile(p, re.IGNORECASE)) for status, p in PROJECT_STATUS)
NOT_PROJECT = re.compile(NOT_PROJECTS, re.IGNORECASE)
INSTITUTION = tuple(
    (sector, re.compile(rf"\b(?:{pattern})\b(?!-)", re.IGNORECASE))
    for sector, pattern in SCO_INSTITUTIONS
)
INSTITUTION_PLANNED = re.compile(INSTITUTION_PROPOSED, re.IGNORECASE)
SCO_BEFORE = re.compile(
    r"(?:\bSCO|Shanghai Cooperation Organi[sz]ation)(?:['\u2019]s)?\s+$"
)
OTHER_OWNER_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?!SCO\b|Shanghai\b)[A-Z]")
"""'... Bank of the BRICS': an institution of another organisation."""
CONTINUATION = re.compile(NAME_CONTINUES)
ARRIVING = re.compile(ARRIVAL, re.IGNORECASE)
SINO = re.compile(r"\bSino-", re.IGNORECASE)
NOT_NAME_CHARS = re.compile(r"[^a-z0-9]+")
NAME_TAIL = re.compile(
    r"\s+(?:for|of)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+(?:(?:and|of|for)\s+)?[A-Z][\w'\u2019-]*)*"
)
"""The rest of a proper name after its head ("Port of Chabahar", "Base for
Agriculture Technology Exchange and Training")."""
STATE_ADJECTIVE = re.compile(
    r"(?:[a-z](?:ian|ese|ish|ani)|^(?:Kazakh|Uzbek|Kyrgyz|Tajik|Afghan|Turkmen))$"
)
"""A state mention that is an adjective ("Iranian", "Chinese"), not a name."""
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
