"""`scotrack serve` (the web app and API) and `scotrack token` (who may write)."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from scotrack.cli.options import (
    MAX_ID,
    ByOption,
    DbOption,
    DebugOption,
    FormatOption,
    OutputFormat,
)
from scotrack.cli.output import render, stderr, stdout
from scotrack.cli.sessions import actor_for, kb_session, run_with_errors, settings_for
from scotrack.cli.terminal import literal

WORKER_START_SECONDS = 120
"""How long a server process may take to answer its supervisor (with more than one,
#18). uvicorn's 5 seconds killed every process still importing the app on a busy
machine (20 s at a load average of 21), so `--workers 2` never served."""

token_app = typer.Typer(
    help="Tokens for the web app and the API: create, list, revoke.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def serve_cli(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Server processes (default: SCOTRACK_WORKERS, else 1).",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    debug: DebugOption = False,
) -> None:
    """Start the web app and the REST API (creating and loading the database on
    first start). Open http://HOST:PORT/ in a browser; the API is under /api/v1
    and documented at /docs.

    Example: scotrack serve --port 8000
    """
    import uvicorn

    from scotrack.cli.server_log import log_config

    settings = run_with_errors(lambda: _ready(settings_for(db)), debug=debug)
    count = workers or settings.workers
    stderr.print(
        literal(
            f"scotrack serving {settings.db.split('@')[-1]} on http://{host}:{port}/ "
            f"({count} process{'es' if count > 1 else ''}); Ctrl+C stops it"
        ),
    )
    os.environ["SCOTRACK_DB"] = settings.db
    level = "debug" if debug else settings.log_level
    uvicorn.run(
        "scotrack.api.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=count,
        log_level=level,
        log_config=log_config(level),
        access_log=debug,
        proxy_headers=False,
        server_header=False,
        timeout_worker_healthcheck=WORKER_START_SECONDS,
    )


def _ready(settings: Any) -> Any:
    """`settings`, after creating and loading the database if it is not current."""
    from scotrack.store.engine import make_engine
    from scotrack.store.schema import database_revision, head_revision
    from scotrack.store.write.baseline import init_knowledge_base

    engine = make_engine(settings.db)
    try:
        current = database_revision(engine) == head_revision()
    finally:
        engine.dispose()
    if not current:
        report = init_knowledge_base(settings.db)
        stderr.print(
            literal(
                f"created the knowledge base {report.url} (revision {report.revision})"
            ),
        )
    return settings


RoleOption = Annotated[
    str, typer.Option("--role", help="reviewer, editor or admin.", show_default=False)
]


@token_app.command("create")
def token_create_cli(
    role: RoleOption,
    name: Annotated[
        str,
        typer.Option(
            "--name", help="Who or what will use it; changes are logged under it."
        ),
    ],
    by: ByOption = None,
    expires: Annotated[
        str | None,
        typer.Option(
            "--expires",
            help="When it stops working: a span (12h, 30d, 8w) or a UTC day or "
            "time (2027-06-30, 2027-06-30T12:00). Default: never.",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Create a token; its secret is printed once and stored only hashed.

    Example: scotrack token create --role reviewer --name alice --expires 30d
    """
    from scotrack.store.write.tokens import Role, create_token, expiry

    def action() -> tuple[Any, str]:
        parsed = Role.parse(role)
        expires_at = None if expires is None else expiry(expires)
        with kb_session(db, write=True) as session:
            made = create_token(
                session,
                name=name,
                role=parsed,
                created_by=actor_for(by),
                expires_at=expires_at,
            )
            session.commit()
            return made

    info, secret = run_with_errors(action, debug=debug)
    if fmt is OutputFormat.table:
        until = f", expires {info.expires_at}" if info.expires_at else ""
        stdout.print(
            literal(
                f"Token {info.id} for {info.name} ({info.role}{until}). Copy it now; "
                "it is not shown again:"
            ),
        )
        typer.echo(secret)
        return
    render(
        [{**info.__dict__, "token": secret}],
        fmt,
        payload={**info.__dict__, "token": secret},
    )


@token_app.command("list")
def token_list_cli(
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """List every token (never their secrets), revoked ones included.

    Example: scotrack token list --format json
    """
    from scotrack.store.write.tokens import tokens

    def action() -> list[dict[str, Any]]:
        with kb_session(db) as session:
            return [info.__dict__ for info in tokens(session)]

    render(run_with_errors(action, debug=debug), fmt, title="API tokens")


@token_app.command("revoke")
def token_revoke_cli(
    token_id: Annotated[
        int, typer.Argument(min=1, max=MAX_ID, help="The token's id (token list).")
    ],
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    debug: DebugOption = False,
) -> None:
    """Revoke a token at once: requests and browsers using it are refused.

    Example: scotrack token revoke 3
    """
    from scotrack.store.write.tokens import revoke_token

    def action() -> dict[str, Any]:
        with kb_session(db, write=True) as session:
            info = revoke_token(session, token_id)
            session.commit()
            return dict(info.__dict__)

    render([run_with_errors(action, debug=debug)], fmt, title="Revoked")
