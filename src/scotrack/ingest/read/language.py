"""Whether a page is in English: the language scotrack extracts from.

A page whose letters are mostly of another script (Cyrillic, Arabic, Chinese,
Japanese, Korean), or whose Latin-letter words are almost never English function
words (German, French, Uzbek in Latin letters), is not English: it gets a
warning and an empty result, never a guess. A short English quote in a foreign
page, or a foreign name in an English one, does not change the answer.
"""

from __future__ import annotations

from scotrack.ingest.document import CleanDocument, Stage
from scotrack.ingest.lexicon import language as rules

ENGLISH = "en"
_MIN_LETTERS = 40
"""Below this, a page says too little to tell; it is taken as English."""
_MIN_WORDS = 30
"""Below this many Latin-letter words, function words are too few to count."""
_MIN_LATIN_SHARE = 0.6
_MIN_FUNCTION_SHARE = 0.08
_SCRIPTS = (("Cyrillic", rules.CYRILLIC), ("Arabic", rules.ARABIC), ("CJK", rules.CJK))


_SAMPLE = 4000
"""Characters judged: a page's opening says what language it is in."""


def language_of(text: str) -> tuple[str, str | None]:
    """("en", None) for English; else ("und", the reason it is not English)."""
    text = text[:_SAMPLE]
    if text.isascii() or len(rules.NON_ASCII.findall(text)) < 0.05 * len(text):
        return _function_words(text)  # Latin letters: curly quotes, a name or two
    return _mixed_script(text)


def _mixed_script(text: str) -> tuple[str, str | None]:
    letters = len(rules.LETTER.findall(text))
    if letters < _MIN_LETTERS:
        return ENGLISH, None
    latin = len(rules.LATIN.findall(text))
    if latin / letters < _MIN_LATIN_SHARE:
        script = max(_SCRIPTS, key=lambda pair: len(pair[1].findall(text)))[0]
        return "und", f"written mostly in {script} script"
    return _function_words(text)


def _function_words(text: str) -> tuple[str, str | None]:
    words = text.encode("ascii", "replace").translate(rules.WORD_BYTES).split()
    common = sum(map(rules.ENGLISH_WORD_BYTES.__contains__, words))
    if len(words) >= _MIN_WORDS and common / len(words) < _MIN_FUNCTION_SHARE:
        share = f"{common} of {len(words)}"
        return "und", f"Latin letters, but {share} words are English function words"
    return ENGLISH, None


def check_language(doc: CleanDocument) -> CleanDocument:
    language, reason = language_of(doc.text)
    doc.language = language
    if reason is not None:
        doc.warnings.append(
            f"not English ({reason}): scotrack extracts from English text only, "
            "so nothing was extracted"
        )
    return doc


STAGE = Stage(
    name="language",
    requires=("text",),
    provides=("language",),
    run=check_language,
)
