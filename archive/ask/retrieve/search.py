"""Candidate passages for a query: BM25 and the dense index of the index store (embedded or
PostgreSQL), each restricted by the filters inside the search (not after it), fused by reciprocal rank."""

from __future__ import annotations

import sqlite3

from archive.ask.evidence import Papers, Passage
from archive.ask.retrieve.filters import Filters
from archive.ask.retrieve.fuse import reciprocal_rank_fusion
from archive.ask.retrieve.stats import CorpusStats
from archive.ask.understand.query import Query, fts_query
from archive.dates import Period
from archive.index import dense, embedded, store
from archive.index.backend import IndexStore, Row
from archive.index.embed import Embedder


def lexical(index: IndexStore | sqlite3.Connection, query: Query, n: int, filters: Filters | None = None,
            stats: CorpusStats | None = None) -> list[int]:
    """The n best lexical matches; `index` is an index store, or an embedded generation's database."""
    expression = fts_query(query, stats.frequent if stats else None)
    if not expression:
        return []
    restriction = filters.restriction() if filters else None
    if isinstance(index, sqlite3.Connection):
        return store.lexical_ids(index, expression, n, restriction)
    return index.lexical_ids(expression, n, restriction)


def semantic(index: IndexStore | dense.DenseIndex, embedder: Embedder, query: Query, n: int,
             db: sqlite3.Connection | None = None, filters: Filters | None = None) -> list[int]:
    """The n chunks nearest the question, among those the filters allow; `index` is an index store,
    or an embedded generation's vectors (with its database `db` when filtering). The query's own
    vector when it has one (ask/pipeline.embed), else the search text encoded now."""
    restriction = filters.restriction() if filters else None
    vector = query.vector if query.vector is not None else embedder.encode([query.search_text])[0]
    if isinstance(index, dense.DenseIndex):
        return embedded.dense_ids(index, db, vector, n, restriction)
    return index.dense_ids(vector, n, restriction)


def passage_of_row(papers: Papers, row: Row, score: float = 0.0, lexical_rank: int | None = None,
                   dense_rank: int | None = None) -> Passage:
    """A stored chunk row as a passage, with the dates stored for it at index time."""
    periods = tuple(Period(tuple(a), tuple(b)) for a, b in store.row_periods(row))
    return papers.passage(papers.hit(store.row_to_chunk(row), score, lexical_rank, dense_rank), periods,
                          store.row_kinds(row))


def fused_passages(index: IndexStore, papers: Papers, lexical_ids: list[int],
                   dense_ids: list[int]) -> list[Passage]:
    """Both rankings (already restricted by the filters) fused, the passages read in one query."""
    fused = reciprocal_rank_fusion([lexical_ids, dense_ids])
    lexical_rank = {rowid: i + 1 for i, rowid in enumerate(lexical_ids)}
    dense_rank = {rowid: i + 1 for i, rowid in enumerate(dense_ids)}
    rows = index.chunk_rows([rowid for rowid, _ in fused])
    return [passage_of_row(papers, rows[rowid], score, lexical_rank.get(rowid), dense_rank.get(rowid))
            for rowid, score in fused]


def passages_of(index: IndexStore, papers: Papers, rowids: list[int]) -> tuple[Passage, ...]:
    """Chunks by rowid as passages (in that order), read in one query."""
    rows = index.chunk_rows(rowids)
    return tuple(passage_of_row(papers, rows[i]) for i in rowids)
