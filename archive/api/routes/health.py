"""`/health`: the index's generation, format and model, its counts, and whether the instance is public."""

from fastapi import APIRouter

from archive.api.routes.common import Shared, package_version


def router(shared: Shared) -> APIRouter:
    routes = APIRouter()

    @routes.get("/health", summary="Index version, counts and model")
    async def health() -> dict:
        archive = shared.live.archive
        stats = archive.stats()
        return {
            "status": "ok", "version": package_version(), "public": shared.settings.public,
            "index": {"generation": archive.generation.name, "format_version": archive.manifest.get("format_version"),
                      "built_at": stats["built_at"], "model": stats["model"], "dim": archive.manifest.get("dim")},
            "counts": {k: stats[k] for k in ("documents", "meetings", "chunks")},
            "meetings": {"first": stats["first_meeting"], "last": stats["last_meeting"]},
            "model": stats["model"],
        }

    return routes
