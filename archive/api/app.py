"""The JSON HTTP API: FastAPI over one open archive. `create_app(archive, settings)` builds it;
`archive api` serves it with uvicorn.

`/ask` and `/search` take the CLI's parameters and return exactly what `archive ask --json` and
`archive search --json` print (the same functions build the JSON, rendered the same way).
Answering runs on worker threads under a time limit (api/limits.py); errors become JSON here,
once: 422 names the bad parameter, 429 carries Retry-After, 503 says the time limit was reached.
In public mode no write endpoint exists (no feedback, no new saved searches).

The routes live in api/routes/, one module per group; `create_app` only assembles them.
"""

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from archive.api import feeds as feed_module
from archive.api.cache import ResponseCache
from archive.api.limits import BodyLimit, RateLimit, TimeLimitExceeded, Worker
from archive.api.live import LiveArchive, warm
from archive.api.routes import ask, feeds, health, pages, papers, people, records, write
from archive.api.routes.common import Shared, error, package_version
from archive.api.settings import ApiSettings
from archive.errors import ArchiveError

log = logging.getLogger("archive.api")


def _handlers(app: FastAPI, settings: ApiSettings) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
                   for e in exc.errors()]
        names = ", ".join(f"{d['loc'][-1]}: {d['msg']}" if d["loc"] else d["msg"] for d in details)
        return JSONResponse({"error": "invalid_parameter", "message": names, "detail": details}, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        detail = exc.detail
        if exc.status_code == 405 and settings.public:
            detail = "this public instance is read-only: only GET requests are served"
        code = {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error(exc.status_code, code, detail, getattr(exc, "headers", None))

    @app.exception_handler(TimeLimitExceeded)
    async def too_slow(request: Request, exc: TimeLimitExceeded) -> JSONResponse:
        return error(503, "time_limit", str(exc), {"Retry-After": "5"})

    @app.exception_handler(ArchiveError)
    async def archive_error(request: Request, exc: ArchiveError) -> JSONResponse:
        return error(400, "archive_error", str(exc))


def create_app(archive, settings: ApiSettings | None = None, index_dir: Path | str | None = None,
               warm_up: bool = True) -> FastAPI:
    """The API over an open archive. index_dir (default: the archive's own) is watched for new
    generations; warm_up loads what the archive loads lazily before the first request."""
    settings = settings or ApiSettings()
    if warm_up:
        warm(archive)
    live = LiveArchive(archive, index_dir or archive.generation.parent, settings.reload_every)
    worker = Worker(settings.workers, settings.time_limit)
    cache = ResponseCache(settings.cache_size)
    feed_store = feed_module.FeedStore(settings.feeds_path or feed_module.feeds_path(live.index_dir))
    app = FastAPI(
        title="Council archive API",
        version=package_version(),
        description="Search council meeting papers and get answers with cited passages. `/ask` and `/search` "
                    "return what `archive ask --json` and `archive search --json` print."
                    + (" This public instance is read-only." if settings.public else ""),
    )
    app.state.live, app.state.settings, app.state.feeds, app.state.cache = live, settings, feed_store, cache
    _handlers(app, settings)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body)
    app.add_middleware(RateLimit, limit=settings.rate_limit, write_limit=settings.write_rate_limit,
                       processes=settings.processes)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET"] if settings.public else ["GET", "POST", "DELETE"],
                           allow_headers=["Content-Type"], expose_headers=["Retry-After"])

    shared = Shared(settings, live, worker, cache, feed_store)
    # never writes in public; pages before papers, whose /papers/{doc_id:path} would take /papers/x.pdf/pages/3.png
    groups = [ask, records, people, pages, papers, health, feeds] + ([] if settings.public else [write])
    for group in groups:
        app.include_router(group.router(shared))
    return app
