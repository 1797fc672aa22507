"""The SCO's bodies as the reference record gives them: founding date and seat
where a source gives them, what precedes or succeeds them, and the sources (#12)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scotrack.domain.meetings import Body
from scotrack.domain.sources import Source, cited_in
from scotrack.store import models
from scotrack.store.read import queries

KIND_ORDER = ("council", "permanent body", "meeting", "non-governmental")
"""The order bodies are listed in: the councils of the Charter first."""


@dataclass(frozen=True, slots=True)
class BodyRecord:
    """A body with the sources of its record, each once: the record's own, the
    one giving its founding date and seat, then those its note names; and the
    number of its meetings in the knowledge base."""

    body: Body
    sources: tuple[Source, ...]
    meetings: int

    @property
    def succeeded_by(self) -> str | None:
        """The organisation it preceded ("SCO" for the Shanghai Five)."""
        return self.body.predecessor_of


def body_records(session: Session) -> list[BodyRecord]:
    """Every body: the SCO's own by kind (councils first) and name, then the
    predecessors."""
    everything = queries.bodies(session)
    cited = queries.sources_by_id(
        session, (i for body in everything for i in _source_ids(body))
    )
    counted = select(models.Meeting.body_id, func.count()).group_by(
        models.Meeting.body_id
    )
    counts = dict(session.execute(counted).all())  # a Result has keys(): not dict(it)
    records = [
        BodyRecord(
            body,
            tuple(cited[i] for i in _source_ids(body) if i in cited),
            counts.get(body.code, 0),
        )
        for body in everything
    ]
    return sorted(records, key=_order)


def body_record(session: Session, ref: str) -> BodyRecord:
    """The body `ref` names by code, name or alias (NotFound, Ambiguous)."""
    code = queries.find_body(session, ref).code
    return next(r for r in body_records(session) if r.body.code == code)


def _source_ids(body: Body) -> list[str]:
    found = [body.source_id, body.founding_source_id, *cited_in(body.note or "")]
    return list(dict.fromkeys(i for i in found if i is not None))


def _order(record: BodyRecord) -> tuple[bool, int, str]:
    body = record.body
    kind = KIND_ORDER.index(body.kind) if body.kind in KIND_ORDER else len(KIND_ORDER)
    return (body.predecessor_of is not None, kind, body.name.casefold())
