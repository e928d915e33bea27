"""The SQLite side of the index: documents, parts, chunks, an FTS5 table for BM25, public
questions, commitments, term statistics and the glossary. All of the archive's SQL lives here."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter
from pathlib import Path

from archive.records import Chunk, Document, Part

SCHEMA = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, path TEXT, title TEXT, committee TEXT, meeting_date TEXT,
    doc_type TEXT, source_url TEXT, sha256 TEXT, page_count INTEGER, page_labels TEXT
);
CREATE TABLE parts (
    doc_id TEXT, part_id INTEGER, title TEXT, part_date TEXT, page_start INTEGER, page_end INTEGER,
    PRIMARY KEY (doc_id, part_id)
);
CREATE TABLE chunks (
    rowid INTEGER PRIMARY KEY, doc_id TEXT, part_id INTEGER, page INTEGER, start INTEGER,
    "end" INTEGER, heading TEXT, text TEXT, periods TEXT, embed_hash TEXT, line INTEGER
);
CREATE INDEX chunks_doc ON chunks(doc_id);
-- index_text is heading + text with glossary expansions; stemming by FTS5's porter tokenizer.
CREATE VIRTUAL TABLE chunks_fts USING fts5(index_text, content='', tokenize='porter unicode61');
CREATE TABLE questions (
    doc_id TEXT, number TEXT, kind TEXT, questioner TEXT, question_to TEXT, question TEXT, response_by TEXT,
    response TEXT, supplementary_question TEXT, supplementary_response_by TEXT, supplementary_response TEXT,
    page INTEGER, line INTEGER
);
CREATE TABLE commitments (
    doc_id TEXT, part_id INTEGER, kind TEXT, quote TEXT, owner TEXT, due TEXT, due_iso TEXT, meeting_date TEXT,
    page INTEGER, line INTEGER
);
CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER);  -- chunks holding each stemmed term
CREATE TABLE glossary (acronym TEXT, expansion TEXT, doc_id TEXT, PRIMARY KEY (acronym, expansion));
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


def write_document(connection: sqlite3.Connection, document: Document, parts: list[Part]) -> None:
    connection.execute(
        "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)",
        (document.doc_id, document.path, document.title, document.committee, document.meeting_date,
         document.doc_type, document.source_url, document.sha256, len(document.pages),
         json.dumps(list(document.page_labels))),
    )
    connection.executemany(
        "INSERT INTO parts VALUES (?,?,?,?,?,?)",
        [(p.doc_id, p.part_id, p.title, p.part_date, p.page_start, p.page_end) for p in parts],
    )


def write_chunk(connection: sqlite3.Connection, chunk: Chunk, index_text: str, periods: list,
                embed_hash: str = "") -> int:
    cursor = connection.execute(
        'INSERT INTO chunks (doc_id, part_id, page, start, "end", heading, text, periods, line, embed_hash)'
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        (chunk.doc_id, chunk.part_id, chunk.page, chunk.start, chunk.end, chunk.heading, chunk.text,
         json.dumps(periods), chunk.line, embed_hash),
    )
    rowid = cursor.lastrowid
    connection.execute("INSERT INTO chunks_fts (rowid, index_text) VALUES (?, ?)", (rowid, index_text))
    return rowid


def row_to_chunk(row: sqlite3.Row) -> Chunk:
    return Chunk(row["rowid"], row["doc_id"], row["part_id"], row["page"], row["start"], row["end"],
                 row["heading"], row["text"], row["line"] or 0)


def load_documents(connection: sqlite3.Connection) -> dict[str, Document]:
    return {
        row["doc_id"]: Document(row["doc_id"], row["path"], row["title"], row["committee"],
                                row["meeting_date"], row["doc_type"], row["source_url"], (), row["sha256"],
                                tuple(json.loads(row["page_labels"] or "[]")))
        for row in connection.execute("SELECT * FROM documents")
    }


def load_parts(connection: sqlite3.Connection) -> dict[tuple[str, int], Part]:
    return {
        (row["doc_id"], row["part_id"]): Part(row["doc_id"], row["part_id"], row["title"], row["part_date"],
                                              row["page_start"], row["page_end"])
        for row in connection.execute("SELECT * FROM parts")
    }


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


# -- writing a generation ---------------------------------------------------------------------------

def write_term_df(connection: sqlite3.Connection, df: Counter) -> None:
    connection.executemany("INSERT INTO term_df VALUES (?,?)", df.items())


def write_glossary(connection: sqlite3.Connection, rows: list[tuple[str, str, str]]) -> None:
    connection.executemany("INSERT OR IGNORE INTO glossary VALUES (?,?,?)", rows)


def attach_previous(connection: sqlite3.Connection, path: Path) -> None:
    """Attach the previous generation's database as `old` (outside any transaction, as SQLite requires)."""
    connection.execute("ATTACH DATABASE ? AS old", (str(path),))


PAPER_TABLES = ("documents", "parts", "questions", "commitments")


def copy_paper(connection: sqlite3.Connection, doc_id: str) -> list[sqlite3.Row]:
    """Copy one unchanged paper's rows from the attached previous generation; returns its chunk rows
    (with their periods) for the caller to store again under new rowids."""
    for table in PAPER_TABLES:
        connection.execute(f"INSERT INTO {table} SELECT * FROM old.{table} WHERE doc_id=?", (doc_id,))
    return connection.execute("SELECT rowid, * FROM old.chunks WHERE doc_id=? ORDER BY rowid", (doc_id,)).fetchall()


def embed_hashes(connection: sqlite3.Connection) -> list[sqlite3.Row]:
    return connection.execute("SELECT rowid, embed_hash FROM chunks").fetchall()


# -- reading ----------------------------------------------------------------------------------------

def row_periods(row: sqlite3.Row) -> list:
    """A chunk row's stored periods: [[first, last], ...] as [year, month] pairs."""
    return json.loads(row["periods"] or "[]")


def glossary_rows(connection: sqlite3.Connection) -> list[sqlite3.Row]:
    return connection.execute("SELECT acronym, expansion, doc_id FROM glossary").fetchall()


def term_df(connection: sqlite3.Connection) -> Counter:
    return Counter({row[0]: row[1] for row in connection.execute("SELECT term, df FROM term_df")})


def chunk_count(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT count(*) FROM chunks").fetchone()[0])


def lexical_ids(connection: sqlite3.Connection, expression: str, n: int) -> list[int]:
    """Chunk rowids matching an FTS5 expression, best bm25() first."""
    rows = connection.execute(
        "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY bm25(chunks_fts) LIMIT ?", (expression, n)
    ).fetchall()
    return [r[0] for r in rows]


def chunk_rows(connection: sqlite3.Connection, rowids: list[int]) -> dict[int, sqlite3.Row]:
    """Chunk rows by rowid, in one query."""
    found: dict[int, sqlite3.Row] = {}
    for start in range(0, len(rowids), 500):  # SQLite's default limit on bound parameters is 999
        batch = rowids[start : start + 500]
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
    return [dict(r) for r in connection.execute("SELECT * FROM commitments ORDER BY meeting_date, doc_id, page, line")]


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
