"""How a claim's values meet the knowledge base's, field by field.

`FactWriter` fills the fields the knowledge base leaves empty from the claim; a
field it already holds with a different value is a `Disagreement`: nothing is
written unless the reviewer chose `keep` (the knowledge base's value stays) or
`take` (the claim's value wins). It remembers each entity as it was before its
first change (for the change log) and records the claim's document as a source
supporting it.

Dates are partial, and two that contain one another agree (`dates.reconciled`):
a claim more precise than the knowledge base (2017-06-09 for 2017-06) refines the
stored date, a `Refinement` logged with the rest of the acceptance (so `undo`
reverts it); a less precise one (2017 for 2017-06-09) confirms it and changes
nothing; only incompatible dates (2017-06 vs 2017-07) disagree (#14).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy.orm import Session

from scotrack.domain.dates import PartialDate, reconciled
from scotrack.errors import InputError
from scotrack.store import models
from scotrack.store.history import Snapshot, current
from scotrack.store.provenance import FactSource

Choice = Literal["keep", "take"]


@dataclass(frozen=True, slots=True)
class Disagreement:
    field: str
    known: Any
    claimed: Any


@dataclass(frozen=True, slots=True)
class Refinement:
    """A date the claim gives more precisely than the knowledge base held (#14)."""

    field: str
    known: str
    refined: str


class Disagreements(InputError):
    """The claim contradicts the knowledge base; the reviewer must choose."""

    def __init__(self, entity: str, found: list[Disagreement]) -> None:
        self.entity = entity
        self.found = found
        listed = "; ".join(f"{d.field}: {d.known} vs {d.claimed}" for d in found)
        super().__init__(
            f"{entity}: the claim disagrees with the knowledge base ({listed}); "
            "choose --keep (knowledge base) or --take (claim)"
        )


@dataclass(slots=True)
class FactWriter:
    """Writes a claim's values into the rows of the knowledge base, field by field:
    what `Applier` stands on."""

    session: Session
    source_id: str
    claim_id: str
    published: str | None
    choice: Choice | None = None
    touched: dict[tuple[str, str], Snapshot | None] = field(default_factory=dict)
    """The entities changed, each with its snapshot from before the change."""
    refinements: list[Refinement] = field(default_factory=list)
    """The dates the claim made more precise (agreement, not disagreement)."""
    actor: str | None = None
    """Who accepts the claim: the assessor of an accepted suggestion."""

    def _touch(self, kind: str, entity_id: str, *, new: bool = False) -> None:
        """Remember the entity as it is, before the first change to it."""
        if (kind, entity_id) not in self.touched:
            before = None if new else current(self.session, kind, entity_id)
            self.touched[(kind, entity_id)] = before

    def _set(
        self, row: models.Base, name: str, value: Any, label: str
    ) -> list[Disagreement]:
        """Fill `name` from the claim; a Disagreement if it holds something else."""
        if value is None:
            return []
        known = getattr(row, name)
        if known is None or known == value:
            setattr(row, name, value)
            return []
        return self._settle(row, name, value, label)

    def _settle(
        self, row: models.Base, name: str, value: Any, label: str
    ) -> list[Disagreement]:
        """The claim's `value` contradicts the row's: as the reviewer chose."""
        if self.choice == "take":
            setattr(row, name, value)
        elif self.choice is None:
            return [Disagreement(label, getattr(row, name), value)]
        return []

    def _set_date(
        self, row: models.Base, name: str, value: str | None, label: str
    ) -> list[Disagreement]:
        """`_set` for a partial date: containment is agreement, at the finer date.

        A claim more precise than the stored date refines it (recorded in
        `refinements`), whatever `choice` says: that is for disagreements (#14).
        """
        known = getattr(row, name)
        if value is None or known is None:
            return self._set(row, name, value, label)
        held, claimed = PartialDate.parse(known), PartialDate.parse(str(value))
        agreed = reconciled(held, claimed)
        if agreed is None:
            return self._settle(row, name, str(claimed), label)
        if agreed != held:
            self.refinements.append(Refinement(label, known, str(agreed)))
            setattr(row, name, str(agreed))
        return []

    def _check(self, entity: str, clashes: list[Disagreement]) -> None:
        if clashes:
            raise Disagreements(entity, clashes)

    def support(self, kind: str, entity_id: str) -> None:
        key = (kind, entity_id, self.source_id)
        if self.session.get(FactSource, key) is None:
            self.session.add(
                FactSource(
                    entity_kind=kind,
                    entity_id=entity_id,
                    source_id=self.source_id,
                    claim_id=self.claim_id,
                )
            )
            self.session.flush()
