"""Knowledge-base commands: init, members, agreement, secretaries, state. Each
parses its options, calls one store function and renders (the tables of agreements
and commitments are in `agreements.py` and `commitments.py`)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from scotrack.cli.options import (
    DbOption,
    DebugOption,
    FormatOption,
    KnownOnOption,
    OnDateOption,
    OutputFormat,
    on_day,
)
from scotrack.cli.output import render, stdout
from scotrack.cli.sessions import kb_session, run_with_errors, settings_for
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
        from scotrack.store.read import timeline  # loaded on demand: fast start-up

        day = on_day(on)
        with kb_session(db, known_on=known_on) as session:
            found = timeline.state_statuses(
                session, on=day, status=None if status == "all" else status
            )
        return [s.as_row() for s in found]

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
        from scotrack.store.read import profiles  # loaded on demand: fast start-up

        day = on_day(on)
        with kb_session(db, known_on=known_on) as session:
            record = profiles.agreement_record(session, name, on=day)
        agreement, answer = record.agreement, record.status
        cited = {c.source.id: c.source for c in record.sources}
        party_source = {p.state: p.source_id for p in agreement.parties}
        eif_source = agreement.entry_into_force_source_id
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
            "entry_into_force_how": (
                None if answer.entry_into_force is None else answer.entry_into_force.how
            ),
            "entry_into_force_source": _cited(cited, eif_source),
            "parties": [
                {
                    "state": p.state,
                    "status": p.status,
                    "certain": p.certain,
                    "signed": p.signed,
                    "ratified": p.ratified,
                    "in_force_from": p.in_force_from,
                    "missing": list(p.missing),
                    "unclear": p.unclear,
                    "source": _cited(cited, party_source.get(p.state)),
                }
                for p in answer.parties
            ],
            "explanation": list(answer.explanation),
        }

    result = run_with_errors(action, debug=debug)
    if fmt is not OutputFormat.table:
        render(result["parties"], fmt, payload=result)
        return
    stdout.print(literal(result["agreement"]["title"], style="bold"))
    cited = [result["entry_into_force_source"]]
    cited += [p["source"] for p in result["parties"]]
    number = {s["id"]: n for n, s in enumerate(_unique(cited), start=1)}
    table = [
        {
            "state": p["state"],
            "status": p["status"] + ("" if p["certain"] else "?"),
            "signed": p["signed"],
            "ratified": p["ratified"] or _unknown(p["missing"]),
            "in force from": p["in_force_from"] or _unbound(p["missing"]),
            "source": f"[{number[p['source']['id']]}]" if p["source"] else None,
            "unclear": p["unclear"],
        }
        for p in result["parties"]
    ]
    render(table, fmt, title=f"Status on {result['on']}")
    for line in result["explanation"]:
        stdout.print(literal(f"  {line}"))
    for source in _unique(cited):
        where = f" <{source['url']}>" if source.get("url") else ""
        n = number[source["id"]]
        stdout.print(literal(f"  [{n}] {source['id']}: {source['title']}{where}"))


TermsOnOption = Annotated[
    str | None,
    typer.Option(
        "--on",
        metavar="<str>",
        help="Only the term(s) that include this date: YYYY, YYYY-MM or YYYY-MM-DD "
        "(a partial date means its last day). Default: every term.",
    ),
]


OfficeOption = Annotated[
    str,
    typer.Option(
        "--office",
        metavar="<str>",
        help="Whose terms: secretary-general (the Secretariat's head) or "
        "rats-director (the director of the RATS Executive Committee).",
    ),
]


def secretaries_cli(
    on: TermsOnOption = None,
    office: OfficeOption = "secretary-general",
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """List the SCO's Secretaries-General, or with --office rats-director the
    directors of the RATS Executive Committee, and their terms, each with its source.

    They come from the shipped baseline (people.json), not from the database.

    Example: scotrack secretaries --on 2020-01-01 --office rats-director
    """

    def action() -> list[dict[str, Any]]:
        from scotrack.data import officeholders  # loaded on demand: fast start-up

        terms = (
            officeholders.terms_of(office)
            if on is None
            else officeholders.terms_on(office, on_day(on))
        )
        return [
            {
                "name": t.person,
                "state": t.state,
                "from": t.start,
                "to": t.end,
                "source": None if t.source is None else t.source.id,
                "source_title": None if t.source is None else t.source.title,
                "source_url": None if t.source is None else t.source.url,
                "note": t.note,
            }
            for t in terms
        ]

    rows = run_with_errors(action, debug=debug)
    from scotrack.data.officeholders import OFFICE_TITLES

    name = OFFICE_TITLES[office]
    title = f"SCO {name}" + ("" if on is None else f" on {on_day(on)}")
    columns = (
        None
        if fmt is not OutputFormat.table
        else ["name", "state", "from", "to", "source"]
    )
    render(rows, fmt, title=title, columns=columns)


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
        from scotrack.store.read import records  # loaded on demand: fast start-up

        with kb_session(db, known_on=known_on) as session:
            # the API's and the page's read; the terminal shows no status on a day
            return records.state_record(session, code, on=on_day(None)).profile

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
    from scotrack.store.write.baseline import init_knowledge_base

    return init_knowledge_base(url)


def _cited(cited: dict[str, Any], source_id: str | None) -> dict[str, Any] | None:
    """A source as JSON: id, title, publisher, url, date (None when not cited)."""
    if source_id is None:
        return None
    source = cited.get(source_id)
    if source is None:  # a dangling id still says where the fact came from
        return {"id": source_id, "title": source_id}
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "url": source.url,
        "date": None if source.date is None else str(source.date),
    }


def _unique(sources: list[dict[str, Any] | None]) -> list[dict[str, Any]]:
    """The cited sources once each, in order of first citation."""
    found: dict[str, dict[str, Any]] = {}
    for source in sources:
        if source:
            found.setdefault(source["id"], source)
    return list(found.values())


def _unknown(missing: list[str]) -> str | None:
    """'no source' for a ratification no source records (#12), else nothing."""
    return "no source" if any("ratification" in m for m in missing) else None


def _unbound(missing: list[str]) -> str | None:
    """'unknown' for a state that acceded after entry into force with no rule
    giving the day the treaty binds it (#12), else nothing."""
    from scotrack.domain.agreement_status import UNKNOWN_BINDING  # fast start-up

    return "unknown" if UNKNOWN_BINDING in missing else None


def _bad_choice(option: str, value: str, allowed: tuple[str, ...], debug: bool) -> None:
    def fail() -> None:
        raise InputError(f"{option} {value!r} is not one of: {', '.join(allowed)}")

    run_with_errors(fail, debug=debug)
