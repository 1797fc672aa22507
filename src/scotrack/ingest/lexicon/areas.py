# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Areas: word lists and compiled rules (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.alternations import (
    first_words,
    skipping,
    top_level_alternatives,
)
from scotrack.ingest.lexicon.folding import folded_pattern

AREA_KEYWORDS: tuple[tuple[str, str], ...] = (
    (
        "energy",
        r"energy security|clean energy|renewable energy|energy cooperation|oil and gas|natural gas|gas pipelines?|oil|gas|power grids?|electricity|nuclear power|hydropower|power plants?|power stations?|solar|wind power|energy",
    ),
    (
        "security",
        r"training (?:of |for )?(?:counter-terror\w*|anti-terror\w*|law[- ]enforcement|security|military|border)|anti-?terror\w*|counter-?terror\w*|terror\w*|extremis\w*|separatis\w*|three evil forces|drug\w*|narcotic\w*|cross-border crimes?|organized crime|transnational crime|crimes?|cyber ?security|information security|border defen[cs]e|border security|drills?|military exercises?|law[- ]enforcement|information exchanges?|security|defen[cs]e|military|troops|armou?red vehicles|artillery|servicemen|bombers|warplanes|fighter jets|peace and stability|Peace Mission",
    ),
    (
        "trade",
        r"free trade (?:zone|area)|trade facilitation|trade liberali[sz]ation|e-commerce|service trade|trade in services|services trade|investment facilitation|economic cooperation|economic integration|business environment|investment environment|enabling environment|economic ties|supply chains?|trade|commerce|investments?|customs|tariffs?",
    ),
    (
        "connectivity",
        r"inter-?connectivity|connectivity|infrastructure|transport(?:ation)?|roads?|railways?|railroads?|highways?|aviation|telecommunications?|telecom|information networks?|communication networks?|logistics|Belt and Road|Silk Road Economic Belt|corridors?|transit",
    ),
    (
        "finance",
        r"development banks?|financ\w*|banks?|funds?|monetary|currenc\w+|settlements? in national currencies|payment systems?|loans?|lend|lending|credit",
    ),
    (
        "industry",
        r"production capacity|industrial\w*|industry|industries|manufacturing|agricultur\w*|factories|plants|parks",
    ),
    (
        "people-to-people",
        r"people-to-people|education\w*|cultur\w*|tourism|health\w*|youth|younger generations?|training|scholarships?|poverty\w*|universit\w*|media (?:cooperation|exchanges?|forum)|mass media|students?|exchanges between peoples|non-governmental|Luban Workshops?|sports?|festivals?|medical|public health|COVID-19 pandemic|coronavirus pandemic|pandemic|COVID-19|coronavirus",
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
        r"political mutual trust|strategic coordination|policy coordination|political settlement|charter|multilateralism|global governance|shared future|diplomacy|diplomatic|strategic alignments?|good-neighborliness|non-interference|hegemonism|sovereignty|territorial integrity|international justice|international order|political",
    ),
)
"""(area, keyword regex); longer phrases come first so they win over their words."""
NEUTRAL_KEYWORDS = (
    r"food security|economic security|financial security|Shanghai Spirit|mutual trust"
    r"|mutual benefit|win-win cooperation|road ?maps?|cultural diversity|diversity of civili[sz]ations"
    r"|regional anti-terrorist structure|RATS"
    r"|collective security treaty(?: organi[sz]ation)?|UN security council|national security council"
    r"|security council|national security commission|security commission"
    r"|convention (?:on|against) (?:combating |countering |fighting |the fight against )?terrorism, separatism and extremism"
    r"|treaty (?:on|against) (?:combating |countering |fighting |the fight against )?terrorism, separatism and extremism"
)
"""Phrases that consume their words without giving an area: the names of bodies
and treaties ("RATS", "Collective Security Treaty Organization", "Convention on
Combating Terrorism, Separatism and Extremism") say nothing of what a sentence is
about."""
POLITICAL_CUES = (
    r"politic|diplomat|sovereign|membership|full[- ]fledged member|full member|observer status"
    r"|status of (?:an )?observer|accession|dialogue partner|strategic partnership|multipolar"
    r"|international (?:situation|order|relations|affairs|issues|arena|politics|agenda|architecture|law)"
    r"|(?:regional|international|global) (?:and (?:regional|international|global) )?(?:issues|situation|affairs|problems|hotspots)"
    r"|situation in afghanistan|afghan (?:issue|settlement|peace|problem|government|people)"
    r"|inclusive government|UN Charter|UN Security Council|hegemon|geopolitic|good.neighbo"
    r"|non-interference|global governance|shared future|shanghai spirit|enlargement"
    r"|treaty of friendship|friendly relations|friendship and cooperation|memorandum of obligations"
    r"|bilateral (?:relations|ties)|foreign policy|world order|cold war|unilateral|sanctions"
    r"|internal affairs|territorial integrity"
)
"""Words of a sentence about politics and diplomacy: membership, relations between
states, the international order. Political matters are rarely put in a list of
fields, so one such sentence gives the area (see facts/areas.py)."""

# ---------------------------------------------------------------- areas


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

STATUS_LISTS = (
    r"\b(?:are|is|as|have|has)\s+(?:(?:the\s+)?SCO\s+)?(?:observers?|observer states?|dialogue partners?|observer status)\b"
    r"|\b(?:observers?|observer states?|dialogue partners?|observer status)\s*:"
)
"""A bare list of observers or dialogue partners ("India and Iran are observers",
"dialogue partners: Nepal, Turkey"): no step, no political substance."""

POLITICAL = folded_pattern(rf"\b(?:{POLITICAL_CUES})")
POLITICAL_STARTS = first_words(rf"\b(?:{POLITICAL_CUES})")
"""What every POLITICAL match starts with: the places it is tried at."""
STATUS_LIST = skipping(STATUS_LISTS)
STATUS_LIST_CUES = ("observer", "dialogue partner")
"""Every STATUS_LIST match holds one of these: a cheap first test."""
LITERAL = re.compile(r"[^\\()\[\]{}?*+|.^$]*")
KEYWORDS = tuple(
    re.compile(rf"\b(?:{alternative.lower()})\b") for alternative, _ in ALTERNATIVES
)
"""Each keyword regex, lower case (run on lower-cased text)."""
AREA_OF = tuple(
    (re.compile(alternative, re.IGNORECASE), area) for alternative, area in ALTERNATIVES
)
