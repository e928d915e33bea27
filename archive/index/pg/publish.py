"""Publishing a built embedded generation to PostgreSQL (`archive publish`): the build stays local
(one place that parses and embeds), the database gets a copy readers can share.

Atomic for readers: the generation is loaded into a new schema no reader looks at, indexed and
analysed, and only then does one transaction record it and point `archive_meta.current` at it. An
interrupted publish leaves an unreferenced schema (dropped by the next publish) and the previous
generation answering. One publisher at a time (an advisory lock). The two newest generations are
kept, so readers that opened the previous one finish what they are doing before it goes."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from archive.errors import DatabaseError
from archive.index import dense, format, sentences, store
from archive.index.pg import schema
from archive.index.pg.servers import EF_SEARCH, connect, driver, shown

LOCK_KEY = 0x61726368  # advisory lock held by the one publisher
KEEP = 2  # generations kept: the live one and the one before it
HNSW = {"m": 16, "ef_construction": 128}  # 64 (the default) capped recall@10 near 0.945 at 100k chunks
BATCH = 20_000  # rows read from SQLite at a time
MAINTENANCE_WORK_MEM = "2GB"  # this session's: an HNSW graph built in memory is built many times faster
MAX_LEXEME = 2046  # bytes PostgreSQL allows in one lexeme (longer FTS5 tokens are never asked for)


@dataclass
class PublishReport:
    name: str = ""
    chunks: int = 0
    seconds: float = 0.0
    dropped: tuple[str, ...] = ()


def _rows(connection: sqlite3.Connection, query: str):
    cursor = connection.cursor()
    cursor.row_factory = None
    cursor.execute(query)
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def _copy(target, table: str, columns: str, rows) -> int:
    count = 0
    with target.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def _terms_query() -> str:
    """Each chunk's FTS5 tokens as a tsvector literal ('token':position ...) and its token count,
    read from the FTS index itself (fts5vocab), so PostgreSQL holds exactly what FTS5 ranks."""
    token = "'''' || replace(replace(term, '\\', '\\\\'), '''', '''''') || ''':' || min(offset + 1, 16383)"
    return (f"SELECT doc, group_concat(CASE WHEN length(CAST(term AS BLOB)) <= {MAX_LEXEME} THEN {token} END, ' '),"
            " count(*) FROM temp.fts_instances GROUP BY doc ORDER BY doc")


def _chunk_rows(connection: sqlite3.Connection):
    """Chunk rows in rowid order with their terms and length (a chunk with no tokens gets none)."""
    terms = _rows(connection, _terms_query())
    pending = next(terms, None)
    for row in _rows(connection, f"SELECT {schema.CHUNK_COLUMNS} FROM chunks ORDER BY rowid"):
        while pending is not None and pending[0] < row[0]:
            pending = next(terms, None)
        if pending is not None and pending[0] == row[0]:
            yield (*row, pending[1] or "", pending[2])
        else:
            yield (*row, "", 0)


def _load(target, source: sqlite3.Connection, name: str, generation: Path, manifest: dict,
          log: Callable[[str], None]) -> tuple[int, int]:
    s = schema.quoted(name)
    target.execute(schema.tables_sql(name, manifest["dim"]))
    for table, columns in (("documents", None), ("parts", None), ("questions", schema.QUESTION_COLUMNS),
                           ("term_df", None), ("glossary", None), *((t, None) for t in schema.PEOPLE_TABLES)):
        columns = columns or ", ".join(r[1] for r in source.execute(f"PRAGMA table_info({table})"))
        _copy(target, f"{s}.{table}", columns, _rows(source, f"SELECT {columns} FROM {table}"))
    _copy(target, f"{s}.commitments", schema.COMMITMENT_COLUMNS,
          _rows(source, f"SELECT {schema.COMMITMENT_COLUMNS} FROM commitments"))
    # the sentences' offsets and dates, and their vectors (float16 bytes, a chunk's rows of sentences.npy)
    vectors = sentences.load_matrix(generation)
    rows = _rows(source, "SELECT chunk_id, first, count, reading FROM sentences")
    _copy(target, f"{s}.sentences", "chunk_id, first, count, reading, vectors",
          ((chunk_id, first, count, reading,
            vectors[first : first + count].tobytes() if vectors is not None and count else None)
           for chunk_id, first, count, reading in rows))
    source.execute("CREATE VIRTUAL TABLE temp.fts_instances USING fts5vocab(main, chunks_fts, instance)")
    source.execute("CREATE VIRTUAL TABLE temp.fts_rows USING fts5vocab(main, chunks_fts, row)")
    _copy(target, f"{s}.fts_terms", "term, df", (
        row for row in _rows(source, "SELECT term, doc FROM temp.fts_rows") if len(row[0].encode()) <= MAX_LEXEME))

    log("copying chunks and their tokens")
    columns = schema.CHUNK_COLUMNS + ", terms, length"
    target.execute(f"CREATE TEMP TABLE chunk_rows ON COMMIT DROP AS SELECT {columns} FROM {s}.chunks WITH NO DATA")
    target.execute(f"CREATE TEMP TABLE chunk_vectors (rowid bigint, embedding vector({int(manifest['dim'])}))"
                   " ON COMMIT DROP")
    chunks = _copy(target, "chunk_rows", columns, _chunk_rows(source))
    log("copying vectors")
    matrix = dense.load_matrix(generation / dense.MATRIX)
    with target.cursor().copy("COPY chunk_vectors (rowid, embedding) FROM STDIN WITH (FORMAT BINARY)") as copy:
        copy.set_types(["int8", "vector"])
        for start in range(0, len(matrix), BATCH):
            for offset, vector in enumerate(np.asarray(matrix[start : start + BATCH], dtype=np.float32)):
                copy.write_row((start + offset + 1, vector))
    # the chunks written once, with their vectors (the staging tables go with the transaction)
    target.execute(f"INSERT INTO {s}.chunks ({columns}, embedding) SELECT r.*, v.embedding FROM chunk_rows r"
                   " LEFT JOIN chunk_vectors v USING (rowid) ORDER BY r.rowid")
    tokens = target.execute(f"SELECT coalesce(sum(length), 0) AS n FROM {s}.chunks").fetchone()["n"]
    return chunks, int(tokens)


def _stale(connection) -> list[str]:
    """Generation schemas no pointer will ever name: interrupted publishes, and generations older than KEEP."""
    kept = [r["name"] for r in connection.execute(
        f"SELECT name FROM {schema.META}.generations ORDER BY name DESC LIMIT %s", [KEEP])]
    current = connection.execute(f"SELECT name FROM {schema.META}.current").fetchone()
    keep = set(kept) | ({current["name"]} if current else set())
    schemas = [r["nspname"] for r in connection.execute(
        "SELECT nspname FROM pg_namespace WHERE nspname LIKE %s", [schema.GENERATION_PREFIX + "%"])]
    return sorted(n for n in schemas if schema.is_generation(n) and n not in keep)


def publish(index_dir: Path | str, database_url: str, log: Callable[[str], None] = lambda m: None,
            hnsw: dict | None = None, interrupt: Callable[[str], None] | None = None) -> PublishReport:
    """Copy the live generation of `index_dir` into the database and make it the live one there.
    `interrupt(stage)` is a hook the tests use to stop a publish part way."""
    started = time.perf_counter()
    psycopg = driver()
    hnsw = {**HNSW, **(hnsw or {})}
    generation, manifest = format.open_generation(Path(index_dir))
    name = schema.GENERATION_PREFIX + datetime.now(UTC).strftime("%Y%m%dt%H%M%S%fz")
    target = connect(database_url)
    source = store.connect(generation / format.DATABASE, read_only=True)
    report = PublishReport(name)
    switched = False
    try:
        try:
            target.execute("CREATE EXTENSION IF NOT EXISTS vector")
        except psycopg.Error as exc:
            raise DatabaseError(f"the database at {shown(database_url)} lacks the pgvector extension (`vector`) "
                                f"and it cannot be created here: {str(exc).strip()}") from exc
        connect_types(target)
        target.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
        target.execute(schema.META_SQL)
        for stale in _stale(target):
            target.execute(f"DROP SCHEMA IF EXISTS {schema.quoted(stale)} CASCADE")
        target.execute(f"SET maintenance_work_mem = '{MAINTENANCE_WORK_MEM}'")
        with target.transaction():
            report.chunks, tokens = _load(target, source, name, generation, manifest, log)
        if interrupt:
            interrupt("loaded")
        log("indexing (GIN on tokens, HNSW on vectors)")
        target.execute(schema.indexes_sql(name, hnsw))
        target.execute(f"ANALYZE {schema.quoted(name)}.chunks")
        for table in ("documents", "parts", "fts_terms"):
            target.execute(f"ANALYZE {schema.quoted(name)}.{table}")
        if interrupt:
            interrupt("indexed")
        bm25 = {"rows": report.chunks, "tokens": tokens, "avgdl": tokens / report.chunks if report.chunks else 1.0}
        recorded = {**manifest, "postgres": {
            "format": schema.PG_FORMAT, "published_from": str(generation.resolve()), "generation": generation.name,
            "bm25": bm25, "hnsw": hnsw, "ef_search": EF_SEARCH}}
        with target.transaction():  # the switch: readers see the old generation or the new one, whole
            target.execute(f"INSERT INTO {schema.META}.generations (name, manifest, source) VALUES (%s, %s, %s)",
                           [name, psycopg.types.json.Jsonb(recorded), str(generation.resolve())])
            target.execute(f"INSERT INTO {schema.META}.current (only_row, name) VALUES (true, %s)"
                           " ON CONFLICT (only_row) DO UPDATE SET name = excluded.name", [name])
        switched = True
        dropped = _stale(target)
        for stale in dropped:
            target.execute(f"DROP SCHEMA IF EXISTS {schema.quoted(stale)} CASCADE")
        target.execute(f"DELETE FROM {schema.META}.generations WHERE name <> ALL(%s) AND name NOT IN "
                       f"(SELECT name FROM {schema.META}.current)", [_existing(target)])
        report.dropped = tuple(dropped)
    except BaseException:
        try:
            if not switched and not target.closed and not target.broken:
                target.execute(f"DROP SCHEMA IF EXISTS {schema.quoted(name)} CASCADE")  # never pointed at
        except psycopg.Error:
            pass  # the next publish drops it
        raise
    finally:
        source.close()
        target.close()
    report.seconds = time.perf_counter() - started
    return report


def _existing(connection) -> list[str]:
    return [r["nspname"] for r in connection.execute(
        "SELECT nspname FROM pg_namespace WHERE nspname LIKE %s", [schema.GENERATION_PREFIX + "%"])]


def connect_types(connection) -> None:
    """pgvector's adapters on a connection opened before the extension existed."""
    from pgvector.psycopg import register_vector

    register_vector(connection)
