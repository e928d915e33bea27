"""Candidate passages for a query: FTS5 bm25() and the dense index, each restricted by the filters
inside the search (not after it), fused by reciprocal rank."""

from __future__ import annotations

import sqlite3

from archive.ask.evidence import Papers, Passage
from archive.ask.filters import Filters
from archive.ask.fuse import reciprocal_rank_fusion
from archive.ask.query import Query, fts_query
from archive.ask.stats import CorpusStats
from archive.dates import Period
from archive.index import dense, store
from archive.index.embed import Embedder


def lexical(db: sqlite3.Connection, query: Query, n: int, filters: Filters | None = None,
            stats: CorpusStats | None = None) -> list[int]:
    expression = fts_query(query, stats.frequent if stats else None)
    restriction = filters.restriction() if filters else None
    return store.lexical_ids(db, expression, n, restriction) if expression else []


OVERFETCH = 8  # a filtered dense search first looks this many times further in the unfiltered ranking


def semantic(vectors: dense.DenseIndex, embedder: Embedder, query: Query, n: int,
             db: sqlite3.Connection | None = None, filters: Filters | None = None) -> list[int]:
    """The n chunks nearest the question, among those the filters allow. On an approximate index a
    broad filter is served from the unfiltered ranking looked at further (no list of the allowed
    rows, which can run to hundreds of thousands); a narrow one, or any filter on a small archive,
    scans exactly the rows it allows."""
    restriction = filters.restriction() if filters else None
    vector = embedder.encode([query.search_text])[0]
    if not restriction:
        return [rowid for rowid, _ in vectors.search(vector, n)]
    if vectors.ann is not None:
        ranked = [rowid for rowid, _ in vectors.search(vector, n * OVERFETCH)]
        kept = store.allowed_among(db, restriction, ranked)
        if len(kept) >= n:
            return [rowid for rowid in ranked if rowid in kept][:n]
    allowed = store.allowed_rowids(db, restriction)
    return [rowid for rowid, _ in vectors.search(vector, n, allowed)] if len(allowed) else []


def passage_of_row(papers: Papers, row: sqlite3.Row, score: float = 0.0, lexical_rank: int | None = None,
                   dense_rank: int | None = None) -> Passage:
    """A stored chunk row as a passage, with the dates stored for it at index time."""
    periods = tuple(Period(tuple(a), tuple(b)) for a, b in store.row_periods(row))
    return papers.passage(papers.hit(store.row_to_chunk(row), score, lexical_rank, dense_rank), periods)


def fused_passages(db: sqlite3.Connection, papers: Papers, lexical_ids: list[int],
                   dense_ids: list[int]) -> list[Passage]:
    """Both rankings (already restricted by the filters) fused, the passages read in one query."""
    fused = reciprocal_rank_fusion([lexical_ids, dense_ids])
    lexical_rank = {rowid: i + 1 for i, rowid in enumerate(lexical_ids)}
    dense_rank = {rowid: i + 1 for i, rowid in enumerate(dense_ids)}
    rows = store.chunk_rows(db, [rowid for rowid, _ in fused])
    return [passage_of_row(papers, rows[rowid], score, lexical_rank.get(rowid), dense_rank.get(rowid))
            for rowid, score in fused]
