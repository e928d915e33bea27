"""FAISS side of the index.

IndexFlatIP over L2-normalised vectors is exact cosine search. At council-archive scale (10^4 to
10^6 chunks) an exact scan costs milliseconds to tens of milliseconds on two cores, so an
approximate index (IVF, HNSW) would trade recall for time we do not need to save. IndexIDMap2
keeps FAISS ids equal to SQLite chunk rowids.
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np


def build(vectors: np.ndarray, ids: np.ndarray) -> faiss.Index:
    index = faiss.IndexIDMap2(faiss.IndexFlatIP(vectors.shape[1]))
    if len(ids):
        index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64))
    return index


def save(index: faiss.Index, path: Path) -> None:
    faiss.write_index(index, str(path))


def load(path: Path) -> faiss.Index:
    return faiss.read_index(str(path))


def search(index: faiss.Index, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
    if index.ntotal == 0:
        return []
    scores, ids = index.search(np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32), min(k, index.ntotal))
    return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i != -1]


def vectors_by_id(index: faiss.Index, ids: list[int]) -> np.ndarray:
    return np.vstack([index.reconstruct(int(i)) for i in ids]) if ids else np.zeros((0, index.d), np.float32)
