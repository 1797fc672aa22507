"""Running `review accept|reject|edit`: claim by claim, `--group` or `--all` (#14).

The commands live in `cli/review.py`; this module runs the decision in the form
asked and says what it did: the changes (or the groups, for `--all`), then a line
with the counts and the change that `scotrack undo` reverts it all by.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from scotrack.cli.options import OutputFormat
from scotrack.cli.output import print_note, render
from scotrack.cli.sessions import kb_session, lazy_module, run_with_errors
from scotrack.errors import InputError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from scotrack.store.history import ChangeRecord
    from scotrack.store.write import groups
    from scotrack.store.write.groups import BulkOutcome, GroupDecision
else:
    groups = lazy_module("scotrack.store.write.groups")

GroupOption = Annotated[
    bool,
    typer.Option(
        "--group",
        help="Decide every pending claim of each one's group too (one undo "
        "reverts it); claims giving other values stay pending.",
    ),
]
AllOption = Annotated[
    bool,
    typer.Option("--all", help="Decide every pending claim the filters select."),
]
KindFilter = Annotated[
    str | None, typer.Option("--kind", help="With --all: claims of this kind.")
]
DocumentFilter = Annotated[
    str | None,
    typer.Option("--document", help="With --all: claims of this document (id)."),
]
SourceFilter = Annotated[
    str | None,
    typer.Option("--source", help="With --all: claims of documents of this outlet."),
]
ScoreFilter = Annotated[
    int | None,
    typer.Option(
        "--min-score", min=0, max=100, help="With --all: link score at least this."
    ),
]
DryRunOption = Annotated[
    bool,
    typer.Option(
        "--dry-run", help="With --all: say what would be decided, do nothing."
    ),
]


def bulk_filter(
    *,
    everything: bool,
    ids: list[str] | None,
    kind: str | None,
    document: str | None,
    source: str | None,
    min_score: int | None,
    dry_run: bool,
) -> groups.ClaimFilter | None:
    """The filter of `--all` (None without it); InputError for a mix that
    says two things (ids and --all, filters without --all)."""
    filtered = any(v is not None for v in (kind, document, source, min_score))
    if everything and ids:
        raise InputError("give claim ids or --all with filters, not both")
    if not everything:
        if filtered or dry_run:
            raise InputError(
                "--kind, --document, --source, --min-score and --dry-run go with --all"
            )
        if not ids:
            raise InputError("give claim ids (6+ characters each), or --all")
        return None
    return groups.ClaimFilter(
        kind=kind, document=document, source=source, min_score=min_score
    )


def decide_groups(
    db: str | None,
    ids: list[str],
    decide: Callable[[Session, str], GroupDecision],
) -> tuple[list[ChangeRecord], list[str]]:
    """Decide each claim with its group, each group in its own transaction; the
    changes made and a line per group saying what it did."""
    changes: list[ChangeRecord] = []
    notes: list[str] = []
    with kb_session(db, write=True) as session:
        for claim_id in ids:
            decision = decide(session, claim_id)
            session.commit()
            changes += decision.changes
            notes += group_notes(decision)
    return changes, notes


def group_notes(decision: GroupDecision) -> list[str]:
    """ "300 claims decided in one batch (scotrack undo 12 reverts it)", then
    each claim left pending and why."""
    if not decision.changes:
        lines = ["nothing decided"]
    else:
        first = decision.changes[0]
        count = len(decision.decided)
        lines = [
            f"{first.action}ed {count} {'claim' if count == 1 else 'claims'} in one "
            f"batch (scotrack undo {first.id} reverts it)"
        ]
    lines += [
        f"left pending: {item.claim_id[:12]} ({item.reason})" for item in decision.left
    ]
    return lines


def bulk_rows(outcome: BulkOutcome) -> list[dict[str, Any]]:
    return [
        {
            "id": plan.claim_id[:12],
            "kind": plan.kind,
            "summary": plan.summary,
            "claims": plan.claims,
            "decided": plan.decided,
            "skipped": plan.skipped or "",
        }
        for plan in outcome.groups
    ]


def bulk_note(outcome: BulkOutcome) -> str:
    """What a decision by filter did, or would do on a dry run."""
    verb = "accept" if outcome.decision == "accept" else "reject"
    done = f"{verb}ed" if not outcome.dry_run else f"would {verb}"
    groups_decided = outcome.decided_groups
    note = (
        f"{outcome.matched} pending claims matched; {done} {outcome.decided} "
        f"in {groups_decided} {'group' if groups_decided == 1 else 'groups'}"
    )
    skipped = [f"{n} {reason}" for reason, n in outcome.skipped.items() if n]
    if skipped:
        note += f"; left pending: {', '.join(skipped)}"
    if outcome.dry_run:
        note += " (dry run: nothing changed)"
    elif outcome.changes:
        note += f" (one batch: scotrack undo {outcome.changes[0].id} reverts it)"
    return note


def print_notes(lines: list[str], fmt: OutputFormat) -> None:
    for line in lines:
        print_note(line, fmt)


def each(
    db: str | None, ids: list[str], decide: Callable[[Session, str], list[ChangeRecord]]
) -> list[dict[str, Any]]:
    """Decide on each claim in its own transaction; stop at the first error."""
    done: list[dict[str, Any]] = []
    with kb_session(db, write=True) as session:
        for claim_id in ids:
            changes = decide(session, claim_id)
            session.commit()
            done += [change_row(change) for change in changes]
    return done


def change_row(change: ChangeRecord) -> dict[str, Any]:
    return {
        "change": change.id,
        "action": change.action,
        "entity": f"{change.entity_kind}:{change.entity_id}",
        "by": change.actor,
        "at": change.at,
    }


def fail(message: str) -> Callable[[], None]:
    def fail() -> None:
        raise InputError(message)

    return fail


def decide_cli(
    decision: groups.Decision,
    ids: list[str] | None,
    group: bool,
    everything: bool,
    filters: dict[str, Any],
    dry_run: bool,
    one: Callable[[Session, str], list[ChangeRecord]],
    with_group: Callable[[Session, str], groups.GroupDecision],
    *,
    db: str | None,
    actor: str,
    note: str | None,
    format: OutputFormat,
    debug: bool,
) -> None:
    """Run accept or reject in the form asked: claim by claim, with their
    groups, or every claim a filter selects; render what it did."""

    def action() -> tuple[list[dict[str, Any]], list[str], str]:
        wanted = bulk_filter(everything=everything, ids=ids, dry_run=dry_run, **filters)
        if wanted is not None:
            with kb_session(db, write=True) as session:
                outcome = groups.decide_by_filter(
                    session, decision, wanted, actor=actor, note=note, dry_run=dry_run
                )
                session.commit()
            return (
                bulk_rows(outcome),
                [bulk_note(outcome)],
                "groups",
            )
        if group:
            changes, notes = decide_groups(db, ids or [], with_group)
            return [change_row(change) for change in changes], notes, "changes"
        return each(db, ids or [], one), [], "changes"

    rows, notes, title = run_with_errors(action, debug=debug)
    render(rows, format, title=title)
    print_notes(notes, format)
