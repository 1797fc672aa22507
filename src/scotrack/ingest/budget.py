"""The time budget of the document being extracted.

`pipeline.extract` runs a document's stages `within` its budget; the pipeline
between stages, and the stages inside their long loops (over lines, mentions,
sentences), call `check`, which raises a DocumentError ("took more than 120 s")
once the budget is spent. A worker process cannot be stopped from outside at
little cost, and an alarm signal could land inside a cache being filled: the
work stops itself, at the next check, a few milliseconds late at most.

The budget lives in a context variable, so threads (the API's) and worker
processes each keep their own, and stages need no extra argument.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from scotrack.errors import DocumentError


@dataclass(frozen=True, slots=True)
class _Budget:
    path: str
    seconds: float
    deadline: float
    """`time.monotonic()` when the budget is spent."""


_CURRENT: ContextVar[_Budget | None] = ContextVar("budget", default=None)


@contextmanager
def within(path: str, seconds: float) -> Iterator[None]:
    """Run the body with `seconds` for the document at `path` (0: no limit)."""
    budget = _Budget(path, seconds, time.monotonic() + seconds) if seconds else None
    token = _CURRENT.set(budget)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def check() -> None:
    """Raise DocumentError when the current document's budget is spent."""
    budget = _CURRENT.get()
    if budget is not None and time.monotonic() > budget.deadline:
        raise DocumentError(
            budget.path,
            f"extraction took more than {budget.seconds:g} s (set "
            "SCOTRACK_MAX_DOCUMENT_SECONDS to change the limit, 0 for none)",
        )
