"""SQLite FTS5's bm25() against rank-bm25, the reference implementation, on the same tokens."""

import re
import sqlite3

import pytest
from rank_bm25 import BM25Okapi

from tests.conftest import CORPUS


def _paragraphs() -> list[str]:
    text = (CORPUS / "2021-06-01-cyp-scrutiny-lac-performance-report.txt").read_text()
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if len(p.split()) >= 8]
    return [p.lower() for p in paragraphs]


@pytest.mark.parametrize("query", [["foster", "carers"], ["statistical", "neighbours"], ["postcode", "wards"]])
def test_fts5_scores_equal_reference_bm25(query):
    docs = _paragraphs()
    db = sqlite3.connect(":memory:")
    # plain unicode61 (no stemming) so both sides see the same tokens
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61')")
    db.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)", list(enumerate(docs)))
    # FTS5's unicode61 splits on every non-alphanumeric character; the reference gets the same tokens
    tokenised = [re.findall(r"[0-9a-z]+", doc) for doc in docs]
    reference = BM25Okapi(tokenised, k1=1.2, b=0.75)
    expected = reference.get_scores(query)
    rows = db.execute(
        "SELECT rowid, -bm25(t) FROM t WHERE t MATCH ?", (" OR ".join(f'"{w}"' for w in query),)
    ).fetchall()
    assert rows, query
    for rowid, score in rows:
        assert score == pytest.approx(expected[rowid], rel=1e-6), (rowid, docs[rowid][:80])
    matched = {rowid for rowid, _ in rows}
    assert all(expected[i] == 0 for i in range(len(docs)) if i not in matched)
