"""Where a fact comes from: a cited source, or a span of a stored document."""

from __future__ import annotations

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
