"""The HTTP API (archive/api/) through FastAPI's TestClient and a real uvicorn server, on the shipped
corpus indexed with the hash embedder: the CLI's JSON byte for byte, limits, public mode, and a
schema fuzz (schemathesis + hypothesis) that must never see a 500."""

from __future__ import annotations

import json
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from archive.api.app import create_app
from archive.api.settings import ApiSettings
from archive.cli import cli

UASC = "What was the UASC figure in January 2024?"


def settings(tmp_path: Path, **overrides) -> ApiSettings:
    return ApiSettings(**{"rate_limit": None, "feeds_path": tmp_path / "feeds.db", **overrides})


@pytest.fixture()
def client(hash_archive, tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_FEEDBACK_DB", str(tmp_path / "feedback.db"))
    with TestClient(create_app(hash_archive, settings(tmp_path))) as test_client:
        yield test_client


def cli_json(hash_index, *args) -> str:
    result = CliRunner().invoke(cli, [*args, "--index-dir", str(hash_index)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output.strip()


# -- the CLI's JSON -----------------------------------------------------------------------------------
def test_ask_returns_exactly_what_ask_json_prints(client, hash_index):
    response = client.get("/ask", params={"q": UASC, "k": 3})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.text == cli_json(hash_index, "ask", UASC, "-k", "3", "--json")
    assert response.json()["answer"] == "38"


def test_search_with_filters_returns_exactly_what_search_json_prints(client, hash_index):
    params = {"q": "children in care", "k": 4, "committee": "Children", "from": "2021-01-01", "to": "2024-12-31",
              "type": "report", "mode": "lexical"}
    response = client.get("/search", params=params)
    assert response.status_code == 200
    expected = cli_json(hash_index, "search", "children in care", "-k", "4", "--committee", "Children", "--from",
                        "2021-01-01", "--to", "2024-12-31", "--type", "report", "--mode", "lexical", "--json")
    assert response.text == expected
    hits = response.json()["hits"]
    assert hits and all(h["doc_type"] == "report" and "Children" in h["committee"] for h in hits)


def test_meeting_and_council_filters_match_the_cli(client, hash_index):
    response = client.get("/search", params={"q": "minutes", "meeting": "2024-03-12"})
    assert response.text == cli_json(hash_index, "search", "minutes", "--meeting", "2024-03-12", "--json")
    council = client.get("/ask", params={"q": UASC, "council": "Herefordshire"})
    assert council.text == cli_json(hash_index, "ask", UASC, "--council", "Herefordshire", "--json")
    nowhere = client.get("/search", params={"q": "children", "council": "Nowhere Borough"})
    assert nowhere.text == cli_json(hash_index, "search", "children", "--council", "Nowhere Borough", "--json")


def test_records_match_the_cli(client, hash_index):
    figures = client.get("/figures", params={"measure": "children in care"})
    assert figures.json() == json.loads(cli_json(hash_index, "figures", "children in care", "--json"))
    assert figures.json()["points"]
    commitments = client.get("/commitments", params={"owner": "Director", "status": "no follow-up found"})
    assert commitments.json() == json.loads(cli_json(hash_index, "commitments", "--owner", "Director", "--status",
                                                     "no follow-up found", "--json"))
    questions = client.get("/questions", params={"questioner": ""})
    assert questions.json() == json.loads(cli_json(hash_index, "questions", "--json"))
    assert questions.json()


def test_meetings_papers_and_parts(client, hash_archive):
    meetings = client.get("/meetings").json()
    assert {"committee": "Council", "meeting_date": "2022-09-30"}.items() <= meetings[-1].items() or any(
        m["committee"] == "Council" and m["meeting_date"] == "2022-09-30" for m in meetings)
    pack = "2024-03-12-cyp-scrutiny-agenda-pack.txt"
    paper = client.get(f"/papers/{pack}").json()
    assert paper["doc_id"] == pack and len(paper["parts"]) == len(hash_archive.document_parts(pack)) > 1
    part = paper["parts"][1]
    read = client.get(f"/papers/{pack}/parts/{part['part_id']}").json()
    assert read["title"] == part["title"] and read["paper"]["doc_id"] == pack
    assert [p["text"] for p in read["passages"]] == [c.text for c in hash_archive.part_chunks(pack, part["part_id"])]
    assert client.get("/papers/no-such-paper.txt").status_code == 404
    assert client.get(f"/papers/{pack}/parts/999").status_code == 404


def test_health_names_the_index(client, hash_archive):
    health = client.get("/health").json()
    assert health["status"] == "ok"
    assert health["index"]["generation"] == hash_archive.generation.name
    assert health["index"]["format_version"] == hash_archive.manifest["format_version"]
    assert health["counts"] == {"documents": 5, "meetings": hash_archive.stats()["meetings"],
                                "chunks": hash_archive.chunk_count}
    assert health["model"] == "hash-256"


def test_openapi_schema_and_docs(client):
    schema = client.get("/openapi.json").json()
    for path in ("/ask", "/search", "/commitments", "/figures", "/questions", "/meetings", "/health",
                 "/feeds", "/feeds/{feed_id}.atom", "/papers/{doc_id}", "/papers/{doc_id}/parts/{part_id}"):
        assert path in schema["paths"], path
    names = {p["name"] for p in schema["paths"]["/search"]["get"]["parameters"]}
    assert names == {"q", "k", "council", "committee", "from", "to", "type", "meeting", "mode"}
    docs = client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_repeated_requests_are_answered_from_the_cache(hash_archive, tmp_path):
    for size, hits in ((8, 2), (0, 0)):
        app = create_app(hash_archive, settings(tmp_path, cache_size=size), warm_up=False)
        with TestClient(app) as client:
            first = client.get("/ask", params={"q": UASC, "k": 2})
            assert client.get("/ask", params={"q": UASC, "k": 2}).content == first.content
            assert client.get("/ask", params={"q": UASC, "k": 3}).content != first.content  # k is in the key
            assert client.get("/search", params={"q": "UASC", "committee": "Council"}).status_code == 200
            again = client.get("/search", params={"q": "UASC", "committee": "Council"})
            assert again.headers["content-type"] == first.headers["content-type"] == "application/json"
            assert app.state.cache.hits == hits


# -- bad parameters: 422 naming the parameter --------------------------------------------------------
@pytest.mark.parametrize(("params", "name"), [
    ({"q": "x" * 501}, "q"),
    ({"q": "   "}, "q"),
    ({}, "q"),
    ({"q": "care", "k": 0}, "k"),
    ({"q": "care", "k": 51}, "k"),
    ({"q": "care", "k": "five"}, "k"),
    ({"q": "care", "from": "2024-02-30"}, "from"),
    ({"q": "care", "to": "March 2024"}, "to"),
    ({"q": "care", "meeting": "2024-13-01"}, "meeting"),
    ({"q": "care", "type": "t" * 201}, "type"),
    ({"q": "care", "council": "c" * 201}, "council"),
])
def test_bad_parameters_are_422_naming_the_parameter(client, params, name):
    for endpoint in ("/ask", "/search"):
        response = client.get(endpoint, params=params)
        assert response.status_code == 422, response.text
        body = response.json()
        assert body["error"] == "invalid_parameter"
        assert body["message"].startswith(f"{name}: ")
        assert [d["loc"][-1] for d in body["detail"]] == [name]


def test_other_endpoints_reject_bad_values(client):
    assert client.get("/search", params={"q": "care", "mode": "psychic"}).json()["message"].startswith("mode: ")
    assert client.get("/commitments", params={"status": "done"}).json()["message"].startswith("status: ")
    assert client.get("/figures").json()["message"].startswith("measure: ")
    assert client.get("/papers/x.txt/parts/-1").json()["message"].startswith("part_id: ")
    assert client.get("/feeds/NOT-AN-ID.atom").status_code == 422


# -- limits ---------------------------------------------------------------------------------------------
def test_past_the_rate_limit_a_client_gets_429_with_retry_after(hash_archive, tmp_path):
    app = create_app(hash_archive, settings(tmp_path, rate_limit="3/minute"), warm_up=False)
    with TestClient(app) as client:
        assert [client.get("/search", params={"q": "care"}).status_code for _ in range(3)] == [200] * 3
        refused = client.get("/ask", params={"q": "care"})
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["Retry-After"]) <= 60
        assert refused.json()["error"] == "rate_limited" and "rate limit of 3 per 1 minute" in refused.json()["detail"]
        assert client.get("/health").status_code == 200  # health checks are not counted


def test_time_limit_gives_503_and_the_server_goes_on(hash_archive, tmp_path):
    release = threading.Event()

    class Stuck:
        """The archive, but ask blocks until the test releases it."""

        def __getattr__(self, name):
            return getattr(hash_archive, name)

        def ask(self, *args, **kwargs):
            release.wait(30)
            return hash_archive.ask(*args, **kwargs)

    app = create_app(Stuck(), settings(tmp_path, time_limit=0.5, workers=2), warm_up=False)
    try:
        with TestClient(app) as client:
            slow = client.get("/ask", params={"q": UASC})
            assert slow.status_code == 503
            assert slow.json()["error"] == "time_limit" and "0.5 s" in slow.json()["detail"]
            assert slow.headers["Retry-After"]
            assert client.get("/search", params={"q": "UASC"}).status_code == 200  # a thread is still free
            assert client.get("/health").status_code == 200
    finally:
        release.set()


def test_public_mode_has_no_write_endpoint_and_shorter_questions(hash_archive, tmp_path):
    app = create_app(hash_archive, settings(tmp_path, public=True, max_query=300), warm_up=False)
    with TestClient(app) as client:
        schema = client.get("/openapi.json").json()
        methods = {m for operations in schema["paths"].values() for m in operations}
        assert methods == {"get"}
        refused = client.post("/feeds", json={"q": "UASC"})
        assert refused.status_code == 405 and "read-only" in refused.json()["detail"]
        assert client.post("/feedback", json={"question": "q", "verdict": "wrong"}).status_code in (404, 405)
        assert client.get("/ask", params={"q": "x" * 301}).status_code == 422
        assert client.get("/health").json()["public"] is True


def test_public_mode_from_the_environment(monkeypatch):
    monkeypatch.setenv("ARCHIVE_PUBLIC", "1")
    monkeypatch.setenv("ARCHIVE_API_RATE_LIMIT", "30/minute")
    chosen = ApiSettings.from_env(time_limit=2.0)
    assert chosen.public and chosen.max_query == 300 and chosen.rate_limit == "30/minute" and chosen.time_limit == 2
    assert ApiSettings.from_env(rate_limit="off").rate_limit is None


def test_cors_is_configurable(hash_archive, tmp_path):
    origin = "https://newsroom.example"
    with TestClient(create_app(hash_archive, settings(tmp_path, cors_origins=(origin,)), warm_up=False)) as client:
        response = client.get("/health", headers={"Origin": origin})
        assert response.headers["access-control-allow-origin"] == origin
        other = client.get("/health", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers
    with TestClient(create_app(hash_archive, settings(tmp_path), warm_up=False)) as client:
        assert "access-control-allow-origin" not in client.get("/health", headers={"Origin": origin}).headers


def test_feedback_is_recorded_and_its_size_capped(client, tmp_path):
    from archive.web import feedback

    saved = client.post("/feedback", json={"question": UASC, "answer": "38", "verdict": "helpful", "chunk_id": 3})
    assert saved.status_code == 201
    (entry,) = feedback.entries(tmp_path / "feedback.db")
    assert entry["verdict"] == "helpful" and entry["question"] == UASC
    assert client.post("/feedback", json={"question": UASC, "verdict": "great"}).status_code == 422
    long = client.post("/feedback", json={"question": UASC, "verdict": "wrong", "comment": "x" * 2001})
    assert long.status_code == 422 and long.json()["message"].startswith("comment: ")
    huge = client.post("/feedback", content=b'{"question": "' + b"x" * 20_000 + b'"}',
                       headers={"Content-Type": "application/json"})
    assert huge.status_code == 413
    assert len(feedback.entries(tmp_path / "feedback.db")) == 1


# -- a real server under concurrent requests ------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_concurrent_requests_on_a_real_server_get_the_sequential_answers(hash_archive, tmp_path):
    import uvicorn

    questions = [UASC, "How many children live with kinship carers?", "children in care 2022/23",
                 "What is the average weekly cost of a residential placement?"]
    expected = {q: json.dumps(__import__("archive.ask.cite", fromlist=["answer_json"]).answer_json(
        hash_archive.ask(q, k=3)), ensure_ascii=False) for q in questions}
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(hash_archive, settings(tmp_path, workers=4), warm_up=False),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.time() + 30
        while not server.started and time.time() < deadline:
            time.sleep(0.05)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http, ThreadPoolExecutor(16) as pool:
            responses = list(pool.map(lambda q: (q, http.get("/ask", params={"q": q, "k": 3})), questions * 8))
        assert all(r.status_code == 200 for _, r in responses)
        assert all(r.text == expected[q] for q, r in responses)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


# -- fuzzing the schema -------------------------------------------------------------------------------
def test_fuzzed_requests_never_get_a_server_error(hash_archive, tmp_path, monkeypatch):
    """Positive and negative cases generated from the OpenAPI schema (schemathesis) for every
    operation, including writes: any status but a 5xx, and every error is JSON."""
    import schemathesis
    from hypothesis import HealthCheck, given
    from hypothesis import settings as hypothesis_settings
    from hypothesis import strategies as st

    monkeypatch.setenv("ARCHIVE_FEEDBACK_DB", str(tmp_path / "feedback.db"))
    app = create_app(hash_archive, settings(tmp_path, write_rate_limit=None), warm_up=False)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    modes = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
    cases = st.one_of(*(schema.as_strategy(generation_mode=mode) for mode in modes))
    seen: dict[int, int] = {}

    @hypothesis_settings(max_examples=300, deadline=None, derandomize=True, database=None,
                         suppress_health_check=list(HealthCheck))
    @given(case=cases)
    def check(case):
        response = case.call()
        seen[response.status_code] = seen.get(response.status_code, 0) + 1
        assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"
        if response.status_code >= 400:
            assert "error" in response.json() or "detail" in response.json()

    check()
    assert seen.get(200, 0) + seen.get(201, 0) > 10 and seen.get(422, 0) > 10, seen
