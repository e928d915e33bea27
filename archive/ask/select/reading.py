"""The second look: the reader (select/reader.py) reads the selector's best few answers, and the
choice and its confidence are decided again from both.

The selector's score and the reader's logit are summed with a weight; the probability that the
chosen answer is right comes from a logistic calibration over the selector's own calibrated
probability, the reader's logit, and how far each is ahead of the next answer. The weight, the
calibration and the threshold (chosen for precision first: the answers given are right at least
`TARGET_PRECISION` of the time on councils held out) are fitted by benchmarks/fit_reading.py and ship
in ask/models/reading.json. Pure functions, shared by that script and the answer path.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from archive.ask.select.relative import answer_key
from archive.ask.select.selector import MODELS, eligible

NAME = "reading"
READ = 4  # answers the reader reads, the selector's best first
TARGET_PRECISION = 0.95
INPUTS = ("first", "reader", "reader_margin", "margin")


def to_read(found: list, scores: np.ndarray, k: int = READ) -> list[int]:
    """The selector's best `k` eligible candidates giving different answers, best first."""
    out, seen = [], set()
    for i in sorted(range(len(found)), key=lambda i: -scores[i]):
        key = answer_key(found[i].span)
        if key in seen or not eligible(found[i]):
            continue
        seen.add(key)
        out.append(i)
        if len(out) == k:
            break
    return out


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def inputs(first: float, reader: np.ndarray, combined: np.ndarray, best: int) -> list[float]:
    """The calibration's inputs for read answer `best`: the selector's calibrated probability of its
    own choice (as a logit), the reader's logit, and the leads over the next read answer."""
    others = [j for j in range(len(reader)) if j != best]
    reader_margin = float(reader[best] - max(reader[j] for j in others)) if others else 5.0
    margin = float(combined[best] - max(combined[j] for j in others)) if others else 5.0
    return [_logit(first), float(reader[best]), min(reader_margin, 5.0), min(margin, 5.0)]


@dataclass(frozen=True)
class Reading:
    weight: float  # of the reader's logit, beside the selector's score
    calibration: tuple[float, ...]  # one weight per INPUTS
    intercept: float
    threshold: float  # answer at or above this probability
    meta: dict

    @property
    def reader_version(self) -> int:
        """The reader it was fitted with; 0 when fitted without one (its logits read as 0)."""
        return int(self.meta.get("reader_version", 0))

    def fits(self, selector_fingerprint: str, reader_version: int) -> bool:
        """Fitted on this selector's scores and this reader's logits (else it must not be used)."""
        return self.meta.get("selector") == selector_fingerprint and self.reader_version == reader_version

    def probability(self, x: list[float]) -> float:
        z = self.intercept + sum(w * v for w, v in zip(self.calibration, x, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def decide(self, scores: np.ndarray, read: list[int], reader: np.ndarray, first: float) -> tuple[int, float]:
        """The chosen candidate's index among all and its probability of being right."""
        combined = scores[read] + self.weight * reader
        best = int(np.argmax(combined))
        return read[best], self.probability(inputs(first, reader, combined, best))

    def to_json(self) -> dict:
        return {"weight": self.weight, "inputs": list(INPUTS), "calibration": list(self.calibration),
                "intercept": self.intercept, "threshold": self.threshold, **self.meta}

    @classmethod
    def from_json(cls, data: dict) -> Reading:
        data = dict(data)
        if data.pop("inputs") != list(INPUTS):
            raise ValueError("the reading's calibration inputs differ from this version's: refit it")
        return cls(float(data.pop("weight")), tuple(data.pop("calibration")), float(data.pop("intercept")),
                   float(data.pop("threshold")), data)


@lru_cache(maxsize=1)
def shipped() -> Reading | None:
    path = MODELS / f"{NAME}.json"
    return Reading.from_json(json.loads(path.read_text())) if path.exists() else None
