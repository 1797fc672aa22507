"""/api/v1/tokens: admins list, create and revoke tokens."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from scotrack.api.access import Caller, needs
from scotrack.api.database import DbSession
from scotrack.api.errors import ApiError
from scotrack.api.inputs import IdPath
from scotrack.errors import InputError
from scotrack.store.write import tokens as store
from scotrack.store.write.tokens import Role

router = APIRouter(prefix="/tokens", tags=["tokens"])


class TokenOut(BaseModel):
    id: int
    name: str
    role: str
    created_at: str
    created_by: str
    revoked_at: str | None
    expires_at: str | None = Field(description="When it stops working (UTC).")


class NewToken(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    role: Literal["reviewer", "editor", "admin"]
    expires: str | None = Field(
        default=None,
        max_length=40,
        description="When it stops working: a span (12h, 30d, 8w) or a UTC day "
        "or time (2027-06-30, 2027-06-30T12:00). Default: never.",
    )


class CreatedToken(TokenOut):
    token: str = Field(description="The secret: shown this once, never again.")


def _out(info: store.TokenInfo) -> TokenOut:
    return TokenOut(**info.__dict__)


@router.get("", response_model=list[TokenOut], summary="Every token (admins)")
@needs(Role.admin)
def list_tokens(session: DbSession) -> list[TokenOut]:
    return [_out(info) for info in store.tokens(session)]


@router.post("", response_model=CreatedToken, status_code=201, summary="Create a token")
@needs(Role.admin)
def create_token(
    body: NewToken,
    session: DbSession,
    principal: Caller,
) -> CreatedToken:
    expires_at = None
    if body.expires is not None:
        try:
            expires_at = store.expiry(body.expires)
        except InputError as err:
            raise ApiError(422, str(err), field="expires") from None
    info, secret = store.create_token(
        session,
        name=body.name,
        role=Role[body.role],
        created_by=principal.name,
        expires_at=expires_at,
    )
    session.commit()
    return CreatedToken(**info.__dict__, token=secret)


@router.post(
    "/{token_id}/revoke", response_model=TokenOut, summary="Revoke a token at once"
)
@needs(Role.admin)
def revoke_token(token_id: IdPath, session: DbSession) -> TokenOut:
    info = store.revoke_token(session, token_id)
    session.commit()
    return _out(info)
