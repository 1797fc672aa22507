"""Sentence spans with offsets into the cleaned text.

Contract for later stages: `doc.sentences` is a list of `Sentence(start, end, text)`
in text order, `text == doc.text[start:end]`, with no leading or trailing white
space and no sentence crossing a line break (the headline and every paragraph
end a sentence). Inside a paragraph a sentence ends at `.`, `!` or `?` (with any
closing quotes or brackets) followed by white space and an upper-case letter, a
digit or an opening quote, except after an abbreviation ("Dec.", "Mr.", "No.",
"St.", "Gen."), an initialism ("U.S.", "U.N.") or a single initial ("J. Smith").

No sentence is longer than `MAX_SENTENCE` characters: a longer one (a page
without punctuation) is cut after the last comma, semicolon or colon in the
second half of its first `MAX_SENTENCE` characters, else at the last space
there, else right at the limit, and the rest is cut the same way. Later stages
relate the words of a sentence to each other, at a cost that grows with the
square of its length; the cap keeps a page's cost linear in its size (#18).
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


MAX_SENTENCE = 2000
"""The most characters a sentence may have; longer ones are cut (module docs).
Real sentences stay far below it: the longest in the dev sets has 1,094."""


def _add_trimmed(sents: list[Sentence], text: str, start: int, end: int) -> None:
    """Append `text[start:end]` without its outer white space, unless it is
    blank, cut in pieces of at most `MAX_SENTENCE` characters."""
    span = text[start:end]
    sent = span.strip()
    if not sent:
        return
    start += len(span) - len(span.lstrip())
    if len(sent) <= MAX_SENTENCE:
        sents.append(Sentence(start, start + len(sent), sent))
        return
    end = start + len(sent)
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start)
        _add_trimmed(sents, text, start, cut)
        start = cut
    _add_trimmed(sents, text, start, end)


def _cut(text: str, start: int) -> int:
    """Where to end a piece of an over-long sentence that starts at `start`:
    after the last clause end, else at the last space, in the second half of
    the `MAX_SENTENCE` characters from `start`; else right at the limit."""
    low, high = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
    ends = [match.end() for match in rules.CLAUSE_END.finditer(text, low, high)]
    if ends:
        return ends[-1]
    space = text.rfind(" ", low, high)
    return space if space > 0 else high


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
