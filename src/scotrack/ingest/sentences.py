"""Sentence spans with offsets into the cleaned text.

Contract for later stages: `doc.sentences` is a list of `Sentence(start, end, text)`
in text order, `text == doc.text[start:end]`, with no leading or trailing white
space and no sentence crossing a line break (the headline and every paragraph
end a sentence). Inside a paragraph a sentence ends at `.`, `!` or `?` (with any
closing quotes or brackets) followed by white space and an upper-case letter, a
digit or an opening quote, except after an abbreviation ("Dec.", "Mr.", "No.",
"St.", "Gen."), an initialism ("U.S.", "U.N.") or a single initial ("J. Smith").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scotrack.ingest.document import CleanDocument, Sentence, Stage

ABBREVIATIONS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "rep",
        "sen",
        "gov",
        "pres",
        "amb",
        "st",
        "mt",
        "ft",
        "no",
        "nos",
        "vol",
        "vs",
        "etc",
        "al",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "approx",
        "est",
        "fig",
        "jr",
        "sr",
        "rev",
        "hon",
        "e.g",
        "i.e",
        "cf",
        "ca",
        "art",
        "para",
        "sec",
        "ch",
        "pp",
    ]
)
"""Words that end in a full stop without ending the sentence (lower case)."""

_CANDIDATE = re.compile(
    r"[.!?]+[\"'\u201d\u2019\u00bb)\]]*(?=\s+[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9\u0400-\u04ff])"
)
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")


def _is_abbreviation(head: str) -> bool:
    """True when `head` (text up to and including a full stop) ends an abbreviation."""
    match = _WORD_BEFORE.search(head)
    if match is None:
        return False
    word = match.group(1)
    if word.lower() in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return _INITIALISM.match(word) is not None  # "U.S", "U.N"


def paragraph_sentences(text: str, start: int, end: int) -> Iterator[Sentence]:
    """The sentences of the paragraph `text[start:end]`."""
    begin = start
    for match in _CANDIDATE.finditer(text, start, end):
        stop = match.end()
        if match.group().startswith(".") and _is_abbreviation(
            text[begin : match.start() + 1]
        ):
            continue
        sent = _trimmed(text, begin, stop)
        if sent is not None:
            yield sent
        begin = stop
    sent = _trimmed(text, begin, end)
    if sent is not None:
        yield sent


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, text[start:end]) if end > start else None


def sentence_spans(text: str) -> list[Sentence]:
    """Every sentence of `text`, paragraphs (lines) first, then punctuation."""
    sents: list[Sentence] = []
    start = 0
    length = len(text)
    while start <= length:
        newline = text.find("\n", start)
        end = length if newline < 0 else newline
        sents.extend(paragraph_sentences(text, start, end))
        start = end + 1
    return sents


def split_sentences(doc: CleanDocument) -> CleanDocument:
    doc.sentences = sentence_spans(doc.text)
    return doc


def sentence_at(sents: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing character `offset` (binary search), if any."""
    low, high = 0, len(sents)
    while low < high:
        middle = (low + high) // 2
        sent = sents[middle]
        if offset < sent.start:
            high = middle
        elif offset >= sent.end:
            low = middle + 1
        else:
            return sent
    return None


STAGE = Stage(
    "sentences", requires=("text",), provides=("sentences",), run=split_sentences
)
