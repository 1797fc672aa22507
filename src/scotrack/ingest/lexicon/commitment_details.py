"""Commitment details: numbers, units and references of a commitment's targets
(see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

from scotrack.ingest.lexicon.dates import MONTH_NAMES

NUMBER = re.compile(
    r"(?<![\w.,/-])(?P<currency>US\$|\$|\u20ac|\u00a3|\u00a5)?\s?(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?:\s+(?P<unit>(?:[A-Za-z][\w'-]*\s+){0,3}?[A-Za-z][\w'-]*))?"
)
DIGIT = re.compile(r"\d")
YEAR = re.compile(r"(?:19|20)\d\d")
UNIT_STOP = re.compile(
    r"\s+(?:in|for|of|to|under|with|by|from|at|on|over|within|and|or|a|per|each|"
    r"annually|every|this|next|that|which|who|between|among|across|during)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
NOT_UNITS = re.compile(
    rf"^(?:years?|months?|days?|percent|per cent|times|st|nd|rd|th|{MONTH_NAMES})\b",
    re.IGNORECASE,
)
PROPOSAL_REFERENCE = re.compile(
    r"\b(?:proposal|initiative|plan|suggestions?)\b", re.IGNORECASE
)
