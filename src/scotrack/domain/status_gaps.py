"""What is missing to decide a state's status in an agreement on a day: the text
an "unclear" cell of the ratification matrix shows, the same on every surface
(#12).

A status is undecided when a date is too coarse to place it before or after the
day (a ratification known to the month, an entry into force known to the year),
or when the agreement is in force and the sources record the state's signature
but not its instrument: it may well have ratified.
"""

from __future__ import annotations

from scotrack.domain.agreements import EntryIntoForce, Party, PartyOnDay
from scotrack.domain.dates import PartialDate, Truth

SIGNED_ONLY = (
    "signature recorded, ratification unknown: in force, and no source gives "
    "its instrument"
)
"""A signatory of an agreement in force whose instrument no source records."""


def status_gap(
    party: Party | None,
    row: PartyOnDay,
    *,
    in_force: Truth,
    eif: EntryIntoForce | None,
) -> str | None:
    """What is missing to decide `row`, the status of `party` on a day; None when
    the status is decided. The matrix shows a cell "unclear" exactly when this
    gives a text (`store.read.matrix.cell_status`)."""
    if row.certain:
        signed_only = row.status == "signed" and in_force is True
        return SIGNED_ONLY if signed_only else None
    if party is None:  # no record of the state: nothing to be unsure of
        return None
    instrument = party.instrument()
    verb = "acceded" if party.acceded else "ratified"
    if row.status == "signed":
        return f"{_coarse('signed', party.signed)}: may be after this day"
    if row.status in ("ratified", "acceded"):
        return f"{_coarse(verb, instrument)}: may be after this day"
    # in force, uncertain: the days it may be bound from include this one
    reasons = []
    if instrument is not None and instrument.precision != "day":
        reasons.append(_coarse(verb, instrument))
    if eif is not None and eif.earliest != eif.latest:
        reasons.append(f"entry into force {eif}")  # "between A and B"
    said = "; ".join(reasons) or f"{verb} {instrument}"
    return f"{said}: bound from {row.in_force_from}, which includes this day"


def _coarse(verb: str, day: PartialDate | None) -> str:
    """`ratified 2004-06, no day recorded` (or only `ratified 2004-06-15`)."""
    if day is None:
        return f"{verb}, no date recorded"
    if day.precision == "day":
        return f"{verb} {day}"
    return f"{verb} {day}, no {'day' if day.precision == 'month' else 'month'} recorded"
