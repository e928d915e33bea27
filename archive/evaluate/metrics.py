"""Retrieval and answer metrics over a JSONL file of questions with accepted answers and evidence.

A hit counts when an evidence string appears in its text, compared as lowercase word tokens.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from archive.records import Answer, Hit

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def contains_tokens(haystack: str, needle: str) -> bool:
    hay, sub = tokens(haystack), tokens(needle)
    if not sub:
        return False
    return any(hay[i : i + len(sub)] == sub for i in range(len(hay) - len(sub) + 1))


def holds_evidence(hit: Hit, evidence: list[str]) -> bool:
    return any(contains_tokens(hit.chunk.text, e) for e in evidence)


def answer_matches(answer: str | None, accepted: list[str]) -> bool:
    if not answer:
        return False
    normal = " ".join(answer.lower().split())
    return any(" ".join(a.lower().split()) in normal for a in accepted)


def span_exact(span: str, accepted: list[str]) -> bool:
    """The answer is an accepted answer, give or take case, spacing, £, % and commas."""
    def normal(text: str) -> str:
        return " ".join(text.lower().replace(",", "").replace("£", "").replace("%", "").split()).strip(" .")

    return normal(span) in {normal(a) for a in accepted}


def load_questions(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class EvalResult:
    n_answerable: int = 0
    n_unanswerable: int = 0
    recall: dict[int, float] = field(default_factory=dict)
    mrr10: float = 0.0
    answer_accuracy: float | None = 0.0  # None when answers were not computed (a single retriever)
    span_exact: float | None = 0.0  # the answer is an accepted answer (not just a sentence holding one)
    abstention: float | None = 0.0
    precision: float | None = 0.0  # answers given that are right (an answer to an unanswerable question is wrong)
    best_accuracy: float | None = 0.0  # the answer, or when unsure the likely answer marked, is right
    shown_first: float | None = 0.0  # the first passage shown holds the evidence
    rows: list[dict] = field(default_factory=list)
    records: list = field(default_factory=list)  # misses.Record per question, when asked for (evaluate misses=True)

    def summary(self) -> dict:
        return {
            "questions": self.n_answerable + self.n_unanswerable,
            "answerable": self.n_answerable,
            "unanswerable": self.n_unanswerable,
            **{f"recall@{k}": round(v, 3) for k, v in self.recall.items()},
            "mrr@10": round(self.mrr10, 3),
            "answer_accuracy": None if self.answer_accuracy is None else round(self.answer_accuracy, 3),
            "span_exact": None if self.span_exact is None else round(self.span_exact, 3),
            "abstention": None if self.abstention is None else round(self.abstention, 3),
            "precision": None if self.precision is None else round(self.precision, 3),
            "best_accuracy": None if self.best_accuracy is None else round(self.best_accuracy, 3),
            "shown_first": None if self.shown_first is None else round(self.shown_first, 3),
        }


def evaluate(archive, questions: list[dict], mode: str = "hybrid", ks=(1, 5, 10), answers: bool = True,
             misses: bool = False) -> EvalResult:
    """Retrieval metrics in `mode`; answer accuracy and abstention too for hybrid with `answers`.
    With `misses`, each question's record for archive/evaluate/misses.py too (with the candidate
    spans of the passages found, read again for the answerable questions missed)."""
    with_answers = answers and mode in ("hybrid", "plain")
    result = EvalResult()
    found_at = {k: 0 for k in ks}
    reciprocal = 0.0
    correct = 0
    exact = 0
    abstained = 0
    given = best = shown = 0
    for item in questions:
        answerable = bool(item.get("answers"))
        hits = archive.search(item["question"], k=max(ks), mode=mode)
        answer: Answer | None = archive.ask(item["question"]) if with_answers else None
        rank = next((i + 1 for i, h in enumerate(hits) if holds_evidence(h, item.get("evidence", []))), None)
        row = {"id": item.get("id"), "question": item["question"], "rank": rank,
               "answer": answer.text if answer else None}
        if answerable:
            result.n_answerable += 1
            for k in ks:
                found_at[k] += bool(rank and rank <= k)
            reciprocal += 1.0 / rank if rank and rank <= 10 else 0.0
            cited = bool(answer) and any(holds_evidence(h, item["evidence"]) for h in answer.citations[:5])
            ok = cited and answer_matches(answer.text, item["answers"])
            correct += ok
            best += ok or (cited and answer.text is None and answer_matches(answer.likely, item["answers"]))
            shown += bool(answer and answer.citations) and holds_evidence(answer.citations[0], item["evidence"])
            exact += ok and span_exact(answer.text, item["answers"])
            row["correct"] = ok
        else:
            result.n_unanswerable += 1
            ok = answer is not None and answer.text is None
            abstained += ok
            row["correct"] = ok
        given += bool(answer and answer.text is not None)
        result.rows.append(row)
        if misses and answer is not None:
            result.records.append(_record(archive, item, answer, rank, ok))
    n = max(1, result.n_answerable)
    result.recall = {k: found_at[k] / n for k in ks}
    result.mrr10 = reciprocal / n
    result.answer_accuracy = correct / n
    result.span_exact = exact / n
    result.abstention = abstained / max(1, result.n_unanswerable) if result.n_unanswerable else 1.0
    result.precision = correct / given if given else 1.0
    result.best_accuracy = best / n
    result.shown_first = shown / n
    if not with_answers:
        result.answer_accuracy = result.abstention = result.span_exact = None
        result.precision = result.best_accuracy = result.shown_first = None
    return result


def _record(archive, item: dict, answer: Answer, rank: int | None, ok: bool):
    from archive.evaluate.misses import REFUSAL, Record

    spans = None
    read = getattr(archive, "answer_candidates", None)  # the plain stack has no candidates
    if item.get("answers") and not ok and read is not None and not answer.note.startswith(REFUSAL):
        spans = tuple((c.span, c.kind, c.rank) for c in read(item["question"])[1])
    resources = getattr(archive, "resources", None)
    held = item["council"] in resources.councils.names if resources is not None and item.get("council") else None
    return Record(item["question"], tuple(item.get("answers", [])), tuple(item.get("evidence", [])), answer, rank,
                  spans, held)
