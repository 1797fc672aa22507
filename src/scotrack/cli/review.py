"""`scotrack review`: decide on claims, interactively or one command at a time."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.prompt import Prompt
from rich.table import Table
from rich.text import Text

from scotrack.cli import claim_queue, decisions
from scotrack.cli.options import (
    ByOption,
    DbOption,
    DebugOption,
    FormatOption,
    NoteOption,
    OutputFormat,
)
from scotrack.cli.output import render, stdout
from scotrack.cli.sessions import actor_for, kb_session, lazy_module, run_with_errors
from scotrack.cli.terminal import literal

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from scotrack.store.history import ChangeRecord
    from scotrack.store.read import listings, queue
    from scotrack.store.read.claims import ClaimRecord
    from scotrack.store.write import disagreements, edits, groups, review
    from scotrack.store.write.disagreements import Choice
else:
    review = lazy_module("scotrack.store.write.review")
    edits = lazy_module("scotrack.store.write.edits")
    disagreements = lazy_module("scotrack.store.write.disagreements")
    groups = lazy_module("scotrack.store.write.groups")
    queue = lazy_module("scotrack.store.read.queue")
    listings = lazy_module("scotrack.store.read.listings")
from scotrack.errors import InputError

review_app = typer.Typer(
    help="Review extracted claims: accept, reject, edit or relink them.",
    no_args_is_help=False,
    invoke_without_command=True,
    rich_markup_mode=None,
)

IdsArgument = Annotated[
    list[str], typer.Argument(help="Claim ids (or their first 6+ characters).")
]
SomeIdsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Claim ids (or their first 6+ characters); none with --all.",
        show_default=False,
    ),
]
KEYS = "a accept, r reject, e edit, l relink, s skip, q quit"


@review_app.callback()
def review_cli(
    ctx: typer.Context,
    kind: Annotated[
        str | None, typer.Option("--type", help="Only claims of this kind.")
    ] = None,
    by: ByOption = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Review pending claims one by one in the terminal.

    Each claim shows its evidence sentence with the span highlighted, the entity
    it is proposed to link to, the alternatives, and any disagreement with the
    knowledge base or other documents. Keys: a accept, r reject, e edit a field
    (the value read as `review edit --set` reads it; the claim is shown again),
    l relink, s skip, q quit. Subcommands do the same without a terminal.

    Example: scotrack review --type meeting
    """
    if ctx.invoked_subcommand is not None:
        return
    run_with_errors(lambda: _interactive(db, kind, actor_for(by)), debug=debug)


def _interactive(db: str | None, kind: str | None, actor: str) -> None:
    """Show the first pending claim not skipped, act on the key, repeat.

    A claim edited, or one whose decision failed (a typo, a cancelled
    disagreement), is shown again; only `s` moves on without deciding. The end
    of the input counts as `q`.
    """
    waiting = listings.claims(
        status="pending", kind=kind, grouped=True, labels=("--status", "--type")
    )
    with kb_session(db, write=True) as session:
        skipped: set[str] = set()
        decided = 0
        while True:
            pending = [
                c
                for c in listings.page(session, waiting, limit=len(skipped) + 1).items
                if c.id not in skipped
            ]
            if not pending:
                stdout.print(f"No pending claims left ({decided} decided).")
                return
            claim_id = pending[0].id
            item = review.view(session, claim_id)
            show_claim(item)
            # no transaction (nor SQLite's write lock) is held while the reviewer
            # thinks: the decision begins its own, as another writer's would (#18)
            session.rollback()
            try:
                key = Prompt.ask(KEYS, choices=list("arelsq"), default="s")
                if key == "s":
                    skipped.add(claim_id)
                elif key != "q" and _decide(session, item.claim, key, actor):
                    decided += 1
            except EOFError:
                key = "q"
            if key == "q":
                stdout.print(f"{decided} decided.")
                return


def _decide(session: Session, claim: ClaimRecord, key: str, actor: str) -> bool:
    """Apply one key press; True when the claim was decided (accepted or
    rejected), False when it was edited or the action failed, saying why."""
    try:
        if key == "r":
            note = Prompt.ask("why (optional)", default="") or None
            review.reject(session, claim.id, actor=actor, note=note)
        elif key == "e":
            _edit_interactively(session, claim, actor)
        else:
            link = None
            if key == "l":
                link = Prompt.ask("link to KIND:ID, or new")
            _accept_interactively(session, claim, actor, link)
        session.commit()
    except InputError as err:
        session.rollback()
        stdout.print(f"[red]not done:[/] {escape(str(err))}", highlight=False)
        return False
    return key != "e"


def _edit_interactively(session: Session, claim: ClaimRecord, actor: str) -> None:
    """Ask for a field and its new value, read as `review edit --set` reads it."""
    fields = ", ".join(review.editable_claim_fields(claim.kind))
    name = Prompt.ask(f"field ({fields})").strip()
    value = Prompt.ask("value (empty, null or none: clear)", default="")
    review.edit_claim(
        session, claim.id, {name: edits.claim_value(name, value)}, actor=actor
    )


def _accept_interactively(
    session: Session, claim: ClaimRecord, actor: str, link: str | None
) -> None:
    try:
        review.accept(session, claim.id, actor=actor, link=link)
    except disagreements.Disagreements as err:
        show_disagreements(err)
        answer = Prompt.ask(
            "keep the knowledge base's values, take the claim's, or cancel",
            choices=["keep", "take", "cancel"],
            default="cancel",
        )
        if answer == "cancel":
            raise InputError("cancelled") from None
        choice: Choice = "keep" if answer == "keep" else "take"
        review.accept(session, claim.id, actor=actor, link=link, choice=choice)


def show_claim(item: review.ClaimView) -> None:
    """The claim, its evidence and its candidates, as the reviewer sees them."""
    claim, doc = item.claim, item.document
    text = Text.assemble(
        *(
            literal(piece, style="bold black on yellow" if marked else "")
            for piece, marked in item.passage.parts()
        )
    )
    title = f"{claim.kind} claim {claim.id[:12]} ({claim.status})"
    source = (
        f"{doc.title or doc.path} | {doc.outlet or '?'} | {doc.published_date or '?'}"
    )
    panel = Panel(text, title=literal(title), subtitle=literal(source))
    stdout.print(panel, soft_wrap=False)
    fields = Table(show_header=False, box=None)
    for name, value in item.payload.items():
        fields.add_row(escape(name), escape(json.dumps(value, ensure_ascii=False)))
    stdout.print(fields)
    proposal = f"proposal: {claim.proposal}"
    if claim.entity_id:
        proposal += f" -> {claim.entity_kind}:{claim.entity_id}"
    stdout.print(escape(proposal), highlight=False)
    if item.candidates:
        table = Table(title="candidates", header_style="bold")
        for column in ("#", "entity", "label", "score", "reasons"):
            table.add_column(column)
        for i, c in enumerate(item.candidates, 1):
            reasons = ", ".join(c.reasons)
            table.add_row(
                str(i), escape(f"{c.entity_kind}:{c.entity_id}"), escape(c.label),
                str(c.score), escape(reasons),
            )  # fmt: skip
        stdout.print(table)
    if len(item.group) > 1:
        stdout.print(
            f"{len(item.group) - 1} claims from other documents say the same "
            f"(review accept {claim.id[:12]} --group decides them too).",
            highlight=False,
        )
    for name, values in item.group_conflicts.items():
        table = Table(title=f"documents disagree on {name}", header_style="bold")
        table.add_column("value")
        table.add_column("claims")
        for value, ids in values.items():
            table.add_row(escape(value), ", ".join(i[:12] for i in ids))
        stdout.print(table)
    if item.disagreements:
        show_disagreements(
            disagreements.Disagreements(claim.id[:12], item.disagreements)
        )
    for refinement in item.refinements:
        stdout.print(
            f"accepting makes {escape(refinement.field)} more precise: "
            f"{escape(refinement.known)} -> {escape(refinement.refined)}",
            highlight=False,
        )


def show_disagreements(err: disagreements.Disagreements) -> None:
    table = Table(title=f"disagrees with {err.entity}", header_style="bold")
    for column in ("field", "knowledge base", "claim"):
        table.add_column(column)
    for d in err.found:
        table.add_row(escape(d.field), escape(str(d.known)), escape(str(d.claimed)))
    stdout.print(table)


review_app.command("list")(claim_queue.list_cli)


@review_app.command("show")
def show_cli(
    claim_id: Annotated[str, typer.Argument(help="A claim id (6+ characters).")],
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Show one claim with its evidence, candidates and disagreements.

    Example: scotrack review show 3f9a1c
    """

    def action() -> None:
        with kb_session(db) as session:
            show_claim(review.view(session, claim_id))

    run_with_errors(action, debug=debug)


@review_app.command("accept")
def accept_cli(
    ids: SomeIdsArgument = None,
    link: Annotated[
        str | None,
        typer.Option("--link", help="Link to this entity (KIND:ID) or 'new'."),
    ] = None,
    keep: Annotated[
        bool, typer.Option("--keep", help="On disagreement keep the KB's values.")
    ] = False,
    take: Annotated[
        bool, typer.Option("--take", help="On disagreement take the claim's values.")
    ] = False,
    group: decisions.GroupOption = False,
    everything: decisions.AllOption = False,
    kind: decisions.KindFilter = None,
    document: decisions.DocumentFilter = None,
    source: decisions.SourceFilter = None,
    min_score: decisions.ScoreFilter = None,
    dry_run: decisions.DryRunOption = False,
    note: NoteOption = None,
    by: ByOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Accept claims: the knowledge base changes and the change is logged.

    With --group, every pending claim of each claim's group is accepted with it,
    linked to the same entity, in one batch (`scotrack undo` of any of its
    changes reverts it all); claims giving values incompatible with it, or
    contradicting the knowledge base, stay pending and are listed. With --all,
    every pending claim the filters select is accepted, group by group, in one
    batch; ambiguous claims, groups whose claims disagree and claims that
    contradict the knowledge base are skipped and counted. --dry-run says what
    --all would do without doing it.

    Example: scotrack review accept 3f9a1c 77b0e2 --note "checked"

    Example: scotrack review accept --all --kind meeting --min-score 90 --dry-run
    """
    if keep and take:
        run_with_errors(decisions.fail("--keep and --take: choose one"), debug=debug)
    choice: Choice | None = "keep" if keep else ("take" if take else None)
    filters: dict[str, Any] = {"kind": kind, "document": document}
    filters |= {"source": source, "min_score": min_score}
    if everything and (link or choice):
        message = "--all accepts each group as proposed: --link, --keep and --take "
        run_with_errors(decisions.fail(message + "go with claim ids"), debug=debug)

    def one(session: Session, claim_id: str) -> list[ChangeRecord]:
        return review.accept(
            session, claim_id, actor=actor, link=link, choice=choice, note=note
        )

    def with_group(session: Session, claim_id: str) -> groups.GroupDecision:
        return groups.accept_group(
            session, claim_id, actor=actor, link=link, choice=choice, note=note
        )

    actor = actor_for(by)
    decisions.decide_cli(
        "accept", ids, group, everything, filters, dry_run, one, with_group,
        db=db, actor=actor, note=note, format=format, debug=debug,
    )  # fmt: skip


@review_app.command("reject")
def reject_cli(
    ids: SomeIdsArgument = None,
    group: decisions.GroupOption = False,
    everything: decisions.AllOption = False,
    kind: decisions.KindFilter = None,
    document: decisions.DocumentFilter = None,
    source: decisions.SourceFilter = None,
    min_score: decisions.ScoreFilter = None,
    dry_run: decisions.DryRunOption = False,
    note: NoteOption = None,
    by: ByOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Reject claims; they stay, marked rejected, with who and why.

    --group rejects the pending claims of each claim's group that agree with it
    (one batch, one undo); --all every pending claim the filters select
    (--dry-run: say how many, do nothing).

    Example: scotrack review reject 3f9a1c --note "not an SCO meeting"

    Example: scotrack review reject --all --source "Spam Wire" --dry-run
    """
    filters: dict[str, Any] = {"kind": kind, "document": document}
    filters |= {"source": source, "min_score": min_score}

    def one(session: Session, claim_id: str) -> list[ChangeRecord]:
        return review.reject(session, claim_id, actor=actor, note=note)

    def with_group(session: Session, claim_id: str) -> groups.GroupDecision:
        return groups.reject_group(session, claim_id, actor=actor, note=note)

    actor = actor_for(by)
    decisions.decide_cli(
        "reject", ids, group, everything, filters, dry_run, one, with_group,
        db=db, actor=actor, note=note, format=format, debug=debug,
    )  # fmt: skip


@review_app.command("edit")
def edit_cli(
    claim_id: Annotated[str, typer.Argument(help="A claim id (6+ characters).")],
    assignments: Annotated[
        list[str],
        typer.Option(
            "--set",
            help="FIELD=VALUE: a date as YYYY[-MM[-DD]], parties as CHN,KAZ, a "
            'target as JSON {"value": 10, "unit": "t"}; empty or null clears.',
        ),
    ],
    note: NoteOption = None,
    by: ByOption = None,
    db: DbOption = None,
    format: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Correct a pending claim's fields before accepting it.

    Example: scotrack review edit 3f9a1c --set city=Astana --set number=17
    """
    from scotrack.store.write.edits import parse_assignments

    def action() -> list[dict[str, Any]]:
        pairs = parse_assignments(assignments).items()
        values = {name: edits.claim_value(name, text) for name, text in pairs}
        actor = actor_for(by)
        return decisions.each(
            db,
            [claim_id],
            lambda s, i: review.edit_claim(s, i, values, actor=actor, note=note),
        )

    render(run_with_errors(action, debug=debug), format, title="changes")
