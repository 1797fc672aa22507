"""The ASGI application: the REST API under /api/v1, the web app's pages, the
OpenAPI page at /docs and the vendored static files, behind the security headers,
the body limits and deny-by-default access (see access.py).

`create_app` takes settings (and, in tests, an engine); `app_from_environment` is
the factory uvicorn calls in each worker process.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from importlib.resources import files
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from scotrack import __version__
from scotrack.api.access import enforce_access
from scotrack.api.attempts import FailedSignIns
from scotrack.api.cache import ResponseCache
from scotrack.api.database import clear_limits_on_checkin
from scotrack.api.errors import install_error_handlers
from scotrack.api.headers import SecurityHeaders
from scotrack.api.inputs import refuse_unstorable
from scotrack.api.limits import BodyLimit
from scotrack.api.methods import Methods
from scotrack.api.openapi import install_security_scheme
from scotrack.settings import Settings, load_settings

API_PREFIX = "/api/v1"
UPLOAD_PATHS = (f"{API_PREFIX}/documents",)
"""Routes whose bodies may be as large as a document (max_document_bytes)."""

DESCRIPTION = (
    "The SCO knowledge base: states and membership, meetings, agreements and their "
    "status on any day, commitments, projects, documents and the claims extracted "
    "from them, search, and the change feed. Reads are open; writes need a bearer "
    "token (`scotrack token create --role reviewer|editor|admin`). Every list is "
    "cursor-paginated (`limit`, `cursor` -> `next`); every error is "
    '`{"error": {"status", "code", "message"}}`.'
)


def create_app(settings: Settings, *, engine: Engine | None = None) -> FastAPI:
    """The whole server for `settings.db` (or `engine`, which the caller owns)."""
    from scotrack.api import routes
    from scotrack.store.engine import make_engine, session_factory
    from scotrack.store.read.summaries import Summaries
    from scotrack.web import pages

    owned = engine is None
    bound = make_engine(settings.db) if engine is None else engine
    clear_limits_on_checkin(bound)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            bound.dispose()

    app = FastAPI(
        title="scotrack",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url=f"{API_PREFIX}/openapi.json",
        dependencies=[Depends(enforce_access), Depends(refuse_unstorable)],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = bound
    app.state.sessions = session_factory(bound)
    app.state.failed_sign_ins = FailedSignIns()
    app.state.summaries = Summaries()  # aggregates kept per version (#18)
    install_error_handlers(app)
    api_routers = routes.routers()
    for router in api_routers:
        app.include_router(router, prefix=API_PREFIX)
    install_security_scheme(app, api_routers, prefix=API_PREFIX)
    pages.install(app)
    static = files("scotrack.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(
        BodyLimit,
        limit=settings.max_request_bytes,
        upload_limit=settings.max_document_bytes,
        upload_paths=UPLOAD_PATHS,
    )
    if settings.cache:
        app.add_middleware(
            ResponseCache,
            version=partial(version_of, app.state.sessions),
            check_seconds=settings.cache_seconds,
        )
    app.add_middleware(Methods, routes=app.router.routes)
    app.add_middleware(SecurityHeaders)
    return app


def version_of(sessions: sessionmaker[Session]) -> tuple[int, int]:
    """The knowledge base's version, which the response cache keys on."""
    from scotrack.store.history import kb_version

    with sessions() as session:
        return kb_version(session)


def app_from_environment() -> Any:
    """The app for uvicorn's workers: settings from SCOTRACK_* variables."""
    return create_app(load_settings())
