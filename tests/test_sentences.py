"""What the build reads once for the answer stage (index/sentences.py, build/sentences.py): each
chunk's sentences, their dates and vectors, and the kinds of answer a chunk holds; answering from
them gives what answering from the text gives."""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pytest

from archive import Archive
from archive.ask import pipeline
from archive.ask.retrieve.filters import Filters
from archive.ask.select.candidates import sentence_similarity
from archive.ask.select.kinds import holds_kind, kinds_held
from archive.ask.understand.query import parse_query
from archive.build.indexer import build_index
from archive.dates import find_periods, reference_date
from archive.index.embed import HashEmbedder
from archive.index.format import current_generation
from archive.index.sentences import MATRIX, SentenceReading
from archive.text import prose_sentence_spans

QUIET = {"progress": False, "log": lambda message: None}


def test_a_reading_keeps_offsets_and_both_readings_of_the_dates():
    text = "Last year 38 children arrived. In March 2024 there were 41.\nThe plan was agreed."
    reading = SentenceReading.of(text, "Quarter 1 2023/24", "2024-05-01", first=7)
    assert list(reading.spans) == prose_sentence_spans(text)
    first = text[slice(*reading.spans[0])]
    # "last year" is a date only against the meeting's date; without one it is no date at all
    assert [p.first for p in reading.periods[0]] == [p.first for p in find_periods(first, reference_date("2024-05-01"))]
    assert reading.periods[0] and not reading.plain[0]
    assert list(reading.plain[1]) == find_periods(text[slice(*reading.spans[1])])
    assert SentenceReading.loads(reading.dumps(), 7) == reading


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from tests.conftest import CORPUS

    index_dir = tmp_path_factory.mktemp("sentences") / "index"
    report = build_index(CORPUS, index_dir, HashEmbedder(), **QUIET)
    return index_dir, report


def test_every_chunk_has_its_sentences_and_a_vector_each(built):
    index_dir, report = built
    generation = current_generation(index_dir)
    matrix = np.load(generation / MATRIX)
    embedder = HashEmbedder()
    with sqlite3.connect(generation / "archive.db") as db:
        rows = db.execute("SELECT c.rowid, c.text, s.first, s.count, s.reading FROM chunks c "
                          "JOIN sentences s ON s.chunk_id = c.rowid ORDER BY c.rowid").fetchall()
        chunks = db.execute("SELECT count(*) FROM chunks").fetchone()[0]
    assert len(rows) == chunks and report.sentences == len(matrix) == sum(r[3] for r in rows)
    for _, text, first, count, stored in rows[::25]:
        spans = json.loads(stored)[0]
        assert len(spans) == count and [tuple(s) for s in spans] == prose_sentence_spans(text)
        sentences = [text[a:b] for a, b in spans]
        assert np.allclose(matrix[first : first + count], embedder.encode(sentences), atol=2e-3)


def test_a_rebuild_reuses_the_sentences_vectors(built, tmp_path):
    from tests.conftest import CORPUS

    index_dir, _ = built
    again = build_index(CORPUS, index_dir, HashEmbedder(), **QUIET)
    assert again.embedded_sentences == 0 and again.sentences > 0


def test_the_stored_kinds_say_what_reading_the_text_says(built):
    index_dir, _ = built
    with sqlite3.connect(current_generation(index_dir) / "archive.db") as db:
        rows = db.execute("SELECT text, kinds FROM chunks").fetchall()
    assert {k for _, kinds in rows for k in kinds.split()} == {"figure", "time", "date", "duration"}
    query = parse_query("How many children were in care in March 2024?")
    for text, kinds in rows:
        held = frozenset(kinds.split())
        assert held == kinds_held(text)
        assert holds_kind(query, text, held) == holds_kind(query, text)


def test_similarity_from_stored_vectors_is_what_encoding_gives(built):
    index_dir, _ = built
    archive = Archive.open(index_dir, embedder=HashEmbedder())
    resources = archive.resources
    query = pipeline.embed(pipeline.understand("What was the UASC figure in January 2024?", resources), resources)
    found = pipeline.passages(query, 10, Filters(), resources)
    evidence = pipeline.evidence(query, found, resources)
    assert all(p.reading is not None and p.reading.first >= 0 for p in evidence.passages)
    stored = sentence_similarity(evidence, resources.sentences)
    encoded = sentence_similarity(pipeline.Evidence(query, tuple(found), resources.stats), resources.sentences)
    assert stored.keys() == encoded.keys()
    assert max(abs(stored[s] - encoded[s]) for s in stored) < 5e-3
    assert archive.ask("What was the UASC figure in January 2024?").text == "38"
