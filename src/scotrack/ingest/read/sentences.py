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

from scotrack.ingest.document import CleanDocument, Sentence, Stage
from scotrack.ingest.lexicon import pages as rules


def _is_abbreviation(text: str, begin: int, stop: int) -> bool:
    """True when the full stop at `text[stop]` ends an abbreviation, looking no
    further back than `begin` (the start of the sentence)."""
    start = stop
    while start > begin and (text[start - 1].isalnum() or text[start - 1] in "_."):
        start -= 1
    if start == stop:
        return False
    word = text[start:stop]
    if word.lower() in rules.ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return rules.INITIALISM.match(word) is not None  # "U.S", "U.N"


def sentence_spans(text: str) -> list[Sentence]:
    """Every sentence of `text`, paragraphs (lines) first, then punctuation."""
    sents: list[Sentence] = []
    cuts = rules.CANDIDATE.finditer(text)
    cut = next(cuts, None)
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        begin = start
        while cut is not None and cut.start() < end:
            stop = cut.end()
            if not (
                cut.group()[0] == "." and _is_abbreviation(text, begin, cut.start())
            ):
                _add_trimmed(sents, text, begin, stop)
                begin = stop
            cut = next(cuts, None)
        _add_trimmed(sents, text, begin, end)
        start = end + 1
    return sents


def _add_trimmed(sents: list[Sentence], text: str, start: int, end: int) -> None:
    """Append `text[start:end]` without its outer white space, unless it is blank."""
    span = text[start:end]
    sent = span.strip()
    if sent:
        start += len(span) - len(span.lstrip())
        sents.append(Sentence(start, start + len(sent), sent))


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
