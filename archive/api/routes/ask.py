"""`/ask` and `/search`: exactly what `archive ask --json` and `archive search --json` print, cached
per index generation."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from archive.api.params import Mode, filter_dependency, query_dependency
from archive.api.routes.common import CliJSON, Shared
from archive.ask.cite import answer_json, hit_json
from archive.ask.retrieve.filters import Filters


def router(shared: Shared) -> APIRouter:
    routes = APIRouter()
    query = Depends(query_dependency(shared.settings))
    filters = Depends(filter_dependency())

    @routes.get("/ask", response_class=CliJSON, summary="Answer a question with a quote and citations")
    async def ask(asked: tuple[str, int] = query, chosen: Filters = filters) -> Response:
        question, k = asked
        return await shared.cached(("ask", question, k, chosen),
                                   lambda archive: answer_json(archive.ask(question, k=k, filters=chosen)))

    @routes.get("/search", response_class=CliJSON, summary="Passages that match a query, best first")
    async def search(asked: tuple[str, int] = query, chosen: Filters = filters,
                     mode: Annotated[Mode, Query(description="Retrieval mode.")] = "hybrid") -> Response:
        text_, k = asked

        def found(archive) -> dict:
            hits = archive.search(text_, k=k, filters=chosen, mode=mode)
            return {"query": text_, "hits": [hit_json(h) for h in hits]}

        return await shared.cached(("search", text_, k, chosen, mode), found)

    return routes
