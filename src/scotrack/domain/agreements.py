"""Agreements: parties, signature and ratification, and entry into force by rule.

Status is always computed from the dated facts and the agreement's entry-into-force
rule, never stored (see `agreement_status`). Where the sources record the entry
into force but not enough instruments to compute it, the recorded date is used and
the explanation says so. A state's instrument date is its deposit date, or its
ratification date where the deposit is not recorded (the explanation says which).

A state that joins later (India, Pakistan, Iran, Belarus) becomes a party by
accession under its memorandum of obligations: a party with an instrument but no
signature acceded (#12). Its instrument binds it like a ratification, but it does
not count towards the instruments that bring the agreement into force: those are
the signatories' own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

from scotrack.domain.dates import PartialDate, Truth, add_days
from scotrack.domain.meetings import ordinal

RuleKind = Literal["nth-instrument", "all-instruments", "on-signature"]
PartyStatus = Literal[
    "not signed",
    "not a party",
    "signed",
    "ratified",
    "acceded",
    "in force",
    "withdrawn",
]
PARTY_STATUSES: tuple[PartyStatus, ...] = get_args(PartyStatus)
"""A state's status on a day. "not a party": a state that accedes later, before its
accession; "acceded": after it, while no rule or record says the treaty binds it
yet (#12)."""


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
    body: str | None = None
    """The predecessor body whose agreement it is (`shanghai-five`); None for the
    SCO's own (#12)."""

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
    unclear: str | None = None
    """What is missing to decide the status, when the sources leave it undecided
    (the matrix's "unclear" cell, `status_gaps.status_gap`); None when decided."""


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
    computed = computed_entry_into_force(agreement)
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


def computed_entry_into_force(agreement: Agreement) -> EntryIntoForce | None:
    """The date the agreement's own entry-into-force rule gives from its recorded
    instruments, or None when it has no rule or the instruments do not settle it
    (the data check compares it with the recorded date)."""
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


def existed_on(agreement: Agreement, on: date) -> bool:
    """False when the agreement was certainly not yet signed (or approved) on `on`.

    A list "as of" a day leaves such agreements out instead of calling them "not in
    force" (#12); an undated agreement, or one signed in a month or year containing
    `on`, may have existed and stays.
    """
    signed = agreement.signed_date
    return signed is None or signed.first_day() <= on
