"""Fitting the answer selector, and measuring it only on papers and councils it was not fitted on.

Questions are grouped (by council: every paper of a council is held out together). For each
held-out group, a model is trained on the others; its calibration and abstention threshold come
from an inner cross-validation over those others only. The figures reported are the held-out
groups' answers, never the training data's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from archive.ask.select.candidates import Candidate, matrix
from archive.ask.select.selector import AnswerSelector, Calibration, best_eligible, decision_features
from archive.evaluate.metrics import answer_matches, holds_evidence, span_exact

PARAMS = {
    "objective": "lambdarank", "lambdarank_truncation_level": 10, "eval_at": [1],
    "learning_rate": 0.05, "num_leaves": 15, "min_data_in_leaf": 10,
    "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
    "verbose": -1, "num_threads": 2, "deterministic": True, "force_col_wise": True, "seed": 7,
}
ROUNDS = 300


@dataclass(frozen=True)
class Example:
    """One question with its candidates and which of them are right."""

    item: dict  # the question as in the JSONL file
    group: str  # council (papers are held out by council)
    candidates: tuple[Candidate, ...]
    labels: tuple[int, ...]  # 1 where the span gives an accepted answer from a passage holding the evidence
    refused: bool = False  # the archive refuses it before selection (it names a council not held)

    @property
    def answerable(self) -> bool:
        return bool(self.item.get("answers"))


def label(candidate: Candidate, item: dict) -> int:
    accepted, evidence = item.get("answers") or [], item.get("evidence") or []
    if not accepted or not answer_matches(candidate.span, accepted):
        return 0
    return int(holds_evidence(candidate.passage.hit, evidence))


def example(item: dict, group: str, found: list[Candidate], refused: bool = False) -> Example:
    return Example(item, group, tuple(found), tuple(label(c, item) for c in found), refused)


def feature_names(examples: list[Example]) -> tuple[str, ...]:
    return tuple(sorted({name for e in examples for c in e.candidates for name in c.features}))


def fit(examples: list[Example], names: tuple[str, ...]):
    import lightgbm

    used = [e for e in examples if e.candidates]
    x = matrix([c for e in used for c in e.candidates], names)
    y = np.array([y for e in used for y in e.labels])
    data = lightgbm.Dataset(x, y, group=[len(e.candidates) for e in used], feature_name=list(names))
    return lightgbm.train(PARAMS, data, num_boost_round=ROUNDS)


def best_scores(booster, examples: list[Example], names: tuple[str, ...]) -> list[tuple[list[float], int]]:
    """For each question: the calibration inputs of the best candidate and whether it is right."""
    out = []
    for e in examples:
        if not e.candidates:
            out.append((Calibration.inputs(-10.0, {}), 0))
            continue
        scores = booster.predict(matrix(list(e.candidates), names), raw_score=True)
        index = best_eligible(list(e.candidates), scores)
        if index < 0:
            out.append((Calibration.inputs(-10.0, {}), 0))
            continue
        chosen = decision_features(list(e.candidates), scores, index)
        out.append((Calibration.inputs(float(scores[index]), chosen), e.labels[index]))
    return out


def calibrate(scored: list[tuple[list[float], int]]) -> Calibration:
    """A logistic regression of "the best candidate is right" on its score and a few features."""
    from sklearn.linear_model import LogisticRegression

    if len({right for _, right in scored}) < 2:
        return Calibration()
    model = LogisticRegression(C=1.0, max_iter=1000).fit(np.array([x for x, _ in scored]),
                                                        [right for _, right in scored])
    return Calibration(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]))


def choose_threshold(probabilities: list[float], right: list[int], answerable: list[bool]) -> float:
    """The abstention threshold that gets most questions right: an answer counts when it is right,
    an abstention when the question has no answer in the archive."""
    best_t, best_score = 0.5, -1.0
    for t in sorted({0.0, *np.round(probabilities, 4).tolist(), 1.01}):
        score = sum((p >= t and r) or (p < t and not a) for p, r, a in zip(probabilities, right, answerable,
                                                                             strict=True))
        if score > best_score:
            best_t, best_score = t, score
    return float(best_t)


INNER_FOLDS = 4  # the inner cross-validation holds out groups of councils: the cost is folds, not councils, fits


def inner_folds(groups: list[str], folds: int = INNER_FOLDS) -> list[set[str]]:
    """The groups dealt round-robin into at most `folds` sets, each held out together."""
    count = min(folds, len(groups))
    return [set(groups[i::count]) for i in range(count)]


def train_selector(examples: list[Example], inner_groups: bool = True) -> AnswerSelector:
    """A model on all the examples; calibration and threshold from held-out groups among them."""
    names = feature_names(examples)
    groups = sorted({e.group for e in examples})
    heldout: list[tuple[list[float], int, bool]] = []
    if inner_groups and len(groups) > 1:
        for fold in inner_folds(groups):
            train = [e for e in examples if e.group not in fold]
            test = [e for e in examples if e.group in fold]
            booster = fit(train, names)
            heldout += [(s, r, e.answerable) for (s, r), e in zip(best_scores(booster, test, names), test,
                                                                  strict=True)]
    booster = fit(examples, names)
    if not heldout:
        heldout = [(s, r, e.answerable) for (s, r), e in zip(best_scores(booster, examples, names), examples,
                                                             strict=True)]
    calibration = calibrate([(s, r) for s, r, _ in heldout])
    threshold = choose_threshold([calibration.of_inputs(x) for x, _, _ in heldout], [r for _, r, _ in heldout],
                                 [a for _, _, a in heldout])
    return AnswerSelector.from_booster(booster, names, calibration, threshold, {"groups": groups,
                                                                    "questions": len(examples)})


def cross_validate(examples: list[Example], folds: int = 0) -> list[dict]:
    """Held-out answers, one row per example in their order: each group answered by a selector
    trained (and calibrated) on the others; with `folds`, the groups dealt into that many sets (as
    inner_folds does), each set held out together (fewer fits, less to train on)."""
    groups = sorted({e.group for e in examples})
    held = inner_folds(groups, folds) if folds else [{group} for group in groups]
    rows: dict[int, dict] = {}
    for fold in held:
        selector = train_selector([e for e in examples if e.group not in fold])
        rows.update((i, heldout_row(selector, e)) for i, e in enumerate(examples) if e.group in fold)
    return [rows[i] for i in range(len(examples))]


def heldout_row(selector: AnswerSelector, e: Example) -> dict:
    index, probability = selector.best(list(e.candidates)) if e.candidates and not e.refused else (-1, 0.0)
    chosen, right = (e.candidates[index], bool(e.labels[index])) if index >= 0 else (None, False)
    answered = chosen is not None and probability >= selector.threshold
    return {"id": e.item.get("id"), "set": e.item.get("set", ""), "group": e.group, "question": e.item["question"],
            "answerable": e.answerable, "answer": chosen.span if answered else None, "chosen": index,
            "answered": answered,
            "probability": round(probability, 3), "correct": (answered and right) if e.answerable else not answered,
            "span_exact": bool(answered and right and span_exact(chosen.span, e.item["answers"]))}


def build_examples(archive, question_sets: dict[str, list[dict]], home: str, known: set[str]) -> list[Example]:
    """Every question's candidates, grouped by council: the question's `council` when its papers are
    in the archive (`known`), `home` when it names none, else one group for the other councils."""
    out = []
    for name, items in question_sets.items():
        for item in items:
            council = item.get("council") or home
            _, found = archive.answer_candidates(item["question"])
            refused = archive.refusal(item["question"]) is not None
            out.append(example({**item, "set": name}, council if council in known else "other councils", found,
                               refused))
    return out


def summarise(rows: list[dict]) -> dict[str, dict]:
    """Held-out figures per question set and over all: answer accuracy, span-exact, abstention."""
    by_set: dict[str, list[dict]] = {}
    for row in rows:
        by_set.setdefault(row.get("set", ""), []).append(row)
    summary = {}
    for name, items in [*sorted(by_set.items()), ("all", rows)]:
        answerable = [r for r in items if r["answerable"]]
        unanswerable = [r for r in items if not r["answerable"]]
        summary[name] = {
            "questions": len(items),
            "answer": round(sum(r["correct"] for r in answerable) / max(1, len(answerable)), 3),
            "span_exact": round(sum(r["span_exact"] for r in answerable) / max(1, len(answerable)), 3),
            "abstention": round(sum(r["correct"] for r in unanswerable) / max(1, len(unanswerable)), 3),
        }
    return summary
