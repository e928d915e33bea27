"""A LightGBM model, read from its own text format and evaluated with NumPy.

Answering needs only the raw score of a shipped model, and importing LightGBM (with the pandas and
scikit-learn it probes for) costs more than a second on every cold `archive ask`. Training still
uses LightGBM (ask/learn.py); tests/test_selector.py checks these scores against LightGBM's own.
Numerical splits only (the selector's features are numbers); a model with categorical splits or
linear leaves is refused rather than scored wrongly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from archive.errors import ArchiveError

_ZERO = 1e-35  # LightGBM's kZeroThreshold: |x| below it counts as zero
_DEFAULT_LEFT = 2  # decision_type bit: missing values go left
_MISSING_ZERO, _MISSING_NAN = 1, 2  # decision_type bits 2-3: which value counts as missing


@dataclass(frozen=True)
class Tree:
    feature: np.ndarray  # per internal node
    threshold: np.ndarray
    decision: np.ndarray
    left: np.ndarray  # child index; a negative value -(leaf + 1) names a leaf
    right: np.ndarray
    leaf_value: np.ndarray

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Leaf values for the rows of x, all rows walked down the tree together."""
        if len(self.feature) == 0:
            return np.full(len(x), self.leaf_value[0])
        node = np.zeros(len(x), dtype=np.int64)
        active = np.arange(len(x))
        out = np.empty(len(x))
        while len(active):
            current = node[active]
            value = x[active, self.feature[current]]
            decision = self.decision[current]
            missing_type = (decision >> 2) & 3
            is_nan = np.isnan(value)
            value = np.where(is_nan & (missing_type != _MISSING_NAN), 0.0, value)
            missing = ((missing_type == _MISSING_ZERO) & (np.abs(value) <= _ZERO)) | (
                (missing_type == _MISSING_NAN) & is_nan)
            go_left = np.where(missing, (decision & _DEFAULT_LEFT) != 0, value <= self.threshold[current])
            child = np.where(go_left, self.left[current], self.right[current])
            leaf = child < 0
            out[active[leaf]] = self.leaf_value[-child[leaf] - 1]
            node[active] = np.where(leaf, 0, child)
            active = active[~leaf]
        return out


def _numbers(fields: dict[str, str], key: str, kind) -> np.ndarray:
    text = fields.get(key, "").strip()
    return np.array(text.split(), dtype=kind) if text else np.zeros(0, dtype=kind)


def _tree(fields: dict[str, str]) -> Tree:
    if int(fields.get("num_cat", "0")) or fields.get("is_linear", "0") != "0":
        raise ArchiveError("the answer selector uses categorical splits or linear trees, which this reader refuses")
    return Tree(_numbers(fields, "split_feature", np.int64), _numbers(fields, "threshold", np.float64),
                _numbers(fields, "decision_type", np.int64), _numbers(fields, "left_child", np.int64),
                _numbers(fields, "right_child", np.int64), _numbers(fields, "leaf_value", np.float64))


@dataclass(frozen=True)
class TreeModel:
    trees: tuple[Tree, ...]
    features: int  # columns the model reads

    @classmethod
    def from_text(cls, text: str) -> TreeModel:
        blocks = text.split("\nTree=")
        header = dict(line.split("=", 1) for line in blocks[0].splitlines() if "=" in line)
        if int(header.get("num_tree_per_iteration", "1")) != 1:
            raise ArchiveError("the answer selector has several trees per iteration: not a ranking model")
        trees = []
        for block in blocks[1:]:
            body = block.split("\nend of trees", 1)[0]
            trees.append(_tree(dict(line.split("=", 1) for line in body.splitlines()[1:] if "=" in line)))
        return cls(tuple(trees), int(header["max_feature_idx"]) + 1)

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Raw scores (the sum of the trees' leaf values), one per row."""
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != self.features:
            raise ArchiveError(f"the answer selector reads {self.features} features, got shape {x.shape}")
        return sum((tree.predict(x) for tree in self.trees), np.zeros(len(x)))
