"""What the route modules share: the state one app serves from, the CLI's JSON rendering, error
bodies, cached answers, and the JSON of a paper and of a part."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi.responses import JSONResponse, Response

from archive.api.cache import ResponseCache
from archive.api.feeds import FeedStore
from archive.api.limits import Worker
from archive.api.live import LiveArchive
from archive.api.settings import ApiSettings


class CliJSON(JSONResponse):
    """The bytes `archive ... --json` prints (json.dumps, non-ASCII kept), without its newline."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class Shared:
    """One app's state: its settings, the live archive, the worker threads, the cache, the feeds."""

    settings: ApiSettings
    live: LiveArchive
    worker: Worker
    cache: ResponseCache
    feeds: FeedStore

    async def cached(self, key: tuple, compute) -> Response:
        """compute(archive) on a worker thread, or the bytes it gave before on this generation."""
        live, cache = self.live, self.cache
        if live.is_current():
            body = cache.get((live.archive.generation.name, *key))
            if body is not None:
                return Response(body, media_type=CliJSON.media_type)

        def run() -> tuple[str, bytes]:
            archive = live.current()
            return archive.generation.name, CliJSON(compute(archive)).body

        generation, body = await self.worker.run(run)
        cache.put((generation, *key), body)
        return Response(body, media_type=CliJSON.media_type)


def package_version() -> str:
    try:
        return version("council-archive")
    except PackageNotFoundError:
        return "0"


def error(status: int, code: str, detail: Any, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": code, "detail": detail}, status_code=status, headers=headers)


def document_json(document) -> dict:
    return {"doc_id": document.doc_id, "title": document.title, "committee": document.committee,
            "meeting_date": document.meeting_date, "doc_type": document.doc_type,
            "source": document.source_url or document.path, "pages": len(document.pages)}


def part_json(part) -> dict:
    return {"doc_id": part.doc_id, "part_id": part.part_id, "title": part.title, "part_date": part.part_date,
            "page_start": part.page_start, "page_end": part.page_end}
