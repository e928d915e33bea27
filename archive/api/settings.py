"""What a running API allows: public mode, limits, CORS. Set by `archive api`'s options or the
ARCHIVE_API_* environment variables; tests build their own."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path


def _flag(value: str | None) -> bool:
    return (value or "") not in ("", "0", "false", "no")


@dataclass(frozen=True)
class ApiSettings:
    public: bool = False  # a hosted read-only instance: no write endpoint, shorter questions
    rate_limit: str | None = "120/minute"  # per client address, every endpoint but /health and the docs; None: off
    write_rate_limit: str | None = "20/hour"  # per client, on top of rate_limit, for POST (never in public mode)
    time_limit: float = 10.0  # seconds one request may take before it gets a 503
    workers: int = 4  # requests answered at once (threads); the rest wait their turn within time_limit
    processes: int = 1  # server processes (api/serving.py); each allows its share of the rate limits
    cors_origins: tuple[str, ...] = ()  # origins allowed to call from a browser ("*" for any)
    max_query: int = 500  # characters of q, a measure or a question text
    max_k: int = 50
    max_body: int = 16_384  # bytes of a POST body
    cache_size: int = 1024  # answers and searches remembered per generation (0: none)
    reload_every: float = 30.0  # seconds between checks for a new index generation (0: every request)
    feeds_path: Path | None = None  # saved searches (default: feeds.db in the index directory)

    @classmethod
    def from_env(cls, **overrides) -> ApiSettings:
        """Defaults, then ARCHIVE_API_* variables, then explicit overrides (options given on the command line)."""
        env = os.environ
        settings = cls(
            public=_flag(env.get("ARCHIVE_PUBLIC")) or _flag(env.get("ARCHIVE_API_PUBLIC")),
            rate_limit=env.get("ARCHIVE_API_RATE_LIMIT", cls.rate_limit),
            write_rate_limit=env.get("ARCHIVE_API_WRITE_RATE_LIMIT", cls.write_rate_limit),
            time_limit=float(env.get("ARCHIVE_API_TIME_LIMIT", cls.time_limit)),
            workers=int(env.get("ARCHIVE_API_WORKERS", cls.workers)),
            processes=int(env.get("ARCHIVE_API_PROCESSES", cls.processes)),
            cache_size=int(env.get("ARCHIVE_API_CACHE_SIZE", cls.cache_size)),
            cors_origins=tuple(o.strip() for o in env.get("ARCHIVE_API_CORS_ORIGINS", "").split(",") if o.strip()),
        )
        settings = replace(settings, **{k: v for k, v in overrides.items() if v is not None})
        if settings.rate_limit and settings.rate_limit.lower() in ("off", "none", "0"):
            settings = replace(settings, rate_limit=None)
        if settings.public:
            settings = replace(settings, max_query=min(settings.max_query, 300))
        return settings
