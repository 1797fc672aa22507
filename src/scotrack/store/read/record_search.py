"""Search that finds the curated record too: agreements, meetings, bodies and
initiatives by their titles, aliases, codes and cities, ahead of the documents
and claims of the full-text index (#12).

The record is small (hundreds of entries), so it is matched here, in Python, the
same on SQLite and PostgreSQL: every term of the query (as `search_query.parse_query`
reads it) must match whole words of one entry's names, "quoted phrases" as
consecutive words, a trailing `*` as a prefix; case and diacritics are ignored
("Tashkent" finds the meetings held there, "Charter" the Charter and its
protocols). One result list holds the record's entries first, then the full-text
hits; `limit` and `offset` page through the whole of it.
"""

from __future__ import annotations

import threading
import unicodedata
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast
from urllib.parse import quote

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate, parse_optional
from scotrack.domain.meetings import Meeting
from scotrack.domain.vocab import FOUND_KINDS, PAGES, RECORD_SEARCH_KINDS, MeetingFormat
from scotrack.errors import InputError
from scotrack.store import models
from scotrack.store.read import queries, search_query
from scotrack.store.read import search as full_text
from scotrack.store.read.dashboard import state_names
from scotrack.store.read.search import SearchHit
from scotrack.store.read.search_query import HIGHLIGHT, Term
from scotrack.store.read.summaries import session_version

RECORD_KINDS = RECORD_SEARCH_KINDS
"""The kinds of the curated record's entries a search finds."""
KINDS = FOUND_KINDS
"""Every kind `search_results(kinds=...)` takes."""
FIELD_WEIGHTS = {"title": 3.0, "alias": 2.0, "place": 1.0}
"""How much a match in each field counts towards an entry's score."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A curated record's entry as search sees it: its names by field."""

    kind: str
    ref: str
    title: str
    detail: str
    date: PartialDate | None
    fields: tuple[tuple[str, str], ...]
    """(field, text) pairs: title, alias or place."""

    def __post_init__(self) -> None:
        # each name as its folded words between spaces, once: what terms match
        padded = tuple((name, _padded(text)) for name, text in self.fields)
        object.__setattr__(self, "fields", padded)


def search_results(
    session: Session,
    query: str,
    *,
    kinds: Sequence[str] | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """The record's entries matching every term of `query` (best first, marked
    `record`), then the documents and claims of the full-text index; `kinds`
    keeps only those kinds (see KINDS). Raises InputError as `search.search`
    does, and for an unknown kind."""
    terms = search_query.parse_query(query)
    wanted = search_query.checked_kinds(kinds, KINDS)
    if not 1 <= limit <= full_text.MAX_LIMIT:
        raise InputError(
            f"search: limit must be 1 to {full_text.MAX_LIMIT}, not {limit}"
        )
    if offset < 0:
        raise InputError(f"search: offset must be 0 or more, not {offset}")
    record_kinds = [k for k in wanted or RECORD_KINDS if k in RECORD_KINDS]
    found = record_hits(session, terms, record_kinds) if terms else []
    shown = found[offset : offset + limit]
    text_kinds = [k for k in wanted or search_query.KINDS if k in search_query.KINDS]
    room = limit - len(shown)
    if room and text_kinds:
        shown += full_text.search(
            session,
            query,
            kinds=None if wanted is None else text_kinds,
            limit=room,
            offset=max(0, offset - len(found)),
        )
    return shown


def record_hits(
    session: Session, terms: Sequence[Term], kinds: Sequence[str]
) -> list[SearchHit]:
    """The record's entries of `kinds` that match every term, best first (title
    over alias over place), then by kind, date and id."""
    scored = []
    for entry in _entries(session, kinds):
        score = _score(entry, terms)
        if score:
            scored.append((score, entry))
    scored.sort(
        key=lambda pair: (
            -pair[0],
            RECORD_KINDS.index(pair[1].kind),
            pair[1].date.sort_key() if pair[1].date else (9999, 0, 0),
            pair[1].ref,
        )
    )
    return [
        SearchHit(
            kind=entry.kind,
            ref=entry.ref,
            title=entry.title,
            snippet=_marked(entry.detail, terms),
            score=score,
            published_date=None if entry.date is None else str(entry.date),
            record=True,
        )
        for score, entry in scored
    ]


def _entries(session: Session, kinds: Sequence[str]) -> list[Entry]:
    """The record's entries of `kinds`, each with the names it is found by: read
    and folded once per database engine and knowledge-base version (`kb_version`,
    read once a server read request, moves with every logged change, the
    baseline's loads and every edit included), so a search costs the matching
    alone (#18)."""
    engine = session.get_bind().engine
    key = (session_version(session), tuple(kinds))
    with _LOCK:
        found = _CACHE.get(engine, {}).get(key)
    if found is None:
        found = _read_entries(session, kinds)
        with _LOCK:
            kept = _CACHE.setdefault(engine, {})
            if len(kept) >= _CACHED:
                kept.pop(next(iter(kept)))
            kept[key] = found
    return found


_CACHE: weakref.WeakKeyDictionary[
    Engine, dict[tuple[tuple[int, int], tuple[str, ...]], list[Entry]]
] = weakref.WeakKeyDictionary()
"""Per engine (gone with it), the entries of the versions and kinds asked."""
_CACHED = 8
"""At most this many (version, kinds) entry lists an engine, the oldest dropped
first."""
_LOCK = threading.Lock()


def _read_entries(session: Session, kinds: Sequence[str]) -> list[Entry]:
    """The record's entries of `kinds`, read from the database."""
    entries: list[Entry] = []
    bodies = {b.code: b for b in queries.bodies(session)}
    if "agreement" in kinds:
        entries += _agreement_entries(session)
    if "meeting" in kinds:
        names = state_names(session)
        entries += [
            Entry(
                "meeting",
                m.id,
                m.title(bodies),
                _joined(m.city, names.get(m.host or "", m.host), m.format),
                m.start_date,
                (("title", m.title(bodies)), *_place(m.city)),
            )
            for m in _meetings(session)
        ]
    if "body" in kinds:
        entries += [
            Entry(
                "body",
                b.code,
                b.name,
                b.kind,
                None,
                (
                    ("title", b.name),
                    ("alias", b.code),
                    *(("alias", a) for a in b.aliases),
                ),
            )
            for b in bodies.values()
        ]
    if "initiative" in kinds:
        entries += [
            Entry(
                "initiative",
                i.code,
                i.name,
                _joined(
                    i.proposed_by and f"proposed by {i.proposed_by}", i.proposed_on
                ),
                i.proposed_on,
                (
                    ("title", i.name),
                    ("alias", i.code),
                    *(("alias", a) for a in i.aliases),
                ),
            )
            for i in queries.initiatives(session)
        ]
    return entries


def _agreement_entries(session: Session) -> list[Entry]:
    """The agreements by their columns and aliases alone: a search needs neither
    parties nor rules, which would cost most of its time to load."""
    aliases: dict[str, list[str]] = {}
    for agreement_id, alias in session.execute(
        select(
            models.AgreementAlias.agreement_id, models.AgreementAlias.alias
        ).order_by(models.AgreementAlias.agreement_id, models.AgreementAlias.position)
    ):
        aliases.setdefault(agreement_id, []).append(alias)
    found = session.execute(
        select(
            models.Agreement.id,
            models.Agreement.title,
            models.Agreement.kind,
            models.Agreement.signed_date,
            models.Agreement.place,
        ).order_by(models.Agreement.id)
    )
    entries = []
    for agreement_id, title, kind, signed, place in found:
        day = parse_optional(signed)
        entries.append(
            Entry(
                "agreement",
                agreement_id,
                title,
                _joined(kind, day and f"signed {day}", place),
                day,
                (
                    ("title", title),
                    *(("alias", a) for a in aliases.get(agreement_id, ())),
                    *_place(place),
                ),
            )
        )
    return entries


def _meetings(session: Session) -> list[Meeting]:
    """The meetings by their columns alone (no participants)."""
    found = session.execute(
        select(
            models.Meeting.id,
            models.Meeting.body_id,
            models.Meeting.number,
            models.Meeting.start_date,
            models.Meeting.city_name,
            models.Meeting.host_state_id,
            models.Meeting.format,
            models.Meeting.name,
        ).order_by(models.Meeting.id)
    )
    return [
        Meeting(
            meeting_id,
            body,
            parse_optional(start),
            number=number,
            city=city,
            host=host,
            format=cast("MeetingFormat | None", held),
            name=name,
        )
        for meeting_id, body, number, start, city, host, held, name in found
    ]


def _place(place: str | None) -> tuple[tuple[str, str], ...]:
    return () if not place else (("place", place),)


def _joined(*parts: object) -> str:
    return ", ".join(str(p) for p in parts if p)


def _score(entry: Entry, terms: Sequence[Term]) -> float:
    """The sum of each term's best field weight; 0 when a term matches nowhere.
    A term matches a name when its words occur there as consecutive whole words
    (the last one as a prefix for a prefix term)."""
    total = 0.0
    for term in terms:
        wanted = _padded(term.text)
        if term.prefix:
            wanted = wanted[:-1]
        best = max(
            (FIELD_WEIGHTS[name] for name, text in entry.fields if wanted in text),
            default=0.0,
        )
        if not best:
            return 0.0
        total += best
    return total


def _padded(text: str) -> str:
    """`text`'s words folded, between single spaces and with one at each end."""
    return " " + " ".join(_fold(w) for w in _words(text)) + " "


def _marked(detail: str, terms: Sequence[Term]) -> str:
    """`detail` with the words that match a term marked with HIGHLIGHT."""
    wanted = {_fold(w) for term in terms for w in term.words}
    prefixes = [_fold(t.words[-1]) for t in terms if t.prefix]
    out = []
    for piece in _pieces(detail):
        folded = _fold(piece)
        if folded in wanted or any(folded.startswith(p) for p in prefixes if folded):
            out.append(f"{HIGHLIGHT[0]}{piece}{HIGHLIGHT[1]}")
        else:
            out.append(piece)
    return "".join(out)


def _words(text: str) -> list[str]:
    return Term(text).words


def _pieces(text: str) -> list[str]:
    """`text` cut into words and what lies between them, in order."""
    pieces: list[str] = []
    rest = text
    for word in _words(text):
        before, _, rest = rest.partition(word)
        pieces += [before, word] if before else [word]
    return [*pieces, rest] if rest else pieces


def _fold(word: str) -> str:
    """Case and diacritics folded: "Şanghay" -> "sanghay"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def hit_page(hit: SearchHit) -> str:
    """The web app's page of a hit, the address every surface cites for it: a
    record entry's page, a document's, or a claim in its document."""
    ref = quote(hit.ref, safe="")
    if not hit.record and hit.kind != search_query.DOCUMENT:
        return f"/documents/{hit.document_id}#claim-{ref}"
    return PAGES[hit.kind].format(ref)  # a document's, or a record entry's
