"""API tokens: who may write through the web app and the REST API.

A token is shown once, when created; the database keeps only its SHA-256 digest, so
a copy of the database gives nobody a working token. Roles are ordered: a reviewer
decides claims, an editor also edits the knowledge base and ingests documents, an
admin also manages tokens.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
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


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(
    session: Session, *, name: str, role: Role, created_by: str
) -> tuple[TokenInfo, str]:
    """A new token's record and its secret, which is never stored or shown again."""
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
    )
    session.add(row)
    session.flush()
    return _info(row), secret


def principal_for(session: Session, secret: str) -> Principal | None:
    """Who `secret` stands for; None when it is unknown or revoked."""
    if not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    row = session.scalars(
        select(ApiToken).where(ApiToken.digest == digest_of(secret))
    ).one_or_none()
    if row is None or row.revoked_at is not None:
        return None
    # compare again in constant time: the index lookup is not
    if not secrets.compare_digest(row.digest, digest_of(secret)):
        return None
    return Principal(row.id, row.name, Role[row.role])


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
        row.id, row.name, row.role, row.created_at, row.created_by, row.revoked_at
    )
