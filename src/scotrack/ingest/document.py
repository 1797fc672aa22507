"""The plain data that flows through the extraction pipeline.

A `RawDocument` is what `read` produces; every later stage takes a `CleanDocument`
and returns it with its own field filled in (see `pipeline.STAGES`). Character
offsets everywhere are offsets into `CleanDocument.text`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

MentionKind = Literal[
    "state", "city", "body", "initiative", "person", "office", "organization", "region"
]

Item = dict[str, Any]
"""One extracted item in sco-extract/1 form, plus `evidence`: [[start, end], ...]."""


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A document as read: exactly one of `text` or `html` is set, `html` when it
    arrived as a web page; `files.is_page` decides, once, whether it is one.
    `published`, `source` and `title` are what the record gave (JSON Lines,
    Parquet, the API): they win over what the page shows (#15)."""

    id: str
    path: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str

    def __init__(self, start: int, end: int, text: str) -> None:
        # made by the thousand: see `Mention.__init__`
        _sentence_start(self, start)
        _sentence_end(self, end)
        _sentence_text(self, text)


@dataclass(frozen=True, slots=True)
class Mention:
    """A gazetteer hit; `value` is the canonical id (state code, city, body, name)."""

    start: int
    end: int
    kind: MentionKind
    value: str
    surface: str
    state: str | None = None

    def __init__(
        self,
        start: int,
        end: int,
        kind: MentionKind,
        value: str,
        surface: str,
        state: str | None = None,
    ) -> None:
        # Mentions are made by the thousand. The __init__ a frozen dataclass
        # gets sets each field through object.__setattr__; the slots' own
        # setters do the same at less than two thirds of the cost.
        _mention_start(self, start)
        _mention_end(self, end)
        _mention_kind(self, kind)
        _mention_value(self, value)
        _mention_surface(self, surface)
        _mention_state(self, state)


def _slot_setters(cls: type, *names: str) -> list[Callable[[object, Any], None]]:
    """The `__set__` of each slot `names` of a slots class."""
    return [vars(cls)[name].__set__ for name in names]


_sentence_start, _sentence_end, _sentence_text = _slot_setters(
    Sentence, "start", "end", "text"
)
(
    _mention_start,
    _mention_end,
    _mention_kind,
    _mention_value,
    _mention_surface,
    _mention_state,
) = _slot_setters(Mention, "start", "end", "kind", "value", "surface", "state")


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    published: str | None = None
    source: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None


@dataclass(slots=True)
class CleanDocument:
    """A document being extracted; stages fill in the fields after `text`."""

    id: str
    path: str
    raw_text: str
    text: str
    url: str | None = None
    metadata: Metadata = field(default_factory=Metadata)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    facts: dict[str, list[Item]] = field(default_factory=dict)
    language: str | None = None
    """"en" for English; anything else means nothing is extracted (read.language)."""
    warnings: list[str] = field(default_factory=list)
    """What a reader should know of this document's result (one line each)."""
    html: bool = False
    """Whether `raw_text` is a web page: decided once, as the document is read
    (`files.is_page`), never guessed again from its text (#15)."""
    given: Metadata = field(default_factory=Metadata)
    """The title, published date and source the record gave (`RawDocument`):
    `metadata` keeps them, whatever the page shows (#15)."""

    def reference_date(self) -> str | None:
        """The date relative expressions resolve against: published, else dateline's."""
        return self.metadata.published or self.metadata.dateline_date


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Per-call options for `pipeline.extract` (one frozen object, passed down)."""

    max_bytes: int = 20_000_000
    with_evidence: bool = True
    max_file_bytes: int = 2_000_000_000
    """A JSON Lines file larger than this is refused (#18)."""
    max_line_bytes: int = 25_000_000
    """A JSON Lines line longer than this is reported and skipped (#18)."""
    range_records: int = 1_000
    """With worker processes or a cluster, a WARC, JSON Lines or Parquet file
    of more records than this is cut into tasks of about this many (#16); 0:
    a file is one task."""
    max_json_depth: int = 64
    """A JSON Lines line nested deeper than this is reported and skipped (#18)."""
    max_html_depth: int = 256
    """An HTML page whose elements nest deeper than this is refused (#18)."""
    max_seconds: float = 0.0
    """The time budget of one document's extraction (see `budget`); 0: none."""
    with_implementations: bool = True
    """Run the `implementations` stage. Its statements are stored beside the
    claims but are not part of sco-extract/1: `scotrack extract`, which writes
    only that, skips the stage (#11)."""


@dataclass(frozen=True, slots=True)
class Stage:
    """One pipeline stage: what it reads, what it adds, and the function that runs it.

    Field names are CleanDocument attributes (`text`, `metadata`, `sentences`,
    `mentions`) or `facts.<type>` for one sco-extract/1 list (`facts.meetings`).
    """

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    run: Callable[[CleanDocument], CleanDocument]
