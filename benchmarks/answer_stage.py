"""Where the time of one answer goes: each step of the ask path (ask/pipeline.py) timed apart, over
questions nobody asked before (the process's caches of sentence terms, periods and vectors are
emptied before each one), and a cProfile table of the answer stage (candidates and selection).

The answer stage is everything after retrieval: candidate spans and their features, the selector,
the reader when one ships. Its budget (issue 29): at most 20 ms p50 per question at any corpus size.
Times are the process's CPU time on the answering thread (time.thread_time: other work on the
machine does not inflate them) and wall time beside it.

    .venv/bin/python benchmarks/answer_stage.py --index-dir DIR [--questions FILE] [--limit 60]
        [--embedder hash] [--profile benchmarks/results/answer_profile.txt] [--label NAME]
        [--out benchmarks/results/answer_stage.json]

Questions: a JSONL file of {"question": ...} (eval/questions.jsonl) or the scale benchmark's JSON list
of {"text": ...}; default: generated questions of a scale corpus when the index was built from one,
else eval/questions.jsonl.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import platform
import pstats
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

STEPS = ("understand", "retrieve", "candidates", "select", "answer stage", "total")


def load_questions(path: Path) -> list[str]:
    text = path.read_text()
    if path.suffix == ".json":
        return [q.get("text") or q["question"] for q in json.loads(text)]
    return [json.loads(line)["question"] for line in text.splitlines() if line.strip()]


def forget(resources) -> None:
    """Empty what a process remembers between questions, so each is answered as if fresh."""
    from archive import dates, text

    dates._find_periods.cache_clear()
    text._terms.cache_clear()
    resources.sentences._vectors.clear()


def answer_timed(question: str, resources, k: int = 10) -> dict[str, tuple[float, float]]:
    """(cpu ms, wall ms) of each step of one question's answer."""
    from archive.ask import pipeline
    from archive.ask.retrieve.filters import Filters
    from archive.ask.select.answer import select_answer

    marks = [(time.thread_time(), time.perf_counter())]

    def mark() -> None:
        marks.append((time.thread_time(), time.perf_counter()))

    query = pipeline.embed(pipeline.understand(question, resources), resources)
    mark()
    found = pipeline.passages(query, max(k, resources.weights.answer.passages), Filters(), resources)
    evidence = pipeline.evidence(query, found, resources)
    mark()
    candidates = pipeline.answer_candidates(evidence, resources)
    mark()
    select_answer(evidence, candidates, resources.selector, resources.reader, resources.reading)
    mark()
    spans = {"understand": (0, 1), "retrieve": (1, 2), "candidates": (2, 3), "select": (3, 4),
             "answer stage": (2, 4), "total": (0, 4)}
    return {name: ((marks[b][0] - marks[a][0]) * 1000, (marks[b][1] - marks[a][1]) * 1000)
            for name, (a, b) in spans.items()}


def measure(archive, questions: list[str], profile: Path | None) -> dict:
    resources = archive.resources
    for question in questions[:3]:  # load what loads on first use (selector, statistics, tokenizer)
        archive.ask(question)
    rows = []
    profiler = cProfile.Profile() if profile else None
    for question in questions:
        forget(resources)
        rows.append(answer_timed(question, resources))
    if profiler is not None:
        from archive.ask import pipeline
        from archive.ask.select.answer import select_answer

        for question in questions:
            forget(resources)
            query = pipeline.embed(pipeline.understand(question, resources), resources)
            found = pipeline.passages(query, max(10, resources.weights.answer.passages),
                                      pipeline.Filters(), resources)
            evidence = pipeline.evidence(query, found, resources)
            profiler.enable()
            select_answer(evidence, pipeline.answer_candidates(evidence, resources), resources.selector,
                          resources.reader, resources.reading)
            profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(25)
        profile.write_text(f"cProfile of the answer stage over {len(questions)} fresh questions\n" + out.getvalue())
    summary = {}
    for step in STEPS:
        cpu = np.array([r[step][0] for r in rows])
        wall = np.array([r[step][1] for r in rows])
        summary[step] = {"cpu_p50_ms": round(float(np.percentile(cpu, 50)), 2),
                         "cpu_p95_ms": round(float(np.percentile(cpu, 95)), 2),
                         "wall_p50_ms": round(float(np.percentile(wall, 50)), 2)}
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index-dir", type=Path, required=True)
    parser.add_argument("--questions", type=Path)
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--embedder", default=None, help="hash: the stand-in embedder (scale indexes)")
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--label", default="")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    from archive import Archive

    embedder = None
    if args.embedder == "hash":
        from archive.index.embed import HashEmbedder

        embedder = HashEmbedder()
    archive = Archive.open(args.index_dir, embedder=embedder) if embedder else Archive.open(args.index_dir)
    questions = load_questions(args.questions or ROOT / "eval" / "questions.jsonl")[: args.limit]
    summary = measure(archive, questions, args.profile)
    code = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    result = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "code": code.strip(),
              "label": args.label, "index": str(args.index_dir), "chunks": archive.resources.chunk_count,
              "questions": len(questions), "machine": f"{platform.machine()}, Python {platform.python_version()}",
              "steps": summary}
    print(json.dumps(result, indent=1))
    if args.out:
        previous = json.loads(args.out.read_text()) if args.out.exists() else []
        args.out.write_text(json.dumps([*previous, result], indent=1) + "\n")


if __name__ == "__main__":
    main()
