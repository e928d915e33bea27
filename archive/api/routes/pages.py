"""`/papers/{doc_id}/pages/{page}.png` (a PDF page with a quote or passage highlighted, cached on
disk per generation) and `/cite/{chunk_id}` (a passage's citation as text or CSL-JSON). An unknown
paper, page or passage, or a paper with no PDF, is a 404; a highlight over 500 characters a 422.
Renders count against the per-client rate limit like every other endpoint."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi import Path as PathParam
from fastapi.responses import PlainTextResponse, Response
from starlette.exceptions import HTTPException

from archive.api.params import invalid
from archive.api.routes.common import CliJSON, Shared
from archive.pages.render import MAX_HIGHLIGHT, PageNotFound
from archive.pages.view import HighlightTooLong, PageViews, default_cache

CHUNK_ID = PathParam(ge=1, le=2**53)


def router(shared: Shared) -> APIRouter:
    routes = APIRouter()
    live, worker = shared.live, shared.worker
    cache = default_cache(live.index_dir)

    def views() -> PageViews:
        return PageViews(live.current(), cache)

    @routes.get("/papers/{doc_id:path}/pages/{page}.png", summary="A PDF page with a quote highlighted",
                response_class=Response, responses={200: {"content": {"image/png": {}}}})
    async def page_image(
        doc_id: str,
        page: Annotated[int, PathParam(ge=1, le=100_000, description="1-based page in the PDF's own order.")],
        highlight: Annotated[str, Query(max_length=MAX_HIGHLIGHT, description="Text to mark on the page.")] = "",
        chunk: Annotated[int | None, Query(ge=1, le=2**53, description="Mark this passage (a hit's chunk_id).")]
        = None,
    ) -> Response:
        def rendered():
            try:
                return views().page(doc_id, page, highlight, chunk)
            except PageNotFound as exc:
                raise HTTPException(404, str(exc)) from exc
            except HighlightTooLong as exc:
                raise invalid("highlight", str(exc), highlight) from exc

        shown = await worker.run(rendered)
        located = shown.located
        headers = {"X-Page": str(shown.page), "X-Page-Count": str(shown.page_count),
                   "X-Printed-Page": shown.printed, "Cache-Control": "public, max-age=3600"}
        if located is not None:
            headers["X-Highlight"] = ("found" if located.cover >= 1.0 else "approximate") if located.found else (
                "not-found")
            headers["X-Highlight-Pages"] = ",".join(map(str, located.pages))
        return Response(shown.png, media_type="image/png", headers=headers)

    @routes.get("/cite/{chunk_id}", summary="A passage's citation: one line of text, or CSL-JSON")
    async def cite(chunk_id: Annotated[int, CHUNK_ID],
                   format: Annotated[Literal["text", "csl"], Query(description="text or csl (CSL-JSON)")] = "text",
                   quote: Annotated[str, Query(max_length=MAX_HIGHLIGHT,
                                               description="The words quoted (default: the whole passage).")] = "",
                   ) -> Response:
        from archive.pages.cite import citation_line, csl_json

        def hit():
            try:
                return views().hit(chunk_id)
            except PageNotFound as exc:
                raise HTTPException(404, str(exc)) from exc

        found = await worker.run(hit)
        if format == "csl":
            return CliJSON([csl_json(found, quote)], media_type="application/vnd.citationstyles.csl+json")
        return PlainTextResponse(citation_line(found, quote))

    return routes
