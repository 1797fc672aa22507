"""Statements of implementation: sentences that report how far a pledge went.

"Construction of the railway began", "the first tranche of the loan was
disbursed", "the centre opened in Tashkent", "the convention was ratified",
"China has fulfilled its pledge to ...", and the negatives ("has yet to",
"stalled", "postponed"). Each statement keeps its sentence (the evidence), the
cue and its progress (`rules.Progress`), the states the sentence names, the
objects it is about (`rules.OBJECTS`) and its content words, so that
`scotrack.store.write.suggestions` can match it against the commitments and projects
the knowledge base holds. A sentence that hedges its cue ("will be opened", "is
expected to be completed") is a plan, not a report, and is skipped.

The statements go to `facts["implementations"]`, which is not a list of
sco-extract/1 (`output.ITEM_TYPES`): the extract files stay as they were, and
the statements reach the store beside the claims (`prepared.PreparedDocument`).
Items: {"progress", "text", "cue": [s, e], "states", "objects", "terms",
"date", "evidence": [[s, e]]}, offsets into the clean text.
"""

from __future__ import annotations

from scotrack.ingest import budget
from scotrack.ingest.document import CleanDocument, Item, Sentence, Stage
from scotrack.ingest.lexicon import implementations as rules
from scotrack.ingest.lexicon.folding import fold

MAX_SENTENCE = 600
"""Longer "sentences" are lists or page furniture, not reports."""


def cue_of(text: str) -> tuple[rules.Progress, int, int] | None:
    """The cue that counts in `text` (the last one not hedged, earlier rules
    winning where two overlap), with its span; None when there is none."""
    folded = fold(text)
    if next(rules.TRIGGER_AUTOMATON.iter(folded), None) is None:
        return None
    taken: list[tuple[int, int, rules.Progress]] = []
    for progress, pattern in rules.CUES:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(start < e and s < end for s, e, _ in taken):
                continue
            before = folded[max(0, start - rules.HEDGE_WINDOW) : start]
            if rules.HEDGE.search(before):
                continue
            taken.append((start, end, progress))
    if not taken:
        return None
    start, end, progress = max(taken)
    return progress, start, end


def object_keys(text: str) -> tuple[str, ...]:
    """The objects (`rules.OBJECTS` keys) `text` names, in rule order."""
    folded = fold(text)
    return tuple(key for key, pattern in rules.OBJECTS if pattern.search(folded))


def content_terms(text: str) -> tuple[str, ...]:
    """The words of `text` that may say what it is about: no stopwords, plurals
    made singular roughly ("loans" -> "loan"), each once, in order."""
    words = []
    for match in rules.WORD.finditer(fold(text)):
        word = match.group(0).strip("'-")
        if len(word) < 3 or word in rules.STOPWORDS:
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        words.append(word)
    return tuple(dict.fromkeys(words))


def _states_in(doc: CleanDocument, sent: Sentence) -> list[str]:
    found = [
        m.value
        for m in doc.mentions
        if m.kind == "state" and sent.start <= m.start and m.end <= sent.end
    ]
    return list(dict.fromkeys(found))


def statements(doc: CleanDocument) -> list[Item]:
    """The implementation statements of `doc`, in text order."""
    found: list[Item] = []
    for sent in doc.sentences:
        budget.check()
        if len(sent.text) > MAX_SENTENCE:
            continue
        cue = cue_of(sent.text)
        if cue is None:
            continue
        progress, start, end = cue
        found.append(
            {
                "progress": progress,
                "text": sent.text,
                "cue": [sent.start + start, sent.start + end],
                "states": _states_in(doc, sent),
                "objects": list(object_keys(sent.text)),
                "terms": list(content_terms(sent.text)),
                "date": doc.reference_date(),
                "evidence": [[sent.start, sent.end]],
            }
        )
    return found


def find_implementations(doc: CleanDocument) -> CleanDocument:
    doc.facts["implementations"] = statements(doc)
    return doc


STAGE = Stage(
    name="implementations",
    requires=("text", "metadata", "sentences", "mentions"),
    provides=("facts.implementations",),
    run=find_implementations,
)
