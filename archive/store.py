"""The SQLite side of the index: documents, parts, chunks and an FTS5 table for BM25."""

from __future__ import annotations

import json
import sqlite3
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
