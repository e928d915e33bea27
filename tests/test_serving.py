"""`archive api --processes N`: several server processes over one index, a process killed with
SIGKILL replaced while the others go on answering, and the rate limit split between them."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from archive.api.limits import parse_limit, share
from archive.api.live import LiveArchive
from archive.api.serving import server_processes, settings_env
from archive.api.settings import ApiSettings

ROOT = Path(__file__).resolve().parent.parent


def test_each_process_allows_its_share_of_the_limit():
    limit = parse_limit("120/minute")
    assert share(limit, 1) is limit
    assert (share(limit, 3).amount, share(limit, 3).GRANULARITY) == (40, limit.GRANULARITY)
    assert share(parse_limit("5/minute"), 2).amount == 3  # rounded up: never none
    assert share(None, 4) is None


def test_settings_reach_every_process_through_the_environment(monkeypatch):
    settings = ApiSettings(public=True, rate_limit=None, processes=3, cache_size=0, cors_origins=("https://a.org",))
    for name, value in settings_env(settings).items():
        monkeypatch.setenv(name, value)
    again = ApiSettings.from_env()
    assert (again.public, again.rate_limit, again.processes, again.cache_size, again.cors_origins) == \
        (True, None, 3, 0, ("https://a.org",))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> set[int]:
    return set(server_processes(pid))


def _get(port: int, path: str) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"{}")
    finally:
        connection.close()


def _wait(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("timed out")


def test_two_processes_answer_and_a_killed_one_comes_back(hash_index, tmp_path):
    port = _free_port()
    env = {**os.environ, "ARCHIVE_FEEDS_DB": str(tmp_path / "feeds.db")}
    command = [sys.executable, "-m", "archive.cli", "api", "--port", str(port), "--processes", "2",
               "--index-dir", str(hash_index), "--rate-limit", "off", "--cache-size", "0"]
    with open(tmp_path / "server.log", "w") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait(lambda: len(_children(server.pid)) >= 2 and _get(port, "/health")[0] == 200)
        status, body = _get(port, "/ask?q=What+was+the+UASC+figure+in+January+2024")
        assert status == 200 and body["answer"]
        first = _children(server.pid)
        victim = sorted(first)[0]
        os.kill(victim, signal.SIGKILL)
        # the other process goes on answering while the supervisor starts a new one
        assert _get(port, "/search?q=foster+carers")[0] == 200
        _wait(lambda: len(_children(server.pid) - {victim}) >= 2)
        replaced = _children(server.pid)
        assert victim not in replaced and len(replaced - first) == 1
        statuses = [_get(port, "/search?q=children+in+care")[0] for _ in range(6)]
        assert statuses == [200] * 6
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    assert "Traceback" not in (tmp_path / "server.log").read_text()


def test_a_server_whose_generation_was_removed_switches_at_once(small_corpus, tmp_path):
    """Two builds while a server waits out its check interval: the generation it serves is removed
    (a build keeps only the new one and the one before), so it opens the live one at once."""
    from archive import Archive
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder
    from archive.index.format import current_generation

    index_dir = tmp_path / "index"
    quiet = {"progress": False, "log": lambda message: None}
    build_index(small_corpus, index_dir, HashEmbedder(), **quiet)
    live = LiveArchive(Archive.open(index_dir, embedder=HashEmbedder()), index_dir, check_every=3600)
    served = live.archive.generation
    for text in ("The council spent 2.1m on road resurfacing in 2023.", "Library hours were cut in 2024."):
        (small_corpus / f"new-{len(text)}.txt").write_text(f"Title of report: Roads\n\n{text}\n")
        build_index(small_corpus, index_dir, HashEmbedder(), **quiet)
    assert not served.exists()
    assert live.current().generation == current_generation(index_dir)
    assert live.current().search("road resurfacing", k=1)
