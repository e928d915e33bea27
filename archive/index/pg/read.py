"""Reading a published generation from PostgreSQL: the same answers to the same calls as the embedded
store (index/embedded.py).

Lexical: the expression becomes a tsquery matched against `terms` through its GIN index, and the
matching rows are ranked by FTS5's bm25() formula computed in SQL from the same statistics FTS5
keeps (chunks, tokens per chunk, chunks holding each token or phrase), so ranks agree with the
embedded index. Dense: pgvector's inner-product distance on unit vectors; exact below
EXACT_BELOW chunks (as the embedded index is), else HNSW with iterative scans so that a filter
applied in the same query still fills the page, and an exact scan of the allowed rows when it
cannot (a narrow filter)."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import replace

import numpy as np

from archive.errors import IndexMismatchError, IndexMissingError
from archive.index.pg import schema
from archive.index.pg.servers import Servers, driver
from archive.index.pg.tsquery import lexeme, translate
from archive.index.sentences import SentenceReading, vectors_from_bytes
from archive.index.store import APPEARANCE_FIELDS, Restriction, SqlDialect, row_to_chunk, row_to_document, row_to_part
from archive.records import Chunk, Document, Part

K1, B = 1.2, 0.75  # FTS5's bm25() constants
EXACT_BELOW = 50_000  # the embedded index's ANN_MIN_VECTORS: smaller archives are searched exactly
CANDIDATES = 1_000  # matching rows ranked exactly by BM25 (at least CANDIDATES_PER_RESULT per row asked for)
CANDIDATES_PER_RESULT = 5


POSTGRES = SqlDialect("%s", "strpos", "{s}.documents", "true")  # {s}: the generation's schema


def where(restriction: Restriction | None) -> tuple[str, list]:
    """store.Restriction.where() in PostgreSQL's dialect, on `chunks c` (documents in schema `s`)."""
    return restriction.where(POSTGRES) if restriction else ("true", [])


def _live(connection) -> dict | None:
    return connection.execute(
        f"SELECT g.name, g.manifest FROM {schema.META}.current c JOIN {schema.META}.generations g USING (name)"
    ).fetchone()


class PostgresStore:
    def __init__(self, servers: Servers, name: str, manifest: dict) -> None:
        self.servers = servers
        self.name = name
        self.manifest = manifest
        self._s = schema.quoted(name)
        bm25 = manifest.get("postgres", {}).get("bm25", {})
        self._rows = int(bm25.get("rows", 0))
        self._avgdl = float(bm25.get("avgdl", 1.0)) or 1.0
        self._exact = int(manifest.get("chunks", 0)) < EXACT_BELOW

    @classmethod
    def open(cls, primary: str, replicas: tuple[str, ...] = ()) -> PostgresStore:
        servers = Servers.shared(primary, replicas)
        psycopg = driver()

        def live(connection):
            try:
                return _live(connection)
            except psycopg.errors.UndefinedTable:
                return None

        found = servers.read(live)
        if found is None:
            raise IndexMissingError("no index published in the database: run `archive publish` first")
        manifest = found["manifest"]
        if manifest.get("postgres", {}).get("format") != schema.PG_FORMAT:
            raise IndexMismatchError(
                f"the database's index has layout {manifest.get('postgres', {}).get('format')}, this version reads "
                f"{schema.PG_FORMAT}: publish it again with `archive publish`")
        return cls(servers, found["name"], manifest)

    # -- plumbing -------------------------------------------------------------------------------
    def _sql(self, text: str) -> str:
        return text.replace("{s}", self._s)

    def _all(self, text: str, params: tuple | list = ()) -> list[dict]:
        return self.servers.read(lambda c: c.execute(self._sql(text), params).fetchall())

    # -- the store interface --------------------------------------------------------------------
    def documents(self) -> dict[str, Document]:
        return {row["doc_id"]: row_to_document(row) for row in self._all("SELECT * FROM {s}.documents")}

    def parts(self) -> dict[tuple[str, int], Part]:
        return {(row["doc_id"], row["part_id"]): row_to_part(row) for row in self._all("SELECT * FROM {s}.parts")}

    def glossary_rows(self) -> list[dict]:
        return self._all("SELECT acronym, expansion, doc_id FROM {s}.glossary")

    def term_df(self) -> Counter:
        return Counter({row["term"]: row["df"] for row in self._all("SELECT term, df FROM {s}.term_df")})

    def chunk_count(self) -> int:
        return int(self._all("SELECT count(*) AS n FROM {s}.chunks")[0]["n"])

    def lexical_ids(self, expression: str, n: int, restriction: Restriction | None = None) -> list[int]:
        translation = translate(expression)
        if not translation.tsquery:
            return []
        condition, params = where(restriction)
        weights = Counter(translation.phrases)  # a phrase written twice counts twice, as in FTS5
        single = [(p[0], count) for p, count in weights.items() if len(p) == 1]
        multiple = [(list(p), count) for p, count in weights.items() if len(p) > 1]

        def run(connection) -> list[int]:
            idf = self._idf(connection, single, multiple)
            terms = [t for t, _ in single]
            term_weights = [idf[(t,)] * count for t, count in single]
            phrase_weights = [idf[tuple(p)] * count for p, count in multiple]
            # a first cut by presence only (idf x holds it: cheap tsvector lookups, no tf) keeps the
            # exact BM25 below to the best CANDIDATES rows; every matching row is exact when fewer match
            rough = " + ".join(["0", *("%s::float8 * (c.terms @@ %s::tsquery)::int" for _ in weights)])
            rough_args = [a for phrase, count in weights.items()
                          for a in (idf[phrase] * count, " <-> ".join(lexeme(t) for t in phrase))]
            phrase_hits = "".join(
                f", CASE WHEN c.terms @@ %s::tsquery THEN {schema.META}.phrase_hits(c.terms, %s::text[]) ELSE 0 END"
                f" AS h{i}" for i in range(len(multiple)))
            phrase_args = [a for p, _ in multiple for a in (" <-> ".join(lexeme(t) for t in p), p)]
            phrase_score = " + ".join(
                f"%s::float8 * h{i} * {K1 + 1} / (h{i} + {K1} * (1 - {B} + {B} * m.length / {self._avgdl!r}))"
                for i in range(len(multiple))) or "0"
            query = self._sql(f"""
                WITH q(term, weight) AS (SELECT * FROM unnest(%s::text[], %s::float8[])),
                m AS MATERIALIZED (
                    SELECT c.rowid, c.terms, c.length{phrase_hits} FROM {{s}}.chunks c
                    WHERE c.terms @@ %s::tsquery AND {condition}
                    ORDER BY {rough} DESC, c.rowid LIMIT %s)
                SELECT m.rowid, coalesce(s.score, 0) + {phrase_score} AS score FROM m
                LEFT JOIN LATERAL (
                    SELECT sum(q.weight * cardinality(l.positions) * {K1 + 1}
                               / (cardinality(l.positions) + {K1} * (1 - {B} + {B} * m.length / {self._avgdl!r})))
                           AS score
                    FROM unnest(m.terms) AS l JOIN q ON q.term = l.lexeme) s ON true
                ORDER BY score DESC, m.rowid LIMIT %s""")
            args = [terms, term_weights, *phrase_args, translation.tsquery, *params, *rough_args,
                    max(CANDIDATES, CANDIDATES_PER_RESULT * n), *phrase_weights, n]
            return [row["rowid"] for row in connection.execute(query, args)]

        return self.servers.read(run)

    def _idf(self, connection, single: list, multiple: list) -> dict[tuple[str, ...], float]:
        """FTS5's idf per phrase: log((N - hits + 0.5) / (hits + 0.5)), at least 1e-6, where hits
        counts the chunks holding the phrase (over the whole archive, whatever the filter)."""
        hits: dict[tuple[str, ...], int] = {(t,): 0 for t, _ in single}
        if single:
            for row in connection.execute(self._sql("SELECT term, df FROM {s}.fts_terms WHERE term = ANY(%s)"),
                                          [[t for t, _ in single]]):
                hits[(row["term"],)] = row["df"]
        for phrase, _ in multiple:
            tsquery = " <-> ".join(lexeme(t) for t in phrase)
            hits[tuple(phrase)] = connection.execute(
                self._sql("SELECT count(*) AS n FROM {s}.chunks WHERE terms @@ %s::tsquery"), [tsquery]).fetchone()["n"]
        rows = self._rows
        return {p: max(math.log((rows - h + 0.5) / (h + 0.5)), 1e-6) for p, h in hits.items()}

    def dense_ids(self, vector: np.ndarray, n: int, restriction: Restriction | None = None) -> list[int]:
        condition, params = where(restriction)
        query_vector = np.asarray(vector, dtype=np.float32)

        def run(connection) -> list[int]:
            if not self._exact:
                # HNSW (iterative scan: the filter is applied as the index is walked, until n rows pass)
                found = connection.execute(self._sql(f"""
                    SELECT rowid FROM (SELECT c.rowid, c.embedding <#> %s AS d FROM {{s}}.chunks c
                                       WHERE {condition} ORDER BY d LIMIT %s) t ORDER BY d, rowid"""),
                    [query_vector, *params, n]).fetchall()
                if len(found) >= n or not restriction:
                    return [row["rowid"] for row in found]
            # exact: "+ 0" keeps the planner off the HNSW index (a scan of the allowed rows, then a top-n sort)
            found = connection.execute(self._sql(f"""
                SELECT c.rowid FROM {{s}}.chunks c WHERE {condition}
                ORDER BY (c.embedding <#> %s) + 0, c.rowid LIMIT %s"""), [*params, query_vector, n]).fetchall()
            return [row["rowid"] for row in found]

        return self.servers.read(run)

    def sentence_readings(self, rowids: list[int]) -> dict:
        """The chunks' sentences as read at build time, each with its sentences' vectors."""
        if not rowids:
            return {}
        rows = self._all("SELECT chunk_id, reading, vectors FROM {s}.sentences WHERE chunk_id = ANY(%s)",
                         [list(rowids)])
        dim = int(self.manifest["dim"])
        return {row["chunk_id"]: replace(SentenceReading.loads(row["reading"], -1),
                                         vectors=vectors_from_bytes(row["vectors"], dim)) for row in rows}

    def chunk_rows(self, rowids: list[int]) -> dict[int, dict]:
        if not rowids:
            return {}
        rows = self._all(f"SELECT {schema.CHUNK_COLUMNS} FROM {{s}}.chunks WHERE rowid = ANY(%s)", [list(rowids)])
        return {row["rowid"]: row for row in rows}

    def neighbour_chunks(self, chunk: Chunk, before: int, after: int) -> list[Chunk]:
        rows = self._all(f"SELECT {schema.CHUNK_COLUMNS} FROM {{s}}.chunks"
                         " WHERE doc_id = %s AND rowid BETWEEN %s AND %s ORDER BY rowid",
                         [chunk.doc_id, chunk.chunk_id - before, chunk.chunk_id + after])
        return [row_to_chunk(r) for r in rows]

    def ocr_words(self, doc_id: str, page: int) -> None:
        # Not published: a page is rendered from its PDF on the machine that built the index, whose
        # embedded generation holds the boxes; from the database a scan's page shows unhighlighted.
        return None

    def part_chunks(self, doc_id: str, part_id: int) -> list[Chunk]:
        rows = self._all(f"SELECT {schema.CHUNK_COLUMNS} FROM {{s}}.chunks WHERE doc_id = %s AND part_id = %s"
                         " ORDER BY rowid", [doc_id, part_id])
        return [row_to_chunk(r) for r in rows]

    def question_rows(self) -> list[dict]:
        return self._all(f"SELECT {schema.QUESTION_COLUMNS} FROM {{s}}.questions"
                         " ORDER BY doc_id NULLS FIRST, page NULLS FIRST, line NULLS FIRST")  # SQLite's NULL order

    def commitment_rows(self) -> list[dict]:
        rows = self._all(f"SELECT {schema.COMMITMENT_COLUMNS} FROM {{s}}.commitments"
                         " ORDER BY meeting_date NULLS FIRST, doc_id NULLS FIRST, page NULLS FIRST, line NULLS FIRST")
        return [{**r, "follow_ups": json.loads(r["follow_ups"] or "[]")} for r in rows]

    def people_rows(self) -> list[dict]:
        rows = self._all("SELECT * FROM {s}.people ORDER BY council, name, person_id")
        return [{**r, "forms": json.loads(r["forms"] or "[]")} for r in rows]

    def appearance_rows(self, person_id: int | None = None) -> list[dict]:
        where, params = ("WHERE person_id = %s", [person_id]) if person_id is not None else (
            "WHERE person_id IS NOT NULL", [])
        columns = ", ".join(APPEARANCE_FIELDS)
        return self._all(f"SELECT {columns}, person_id FROM {{s}}.appearances {where}"
                         " ORDER BY meeting_date, doc_id, page, line, role", params)

    def decision_rows(self) -> list[dict]:
        rows = self._all("SELECT * FROM {s}.decisions ORDER BY decision_id")
        return [{**r, "recommendation": json.loads(r["recommendation"]) if r["recommendation"] else None,
                 "resolution": json.loads(r["resolution"]) if r["resolution"] else None} for r in rows]

    def live_name(self) -> str | None:
        """The generation the database names now; never an older one than this store's (a replica
        that has not caught up yet must not send readers back)."""
        found = self.servers.read(_live)
        name = found["name"] if found else None
        return name if name and name > self.name else self.name

    def close(self) -> None:
        """Connections are shared by every store of the same database; they stay open."""
