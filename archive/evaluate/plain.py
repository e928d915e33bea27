"""The plain stack the archive is measured against: rank-bm25 + FAISS flat + reciprocal-rank fusion
over fixed 200-word windows, and as the answer the most similar sentence of the top windows.

It reads the same index (each paper's passages in order, joined) and the same embedding model, so
a difference in `archive eval --mode all` is the archive's own doing: structure-aware chunks,
reranking and the answer selector.
"""

from __future__ import annotations

import re

import faiss
import numpy as np

from archive.ask.retrieve.fuse import reciprocal_rank_fusion
from archive.records import Answer, Chunk, Hit
from archive.text import sentences

WINDOW = 200
STRIDE = 100
CANDIDATES = 60
_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


class PlainStack:
    def __init__(self, papers: dict[str, list[str]], embedder) -> None:
        """papers: doc_id -> its passages in order."""
        from rank_bm25 import BM25Okapi

        self.embedder = embedder
        self.windows: list[Chunk] = []
        for doc_id, passages in papers.items():
            words = " ".join(passages).split()
            for start in range(0, max(1, len(words) - WINDOW + STRIDE), STRIDE):
                text = " ".join(words[start : start + WINDOW])
                if text:
                    self.windows.append(Chunk(len(self.windows), doc_id, 0, 1, start, start + WINDOW, "", text))
        self.bm25 = BM25Okapi([_tokens(w.text) for w in self.windows])
        vectors = embedder.encode([w.text for w in self.windows])
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    @classmethod
    def from_archive(cls, archive) -> PlainStack:
        papers: dict[str, list[str]] = {}
        for doc_id in archive.documents:
            for part in archive.document_parts(doc_id):
                papers.setdefault(doc_id, []).extend(c.text for c in archive.part_chunks(doc_id, part.part_id))
        return cls(papers, archive.embedder)

    def search(self, question: str, k: int = 10, filters=None, mode: str = "plain") -> list[Hit]:
        scores = self.bm25.get_scores(_tokens(question))
        lexical = [int(i) for i in np.argsort(-scores)[:CANDIDATES] if scores[i] > 0]
        vector = self.embedder.encode([question])
        _, ids = self.index.search(np.ascontiguousarray(vector, dtype=np.float32), min(CANDIDATES, len(self.windows)))
        fused = reciprocal_rank_fusion([lexical, [int(i) for i in ids[0] if i >= 0]])
        return [Hit(self.windows[i], score) for i, score in fused[:k]]

    def ask(self, question: str, k: int = 10, filters=None) -> Answer:
        hits = self.search(question, k=max(k, 5))
        candidates = [s for hit in hits[:5] for s in sentences(hit.chunk.text)]
        if not candidates:
            return Answer(question, None, "", tuple(hits), "No passage found.")
        vectors = self.embedder.encode([question, *candidates])
        best = int(np.argmax(vectors[1:] @ vectors[0]))
        holder = next(h for h in hits if candidates[best] in h.chunk.text)
        ordered = (holder, *(h for h in hits if h is not holder))
        return Answer(question, candidates[best], candidates[best], ordered[:k])
