"""Fit the rerank weights (search.DATE_BONUS, COVERAGE_WEIGHT, KIND_BONUS) by grid search on our own
questions (tests/data/questions_extra.jsonl), never on the shared development questions, and
report MRR@10 and R@1 for the current weights beside the best found.

    .venv/bin/python benchmarks/fit_rerank.py [--questions tests/data/questions_extra.jsonl]
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

from archive import search
from archive.ask.evaluate import evaluate, load_questions

ROOT = Path(__file__).resolve().parent.parent
GRID = {
    "DATE_BONUS": [0.0, 0.0025, 0.005, 0.01],
    "COVERAGE_WEIGHT": [0.0, 0.01, 0.02, 0.04],
    "KIND_BONUS": [0.0, 0.0025, 0.005, 0.01],
}


def retrieval(archive, questions) -> tuple[float, float]:
    result = evaluate(archive, questions, mode="rerank-only")
    return result.mrr10, result.recall[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", default=str(ROOT / "tests" / "data" / "questions_extra.jsonl"))
    args = parser.parse_args()
    archive = search.Archive.open(ROOT / "index")
    questions = [q for q in load_questions(Path(args.questions)) if q.get("answers")]
    current = {name: getattr(search, name) for name in GRID}
    scored = []
    for values in itertools.product(*GRID.values()):
        for name, value in zip(GRID, values, strict=True):
            setattr(search, name, value)
        scored.append((retrieval(archive, questions), dict(zip(GRID, values, strict=True))))
    for name, value in current.items():
        setattr(search, name, value)
    baseline = retrieval(archive, questions)
    scored.sort(key=lambda item: (-item[0][0], -item[0][1], sum(item[1].values())))
    print(f"current {current}: MRR@10 {baseline[0]:.3f}, R@1 {baseline[1]:.3f}")
    for (mrr, r1), weights in scored[:5]:
        print(f"  {weights}: MRR@10 {mrr:.3f}, R@1 {r1:.3f}")
    (mrr, r1), _ = next(item for item in scored if all(v == 0 for v in item[1].values()))
    print(f"no rerank (plain fusion): MRR@10 {mrr:.3f}, R@1 {r1:.3f}")


if __name__ == "__main__":
    main()
