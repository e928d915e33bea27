from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
QUESTIONS = ROOT / "eval" / "questions.jsonl"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def hash_index(tmp_path_factory) -> Path:
    """The shipped corpus indexed with the deterministic stand-in embedder."""
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    index_dir = tmp_path_factory.mktemp("hash-index")
    build_index(CORPUS, index_dir, HashEmbedder(), progress=False, log=lambda m: None)
    return index_dir


@pytest.fixture(scope="session")
def hash_archive(hash_index):
    from archive import Archive
    from archive.index.embed import HashEmbedder

    return Archive.open(hash_index, embedder=HashEmbedder())


@pytest.fixture(scope="session")
def real_embedder():
    from archive.index.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def real_index(tmp_path_factory, real_embedder) -> Path:
    """The shipped corpus indexed with the real all-MiniLM-L6-v2 model."""
    from archive.build.indexer import build_index

    index_dir = tmp_path_factory.mktemp("real-index")
    build_index(CORPUS, index_dir, real_embedder, progress=False, log=lambda m: None)
    return index_dir


@pytest.fixture(scope="session")
def real_archive(real_index, real_embedder):
    from archive import Archive

    return Archive.open(real_index, embedder=real_embedder)


@pytest.fixture()
def small_corpus(tmp_path) -> Path:
    """A copy of two shipped papers and their manifest rows, to change freely in a test."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    keep = ["2024-09-10-smb-public-questions.txt", "2024-03-12-cyp-scrutiny-minutes-corporate-parenting.txt"]
    for name in keep:
        shutil.copy(CORPUS / name, corpus / name)
    lines = (CORPUS / "manifest.csv").read_text().splitlines()
    rows = [row for row in lines[1:] if row.split(",")[0] in keep]
    (corpus / "manifest.csv").write_text("\n".join([lines[0], *rows]) + "\n")
    return corpus


def assert_floors(result, floors: dict) -> None:
    """Every metric of an EvalResult at or above its floor; the failing questions on failure."""
    summary = result.summary()
    failing = {k: summary[k] for k, floor in floors.items() if summary[k] < floor}
    assert not failing, f"{summary}\n{[r for r in result.rows if not r['correct']]}"


HOSTILE_TEXT = (
    "Report on playground safety\n\nThe playground inspection noted <script>alert(1)</script> and "
    "<img src=x onerror=alert(2)> and **bold claims** with [a link](javascript:alert(1)) in the playground report.\n"
)


@pytest.fixture()
def hostile_index(tmp_path) -> Path:
    """An index of one paper whose text holds HTML, a script and markdown that must show as text."""
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    corpus = tmp_path / "hostile-corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(HOSTILE_TEXT)
    build_index(corpus, tmp_path / "hostile-index", HashEmbedder(), progress=False, log=lambda m: None)
    return tmp_path / "hostile-index"
