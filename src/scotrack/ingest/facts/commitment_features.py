"""What the commitments model knows of a candidate: the trigger, how its actor
was found, the words around it, and the sentence's markers of speech, hedging,
negation and condition."""

from __future__ import annotations

import re
from functools import lru_cache

from scotrack.ingest.classifiers.candidates import RULE
from scotrack.ingest.classifiers.features import bucket
from scotrack.ingest.classifiers.linear import Features
from scotrack.ingest.document import Item, Sentence
from scotrack.ingest.facts.clauses import holds_any
from scotrack.ingest.lexicon import clauses as clause_rules
from scotrack.ingest.lexicon import commitment_features as feature_rules


def features(
    sent: Sentence,
    lowered: str,
    trigger: re.Match[str],
    source: str,
    item: Item,
    number: int,
    extended: bool,
) -> Features:
    """The features of one commitment candidate (`lowered`: the folded sentence).
    A line of no sentence's ending whose verb is in the present ("Modi urges
    ...") is a headline, a standfirst or a link's title: the model's to judge,
    as a text restated below or another page's."""
    group = trigger.lastgroup or "proposal"
    kind = str(item["kind"])
    word = " ".join(lowered[trigger.start() : trigger.end()].split()[:3])
    found: Features = {
        "bias2": 1.0,
        f"kind={kind}": 1.0,
        f"group={group}": 1.0,
        f"trig={word}": 1.0,
        f"src={source}": 1.0,
        f"kind={kind}|src={source}": 1.0,
        f"actor={'SCO' if item['actor'] == 'SCO' else 'state'}": 1.0,
        f"speaker={item['speaker'] is not None}": 1.0,
        f"pos={min(number, 6)}": 1.0,
        f"words={bucket(len(str(item['text']).split()))}": 1.0,
    }
    unpunctuated, markers = _sentence_markers(sent.text, lowered)
    headline = unpunctuated
    if headline:
        found["unpunctuated"] = 1.0
        headline = bool(feature_rules.PRESENT_TENSE.fullmatch(word.split()[0]))
    if not (extended or headline):
        found[RULE] = 1.0
    after = feature_rules.FEATURE_WORD.findall(
        lowered[trigger.end() : trigger.end() + 40]
    )
    if after:
        found[f"next={after[0]}"] = 1.0
        found[f"trig={word}|next={after[0]}"] = 1.0
    if len(after) > 1:
        found[f"next2={after[0]} {after[1]}"] = 1.0
    before = feature_rules.FEATURE_WORD.findall(
        lowered[max(0, trigger.start() - 30) : trigger.start()]
    )
    if before:
        found[f"prev={before[-1]}"] = 1.0
    if _negated(lowered, trigger.start()):
        markers = (*markers, "negated")
    for name in markers:
        found[name] = 1.0
        found[f"kind={kind}|{name}"] = 1.0
    return found


@lru_cache(maxsize=64)
def _sentence_markers(text: str, lowered: str) -> tuple[bool, tuple[str, ...]]:
    """Whether a sentence (`lowered`: folded) ends with no sentence's ending, and
    its markers of quotation, speech, hedging, condition and experts, in that
    order: the same for each of its candidates."""
    markers = (
        ("quote", feature_rules.QUOTE.search(text)),
        ("speech", _search(clause_rules.SPEECH, lowered, clause_rules.SPEECH_WORDS)),
        ("hope", _search(feature_rules.HOPE, lowered, feature_rules.HOPE_CUES)),
        (
            "conditional",
            _search(feature_rules.CONDITIONAL, lowered, feature_rules.CONDITIONAL_CUES),
        ),
        ("expert", _search(feature_rules.EXPERT, lowered, feature_rules.EXPERT_CUES)),
    )
    unpunctuated = not feature_rules.SENTENCE_END.search(text)
    return unpunctuated, tuple(name for name, present in markers if present)


def _search(pattern: re.Pattern[str], lowered: str, cues: tuple[str, ...]) -> bool:
    """Whether `pattern`, whose every match holds one of `cues`, occurs."""
    return holds_any(lowered, cues) and pattern.search(lowered) is not None


@lru_cache(maxsize=64)
def _negated(lowered: str, position: int) -> bool:
    """Whether a negation ends right before `position` ("will not ..."): the
    same for the candidates of one trigger."""
    return bool(feature_rules.NEGATED.search(lowered[:position]))
