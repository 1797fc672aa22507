"""One error shape for every failure, never echoing raw input, SQL or a traceback.

Every error answer of the API is ``{"error": {"status", "code", "message"}}``, with
``"field"`` when one parameter is at fault. Pages get the same facts as an HTML
page (the web layer registers its renderer with `use_page_renderer`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from scotrack.errors import (
    Ambiguous,
    DatabaseBusy,
    DatabaseUnavailable,
    InputError,
    NotFound,
    ScotrackError,
)
from scotrack.store.engine import RETRY_AFTER_SECONDS, is_contention
from scotrack.store.write.disagreements import Disagreements

log = logging.getLogger("scotrack.api")

PageRenderer = Callable[[Request, "ApiError"], Response]

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "too_many_requests",
    500: "internal",
    503: "unavailable",
}


class ApiError(Exception):
    """An error answer: raised by routes and dependencies, rendered by the handler."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        field: str | None = None,
        details: Any = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or CODES.get(status, "error")
        self.field = field
        self.details = details
        self.headers = headers

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {
            "status": self.status,
            "code": self.code,
            "message": self.message,
        }
        if self.field is not None:
            error["field"] = self.field
        if self.details is not None:
            error["details"] = self.details
        return {"error": error}


def from_scotrack(err: ScotrackError, *, on: str = "") -> ApiError:
    """The answer for an error scotrack raised on purpose (its message is for
    users); `on` names the request in the log (`POST /api/v1/documents`)."""
    if isinstance(err, NotFound):
        return ApiError(404, str(err))
    if isinstance(err, DatabaseBusy):
        return busy(err, on=on)
    if isinstance(err, DatabaseUnavailable):  # names the server: logged, not shown
        log.error("%s, answered 503: %s", on or "request", err)
        return ApiError(503, "the database cannot be reached; try again later")
    if isinstance(err, Ambiguous):
        return ApiError(409, str(err), code="ambiguous", details=err.candidates)
    if isinstance(err, Disagreements):
        return ApiError(
            409,
            str(err),
            code="disagreement",
            details=[
                {"field": d.field, "knowledge_base": d.known, "claim": d.claimed}
                for d in err.found
            ],
        )
    if isinstance(err, InputError):
        return ApiError(422, str(err))
    return ApiError(400, str(err))


def from_validation(err: RequestValidationError) -> ApiError:
    """422 naming the first parameter at fault and what is wrong, without its value."""
    return from_validation_errors(err.errors())


def from_validation_errors(errors: Sequence[Any]) -> ApiError:
    """The 422 for a list of pydantic errors (a body a route validates itself)."""
    problems = list(errors)
    if not problems:
        return ApiError(422, "the request is not valid")
    first = problems[0]
    field = _field_name(first.get("loc", ()))
    message = str(first.get("msg", "is not valid"))
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return ApiError(422, f"{field}: {message}{more}", field=field)


def _field_name(loc: Sequence[Any]) -> str:
    parts = [str(part) for part in loc if part not in {"query", "path", "body"}]
    return ".".join(parts) or "request"


def busy(err: Exception, *, on: str = "") -> ApiError:
    """503 with `Retry-After`: other writers held the database too long (#18);
    logged with the request (`on`) and the cause."""
    log.warning(
        "%s: database busy, answered 503: %s",
        on or "request",
        str(err).splitlines()[0],
    )
    return ApiError(
        503,
        "the database is busy with other writes; try again shortly",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def from_database(err: OperationalError, *, on: str = "") -> ApiError:
    """A query stopped by the time limit becomes 400; another writer in the way
    503 (`busy`); any other failure 500."""
    if is_contention(err):
        return busy(err, on=on)
    text = str(getattr(err, "orig", err)).lower()
    if "interrupted" in text or "statement timeout" in text:
        return ApiError(
            400,
            "the query took longer than the time limit; narrow it (filters, a "
            "smaller limit)",
            code="query_timeout",
        )
    log.error("%s: database error: %s", on or "request", err)
    return ApiError(500, "the database failed to answer; try again later")


def install_error_handlers(app: FastAPI, *, api_prefix: str = "/api/") -> None:
    """Route every error to JSON (API paths, `Accept: application/json`) or a page."""

    def answer(request: Request, error: ApiError) -> Response:
        renderer: PageRenderer | None = getattr(app.state, "page_renderer", None)
        wants_json = request.url.path.startswith(api_prefix) or (
            "application/json" in request.headers.get("accept", "")
            and "text/html" not in request.headers.get("accept", "")
        )
        if renderer is None or wants_json:
            return JSONResponse(
                error.body(), status_code=error.status, headers=error.headers
            )
        response = renderer(request, error)
        for name, value in (error.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(ApiError)
    async def _api(request: Request, err: ApiError) -> Response:
        return answer(request, err)

    @app.exception_handler(ScotrackError)
    async def _scotrack(request: Request, err: ScotrackError) -> Response:
        return answer(request, from_scotrack(err, on=request_line(request)))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, err: RequestValidationError) -> Response:
        return answer(request, from_validation(err))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, err: StarletteHTTPException) -> Response:
        message = {
            400: "the request body cannot be read: not valid JSON or a form, or "
            "nested too deeply",
            404: "there is nothing at this address",
            405: "this method is not allowed here",
        }.get(err.status_code, CODES.get(err.status_code, "error").replace("_", " "))
        headers = dict(err.headers) if err.headers else None  # 405: Allow (#18)
        return answer(request, ApiError(err.status_code, message, headers=headers))

    @app.exception_handler(OperationalError)
    async def _database(request: Request, err: OperationalError) -> Response:
        return answer(request, from_database(err, on=request_line(request)))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, _err: Exception) -> Response:
        log.exception("%s: unexpected error", request_line(request))
        return answer(request, ApiError(500, "something went wrong on our side"))


def request_line(request: Request) -> str:
    """The method and path of `request`, for a log line (the server's log
    formatter escapes what a client put in them)."""
    return f"{request.method} {request.url.path}"


def use_page_renderer(app: FastAPI, renderer: PageRenderer) -> None:
    """Errors on page paths are rendered by `renderer` instead of JSON."""
    app.state.page_renderer = renderer
