"""The learned answer selector: a LightGBM model over candidate features (ask/select/candidates.py), with a
calibration of the best candidate's score and an abstention threshold chosen on held-out folds.

The model ships inside the package (ask/models/): `answer_selector.txt` is LightGBM's own text
format (scored by ask/select/trees.py, so answering never imports LightGBM), `answer_selector.json` its
version, feature names, calibration, threshold and how it was trained.
`benchmarks/train_selector.py` writes both; nothing is fitted at run time.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from archive.ask.select.candidates import Candidate, matrix
from archive.ask.select.relative import answer_key
from archive.ask.select.span_features import KINDS
from archive.ask.select.trees import TreeModel
from archive.errors import ArchiveError

MODELS = Path(__file__).resolve().parent.parent / "models"
NAME = "answer_selector"
VERSION = 5  # 2: the margin over the next answer is a calibration input; 3: over any other answer;
# 4: window, role-direction, entity, support and same-kind features; 5: rate denominators are not figures,
# meeting end/start and venue cues, a name the question gives, parser 8 and councils C in training


CALIBRATION_INPUTS = ("date_ok", "date_value", "coverage", "own", "type_match", "similarity", "names_held", "margin")
NO_RIVAL = 5.0  # the margin when no other answer is offered


@dataclass(frozen=True)
class Calibration:
    """P(the best candidate is right): a logistic regression over its raw score and a few of its
    features (does its date fit, how much of the question it covers), fitted on held-out councils."""

    weights: tuple[float, ...] = (1.0,) + (0.0,) * len(CALIBRATION_INPUTS)  # score first, then the inputs
    intercept: float = 0.0

    @staticmethod
    def inputs(score: float, features: dict) -> list[float]:
        return [score, *(float(features.get(name, 0.0)) for name in CALIBRATION_INPUTS)]

    def __call__(self, score: float, features: dict) -> float:
        return self.of_inputs(self.inputs(score, features))

    def of_inputs(self, inputs: list[float]) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self.weights, inputs, strict=True))
        z = max(-50.0, min(50.0, z))
        return 1.0 / (1.0 + math.exp(-z))


def eligible(candidate: Candidate) -> bool:
    """A question that asks about a date is answered only from a sentence dated then (or inside
    it), or from a passage of a meeting then: a figure for January 2024 does not answer for
    January 2021, however well it matches otherwise."""
    return not candidate.features.get("asked_date") or bool(candidate.features.get("date_ok"))


def best_eligible(found: list[Candidate], scores: np.ndarray) -> int:
    allowed = [i for i, c in enumerate(found) if eligible(c)]
    return max(allowed, key=lambda i: scores[i]) if allowed else -1


def decision_features(found: list[Candidate], scores: np.ndarray, index: int) -> dict:
    """The chosen candidate's features and how far its score is ahead of the best candidate giving
    another answer, eligible or not: a close second, or a better answer for another date, is a
    reason for doubt."""
    chosen = found[index]
    answer = answer_key(chosen.span)
    rivals = [scores[i] for i, c in enumerate(found) if answer_key(c.span) != answer]
    margin = float(scores[index] - max(rivals)) if rivals else NO_RIVAL
    return {**chosen.features, "margin": min(margin, NO_RIVAL)}


@dataclass(frozen=True)
class AnswerSelector:
    model_text: str  # LightGBM's text format
    names: tuple[str, ...]
    calibration: Calibration
    threshold: float  # abstain below this calibrated probability
    meta: dict

    @classmethod
    def from_booster(cls, booster, names: tuple[str, ...], calibration: Calibration, threshold: float,
                     meta: dict) -> AnswerSelector:
        return cls(booster.model_to_string(), names, calibration, threshold, meta)

    @property
    def fingerprint(self) -> str:
        """Which trained model this is: what is fitted on its scores (select/reading.py) records it."""
        return hashlib.sha256(self.model_text.encode()).hexdigest()[:16]

    @property
    def model(self) -> TreeModel:
        model = self.__dict__.get("_model")
        if model is None:  # parsed once (frozen dataclass: cached in __dict__)
            model = TreeModel.from_text(self.model_text)
            object.__setattr__(self, "_model", model)
        return model

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of candidate the model was trained on: one added since (a kind it has no feature
        for) is not offered to it until it is retrained (pipeline.answer_candidates)."""
        return frozenset(kind for kind in KINDS if f"kind_{kind}" in self.names)

    def knows(self, kind: str) -> bool:
        return kind in self.kinds

    def scores(self, found: list[Candidate]) -> np.ndarray:
        if not found:
            return np.zeros(0)
        return self.model.predict(matrix(found, self.names))

    def probability(self, found: list[Candidate], scores: np.ndarray, index: int) -> float:
        """The calibrated probability that found[index] is right, given every candidate's score."""
        return self.calibration(float(scores[index]), decision_features(found, scores, index))

    def best(self, found: list[Candidate], scores: np.ndarray | None = None) -> tuple[int, float]:
        """Index of the best eligible candidate and the calibrated probability that it is right;
        (-1, 0.0) when none is eligible. `scores`: the candidates' scores when already computed."""
        scores = self.scores(found) if scores is None else scores
        index = best_eligible(found, scores)
        if index < 0:
            return -1, 0.0
        return index, self.probability(found, scores, index)

    def save(self, directory: Path = MODELS) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / f"{NAME}.txt").write_text(self.model_text)
        (directory / f"{NAME}.json").write_text(json.dumps({
            "version": VERSION, "features": list(self.names),
            "calibration": {"inputs": ["score", *CALIBRATION_INPUTS], "weights": list(self.calibration.weights),
                            "intercept": self.calibration.intercept},
            "threshold": self.threshold, **self.meta}, indent=2) + "\n")

    @classmethod
    def load(cls, directory: Path = MODELS) -> AnswerSelector:
        model, meta_path = directory / f"{NAME}.txt", directory / f"{NAME}.json"
        if not model.exists() or not meta_path.exists():
            raise ArchiveError(f"the answer selector is missing from {directory}: run benchmarks/train_selector.py")
        meta = json.loads(meta_path.read_text())
        if meta.get("version") != VERSION:
            raise ArchiveError(f"answer selector version {meta.get('version')} != {VERSION}: retrain it")
        stored = meta.pop("calibration")
        if stored.get("inputs") != ["score", *CALIBRATION_INPUTS]:
            raise ArchiveError("the answer selector's calibration inputs differ from this version's: retrain it")
        calibration = Calibration(tuple(stored["weights"]), float(stored["intercept"]))
        return cls(model.read_text(), tuple(meta.pop("features")), calibration, float(meta.pop("threshold")), meta)
