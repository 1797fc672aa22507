"""HEAD wherever GET is, and an honest `Allow` on every 405 (#18).

FastAPI routes answer only the methods they declare, so `HEAD /` was a 405, and
a 405 named the methods of the first route at the path only (`GET` for
/api/v1/tokens, which also takes POST). This ASGI middleware answers HEAD by
running the GET and dropping its body (headers, Content-Length included, stay),
and gives each 405 the methods of every route at the path.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(routes: Sequence[BaseRoute], scope: Scope) -> list[str]:
    """The methods the routes at `scope`'s path answer, HEAD with GET, sorted.

    Asks each route whether it fully matches the path with each method (the
    routes of included routers are not listed one by one); a mount (the static
    files) answers GET."""
    methods: set[str] = set()
    for route in routes:
        if isinstance(route, Mount):
            if route.matches(scope)[0] is not Match.NONE:
                methods.add("GET")
            continue
        methods.update(
            method
            for method in METHODS
            if route.matches({**scope, "method": method})[0] is Match.FULL
        )
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


class Methods:
    """ASGI middleware: HEAD as a bodiless GET; `Allow` on 405 answers."""

    def __init__(self, app: ASGIApp, *, routes: Sequence[BaseRoute]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        inner = {**scope, "method": "GET"} if head else scope

        async def answer(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                allow = ", ".join(allowed_methods(self.routes, scope)).encode()
                headers = [
                    (name, value)
                    for name, value in message.get("headers", [])
                    if name.lower() != b"allow"
                ]
                message = {**message, "headers": [*headers, (b"allow", allow)]}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(inner, receive, answer)
