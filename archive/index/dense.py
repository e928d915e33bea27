"""The dense side of the index: every chunk's vector, and how to search them.

`vectors.npy` is a float32 matrix whose row r holds chunk rowid r + 1 (a generation's rowids run
1..N), written row block by row block during the build and memory-mapped when serving, so neither
needs the whole matrix in memory. Vectors are L2-normalised: inner product is cosine similarity.

Search is exact (a scan of the matrix) while the archive is small. From ANN_MIN_VECTORS up, an
IVF index with 8-bit scalar quantisation (`vectors.ivf`, about a quarter of the matrix's size)
proposes candidates that are re-scored exactly from the matrix; its settings are recorded in the
manifest under "ann". A filtered search that allows few chunks scans exactly those rows, so a
filter matching one paper among a million chunks still returns that paper's best passages.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

MATRIX = "vectors.npy"
ANN_FILE = "vectors.ivf"
ANN_MIN_VECTORS = 50_000  # below this an exact scan costs a few milliseconds
EXACT_SUBSET = 20_000  # a filter allowing at most this many chunks is searched exactly
BLOCK = 16_384  # rows scanned at a time (bounded memory for exact scans)
REFINE = 4  # approximate candidates re-scored exactly: REFINE x k, at least 100


def open_matrix(path: Path, rows: int, dim: int) -> np.ndarray:
    """A new matrix on disk to fill during the build."""
    return np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=(rows, dim))


def load_matrix(path: Path) -> np.ndarray:
    return np.load(path, mmap_mode="r")


def ann_settings(rows: int) -> dict:
    """The dense index a generation of `rows` chunks gets: exact below ANN_MIN_VECTORS, else IVF."""
    if rows < ANN_MIN_VECTORS:
        return {"kind": "flat"}
    nlist = int(4 * math.sqrt(rows))
    # nprobe: a twelfth of the lists gave recall@10 0.955 against exact search at 100k chunks
    return {"kind": "ivf-sq8", "nlist": nlist, "nprobe": max(32, nlist // 12), "train": min(rows, 40 * nlist)}


def build_ann(matrix: np.ndarray, settings: dict, seed: int = 7) -> faiss.Index | None:
    if settings["kind"] == "flat":
        return None
    dim = matrix.shape[1]
    quantizer = faiss.IndexFlatIP(dim)
    index = faiss.IndexIVFScalarQuantizer(quantizer, dim, settings["nlist"], faiss.ScalarQuantizer.QT_8bit,
                                          faiss.METRIC_INNER_PRODUCT)
    index.cp.niter = 10
    index.cp.seed = seed
    sample = np.sort(np.random.default_rng(seed).choice(len(matrix), settings["train"], replace=False))
    index.train(np.ascontiguousarray(matrix[sample]))
    for start in range(0, len(matrix), BLOCK * 4):
        block = np.ascontiguousarray(matrix[start : start + BLOCK * 4])
        index.add_with_ids(block, np.arange(start + 1, start + 1 + len(block), dtype=np.int64))
    return index


def save_ann(index: faiss.Index | None, directory: Path) -> None:
    if index is not None:
        faiss.write_index(index, str(directory / ANN_FILE))


def _top(scores: np.ndarray, rowids: np.ndarray, k: int) -> list[tuple[int, float]]:
    if len(scores) > k:
        keep = np.argpartition(-scores, k)[:k]
        scores, rowids = scores[keep], rowids[keep]
    order = np.lexsort((rowids, -scores))  # best first, ties by rowid
    return [(int(rowids[i]), float(scores[i])) for i in order]


@dataclass
class DenseIndex:
    matrix: np.ndarray  # memory-mapped, row = rowid - 1
    ann: faiss.Index | None
    nprobe: int = 0

    @classmethod
    def load(cls, generation: Path, settings: dict | None = None) -> DenseIndex:
        settings = settings or {"kind": "flat"}
        # memory-mapped, read-only: server processes share the inverted lists' pages instead of copying them
        flags = faiss.IO_FLAG_MMAP | faiss.IO_FLAG_READ_ONLY
        ann = faiss.read_index(str(generation / ANN_FILE), flags) if settings["kind"] != "flat" else None
        return cls(load_matrix(generation / MATRIX), ann, settings.get("nprobe", 0))

    @property
    def size(self) -> int:
        return len(self.matrix)

    def rows(self, rowids: list[int] | np.ndarray) -> np.ndarray:
        return np.asarray(self.matrix[np.asarray(rowids, dtype=np.int64) - 1], dtype=np.float32)

    def exact(self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Exact inner-product search over every row, or over the allowed rowids only, block by block."""
        best: list[tuple[int, float]] = []
        total = self.size if allowed is None else len(allowed)
        for start in range(0, total, BLOCK):
            if allowed is None:
                rowids = np.arange(start + 1, min(start + BLOCK, total) + 1, dtype=np.int64)
                block = self.matrix[start : start + BLOCK]
            else:
                rowids = allowed[start : start + BLOCK]
                block = self.matrix[rowids - 1]
            found = _top(np.asarray(block @ vector, dtype=np.float32), rowids, k)
            best = _top(np.array([s for _, s in best + found], dtype=np.float32),
                        np.array([r for r, _ in best + found], dtype=np.int64), k)
        return best

    def search(self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The k rowids most similar to `vector` (among `allowed` when given), best first."""
        vector = np.asarray(vector, dtype=np.float32).reshape(-1)
        if k <= 0 or self.size == 0:
            return []
        if self.ann is None or (allowed is not None and len(allowed) <= EXACT_SUBSET):
            return self.exact(vector, k, allowed)
        wanted = max(REFINE * k, 100)
        # a broad filter: the IVF scan skips what it does not allow (the selector is held until the search ends)
        selector = faiss.IDSelectorBatch(allowed) if allowed is not None else None
        params = faiss.SearchParametersIVF(nprobe=self.nprobe, sel=selector) if selector is not None else \
            faiss.SearchParametersIVF(nprobe=self.nprobe)
        _, ids = self.ann.search(vector.reshape(1, -1), min(wanted, self.size), params=params)
        candidates = np.array(sorted(int(i) for i in ids[0] if i > 0), dtype=np.int64)
        if len(candidates) == 0:
            return []
        return _top(self.rows(candidates) @ vector, candidates, k)
