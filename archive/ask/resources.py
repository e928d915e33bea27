"""What the ask path reads, loaded once from an index generation: the store, the papers and their
parts, the councils, the glossary, the embedder, the weights, and (on first use) the corpus
statistics, the answer selector and the sentence vectors already computed.

`Archive` (archive/core.py) holds one; build-time follow-up tracking (build/tracking.py) makes one
for the generation it has just written. The pipeline's steps (ask/pipeline.py) take it as an argument
and never call back into either.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import cached_property

import numpy as np

from archive.ask.evidence import Papers
from archive.ask.retrieve.stats import CorpusStats
from archive.ask.select.reader import Reader
from archive.ask.select.reader import shipped as shipped_reader
from archive.ask.select.reading import Reading
from archive.ask.select.reading import shipped as shipped_reading
from archive.ask.select.selector import AnswerSelector
from archive.ask.understand.councils import Councils
from archive.ask.weights import Weights
from archive.glossary import Glossary
from archive.index.backend import IndexStore
from archive.index.embed import Embedder

SENTENCE_CACHE = 50_000  # sentence vectors kept in memory (~80 MB at 384 float32 dims)


class SentenceVectors:
    """Vectors of sentences, remembered (up to SENTENCE_CACHE): passages recur across questions.
    Safe to share between the API's answering threads."""

    def __init__(self, embedder: Embedder, size: int = SENTENCE_CACHE) -> None:
        self.embedder = embedder
        self.size = size
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            known = {t: self._vectors[t] for t in dict.fromkeys(texts) if t in self._vectors}
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            known.update(zip(missing, self.embedder.encode(missing), strict=True))
            with self._lock:
                for text in missing:
                    self._vectors[text] = known[text]
                while len(self._vectors) > self.size:
                    self._vectors.popitem(last=False)
        return np.vstack([known[t] for t in texts])


class Resources:
    def __init__(self, index: IndexStore, embedder: Embedder, weights: Weights | None = None,
                 selector: AnswerSelector | None = None) -> None:
        self.index = index
        self.embedder = embedder
        self.weights = weights or Weights()
        self.papers = Papers(index.documents(), index.parts())
        self.councils = Councils.of(d.council for d in self.papers.documents.values())
        self.glossary = load_glossary(index.glossary_rows())
        self.chunk_count = index.chunk_count()
        self.sentences = SentenceVectors(embedder)
        if selector is not None:
            self.__dict__["selector"] = selector

    def with_weights(self, weights: Weights) -> Resources:
        """The same loaded index (statistics and caches shared) with other weights."""
        other = Resources.__new__(Resources)
        other.__dict__.update(self.__dict__)
        other.weights = weights
        return other

    def with_reading(self, reading: Reading | None) -> Resources:
        """The same loaded index deciding with another second look (None: the selector's own threshold)."""
        other = self.with_weights(self.weights)
        other.__dict__["reading"] = reading
        return other

    @cached_property
    def selector(self) -> AnswerSelector:
        return AnswerSelector.load()  # the shipped model (ask/models/), loaded on first use

    @cached_property
    def reader(self) -> Reader | None:
        return shipped_reader()  # the trained reader, when the package ships one

    @cached_property
    def reading(self) -> Reading | None:
        """How the reader's scores and the selector's are decided together; None unless it was fitted
        on the loaded selector and reader (a retrained selector falls back to its own threshold)."""
        reading = shipped_reading()
        version = self.reader.version if self.reader is not None else 0
        return reading if reading is not None and reading.fits(self.selector.fingerprint, version) else None

    @cached_property
    def stats(self) -> CorpusStats:
        return CorpusStats(self.chunk_count, self.index.term_df(), self.glossary)  # read on first use


def load_glossary(rows) -> Glossary:
    glossary = Glossary()
    for row in rows:
        glossary.add(row["acronym"], row["expansion"])
        glossary.sources.setdefault(row["acronym"], set()).update(filter(None, row["doc_id"].split("; ")))
    return glossary
