"""Language: the scripts and the commonest English words that tell an English
page from another (see `scotrack.ingest.lexicon`)."""

from __future__ import annotations

import re

LETTER = re.compile(r"[^\W\d_]")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "was",
        "for",
        "on",
        "that",
        "with",
        "as",
        "by",
        "at",
        "from",
        "are",
        "has",
        "have",
        "be",
        "it",
        "its",
        "this",
        "which",
        "will",
        "said",
        "were",
        "an",
        "or",
        "their",
        "also",
    ]
)
"""The commonest English function words: in English prose about one word in four
or five is one of them, in other languages written in Latin letters almost none."""
ENGLISH_WORD_BYTES = frozenset(word.encode("ascii") for word in ENGLISH_WORDS)
WORD_BYTES = bytes(
    c if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256)
).lower()
"""A `bytes.translate` table: ASCII letters lower-cased, any other byte a space.
Split after it, a text encoded to ASCII (a "?" for anything else) gives its words
as `[A-Za-z]+` finds them, lower-cased, at a fraction of a regex's cost."""
