"""Agreement nouns in the plural and the bounds of a found agreement (see
`agreements`): "Agreements were signed to establish X and Y" is two agreements,
"memorandums on India and Pakistan's accession" one, "agreements on trade and
investment" none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scotrack.ingest.document import Sentence
from scotrack.ingest.facts import agreement_actions
from scotrack.ingest.facts import agreement_titles as titles
from scotrack.ingest.facts.clauses import MentionIndex
from scotrack.ingest.lexicon import agreement_lists as lists
from scotrack.ingest.lexicon import agreement_titles as title_rules
from scotrack.ingest.lexicon import agreements as rules
from scotrack.ingest.lexicon.folding import folded


@dataclass(slots=True)
class Found:
    """One agreement noun of a sentence: its title span and its actions (none yet
    when a coordinated neighbour or a list heading is to give one)."""

    start: int
    end: int
    reach: int
    actions: list[str]
    title: str | None = None
    """The title when it is not the span ("agreement to establish X" of
    "agreements to establish X and Y")."""


def action_end(lowered: str, noun: re.Match[str], end: int, reach: int) -> int:
    """Where the words that give the agreement its action begin: after its whole
    complement (`reach`), but after the words of its title (`end`) when a bare
    participle there belongs to an agreement named inside the complement ("a plan
    on implementing the Agreement on X signed in 2015")."""
    inner = rules.NOUN.search(lowered, noun.end(), reach)
    if inner is not None and rules.PARTICIPLE.match(lowered, reach):
        return end
    return reach


def is_plural(noun: re.Match[str]) -> bool:
    """True for "agreements", "memorandums", "memoranda of understanding"."""
    return bool(noun.group("plural")) or noun.group(0).lower().startswith("memoranda")


def named(sent: Sentence, match: re.Match[str], index: MentionIndex) -> list[Found]:
    """The agreements of a plural with a subject of its own ("memorandums on
    India and Pakistan's accession", "memoranda of understanding to join the
    body"): one, or two when the subject joins two phrases of two words or more
    ("agreements on protection of cultural heritage and vocational education");
    none for a bare plural or one of mere topics ("agreements on trade and
    investment", "agreements on trade, energy and transport")."""
    text = sent.text
    complement = rules.COMPLEMENT.match(text, match.end())
    if complement is None or titles.head(match.group(0))[0] not in lists.NAMING_HEADS:
        return []
    start = titles.title_start(text, match.start())
    end, reach = titles.title_end(text, match.end(), sent, index)
    subject = list(title_rules.WORD.finditer(text, complement.end(), end))
    words = [word.group(0) for word in subject]
    if (
        sum(word.lower() not in title_rules.TRAILING for word in words)
        < lists.PLURAL_SUBJECT
    ):
        return []
    if rules.LOWER_CASE_LIST.search(text, complement.end(), end):
        return []  # "agreements on trade, energy and transport": topics
    if rules.INITIATIVE.search(text, start, end) or titles.other_organization(
        text, start, match
    ):
        return []
    lowered = folded(text)
    if rules.NEGATION.search(lowered, max(0, start - 40), start):
        return []
    actions = agreement_actions.actions_of(
        text, start, action_end(lowered, match, end, reach)
    )
    split = _split_at(words)
    if split is None:
        return [Found(start, end, reach, actions)]
    noun = lists.PLURAL_NOUN.sub(_singular, text[start : match.end()])
    head = noun + complement.group(0)
    first, second = subject[split - 1].end(), subject[split + 1].start()
    return [
        Found(start, end, reach, actions, head + text[complement.end() : first]),
        Found(start, end, reach, actions, head + text[second:end]),
    ]


def _split_at(words: list[str]) -> int | None:
    """The index of the "and" joining two subjects of a plural, each of two words
    or more and neither a name ("protection of cultural heritage and vocational
    education"); none for "India and Pakistan's accession"."""
    if "and" not in words:
        return None
    at = words.index("and")
    if at < 2 or len(words) - at - 1 < 2:
        return None
    if words[at - 1][0].isupper() or words[at + 1][0].isupper():
        return None
    return at


def _singular(noun: re.Match[str]) -> str:
    """The singular of a plural noun: "memorandum" for "memoranda"."""
    word = noun.group(0)
    if word.lower().startswith("memorand"):
        return word[: len("memorand")] + "um"
    return word[:-1]


def parts(sent: Sentence, match: re.Match[str]) -> list[Found]:
    """One agreement per part of "Agreements were signed to establish X and Y"
    ("two joint statements, on X and on Y"); none for a bare plural."""
    text = sent.text
    parts = lists.PLURAL_PARTS.match(folded(text), match.end())
    if parts is None:
        return []
    verb = parts.group("verb")
    if verb:
        actions = [next(act for act, rule in rules.ACTIONS if rule.match(verb))]
    else:
        actions = agreement_actions.actions_of(text, match.start(), match.end())
    noun = lists.PLURAL_NOUN.sub(_singular, text[match.start() : match.end()])
    link = parts.group("link")
    spans = [
        parts.span("one") if parts.group("one") else parts.span("one_art"),
        parts.span("two") if parts.group("two") else parts.span("two_art"),
    ]
    return [
        Found(
            match.start(),
            parts.end(),
            parts.end(),
            actions,
            f"{noun} {link} {text[a:b]}",
        )
        for a, b in spans
    ]
