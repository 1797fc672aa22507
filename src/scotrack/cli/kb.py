"""Knowledge-base commands: init, members, agreement, state . Each parses its
options, calls one store function and renders (the tables of agreements and
commitments are in `agreements.py` and `commitments.py`)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from scotrack.cli._common import (
    DbOption,
    DebugOption,
    FormatOption,
    KnownOnOption,
    OnDateOption,
    OutputFormat,
    kb_session,
    on_day,
    render,
    run_with_errors,
    settings_for,
    stdout,
)
from scotrack.cli.terminal import literal
from scotrack.domain.vocab import STATUSES
from scotrack.errors import InputError


def init_cli(
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Create or upgrade the database and load the curated baseline (idempotent).

    Example: scotrack init --db ./sco.db
    """
    report = run_with_errors(lambda: _init(settings_for(db).db), debug=debug)
    rows = [
        {"table": table, **counts._asdict()} for table, counts in report.counts.items()
    ]
    if fmt is OutputFormat.table:
        stdout.print(
            literal(f"Database {report.url} is at revision {report.revision}.")
        )
    render(
        rows,
        fmt,
        title="Baseline loaded",
        payload={"database": report.url, "revision": report.revision, "tables": rows},
    )


StatusOption = Annotated[
    str, typer.Option("--status", help=f"One of: {', '.join(STATUSES)}, or all.")
]


def members_cli(
    on: OnDateOption = None,
    status: StatusOption = "member",
    db: DbOption = None,
    known_on: KnownOnOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """List the states with an SCO status on a date (members by default).

    Example: scotrack members --on 2017-06-10 --status member
    """
    if status != "all" and status not in STATUSES:
        _bad_choice("--status", status, (*STATUSES, "all"), debug)

    def action() -> list[dict[str, Any]]:
        from scotrack.store import queries  # loaded on demand: fast start-up

        day = on_day(on)
        with kb_session(db, known_on=known_on) as session:
            answers = queries.statuses_on(session, on=day)
            names = {s.code: s.name for s in queries.states(session)}
        return [
            {
                "state": a.state,
                "name": names.get(a.state, a.state),
                "status": a.status,
                "since": a.interval.start if a.interval else None,
                "certain": a.certain,
            }
            for a in answers
            if status == "all" or a.status == status
        ]

    rows = run_with_errors(action, debug=debug)
    render(rows, fmt, title=f"SCO {status} states on {on_day(on).isoformat()}")


def agreement_cli(
    name: Annotated[str, typer.Argument(help="Title, alias or id (fuzzy).")],
    on: OnDateOption = None,
    db: DbOption = None,
    known_on: KnownOnOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Show one agreement's status per state on a date, and why it is (not) in force.

    Example: scotrack agreement "Convention on Countering Extremism" --on 2018-01-01
    """

    def action() -> dict[str, Any]:
        from scotrack.store import queries  # loaded on demand: fast start-up

        day = on_day(on)
        with kb_session(db, known_on=known_on) as session:
            agreement = queries.find_agreement(session, name)
            answer = queries.agreement_status(session, agreement.id, on=day)
        return {
            "agreement": {
                "id": agreement.id,
                "title": agreement.title,
                "kind": agreement.kind,
                "signed": agreement.signed_date,
                "place": agreement.place,
                "depositary": agreement.depositary,
            },
            "on": day,
            "in_force": answer.in_force,
            "entry_into_force": (
                None
                if answer.entry_into_force is None
                else str(answer.entry_into_force)
            ),
            "parties": [
                {
                    "state": p.state,
                    "status": p.status,
                    "certain": p.certain,
                    "signed": p.signed,
                    "ratified": p.ratified,
                    "in_force_from": p.in_force_from,
                }
                for p in answer.parties
            ],
            "explanation": list(answer.explanation),
        }

    result = run_with_errors(action, debug=debug)
    if fmt is OutputFormat.table:
        stdout.print(literal(result["agreement"]["title"], style="bold"))
    render(result["parties"], fmt, title=f"Status on {result['on']}", payload=result)
    if fmt is OutputFormat.table:
        for line in result["explanation"]:
            stdout.print(literal(f"  {line}"))


def state_cli(
    code: Annotated[
        str, typer.Argument(help="State code (ISO alpha-3), name or adjective.")
    ],
    db: DbOption = None,
    known_on: KnownOnOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Show a state's SCO status history, meetings hosted, agreements and commitments.

    Example: scotrack state IND
    """

    def action() -> Any:
        from scotrack.store import queries  # loaded on demand: fast start-up

        with kb_session(db, known_on=known_on) as session:
            found = queries.find_state(session, code)
            return queries.state_profile(session, found.code)

    profile = run_with_errors(action, debug=debug)
    if fmt is OutputFormat.json:
        render([], fmt, payload=profile)
        return
    sections: list[tuple[str, list[dict[str, Any]]]] = [
        (
            "Status history",
            [
                {"status": i.status, "from": i.start, "to": i.end, "note": i.note}
                for i in profile.history
            ],
        ),
        (
            "Meetings hosted",
            [
                {
                    "date": m.start_date,
                    "body": m.body,
                    "number": m.number,
                    "city": m.city,
                }
                for m in profile.meetings_hosted
            ],
        ),
        (
            "Agreements",
            [
                {"agreement": a.title, "signed": a.signed, "ratified": a.ratified}
                for a in profile.agreements
            ],
        ),
        (
            "Commitments",
            [
                {"kind": c.kind, "area": c.area, "text": c.text}
                for c in profile.commitments
            ],
        ),
    ]
    if fmt is OutputFormat.table:
        name = literal(profile.state.name, style="bold")
        stdout.print(name.append_text(literal(f" ({profile.state.code})")))
        for title, rows in sections:
            render(rows, fmt, title=title)
        return
    for title, rows in sections:
        stdout.print(f"# {title}")
        render(rows, fmt)


def _init(url: str) -> Any:
    from scotrack.store.baseline import init_knowledge_base

    return init_knowledge_base(url)


def _bad_choice(option: str, value: str, allowed: tuple[str, ...], debug: bool) -> None:
    def fail() -> None:
        raise InputError(f"{option} {value!r} is not one of: {', '.join(allowed)}")

    run_with_errors(fail, debug=debug)
