"""What a baseline record may cite: the page of a document, never a site's home
page, and the allow-list of the records still waiting for a source of their own
(`data/unsourced.json`, #12).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

_LANGUAGE_ROOT = re.compile(r"/[a-z]{2,3}([-_][a-z]{2,4})?/?", re.IGNORECASE)


def home_page(url: str) -> bool:
    """True when `url` is a site's home page: no path, `/`, or a bare language
    root such as `/en/` or `/eng/` (and no query), not the page of a document."""
    parts = urlsplit(url)
    if parts.query:
        return False
    return parts.path in ("", "/") or bool(_LANGUAGE_ROOT.fullmatch(parts.path))


@cache
def unsourced() -> dict[str, frozenset[str]]:
    """The allow-list of records still waiting for a source of their own (#12).

    `data/unsourced.json` names, per file, the keys of the records the check lets
    through: `sources` ids whose URL is still a home page, `people` names without
    a `source`. It may only shrink (a test pins its size); a listed record that has
    since been fixed is reported, so the list never holds stale names.
    """
    text = resources.files("scotrack.data").joinpath("unsourced.json")
    listed = json.loads(text.read_text("utf-8"))
    return {name: frozenset(keys) for name, keys in listed.items() if name != "note"}


STALE = "is fixed: remove the record from data/unsourced.json"


def roles_sourced(roles: Any) -> bool:
    """True when `roles` is a non-empty list whose every role has a `source`."""
    return (
        isinstance(roles, list)
        and bool(roles)
        and all(isinstance(r, dict) and r.get("source") for r in roles)
    )
