"""The JSON HTTP API: FastAPI over one open archive. `create_app(archive, settings)` builds it;
`archive api` serves it with uvicorn.

`/ask` and `/search` take the CLI's parameters and return exactly what `archive ask --json` and
`archive search --json` print (the same functions build the JSON, rendered the same way).
Answering runs on worker threads under a time limit (api/limits.py); errors become JSON here,
once: 422 names the bad parameter, 429 carries Retry-After, 503 says the time limit was reached.
In public mode no write endpoint exists (no feedback, no new saved searches).
"""

import json
import logging
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from archive.api import feeds as feed_module
from archive.api.cache import ResponseCache
from archive.api.limits import BodyLimit, RateLimit, TimeLimitExceeded, Worker
from archive.api.live import LiveArchive, warm
from archive.api.params import (
    NAME_LENGTH,
    FeedbackBody,
    Kind,
    Mode,
    SavedSearchBody,
    Status,
    filter_dependency,
    query_dependency,
)
from archive.api.settings import ApiSettings
from archive.ask.cite import answer_json, hit_json
from archive.ask.filters import Filters
from archive.errors import ArchiveError

log = logging.getLogger("archive.api")
FEED_ID = r"^[0-9a-f]{12}$"


class CliJSON(JSONResponse):
    """The bytes `archive ... --json` prints (json.dumps, non-ASCII kept), without its newline."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False).encode("utf-8")


def _version() -> str:
    try:
        return version("council-archive")
    except PackageNotFoundError:
        return "0"


def _error(status: int, code: str, detail: Any, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": code, "detail": detail}, status_code=status, headers=headers)


def _document_json(document) -> dict:
    return {"doc_id": document.doc_id, "title": document.title, "committee": document.committee,
            "meeting_date": document.meeting_date, "doc_type": document.doc_type,
            "source": document.source_url or document.path, "pages": len(document.pages)}


def _part_json(part) -> dict:
    return {"doc_id": part.doc_id, "part_id": part.part_id, "title": part.title, "part_date": part.part_date,
            "page_start": part.page_start, "page_end": part.page_end}


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
        return _error(exc.status_code, code, detail, getattr(exc, "headers", None))

    @app.exception_handler(TimeLimitExceeded)
    async def too_slow(request: Request, exc: TimeLimitExceeded) -> JSONResponse:
        return _error(503, "time_limit", str(exc), {"Retry-After": "5"})

    @app.exception_handler(ArchiveError)
    async def archive_error(request: Request, exc: ArchiveError) -> JSONResponse:
        return _error(400, "archive_error", str(exc))


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
    feeds = feed_module.FeedStore(settings.feeds_path or feed_module.feeds_path(live.index_dir))
    app = FastAPI(
        title="Council archive API",
        version=_version(),
        description="Search council meeting papers and get answers with cited passages. `/ask` and `/search` "
                    "return what `archive ask --json` and `archive search --json` print."
                    + (" This public instance is read-only." if settings.public else ""),
    )
    app.state.live, app.state.settings, app.state.feeds, app.state.cache = live, settings, feeds, cache
    _handlers(app, settings)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body)
    app.add_middleware(RateLimit, limit=settings.rate_limit, write_limit=settings.write_rate_limit)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET"] if settings.public else ["GET", "POST", "DELETE"],
                           allow_headers=["Content-Type"], expose_headers=["Retry-After"])

    query = Depends(query_dependency(settings))
    filters = Depends(filter_dependency())
    Name = Annotated[str, Query(max_length=NAME_LENGTH)]

    async def cached(key: tuple, compute) -> Response:
        """compute(archive) on a worker thread, or the bytes it gave before on this generation."""
        if live.is_current():
            body = cache.get((live.archive.generation.name, *key))
            if body is not None:
                return Response(body, media_type=CliJSON.media_type)

        def run() -> tuple[str, bytes]:
            archive = live.current()
            return archive.generation.name, CliJSON(compute(archive)).body

        generation, body = await worker.run(run)
        cache.put((generation, *key), body)
        return Response(body, media_type=CliJSON.media_type)

    @app.get("/ask", response_class=CliJSON, summary="Answer a question with a quote and citations")
    async def ask(asked: tuple[str, int] = query, chosen: Filters = filters) -> Response:
        question, k = asked
        return await cached(("ask", question, k, chosen),
                            lambda archive: answer_json(archive.ask(question, k=k, filters=chosen)))

    @app.get("/search", response_class=CliJSON, summary="Passages that match a query, best first")
    async def search(asked: tuple[str, int] = query, chosen: Filters = filters,
                     mode: Annotated[Mode, Query(description="Retrieval mode.")] = "hybrid") -> Response:
        text_, k = asked

        def found(archive) -> dict:
            hits = archive.search(text_, k=k, filters=chosen, mode=mode)
            return {"query": text_, "hits": [hit_json(h) for h in hits]}

        return await cached(("search", text_, k, chosen, mode), found)

    @app.get("/commitments", response_class=CliJSON, summary="Commitments with follow-ups and status")
    async def commitments(
        committee: Name = "", date_from: Annotated[str, Query(alias="from", max_length=10)] = "",
        date_to: Annotated[str, Query(alias="to", max_length=10)] = "", owner: Name = "",
        status: Status | None = None, kind: Kind | None = None,
    ) -> CliJSON:
        found = await worker.run(lambda: live.current().commitments(committee, date_from, date_to, owner,
                                                                    status or "", kind or ""))
        return CliJSON(found)

    @app.get("/figures", response_class=CliJSON, summary="Every value the archive gives for a measure")
    async def figures(measure: Annotated[str, Query(min_length=1, max_length=settings.max_query)]) -> CliJSON:
        from archive.api.params import checked_text

        checked_text("measure", measure)
        points = await worker.run(lambda: live.current().figures(measure))
        return CliJSON({"measure": measure, "points": [p.as_dict() for p in points]})

    @app.get("/questions", response_class=CliJSON, summary="Public and member questions with their responses")
    async def questions(text: Annotated[str, Query(max_length=settings.max_query)] = "",
                        questioner: Annotated[str, Query(max_length=NAME_LENGTH)] = "",
                        number: Annotated[str, Query(max_length=50)] = "") -> CliJSON:
        return CliJSON(await worker.run(lambda: live.current().questions(text, questioner, number)))

    @app.get("/meetings", response_class=CliJSON, summary="Meetings by committee and date with their papers")
    async def meetings(committee: Name = "") -> CliJSON:
        def listing() -> list[dict]:
            return [{"committee": m["committee"], "meeting_date": m["meeting_date"],
                     "documents": [_document_json(d) for d in m["documents"]]}
                    for m in live.current().meetings() if committee.lower() in m["committee"].lower()]

        return CliJSON(await worker.run(listing))

    def _paper(doc_id: str):
        archive = live.current()
        document = archive.documents.get(doc_id)
        if document is None:
            raise HTTPException(404, f"no paper {doc_id!r} in the archive")
        return archive, document

    @app.get("/papers/{doc_id:path}/parts/{part_id}", response_class=CliJSON, summary="One part of a paper")
    async def part(doc_id: str, part_id: Annotated[int, PathParam(ge=0, le=1_000_000)]) -> CliJSON:
        def read() -> dict:
            archive, document = _paper(doc_id)
            found = archive.parts.get((doc_id, part_id))
            if found is None:
                raise HTTPException(404, f"paper {doc_id!r} has no part {part_id}")
            passages = [{"page": c.page, "line": c.line, "heading": c.heading, "text": c.text}
                        for c in archive.part_chunks(doc_id, part_id)]
            return {**_part_json(found), "paper": _document_json(document), "passages": passages}

        return CliJSON(await worker.run(read))

    @app.get("/papers/{doc_id:path}", response_class=CliJSON, summary="A paper and its parts")
    async def paper(doc_id: str) -> CliJSON:
        def read() -> dict:
            archive, document = _paper(doc_id)
            return {**_document_json(document), "parts": [_part_json(p) for p in archive.document_parts(doc_id)]}

        return CliJSON(await worker.run(read))

    @app.get("/health", summary="Index version, counts and model")
    async def health() -> dict:
        archive = live.archive
        stats = archive.stats()
        return {
            "status": "ok", "version": _version(), "public": settings.public,
            "index": {"generation": archive.generation.name, "format_version": archive.manifest.get("format_version"),
                      "built_at": stats["built_at"], "model": stats["model"], "dim": archive.manifest.get("dim")},
            "counts": {k: stats[k] for k in ("documents", "meetings", "chunks")},
            "meetings": {"first": stats["first_meeting"], "last": stats["last_meeting"]},
            "model": stats["model"],
        }

    def feed_links(request: Request, search: feed_module.SavedSearch) -> dict:
        return {**search.as_dict(), "atom": str(request.url_for("feed_atom", feed_id=search.id))}

    @app.get("/feeds", summary="Saved searches and their Atom feeds")
    async def list_feeds(request: Request) -> list[dict]:
        return [feed_links(request, s) for s in await worker.run(feeds.searches)]

    def _saved(feed_id: str) -> feed_module.SavedSearch:
        search = feeds.get(feed_id)
        if search is None:
            raise HTTPException(404, f"no saved search {feed_id!r}")
        return search

    @app.get("/feeds/{feed_id}.atom", name="feed_atom", summary="A saved search's new passages as Atom",
             response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
    async def feed_atom(request: Request, feed_id: Annotated[str, PathParam(pattern=FEED_ID)]) -> Response:
        def render() -> str:
            search = _saved(feed_id)
            feeds.refresh(search, live.current())
            return feed_module.atom(search, feeds.entries(search.id), str(request.url), str(request.base_url))

        return Response(await worker.run(render), media_type="application/atom+xml; charset=utf-8")

    @app.get("/feeds/{feed_id}", summary="A saved search and its entries as JSON")
    async def feed_json(request: Request, feed_id: Annotated[str, PathParam(pattern=FEED_ID)]) -> dict:
        def read() -> dict:
            search = _saved(feed_id)
            feeds.refresh(search, live.current())
            entries = [{"first_seen": e.first_seen, **e.hit} for e in feeds.entries(search.id)]
            return {**feed_links(request, search), "entries": entries}

        return await worker.run(read)

    if not settings.public:
        _write_routes(app, settings, live, worker, feeds, feed_links)
    return app


def _write_routes(app: FastAPI, settings: ApiSettings, live: LiveArchive, worker: Worker,
                  feeds: feed_module.FeedStore, feed_links) -> None:
    """POST endpoints: never registered in public mode."""

    @app.post("/feeds", status_code=201, summary="Save a search; its Atom feed lists new matching passages")
    async def add_feed(request: Request, body: SavedSearchBody) -> dict:
        chosen = body.checked()

        def save() -> feed_module.SavedSearch:
            search = feeds.add(body.q, chosen, body.k)
            feeds.refresh(search, live.current())  # what matches now is the feed's starting point
            return search

        return feed_links(request, await worker.run(save))

    @app.delete("/feeds/{feed_id}", summary="Remove a saved search")
    async def remove_feed(feed_id: Annotated[str, PathParam(pattern=FEED_ID)]) -> dict:
        if not await worker.run(feeds.remove, feed_id):
            raise HTTPException(404, f"no saved search {feed_id!r}")
        return {"removed": feed_id}

    @app.post("/feedback", status_code=201, summary="Record a reader's verdict on an answer")
    async def feedback(body: FeedbackBody) -> dict:
        from archive.web import feedback as store

        path = store.feedback_path(live.index_dir)
        await worker.run(lambda: store.record(path, body.question, body.answer, body.verdict, body.doc_id,
                                              body.chunk_id, body.comment))
        return {"recorded": body.verdict}
