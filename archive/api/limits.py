"""The API's limits: requests per client (the `limits` library, moving window, in memory), the size
of a request body, and the time one request may take (answering runs in a worker thread)."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread
from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

T = TypeVar("T")
EXEMPT = ("/health", "/docs", "/redoc", "/openapi.json")


class TimeLimitExceeded(Exception):
    """A request ran past the API's time limit (translated to a 503 at the edge)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the request took longer than {seconds:g} s; try a shorter question or narrower filters")


def parse_limit(text: str | None) -> RateLimitItem | None:
    """"120/minute", "10 per second"...; None or "off" turns the limit off. A ValueError names bad text."""
    if not text or text.lower() in ("off", "none", "0"):
        return None
    try:
        return parse(text)
    except ValueError as exc:
        raise ValueError(f"rate limit {text!r} is not like '120/minute' or '10/second'") from exc


def share(item: RateLimitItem | None, processes: int) -> RateLimitItem | None:
    """The part of a limit one of `processes` server processes allows, each counting on its own
    (rounded up, at least 1): together they never allow a client more than the limit."""
    if item is None or processes <= 1:
        return item
    return type(item)(max(1, math.ceil(item.amount / processes)), item.multiples, item.namespace)


class RateLimit:
    """ASGI middleware: past `limit` requests (and `write_limit` POSTs) from one client address in the
    moving window, a 429 with Retry-After and a JSON message. With several server processes, each
    allows its share (`share`)."""

    def __init__(self, app: ASGIApp, limit: str | None, write_limit: str | None = None, processes: int = 1) -> None:
        self.app = app
        self.limit, self.write_limit = share(parse_limit(limit), processes), share(parse_limit(write_limit), processes)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def _refused(self, item: RateLimitItem, key: str) -> JSONResponse | None:
        if self.limiter.hit(item, key):
            return None
        reset = self.limiter.get_window_stats(item, key)[0]  # (reset time, remaining)
        wait = max(1, math.ceil(reset - time.time()))
        return JSONResponse(
            {"error": "rate_limited", "detail": f"rate limit of {item} reached for this client: retry in {wait} s"},
            status_code=429, headers={"Retry-After": str(wait)},
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT:
            await self.app(scope, receive, send)
            return
        key = (scope.get("client") or ("unknown", 0))[0]
        checks = [("all", self.limit)]
        if scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            checks.append(("write", self.write_limit))
        for name, item in checks:
            refused = self._refused(item, f"{name}:{key}") if item else None
            if refused is not None:
                await refused(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """ASGI middleware: a request body over `max_bytes` gets a 413 before anything parses it."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = JSONResponse({"error": "too_large", "detail": f"the request body is over {self.max_bytes} bytes"},
                                 status_code=413)
        length = dict(scope.get("headers") or []).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await too_large(scope, receive, send)
            return
        seen = 0

        async def counted() -> dict:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise _BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _BodyTooLarge:
            await too_large(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


class Worker:
    """Runs the archive's blocking calls on at most `workers` threads; a call not done within
    `seconds` (waiting for a thread included) raises TimeLimitExceeded. Its thread is abandoned,
    not killed: it finishes in the background while the server goes on answering."""

    def __init__(self, workers: int, seconds: float) -> None:
        self.capacity = anyio.CapacityLimiter(max(1, workers))
        self.seconds = seconds

    async def run(self, call: Callable[..., T], *args) -> T:
        try:
            with anyio.fail_after(self.seconds):
                return await anyio.to_thread.run_sync(call, *args, limiter=self.capacity, abandon_on_cancel=True)
        except TimeoutError:
            raise TimeLimitExceeded(self.seconds) from None
