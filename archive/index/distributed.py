"""Embedding spread over a Ray cluster, for `archive index --workers ray://HOST:PORT` or `local:N`.

Only the embedding moves: `RayEmbedder` has the Embedder interface (name, dim, encode), so the build
(reading, chunking, SQLite, FAISS, publishing the generation) runs in the driver unchanged. Each
worker is a Ray actor that loads the embedder once, by the same choice name the driver was given, from
the model files installed on its own machine. A call to `encode` cuts the texts into shards in order,
hands them to whichever worker is free, and puts the results back in order, so the vectors are those a
single process would have produced.

A lost worker (its process or machine gone): the shards it held go to the remaining workers. The
actors are not restarted by Ray (max_restarts=0), since Ray's own task retries resend a task to the
same actor, not to another one; the driver does the resending. When no worker is left the build stops
with WorkersLostError, and the previous generation stays published.

Ray is imported only here, and only when a build asks for workers.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
from collections import deque
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from archive.errors import WorkersError, WorkersLostError

SHARD = 256  # texts per task: a multiple of the sentence-transformers batch (32), small enough to balance
IN_FLIGHT = 2  # shards queued per worker: one running, one waiting, so a worker never idles on the driver
CONNECT_ATTEMPTS = 3  # to a ray:// address that answers but fails to start this client's server
START_TIMEOUT = 600  # seconds for every worker to load its embedder (a busy or small cluster queues them)
LOCAL_OBJECT_STORE = 256 * 2**20  # bytes of shared memory for a local cluster; shards' vectors are small
# One thread per worker: N workers on N cores, none oversubscribing the others.
WORKER_ENV = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false",
              "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HUB_DISABLE_PROGRESS_BARS": "1"}


def parse_workers(spec: str) -> tuple[str, int | None]:
    """"local:N" -> ("local", N); "ray://HOST:PORT" -> (the address, None: one worker per cluster CPU)."""
    kind, _, rest = spec.partition(":")
    if kind == "local":
        if not rest.isdigit() or int(rest) < 1:
            raise WorkersError(f"--workers {spec}: give local:N with N a number of workers, e.g. local:2")
        return "local", int(rest)
    if kind == "ray":
        parts = urlsplit(spec)
        try:
            port = parts.port
        except ValueError:
            port = None
        if not parts.hostname or port is None:
            raise WorkersError(f"--workers {spec}: give ray://HOST:PORT, the head node's Ray client port (10001)")
        return spec, None
    raise WorkersError(f"--workers {spec}: use ray://HOST:PORT (an existing Ray cluster) or local:N")


def _answers(address: str, timeout: float = 5.0) -> None:
    """Fail at once, by name, when nothing listens at a ray:// address (Ray's client retries for 30 s)."""
    parts = urlsplit(address)
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=timeout).close()
    except OSError as exc:
        raise WorkersError(f"the Ray cluster at {address} does not answer ({exc.strerror or exc})") from exc


def _first_line(exc: BaseException | None) -> str:
    """The gist of a Ray error: the worker's own exception when there is one, else the first line."""
    cause = getattr(exc, "cause", None)
    if isinstance(cause, BaseException):
        exc = cause
    lines = [line for line in str(exc).splitlines() if line.strip()]
    if getattr(exc, "actor_init_failed", False):  # the message ends with the constructor's traceback
        return lines[-1].strip()
    return f"{type(exc).__name__}: {lines[0].strip()}" if lines else type(exc).__name__


def _send_token() -> None:
    """Ray clusters ask for a token by default (Ray 2.5x on), but its client sends one only when told to."""
    if "RAY_AUTH_MODE" in os.environ:
        return
    if os.environ.get("RAY_AUTH_TOKEN") or os.environ.get("RAY_AUTH_TOKEN_PATH") or (
        Path.home() / ".ray" / "auth_token"
    ).exists():
        os.environ["RAY_AUTH_MODE"] = "token"


def _import_ray():
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
    except ImportError as exc:
        raise WorkersError("--workers needs Ray: pip install 'council-archive[distributed]'") from exc
    return ray


class EmbedWorker:
    """The body of one Ray actor: one embedder, loaded once, single-threaded."""

    def __init__(self, choice: str) -> None:
        os.environ.update(WORKER_ENV)  # a worker process of its own: read by the model libraries as they load
        from archive.index.embed import OnnxEmbedder, SentenceTransformerEmbedder, get_embedder

        self.embedder = get_embedder(choice)
        if isinstance(self.embedder, OnnxEmbedder):
            self.embedder.workers = 1  # its session is single-threaded already; this drops its thread pool
        if isinstance(self.embedder, SentenceTransformerEmbedder):
            import torch

            torch.set_num_threads(1)

    def describe(self) -> tuple[str, int, int]:
        """(embedder name, dimension, process id): the id lets a test kill this worker."""
        return self.embedder.name, self.embedder.dim, os.getpid()

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.embedder.encode(texts)


class RayEmbedder:
    """An Embedder whose `encode` runs on Ray actors; use it as a context manager, or call close().

    `local:N` starts a private local cluster with N CPUs and `ray://` connects to one; close() stops or
    leaves it. A process already connected to Ray keeps its connection: the workers are started there,
    and the connection is left open (tests share one cluster that way). `after_shard(done)` is called
    after each finished shard (progress, tests).
    """

    def __init__(self, choice: str | None, workers: str, shard: int = SHARD,
                 after_shard: Callable[[int], None] | None = None) -> None:
        from archive.index.embed import DEFAULT_EMBEDDER

        # resolved here: a worker on another machine sees neither this process's options nor its environment
        choice = choice or os.environ.get("ARCHIVE_EMBEDDER") or DEFAULT_EMBEDDER
        address, count = parse_workers(workers)
        if address != "local":
            _answers(address)
            _send_token()  # before Ray is imported: it reads the mode once
        self.ray = _import_ray()
        self.shard, self.after_shard = shard, after_shard
        self._owns_connection = not self.ray.is_initialized()
        self.actors: list = []
        try:
            if self._owns_connection:
                self._connect(address, count)
            count = count or max(1, int(self.ray.cluster_resources().get("CPU", 1)))
            actor = self.ray.remote(num_cpus=1, max_restarts=0, max_task_retries=0)(EmbedWorker)
            self.actors = [actor.remote(choice) for _ in range(count)]
            described = self._get([a.describe.remote() for a in self.actors], f"loading embedder {choice!r}",
                                  timeout=START_TIMEOUT)
        except BaseException:
            self.close()
            raise
        names = {(name, dim) for name, dim, _ in described}
        if len(names) != 1:
            self.close()
            raise WorkersError(f"the workers loaded different embedders: {sorted(names)}")
        (self.name, self.dim), = names
        self.pids = [pid for _, _, pid in described]
        self.live = list(self.actors)

    def _connect(self, address: str, count: int | None) -> None:
        # No runtime_env: each worker sets WORKER_ENV itself, before it imports a model library, and a
        # runtime_env would add a set-up step to every ray:// connection.
        options = {"logging_level": logging.ERROR, "log_to_driver": False}
        if address == "local":
            # Ray starts its workers at nice 15; here they stand in for this process, which runs at 0
            os.environ.setdefault("RAY_worker_niceness", "0")
            try:
                self.ray.init(address="local", num_cpus=count, include_dashboard=False,
                              object_store_memory=LOCAL_OBJECT_STORE, **options)
            except Exception as exc:  # Ray raises RuntimeError, ValueError or its own kinds
                raise WorkersError(f"could not start a local Ray cluster: {_first_line(exc)}") from exc
            return
        for attempt in range(1, CONNECT_ATTEMPTS + 1):
            try:
                self.ray.init(address=address, **options)
                return
            except ConnectionAbortedError as exc:
                # The head forks a server process per client, which now and then dies in the fork
                # (ray-project/ray#63202); a new connection gets a new one.
                self.ray.shutdown()
                if attempt == CONNECT_ATTEMPTS:
                    raise WorkersError(f"the Ray cluster at {address} failed to serve this client "
                                       f"{attempt} times: {_first_line(exc)}") from exc
            except Exception as exc:  # Ray raises ConnectionError, RuntimeError or its own kinds
                hint = ("; a cluster with token authentication (Ray's default) needs its token here, in "
                        "~/.ray/auth_token or RAY_AUTH_TOKEN") if "timeout" in str(exc) else ""
                raise WorkersError(f"could not reach the Ray cluster {address}: {_first_line(exc)}{hint}") from exc

    def _get(self, refs: list, doing: str, timeout: float | None = None) -> list:
        try:
            return self.ray.get(refs, timeout=timeout)
        except self.ray.exceptions.GetTimeoutError as exc:
            message = f"the Ray workers were still {doing} after {timeout} s (too few free CPUs in the cluster?)"
            raise WorkersError(message) from exc
        except self.ray.exceptions.RayError as exc:
            raise WorkersError(f"a worker failed while {doing}: {_first_line(exc)}") from exc

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        shards = [texts[i : i + self.shard] for i in range(0, len(texts), self.shard)]
        results: list[np.ndarray | None] = [None] * len(shards)
        waiting = deque(range(len(shards)))
        running: dict = {}  # object ref -> (shard number, actor)
        done, lost = 0, None
        while waiting or running:
            for actor in self.live:
                busy = sum(1 for _, holder in running.values() if holder is actor)
                while waiting and busy < IN_FLIGHT:
                    number = waiting.popleft()
                    running[actor.encode.remote(shards[number])] = (number, actor)
                    busy += 1
            if not running:
                raise WorkersLostError(f"every Ray worker was lost ({len(self.actors)} started): {_first_line(lost)}")
            (ref,), _ = self._wait(list(running))
            number, actor = running.pop(ref)
            try:
                results[number] = self.ray.get(ref)
            except ConnectionError as exc:  # a ray:// client whose cluster went away for good
                raise WorkersLostError(f"lost the connection to the Ray cluster: {_first_line(exc)}") from exc
            except self.ray.exceptions.RayActorError as exc:
                lost = exc
                if actor in self.live:
                    self.live.remove(actor)
                waiting.appendleft(number)  # to a remaining worker; results are placed by shard number
                continue
            except self.ray.exceptions.RayTaskError as exc:
                raise WorkersError(f"a worker could not embed a shard: {_first_line(exc)}") from exc
            done += 1
            if self.after_shard:
                self.after_shard(done)
        return np.concatenate(results)

    def _wait(self, refs: list) -> tuple[list, list]:
        try:
            return self.ray.wait(refs, num_returns=1)
        except ConnectionError as exc:
            raise WorkersLostError(f"lost the connection to the Ray cluster: {_first_line(exc)}") from exc

    def close(self) -> None:
        for actor in self.actors:
            with contextlib.suppress(Exception):  # already gone, or so is the connection
                self.ray.kill(actor)
        self.actors, self.live = [], []
        if self._owns_connection and self.ray.is_initialized():
            self.ray.shutdown()

    def __enter__(self) -> RayEmbedder:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
