"""Areas the document gives at least one sentence mainly about (facts["areas"]).

A sentence is mainly about an area when that area's keywords (rules.AREA_KEYWORDS,
longest phrase first) clearly outnumber every other area's; a bare list of fields
spread over several areas does not count. Each commitment's area also counts,
with the commitment's evidence. Items are {"area": ..., "evidence": [[s, e], ...]}.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from scotrack.ingest.document import CleanDocument, Item, Sentence, Stage
from scotrack.ingest.facts.clauses import Keywords
from scotrack.ingest.lexicon import areas as rules


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
_MIN_HITS = 2


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
    return _dominant(_hits(text))


def _dominant(hits: Iterable[tuple[int, str]]) -> str | None:
    counts: dict[str, int] = {}
    for _, area in hits:
        counts[area] = counts.get(area, 0) + 1
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
    prefixes = _PREFIXES.at_by_sentence(doc.text, doc.sentences)
    for sent, sent_prefixes in zip(doc.sentences, prefixes, strict=True):
        area = _dominant(_hits(sent.text, sent_prefixes))
        if area:
            found.setdefault(area, {"area": area, "evidence": []})["evidence"].append(
                [sent.start, sent.end]
            )
    for item in doc.facts.get("commitments", []):
        area = item.get("area")
        if area:
            found.setdefault(area, {"area": area, "evidence": []})["evidence"].extend(
                item.get("evidence", [])
            )
    return list(found.values())


def find_areas(doc: CleanDocument) -> CleanDocument:
    doc.facts["areas"] = areas(doc)
    return doc


STAGE = Stage(
    name="areas",
    requires=("text", "sentences", "facts.commitments"),
    provides=("facts.areas",),
    run=find_areas,
)
