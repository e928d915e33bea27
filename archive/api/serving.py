"""How `archive api` runs: one process, or several (`--processes N`) that uvicorn's supervisor starts,
watches and restarts when one dies. Each process opens the index itself (the chunk vectors and the
FAISS index are memory-mapped, so the processes share those pages instead of copying them) and
holds its own answer cache. The rate limit is split between processes: each allows its share of
the budget (rounded up), so a client spread over every process never gets more than the limit,
and one held on a single keep-alive connection gets that process's share.

Several processes get their settings from the environment (ARCHIVE_API_*, ARCHIVE_INDEX_DIR,
ARCHIVE_DATABASE_URL), which `serve` sets before uvicorn starts them."""

from __future__ import annotations

import os
from dataclasses import asdict
from pathlib import Path

from archive.api.settings import ApiSettings

_ENV = {  # setting -> the variable ApiSettings.from_env reads
    "public": "ARCHIVE_API_PUBLIC", "rate_limit": "ARCHIVE_API_RATE_LIMIT",
    "write_rate_limit": "ARCHIVE_API_WRITE_RATE_LIMIT", "time_limit": "ARCHIVE_API_TIME_LIMIT",
    "workers": "ARCHIVE_API_WORKERS", "cache_size": "ARCHIVE_API_CACHE_SIZE",
    "cors_origins": "ARCHIVE_API_CORS_ORIGINS", "processes": "ARCHIVE_API_PROCESSES",
}


def settings_env(settings: ApiSettings) -> dict[str, str]:
    """The environment that makes ApiSettings.from_env() in a server process give these settings."""
    values = asdict(settings)
    env = {}
    for name, variable in _ENV.items():
        value = values[name]
        if isinstance(value, bool):
            value = "1" if value else "0"
        elif isinstance(value, tuple):
            value = ",".join(value)
        elif value is None:
            value = "off"
        env[variable] = str(value)
    return env


def app_from_env():
    """The app of one server process (uvicorn's factory when serving with several processes)."""
    from archive.api.app import create_app
    from archive.core import Archive
    from archive.index.format import default_index_dir

    target = default_index_dir()
    url = os.environ.get("ARCHIVE_DATABASE_URL") or None
    return create_app(Archive.open(target, database_url=url), ApiSettings.from_env(), target)


def serve(settings: ApiSettings, target: Path, url: str | None, host: str, port: int) -> None:
    import uvicorn

    if settings.processes <= 1:
        from archive.api.app import create_app
        from archive.core import Archive

        app = create_app(Archive.open(target, database_url=url), settings, target)
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return
    os.environ.update(settings_env(settings))
    os.environ["ARCHIVE_INDEX_DIR"] = str(target)
    if url:
        os.environ["ARCHIVE_DATABASE_URL"] = url
    uvicorn.run("archive.api.serving:app_from_env", factory=True, workers=settings.processes, host=host, port=port,
                log_level="warning", access_log=False, timeout_worker_healthcheck=30)


def server_processes(supervisor: int) -> list[int]:
    """The live server processes a supervisor (the `archive api --processes N` process) runs: not
    multiprocessing's resource tracker, nor a killed one left a zombie until the supervisor reaps it.
    Linux (/proc); for watching and measuring, never on the request path."""
    try:
        children = Path(f"/proc/{supervisor}/task/{supervisor}/children").read_text().split()
    except OSError:
        return []
    found = []
    for pid in map(int, children):
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            if state != "Z" and b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
        except OSError:
            continue
    return found
