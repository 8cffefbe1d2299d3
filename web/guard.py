"""What stands in front of every route of the app (Gradio's, the JSON API, our pages): the body
limit, the embedding policy, closed routes, bounded concurrency and error answers that are
JSON, never a bare 500. Each is a small ASGI middleware or helper; web/server.py puts them
in order, and web/api.py uses the same ones for the JSON API on its own.

Every refusal is JSON, `{"status": "error", "message": …, "language": …}`, in the language
of `?lang=`, else the browser's, else Chinese; every 503 says when to try again (Retry-After).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from languages import DEFAULT_LANGUAGE, LANGUAGES, Language
from languages.messages import message

log = logging.getLogger("hrc-qa.app")

RETRY_AFTER_SECONDS = 5
"""What a busy answer tells a client to wait: about one answer's time per waiting question
on two cores, rounded up."""
GRADIO_API = "/gradio_api"
CLOSED_ROUTES = (f"{GRADIO_API}/upload",)
"""Gradio routes the app has no use for: it has no file input, and an open upload route
would let anyone store files on the server and have them served back."""


# -- error answers ------------------------------------------------------------------------------


def error_body(text: str, language: Language, **more: Any) -> dict[str, Any]:
    return {"status": "error", "message": text, "language": language, **more}


def request_language(request: Request) -> Language:
    """`?lang=`, else the browser's first language if we have it, else the default."""
    if request.query_params.get("lang") in LANGUAGES:
        return known_language(request.query_params["lang"])
    preferred = request.headers.get("accept-language", "").split(",")[0].strip().lower()
    return known_language(preferred[:2])


def known_language(code: str) -> Language:
    return next((language for language in LANGUAGES if language == code), DEFAULT_LANGUAGE)


def refusal(scope: Scope, status: int, key: str, **values: object) -> JSONResponse:
    """An error answer to a request refused before any route saw it."""
    language = request_language(Request(scope))
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if status == 503 else None
    return JSONResponse(
        error_body(message(key, language, **values), language), status_code=status, headers=headers
    )


def busy(language: Language) -> JSONResponse:
    """503: more questions are waiting than the app lets wait."""
    text = message("busy", language, seconds=RETRY_AFTER_SECONDS)
    return JSONResponse(
        error_body(text, language, detail=text),  # `detail`: where Gradio's clients look
        status_code=503,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


# -- middleware ---------------------------------------------------------------------------------


class LimitBody:
    """Refuses a body over `limit` bytes with 413 before it is read into memory: at once when
    Content-Length says so, else (a chunked body) as soon as the bytes received pass it. A body
    within the limit is read whole first (at most `limit` bytes held) and handed on as one
    message, so that no route behind it ever reads more than the limit."""

    def __init__(self, app: ASGIApp, limit: int, larger: dict[str, int] | None = None) -> None:
        self.app = app
        self.limit = limit
        self.larger = larger or {}
        """Routes (their paths from the app's root) allowed a larger body: a draft to check."""

    def limit_of(self, scope: Scope) -> int:
        """The body limit of the route a request is for."""
        path = scope["path"]
        root = scope.get("root_path", "")
        # Mounted, a route's path may or may not still carry its mount's prefix.
        inside = path if path.startswith(root) else root + path
        return self.larger.get(inside.rstrip("/"), self.limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_of(scope)
        length = Headers(scope=scope).get("content-length", "")
        if length.isdigit() and int(length) > limit:
            await self.too_large(scope, receive, send, limit)
            return
        chunks: list[bytes] = []
        received = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client left
                return
            chunks.append(message.get("body", b""))
            received += len(chunks[-1])
            if received > limit:
                await self.too_large(scope, receive, send, limit)
                return
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()  # from here on only a disconnect can come
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def too_large(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        await refusal(scope, 413, "api_too_large", limit=limit)(scope, receive, send)


class ClosedRoutes:
    """403 for the routes in CLOSED_ROUTES, whatever the method, before Gradio sees them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(CLOSED_ROUTES):
            await refusal(scope, 403, "closed_route")(scope, receive, send)
            return
        await self.app(scope, receive, send)


class EmbeddingPolicy:
    """Which pages may frame the app: its own, and the `origins` named. X-Frame-Options can
    only say SAMEORIGIN, so it is sent when no origin is named; CSP `frame-ancestors` says
    the same to every browser that knows it, and names the origins when there are some."""

    def __init__(self, app: ASGIApp, origins: tuple[str, ...]) -> None:
        self.app = app
        self.headers = frame_headers(origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def framed(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, framed)


def frame_headers(origins: tuple[str, ...]) -> dict[str, str]:
    ancestors = " ".join(("'self'", *origins))
    headers = {"Content-Security-Policy": f"frame-ancestors {ancestors}"}
    if not origins:
        headers["X-Frame-Options"] = "SAMEORIGIN"
    return headers


class ErrorsAsAnswers:
    """Any exception a route lets out, or a bare 500 it sends, becomes a 503 error answer,
    logged, instead of a 500 or a traceback: clients always get JSON they can read. A 503 of
    Gradio's own (its queue is full) becomes the busy answer, in the user's language."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        replaced: int | None = None  # the status of a response we answer instead

        async def watched(message: Message) -> None:
            nonlocal started, replaced
            if message["type"] == "http.response.start" and self.replaces(scope, message):
                replaced = message["status"]
            if replaced is not None:
                return  # swallowed: ours is sent when the route is done
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except Exception:
            log.exception("the app failed on %s %s", scope["method"], scope["path"])
            if started:
                raise
            replaced = 500
        if replaced == 503:
            await busy(request_language(Request(scope)))(scope, receive, send)
        elif replaced is not None:
            log.error("%s %s answered %s", scope["method"], scope["path"], replaced)
            await refusal(scope, 503, "internal")(scope, receive, send)

    @staticmethod
    def replaces(scope: Scope, start: Message) -> bool:
        status = start["status"]
        return status == 500 or (status == 503 and scope["path"].startswith(GRADIO_API))


# -- bounded concurrency ------------------------------------------------------------------------


class Busy(Exception):
    """More questions are waiting than the app lets wait."""


class Admission:
    """At most `concurrency + queue_size` questions in at once (answered or waiting); one more
    is refused at once, so that a flood of questions cannot make everyone wait minutes. The
    answering itself is limited to `concurrency` by the caller (web/api.py)."""

    def __init__(self, concurrency: int, queue_size: int) -> None:
        self.concurrency = concurrency
        self.capacity = concurrency + queue_size
        self.admitted = 0

    @contextmanager
    def admit(self) -> Iterator[None]:
        """Raises Busy when full. Called on the event loop only, so the count needs no lock."""
        self.enter()
        try:
            yield
        finally:
            self.leave()

    def enter(self) -> None:
        """One more in, for what outlives a `with` block (a streamed answer); Busy when full."""
        if self.admitted >= self.capacity:
            raise Busy
        self.admitted += 1

    def leave(self) -> None:
        self.admitted -= 1
