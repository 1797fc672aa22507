"""Rendering pages: one Jinja environment, autoescaping everything.

Templates never mark document text safe: text is escaped by Jinja, and the few
fragments built in Python (highlighted text, SVG charts) are built with
`markupsafe.escape` on every piece of data that goes into them.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from scotrack import __version__
from scotrack.api.access import current_principal
from scotrack.domain import vocab

NAV = (
    ("/", "Dashboard"),
    ("/members", "Members"),
    ("/meetings", "Meetings"),
    ("/bodies", "Bodies"),
    ("/agreements", "Agreements"),
    ("/commitments", "Commitments"),
    ("/compliance", "Compliance"),
    ("/projects", "Projects"),
    ("/documents", "Documents"),
    ("/review", "Review"),
)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("scotrack.web", "templates"),
        autoescape=select_autoescape(["html", "svg"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(nav=NAV, version=__version__)
    env.filters["query"] = query_string
    env.filters["entity_href"] = entity_href
    env.filters["web_url"] = web_url
    env.filters["readable"] = readable
    return env


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """`params` with `changes` applied, as ``?a=1&b=2`` (empty values dropped)."""
    merged = {**params, **changes}
    kept = {key: value for key, value in merged.items() if value not in (None, "")}
    return "?" + urlencode(kept, doseq=True) if kept else ""


def web_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address, else None: never a javascript: link."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def readable(value: Any) -> str:
    """A claim's value as a reader would write it, never raw JSON or a Python
    list (#14): lists joined with commas, mappings as `key: value` pairs, True
    and False as yes and no, nothing as a dash. A string is shown as it is (the
    store parses what it kept as JSON, such as candidate reasons, #15: text that
    happens to be a JSON list is not read as one)."""
    if isinstance(value, str):
        return value
    if value is None:
        return "\u2014"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        return "; ".join(f"{key}: {readable(item)}" for key, item in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(readable(item) for item in value) or "none"
    return str(value)


def entity_href(kind: str | None, entity_id: str | None) -> str | None:
    """The page of a knowledge-base entity (`vocab.page_of`; None when it has none)."""
    if not kind or not entity_id:
        return None
    return vocab.page_of(kind, entity_id)


def page(
    request: Request, template: str, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """`template` rendered with `context`, the signed-in user and the current path."""
    principal = current_principal(request)
    html = (
        environment()
        .get_template(template)
        .render(
            request_path=request.url.path,
            params=dict(request.query_params),
            principal=principal,
            **context,
        )
    )
    return HTMLResponse(html, status_code=status_code)
