"""Polite HTTP for fetching: one request at a time, a pause between requests, retries with
exponential back-off on server errors and timeouts, and named errors when a site does not answer.

Standard library only (urllib), so fetching adds no dependency. Bodies are read into memory for
the service's XML and streamed to a temporary file for documents (`download_to`), which is then
moved into place atomically by the caller.
"""

from __future__ import annotations

import http.client
import os
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

from archive.errors import FetchError, SiteUnreachableError

USER_AGENT = "council-archive/0.1 (meeting papers archive; polite fetcher)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_BYTES = 300 * 1024 * 1024  # a larger "document" is not a meeting paper
_BLOCK = 1 << 16


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    headers: Message
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()


class HttpStatusError(FetchError):
    """A final HTTP error status (after retries, where retrying made sense)."""

    def __init__(self, url: str, status: int, reason: str = "") -> None:
        super().__init__(f"{url}: HTTP {status}{f' {reason}' if reason else ''}")
        self.url, self.status = url, status


@dataclass
class Polite:
    """An HTTP client that waits `delay` seconds between requests and retries `retries` times,
    waiting backoff, 2*backoff, 4*backoff ... (capped at `max_backoff`, or the server's
    Retry-After when it is shorter than the cap)."""

    delay: float = 1.0
    retries: int = 4
    backoff: float = 2.0
    max_backoff: float = 60.0
    timeout: float = 60.0
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0  # requests sent, retries included
    _last: float = field(default=0.0, repr=False)

    def _pause(self) -> None:
        if self._last and self.delay > 0:
            wait = self.delay - (time.monotonic() - self._last)
            if wait > 0:
                self.sleep(wait)

    def _open(self, url: str):
        self._pause()
        self.requests += 1
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "*/*"})
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)  # http(s) only: checked by the caller
        finally:
            self._last = time.monotonic()

    def _retry_wait(self, attempt: int, retry_after: str | None = None) -> float:
        wait = min(self.backoff * (2**attempt), self.max_backoff)
        if retry_after and retry_after.strip().isdigit():
            wait = min(max(wait, float(retry_after)), self.max_backoff)
        return wait

    def _with_retries(self, url: str, read: Callable):
        """Call read(response) on a successful response; retry what is worth retrying."""
        if not url.lower().startswith(("http://", "https://")):
            raise FetchError(f"{url}: only http and https addresses can be fetched")
        last_problem = ""
        for attempt in range(self.retries + 1):
            try:
                with self._open(url) as handle:
                    return read(handle)
            except urllib.error.HTTPError as exc:
                if exc.code not in RETRY_STATUSES or attempt == self.retries:
                    raise HttpStatusError(url, exc.code, str(exc.reason or "")) from exc
                last_problem = f"HTTP {exc.code}"
                wait = self._retry_wait(attempt, exc.headers.get("Retry-After") if exc.headers else None)
            except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:  # timeouts, resets, refusals
                reason = getattr(exc, "reason", exc)
                last_problem = str(reason) or type(exc).__name__
                if attempt == self.retries:
                    break
                wait = self._retry_wait(attempt)
            self.sleep(wait)
        raise SiteUnreachableError(f"{url}: no answer after {self.retries + 1} attempts ({last_problem})")

    def get(self, url: str) -> Response:
        """The whole body of a (small) response, such as the service's XML."""

        def read(handle) -> Response:
            body = handle.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FetchError(f"{url}: answer larger than {MAX_BYTES // (1024 * 1024)} MB")
            return Response(handle.geturl(), handle.status, handle.headers, body)

        return self._with_retries(url, read)

    def download_to(self, url: str, directory: Path) -> tuple[Response, Path]:
        """Stream a document into a temporary file in `directory` (hidden, so the indexer ignores
        it); the caller renames it into place or deletes it. The response's body is left empty."""

        def read(handle) -> tuple[Response, Path]:
            descriptor, name = tempfile.mkstemp(prefix=".fetch-", suffix=".part", dir=directory)
            size = 0
            try:
                with os.fdopen(descriptor, "wb") as out:
                    for block in iter(lambda: handle.read(_BLOCK), b""):
                        size += len(block)
                        if size > MAX_BYTES:
                            raise FetchError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB")
                        out.write(block)
                    out.flush()
                    os.fsync(out.fileno())
            except BaseException:
                Path(name).unlink(missing_ok=True)
                raise
            return Response(handle.geturl(), handle.status, handle.headers), Path(name)

        return self._with_retries(url, read)
