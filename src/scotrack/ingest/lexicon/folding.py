"""Case folding that keeps offsets, and rules compiled to run on folded text."""

from __future__ import annotations

import re
from functools import lru_cache


def fold(text: str) -> str:
    """`text` lower-cased character by character, so of the same length.

    An ASCII word occurs in the result exactly where a `re.IGNORECASE` pattern of
    that word matches `text`: str.lower() turns "\u0130" into two characters and
    leaves the dotless i and the long s, which the regex engine folds to i and s.
    """
    if text.isascii():
        return text.lower()
    lowered = text.replace("\u0130", "i").lower()
    return lowered.replace("\u0131", "i").replace("\u017f", "s")


@lru_cache(maxsize=256)
def folded(text: str) -> str:
    """`fold(text)`, remembered for the last few texts: every fact stage folds
    the same sentences (a one-off piece of text is better folded with `fold`)."""
    return fold(text)


_CASED_SYNTAX = re.compile(r"\\[A-Z]|\(\?[a-z]*-|\(\?P[<=][^>)]*[A-Z]")


def folded_pattern(source: str) -> re.Pattern[str]:
    """A case-insensitive rule compiled to run on `folded` text.

    It finds the same spans there as `re.compile(source, re.IGNORECASE)` finds in
    the original text, several times faster: IGNORECASE keeps the regex engine
    from skipping ahead to a pattern's first letters. Upper-case escapes (\\W,
    \\S, \\B) would change meaning when lowered, so they are refused, as are
    upper-case group names.
    """
    if _CASED_SYNTAX.search(source):
        raise ValueError(f"pattern {source!r} has case-sensitive syntax")
    lowered = source.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(lowered)
