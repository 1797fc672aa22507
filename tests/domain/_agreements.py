"""Agreements built for the domain tests: a six-party convention with the
instruments given, and one that others joined later by accession (#12)."""

from scotrack.domain.agreements import Agreement, EntryIntoForceRule, Party
from scotrack.domain.dates import PartialDate

P = PartialDate.parse
FOURTH_PLUS_30 = EntryIntoForceRule("nth-instrument", n=4, days=30, later_days=30)


def convention(*instruments: str | None, rule=FOURTH_PLUS_30, **extra) -> Agreement:
    codes = ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    parties = tuple(
        Party(code, signed=P("2017-06-09"), ratified=None if day is None else P(day))
        for code, day in zip(codes, instruments, strict=False)
    )
    return Agreement(
        "c",
        "Test Convention",
        "convention",
        signed_date=P("2017-06-09"),
        place="Astana",
        depositary="CHN",
        rule=rule,
        parties=parties,
        **extra,
    )


def joined_later(*accessions: tuple[str, str], rule=FOURTH_PLUS_30) -> Agreement:
    base = convention("2018-01-10", "2018-02-01", "2018-03-01", None, rule=rule)
    extra = tuple(Party(code, ratified=P(day)) for code, day in accessions)
    return Agreement(
        base.id,
        base.title,
        base.kind,
        signed_date=base.signed_date,
        depositary=base.depositary,
        rule=rule,
        parties=base.parties + extra,
    )
