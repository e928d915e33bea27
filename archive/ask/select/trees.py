"""A LightGBM model, read from its own text format and evaluated with NumPy.

Answering needs only the raw score of a shipped model, and importing LightGBM (with the pandas and
scikit-learn it probes for) costs more than a second on every cold `archive ask`. Training still
uses LightGBM (evaluate/train.py); tests/test_selector.py checks these scores against LightGBM's own.
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

    @property
    def forest(self) -> tuple[Tree, np.ndarray]:
        """Every tree in one set of arrays (nodes and leaves renumbered) and each tree's root, so
        that all trees are walked together: one NumPy step per level, not one per tree and level."""
        forest = self.__dict__.get("_forest")
        if forest is None:  # built once (frozen dataclass: cached in __dict__)
            forest = _stack(self.trees)
            object.__setattr__(self, "_forest", forest)
        return forest

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Raw scores (the sum of the trees' leaf values), one per row."""
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != self.features:
            raise ArchiveError(f"the answer selector reads {self.features} features, got shape {x.shape}")
        if not self.trees or not len(x):
            return np.zeros(len(x))
        forest, roots = self.forest
        rows = np.repeat(np.arange(len(x)), len(roots))
        leaves = _walk(forest, x, rows, np.tile(roots, len(x)))
        return forest.leaf_value[leaves].reshape(len(x), len(roots)).sum(axis=1)


def _walk(forest: Tree, x: np.ndarray, rows: np.ndarray, node: np.ndarray) -> np.ndarray:
    """The leaf each (row, start node) pair reaches; a child < 0 names leaf -(child + 1). LightGBM's
    rule: left when value <= threshold, except a missing value (NaN, or zero when the split says
    zero is missing) goes the split's default way."""
    node = node.copy()
    active = np.flatnonzero(node >= 0)
    while len(active):
        current = node[active]
        value = x[rows[active], forest.feature[current]]
        decision = forest.decision[current]
        missing_type = (decision >> 2) & 3
        is_nan = np.isnan(value)
        value = np.where(is_nan & (missing_type != _MISSING_NAN), 0.0, value)
        missing = ((missing_type == _MISSING_ZERO) & (np.abs(value) <= _ZERO)) | (
            (missing_type == _MISSING_NAN) & is_nan)
        go_left = np.where(missing, (decision & _DEFAULT_LEFT) != 0, value <= forest.threshold[current])
        node[active] = np.where(go_left, forest.left[current], forest.right[current])
        active = active[node[active] >= 0]
    return -node - 1


def _stack(trees: tuple[Tree, ...]) -> tuple[Tree, np.ndarray]:
    features, thresholds, decisions, lefts, rights, values, roots = [], [], [], [], [], [], []
    nodes = leaves = 0
    for tree in trees:
        if len(tree.feature) == 0:  # a single leaf
            roots.append(-(leaves + 1))
        else:
            roots.append(nodes)
            for child in (tree.left, tree.right):
                (lefts if child is tree.left else rights).append(np.where(child >= 0, child + nodes, child - leaves))
            features.append(tree.feature)
            thresholds.append(tree.threshold)
            decisions.append(tree.decision)
        values.append(tree.leaf_value)
        nodes += len(tree.feature)
        leaves += len(tree.leaf_value)
    join = lambda parts, kind: np.concatenate(parts).astype(kind) if parts else np.zeros(0, kind)  # noqa: E731
    forest = Tree(join(features, np.int64), join(thresholds, np.float64), join(decisions, np.int64),
                  join(lefts, np.int64), join(rights, np.int64), join(values, np.float64))
    return forest, np.array(roots, dtype=np.int64)
