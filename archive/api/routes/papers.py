"""`/meetings` and `/papers/...`: meetings with their papers, a paper with its parts, a part's passages."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi import Path as PathParam
from starlette.exceptions import HTTPException

from archive.api.params import NAME_LENGTH
from archive.api.routes.common import CliJSON, Shared, document_json, part_json


def router(shared: Shared) -> APIRouter:
    routes = APIRouter()
    live, worker = shared.live, shared.worker

    @routes.get("/meetings", response_class=CliJSON, summary="Meetings by committee and date with their papers")
    async def meetings(committee: Annotated[str, Query(max_length=NAME_LENGTH)] = "") -> CliJSON:
        def listing() -> list[dict]:
            return [{"committee": m["committee"], "meeting_date": m["meeting_date"],
                     "documents": [document_json(d) for d in m["documents"]]}
                    for m in live.current().meetings() if committee.lower() in m["committee"].lower()]

        return CliJSON(await worker.run(listing))

    def _paper(doc_id: str):
        archive = live.current()
        document = archive.documents.get(doc_id)
        if document is None:
            raise HTTPException(404, f"no paper {doc_id!r} in the archive")
        return archive, document

    @routes.get("/papers/{doc_id:path}/parts/{part_id}", response_class=CliJSON, summary="One part of a paper")
    async def part(doc_id: str, part_id: Annotated[int, PathParam(ge=0, le=1_000_000)]) -> CliJSON:
        def read() -> dict:
            archive, document = _paper(doc_id)
            found = archive.parts.get((doc_id, part_id))
            if found is None:
                raise HTTPException(404, f"paper {doc_id!r} has no part {part_id}")
            passages = [{"page": c.page, "line": c.line, "heading": c.heading, "text": c.text}
                        for c in archive.part_chunks(doc_id, part_id)]
            return {**part_json(found), "paper": document_json(document), "passages": passages}

        return CliJSON(await worker.run(read))

    @routes.get("/papers/{doc_id:path}", response_class=CliJSON, summary="A paper and its parts")
    async def paper(doc_id: str) -> CliJSON:
        def read() -> dict:
            archive, document = _paper(doc_id)
            return {**document_json(document), "parts": [part_json(p) for p in archive.document_parts(doc_id)]}

        return CliJSON(await worker.run(read))

    return routes
