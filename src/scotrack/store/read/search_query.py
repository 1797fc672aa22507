"""What a search is asked, and how its hits mark what matched.

User queries never reach the engine's query language as written: they are parsed
into terms (words, "quoted phrases", a trailing `*` for a prefix), all of which must
match, and rebuilt as a safe query for each back end (`fts5_query` for SQLite; the
PostgreSQL query is built from the terms' words in `search`). The full-text search
(`search`) and the record's titles (`record_search`) take the same terms and kinds,
and mark matched words in their snippets with HIGHLIGHT.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scotrack.domain.vocab import SEARCH_KINDS
from scotrack.errors import InputError

KINDS = SEARCH_KINDS
DOCUMENT = KINDS[0]
"""The kinds of search entries, for `search(kinds=...)`."""

HIGHLIGHT = ("\u27e6", "\u27e7")
"""The marks around matched terms in a snippet: ⟦ and ⟧ (mathematical white square
brackets), chosen because news text does not use them. See `snippet_parts`."""

_TERM = re.compile(r'"(?P<phrase>[^"]*)"?(?P<pstar>\*?)|(?P<word>[^\s"]+)')
_WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
"""Control characters separate words: a NUL ends an FTS5 string early (#18)."""


@dataclass(frozen=True, slots=True)
class Term:
    """One part of a query: a word or phrase, the last word maybe a prefix."""

    text: str
    prefix: bool = False

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)


def parse_query(query: str) -> list[Term]:
    """The terms of a user query: words, "quoted phrases" (an unclosed quote runs
    to the end), each maybe ending in `*` for a prefix. Terms without a letter or
    digit are dropped. Raises InputError for an empty query."""
    if not query.strip():
        raise InputError("search: empty query; give at least one word to search for")
    query = _CONTROL.sub(" ", query)
    terms = []
    for match in _TERM.finditer(query):
        if match.group("word") is not None:
            word = match.group("word")
            term = Term(word.rstrip("*"), prefix=word.endswith("*"))
        else:
            term = Term(match.group("phrase"), prefix=bool(match.group("pstar")))
        if term.words:
            terms.append(term)
    return terms


def fts5_query(terms: Sequence[Term]) -> str:
    """An FTS5 MATCH expression for `terms`, all required: each a quoted string
    (so no operator, column filter or bracket of the user's reaches FTS5)."""
    parts = []
    for term in terms:
        quoted = '"' + term.text.replace('"', '""') + '"'
        parts.append(quoted + ("*" if term.prefix else ""))
    return " ".join(parts)


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """`snippet` split into (text, matched) pieces at the HIGHLIGHT marks."""
    opening, closing = map(re.escape, HIGHLIGHT)
    marked = re.compile(f"({opening}[^{closing}]*{closing})")
    parts: list[tuple[str, bool]] = []
    for index, piece in enumerate(marked.split(snippet)):
        if not piece:
            continue
        if index % 2:
            parts.append((piece[1:-1], True))
        else:
            parts.append((piece, False))
    return parts


def checked_kinds(
    kinds: Sequence[str] | None, allowed: Sequence[str] = KINDS
) -> list[str] | None:
    """`kinds` sorted and without repeats (None when none is given); InputError
    naming any that is not `allowed`."""
    if not kinds:
        return None
    unknown = [kind for kind in kinds if kind not in allowed]
    if unknown:
        raise InputError(
            f"search: unknown kind {', '.join(map(repr, unknown))}; "
            f"allowed: {', '.join(allowed)}"
        )
    return sorted(set(kinds))
