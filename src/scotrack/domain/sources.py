"""Where a fact comes from: a cited source, or a span of a stored document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scotrack.domain.dates import PartialDate


@dataclass(frozen=True, slots=True)
class Source:
    """A citable source: an official text, a web page, a stored document."""

    id: str
    title: str
    publisher: str | None = None
    url: str | None = None
    date: PartialDate | None = None
    document_id: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The span [start, end) of a document's cleaned text that a fact came from."""

    document_id: str
    start: int
    end: int
    quote: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"evidence span {self.start}-{self.end} is not a span")


_CITED = re.compile(r"\bsources? ([a-z0-9]+(?:-[a-z0-9]+)+)")


def cited_in(note: str) -> tuple[str, ...]:
    """The source ids a record's note names as `source <id>` (`(source
    hog-communique-2004)`), in order, each once; an id is lowercase words joined
    by hyphens, so prose after the word "source" is not taken for one (#12)."""
    return tuple(dict.fromkeys(m.group(1) for m in _CITED.finditer(note)))
