"""Search speed, as ratios against baselines measured in the same run (machines here are noisy).

1. Lexical: SQLite FTS5 bm25() against rank-bm25 (the reference BM25) on N synthetic chunks made
   from the corpus vocabulary.
2. End to end on the built index: `ask` (hybrid + rerank + answer) and hybrid search, against
   lexical-only search.

    .venv/bin/python benchmarks/search_speed.py [--chunks 20000] [--queries 30]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(function, items) -> float:
    """Median seconds per item."""
    samples = []
    for item in items:
        start = time.perf_counter()
        function(item)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def lexical_comparison(n_chunks: int, n_queries: int) -> None:
    from rank_bm25 import BM25Okapi

    from archive.text import words

    vocabulary = [w for p in sorted((ROOT / "corpus").glob("*.txt")) for w in words(p.read_text())]
    rng = random.Random(7)
    docs = [" ".join(rng.choices(vocabulary, k=120)) for _ in range(n_chunks)]
    queries = [" ".join(rng.choices(vocabulary, k=5)) for _ in range(n_queries)]

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')")
    db.executemany("INSERT INTO t(x) VALUES (?)", [(d,) for d in docs])

    def fts(query: str) -> None:
        expression = " OR ".join(f'"{w}"' for w in words(query))
        db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 60", (expression,)).fetchall()

    bm25 = BM25Okapi([words(d) for d in docs])

    def reference(query: str) -> None:
        scores = bm25.get_scores(words(query))
        sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:60]

    base = timed(reference, queries)
    ours = timed(fts, queries)
    print(f"lexical, {n_chunks} chunks: rank-bm25 {base * 1000:.1f} ms/query (baseline), "
          f"FTS5 {ours * 1000:.1f} ms/query, ratio {ours / base:.3f}")


def end_to_end(n_queries: int) -> None:
    from archive import Archive
    from archive.evaluate.metrics import load_questions

    archive = Archive.open(ROOT / "index")
    questions = [q["question"] for q in load_questions(ROOT / "eval" / "questions.jsonl")][:n_queries]
    archive.ask(questions[0])  # load the model and the statistics once
    base = timed(lambda q: archive.search(q, k=10, mode="lexical"), questions)
    hybrid = timed(lambda q: archive.search(q, k=10), questions)
    ask = timed(archive.ask, questions)
    print(f"end to end, {archive.chunk_count} chunks: lexical search {base * 1000:.1f} ms (baseline), "
          f"hybrid search {hybrid * 1000:.1f} ms (x{hybrid / base:.1f}), ask {ask * 1000:.1f} ms (x{ask / base:.1f})")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=20000)
    parser.add_argument("--queries", type=int, default=30)
    args = parser.parse_args()
    lexical_comparison(args.chunks, args.queries)
    if (ROOT / "index" / "CURRENT").exists():
        end_to_end(args.queries)
    else:
        print("no index/: run `archive index` for the end-to-end figures")
