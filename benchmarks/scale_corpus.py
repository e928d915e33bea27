"""A synthetic council corpus of any size, for the scale benchmark (benchmarks/bench_scale.py).

Several councils, each with 8 to 11 committees meeting monthly from 2013 to 2024; each meeting has
an agenda, minutes (numbered items, "Minutes:", motions proposed and seconded, votes, RESOLVED,
actions) and one to three reports (title block, headings, numbered paragraphs, dated figures such
as "In March 2019 there were 412 looked-after children in Ashford", a table of monthly values,
budgets). Text is built from word lists and templates with place and person names generated from
syllables, so the vocabulary has a long tail like real papers. The papers are written by the invent
package (benchmarks/invent/); this script sizes a corpus in chunks and writes it.

Everything is a pure function of (seed, meeting, slot): the same seed gives byte-identical papers,
and the questions (`questions`) are generated from the facts the papers state.

    .venv/bin/python benchmarks/scale_corpus.py OUT_DIR --chunks 100000 [--seed 7]
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# The invent package sits beside this script: benchmarks.invent when this is benchmarks.scale_corpus (the
# tests), invent when it is run as a script or imported by a sibling script (bench_scale.py).
if not __package__:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
invent = importlib.import_module(f"{__package__}.invent" if __package__ else "invent")
Question = invent.Question

GENERATOR_VERSION = 2  # bump when the papers change (anything in invent/ the council papers use)
STAMP = ".scale-corpus.json"  # a dot file: the corpus lister skips it
CALIBRATION_PAPERS = 400


@functools.lru_cache(maxsize=4)
def chunks_per_paper(seed: int) -> float:
    """Measured: the archive's own analysis of a sample of papers."""
    from archive.build.analyse import analyse_paper
    from archive.build.chunk import ChunkSettings
    from archive.records import Document

    papers = list(invent.corpus_papers(seed, invent.meetings_for(seed, CALIBRATION_PAPERS)))
    chunks = 0
    for paper in papers:
        document = Document(paper.file, paper.file, paper.title, paper.committee, paper.meeting_date,
                            paper.doc_type, "", (paper.text,), "", ("",))
        chunks += len(analyse_paper(document, ChunkSettings()).chunks)
    return chunks / len(papers)


@dataclass(frozen=True)
class CorpusInfo:
    seed: int
    target_chunks: int
    papers: int
    meetings: int
    councils: int
    chunks_per_paper: float
    generator_version: int = GENERATOR_VERSION


def read_info(out: Path) -> CorpusInfo | None:
    path = Path(out) / STAMP
    return CorpusInfo(**json.loads(path.read_text())) if path.exists() else None


def _meetings(seed: int, chunks: int, ratio: float) -> list[invent.Meeting]:
    return invent.meetings_for(seed, max(1, round(chunks / ratio)))


def write_corpus(out: Path, chunks: int, seed: int = 7, log=print) -> CorpusInfo:
    """Write about `chunks` chunks' worth of papers and manifest.csv into `out` (which must not
    hold another corpus); the stamp file records what was written."""
    out = Path(out)
    ratio = chunks_per_paper(seed)
    meetings = _meetings(seed, chunks, ratio)
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)

    def rows():
        for paper in invent.corpus_papers(seed, meetings):
            invent.write_paper(out, paper)
            yield paper.row(source_url=f"https://example.org/{paper.file}")

    written = invent.write_manifest(out / "manifest.csv", rows())
    info = CorpusInfo(seed, chunks, written, len(meetings), len({m.council for m in meetings}), round(ratio, 3))
    (out / STAMP).write_text(json.dumps(info.__dict__, indent=2))
    log(f"wrote {written} papers ({len(meetings)} meetings, {info.councils} councils, ~{ratio:.2f} chunks a paper) "
        f"to {out} in {time.perf_counter() - started:.1f} s")
    return info


def questions(info: CorpusInfo, count: int) -> list[Question]:
    """`count` questions about facts the corpus states, the kinds taken in turn."""
    return invent.sample_questions(info.seed, _meetings(info.seed, info.target_chunks, info.chunks_per_paper), count)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--chunks", type=int, default=10_000, help="about how many chunks the archive will make")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        sys.exit(f"{args.out} is not empty")
    write_corpus(args.out, args.chunks, args.seed)


if __name__ == "__main__":
    main()
