"""API tokens: who may write through the web app and the REST API.

A token is shown once, when created; the database keeps only its SHA-256 digest, so
a copy of the database gives nobody a working token. Roles are ordered: a reviewer
decides claims, an editor also edits the knowledge base and ingests documents, an
admin also manages tokens.

A token may expire (`expires_at`, UTC): after that it is refused like a revoked
one, with a message saying when it expired (#18).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import IntEnum

from sqlalchemy import Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from scotrack.errors import InputError, NotFound
from scotrack.store.history import now
from scotrack.store.models import Base, Name
from scotrack.store.provenance import Timestamp

PREFIX = "sct_"
"""Every token starts so, which lets secret scanners and people recognise one."""


class Role(IntEnum):
    """What a token may do; each role may do everything the ones below it may."""

    reviewer = 1
    editor = 2
    admin = 3

    @classmethod
    def parse(cls, text: str) -> Role:
        try:
            return cls[text]
        except KeyError:
            names = ", ".join(role.name for role in cls)
            raise InputError(f"role {text!r} is not one of {names}") from None


class ApiToken(Base):
    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Name)
    role: Mapped[str] = mapped_column(String(16))
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[str] = mapped_column(Timestamp)
    created_by: Mapped[str] = mapped_column(Name)
    revoked_at: Mapped[str | None] = mapped_column(Timestamp)
    expires_at: Mapped[str | None] = mapped_column(Timestamp)


@dataclass(frozen=True)
class Principal:
    """Who a request acts as: the token's name (the actor its changes are logged
    under) and its role."""

    token_id: int
    name: str
    role: Role

    def may(self, needed: Role) -> bool:
        return self.role >= needed


@dataclass(frozen=True)
class TokenInfo:
    id: int
    name: str
    role: str
    created_at: str
    created_by: str
    revoked_at: str | None
    expires_at: str | None = None


UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}
MAX_LIFETIME = timedelta(days=3660)
"""The longest a token may live: about ten years."""
_SPAN = re.compile(r"(\d{1,6})([hdw])")


def expiry(text: str, *, now: datetime | None = None) -> str:
    """When a token given `--expires TEXT` expires, as UTC ISO text: TEXT is a
    span from now (`12h`, `30d`, `8w`), a day (`2027-06-30`: at 00:00 UTC that
    day) or a time (`2027-06-30T12:00`, UTC unless it says). InputError for
    anything else, a time not in the future or past MAX_LIFETIME."""
    start = now or datetime.now(UTC)
    text = text.strip()
    span = _SPAN.fullmatch(text.lower())
    try:
        if span is not None:
            when = start + int(span.group(1)) * UNITS[span.group(2)]
        elif len(text) == 10:
            when = datetime.combine(date.fromisoformat(text), datetime.min.time(), UTC)
        else:
            when = datetime.fromisoformat(text)
            when = when if when.tzinfo else when.replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        raise InputError(
            f"expires: {text[:40]!r} is not a span (12h, 30d, 8w), a day "
            "(YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM)"
        ) from None
    if when <= start:
        raise InputError(f"expires: {when.isoformat()} is not in the future")
    if when - start > MAX_LIFETIME:
        raise InputError(f"expires: at most {MAX_LIFETIME.days} days from now")
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def expired(expires_at: str | None, *, now: datetime | None = None) -> bool:
    if expires_at is None:
        return False
    return datetime.fromisoformat(expires_at) <= (now or datetime.now(UTC))


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(
    session: Session,
    *,
    name: str,
    role: Role,
    created_by: str,
    expires_at: str | None = None,
) -> tuple[TokenInfo, str]:
    """A new token's record and its secret, which is never stored or shown again.
    `expires_at` (see `expiry`) ends it; None: it works until revoked."""
    name = name.strip()
    if not name:
        raise InputError("token name: give a name (who or what will use the token)")
    secret = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(
        name=name,
        role=role.name,
        digest=digest_of(secret),
        created_at=now(),
        created_by=created_by,
        expires_at=expires_at,
    )
    session.add(row)
    session.flush()
    return _info(row), secret


def principal_for(session: Session, secret: str) -> Principal | None:
    """Who `secret` stands for; None when it is unknown, revoked or expired."""
    row = _row_for(session, secret)
    if row is None or row.revoked_at is not None or expired(row.expires_at):
        return None
    return Principal(row.id, row.name, Role[row.role])


def refusal(session: Session, secret: str) -> str:
    """Why `principal_for` refused `secret`, for the 401 message."""
    row = _row_for(session, secret)
    if row is not None and row.revoked_at is None and expired(row.expires_at):
        return (
            f"the token expired at {row.expires_at}; ask an admin for a new one "
            "(scotrack token create)"
        )
    return "the token is unknown or revoked"


def _row_for(session: Session, secret: str) -> ApiToken | None:
    if not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    row = session.scalars(
        select(ApiToken).where(ApiToken.digest == digest_of(secret))
    ).one_or_none()
    # compare again in constant time: the index lookup is not
    if row is None or not secrets.compare_digest(row.digest, digest_of(secret)):
        return None
    return row


def tokens(session: Session) -> list[TokenInfo]:
    """Every token ever made, revoked ones included, oldest first."""
    return [_info(row) for row in session.scalars(select(ApiToken).order_by("id"))]


def revoke_token(session: Session, token_id: int) -> TokenInfo:
    """Revoke a token at once; it stays listed, with when."""
    row = session.get(ApiToken, token_id)
    if row is None:
        raise NotFound(f"no token {token_id}")
    if row.revoked_at is not None:
        raise InputError(f"token {token_id} was already revoked at {row.revoked_at}")
    row.revoked_at = now()
    session.flush()
    return _info(row)


def _info(row: ApiToken) -> TokenInfo:
    return TokenInfo(
        row.id,
        row.name,
        row.role,
        row.created_at,
        row.created_by,
        row.revoked_at,
        row.expires_at,
    )
