"""Fit the second look (archive/ask/select/reading.py) and report it on councils it was not fitted on.

    .venv/bin/python benchmarks/fit_reading.py --index-dir DIR [--cache FILE] [--no-save]

1. Every question's candidates (eval/heldout sets, the shared dev and extra questions), from an index of
   the shipped papers beside the invented councils' (make eval-heldout builds one); councils D is only
   measured, never fitted on.
2. The selector's held-out scores: the training councils dealt into folds; each fold scored by a selector
   trained (and calibrated) on the other folds only. Councils D is scored by the shipped selector.
3. The reader (ask/models/reader-int8.onnx) reads each question's best READ answers.
4. For each fold, the reader's weight, the calibration and the precision-first threshold are fitted on
   the other folds and applied to it; councils D gets those fitted on every training fold.
5. Prints, per set, the answers given, right, wrong, precision and unanswerable declined, for the
   selector alone (its own threshold), the selector with a precision-first threshold, and with the
   reader; the risk-coverage curve per set (share answered against share right) goes to
   benchmarks/results/reading.{json,md}; writes archive/ask/models/reading.json unless --no-save.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from train_selector import HOME, SETS, TRAINING  # noqa: E402

from archive.ask.select.reading import INPUTS, READ, TARGET_PRECISION, Reading, inputs, to_read  # noqa: E402

MEASURED = {"heldout/councils-d": ROOT / "eval" / "heldout" / "councils-d" / "questions.jsonl"}
FOLDS = 4
WEIGHTS = (0.0, 0.25, 0.5, 1.0, 2.0, 4.0)
RESULTS = ROOT / "benchmarks" / "results"


def examples(index_dir: Path, cache: Path | None) -> list:
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    from archive import Archive
    from archive.evaluate.metrics import load_questions
    from archive.evaluate.train import build_examples

    archive = Archive.open(index_dir)
    known = set(archive.councils.names) | {HOME}
    sets = {name: load_questions(path) for name, path in {**SETS, **MEASURED}.items()}
    found = build_examples(archive, sets, HOME, known)
    if cache:
        cache.write_bytes(pickle.dumps(found))
    return found


def first_stage(found: list) -> list[tuple[np.ndarray, int, float, float]]:
    """Per question: the selector's scores, its choice, that choice's probability and its threshold,
    from a selector that never saw the question's council."""
    from archive.ask.select.selector import AnswerSelector
    from archive.evaluate.train import inner_folds, train_selector

    out: list = [None] * len(found)
    training = [i for i, e in enumerate(found) if e.item["set"] not in MEASURED]
    groups = sorted({found[i].group for i in training})
    for fold in inner_folds(groups, FOLDS):
        selector = train_selector([found[i] for i in training if found[i].group not in fold])
        for i in (i for i in training if found[i].group in fold):
            out[i] = _scored(selector, found[i])
    shipped = AnswerSelector.load()
    for i in (i for i, e in enumerate(found) if e.item["set"] in MEASURED):
        out[i] = _scored(shipped, found[i])
    return out


def _scored(selector, e) -> tuple[np.ndarray, int, float, float]:
    if not e.candidates or e.refused:
        return np.zeros(len(e.candidates)), -1, 0.0, selector.threshold
    scores = selector.scores(list(e.candidates))
    index, probability = selector.best(list(e.candidates), scores)
    return scores, index, probability, selector.threshold


def read(found: list, first: list) -> list[tuple[list[int], np.ndarray]]:
    from archive.ask.select.reader import shipped, window

    reader = shipped()
    if reader is None:
        print("no reader ships (archive/ask/models/reader-int8.onnx): its logits are read as 0")
    out = []
    for e, (scores, index, _, _) in zip(found, first, strict=True):
        chosen = to_read(list(e.candidates), scores, READ) if index >= 0 else []
        if reader is None:
            out.append((chosen, np.zeros(len(chosen), dtype=np.float32)))
            continue
        windows = [window(e.candidates[i].sentence, e.candidates[i].start, e.candidates[i].start
                          + len(e.candidates[i].span), e.candidates[i].header, reader.window_words) for i in chosen]
        out.append((chosen, reader.scores(e.item["question"], windows)))
    return out


def rows(found, first, reading, weight: float, with_reader: bool = True) -> list[dict]:
    """Per question, for a reader weight: the read answer chosen, its calibration inputs, whether it is
    right. Without the reader its logits read as 0, as in the answer path when none ships."""
    out = []
    for e, (scores, _, probability, _), (chosen, logits) in zip(found, first, reading, strict=True):
        row = {"set": e.item["set"], "group": e.group, "answerable": e.answerable, "x": None, "right": False}
        if chosen:
            logits = logits if with_reader else np.zeros_like(logits)
            combined = scores[chosen] + weight * logits
            best = int(np.argmax(combined))
            row["x"] = inputs(probability, logits, combined, best)
            row["right"] = bool(e.labels[chosen[best]])
        out.append(row)
    return out


def fit(train: list[dict], weight: float, target: float = TARGET_PRECISION) -> Reading:
    from sklearn.linear_model import LogisticRegression

    usable = [r for r in train if r["x"] is not None]
    model = LogisticRegression(C=1.0, max_iter=1000).fit(np.array([r["x"] for r in usable]),
                                                        [r["right"] for r in usable])
    reading = Reading(weight, tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]), 1.01, {})
    return Reading(weight, reading.calibration, reading.intercept, precision_threshold(train, reading, target), {})


def precision_threshold(train: list[dict], reading: Reading, target: float = TARGET_PRECISION) -> float:
    """The lowest threshold at which the answers given are right at least `target` of the time."""
    scored = sorted(((reading.probability(r["x"]), r["right"]) for r in train if r["x"] is not None), reverse=True)
    best, right = 1.01, 0
    for given, (p, ok) in enumerate(scored, start=1):
        right += ok
        if right / given >= target:
            best = p
    return best


def choose_weight(train_first, train_found, train_reading) -> float:
    """The weight that puts a right answer first most often on the training folds."""
    def right_first(weight: float) -> int:
        return sum(r["right"] for r in rows(train_found, train_first, train_reading, weight))
    return max(WEIGHTS, key=right_first)


def outcomes(decided: list[tuple[dict, float, float]]) -> dict:
    """decided: (row, probability, threshold). Answers given, right, wrong, precision, declined."""
    given = [(r, p) for r, p, t in decided if r["x"] is not None and p >= t]
    answerable = [r for r, _, _ in decided if r["answerable"]]
    unanswerable = [r for r, _, _ in decided if not r["answerable"]]
    right = sum(r["right"] for r, _ in given)
    declined = sum(1 for r in unanswerable if not any(r is g for g, _ in given))
    return {"questions": len(decided), "given": len(given), "right": right, "wrong": len(given) - right,
            "precision": round(right / max(1, len(given)), 3),
            "right_of_answerable": round(right / max(1, len(answerable)), 3),
            "unanswerable_declined": round(declined / max(1, len(unanswerable)), 3)}


def curve(decided: list[tuple[dict, float]]) -> list[dict]:
    """Risk-coverage: for each threshold, the share of questions answered and the share of those right."""
    points = []
    for t in (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        given = [r for r, p in decided if r["x"] is not None and p >= t]
        points.append({"threshold": t, "answered": round(len(given) / max(1, len(decided)), 3),
                       "precision": round(sum(r["right"] for r in given) / max(1, len(given)), 3)})
    return points


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index-dir", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--no-save", action="store_true")
    parser.add_argument("--target", type=float, default=TARGET_PRECISION,
                        help="precision the answers given must reach on the training folds")
    args = parser.parse_args()

    from archive.evaluate.train import inner_folds

    found = examples(args.index_dir, args.cache)
    first_cache = args.cache.with_name(args.cache.name + ".first") if args.cache else None
    if first_cache and first_cache.exists():
        first = pickle.loads(first_cache.read_bytes())
    else:
        first = first_stage(found)
        if first_cache:
            first_cache.write_bytes(pickle.dumps(first))
    reading = read(found, first)
    training = [i for i, e in enumerate(found) if e.item["set"] not in MEASURED]
    groups = sorted({found[i].group for i in training})
    folds = inner_folds(groups, FOLDS)
    decided: dict[str, list] = {"selector": [], "selector, precision first": [], "with the reader": []}

    def subset(indices):
        return [found[i] for i in indices], [first[i] for i in indices], [reading[i] for i in indices]

    def apply(train_idx: list[int], test_idx: list[int]) -> tuple[float, Reading]:
        train = subset(train_idx)
        weight = choose_weight(train[1], train[0], train[2])
        with_reader = fit(rows(train[0], train[1], train[2], weight), weight, args.target)
        alone = fit(rows(train[0], train[1], train[2], 0.0, with_reader=False), 0.0, args.target)
        test = subset(test_idx)
        for name, model, read in (("selector, precision first", alone, False), ("with the reader", with_reader, True)):
            for r in rows(test[0], test[1], test[2], model.weight, with_reader=read):
                p = model.probability(r["x"]) if r["x"] is not None else 0.0
                decided[name].append((r, p, model.threshold))
        for e, (_, index, probability, threshold) in zip(*test[:2], strict=True):
            right = index >= 0 and bool(e.labels[index])
            r = {"set": e.item["set"], "answerable": e.answerable, "x": [] if index >= 0 else None, "right": right}
            decided["selector"].append((r, probability, threshold))
        return weight, with_reader

    for fold in folds:
        apply([i for i in training if found[i].group not in fold], [i for i in training if found[i].group in fold])
    weight, final = apply(training, [i for i, e in enumerate(found) if e.item["set"] in MEASURED])

    report: dict = {"weight": weight, "sets": {}, "curves": {}, "right_first": {}}
    for name in ("training councils", "councils D"):
        chosen = [i for i, e in enumerate(found) if (e.item["set"] in MEASURED) == (name == "councils D")]
        sub = [found[i] for i in chosen], [first[i] for i in chosen], [reading[i] for i in chosen]
        answerable = sum(e.answerable for e in sub[0])
        report["right_first"][name] = {str(w): round(sum(r["right"] for r in rows(sub[0], sub[1], sub[2], w))
                                                     / max(1, answerable), 3) for w in (*WEIGHTS, 100.0)}
        print(f"right first among the read answers, by reader weight ({name}; 100 = the reader alone):",
              report["right_first"][name])
    names = sorted({e.item["set"] for e in found})
    for name in [*names, "all"]:
        report["sets"][name] = {how: outcomes([d for d in ds if name == "all" or d[0]["set"] == name])
                                for how, ds in decided.items()}
        report["curves"][name] = {how: curve([(r, p) for r, p, _ in decided[how] if name == "all" or r["set"] == name])
                                  for how in ("selector, precision first", "with the reader")}
        for how, figures in report["sets"][name].items():
            print(f"{name:22} {how:26} " + " ".join(f"{k}={v}" for k, v in figures.items()))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "reading.json").write_text(json.dumps(report, indent=2) + "\n")
    write_markdown(report)
    if not args.no_save:
        from archive.ask.select.reader import shipped as shipped_reader
        from archive.ask.select.selector import AnswerSelector

        reader = shipped_reader()
        final.meta.update({"selector": AnswerSelector.load().fingerprint,
                           "reader_version": reader.version if reader is not None else 0, "read": READ,
                           "target_precision": args.target, "inputs_are": list(INPUTS),
                           "fitted_on": [*TRAINING, "shared dev", "extra"], "heldout": report["sets"]})
        from archive.ask.select.reading import MODELS, NAME

        (MODELS / f"{NAME}.json").write_text(json.dumps(final.to_json(), indent=2) + "\n")
        print(f"saved: weight {final.weight}, threshold {final.threshold:.3f}")


def write_markdown(report: dict) -> None:
    lines = ["# The second look: held-out figures", "",
             "Written by `benchmarks/fit_reading.py`. Each training set's figures come from folds of councils",
             "held out in turn (selector, reader weight, calibration and threshold fitted on the others);",
             "councils D is never fitted on. Precision = answers given that are right.", "",
             "| set | how | given | right | wrong | precision | right of answerable | unanswerable declined |",
             "|---|---|---|---|---|---|---|---|"]
    for name, hows in report["sets"].items():
        for how, f in hows.items():
            lines.append(f"| {name} | {how} | {f['given']} | {f['right']} | {f['wrong']} | {f['precision']} | "
                         f"{f['right_of_answerable']} | {f['unanswerable_declined']} |")
    thresholds = [p["threshold"] for p in curve([])]
    lines += ["", "## Risk-coverage", "", "| set | how | " + " | ".join(f"p>={t}" for t in thresholds) + " |",
              "|---|---|" + "---|" * len(thresholds)]
    for name, hows in report["curves"].items():
        for how, points in hows.items():
            lines.append(f"| {name} | {how} | " + " | ".join(f"{p['answered']:.2f} / {p['precision']:.2f}"
                                                           for p in points) + " |")
    lines.append("\nEach cell: share of questions answered / share of those answers right.")
    (RESULTS / "reading.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
