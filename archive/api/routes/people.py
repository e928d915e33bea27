"""`/people`, `/people/{id}` and `/decisions`: what `archive people --json` and `archive decisions
--json` print (registers.py)."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi import Path as PathParam
from starlette.exceptions import HTTPException

from archive.api.params import ISO_DATE, NAME_LENGTH, checked_date
from archive.api.routes.common import CliJSON, Shared

Name = Annotated[str, Query(max_length=NAME_LENGTH)]
Outcome = Literal["agreed", "agreed-amended", "deferred", "rejected", "noted", "referred", "not-found"]


def router(shared: Shared) -> APIRouter:
    routes = APIRouter()
    live, worker = shared.live, shared.worker

    @routes.get("/people", response_class=CliJSON, summary="People in the minutes with their cited appearances")
    async def people(name: Name = "", council: Name = "") -> CliJSON:
        return CliJSON(await worker.run(lambda: live.current().people(name, council)))

    @routes.get("/people/{person_id}", response_class=CliJSON, summary="One person and every appearance")
    async def person(person_id: Annotated[int, PathParam(ge=1, le=10**9)]) -> CliJSON:
        def read() -> dict:
            found = live.current().person(person_id)
            if found is None:
                raise HTTPException(404, f"no person {person_id} in the archive")
            return found

        return CliJSON(await worker.run(read))

    @routes.get("/decisions", response_class=CliJSON,
                summary="Recommendations, the resolutions that took them, outcomes")
    async def decisions(
        council: Name = "", committee: Name = "",
        date_from: Annotated[str, Query(alias="from", pattern=ISO_DATE)] = "",
        date_to: Annotated[str, Query(alias="to", pattern=ISO_DATE)] = "",
        outcome: Outcome | None = None,
    ) -> CliJSON:
        checked_date("from", date_from)
        checked_date("to", date_to)
        return CliJSON(await worker.run(lambda: live.current().decisions(council, committee, date_from, date_to,
                                                                         outcome or "")))

    return routes
