"""Request body limits, enforced before a route reads anything.

A body announced larger than the limit (``Content-Length``) is refused at once
with 413; a body sent without a length is counted as it arrives and refused as
soon as it passes the limit. Upload routes get the document size limit, every
other route the (smaller) request limit.
"""

from __future__ import annotations

import json
from collections.abc import Collection

from starlette.types import ASGIApp, Message, Receive, Scope, Send


def _error(limit: int) -> bytes:
    message = f"the request body is larger than the limit of {limit:,} bytes"
    body = {"error": {"status": 413, "code": "too_large", "message": message}}
    return json.dumps(body).encode()


class BodyLimit:
    """ASGI middleware: 413 for bodies over `limit` (`upload_limit` on uploads)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limit: int,
        upload_limit: int,
        upload_paths: Collection[str] = (),
    ) -> None:
        self.app = app
        self.limit = limit
        self.upload_limit = upload_limit
        self.upload_paths = frozenset(upload_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = self.upload_limit if path in self.upload_paths else self.limit
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None:
            try:
                announced = int(length)
            except ValueError:
                announced = limit + 1
            if announced > limit:
                await _refuse(send, limit)
                return
        received = 0
        started = False
        refused = False

        async def counted() -> Message:
            # past the limit: answer 413 now, and tell the app the client left
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    if not started:
                        await _refuse(send, limit)
                    return {"type": "http.disconnect"}
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 is already sent; the app's answer is dropped
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except Exception:
            if not refused:
                raise


async def _refuse(send: Send, limit: int) -> None:
    body = _error(limit)
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
