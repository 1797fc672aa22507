"""Agreements: parties, signature and ratification, and entry into force by rule.

Status is always computed from the dated facts and the agreement's entry-into-force
rule, never stored. Where the sources record the entry into force but not enough
instruments to compute it, the recorded date is used and the explanation says so.
A state's instrument date is its deposit date, or its ratification date where the
deposit is not recorded (the explanation says which).

A state that joins later (India, Pakistan, Iran, Belarus) becomes a party by
accession under its memorandum of obligations: a party with an instrument but no
signature acceded (#12). Its instrument binds it like a ratification, but it does
not count towards the instruments that bring the agreement into force: those are
the signatories' own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from scotrack.domain.dates import PartialDate, Truth, add_days, all_of
from scotrack.domain.meetings import ordinal

RuleKind = Literal["nth-instrument", "all-instruments", "on-signature"]
PartyStatus = Literal["not signed", "signed", "ratified", "in force", "withdrawn"]
PARTY_STATUSES: tuple[PartyStatus, ...] = (
    "not signed",
    "signed",
    "ratified",
    "in force",
    "withdrawn",
)


@dataclass(frozen=True, slots=True)
class EntryIntoForceRule:
    """When an agreement enters into force, and for states that join later."""

    kind: RuleKind
    n: int | None = None
    days: int = 0
    later_days: int | None = None

    def describe(self, depositary: str | None = None) -> str:
        who = f"the depositary ({depositary})" if depositary else "the depositary"
        after = f"{self.days} days after " if self.days else "on the day "
        if self.kind == "nth-instrument":
            return f"{after}{who} receives the {ordinal(self.n or 0)} instrument"
        if self.kind == "all-instruments":
            return (
                f"{after}{who} receives the last signatory's instrument of ratification"
            )
        return "on signature"


@dataclass(frozen=True, slots=True)
class Party:
    state: str
    signed: PartialDate | None = None
    ratified: PartialDate | None = None
    deposited: PartialDate | None = None
    withdrew: PartialDate | None = None
    source_id: str | None = None

    def instrument(self) -> PartialDate | None:
        return self.deposited or self.ratified

    @property
    def acceded(self) -> bool:
        """True for a party by accession: an instrument and no signature (#12)."""
        return self.signed is None and self.instrument() is not None


@dataclass(frozen=True, slots=True)
class Declaration:
    """A dated statement narrowing how the agreement applies to one state."""

    state: str
    date: PartialDate | None
    text: str
    source_id: str | None = None


@dataclass(frozen=True, slots=True)
class Agreement:
    id: str
    title: str
    kind: str
    aliases: tuple[str, ...] = ()
    signed_date: PartialDate | None = None
    place: str | None = None
    depositary: str | None = None
    rule: EntryIntoForceRule | None = None
    parties: tuple[Party, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    recorded_entry_into_force: PartialDate | None = None
    source_id: str | None = None
    entry_into_force_source_id: str | None = None

    def party(self, state: str) -> Party | None:
        return next((p for p in self.parties if p.state == state), None)


@dataclass(frozen=True, slots=True)
class EntryIntoForce:
    """The entry-into-force date as a range of days (equal ends when exact)."""

    earliest: date
    latest: date
    how: str
    computed: bool

    def by(self, day: date) -> Truth:
        if self.latest <= day:
            return True
        if self.earliest > day:
            return False
        return None

    def __str__(self) -> str:
        if self.earliest == self.latest:
            return self.earliest.isoformat()
        return f"between {self.earliest.isoformat()} and {self.latest.isoformat()}"


@dataclass(frozen=True, slots=True)
class PartyOnDay:
    """One state's status on a day; `missing` names the steps no source records.

    A signatory with no recorded instrument may well have ratified: its status
    stays "signed" (what the sources show), and `missing` says the ratification is
    not recorded, so a surface can show it as unknown rather than as not done (#12).
    """

    state: str
    status: PartyStatus
    certain: bool
    signed: PartialDate | None
    ratified: PartialDate | None
    in_force_from: str | None
    missing: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AgreementStatus:
    agreement_id: str
    on: date
    in_force: Truth
    entry_into_force: EntryIntoForce | None
    parties: tuple[PartyOnDay, ...]
    explanation: tuple[str, ...] = field(default_factory=tuple)


def entry_into_force(agreement: Agreement) -> EntryIntoForce | None:
    """When the agreement entered (or enters) into force, if the facts settle it."""
    computed = _computed_entry_into_force(agreement)
    if computed is not None:
        return computed
    recorded = agreement.recorded_entry_into_force
    if recorded is None:
        return None
    return EntryIntoForce(
        recorded.first_day(),
        recorded.last_day(),
        "as recorded by the source",
        computed=False,
    )


def _computed_entry_into_force(agreement: Agreement) -> EntryIntoForce | None:
    rule = agreement.rule
    if rule is None:
        return None
    if rule.kind == "on-signature":
        if agreement.signed_date is None:
            return None
        return EntryIntoForce(
            agreement.signed_date.first_day(),
            agreement.signed_date.last_day(),
            "on signature",
            computed=True,
        )
    # accessions come after entry into force: only signatories' instruments count
    instruments = [p.instrument() for p in agreement.parties if not p.acceded]
    known = [i for i in instruments if i is not None]
    if rule.kind == "nth-instrument":
        needed = rule.n or 0
        if needed < 1 or len(known) < needed:
            return None
        earliest = sorted(i.first_day() for i in known)[needed - 1]
        latest = sorted(i.last_day() for i in known)[needed - 1]
        how = f"{ordinal(needed)} instrument received"
    else:
        signatories = [p for p in agreement.parties if p.signed is not None]
        if not signatories or any(p.instrument() is None for p in signatories):
            return None
        earliest = max(p.instrument().first_day() for p in signatories)  # type: ignore[union-attr]
        latest = max(p.instrument().last_day() for p in signatories)  # type: ignore[union-attr]
        how = "last signatory's instrument received"
    return EntryIntoForce(
        add_days(earliest, rule.days),
        add_days(latest, rule.days),
        f"{how}, plus {rule.days} days",
        computed=True,
    )


def party_status(
    agreement: Agreement, party: Party | None, *, on: date, eif: EntryIntoForce | None
) -> PartyOnDay:
    """One state's status on `on`: not signed, signed, ratified, in force, withdrawn."""
    if party is None:
        return PartyOnDay("", "not signed", True, None, None, None)
    state = party.state
    if party.withdrew is not None and party.withdrew.on_or_before(on):
        return PartyOnDay(state, "withdrawn", True, party.signed, party.ratified, None)
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
                missing(agreement, party),
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


def missing(agreement: Agreement, party: Party | None) -> tuple[str, ...]:
    """The steps of `party` that no source records: what a reader would need.

    Only where a step is expected: a party with no signature or accession recorded
    lacks it; a signatory of an agreement that needs instruments (it has a rule, a
    recorded entry into force, or other parties' instruments) lacks its ratification.
    Political texts (no rule, no entry into force, no instruments) expect none.
    """
    if party is None:
        return ("signature or accession",)
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


def existed_on(agreement: Agreement, on: date) -> bool:
    """False when the agreement was certainly not yet signed (or approved) on `on`.

    A list "as of" a day leaves such agreements out instead of calling them "not in
    force" (#12); an undated agreement, or one signed in a month or year containing
    `on`, may have existed and stays.
    """
    signed = agreement.signed_date
    return signed is None or signed.first_day() <= on


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
