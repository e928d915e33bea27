"""Reading saved searches: `/feeds`, and one feed as Atom (`/feeds/{id}.atom`) or as JSON. Saving and
removing them is in write.py."""

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from archive.api import feeds as feed_module
from archive.api.routes.common import Shared

FEED_ID = r"^[0-9a-f]{12}$"


def feed_links(request: Request, search: feed_module.SavedSearch) -> dict:
    return {**search.as_dict(), "atom": str(request.url_for("feed_atom", feed_id=search.id))}


def router(shared: Shared) -> APIRouter:
    routes = APIRouter()
    live, worker, feeds = shared.live, shared.worker, shared.feeds

    @routes.get("/feeds", summary="Saved searches and their Atom feeds")
    async def list_feeds(request: Request) -> list[dict]:
        return [feed_links(request, s) for s in await worker.run(feeds.searches)]

    def _saved(feed_id: str) -> feed_module.SavedSearch:
        search = feeds.get(feed_id)
        if search is None:
            raise HTTPException(404, f"no saved search {feed_id!r}")
        return search

    @routes.get("/feeds/{feed_id}.atom", name="feed_atom", summary="A saved search's new passages as Atom",
                response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
    async def feed_atom(request: Request, feed_id: Annotated[str, PathParam(pattern=FEED_ID)]) -> Response:
        def render() -> str:
            search = _saved(feed_id)
            feeds.refresh(search, live.current())
            return feed_module.atom(search, feeds.entries(search.id), str(request.url), str(request.base_url))

        return Response(await worker.run(render), media_type="application/atom+xml; charset=utf-8")

    @routes.get("/feeds/{feed_id}", summary="A saved search and its entries as JSON")
    async def feed_json(request: Request, feed_id: Annotated[str, PathParam(pattern=FEED_ID)]) -> dict:
        def read() -> dict:
            search = _saved(feed_id)
            feeds.refresh(search, live.current())
            entries = [{"first_seen": e.first_seen, **e.hit} for e in feeds.entries(search.id)]
            return {**feed_links(request, search), "entries": entries}

        return await worker.run(read)

    return routes
