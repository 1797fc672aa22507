"""The errors scotrack raises; surfaces map them to exit codes and HTTP statuses."""

from __future__ import annotations

from collections.abc import Sequence


class ScotrackError(Exception):
    """Base of every error scotrack raises on purpose; its message is for the user."""

    exit_code = 2


class InputError(ScotrackError):
    """A value the user gave is malformed or out of range (a date, a code, a path);
    `field`, when set, names the field of a document or request it is about."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class DocumentError(ScotrackError):
    """One document could not be read or processed; the batch goes on without it."""

    exit_code = 1

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[DocumentError], tuple[str, str]]:
        # worker processes send these back pickled; the default would call
        # __init__ with the message alone
        return (type(self), (self.path, self.reason))


class DatabaseUnavailable(ScotrackError):
    """The database cannot be reached or opened (a server down, a wrong URL or
    password, a file that is not a database)."""


class DatabaseBusy(DatabaseUnavailable):
    """Other writers kept the database locked past the busy timeout and the
    retries (SQLite), or a transaction lost a serialization or deadlock race
    (PostgreSQL): trying again later will do."""


class NotFound(ScotrackError):
    """The thing asked for does not exist in the knowledge base."""


class Ambiguous(ScotrackError):
    """A name matches several things; `candidates` lists them so the user can choose."""

    def __init__(self, what: str, query: str, candidates: Sequence[str]) -> None:
        listed = "; ".join(candidates)
        super().__init__(
            f"{what} {query!r} is ambiguous: it matches {listed}. "
            "Give more of the name."
        )
        self.what = what
        self.query = query
        self.candidates = list(candidates)

    def __reduce__(self) -> tuple[type[Ambiguous], tuple[str, str, list[str]]]:
        return (type(self), (self.what, self.query, self.candidates))
