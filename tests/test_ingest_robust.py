"""Ingestion on papers as councils publish them: ModernGov pages, printed page numbers, the same
paper under two names, a build killed midway, a very large file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archive import Archive
from archive.ask.cite import location_text
from archive.build.indexer import build_index
from archive.index.embed import HashEmbedder
from archive.index.format import current_generation
from tests.pdfs import make_pdf

MODERNGOV = """<html><head><title>Agenda for Cabinet on Thursday 20 June 2024</title></head><body>
<h1>Agenda and minutes</h1><p>Cabinet, Thursday 20 June 2024 10.00 am</p>
<div class="mgAiTitle"><h2>Agenda item</h2><p class="mgAiTitleTxt">12. Highways maintenance plan</p></div>
<p>To approve the plan.</p><h3>Minutes:</h3>
<p>The cabinet member introduced the plan. Resolved: that the highways maintenance plan be approved.</p>
<p class="mgAiTitleTxt">13. Library opening hours</p><h3>Minutes:</h3>
<p>Opening hours at Hereford library were extended to 7pm on weekdays.</p>
</body></html>"""


def _build(corpus: Path, index_dir: Path):
    return build_index(corpus, index_dir, HashEmbedder(), progress=False, log=lambda m: None)


def test_moderngov_agenda_items_become_parts(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cabinet-2024-06-20.html").write_text(MODERNGOV)
    (corpus / "manifest.csv").write_text(
        "file,title,committee,meeting_date,doc_type,source_url\n"
        "cabinet-2024-06-20.html,Cabinet agenda and minutes,Cabinet,2024-06-20,minutes,\n"
    )
    _build(corpus, tmp_path / "index")
    archive = Archive.open(tmp_path / "index", embedder=HashEmbedder())
    titles = [p.title for p in archive.parts.values()]
    assert "Item 12: Highways maintenance plan" in titles and "Item 13: Library opening hours" in titles
    assert len(titles) == 3  # the paper and its two items, each once
    hit = archive.search("library opening hours extended", k=1)[0]
    assert hit.part.title == "Item 13: Library opening hours"
    assert "<p" not in hit.chunk.text and "Opening hours at Hereford library" in hit.chunk.text


def test_printed_page_numbers_are_cited_beside_pdf_pages(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_pdf(corpus / "pack.pdf", [
        "Agenda for the meeting.",
        "The minutes of the previous meeting were approved.\nPage 9",
        "The fostering allowance rose to 219 pounds a week.\nPage 10",
    ])
    _build(corpus, tmp_path / "index")
    archive = Archive.open(tmp_path / "index", embedder=HashEmbedder())
    assert archive.documents["pack.pdf"].page_labels == ("", "9", "10")
    hit = archive.search("fostering allowance a week", k=1)[0]
    assert hit.chunk.page == 3
    assert location_text(hit).startswith("page 3 (printed page 10)")


def test_the_same_paper_under_two_names_is_indexed_once(small_corpus, tmp_path):
    original = small_corpus / "2024-09-10-smb-public-questions.txt"
    (small_corpus / "copy-of-questions.txt").write_bytes(original.read_bytes())
    report = _build(small_corpus, tmp_path / "index")
    assert report.duplicates == [("copy-of-questions.txt", "2024-09-10-smb-public-questions.txt")]
    archive = Archive.open(tmp_path / "index", embedder=HashEmbedder())
    hits = archive.search("Maggie Steel question about children in care", k=10)
    texts = [" ".join(h.chunk.text.split()) for h in hits]
    assert len(texts) == len(set(texts))


def test_a_passage_repeated_in_a_pack_and_on_its_own_is_shown_once(small_corpus, tmp_path):
    paragraph = "The special guardianship review found 14 placements needed support plans.\n"
    (small_corpus / "pack.txt").write_text("Agenda\n\nItem one.\n\n" + paragraph)
    (small_corpus / "report.txt").write_text(paragraph)
    _build(small_corpus, tmp_path / "index")
    archive = Archive.open(tmp_path / "index", embedder=HashEmbedder())
    hits = archive.search("special guardianship review placements", k=5)
    assert sum("special guardianship review" in h.chunk.text for h in hits) == 1


def _many_papers(corpus: Path, count: int) -> None:
    corpus.mkdir()
    for number in range(count):
        (corpus / f"paper-{number:04d}.txt").write_text(
            f"Report {number}\n\n" + f"Item {number}: the committee noted figure {number} for the year. " * 40
        )


def test_a_build_killed_midway_leaves_the_previous_index_usable(tmp_path):
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    _many_papers(corpus, 5)
    _build(corpus, index_dir)
    before = current_generation(index_dir)
    for number in range(5, 1500):
        (corpus / f"paper-{number:04d}.txt").write_text(
            f"Report {number}\n\n" + f"Item {number}: the committee noted figure {number}. " * 40
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "archive.cli", "index", str(corpus), "--index-dir", str(index_dir),
         "--embedder", "hash", "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline and not any(p.name.startswith(".building") for p in index_dir.iterdir()):
        time.sleep(0.02)
    assert process.poll() is None, "the build finished before it could be killed; make the corpus larger"
    time.sleep(0.3)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert current_generation(index_dir) == before
    archive = Archive.open(index_dir, embedder=HashEmbedder())
    assert archive.chunk_count > 0 and len(archive.documents) == 5
    # the next build finishes and clears what the killed one left behind
    _build(corpus, index_dir)
    assert not any(p.name.startswith(".building") for p in index_dir.iterdir())
    assert len(Archive.open(index_dir, embedder=HashEmbedder()).documents) == 1500


@pytest.mark.slow
def test_a_very_large_text_file_is_indexed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraph = ("{n}. The committee considered the budget monitoring report for month {n} and noted "
                 "the forecast position of the directorate, with pressures in placements and transport.\n\n")
    with open(corpus / "big.txt", "w") as handle:
        for number in range(120_000):
            handle.write(paragraph.format(n=number))
    size_mb = (corpus / "big.txt").stat().st_size / 2**20
    assert size_mb > 15
    script = (
        "import resource, sys\n"
        "from archive.index.embed import HashEmbedder\n"
        "from archive.build.indexer import build_index\n"
        f"r = build_index({str(corpus)!r}, {str(tmp_path / 'index')!r}, HashEmbedder(), progress=False, log=print)\n"
        "print(r.chunks, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    chunks, peak_mb = map(int, result.stdout.split()[-2:])
    assert chunks > 5000
    assert peak_mb < 4096, f"peak memory {peak_mb} MB for a {size_mb:.0f} MB file"
    archive = Archive.open(tmp_path / "index", embedder=HashEmbedder())
    assert "119999." in archive.search("month 119999 budget monitoring", k=1)[0].chunk.text
