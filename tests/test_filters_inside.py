"""Filters act inside retrieval: a filter that matches one paper returns that paper's passages even
where hundreds of better-matching chunks of other papers crowd it out of the unfiltered ranking.
Checked on the exact dense search and on the approximate (IVF) one."""

import csv

import numpy as np
import pytest

from archive import Archive, Filters
from archive.ask.retrieve import search as retrieve
from archive.build.indexer import build_index
from archive.index import dense
from archive.index.embed import HashEmbedder

QUESTION = "library closure consultation responses"
TARGET = "licensing-2019-06-04.txt"


def _write_corpus(root):
    """150 Cabinet reports about the library closure consultation (4 chunks each), and one
    Licensing minutes that mentions it once among other business."""
    root.mkdir()
    rows = []
    for i in range(150):
        name = f"cabinet-{i:03d}.txt"
        paragraphs = [
            f"{n}. Library closure consultation update {i}-{n}\n\n"
            + " ".join([f"The library closure consultation received responses from residents in ward {i}."] * 12)
            for n in range(1, 5)]
        (root / name).write_text("\n\n".join(paragraphs) + "\n")
        rows.append([name, f"Library report {i}", "Cabinet", f"202{i % 4}-0{1 + i % 9}-15", "report"])
    (root / TARGET).write_text(
        "1. Taxi licensing fees\n\nThe sub-committee agreed the hackney carriage fee schedule for 2019/20.\n\n"
        "2. Any other business\n\nA member asked about the library closure consultation; officers would report.\n")
    rows.append([TARGET, "Minutes", "Licensing Sub-Committee", "2019-06-04", "minutes"])
    with open(root / "manifest.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "title", "committee", "meeting_date", "doc_type"])
        writer.writerows(rows)
    return root


@pytest.fixture(scope="module", params=["flat", "ivf"])
def crowded(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"crowded-{request.param}")
    patch = pytest.MonkeyPatch()
    if request.param == "ivf":  # the approximate index a large archive gets, on a small one
        patch.setattr(dense, "ANN_MIN_VECTORS", 100)
    build_index(_write_corpus(root / "corpus"), root / "index", HashEmbedder(), progress=False, log=lambda m: None)
    patch.undo()
    archive = Archive.open(root / "index", embedder=HashEmbedder())
    assert archive.manifest["ann"]["kind"] == ("ivf-sq8" if request.param == "ivf" else "flat")
    return archive


def _target_rowids(archive):
    return {c.chunk_id for p in archive.document_parts(TARGET) for c in archive.part_chunks(TARGET, p.part_id)}


def test_the_target_is_crowded_out_of_the_unfiltered_ranking(crowded):
    query = crowded.query(QUESTION)
    assert crowded.chunk_count > 600
    assert not _target_rowids(crowded) & set(retrieve.lexical(crowded.db, query, 300))
    assert not _target_rowids(crowded) & set(retrieve.semantic(crowded.vectors, crowded.embedder, query, 300))


@pytest.mark.parametrize("filters", [
    Filters(committee="licensing"),
    Filters(meeting="2019-06-04"),
    Filters(date_from="2019-01-01", date_to="2019-12-31"),
    Filters(doc_type="Minutes"),
], ids=["committee", "meeting", "date-range", "type"])
def test_a_filter_matching_one_paper_returns_its_best_passage(crowded, filters):
    for mode in ("hybrid", "lexical", "dense"):
        hits = crowded.search(QUESTION, k=5, filters=filters, mode=mode)
        assert hits and {h.chunk.doc_id for h in hits} == {TARGET}, mode
    assert "library closure" in crowded.search(QUESTION, k=1, filters=filters)[0].chunk.text


def test_a_filter_nothing_matches_returns_nothing(crowded):
    assert crowded.search(QUESTION, filters=Filters(committee="Planning")) == []
    assert crowded.ask(QUESTION, filters=Filters(date_to="2010-01-01")).text is None


def test_a_broad_filter_on_the_approximate_index_keeps_to_the_filter(crowded, monkeypatch):
    monkeypatch.setattr(dense, "EXACT_SUBSET", 0)  # the ID-selector path taken by broad filters
    hits = crowded.search(QUESTION, k=10, filters=Filters(committee="cabinet", date_from="2021-01-01"), mode="dense")
    assert len(hits) == 10
    assert all(h.document.committee == "Cabinet" and crowded.context_date(h.chunk) >= "2021-01-01" for h in hits)


def test_dense_search_agrees_with_an_exact_scan(crowded):
    """Recall@10 by score (these papers repeat themselves, so many chunks tie): a result counts when
    it scores at least the exact tenth best."""
    rng = np.random.default_rng(3)
    recall = []
    for i in rng.choice(crowded.chunk_count, 20, replace=False):
        vector = crowded.vectors.rows([int(i) + 1])[0]
        tenth = crowded.vectors.exact(vector, 10)[-1][1]
        found = crowded.vectors.search(vector, 10)
        recall.append(sum(score >= tenth - 1e-5 for _, score in found) / 10)
    assert np.mean(recall) >= 0.95
