"""The write endpoints: saving and removing a saved search, recording a reader's feedback. Never
included in public mode."""

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from starlette.exceptions import HTTPException

from archive.api import feeds as feed_module
from archive.api.params import FeedbackBody, SavedSearchBody
from archive.api.routes.common import Shared
from archive.api.routes.feeds import FEED_ID, feed_links


def router(shared: Shared) -> APIRouter:
    routes = APIRouter()
    live, worker, feeds = shared.live, shared.worker, shared.feeds

    @routes.post("/feeds", status_code=201, summary="Save a search; its Atom feed lists new matching passages")
    async def add_feed(request: Request, body: SavedSearchBody) -> dict:
        chosen = body.checked()

        def save() -> feed_module.SavedSearch:
            search = feeds.add(body.q, chosen, body.k)
            feeds.refresh(search, live.current())  # what matches now is the feed's starting point
            return search

        return feed_links(request, await worker.run(save))

    @routes.delete("/feeds/{feed_id}", summary="Remove a saved search")
    async def remove_feed(feed_id: Annotated[str, PathParam(pattern=FEED_ID)]) -> dict:
        if not await worker.run(feeds.remove, feed_id):
            raise HTTPException(404, f"no saved search {feed_id!r}")
        return {"removed": feed_id}

    @routes.post("/feedback", status_code=201, summary="Record a reader's verdict on an answer")
    async def feedback(body: FeedbackBody) -> dict:
        from archive.web import feedback as store

        path = store.feedback_path(live.index_dir)
        await worker.run(lambda: store.record(path, body.question, body.answer, body.verdict, body.doc_id,
                                              body.chunk_id, body.comment))
        return {"recorded": body.verdict}

    return routes
