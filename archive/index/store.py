"""The SQLite side of the index: documents, parts, chunks, an FTS5 table for BM25, public
questions, commitments, term statistics and the glossary. All of the archive's SQL lives here."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from archive.records import Chunk, Document, Part

SCHEMA = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, path TEXT, title TEXT, committee TEXT, meeting_date TEXT,
    doc_type TEXT, source_url TEXT, sha256 TEXT, page_count INTEGER, page_labels TEXT,
    ocr_pages TEXT,  -- JSON list of the 1-based pages read by OCR
    council TEXT
);
CREATE TABLE parts (
    doc_id TEXT, part_id INTEGER, title TEXT, part_date TEXT, page_start INTEGER, page_end INTEGER,
    PRIMARY KEY (doc_id, part_id)
);
CREATE TABLE chunks (
    rowid INTEGER PRIMARY KEY, doc_id TEXT, part_id INTEGER, page INTEGER, start INTEGER,
    "end" INTEGER, heading TEXT, text TEXT, periods TEXT, embed_hash TEXT, line INTEGER,
    meeting_date TEXT,  -- the meeting the passage belongs to: its part's date, else its paper's
    kinds TEXT  -- the kinds of answer its text holds (figure, time, date, duration), read at build time
);
CREATE INDEX chunks_doc ON chunks(doc_id);
CREATE INDEX chunks_meeting ON chunks(meeting_date);
-- index_text is heading + text with glossary expansions; stemming by FTS5's porter tokenizer.
CREATE VIRTUAL TABLE chunks_fts USING fts5(index_text, content='', tokenize='porter unicode61');
CREATE TABLE questions (
    doc_id TEXT, number TEXT, kind TEXT, questioner TEXT, question_to TEXT, question TEXT, response_by TEXT,
    response TEXT, supplementary_question TEXT, supplementary_response_by TEXT, supplementary_response TEXT,
    page INTEGER, line INTEGER
);
CREATE TABLE commitments (
    doc_id TEXT, part_id INTEGER, kind TEXT, quote TEXT, owner TEXT, due TEXT, due_iso TEXT, meeting_date TEXT,
    page INTEGER, line INTEGER,
    follow_ups TEXT DEFAULT '[]'  -- later passages that follow it up (JSON), found when the index is built
);
-- each chunk read sentence by sentence at build time (index/sentences.py): offsets and dates as JSON,
-- and its rows first .. first + count - 1 of sentences.npy
CREATE TABLE sentences (chunk_id INTEGER PRIMARY KEY, first INTEGER, count INTEGER, reading TEXT);
-- people and decisions (build/people.py, build/names.py, build/decisions.py): appearances, recommendations and
-- resolutions per paper; people and decisions across papers, found once per build
CREATE TABLE appearances (
    doc_id TEXT, part_id INTEGER, role TEXT, name TEXT, note TEXT, meeting_date TEXT, committee TEXT, item TEXT,
    quote TEXT, page INTEGER, line INTEGER, person_id INTEGER
);
CREATE TABLE people (person_id INTEGER PRIMARY KEY, council TEXT, name TEXT, display TEXT, forms TEXT);
CREATE TABLE recommendations (
    doc_id TEXT, part_id INTEGER, title TEXT, committee TEXT, meeting_date TEXT, text TEXT, page INTEGER, line INTEGER
);
CREATE TABLE resolutions (
    doc_id TEXT, part_id INTEGER, item TEXT, committee TEXT, meeting_date TEXT, text TEXT, outcome TEXT, kind TEXT,
    page INTEGER, line INTEGER
);
CREATE TABLE decisions (
    decision_id INTEGER PRIMARY KEY, council TEXT, committee TEXT, meeting_date TEXT, title TEXT, outcome TEXT,
    recommendation TEXT,  -- the recommendations row as JSON, '' for a decision record no report claims
    resolution TEXT  -- the resolutions row as JSON, '' when none was found
);
CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER);  -- chunks holding each stemmed term
CREATE TABLE glossary (acronym TEXT, expansion TEXT, doc_id TEXT, PRIMARY KEY (acronym, expansion));
-- a scanned page's words as Tesseract boxed them: JSON [[text, left, top, right, bottom], ...] in PDF
-- points from the page's top left, so a quote can be highlighted on the scan (archive/pages)
CREATE TABLE ocr_words (doc_id TEXT, page INTEGER, words TEXT, PRIMARY KEY (doc_id, page));
"""


def connect(path: Path, create: bool = False, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        connection = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    else:
        connection = sqlite3.connect(str(path))
    connection.row_factory = sqlite3.Row
    if create:
        connection.executescript(SCHEMA)
    return connection


def _batches(items: list, size: int = 500):
    """Slices short enough to bind as parameters (SQLite's default limit is 999)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def write_document(connection: sqlite3.Connection, document: Document, parts: list[Part]) -> None:
    connection.execute(
        "INSERT INTO documents (doc_id, path, title, committee, meeting_date, doc_type, source_url, sha256,"
        " page_count, page_labels, ocr_pages, council) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (document.doc_id, document.path, document.title, document.committee, document.meeting_date,
         document.doc_type, document.source_url, document.sha256, len(document.pages),
         json.dumps(list(document.page_labels)), json.dumps(list(document.ocr_pages)), document.council),
    )
    connection.executemany(
        "INSERT INTO parts VALUES (?,?,?,?,?,?)",
        [(p.doc_id, p.part_id, p.title, p.part_date, p.page_start, p.page_end) for p in parts],
    )


def write_chunk(connection: sqlite3.Connection, chunk: Chunk, periods: list, meeting_date: str,
                kinds: frozenset[str] = frozenset()) -> int:
    """Store a chunk; its searchable text and embedding key are added once the glossary is known
    (`write_search_text`). Rowids run 1..N in a new generation: row N-1 of the vector matrix."""
    cursor = connection.execute(
        'INSERT INTO chunks (doc_id, part_id, page, start, "end", heading, text, periods, line, meeting_date, kinds)'
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (chunk.doc_id, chunk.part_id, chunk.page, chunk.start, chunk.end, chunk.heading, chunk.text,
         json.dumps(periods), chunk.line, meeting_date, " ".join(sorted(kinds))),
    )
    return cursor.lastrowid


def chunk_batches(connection: sqlite3.Connection, size: int, columns: str = "rowid, heading, text"):
    """Every chunk row in rowid order, `size` at a time (the build's later passes)."""
    last = 0
    while True:
        rows = connection.execute(
            f"SELECT {columns} FROM chunks WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, size)).fetchall()
        if not rows:
            return
        yield rows
        last = rows[-1]["rowid"]


def write_search_text(connection: sqlite3.Connection, rows: list[tuple[int, str, str]]) -> None:
    """(rowid, index_text, embed_hash) for chunks already stored."""
    connection.executemany("INSERT INTO chunks_fts (rowid, index_text) VALUES (?, ?)",
                           [(rowid, text) for rowid, text, _ in rows])
    connection.executemany("UPDATE chunks SET embed_hash=? WHERE rowid=?", [(key, rowid) for rowid, _, key in rows])


def previous_rows_by_hash(connection: sqlite3.Connection, hashes: list[str]) -> dict[str, int]:
    """Rowids in the attached previous generation (`old`) of chunks with these embedding keys."""
    found: dict[str, int] = {}
    for batch in _batches(hashes):
        query = f"SELECT embed_hash, rowid FROM old.chunks WHERE embed_hash IN ({','.join('?' * len(batch))})"
        found.update((row[0], row[1]) for row in connection.execute(query, batch))
    return found


def write_sentences(connection: sqlite3.Connection, rows: list[tuple[int, int, int, str]]) -> None:
    """(chunk rowid, first row in sentences.npy, sentences, reading as JSON)."""
    connection.executemany("INSERT INTO sentences VALUES (?,?,?,?)", rows)


def previous_sentences(connection: sqlite3.Connection, rowids: list[int]) -> dict[int, tuple[int, int]]:
    """(first row, count) of the previous generation's stored sentence vectors, by its chunk rowid."""
    found: dict[int, tuple[int, int]] = {}
    for batch in _batches(rowids):
        query = f"SELECT chunk_id, first, count FROM old.sentences WHERE chunk_id IN ({','.join('?' * len(batch))})"
        found.update((row[0], (row[1], row[2])) for row in connection.execute(query, batch))
    return found


def sentence_rows(connection: sqlite3.Connection, rowids: list[int]) -> dict[int, tuple[int, str]]:
    """(first row in sentences.npy, reading as JSON) of chunks, by rowid, in one query."""
    found: dict[int, tuple[int, str]] = {}
    for batch in _batches(rowids):
        query = f"SELECT chunk_id, first, reading FROM sentences WHERE chunk_id IN ({','.join('?' * len(batch))})"
        found.update((row[0], (row[1], row[2])) for row in connection.execute(query, batch))
    return found


def row_to_chunk(row: sqlite3.Row) -> Chunk:
    return Chunk(row["rowid"], row["doc_id"], row["part_id"], row["page"], row["start"], row["end"],
                 row["heading"], row["text"], row["line"] or 0)


def row_to_document(row) -> Document:
    """A stored documents row (SQLite's or PostgreSQL's) as a Document."""
    return Document(row["doc_id"], row["path"], row["title"], row["committee"], row["meeting_date"],
                    row["doc_type"], row["source_url"], (), row["sha256"],
                    tuple(json.loads(row["page_labels"] or "[]")), tuple(json.loads(row["ocr_pages"] or "[]")),
                    row["council"] or "")


def row_to_part(row) -> Part:
    return Part(row["doc_id"], row["part_id"], row["title"], row["part_date"], row["page_start"], row["page_end"])


def load_documents(connection: sqlite3.Connection) -> dict[str, Document]:
    return {row["doc_id"]: row_to_document(row) for row in connection.execute("SELECT * FROM documents")}


def load_parts(connection: sqlite3.Connection) -> dict[tuple[str, int], Part]:
    return {(row["doc_id"], row["part_id"]): row_to_part(row) for row in connection.execute("SELECT * FROM parts")}


def write_ocr_words(connection: sqlite3.Connection, doc_id: str, words: dict) -> None:
    """{1-based page: ((text, left, top, right, bottom), ...)} of a paper's scanned pages."""
    connection.executemany("INSERT INTO ocr_words VALUES (?,?,?)",
                           [(doc_id, page, json.dumps(list(boxes))) for page, boxes in sorted(words.items())])


def ocr_words(connection: sqlite3.Connection, doc_id: str, page: int) -> tuple | None:
    """A scanned page's word boxes, None for a page with a text layer."""
    row = connection.execute("SELECT words FROM ocr_words WHERE doc_id=? AND page=?", (doc_id, page)).fetchone()
    return tuple(tuple(word) for word in json.loads(row[0])) if row else None


QUESTION_FIELDS = ("doc_id", "number", "kind", "questioner", "question_to", "question", "response_by", "response",
                   "supplementary_question", "supplementary_response_by", "supplementary_response", "page", "line")


def write_questions(connection: sqlite3.Connection, questions: list) -> None:
    connection.executemany(
        f"INSERT INTO questions ({', '.join(QUESTION_FIELDS)}) VALUES ({', '.join('?' * len(QUESTION_FIELDS))})",
        [tuple(q.as_dict()[f] for f in QUESTION_FIELDS) for q in questions],
    )


COMMITMENT_FIELDS = ("doc_id", "part_id", "kind", "quote", "owner", "due", "due_iso", "meeting_date", "page", "line")


def write_commitments(connection: sqlite3.Connection, commitments: list) -> None:
    connection.executemany(
        f"INSERT INTO commitments ({', '.join(COMMITMENT_FIELDS)}) VALUES ({', '.join('?' * len(COMMITMENT_FIELDS))})",
        [tuple(c.as_dict()[f] for f in COMMITMENT_FIELDS) for c in commitments],
    )


APPEARANCE_FIELDS = ("doc_id", "part_id", "role", "name", "note", "meeting_date", "committee", "item", "quote", "page",
                     "line")
RECOMMENDATION_FIELDS = ("doc_id", "part_id", "title", "committee", "meeting_date", "text", "page", "line")
RESOLUTION_FIELDS = ("doc_id", "part_id", "item", "committee", "meeting_date", "text", "outcome", "kind", "page",
                     "line")


def _insert(connection: sqlite3.Connection, table: str, fields: tuple[str, ...], records: list) -> None:
    connection.executemany(f"INSERT INTO {table} ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})",
                           [tuple(r.as_dict()[f] for f in fields) for r in records])


def write_people_and_decisions(connection: sqlite3.Connection, appearances: list, recommendations: list,
                               resolutions: list) -> None:
    """One paper's appearances, recommendations and resolutions (people and decisions come later)."""
    _insert(connection, "appearances", APPEARANCE_FIELDS, appearances)
    _insert(connection, "recommendations", RECOMMENDATION_FIELDS, recommendations)
    _insert(connection, "resolutions", RESOLUTION_FIELDS, resolutions)


def with_council(connection: sqlite3.Connection, table: str) -> list[dict]:
    """A per-paper table's rows (with rowid) and their paper's council, in a stable order."""
    rows = connection.execute(f"SELECT t.rowid AS rowid, t.*, coalesce(d.council, '') AS council FROM {table} t"
                              " LEFT JOIN documents d USING (doc_id) ORDER BY t.rowid")
    return [dict(r) for r in rows]


def write_people(connection: sqlite3.Connection, people: list, assigned: dict[int, int]) -> None:
    connection.execute("DELETE FROM people")
    connection.executemany("INSERT INTO people VALUES (?,?,?,?,?)",
                           [(p.person_id, p.council, p.name, p.display, json.dumps(list(p.forms))) for p in people])
    connection.execute("UPDATE appearances SET person_id = NULL")
    connection.executemany("UPDATE appearances SET person_id=? WHERE rowid=?",
                           [(pid, rowid) for rowid, pid in assigned.items()])


def write_decisions(connection: sqlite3.Connection, decisions: list) -> None:
    connection.execute("DELETE FROM decisions")
    keep = ("rowid", "council")
    connection.executemany(
        "INSERT INTO decisions (council, committee, meeting_date, title, outcome, recommendation, resolution)"
        " VALUES (?,?,?,?,?,?,?)",
        [(d.council, d.committee, d.meeting_date, d.title, d.outcome,
          json.dumps({k: v for k, v in d.recommendation.items() if k not in keep}) if d.recommendation else "",
          json.dumps({k: v for k, v in d.resolution.items() if k not in keep}) if d.resolution else "")
         for d in decisions])


def people_rows(connection: sqlite3.Connection) -> list[dict]:
    return [{**dict(r), "forms": json.loads(r["forms"] or "[]")}
            for r in connection.execute("SELECT * FROM people ORDER BY council, name, person_id")]


def appearance_rows(connection: sqlite3.Connection, person_id: int | None = None) -> list[dict]:
    """Appearances of people (of one person), oldest meeting first."""
    where, params = ("WHERE person_id IS NOT NULL", [])
    if person_id is not None:
        where, params = "WHERE person_id = ?", [person_id]
    return [dict(r) for r in connection.execute(
        f"SELECT {', '.join(APPEARANCE_FIELDS)}, person_id FROM appearances {where}"
        " ORDER BY meeting_date, doc_id, page, line, role", params)]


def decision_rows(connection: sqlite3.Connection) -> list[dict]:
    return [{**dict(r), "recommendation": json.loads(r["recommendation"]) if r["recommendation"] else None,
             "resolution": json.loads(r["resolution"]) if r["resolution"] else None}
            for r in connection.execute("SELECT * FROM decisions ORDER BY decision_id")]


# -- writing a generation ---------------------------------------------------------------------------

def write_term_df(connection: sqlite3.Connection, df: Counter) -> None:
    connection.executemany("INSERT INTO term_df VALUES (?,?)", df.items())


def write_glossary(connection: sqlite3.Connection, glossary) -> None:
    """Each acronym's expansions with the papers that define them ("; "-joined)."""
    connection.executemany("INSERT OR IGNORE INTO glossary VALUES (?,?,?)", [
        (acronym, expansion, "; ".join(sorted(glossary.sources.get(acronym, ()))))
        for acronym, expansions in glossary.entries.items() for expansion in sorted(expansions)])


def attach_previous(connection: sqlite3.Connection, path: Path) -> None:
    """Attach the previous generation's database as `old` (outside any transaction, as SQLite requires)."""
    connection.execute("ATTACH DATABASE ? AS old", (str(path),))


PAPER_TABLES = ("documents", "parts", "questions", "commitments", "ocr_words", "appearances", "recommendations",
                "resolutions")


CHUNK_COLUMNS = 'doc_id, part_id, page, start, "end", heading, text, periods, line, meeting_date, kinds'


def copy_paper(connection: sqlite3.Connection, doc_id: str) -> int:
    """Copy one unchanged paper's rows from the attached previous generation (its chunks under new
    rowids, in order); returns how many chunks it has."""
    for table in PAPER_TABLES:
        connection.execute(f"INSERT INTO {table} SELECT * FROM old.{table} WHERE doc_id=?", (doc_id,))
    return connection.execute(
        f"INSERT INTO chunks ({CHUNK_COLUMNS}) SELECT {CHUNK_COLUMNS} FROM old.chunks WHERE doc_id=? ORDER BY rowid",
        (doc_id,)).rowcount


def create_search_indexes(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE INDEX IF NOT EXISTS chunks_embed ON chunks(embed_hash)")


# -- reading ----------------------------------------------------------------------------------------

def row_periods(row: sqlite3.Row) -> list:
    """A chunk row's stored periods: [[first, last], ...] as [year, month] pairs."""
    return json.loads(row["periods"] or "[]")


def row_kinds(row) -> frozenset[str] | None:
    """The kinds of answer a chunk row's text holds, as read at build time; None when the row has no
    such column (a PostgreSQL backend): they are read from the text then."""
    return frozenset((row["kinds"] or "").split()) if "kinds" in row.keys() else None  # noqa: SIM118 - sqlite3.Row: `in` tests values


def glossary_rows(connection: sqlite3.Connection, schema: str = "main") -> list[sqlite3.Row]:
    return connection.execute(f"SELECT acronym, expansion, doc_id FROM {schema}.glossary").fetchall()


def term_df(connection: sqlite3.Connection) -> Counter:
    return Counter({row[0]: row[1] for row in connection.execute("SELECT term, df FROM term_df")})


def chunk_count(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT count(*) FROM chunks").fetchone()[0])


@dataclass(frozen=True)
class SqlDialect:
    """How a restriction is written in one SQL engine: parameter mark, substring test, tables."""

    mark: str  # a parameter's placeholder
    contains_function: str  # instr (SQLite) or strpos (PostgreSQL): position of a substring, 0 if absent
    documents: str  # the documents table as the query names it
    true: str

    def contains(self, column: str) -> str:
        return f"{self.contains_function}(lower({column}), lower({self.mark})) > 0"


SQLITE = SqlDialect("?", "instr", "documents", "1")


@dataclass(frozen=True)
class Restriction:
    """Which chunks a search may return, as SQL: council and committee (part of the name, any case),
    document type, one meeting, a date range (the meeting the chunk belongs to)."""

    committee: str = ""
    doc_type: str = ""
    meeting: str = ""
    date_from: str = ""
    date_to: str = ""
    council: str = ""

    def __bool__(self) -> bool:
        return any((self.committee, self.doc_type, self.meeting, self.date_from, self.date_to, self.council))

    def where(self, dialect: SqlDialect | None = None) -> tuple[str, list]:
        """A condition on `chunks c` and its parameters: the paper's committee and type through the
        small documents table (read once per query), the meeting date on the chunk (indexed).
        `dialect`: SQLite's by default; the PostgreSQL backend passes its own."""
        d = dialect or SQLITE
        terms, params, paper = [], [], []
        for condition, value in ((d.contains("committee"), self.committee),
                                 (f"lower(doc_type) = lower({d.mark})", self.doc_type),
                                 (d.contains("council"), self.council)):
            if value:
                paper.append(condition)
                params.append(value)
        if paper:
            terms.append(f"c.doc_id IN (SELECT doc_id FROM {d.documents} WHERE {' AND '.join(paper)})")
        for condition, value in ((f"c.meeting_date = {d.mark}", self.meeting),
                                 (f"c.meeting_date <> '' AND c.meeting_date >= {d.mark}", self.date_from),
                                 (f"c.meeting_date <> '' AND c.meeting_date <= {d.mark}", self.date_to)):
            if value:
                terms.append(condition)
                params.append(value)
        return " AND ".join(terms) or d.true, params


def lexical_ids(connection: sqlite3.Connection, expression: str, n: int,
                restriction: Restriction | None = None) -> list[int]:
    """Chunk rowids matching an FTS5 expression, best bm25() first, among the chunks a restriction allows."""
    if not restriction:
        rows = connection.execute(
            "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY bm25(chunks_fts) LIMIT ?", (expression, n)
        ).fetchall()
        return [r[0] for r in rows]
    condition, params = restriction.where()
    rows = connection.execute(
        "SELECT f.rowid FROM chunks_fts f JOIN chunks c ON c.rowid = f.rowid"
        f" WHERE chunks_fts MATCH ? AND {condition} ORDER BY bm25(chunks_fts) LIMIT ?", (expression, *params, n)
    ).fetchall()
    return [r[0] for r in rows]


def allowed_among(connection: sqlite3.Connection, restriction: Restriction, rowids: list[int]) -> set[int]:
    """Which of these rowids a restriction allows."""
    condition, params = restriction.where()
    allowed: set[int] = set()
    for batch in _batches(rowids):
        # materialised first: otherwise SQLite may walk every chunk of the allowed papers instead
        query = (f"WITH c AS MATERIALIZED (SELECT rowid, doc_id, meeting_date FROM chunks WHERE rowid IN "
                 f"({','.join('?' * len(batch))})) SELECT c.rowid FROM c WHERE {condition}")
        allowed.update(r[0] for r in connection.execute(query, [*batch, *params]))
    return allowed


def allowed_rowids(connection: sqlite3.Connection, restriction: Restriction) -> np.ndarray:
    """Every chunk rowid a restriction allows, ascending."""
    condition, params = restriction.where()
    cursor = connection.cursor()
    cursor.row_factory = None  # plain tuples: tens of thousands of rows are read here
    cursor.execute(f"SELECT c.rowid FROM chunks c WHERE {condition} ORDER BY c.rowid", params)
    return np.array([r[0] for r in cursor], dtype=np.int64)


def chunk_rows(connection: sqlite3.Connection, rowids: list[int]) -> dict[int, sqlite3.Row]:
    """Chunk rows by rowid, in one query."""
    found: dict[int, sqlite3.Row] = {}
    for batch in _batches(rowids):
        query = f"SELECT * FROM chunks WHERE rowid IN ({','.join('?' * len(batch))})"
        found.update((row["rowid"], row) for row in connection.execute(query, batch))
    return found


def neighbour_chunks(connection: sqlite3.Connection, chunk: Chunk, before: int, after: int) -> list[Chunk]:
    rows = connection.execute(
        "SELECT * FROM chunks WHERE doc_id=? AND rowid BETWEEN ? AND ? ORDER BY rowid",
        (chunk.doc_id, chunk.chunk_id - before, chunk.chunk_id + after),
    ).fetchall()
    return [row_to_chunk(r) for r in rows]


def part_chunks(connection: sqlite3.Connection, doc_id: str, part_id: int) -> list[Chunk]:
    rows = connection.execute(
        "SELECT * FROM chunks WHERE doc_id=? AND part_id=? ORDER BY rowid", (doc_id, part_id)).fetchall()
    return [row_to_chunk(r) for r in rows]


def question_rows(connection: sqlite3.Connection) -> list[dict]:
    return [dict(r) for r in connection.execute("SELECT * FROM questions ORDER BY doc_id, page, line")]


def commitment_rows(connection: sqlite3.Connection) -> list[dict]:
    """Commitments oldest meeting first, with their rowid and their follow-ups decoded."""
    rows = connection.execute("SELECT rowid, * FROM commitments ORDER BY meeting_date, doc_id, page, line")
    return [{**dict(r), "follow_ups": json.loads(r["follow_ups"] or "[]")} for r in rows]


def write_follow_ups(connection: sqlite3.Connection, found: list[tuple[int, list[tuple[str, int]]]]) -> None:
    """(commitment rowid, its follow-ups as (date, chunk rowid)) pairs."""
    connection.executemany("UPDATE commitments SET follow_ups=? WHERE rowid=?",
                           [(json.dumps(items), rowid) for rowid, items in found])


class Reader:
    """Read-only access to one generation's database, one connection per thread (the app's server
    answers each session on its own thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    @property
    def db(self) -> sqlite3.Connection:
        connection = getattr(self._local, "db", None)
        if connection is None:
            connection = connect(self.path, read_only=True)
            self._local.db = connection
        return connection

    def close(self) -> None:
        """Close this thread's connection (a later read opens a new one)."""
        connection = getattr(self._local, "db", None)
        if connection is not None:
            connection.close()
            self._local.db = None
