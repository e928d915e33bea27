"""Readers' verdicts on answers (helpful / wrong), kept in a small SQLite file of their own so that
rebuilding the index never loses them. ARCHIVE_FEEDBACK_DB sets the file (default index/feedback.db)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from archive.index import format

VERDICTS = ("helpful", "wrong")
SCHEMA = """CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY, at TEXT, question TEXT, answer TEXT, verdict TEXT, doc_id TEXT, chunk_id INTEGER,
    comment TEXT
)"""


def feedback_path(index_dir: Path | str | None = None) -> Path:
    return format.beside_generations("feedback.db", "ARCHIVE_FEEDBACK_DB", index_dir)


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(str(path))
    connection.row_factory = sqlite3.Row
    connection.execute(SCHEMA)
    return connection


def record(path: Path, question: str, answer: str | None, verdict: str, doc_id: str = "",
           chunk_id: int | None = None, comment: str = "") -> None:
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {VERDICTS}")
    with _connect(path) as connection:
        connection.execute(
            "INSERT INTO feedback (at, question, answer, verdict, doc_id, chunk_id, comment) VALUES (?,?,?,?,?,?,?)",
            (datetime.now(UTC).isoformat(timespec="seconds"), question, answer or "", verdict, doc_id, chunk_id,
             comment[:2000]),
        )
    connection.close()


def entries(path: Path) -> list[dict]:
    if not path.exists():
        return []
    connection = _connect(path)
    rows = [dict(r) for r in connection.execute("SELECT * FROM feedback ORDER BY id DESC")]
    connection.close()
    return rows
