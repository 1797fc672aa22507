"""The scotrack command line (Typer); commands are registered here."""

import typer

app = typer.Typer(no_args_is_help=True)


def main() -> None:
    app()
