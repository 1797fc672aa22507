"""An agreement's status on a day, overall and per state, with the sentences that
explain it: computed from the dated facts of `agreements` and the agreement's
entry-into-force rule, never stored.

A state's status is its furthest step by that day (signed, ratified, in force)
or withdrawn; a step no source records is listed as missing, not taken as not
done (#12).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from scotrack.domain.agreements import (
    Agreement,
    AgreementStatus,
    EntryIntoForce,
    Party,
    PartyOnDay,
    PartyStatus,
    entry_into_force,
)
from scotrack.domain.dates import PartialDate, Truth, add_days, all_of
from scotrack.domain.status_gaps import status_gap


def party_status(
    agreement: Agreement, party: Party | None, *, on: date, eif: EntryIntoForce | None
) -> PartyOnDay:
    """One state's status on `on`: not signed, signed, ratified, in force, withdrawn."""
    if party is None:
        return PartyOnDay("", "not signed", True, None, None, None)
    state = party.state
    if party.withdrew is not None and party.withdrew.on_or_before(on):
        return PartyOnDay(state, "withdrawn", True, party.signed, party.ratified, None)
    if party.acceded:
        return _accession_status(agreement, party, on=on, eif=eif)
    instrument = party.instrument()
    # an unrecorded step is not uncertain, it is not known to have happened
    signed: Truth = False if party.signed is None else party.signed.on_or_before(on)
    ratified: Truth = False if instrument is None else instrument.on_or_before(on)
    in_force_from = _party_in_force_from(agreement, instrument, eif)
    in_force: Truth = False
    if in_force_from is not None:
        in_force = _range_by(in_force_from, on)
    steps: list[tuple[PartyStatus, Truth]] = [
        ("in force", in_force),
        ("ratified", ratified),
        ("signed", signed),
    ]
    for status, reached in steps:
        if reached is True:
            return PartyOnDay(
                state,
                status,
                True,
                party.signed,
                party.ratified,
                _range_text(in_force_from),
            )
        if reached is None:
            return PartyOnDay(
                state,
                status,
                False,
                party.signed,
                party.ratified,
                _range_text(in_force_from),
            )
    return PartyOnDay(
        state,
        "not signed",
        True,
        party.signed,
        party.ratified,
        _range_text(in_force_from),
    )


def _accession_status(
    agreement: Agreement, party: Party, *, on: date, eif: EntryIntoForce | None
) -> PartyOnDay:
    """A state that accedes: not a party before its accession, then acceded, or
    in force once a rule or the entry into force binds it (#12).

    Before its accession it was no signatory either: it is "not a party" (it had
    not yet joined), never "not signed". After it, without a rule for later
    parties, the day the treaty binds it is unknown: it stays "acceded" and
    `missing_steps` says so, rather than a guessed date.
    """
    instrument = party.instrument()
    acceded: Truth = False if instrument is None else instrument.on_or_before(on)
    in_force_from = _party_in_force_from(agreement, instrument, eif)
    in_force: Truth = False if in_force_from is None else _range_by(in_force_from, on)
    shown = _range_text(in_force_from)
    if in_force is not False:
        return PartyOnDay(
            party.state, "in force", in_force is True, None, party.ratified, shown
        )
    if acceded is False:
        return PartyOnDay(party.state, "not a party", True, None, party.ratified, None)
    return PartyOnDay(
        party.state, "acceded", acceded is True, None, party.ratified, shown
    )


def _party_in_force_from(
    agreement: Agreement, instrument: PartialDate | None, eif: EntryIntoForce | None
) -> tuple[date, date] | None:
    if eif is None or instrument is None:
        return None
    if agreement.rule is None:
        # no rule: a state whose instrument came first is bound from entry into
        # force; for a later one the delay is unknown (#12)
        if instrument.last_day() <= eif.earliest:
            return (eif.earliest, eif.latest)
        return None
    later = agreement.rule.later_days
    if later is None:
        later = agreement.rule.days
    own_earliest = add_days(instrument.first_day(), later)
    own_latest = add_days(instrument.last_day(), later)
    # a state whose instrument came before entry into force is bound from that date
    return (
        max(eif.earliest, own_earliest)
        if instrument.last_day() > eif.earliest
        else eif.earliest,
        max(eif.latest, own_latest)
        if instrument.last_day() > eif.earliest
        else eif.latest,
    )


def _range_by(span: tuple[date, date], day: date) -> Truth:
    if span[1] <= day:
        return True
    if span[0] > day:
        return False
    return None


def _range_text(span: tuple[date, date] | None) -> str | None:
    if span is None:
        return None
    if span[0] == span[1]:
        return span[0].isoformat()
    return f"{span[0].isoformat()}..{span[1].isoformat()}"


def status(
    agreement: Agreement, *, on: date, states: Sequence[str] | None = None
) -> AgreementStatus:
    """The agreement's status on `on`, overall and per state, with the reasons why."""
    eif = entry_into_force(agreement)
    in_force = in_force_on(agreement, eif, on)
    codes = list(states) if states is not None else [p.state for p in agreement.parties]
    rows = []
    for code in codes:
        party = agreement.party(code)
        row = party_status(agreement, party, on=on, eif=eif)
        rows.append(
            PartyOnDay(
                code,
                row.status,
                row.certain,
                row.signed,
                row.ratified,
                row.in_force_from,
                missing(agreement, party, eif=eif, on=on),
                status_gap(party, row, in_force=in_force, eif=eif),
            )
        )
    return AgreementStatus(
        agreement.id,
        on,
        in_force,
        eif,
        tuple(rows),
        explanation(agreement, on=on, eif=eif, in_force=in_force),
    )


UNKNOWN_BINDING = "the day it is bound from (no rule or source gives it)"
"""What an acceding state lacks when it acceded after entry into force and no
rule says when the treaty binds a later party (#12)."""


def missing(
    agreement: Agreement,
    party: Party | None,
    *,
    eif: EntryIntoForce | None = None,
    on: date | None = None,
) -> tuple[str, ...]:
    """The steps of `party` that no source records: what a reader would need.

    Only where a step is expected: a party with no signature or accession recorded
    lacks it; a signatory of an agreement that needs instruments (it has a rule, a
    recorded entry into force, or other parties' instruments) lacks its ratification.
    Political texts (no rule, no entry into force, no instruments) expect none. A
    state that acceded after the entry into force `eif` of a treaty with no rule
    lacks the day the treaty binds it, from its accession (on or after `on`, when
    given): not guessed (#12).
    """
    if party is None:
        return ("signature or accession",)
    if party.acceded:
        instrument = party.instrument()
        joined = on is None or (
            instrument is not None and instrument.on_or_before(on) is not False
        )
        unbound = (
            joined
            and eif is not None
            and (_party_in_force_from(agreement, instrument, eif) is None)
        )
        return (UNKNOWN_BINDING,) if unbound else ()
    if party.signed is None and party.instrument() is None:
        return ("signature or accession",)
    if party.signed is not None and party.instrument() is None:
        expects = (
            agreement.rule is not None
            or agreement.recorded_entry_into_force is not None
            or any(p.instrument() is not None for p in agreement.parties)
        )
        on_signature = agreement.rule is not None and agreement.rule.kind == (
            "on-signature"
        )
        if expects and not on_signature:
            return ("ratification (no source)",)
    return ()


def _instruments_before(
    agreement: Agreement, known: Sequence[Party], eif: EntryIntoForce
) -> str:
    """Which signatories' instruments the sources record before entry into force,
    and how many are not recorded: why it came into force, as far as is known."""
    before = [p for p in known if p.instrument().last_day() <= eif.earliest]  # type: ignore[union-attr]
    unrecorded = [
        p.state
        for p in agreement.parties
        if p.signed is not None and p.instrument() is None
    ]
    said = (
        "Before it the sources record the instruments of "
        + ", ".join(f"{p.state} ({p.instrument()})" for p in before)
        if before
        else "The sources record no signatory's instrument before it"
    )
    if unrecorded:
        said += f"; those of {', '.join(unrecorded)} are not recorded (no source)"
    return said + "."


def in_force_on(agreement: Agreement, eif: EntryIntoForce | None, on: date) -> Truth:
    """In force on `on`? Unknown (None) when neither a rule nor a record settles it.

    Before signature it is certainly not in force. With a rule, it is not in force
    only when every signatory's instrument is recorded and they do not meet the
    rule; while some signatory's instrument is not recorded (no source), it may
    have been deposited, so the answer stays unknown rather than "not in force"
    (#12).
    """
    if eif is not None:
        return eif.by(on)
    signed = agreement.signed_date
    if signed is not None and signed.first_day() > on:
        return False
    signatories = [p for p in agreement.parties if not p.acceded]
    complete = bool(signatories) and all(
        p.instrument() is not None for p in signatories
    )
    return False if agreement.rule is not None and complete else None


def explanation(
    agreement: Agreement, *, on: date, eif: EntryIntoForce | None, in_force: Truth
) -> tuple[str, ...]:
    """Sentences saying why the agreement is or is not in force on `on`."""
    lines = []
    if agreement.signed_date is not None:
        where = f" in {agreement.place}" if agreement.place else ""
        lines.append(f"Signed on {agreement.signed_date}{where}.")
    rule = agreement.rule
    if rule is None:
        lines.append("The sources record no entry-into-force rule.")
    else:
        lines.append(f"Enters into force {rule.describe(agreement.depositary)}.")
    known = sorted(
        (p for p in agreement.parties if p.instrument() is not None),
        key=lambda p: p.instrument().sort_key(),  # type: ignore[union-attr]
    )
    acceded = [p for p in known if p.acceded]
    known = [p for p in known if not p.acceded]
    by_day = [p for p in known if all_of(p.instrument().on_or_before(on)) is True]  # type: ignore[union-attr]
    if rule is not None and rule.kind == "nth-instrument":
        lines.append(
            f"By {on.isoformat()} the sources record {len(by_day)} of the "
            f"{rule.n} instruments needed"
            + (
                f" ({', '.join(f'{p.state} {p.instrument()}' for p in by_day)})."
                if by_day
                else "."
            )
        )
        if len(by_day) == (rule.n or 0) - 1:
            lines.append(
                "It is one instrument short of entry into force on that day, "
                "as far as the sources record."
            )
    if any(p.deposited is None and p.ratified is not None for p in known):
        lines.append(
            "Where no deposit date is recorded, the ratification date is used."
        )
    for party in acceded:
        if all_of(party.instrument().on_or_before(on)) is True:  # type: ignore[union-attr]
            lines.append(f"{party.state} acceded on {party.instrument()}.")
    unbound = [
        p.state
        for p in acceded
        if all_of(p.instrument().on_or_before(on)) is True  # type: ignore[union-attr]
        and eif is not None
        and _party_in_force_from(agreement, p.instrument(), eif) is None
    ]
    if unbound:
        lines.append(
            f"It was in force before {', '.join(unbound)} acceded, and no rule or "
            "source gives the day it binds a state that accedes later: that day is "
            "unknown."
        )
    if eif is None:
        lines.append(
            "No entry into force can be computed from the recorded facts, "
            "and none is recorded: it stays unknown."
        )
    elif not eif.computed:
        cited = agreement.entry_into_force_source_id
        lines.append(
            f"The sources record entry into force on {eif}"
            + (f" ({cited})" if cited else "")
            + "; the recorded instruments are too few to compute it."
        )
        lines.append(_instruments_before(agreement, known, eif))
    else:
        lines.append(f"Entry into force: {eif} ({eif.how}).")
    verdict = {
        True: "in force",
        False: "not in force",
        None: "possibly in force (dates too coarse to tell)",
    }
    if in_force is None and eif is None:
        lines.append(f"On {on.isoformat()} whether it is in force is unknown.")
    else:
        lines.append(f"On {on.isoformat()} it is {verdict[in_force]}.")
    for declaration in agreement.declarations:
        when = f" on {declaration.date}" if declaration.date else ""
        lines.append(f"{declaration.state} declared{when}: {declaration.text}")
    return tuple(lines)
