"""The embedded index store (the default): one generation directory read in-process, the SQLite
database through index/store.py (FTS5 bm25() for lexical search) and the vectors through
index/dense.py. Nothing to configure, no server."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import numpy as np

from archive.index import dense, format, sentences, store
from archive.index.store import Restriction
from archive.records import Chunk, Document, Part

OVERFETCH = 8  # a filtered approximate search first looks this many times further in the unfiltered ranking


def dense_ids(vectors: dense.DenseIndex, db: sqlite3.Connection | None, vector: np.ndarray, n: int,
              restriction: Restriction | None = None) -> list[int]:
    """The n chunks nearest `vector`, among those the restriction allows. On an approximate index a
    broad filter is served from the unfiltered ranking looked at further (no list of the allowed
    rows, which can run to hundreds of thousands); a narrow one, or any filter on a small archive,
    scans exactly the rows it allows."""
    if not restriction:
        return [rowid for rowid, _ in vectors.search(vector, n)]
    if vectors.ann is not None:
        ranked = [rowid for rowid, _ in vectors.search(vector, n * OVERFETCH)]
        kept = store.allowed_among(db, restriction, ranked)
        if len(kept) >= n:
            return [rowid for rowid in ranked if rowid in kept][:n]
    allowed = store.allowed_rowids(db, restriction)
    return [rowid for rowid, _ in vectors.search(vector, n, allowed)] if len(allowed) else []


class EmbeddedStore:
    def __init__(self, generation: Path, manifest: dict) -> None:
        self.generation = generation
        self.name = generation.name
        self.manifest = manifest
        self.reader = store.Reader(generation / format.DATABASE)
        self.vectors = dense.DenseIndex.load(generation, manifest.get("ann"))
        self.sentence_matrix = sentences.load_matrix(generation)

    @classmethod
    def open(cls, index_dir: Path) -> EmbeddedStore:
        generation, manifest = format.open_generation(index_dir)
        return cls(generation, manifest)

    @property
    def db(self) -> sqlite3.Connection:
        return self.reader.db

    def documents(self) -> dict[str, Document]:
        return store.load_documents(self.db)

    def parts(self) -> dict[tuple[str, int], Part]:
        return store.load_parts(self.db)

    def glossary_rows(self) -> list[sqlite3.Row]:
        return store.glossary_rows(self.db)

    def term_df(self) -> Counter:
        return store.term_df(self.db)

    def chunk_count(self) -> int:
        return store.chunk_count(self.db)

    def lexical_ids(self, expression: str, n: int, restriction: Restriction | None = None) -> list[int]:
        return store.lexical_ids(self.db, expression, n, restriction)

    def dense_ids(self, vector: np.ndarray, n: int, restriction: Restriction | None = None) -> list[int]:
        return dense_ids(self.vectors, self.db, vector, n, restriction)

    def chunk_rows(self, rowids: list[int]) -> dict[int, sqlite3.Row]:
        return store.chunk_rows(self.db, rowids)

    def sentence_readings(self, rowids: list[int]) -> dict[int, sentences.SentenceReading]:
        return {rowid: sentences.with_vectors(sentences.SentenceReading.loads(text, first), self.sentence_matrix)
                for rowid, (first, text) in store.sentence_rows(self.db, rowids).items()}

    def ocr_words(self, doc_id: str, page: int) -> tuple | None:
        return store.ocr_words(self.db, doc_id, page)

    def neighbour_chunks(self, chunk: Chunk, before: int, after: int) -> list[Chunk]:
        return store.neighbour_chunks(self.db, chunk, before, after)

    def part_chunks(self, doc_id: str, part_id: int) -> list[Chunk]:
        return store.part_chunks(self.db, doc_id, part_id)

    def question_rows(self) -> list[dict]:
        return store.question_rows(self.db)

    def commitment_rows(self) -> list[dict]:
        return store.commitment_rows(self.db)

    def people_rows(self) -> list[dict]:
        return store.people_rows(self.db)

    def appearance_rows(self, person_id: int | None = None) -> list[dict]:
        return store.appearance_rows(self.db, person_id)

    def decision_rows(self) -> list[dict]:
        return store.decision_rows(self.db)

    def live_name(self) -> str | None:
        current = format.current_generation(self.generation.parent)
        return current.name if current is not None else None

    def close(self) -> None:
        self.reader.close()
