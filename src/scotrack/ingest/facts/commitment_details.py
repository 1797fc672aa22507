"""A trigger's commitments: the distinct measures of its complement, each
with its text, area and numeric target, from its own words."""

from __future__ import annotations

import re

from scotrack.ingest.document import Item, Sentence
from scotrack.ingest.facts.areas import first_area, piece_prefixes
from scotrack.ingest.facts.clauses import Segment, conjuncts, trimmed
from scotrack.ingest.facts.commitment_actors import adjacent
from scotrack.ingest.facts.commitment_mentions import (
    Actor,
    Context,
    Scan,
    kind_of,
    word_of,
)
from scotrack.ingest.lexicon import clauses as clause_rules
from scotrack.ingest.lexicon import commitment_details as detail_rules
from scotrack.ingest.lexicon import commitments as rules
from scotrack.ingest.lexicon.folding import folded

_SCALES = {
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_CURRENCIES = {
    "$": "US dollars",
    "US$": "US dollars",
    "\u20ac": "euros",
    "\u00a3": "pounds",
    "\u00a5": "yuan",
}
_DEFAULT_AREA = "political"


def items(
    sent: Sentence,
    scan: Scan,
    trigger: re.Match[str],
    actor: Actor,
    end: int,
    following: str,
    ctx: Context,
) -> list[Item]:
    """The commitments a trigger gives `actor`, one per distinct measure of its
    complement (up to `end`), each with its text, area, target and evidence."""
    text = sent.text
    kind = kind_of(trigger)
    if kind == "should":
        kind = "proposal"
        if (
            rules.ANAPHOR.search(text, trigger.end(), end)
            and (actor.speaker or actor.actor) in ctx.speakers
        ):
            return []
    if "open to" in word_of(text, trigger).lower():
        kind = "proposal"
    if kind == "proposal" and rules.BARE_INITIATIVE.match(text, trigger.end()):
        return []
    start = _text_start(text, sent.start, actor, trigger)
    if rules.NEED.search(word_of(text, trigger)):
        pieces = _gerunds(text, trigger.end(), end)
    else:
        head = _head_end(text, trigger, end)
        pieces = conjuncts(
            text, trigger.end(), end, head_end=head, commas_only=kind == "pledge"
        )
        pieces = [one for piece in pieces for one in _infinitives(text, piece)]
    pieces[0] = Segment(start, pieces[0].end)
    items: list[Item] = []
    for piece in pieces:
        span = trimmed(text, piece.start, piece.end)
        phrase = text[span.start : span.end]
        if len(phrase.split()) < 3:
            continue
        items.append(
            {
                "actor": actor.actor,
                "speaker": actor.speaker,
                "kind": kind,
                "area": area_of(
                    phrase,
                    text,
                    following,
                    at=span.start,
                    prefixes=scan.prefixes,
                ),
                "text": phrase,
                "target": target_of(phrase),
                "evidence": [[sent.start + span.start, sent.start + span.end]],
            }
        )
    return items


def _infinitives(text: str, piece: Segment) -> list[Segment]:
    """A piece cut where "and to" opens a second measure ("agreed to strengthen
    X and to expand Y"); a plain "and" joins one measure of a pledge."""
    lowered = folded(text)
    if lowered.find("and", piece.start, piece.end) < 0:  # in every match
        return [Segment(piece.start, piece.end)]
    pieces: list[Segment] = []
    begin = piece.start
    for match in clause_rules.INFINITIVE_CONJUNCT.finditer(lowered, begin, piece.end):
        pieces.append(Segment(begin, match.start()))
        begin = match.end()
    pieces.append(Segment(begin, piece.end))
    return pieces


def _gerunds(text: str, start: int, end: int) -> list[Segment]:
    """The measures after "the importance" or "the need": one per gerund of a
    list ("of improving X, intensifying Y, and promoting Z"), else one."""
    if "," not in text[start:end] or not clause_rules.GERUND_OPENING.match(text, start):
        return [Segment(start, end)]
    pieces: list[Segment] = []
    begin = start
    for match in clause_rules.GERUND_CONJUNCT.finditer(folded(text), start, end):
        pieces.append(Segment(begin, match.start()))
        begin = match.end()
    pieces.append(Segment(begin, end))
    return pieces


def _text_start(text: str, offset: int, actor: Actor, trigger: re.Match[str]) -> int:
    if actor.start <= -2:
        return -2 - actor.start
    if actor.start < 0 or not adjacent(text, actor, offset, trigger.start()):
        return trigger.start()
    return actor.start - offset


def _head_end(text: str, trigger: re.Match[str], end: int) -> int:
    """Where the complement's own verb ends: after "X to <verb>" for calls."""
    if kind_of(trigger) in ("pledge", "should") or text.startswith(
        " to ", trigger.end()
    ):
        first = rules.FIRST_WORD.match(text, trigger.end(), end)
        return first.end() if first else trigger.end()
    control = rules.CONTROL.search(text, trigger.end(), min(end, trigger.end() + 100))
    if control and ";" not in text[trigger.end() : control.start()]:
        return control.end()
    first = rules.FIRST_WORD.match(text, trigger.end(), end)
    return first.end() if first else trigger.end()


def target_of(phrase: str) -> Item | None:
    """{"value", "unit"} for the first quantity the commitment sets, else None."""
    # a cheap first test: every quantity has one
    if not detail_rules.DIGIT.search(phrase):
        return None
    for match in detail_rules.NUMBER.finditer(phrase):
        raw = match.group("value").replace(",", "")
        currency, scale = match.group("currency"), match.group("scale")
        unit = detail_rules.UNIT_STOP.sub("", match.group("unit") or "").strip()
        year = detail_rules.YEAR.fullmatch(match.group("value"))
        if not currency and not scale and year:
            continue  # a year
        if detail_rules.NOT_UNITS.match(unit) and not currency:
            continue
        number = float(raw) * _SCALES.get((scale or "").lower(), 1)
        value: int | float = int(number) if number.is_integer() else number
        if currency:
            unit = _CURRENCIES[currency]
        if not unit:
            continue
        return {"value": value, "unit": unit}
    return None


def area_of(
    phrase: str,
    sentence: str,
    following: str,
    *,
    at: int | None = None,
    prefixes: dict[int, set[int]] | None = None,
) -> str:
    """The first area the commitment's words name; else its sentence's; else the
    next sentence's when that one describes the proposal; else political.

    `prefixes` are the sentence's `areas.keyword_prefixes` if known, and `at`
    the phrase's offset in it: the sentence is then searched once for all its
    commitments."""
    if prefixes is not None and at is not None:
        end = at + len(phrase)
        area = first_area(phrase, piece_prefixes(prefixes, at, end))
        area = area or first_area(sentence, prefixes)
    else:
        area = first_area(phrase) or first_area(sentence)
    if area is None and detail_rules.PROPOSAL_REFERENCE.search(following[:60]):
        area = first_area(following)
    return area or _DEFAULT_AREA
