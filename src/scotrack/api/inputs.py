"""Input no database can hold, refused before any route runs (#18).

A NUL character cannot be stored or compared in a PostgreSQL text value (and
ends a string early in SQLite's full-text queries), and no id column holds an
integer past 32 bits on PostgreSQL (64 on SQLite). Rather than let each reach
a query and fail there as a 500, the app-wide dependency `refuse_unstorable`
answers 422 naming the parameter for a NUL in any path or query parameter,
form field or JSON body; routes bound their integer parameters with `IdPath`
and `MAX_ID`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Path, Request

from scotrack.api.errors import ApiError

MAX_ID = 2**31 - 1
"""The largest id every database holds: ids are INTEGER columns, 32 bits on
PostgreSQL (a larger one is a 422, not an "out of range" 500 there)."""

IdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="The id (1 or more).")]

NAMING_FILTERS: dict[int | str, dict[str, Any]] = {
    404: {"description": "A filter names a state, body or meeting not known."},
    409: {"description": "A filter's name fits several bodies: give the code."},
}
"""The `responses` of a list whose filters name entities (404/409, as `GET` of
the entity itself would answer)."""

BY_NAME: dict[int | str, dict[str, Any]] = {
    409: {"description": "The name fits several: give the id or code."},
}
"""The `responses` of a route whose path takes a name as well as an id."""


def by_id_or_prefix(what: str) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route whose path takes a `what`'s id or a unique
    prefix of it (`store.identity.by_id_or_prefix`, as the pages and the CLI)."""
    return {
        404: {"description": f"No {what} has this id, or an id starting with it."},
        409: {"description": f"The prefix fits several {what}s: give more of it."},
        422: {
            "description": "The ref is not a full id and shorter than a prefix "
            "may be (6 characters)."
        },
    }


_JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
"""`\\u0000` in JSON text (an escaped backslash before `u0000` is not one)."""


def nul_message(field: str) -> str:
    return f"{field}: contains a NUL character (\\x00), which cannot be stored"


async def refuse_unstorable(request: Request) -> None:
    """422 for a NUL in a path or query parameter or in a JSON request body."""
    for name, value in request.path_params.items():
        if isinstance(value, str) and "\x00" in value:
            raise ApiError(422, nul_message(name), field=name)
    for name, value in request.query_params.multi_items():
        if "\x00" in name:
            raise ApiError(422, nul_message("query"), field="query")
        if "\x00" in value:
            raise ApiError(422, nul_message(name), field=name)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json" and _JSON_NUL.search(await request.body()):
        raise ApiError(422, nul_message("body"), field="body")
    if kind == "application/x-www-form-urlencoded":
        form = await request.form()
        for name, value in form.multi_items():
            if isinstance(value, str) and "\x00" in value:
                field = "form" if "\x00" in name else name
                raise ApiError(422, nul_message(field), field=field)
