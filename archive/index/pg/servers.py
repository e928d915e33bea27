"""Connections to the database: one primary, any number of read replicas. Each thread reads through
its own connection (the API answers on several threads); threads start on different replicas
(round robin), and a server that fails is skipped for a while: reads go to the next replica, then
to the primary, with no error to the caller unless every server fails."""

from __future__ import annotations

import contextlib
import itertools
import re
import threading
import time
from collections.abc import Callable
from typing import ClassVar, TypeVar

from archive.errors import DatabaseError, DatabaseUnreachableError, DatabaseUrlError

T = TypeVar("T")

CONNECT_TIMEOUT = 3  # seconds: a replica that is down is given up on quickly
EF_SEARCH = 700  # HNSW candidates per search: recall@10 0.977 at 100k chunks (400: 0.955; the default 40: far less)
RETRY_AFTER = 30.0  # seconds a failed server is left alone before it is tried again
_URL = re.compile(r"^postgres(ql)?://", re.I)
_CONNINFO = re.compile(r"^\s*\w+\s*=")  # "host=... dbname=..." (libpq key=value form)


def driver():
    """psycopg, or a named error saying which extra to install."""
    try:
        import psycopg
    except ImportError as exc:
        raise DatabaseError("the PostgreSQL backend needs psycopg: pip install 'council-archive[postgres]'") from exc
    return psycopg


def check_url(url: str) -> str:
    if not url or not (_URL.match(url) or _CONNINFO.match(url)):
        raise DatabaseUrlError(f"not a PostgreSQL database URL: {url!r} (expected postgresql://USER@HOST:PORT/DB)")
    return url


def shown(url: str) -> str:
    """A URL fit for messages and logs: no password."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def connect(url: str, autocommit: bool = True):
    """A connection with rows as dicts; a named error when the server does not answer."""
    psycopg = driver()
    from psycopg.rows import dict_row

    try:
        connection = psycopg.connect(check_url(url), autocommit=autocommit, row_factory=dict_row,
                                     connect_timeout=CONNECT_TIMEOUT)
    except psycopg.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseUnreachableError(f"cannot reach the database at {shown(url)}: {first}") from exc
    except psycopg.ProgrammingError as exc:  # a malformed connection string
        raise DatabaseUrlError(f"not a usable database URL: {shown(url)}: {exc}") from exc
    # HNSW searches that carry a filter keep scanning until they have enough rows (pgvector >= 0.8)
    connection.execute(f"SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = {EF_SEARCH}")
    if connection.execute("SELECT 1 FROM pg_type WHERE typname = 'vector'").fetchone():
        from pgvector.psycopg import register_vector

        register_vector(connection)  # numpy arrays in and out as pgvector's `vector`
    return connection


def _retryable(exc: BaseException) -> bool:
    """Failures another server may not have: the connection is gone, or this replica has not yet
    replayed the generation being read (its tables do not exist there yet)."""
    psycopg = driver()
    from psycopg import errors

    # SerializationFailure: a standby cancelled the read to replay a dropped generation
    return isinstance(exc, psycopg.OperationalError | errors.UndefinedTable | errors.InvalidSchemaName
                      | errors.UndefinedFunction | errors.SerializationFailure)


class Servers:
    """The primary and its read replicas, shared by every store that reads the same database."""

    _shared: ClassVar[dict[tuple[str, tuple[str, ...]], Servers]] = {}
    _shared_lock = threading.Lock()

    def __init__(self, primary: str, replicas: tuple[str, ...] = ()) -> None:
        self.primary = check_url(primary)
        self.replicas = tuple(check_url(url) for url in replicas)
        self._local = threading.local()
        self._down: dict[str, float] = {}
        self._turn = itertools.count()
        self._lock = threading.Lock()

    @classmethod
    def shared(cls, primary: str, replicas: tuple[str, ...] = ()) -> Servers:
        key = (primary, tuple(replicas))
        with cls._shared_lock:
            if key not in cls._shared:
                cls._shared[key] = cls(primary, tuple(replicas))
            return cls._shared[key]

    def _order(self) -> list[str]:
        """This thread's servers in the order tried: its own replica first, the other replicas, then
        the primary; servers that failed recently go last."""
        start = getattr(self._local, "start", None)
        if start is None:
            start = self._local.start = next(self._turn) % max(1, len(self.replicas))
        replicas = list(self.replicas[start:] + self.replicas[:start])
        servers = [*replicas, self.primary]
        now = time.monotonic()
        with self._lock:
            down = {url for url, until in self._down.items() if until > now}
        return [url for url in servers if url not in down] + [url for url in servers if url in down]

    def _connection(self, url: str):
        connections = getattr(self._local, "connections", None)
        if connections is None:
            connections = self._local.connections = {}
        connection = connections.get(url)
        if connection is None or connection.closed:
            connection = connections[url] = connect(url)
        return connection

    def _failed(self, url: str) -> None:
        with self._lock:
            self._down[url] = time.monotonic() + RETRY_AFTER
        connection = getattr(self._local, "connections", {}).pop(url, None)
        if connection is not None:
            with contextlib.suppress(Exception):  # it is already broken; nothing more to do
                connection.close()

    def read(self, work: Callable[[object], T]) -> T:
        """work(connection) on the first server that can do it; a named error when none can."""
        failures = []
        for url in self._order():
            try:
                result = work(self._connection(url))
            except DatabaseUnreachableError as exc:
                failures.append(str(exc))
            except Exception as exc:
                if not _retryable(exc):
                    raise
                failures.append(f"{shown(url)}: {str(exc).strip().splitlines()[0] if str(exc).strip() else exc!r}")
            else:
                if url in self._down:
                    with self._lock:
                        self._down.pop(url, None)
                return result
            self._failed(url)
        raise DatabaseUnreachableError("no database server answered: " + "; ".join(failures))

    def close(self) -> None:
        """Close this thread's connections."""
        for connection in getattr(self._local, "connections", {}).values():
            connection.close()
        self._local.connections = {}
