"""The scotrack command line (Typer); every command is registered here."""

from __future__ import annotations

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


def main() -> None:
    app()
