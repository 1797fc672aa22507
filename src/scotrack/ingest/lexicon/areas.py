# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Areas: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

AREA_KEYWORDS: tuple[tuple[str, str], ...] = (
    (
        "energy",
        r"energy security|clean energy|renewable energy|energy cooperation|oil and gas|natural gas|gas pipelines?|oil|gas|power grids?|electricity|nuclear power|hydropower|power plants?|power stations?|solar|wind power|energy",
    ),
    (
        "security",
        r"anti-terror\w*|counter-terror\w*|terror\w*|extremis\w*|separatis\w*|three evil forces|drug\w*|narcotic\w*|cross-border crimes?|organized crime|transnational crime|crimes?|cyber ?security|information security|border defen[cs]e|border security|drills?|military exercises?|law[- ]enforcement|information exchanges?|security|defen[cs]e|military|RATS|Peace Mission",
    ),
    (
        "trade",
        r"free trade (?:zone|area)|trade facilitation|trade liberali[sz]ation|e-commerce|service trade|trade in services|services trade|investment facilitation|economic cooperation|economic integration|trade|investments?|customs|tariffs?",
    ),
    (
        "connectivity",
        r"inter-?connectivity|connectivity|infrastructure|transport(?:ation)?|roads?|railways?|railroads?|highways?|aviation|telecommunications?|information networks?|communication networks?|logistics|Belt and Road|Silk Road Economic Belt|corridors?|transit",
    ),
    (
        "finance",
        r"development banks?|financ\w*|banks?|funds?|monetary|currenc\w+|settlements? in national currencies|payment systems?|loans?|credit",
    ),
    (
        "industry",
        r"production capacity|industrial\w*|industry|industries|manufacturing|agricultur\w*|factories|plants|parks",
    ),
    (
        "people-to-people",
        r"people-to-people|education\w*|cultur\w*|tourism|health\w*|youth|younger generations?|training|scholarships?|media|poverty\w*|universit\w*|students?|exchanges between peoples|non-governmental|Luban Workshops?|sports?|medical|public health|pandemic|COVID-19",
    ),
    (
        "environment",
        r"environment\w*|ecolog\w*|green development|climate change|disaster relief|disaster prevention|emergency relief|pollution|desertification|water resources",
    ),
    (
        "science-technology",
        r"science and technology|scientific|innovation|technolog\w*|aerospace|geoscience|outer space|space exploration|digital economy|artificial intelligence",
    ),
    (
        "political",
        r"political mutual trust|political settlement|charter|multilateralism|global governance|shared future|diplomacy|diplomatic|strategic alignments?|good-neighborliness|non-interference|hegemonism|sovereignty|territorial integrity|international justice|international order|political",
    ),
)
"""(area, keyword regex); longer phrases come first so they win over their words."""
NEUTRAL_KEYWORDS = (
    r"food security|economic security|financial security|Shanghai Spirit|mutual trust"
    r"|mutual benefit|win-win cooperation"
)
"""Phrases that consume their words without giving an area."""

# ---------------------------------------------------------------- areas


def top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of a regex, split at "|" outside parentheses."""
    parts, depth, begin = [], 0, 0
    for position, char in enumerate(pattern):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(pattern[begin:position])
            begin = position + 1
    parts.append(pattern[begin:])
    return parts


ALTERNATIVES = sorted(
    (
        (alternative, area)
        for area, pattern in (
            ("neutral", NEUTRAL_KEYWORDS),
            *AREA_KEYWORDS,
        )
        for alternative in top_level_alternatives(pattern)
    ),
    key=lambda pair: len(pair[0]),
    reverse=True,
)


LITERAL = re.compile(r"[^\\()\[\]{}?*+|.^$]*")
KEYWORDS = tuple(
    re.compile(rf"\b(?:{alternative.lower()})\b") for alternative, _ in ALTERNATIVES
)
"""Each keyword regex, lower case (run on lower-cased text)."""
AREA_OF = tuple(
    (re.compile(alternative, re.IGNORECASE), area) for alternative, area in ALTERNATIVES
)
