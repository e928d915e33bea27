"""Fit the rerank weights (Weights.rerank: date, coverage, kind) by grid search on our own questions
(tests/data/questions_extra.jsonl), never on the shared development questions, and report MRR@10
and R@1 for the current weights beside the best found.

    .venv/bin/python benchmarks/fit_rerank.py [--questions tests/data/questions_extra.jsonl]

Each grid point is a new frozen Weights instance given to the open archive (Archive.with_weights);
nothing is patched.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import replace
from pathlib import Path

from archive import Archive
from archive.ask.weights import RerankWeights, Weights
from archive.evaluate.metrics import evaluate, load_questions

ROOT = Path(__file__).resolve().parent.parent
GRID = {
    "date": [0.0, 0.0025, 0.005, 0.01],
    "coverage": [0.0, 0.01, 0.02, 0.04],
    "kind": [0.0, 0.0025, 0.005, 0.01],
}


def retrieval(archive: Archive, questions: list[dict]) -> tuple[float, float]:
    result = evaluate(archive, questions, mode="hybrid", answers=False)
    return result.mrr10, result.recall[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", default=str(ROOT / "tests" / "data" / "questions_extra.jsonl"))
    parser.add_argument("--index-dir", default=str(ROOT / "index"))
    args = parser.parse_args()
    archive = Archive.open(args.index_dir)
    questions = [q for q in load_questions(Path(args.questions)) if q.get("answers")]
    current = archive.weights
    scored = []
    for values in itertools.product(*GRID.values()):
        rerank = replace(current.rerank, **dict(zip(GRID, values, strict=True)))
        scored.append((retrieval(archive.with_weights(replace(current, rerank=rerank)), questions), rerank))
    baseline = retrieval(archive, questions)
    scored.sort(key=lambda item: (-item[0][0], -item[0][1], item[1].date + item[1].coverage + item[1].kind))
    print(f"current {_named(current.rerank)}: MRR@10 {baseline[0]:.3f}, R@1 {baseline[1]:.3f}")
    for (mrr, r1), rerank in scored[:5]:
        print(f"  {_named(rerank)}: MRR@10 {mrr:.3f}, R@1 {r1:.3f}")
    plain = Weights(rerank=RerankWeights(date=0.0, coverage=0.0, kind=0.0))
    mrr, r1 = retrieval(archive.with_weights(plain), questions)
    print(f"no rerank (plain fusion): MRR@10 {mrr:.3f}, R@1 {r1:.3f}")


def _named(rerank: RerankWeights) -> str:
    return ", ".join(f"{name}={getattr(rerank, name)}" for name in GRID)


if __name__ == "__main__":
    main()
