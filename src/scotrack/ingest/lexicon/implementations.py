# ruff: noqa: E501 -- regexes read best unwrapped, one rule per line
"""Statements of implementation: cue patterns, hedges and object names (see
`scotrack.ingest.lexicon` and `scotrack.ingest.facts.implementations`).

A cue says how far a promise went: `done` (opened, ratified, disbursed, "has
fulfilled its pledge"), `under way` (construction began, the first tranche was
disbursed) or `not done` (has yet to, stalled, postponed, cancelled). A hedge
before a cue ("will open", "is expected to be completed") makes the sentence a
plan, not a report. Object names are the things SCO pledges are about, each with
the ways news writes it, so that "the Belt and Road Initiative" matches a pledge
about "the Silk Road Economic Belt".
"""

from __future__ import annotations

import re
from typing import Literal

import ahocorasick

from scotrack.ingest.lexicon.folding import folded_pattern

Progress = Literal["done", "under way", "not done", "cancelled"]

CUE_SOURCES: tuple[tuple[Progress, str], ...] = (
    # not done first: "has yet to be ratified" is not a ratification
    ("not done", r"\b(?:has|have|had) yet to (?:be )?[a-z]+"),
    (
        "not done",
        r"\b(?:has|have|had|was|were|is|are) not (?:yet )?(?:been )?(?:fully )?(?:opened|launched|ratified|implemented|fulfilled|completed|established|built|disbursed|delivered|set up|created|started|begun)\b",
    ),
    (
        "not done",
        r"\b(?:has|have|had) (?:been )?(?:stalled|stalled|frozen|put on hold)\b|\bstalled\b|\bremains? on paper\b|\bin limbo\b|\bno progress\b",
    ),
    (
        "not done",
        r"\b(?:was|were|has been|have been|had been|is|are) (?:again |indefinitely )?(?:postponed|delayed|shelved|suspended|put off)\b",
    ),
    (
        "not done",
        r"\bfailed to (?:materiali[sz]e|open|start|begin|implement|deliver|ratify|fulfil+)\b",
    ),
    (
        "cancelled",
        r"\b(?:was|were|has been|have been|had been) (?:officially )?(?:cancelled|canceled|scrapped|abandoned|dropped)\b",
    ),
    (
        "under way",
        r"\bconstruction (?:phase |work |works )?(?:of [^.;]{1,80}? )?(?:began|has begun|had begun|started|has started|commenced|has commenced|kicked off|has kicked off|got under ?way|is under ?way|is now under ?way)\b",
    ),
    (
        "under way",
        r"\b(?:began|started|commenced|launched|kicked off) (?:the )?construction\b|\bbroke ground\b|\bground-?breaking ceremony\b|\bcommencement ceremony\b|\bfoundation stone was laid\b|\blaid the foundation stone\b",
    ),
    (
        "under way",
        r"\b(?:is|are|was|were) (?:now )?(?:officially )?under ?way\b|\b(?:is|are) under construction\b|\b(?:is|are) being (?:built|constructed|implemented|created|set up|established)\b|\bmoving to the construction phase\b",
    ),
    (
        "under way",
        r"\b(?:start|beginning|commencement|launch) of (?:the )?construction\b",
    ),
    (
        "under way",
        r"\bfirst (?:tranche|instal+ment|phase|batch)\b[^.;]{0,80}?\b(?:was|were|has been|have been)? ?(?:disbursed|released|allocated|completed|delivered)\b",
    ),
    (
        "under way",
        r"\b(?:has|have) (?:partially|partly) (?:fulfilled|implemented|delivered on)\b|\bprogress (?:has been|was|had been) made\b",
    ),
    (
        "done",
        r"\b(?:has|have|had) (?:fully |now )?(?:fulfilled|implemented|honou?red|delivered on|kept|made good on) (?:its|their|the|his|her|this|that) (?:\w+ )?(?:pledge|promise|commitment|undertaking)s?\b",
    ),
    (
        "done",
        r"\b(?:was|were|has been|have been|had been) (?:officially |formally |finally |successfully )?(?:opened|inaugurated|launched|commissioned|completed|established|set up|created|founded|ratified|disbursed|delivered|put into (?:operation|service)|signed into law)\b",
    ),
    (
        "done",
        r"\b(?:centre|center|office|university|bank|club|area|zone|branch|institute|railway|line|plant|school|museum|hub|fund|secretariat|structure)s? (?:officially |formally )?(?:opened|began (?:work|operations?))\b",
    ),
    (
        "done",
        r"\b(?:opened|inaugurated) (?:its|the|a|an) [^.;]{0,60}?\b(?:centre|center|office|university|branch|institute|school|museum|hub|secretariat|campus)\b",
    ),
    (
        "done",
        r"\b(?:entered|came) into (?:force|effect)\b|\b(?:came into|went into|put into) (?:operation|service)\b|\bbecame operational\b|\bbegan (?:operating|operations)\b|\bopening and operation\b|\bis (?:now )?(?:fully )?operational\b",
    ),
    (
        "done",
        r"\b(?:ratified|ratifies|has ratified|have ratified)\b|\bsigned (?:a |the )?law[^a-z0-9]{0,3}on (?:the )?ratification\b",
    ),
    (
        "done",
        r"\bsince its (?:official )?(?:opening|establishment|launch|inauguration|creation|founding)\b|\bupon (?:its )?(?:establishing|establishment|opening|creation)\b|\bhas grown into\b|\bdream has come true\b",
    ),
)
"""(progress, pattern source), tried in order; a cue overlapping an earlier
one's span is dropped, and of the cues left the sentence's last one counts
("had been in limbo for decades, but the project is now officially underway")."""

TRIGGERS: tuple[str, ...] = (
    "yet to", "stall", "on paper", "limbo", "progress", "postpon", "delay",
    "shelved", "suspend", "put off", "on hold", "frozen", "failed to", "cancel",
    "scrapped", "abandon", "dropped", "construction", "broke ground",
    "ground-breaking", "groundbreaking", "commencement", "foundation stone",
    "under way", "underway", "being ", "tranche", "instal", "phase", "batch",
    "partially", "partly", "fulfil", "implemented", "honor", "honour", "deliver",
    "kept", "made good", "opened", "inaugurat", "launched", "commissioned",
    "completed", "established", "set up", "created", "founded", "ratif",
    "disbursed", "into operation", "and operation", "operational", "into service",
    "signed into law", "began", "into force", "into effect",
    "since its", "upon", "grown into", "come true", "not ",
)  # fmt: skip
"""Words one of which every cue holds: a sentence with none of them is passed
over without trying the rules (most sentences, at a fraction of the cost)."""


def _automaton(words: tuple[str, ...]) -> ahocorasick.Automaton:
    found = ahocorasick.Automaton(ahocorasick.STORE_ANY)
    for word in words:
        found.add_word(word, word)
    found.make_automaton()
    return found


TRIGGER_AUTOMATON = _automaton(TRIGGERS)
"""`TRIGGERS` in one pass over a sentence (four times as fast as `in` for each)."""

CUES: tuple[tuple[Progress, re.Pattern[str]], ...] = tuple(
    (progress, folded_pattern(source)) for progress, source in CUE_SOURCES
)

HEDGE = folded_pattern(
    r"\b(?:will|would|could|should|shall|may|might|to be|plans? to|planned to|expected to|scheduled to|aims? to|intends? to|ready to|hopes? to|hoped to|is to|are to|proposed to|agreed to|decided to|pledged to|promised to|vowed to|set to|likely to|if|once|when)\b[^.;]{0,40}$"
)
"""A plan or a condition right before a cue (searched in the 50 characters
before it): "will be opened", "is expected to be completed"."""
HEDGE_WINDOW = 50

WORD = folded_pattern(r"[a-z][a-z0-9'-]+")
_STOPWORD_TEXT = """a about above after again against all also among an and any are as at be
    because been before being between both but by can could did do does during each
    few for from further had has have having he her here his how i if in into is it
    its itself just more most new no nor not now of off on once only or other our out
    over own same she should so some such than that the their them then there these
    they this those through to too under until up upon very was we were what when
    where which while who whom why will with would year years yet last next first
    second third one two three said says say told according member members state
    states country countries sco shanghai cooperation organization organisation
    president minister prime leaders leader government governments side sides
    parties party meeting summit chinese china russian russia kazakh kazakhstan
    kyrgyz kyrgyzstan tajik tajikistan uzbek uzbekistan india indian pakistan
    iran belarus mr ms xi putin region regional support further well jointly
    make made making work working continue efforts effort help ensure including
    part per cent percent billion million thousand"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
"""Words that say nothing of a pledge's object (states are matched apart)."""

OBJECT_SOURCES: tuple[tuple[str, str], ...] = (
    (
        "belt-and-road",
        r"\bbelt and road\b|\bsilk road economic belt\b|\bone belt,? one road\b|\bbri\b|\beconomic belt along the silk road\b|\bnew silk road\b",
    ),
    ("development-bank", r"\bdevelopment bank\b"),
    ("development-fund", r"\bdevelopment fund\b|\bspecial account\b"),
    ("energy-club", r"\benergy club\b"),
    (
        "anti-terrorist-structure",
        r"\banti-?terror(?:ist|ism)? (?:structure|centre|center)\b|\brats\b",
    ),
    ("anti-drug-centre", r"\banti-?drugs? (?:centre|center)\b"),
    (
        "cku-railway",
        r"\bchina-(?:kyrgyzstan-uzbekistan|uzbekistan-kyrgyzstan) (?:road and )?rail(?:way|road)?\b|\bcku railway\b",
    ),
    (
        "demonstration-area",
        r"\b(?:local economic and trade cooperation )?demonstration (?:area|zone)\b|\bscoda\b",
    ),
    ("sco-university", r"\bsco (?:network )?university\b"),
    ("interbank-consortium", r"\binterbank (?:association|consortium)\b|\bsco ibc\b"),
    ("secretariat", r"\bsecretariat\b"),
    ("loan", r"\bloans?\b|\bcredits?\b|\btranches?\b|\blending\b|\blend\b"),
    ("grant", r"\bgrants?\b|\baid\b"),
    ("scholarship", r"\bscholarships?\b"),
    (
        "training",
        r"\btrain(?:ing|ed)? [^.;]{0,30}?personnel\b|\btraining (?:base|programmes?|programs?|centre|center)\b",
    ),
    (
        "extremism-convention",
        r"\bconvention on (?:combating|countering|fighting|prevention of|preventing) extremism\b",
    ),
    (
        "terrorism-convention",
        r"\bconvention (?:on|against) (?:combating )?terrorism\b|\bshanghai convention\b|\bconvention on combating terrorism, separatism and extremism\b",
    ),
    ("charter", r"\bcharter\b"),
    ("pipeline", r"\b(?:gas|oil) pipeline\b|\bpipelines?\b"),
    (
        "freight-train",
        r"\bfreight trains?\b|\brailway express\b|\bchina-europe (?:railway express|freight)\b",
    ),
    ("contact-group", r"\bcontact group\b"),
    (
        "environment-centre",
        r"\benvironment(?:al)? protection cooperation (?:centre|center)\b",
    ),
    (
        "transnational-crime-centre",
        r"\b(?:centre|center) (?:for combating|to combat) transnational organi[sz]ed crime\b",
    ),
)
"""(object key, the ways it is written): a pledge and a report naming the same
key are about the same thing."""

OBJECTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, folded_pattern(source)) for key, source in OBJECT_SOURCES
)
GENERIC_OBJECTS = frozenset(["loan", "grant", "secretariat", "charter", "training"])
"""Objects too common to single out a pledge alone: they count as shared words."""
