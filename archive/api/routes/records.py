"""`/commitments`, `/figures` and `/questions`: the records the CLI's commands of those names list."""

from typing import Annotated

from fastapi import APIRouter, Query

from archive.api.params import NAME_LENGTH, Kind, Status, checked_text
from archive.api.routes.common import CliJSON, Shared

Name = Annotated[str, Query(max_length=NAME_LENGTH)]


def router(shared: Shared) -> APIRouter:
    routes = APIRouter()
    live, worker, settings = shared.live, shared.worker, shared.settings

    @routes.get("/commitments", response_class=CliJSON, summary="Commitments with follow-ups and status")
    async def commitments(
        committee: Name = "", date_from: Annotated[str, Query(alias="from", max_length=10)] = "",
        date_to: Annotated[str, Query(alias="to", max_length=10)] = "", owner: Name = "",
        status: Status | None = None, kind: Kind | None = None,
    ) -> CliJSON:
        found = await worker.run(lambda: live.current().commitments(committee, date_from, date_to, owner,
                                                                    status or "", kind or ""))
        return CliJSON(found)

    @routes.get("/figures", response_class=CliJSON, summary="Every value the archive gives for a measure")
    async def figures(measure: Annotated[str, Query(min_length=1, max_length=settings.max_query)]) -> CliJSON:
        checked_text("measure", measure)
        points = await worker.run(lambda: live.current().figures(measure))
        return CliJSON({"measure": measure, "points": [p.as_dict() for p in points]})

    @routes.get("/questions", response_class=CliJSON, summary="Public and member questions with their responses")
    async def questions(text: Annotated[str, Query(max_length=settings.max_query)] = "",
                        questioner: Annotated[str, Query(max_length=NAME_LENGTH)] = "",
                        number: Annotated[str, Query(max_length=50)] = "") -> CliJSON:
        return CliJSON(await worker.run(lambda: live.current().questions(text, questioner, number)))

    return routes
