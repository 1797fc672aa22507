"""Areas the document gives at least one sentence of substance (facts["areas"]).

A sentence is mainly about an area when that area's keywords (rules.AREA_KEYWORDS,
longest phrase first) clearly outnumber every other area's; a bare list of fields
spread over several areas does not count. An area also counts when the document
gives it, over several sentences, at least two sentences' worth of keywords
(each sentence shares one among the areas it names): one passing word in each of
several sentences adds up to substance. Political matters (membership, relations
between states, the international order) are seldom named by one keyword, so a
full sentence with a political cue (rules.POLITICAL) that no other area
dominates, or a membership step, gives `political`. Each commitment's area also
counts, with the commitment's evidence. Items are {"area": ..., "evidence":
[[s, e], ...]}.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from scotrack.ingest import budget
from scotrack.ingest.document import CleanDocument, Item, Sentence, Stage
from scotrack.ingest.facts.clauses import Keywords, matches_at
from scotrack.ingest.lexicon import areas as rules
from scotrack.ingest.lexicon.folding import folded


def _literal_prefix(alternative: str) -> str:
    """The letters every match of a keyword regex starts with ("drills?": "drill")."""
    prefix = rules.LITERAL.match(alternative)
    text = prefix.group(0) if prefix else ""
    if alternative[len(text) : len(text) + 1] in ("?", "*", "{"):
        text = text[:-1]
    if not text:
        raise ValueError(f"keyword {alternative!r} starts with no literal")
    return text


_PREFIXES = Keywords(
    (_literal_prefix(alternative.lower()), number)
    for number, (alternative, _) in enumerate(rules.ALTERNATIVES)
)
"""Where each keyword can begin: only those keywords are tried there."""
_PREFIX_LENGTHS = tuple(
    len(_literal_prefix(alternative.lower())) for alternative, _ in rules.ALTERNATIVES
)
_POLITICAL_STARTS = Keywords((word, True) for word in rules.POLITICAL_STARTS)
"""Where a political cue can begin: rules.POLITICAL is tried only there."""
_MIN_HITS = 2
_DOCUMENT_SHARE = 2.0
"""Sentences' worth of keywords that give an area over the whole document."""
_MIN_POLITICAL_WORDS = 8
"""A political sentence is a full sentence, not a heading or a menu line."""


@cache
def _area_of(phrase: str) -> str:
    """The area of the first keyword that is all of `phrase`, else "neutral"."""
    for pattern, area in rules.AREA_OF:
        if pattern.fullmatch(phrase):
            return area
    return "neutral"


def _hits(
    text: str, prefixes: dict[int, set[int]] | None = None
) -> Iterator[tuple[int, str]]:
    """(offset, area) for each area keyword: at the leftmost place where one
    matches, the first in rules.ALTERNATIVES order (longest first), then after it.
    `prefixes` (offset -> keyword numbers) if known: the areas stage finds them
    for all sentences at once."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few Unicode letters change length
        lowered = text
    if prefixes is None:
        prefixes = _PREFIXES.at(lowered)
    end = 0
    for start in sorted(prefixes):
        if start < end:
            continue
        for number in sorted(prefixes[start]):
            match = rules.KEYWORDS[number].match(lowered, start)
            if match is not None:
                end = match.end()
                area = _area_of(match.group(0).lower())
                if area != "neutral":
                    yield start, area
                break


def keyword_hits(text: str) -> list[tuple[int, str]]:
    """(offset, area) for each area keyword, the longest phrase winning at a place.

    The hits of one regex of all keywords, longest first, run on the lower-cased
    text; found faster by trying at each place only the keywords that begin there.
    """
    return list(_hits(text))


def first_area(text: str, prefixes: dict[int, set[int]] | None = None) -> str | None:
    """The area of the first keyword in `text`; `prefixes` as for `_hits`."""
    return next((area for _, area in _hits(text, prefixes)), None)


def sentence_prefixes(
    text: str, sentences: Sequence[Sentence]
) -> list[dict[int, set[int]] | None]:
    """For each sentence of the document `text`: offset -> the keywords that can
    begin there (what `_hits` looks for), from the pass over the document the
    stages share; None for a sentence that is not ASCII, whose offsets could
    differ once lower-cased."""
    found = _PREFIXES.at_by_sentence(text, sentences)
    return [
        prefixes if sent.text.isascii() else None
        for sent, prefixes in zip(sentences, found, strict=True)
    ]


def piece_prefixes(
    prefixes: dict[int, set[int]] | None, start: int, end: int
) -> dict[int, set[int]] | None:
    """The prefixes of text[start:end], given the text's (`sentence_prefixes`):
    those that lie wholly inside it, offsets made relative to it."""
    if prefixes is None:
        return None
    found: dict[int, set[int]] = {}
    for offset, numbers in prefixes.items():
        if offset >= start:
            inside = {n for n in numbers if offset + _PREFIX_LENGTHS[n] <= end}
            if inside:
                found[offset - start] = inside
    return found


def main_area(text: str) -> str | None:
    """The area a sentence is mainly about, if one clearly dominates."""
    return _dominant(_counts(_hits(text)))


def _counts(hits: Iterable[tuple[int, str]]) -> dict[str, int]:
    """How many keywords of each area, in the order the areas first occur."""
    counts: dict[str, int] = {}
    for _, area in hits:
        counts[area] = counts.get(area, 0) + 1
    return counts


def _dominant(counts: dict[str, int]) -> str | None:
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda pair: -pair[1])
    top, hits_of_top = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if (hits_of_top >= _MIN_HITS and runner_up == 0) or (
        hits_of_top > _MIN_HITS and hits_of_top >= 2 * runner_up
    ):
        return top
    return None


def areas(doc: CleanDocument) -> list[Item]:
    found: dict[str, Item] = {}
    shares: dict[str, float] = {}
    spans: dict[str, list[list[int]]] = {}
    prefixes = _PREFIXES.at_by_sentence(doc.text, doc.sentences)
    political = _POLITICAL_STARTS.at_by_sentence(doc.text, doc.sentences)
    for number, sent in enumerate(doc.sentences):
        budget.check()
        sent_prefixes = prefixes[number]
        # a sentence without a keyword's first letters has no hits
        counts = _counts(_hits(sent.text, sent_prefixes)) if sent_prefixes else {}
        area = _dominant(counts) or (
            _political(sent.text, counts, sorted(political[number]))
            if political[number]
            else None
        )
        if area:
            _add(found, area, [[sent.start, sent.end]])
        total = sum(counts.values())  # each area's share of the sentence's keywords
        for named, count in counts.items():
            shares[named] = shares.get(named, 0.0) + count / total
            spans.setdefault(named, []).append([sent.start, sent.end])
    for named, share in shares.items():
        if share >= _DOCUMENT_SHARE and named not in found:
            _add(found, named, spans[named])
    for item in doc.facts.get("commitments", []):
        if item.get("area"):
            _add(found, item["area"], item.get("evidence", []))
    for item in doc.facts.get("membership", []):
        _add(found, "political", item.get("evidence", []))
    return list(found.values())


def _add(found: dict[str, Item], area: str, evidence: list[list[int]]) -> None:
    found.setdefault(area, {"area": area, "evidence": []})["evidence"].extend(evidence)


def _political(text: str, counts: dict[str, int], starts: list[int]) -> str | None:
    """`political` for a full sentence whose political cues outnumber the
    keywords of every other area (`counts`: the sentence's keywords by area;
    `starts`: where a cue's first letters occur, the only places one begins)."""
    if len(text.split()) < _MIN_POLITICAL_WORDS:
        return None
    lowered = folded(text)
    if any(cue in lowered for cue in rules.STATUS_LIST_CUES) and (
        rules.STATUS_LIST.search(lowered)
    ):
        return None
    cues = len(matches_at(rules.POLITICAL, lowered, starts))
    if not cues:
        return None
    others = (count for area, count in counts.items() if area != "political")
    return "political" if cues > max(others, default=0) else None


def find_areas(doc: CleanDocument) -> CleanDocument:
    doc.facts["areas"] = areas(doc)
    return doc


STAGE = Stage(
    name="areas",
    requires=("text", "sentences", "facts.commitments", "facts.membership"),
    provides=("facts.areas",),
    run=find_areas,
)
