import json
import shutil

import numpy as np
import pytest

from archive import Archive, Filters
from archive.build.indexer import build_index
from archive.errors import ArchiveError, IndexMismatchError, IndexMissingError
from archive.index.embed import HashEmbedder
from archive.index.format import FORMAT_VERSION, current_generation
from tests.pdfs import make_pdf, make_scanned_pdf


def _build(corpus, index_dir, embedder=None):
    return build_index(corpus, index_dir, embedder or HashEmbedder(), progress=False, log=lambda m: None)


def test_manifest_records_how_the_index_was_built(hash_index):
    generation = current_generation(hash_index)
    manifest = json.loads((generation / "manifest.json").read_text())
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["model"] == "hash-256" and manifest["dim"] == 256
    assert manifest["chunking"]["strategy"] == "structure-v1"
    assert len(manifest["files"]) == 5
    assert all(len(digest) == 64 for digest in manifest["files"].values())
    assert (generation / "archive.db").exists() and (generation / "vectors.npy").exists()


def test_search_returns_cited_hits(hash_archive):
    hits = hash_archive.search("unaccompanied asylum seeking children January 2024", k=5)
    assert hits and any("In January 2024 this was 38." in h.chunk.text for h in hits)
    for hit in hits:
        assert hit.document is not None and hit.document.committee
        assert hit.chunk.page >= 1


def test_lexical_and_dense_modes(hash_archive):
    lexical = hash_archive.search("Telford and Wrekin", k=3, mode="lexical")
    dense = hash_archive.search("Telford and Wrekin", k=3, mode="dense")
    assert "Telford and Wrekin" in lexical[0].chunk.text
    assert all(h.lexical_rank is None for h in dense) and all(h.dense_rank is None for h in lexical)


def test_filters(hash_archive):
    hits = hash_archive.search("children in care", k=10, filters=Filters(committee="Council"))
    assert hits and all(h.document.committee == "Council" for h in hits)
    hits = hash_archive.search("children in care", k=10, filters=Filters(date_from="2024-01-01", date_to="2024-02-01"))
    assert hits and all(hash_archive.context_date(h.chunk) == "2024-01-23" for h in hits)
    assert hash_archive.search("children in care", filters=Filters(doc_type="no such type")) == []


def test_glossary_from_the_corpus(hash_archive):
    entries = {k: {e.lower() for e in v} for k, v in hash_archive.glossary.entries.items()}
    assert "unaccompanied asylum seeking children" in entries["UASC"]
    assert "edge of care home team" in entries["ECHO"]
    assert "2024-03-12-cyp-scrutiny-agenda-pack.txt" in hash_archive.glossary.sources["ECHO"]
    assert "looked after children" in entries["LAC"]  # council vocabulary, not defined in these papers
    assert hash_archive.glossary.sources["LAC"] == {"council vocabulary"}


def test_other_embedder_gives_a_clear_error(hash_index):
    with pytest.raises(IndexMismatchError, match="rebuild"):
        Archive.open(hash_index, embedder=HashEmbedder(dim=64))


def test_missing_index_gives_a_clear_error(tmp_path):
    with pytest.raises(IndexMissingError, match="archive index"):
        Archive.open(tmp_path / "nowhere")


def test_other_format_version_gives_a_clear_error(small_corpus, tmp_path):
    index_dir = tmp_path / "index"
    _build(small_corpus, index_dir)
    manifest_path = current_generation(index_dir) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["format_version"] = 0
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match="rebuild"):
        Archive.open(index_dir, embedder=HashEmbedder())


def test_rebuild_reuses_vectors_and_picks_up_changes(small_corpus, tmp_path):
    index_dir = tmp_path / "index"
    first = _build(small_corpus, index_dir)
    assert first.embedded == first.chunks and len(first.indexed) == 2
    second = _build(small_corpus, index_dir)
    assert second.embedded == 0 and second.reused_vectors == second.chunks
    assert len(second.unchanged) == 2
    extra = small_corpus / "new-report.txt"
    extra.write_text("Title of report: Road resurfacing\n\nThe council spent £2.1m on road resurfacing in 2023.\n")
    third = _build(small_corpus, index_dir)
    assert third.indexed == ["new-report.txt"] and third.embedded >= 1
    archive = Archive.open(index_dir, embedder=HashEmbedder())
    assert "road resurfacing" in archive.search("road resurfacing", k=1)[0].chunk.text
    extra.unlink()
    _build(small_corpus, index_dir)
    archive = Archive.open(index_dir, embedder=HashEmbedder())
    assert all("resurfacing" not in h.chunk.text for h in archive.search("road resurfacing", k=5))
    generations = sorted(p.name for p in index_dir.iterdir() if p.is_dir())
    # older generations are removed once the new one is current; the one readers were using until then stays
    assert len(generations) == 2 and current_generation(index_dir).name == generations[-1]


def test_bad_files_are_reported_and_the_rest_indexed(small_corpus, tmp_path):
    (small_corpus / "empty.pdf").write_bytes(b"")
    make_scanned_pdf(small_corpus / "scan.pdf")
    (small_corpus / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    make_pdf(small_corpus / "good.pdf", ["First page.", "The meeting ended at 4.45 pm on the second page."])
    report = _build(small_corpus, tmp_path / "index")
    skipped = dict(report.skipped)
    assert set(skipped) == {"empty.pdf", "scan.pdf", "broken.pdf"}
    assert "OCR" in skipped["scan.pdf"]
    assert "good.pdf" in report.indexed and len(report.indexed) == 3
    archive = Archive.open(tmp_path / "index", embedder=HashEmbedder())
    hit = archive.search("meeting ended 4.45 pm second page", k=1)[0]
    assert hit.chunk.doc_id == "good.pdf" and hit.chunk.page == 2


def test_nothing_indexable_is_an_error(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("")
    with pytest.raises(ArchiveError, match="nothing could be indexed"):
        _build(corpus, tmp_path / "index")


class _FailingEmbedder(HashEmbedder):
    def encode(self, texts, progress=False):
        raise KeyboardInterrupt  # as if the user pressed Ctrl-C while embedding


def test_interrupted_build_keeps_the_previous_index(small_corpus, tmp_path):
    index_dir = tmp_path / "index"
    _build(small_corpus, index_dir)
    before = current_generation(index_dir)
    (small_corpus / "more.txt").write_text("A new paper about something else entirely.\n")
    with pytest.raises(KeyboardInterrupt):
        _build(small_corpus, index_dir, _FailingEmbedder())
    assert current_generation(index_dir) == before
    assert not [p for p in index_dir.iterdir() if p.name.startswith(".building")]
    archive = Archive.open(index_dir, embedder=HashEmbedder())
    assert archive.search("family group conferences", k=1)


def test_vectors_are_normalised():
    vectors = HashEmbedder().encode(["children in care", "", "UASC"])
    norms = np.linalg.norm(vectors, axis=1)
    assert np.allclose(norms[[0, 2]], 1.0) and norms[1] == 0.0
    assert np.array_equal(vectors, HashEmbedder().encode(["children in care", "", "UASC"]))


def test_copy_of_an_index_directory_still_opens(hash_index, tmp_path):
    copy = tmp_path / "copied"
    shutil.copytree(hash_index, copy)
    assert Archive.open(copy, embedder=HashEmbedder()).chunk_count > 100


def test_unchanged_files_are_not_read_again(small_corpus, tmp_path, monkeypatch):
    from archive.build import indexer

    index_dir = tmp_path / "index"
    _build(small_corpus, index_dir)
    before = Archive.open(index_dir, embedder=HashEmbedder())
    expected = [(h.chunk.text, h.part.title) for h in before.search("family group conferences", k=3)]

    read = []
    real_read_pages = indexer.read_pages
    monkeypatch.setattr(indexer, "read_pages", lambda path: read.append(path.name) or real_read_pages(path))
    report = _build(small_corpus, index_dir)
    assert read == [] and len(report.not_reread) == 2 and report.embedded == 0
    after = Archive.open(index_dir, embedder=HashEmbedder())
    assert [(h.chunk.text, h.part.title) for h in after.search("family group conferences", k=3)] == expected
    assert after.questions(questioner="Maggie Steel")
    assert "2024-09-10-smb-public-questions.txt" in after.glossary.sources["UASC"]
    assert report.follow_ups == 0 and after.commitments() == before.commitments()  # copied with the papers

    # a changed manifest row is read again: titles and dates come from it
    manifest = small_corpus / "manifest.csv"
    manifest.write_text(manifest.read_text().replace("Questions from members of the public", "Public questions"))
    report = _build(small_corpus, index_dir)
    assert read == ["2024-09-10-smb-public-questions.txt"] and report.embedded == 0
    assert Archive.open(index_dir, embedder=HashEmbedder()).documents[
        "2024-09-10-smb-public-questions.txt"].title == "Public questions"
