"""The database's layout. Each published generation is a schema (`archive_gen_<UTC timestamp>`)
holding the embedded index's tables with the same columns; `archive_meta.generations` records each
one's manifest, and `archive_meta.current` (one row) names the live one. Readers read the pointer
once and then the schema it names, so publishing is one UPDATE of that row.

Text columns compare byte by byte (COLLATE "C") as SQLite's do, so every ORDER BY gives the
embedded backend's order whatever the database's locale."""

from __future__ import annotations

import re

META = "archive_meta"
GENERATION_PREFIX = "archive_gen_"
PG_FORMAT = 3  # bump when this layout changes: readers refuse other formats (2: people and decisions;
#               3: chunks' kinds, their sentences as read at build time and the sentences' vectors)
_NAME = re.compile(r"^archive_gen_[0-9a-z]+$")

T = 'text COLLATE "C"'

META_SQL = f"""
CREATE SCHEMA IF NOT EXISTS {META};
CREATE TABLE IF NOT EXISTS {META}.generations (
    name text PRIMARY KEY, manifest jsonb NOT NULL, published_at timestamptz NOT NULL DEFAULT now(),
    source text NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS {META}.current (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    name text NOT NULL REFERENCES {META}.generations (name)
);
CREATE OR REPLACE FUNCTION {META}.phrase_hits(doc tsvector, tokens text[]) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    -- instances of a phrase (consecutive positions), as FTS5 counts them for bm25()
    WITH p AS (SELECT l.lexeme, l.positions FROM unnest(doc) AS l WHERE l.lexeme = ANY (tokens))
    SELECT count(*)::integer FROM p AS first, unnest(first.positions) AS s(pos)
    WHERE first.lexeme = tokens[1] AND NOT EXISTS (
        SELECT 1 FROM generate_subscripts(tokens, 1) AS i
        WHERE i > 1 AND NOT EXISTS (
            SELECT 1 FROM p, unnest(p.positions) AS x(pos) WHERE p.lexeme = tokens[i] AND x.pos = s.pos + i - 1))
$$;
"""


def tables_sql(schema: str, dim: int) -> str:
    """The generation's tables, as in index/store.py, plus what the searches need on chunks:
    `terms` (FTS5's tokens with their positions), `length` (tokens, for BM25) and `embedding`."""
    s = quoted(schema)
    return f"""
CREATE SCHEMA {s};
CREATE TABLE {s}.documents (
    doc_id {T} PRIMARY KEY, path {T}, title {T}, committee {T}, meeting_date {T}, doc_type {T}, source_url {T},
    sha256 {T}, page_count integer, page_labels {T}, ocr_pages {T}, council {T}
);
CREATE TABLE {s}.parts (
    doc_id {T}, part_id integer, title {T}, part_date {T}, page_start integer, page_end integer,
    PRIMARY KEY (doc_id, part_id)
);
CREATE TABLE {s}.chunks (
    rowid bigint PRIMARY KEY, doc_id {T}, part_id integer, page integer, start integer, "end" integer,
    heading {T}, text {T}, periods {T}, embed_hash {T}, line integer, meeting_date {T}, kinds {T},
    terms tsvector, length integer, embedding vector({int(dim)})
);
CREATE TABLE {s}.sentences (chunk_id bigint PRIMARY KEY, first integer, count integer, reading {T}, vectors bytea);
CREATE TABLE {s}.questions (
    doc_id {T}, number {T}, kind {T}, questioner {T}, question_to {T}, question {T}, response_by {T},
    response {T}, supplementary_question {T}, supplementary_response_by {T}, supplementary_response {T},
    page integer, line integer
);
CREATE TABLE {s}.commitments (
    rowid bigint PRIMARY KEY, doc_id {T}, part_id integer, kind {T}, quote {T}, owner {T}, due {T}, due_iso {T},
    meeting_date {T}, page integer, line integer, follow_ups {T} DEFAULT '[]'
);
CREATE TABLE {s}.appearances (
    doc_id {T}, part_id integer, role {T}, name {T}, note {T}, meeting_date {T}, committee {T}, item {T}, quote {T},
    page integer, line integer, person_id integer
);
CREATE TABLE {s}.people (person_id integer PRIMARY KEY, council {T}, name {T}, display {T}, forms {T});
CREATE TABLE {s}.recommendations (
    doc_id {T}, part_id integer, title {T}, committee {T}, meeting_date {T}, text {T}, page integer, line integer
);
CREATE TABLE {s}.resolutions (
    doc_id {T}, part_id integer, item {T}, committee {T}, meeting_date {T}, text {T}, outcome {T}, kind {T},
    page integer, line integer
);
CREATE TABLE {s}.decisions (
    decision_id integer PRIMARY KEY, council {T}, committee {T}, meeting_date {T}, title {T}, outcome {T},
    recommendation {T}, resolution {T}
);
CREATE TABLE {s}.term_df (term {T} PRIMARY KEY, df integer);
CREATE TABLE {s}.glossary (acronym {T}, expansion {T}, doc_id {T}, PRIMARY KEY (acronym, expansion));
CREATE TABLE {s}.fts_terms (term {T} PRIMARY KEY, df integer);  -- FTS5's tokens: chunks holding each
"""


def indexes_sql(schema: str, hnsw: dict) -> str:
    s = quoted(schema)
    return f"""
CREATE INDEX ON {s}.documents (lower(doc_type));  -- also gives the planner this filter's selectivity
CREATE INDEX ON {s}.chunks (doc_id, rowid);
CREATE INDEX ON {s}.chunks (meeting_date);
CREATE INDEX ON {s}.chunks USING gin (terms) WITH (fastupdate = off);
CREATE INDEX ON {s}.chunks USING hnsw (embedding vector_ip_ops) WITH (m = {int(hnsw['m'])},
    ef_construction = {int(hnsw['ef_construction'])});
"""


# columns a reader gets, in the embedded schema's order (callers read them by name)
CHUNK_COLUMNS = ('rowid, doc_id, part_id, page, start, "end", heading, text, periods, embed_hash, line, meeting_date,'
                 ' kinds')
QUESTION_COLUMNS = ("doc_id, number, kind, questioner, question_to, question, response_by, response, "
                    "supplementary_question, supplementary_response_by, supplementary_response, page, line")
PEOPLE_TABLES = ("appearances", "people", "recommendations", "resolutions", "decisions")  # copied as they are
COMMITMENT_COLUMNS = "rowid, doc_id, part_id, kind, quote, owner, due, due_iso, meeting_date, page, line, follow_ups"


def is_generation(name: str) -> bool:
    return bool(_NAME.match(name or ""))


def quoted(schema: str) -> str:
    """A generation's schema name for SQL text (names are checked, never taken from input as is)."""
    if not is_generation(schema):
        raise ValueError(f"not a generation name: {schema!r}")
    return f'"{schema}"'
