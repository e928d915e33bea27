"""The scale benchmark's corpus generator (benchmarks/scale_corpus.py): deterministic, and its papers
index and answer the questions generated from them. Timing lives in benchmarks/bench_scale.py."""

from pathlib import Path

from archive import Archive
from archive.build.indexer import build_index
from archive.index.embed import HashEmbedder
from benchmarks import scale_corpus


def _files(corpus: Path) -> dict[str, bytes]:
    return {p.relative_to(corpus).as_posix(): p.read_bytes() for p in sorted(corpus.rglob("*")) if p.is_file()}


def test_same_seed_same_corpus(tmp_path):
    first = scale_corpus.write_corpus(tmp_path / "a", chunks=400, seed=3, log=lambda m: None)
    second = scale_corpus.write_corpus(tmp_path / "b", chunks=400, seed=3, log=lambda m: None)
    assert first == second == scale_corpus.read_info(tmp_path / "a")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert scale_corpus.questions(first, 4) == scale_corpus.questions(second, 4)
    other = scale_corpus.write_corpus(tmp_path / "c", chunks=400, seed=4, log=lambda m: None)
    assert _files(tmp_path / "c") != _files(tmp_path / "a") and other.seed == 4


def test_generated_corpus_indexes_and_answers(tmp_path):
    info = scale_corpus.write_corpus(tmp_path / "corpus", chunks=600, seed=7, log=lambda m: None)
    manifest = (tmp_path / "corpus" / "manifest.csv").read_text().splitlines()
    assert manifest[0] == "file,title,committee,meeting_date,doc_type,source_url"
    assert len(manifest) - 1 == info.papers and {"report", "minutes", "agenda"} <= {
        row.split(",")[-2] for row in manifest[1:]}

    report = build_index(tmp_path / "corpus", tmp_path / "index", HashEmbedder(), progress=False, log=lambda m: None)
    assert not report.skipped and 0.6 * 600 <= report.chunks <= 1.6 * 600  # the size is roughly controllable

    archive = Archive.open(tmp_path / "index", embedder=HashEmbedder())
    question = next(q for q in scale_corpus.questions(info, 4) if q.kind == "figure")
    answer = archive.ask(question.text)
    assert answer.text == question.answer, (question, answer.text, answer.quote)
    assert question.answer in answer.citations[0].chunk.text
