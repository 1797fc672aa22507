"""Hand-built CleanDocuments for stage tests: sentences split on ". ", mentions
from a tiny gazetteer, so each fact stage is tested without the earlier stages;
and generated texts for the rules' cue words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from scotrack.ingest.document import CleanDocument, Mention, Metadata, Sentence
from scotrack.ingest.lexicon.folding import folded

GAZETTEER: dict[str, tuple[str, str, str | None]] = {
    # surface: (kind, value, state)
    "Vladimir Putin": ("person", "Vladimir Putin", "RUS"),
    "Putin": ("person", "Vladimir Putin", "RUS"),
    "Narendra Modi": ("person", "Narendra Modi", "IND"),
    "Modi": ("person", "Narendra Modi", "IND"),
    "Tokayev": ("person", "Kassym-Jomart Tokayev", "KAZ"),
    "Pezeshkian": ("person", "Masoud Pezeshkian", "IRN"),
    "Lukashenko": ("person", "Alexander Lukashenko", "BLR"),
    "Mirziyoyev": ("person", "Shavkat Mirziyoyev", "UZB"),
    "Ivan Petrov": ("person", "Ivan Petrov", None),
    "Russia": ("state", "RUS", "RUS"),
    "Russian": ("state", "RUS", "RUS"),
    "India": ("state", "IND", "IND"),
    "Indian": ("state", "IND", "IND"),
    "Kazakhstan": ("state", "KAZ", "KAZ"),
    "Iran": ("state", "IRN", "IRN"),
    "Belarus": ("state", "BLR", "BLR"),
    "Pakistan": ("state", "PAK", "PAK"),
    "Uzbekistan": ("state", "UZB", "UZB"),
    "China": ("state", "CHN", "CHN"),
    "Mongolia": ("state", "MNG", "MNG"),
    "Turkey": ("state", "TUR", "TUR"),
    "Astana": ("city", "Astana", "KAZ"),
    "Tianjin": ("city", "Tianjin", "CHN"),
    "Bishkek": ("city", "Bishkek", "KGZ"),
    "Moscow": ("city", "Moscow", "RUS"),
    "Goa": ("city", "Goa", "IND"),
    "SCO": ("organization", "SCO", None),
}
_PATTERN = re.compile(
    r"\b(?:"
    + "|".join(sorted(map(re.escape, GAZETTEER), key=len, reverse=True))
    + r")\b"
)


def make_doc(
    text: str, *, published: str | None = "2024-07-05", dateline: str | None = None
) -> CleanDocument:
    doc = CleanDocument(id="t", path="t.txt", raw_text=text, text=text)
    doc.metadata = Metadata(published=published, dateline=dateline)
    start = 0
    for piece in re.split(r"(?<=[.!?])\s+", text):
        begin = text.index(piece, start)
        doc.sentences.append(Sentence(begin, begin + len(piece), piece))
        start = begin + len(piece)
    for match in _PATTERN.finditer(text):
        kind, value, state = GAZETTEER[match.group(0)]
        doc.mentions.append(
            Mention(match.start(), match.end(), kind, value, match.group(0), state)  # type: ignore[arg-type]
        )
    return doc


def agreements_found(text: str) -> list[tuple[str, str]]:
    """(title, action) of each agreement the agreements stage finds in `text`,
    after the meetings stage it reads."""
    from scotrack.ingest.facts.agreements import agreements
    from scotrack.ingest.facts.meetings import meetings

    doc = make_doc(text)
    doc.facts["meetings"] = meetings(doc)
    return [(a["title"], a["action"]) for a in agreements(doc)]


def texts_matching(pattern: str) -> st.SearchStrategy[str]:
    """Texts that hold a match of a case-insensitive rule, in any case and with
    the odd letters the regex engine folds (long s, dotless i, Kelvin sign)."""
    return st.from_regex(re.compile(pattern, re.IGNORECASE))


def holds_any(text: str, words: Iterable[str]) -> bool:
    """True when `text` holds one of the lower-case `words`, in any case."""
    lowered = folded(text)
    return any(word in lowered for word in words)


DATA = Path(__file__).parents[1] / "data"


@cache
def corpus_sentences() -> tuple[str, ...]:
    """The sentences (split on ". ") of the dev and held-out documents and of the
    seeds when checked out beside the repo: real text for properties of the
    rules' cheap first tests."""
    folders = [DATA / "dev" / "docs", DATA / "heldout" / "docs"]
    folders.append(Path(__file__).parents[3] / "shared" / "seeds")
    found: list[str] = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                found.extend(re.split(r"(?<=[.!?])\s+", line.strip()))
    return tuple(sentence for sentence in found if sentence)
