"""The scotrack command line (Typer); every command is registered here."""

from __future__ import annotations

import sys

import typer

from scotrack import __version__

HELP = (
    "scotrack: a time-aware knowledge base of the Shanghai Cooperation Organization, "
    "built from documents with evidence."
)

app = typer.Typer(
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"scotrack {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """scotrack: a time-aware knowledge base of the SCO, built from documents."""


def _register() -> None:
    """Every command, in the order `scotrack --help` lists them."""
    from scotrack.cli import (
        agreements,
        bodies,
        charts,
        commitments,
        compliance,
        documents,
        dossiers,
        exports,
        history,
        ingest,
        kb,
        meetings,
        pipeline,
        projects,
        review,
        search,
        serve,
        tables,
    )

    app.command("serve")(serve.serve_cli)
    app.command("init")(kb.init_cli)
    app.command("members")(kb.members_cli)
    app.command("meetings")(tables.meetings_cli)
    app.command("meeting")(meetings.meeting_cli)
    app.command("agreements")(agreements.agreements_cli)
    app.command("agreement")(kb.agreement_cli)
    app.command("secretaries")(kb.secretaries_cli)
    app.command("bodies")(bodies.bodies_cli)
    app.command("body")(bodies.body_cli)
    app.command("state")(kb.state_cli)
    app.command("commitments")(commitments.commitments_cli)
    app.command("commitment")(dossiers.commitment_cli)
    app.command("projects")(projects.projects_cli)
    app.command("project")(dossiers.project_cli)
    app.command("initiatives")(projects.initiatives_cli)
    app.command("assess")(compliance.assess_cli)
    app.command("compliance")(compliance.compliance_cli)
    app.command("extract")(pipeline.extract_cli)
    app.command("train")(pipeline.train_cli)
    app.command("ingest")(ingest.ingest_cli)
    app.command("documents")(tables.documents_cli)
    app.command("document")(documents.document_cli)
    app.add_typer(review.review_app, name="review")
    app.command("search")(search.search_cli)
    app.command("history")(history.history_cli)
    app.command("changes")(history.changes_cli)
    app.command("undo")(history.undo_cli)
    app.command("edit")(history.edit_cli)
    app.add_typer(serve.token_app, name="token")
    app.command("export")(exports.export_cli)
    app.command("chart")(charts.chart_cli)


_register()


INTERNAL_EXIT = 3
"""The exit code of an error scotrack did not expect (a bug): not 2, which says the
input was bad, nor 1, which says some documents failed."""


def main() -> None:
    """Run the command line; an unexpected exception is one line and exit 3, its
    traceback only under `--debug` (errors scotrack raises on purpose are handled
    by each command: one line, exit 2)."""
    try:
        app()
    except Exception as err:  # the last guard before the terminal
        if "--debug" in sys.argv[1:]:
            raise
        from scotrack.cli.output import stderr

        stderr.print(
            f"error: unexpected {type(err).__name__}: {err} (a bug in scotrack; "
            "run the command again with --debug for the traceback)",
            markup=False,
            highlight=False,
        )
        raise SystemExit(INTERNAL_EXIT) from None
