"""The seam between the archive and where its index lives. `Archive` reads one generation through
an `IndexStore`; two implementations exist: the embedded default (a generation directory: SQLite
with FTS5, the vector matrix and its IVF index; index/embedded.py) and PostgreSQL (tsvector + GIN,
pgvector HNSW, read replicas; index/pg/). Everything above the seam is the same for both.

Rows come back as mappings read by column name (sqlite3.Row for the embedded store, dicts from
PostgreSQL), with the columns of the embedded schema (index/store.py), in its order.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from archive.index.store import Restriction
from archive.records import Chunk, Document, Part

DATABASE_URL_ENV = "ARCHIVE_DATABASE_URL"
REPLICAS_ENV = "ARCHIVE_DATABASE_REPLICAS"

Row = Mapping[str, Any]


class IndexStore(Protocol):
    name: str  # the generation's name (a directory name, or a PostgreSQL generation)
    manifest: dict

    def documents(self) -> dict[str, Document]: ...
    def parts(self) -> dict[tuple[str, int], Part]: ...
    def glossary_rows(self) -> list[Row]: ...
    def term_df(self) -> Counter: ...
    def chunk_count(self) -> int: ...

    def lexical_ids(self, expression: str, n: int, restriction: Restriction | None = None) -> list[int]:
        """Chunk rowids matching an FTS5-syntax expression (index/store.py's dialect: quoted phrases,
        AND, OR, parentheses), best BM25 first, among those the restriction allows."""

    def dense_ids(self, vector: np.ndarray, n: int, restriction: Restriction | None = None) -> list[int]:
        """The n chunk rowids nearest a unit vector (inner product), among those the restriction allows."""

    def chunk_rows(self, rowids: list[int]) -> dict[int, Row]: ...

    def sentence_readings(self, rowids: list[int]) -> dict:
        """Chunks' sentences read at build time (index/sentences.SentenceReading, with their vectors), by
        rowid; {} when the backend has none (the answer stage then reads the sentences itself)."""

    def neighbour_chunks(self, chunk: Chunk, before: int, after: int) -> list[Chunk]: ...
    def part_chunks(self, doc_id: str, part_id: int) -> list[Chunk]: ...
    def question_rows(self) -> list[dict]: ...
    def commitment_rows(self) -> list[dict]: ...
    def people_rows(self) -> list[dict]: ...
    def appearance_rows(self, person_id: int | None = None) -> list[dict]: ...
    def decision_rows(self) -> list[dict]: ...

    def ocr_words(self, doc_id: str, page: int) -> tuple | None:
        """A scanned page's word boxes (index/store.ocr_words), None for a page with a text layer."""

    def live_name(self) -> str | None:
        """The name of the generation readers should use now (a newer one once published)."""

    def close(self) -> None: ...


def _replicas(value: str | None) -> tuple[str, ...]:
    return tuple(url.strip() for url in (value or "").split(",") if url.strip())


@dataclass(frozen=True)
class Location:
    """Where the index lives: a PostgreSQL database (with read replicas) when a database URL is
    given, else the generations under `index_dir`. With a database, `index_dir` only holds the
    files kept beside the generations (readers' feedback, saved searches)."""

    index_dir: Path
    database_url: str = ""
    replicas: tuple[str, ...] = ()

    @classmethod
    def given(cls, index_dir: Path | str | None = None, database_url: str | None = None,
              replicas: tuple[str, ...] | list[str] | str | None = None) -> Location:
        """Explicit values, else ARCHIVE_DATABASE_URL / ARCHIVE_DATABASE_REPLICAS, else the index
        directory (ARCHIVE_INDEX_DIR or ./index). database_url="" chooses the embedded index."""
        from archive.index.format import default_index_dir

        url = os.environ.get(DATABASE_URL_ENV, "") if database_url is None else database_url
        if replicas is None:
            replicas = os.environ.get(REPLICAS_ENV, "")
        if isinstance(replicas, str):
            replicas = _replicas(replicas)
        directory = Path(index_dir) if index_dir else default_index_dir()
        return cls(directory, url.strip(), tuple(replicas) if url else ())

    @property
    def is_database(self) -> bool:
        return bool(self.database_url)

    def open_store(self) -> IndexStore:
        if self.is_database:
            from archive.index.pg.read import PostgresStore

            return PostgresStore.open(self.database_url, self.replicas)
        from archive.index.embedded import EmbeddedStore

        return EmbeddedStore.open(self.index_dir)
