"""The distributed build (`archive index --workers`): the same vectors and answers as one process,
a lost worker's shards finished by the others, every worker lost -> a named error with the previous
generation still answering, and clear errors for a bad address or a missing Ray.

One local two-CPU Ray instance serves the in-process tests (RayEmbedder uses a connection that is
already open and leaves it open); one test runs the CLI in a subprocess, which starts and stops its own.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from archive.build.indexer import build_index
from archive.cli import cli
from archive.errors import WorkersError, WorkersLostError
from archive.index import dense, format
from archive.index.distributed import LOCAL_OBJECT_STORE, RayEmbedder
from archive.index.embed import HashEmbedder
from tests.conftest import CORPUS, QUESTIONS, ROOT

os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
ray = pytest.importorskip("ray")  # the `test` extra installs it; archive.index.distributed imports it lazily

QUIET = {"progress": False, "log": lambda message: None}


@pytest.fixture(scope="module")
def ray_cluster():
    ray.init(address="local", num_cpus=2, include_dashboard=False, object_store_memory=LOCAL_OBJECT_STORE,
             logging_level=logging.ERROR, log_to_driver=False)
    yield
    ray.shutdown()


def matrix(index_dir: Path) -> np.ndarray:
    return np.array(dense.load_matrix(format.current_generation(index_dir) / dense.MATRIX))


def answers(index_dir: Path) -> list[dict]:
    """`archive ask --jsonl` over the shipped questions: every answer, quote, note and citation."""
    questions = "\n".join(json.loads(line)["question"] for line in QUESTIONS.open() if line.strip())
    result = CliRunner().invoke(cli, ["ask", "--jsonl", "--index-dir", str(index_dir)], input=questions,
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    # Ray's driver prints a killed worker's notice to stdout, whoever holds it: keep the JSON lines
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def raylets() -> set[int]:
    """Process ids of the Ray node processes running on this machine (each cluster has one)."""
    found = set()
    for status in Path("/proc").glob("[0-9]*/comm"):
        with contextlib.suppress(OSError):  # gone since the listing
            if status.read_text().strip() == "raylet":
                found.add(int(status.parent.name))
    return found


def test_two_workers_give_the_same_vectors_and_answers(ray_cluster, hash_index, tmp_path):
    with RayEmbedder("hash", "local:2", shard=32) as embedder:
        assert len(set(embedder.pids)) == 2
        report = build_index(CORPUS, tmp_path / "index", embedder, **QUIET)
    assert report.embedded == report.chunks > 32 * 4
    assert np.array_equal(matrix(tmp_path / "index"), matrix(hash_index))
    assert answers(tmp_path / "index") == answers(hash_index)


def test_a_worker_lost_mid_build_leaves_its_shards_to_the_other(ray_cluster, hash_index, tmp_path):
    killed = []

    def kill_one(done: int) -> None:
        if done == 1 and not killed:  # one shard back, dozens still to go (the sentences' pass counts again)
            killed.append(embedder.pids[0])
            os.kill(embedder.pids[0], signal.SIGKILL)

    with RayEmbedder("hash", "local:2", shard=8, after_shard=kill_one) as embedder:
        build_index(CORPUS, tmp_path / "index", embedder, **QUIET)
        assert len(embedder.live) == 1
    assert np.array_equal(matrix(tmp_path / "index"), matrix(hash_index))


def test_every_worker_lost_fails_by_name_and_the_previous_index_answers(ray_cluster, small_corpus, tmp_path):
    index_dir = tmp_path / "index"
    build_index(small_corpus, index_dir, HashEmbedder(), **QUIET)
    before, answered = format.current_generation(index_dir), answers(index_dir)

    def kill_all(done: int) -> None:
        if done == 1:
            for pid in embedder.pids:
                os.kill(pid, signal.SIGKILL)

    with RayEmbedder("hash", "local:2", shard=8, after_shard=kill_all) as embedder, \
            pytest.raises(WorkersLostError, match="every Ray worker was lost"):
        build_index(CORPUS, index_dir, embedder, **QUIET)  # the whole corpus: new papers to embed
    assert format.current_generation(index_dir) == before
    assert not list(index_dir.glob(".building-*"))
    assert answers(index_dir) == answered


def test_the_cli_starts_and_stops_its_own_local_cluster(hash_index, tmp_path):
    before = raylets()
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    command = [sys.executable, "-m", "archive.cli", "index", str(CORPUS), "--index-dir", str(tmp_path / "index"),
               "--embedder", "hash", "--workers", "local:2", "--quiet"]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert np.array_equal(matrix(tmp_path / "index"), matrix(hash_index))
    assert raylets() - before == set()  # its cluster stopped with it


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture()
def ray_head(tmp_path):
    """A one-machine Ray cluster started as an operator would (`ray start --head`), on free ports;
    `--block` keeps it in the foreground, so stopping that one process stops the whole cluster."""
    client, gcs, agent = free_port(), free_port(), free_port()
    command = [str(Path(sys.executable).parent / "ray"), "start", "--head", "--block", f"--port={gcs}",
               f"--ray-client-server-port={client}", f"--dashboard-agent-listen-port={agent}", "--num-cpus=2",
               "--include-dashboard=false", f"--object-store-memory={LOCAL_OBJECT_STORE}", "--disable-usage-stats"]
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    log = tmp_path / "head.log"
    with log.open("w") as stderr:
        head = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            deadline = time.monotonic() + 120
            while not answering(client):
                assert head.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "the Ray head did not start"
                time.sleep(0.5)
            yield f"ray://127.0.0.1:{client}"
        finally:
            head.terminate()  # `ray start --block` stops its cluster's processes on SIGTERM
            try:
                head.wait(timeout=60)
            except subprocess.TimeoutExpired:
                head.kill()
                head.wait()


def answering(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_an_existing_cluster_by_its_ray_address(ray_head, hash_index, tmp_path):
    # Usually about 10 s; 30-40 s more when the head's per-client server dies starting (ray-project/ray#63202,
    # about one connection in seven here) and the build connects again.
    before = raylets()
    command = [sys.executable, "-m", "archive.cli", "index", str(CORPUS), "--index-dir", str(tmp_path / "index"),
               "--embedder", "hash", "--workers", ray_head, "--quiet"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert np.array_equal(matrix(tmp_path / "index"), matrix(hash_index))
    assert raylets() == before  # the build used the cluster and left it running


def test_a_client_server_that_dies_starting_is_asked_for_again():
    """The head's per-client server sometimes dies as it is forked (ray-project/ray#63202)."""
    calls = []

    class FlakyHead:
        def init(self, address, **options):
            calls.append(address)
            if len(calls) < 3:
                raise ConnectionAbortedError("Initialization failure from server:\nStarting Ray client server failed")

        def shutdown(self):
            pass

    embedder = RayEmbedder.__new__(RayEmbedder)
    embedder.ray = FlakyHead()
    embedder._connect("ray://head:10001", None)
    assert calls == ["ray://head:10001"] * 3


@pytest.mark.parametrize("workers, message", [
    (f"ray://127.0.0.1:{free_port()}", "does not answer"),
    ("ray://nowhere", "give ray://HOST:PORT"),
    ("local:0", "give local:N"),
    ("dask://host:8786", "use ray://HOST:PORT"),
])
def test_a_bad_workers_value_is_a_clear_error(workers, message, tmp_path):
    result = CliRunner().invoke(cli, ["index", str(CORPUS), "--index-dir", str(tmp_path / "index"),
                                      "--embedder", "hash", "--workers", workers, "--quiet"])
    assert result.exit_code == 1
    assert message in result.output
    assert format.current_generation(tmp_path / "index") is None


def test_a_worker_that_cannot_load_the_embedder_says_why(ray_cluster):
    with pytest.raises(WorkersError, match=r"loading embedder 'word2vec': .*unknown embedder 'word2vec'"):
        RayEmbedder("word2vec", "local:2")


def test_without_ray_installed_the_error_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now raises ImportError
    with pytest.raises(WorkersError, match=r"pip install 'council-archive\[distributed\]'"):
        RayEmbedder("hash", "local:2")


@pytest.mark.slow
def test_the_default_model_gives_the_same_vectors_and_answers(ray_cluster, tmp_path):
    from archive.index.embed import get_embedder

    build_index(CORPUS, tmp_path / "single", get_embedder("onnx-fp32"), **QUIET)
    with RayEmbedder("onnx-fp32", "local:2") as embedder:
        build_index(CORPUS, tmp_path / "ray", embedder, **QUIET)
    # one text per single-threaded ONNX run, here and in each worker: the same arithmetic, the same bits
    assert np.array_equal(matrix(tmp_path / "ray"), matrix(tmp_path / "single"))
    assert answers(tmp_path / "ray") == answers(tmp_path / "single")


@pytest.mark.slow
def test_the_torch_model_gives_the_same_vectors_within_float_rounding(ray_cluster, real_embedder, small_corpus,
                                                                      tmp_path):
    build_index(small_corpus, tmp_path / "single", real_embedder, **QUIET)
    with RayEmbedder("minilm", "local:2", shard=32) as embedder:
        build_index(small_corpus, tmp_path / "ray", embedder, **QUIET)
    # batches of 32 padded differently, one torch thread instead of two: float32 rounding apart at most
    np.testing.assert_allclose(matrix(tmp_path / "ray"), matrix(tmp_path / "single"), atol=1e-5)
