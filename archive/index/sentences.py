"""What the answer stage reads of a passage that does not depend on the question, worked out once
when the index is built (archive/build/sentences.py) instead of for every question: each chunk's
sentences (or table rows) as offsets into its text, the dates each states (resolved against the
meeting's date) and its heading's dates, and a vector per sentence in `sentences.npy` beside the
chunk vectors (float16, memory-mapped; row `first + i` is the chunk's i-th sentence).

An index without them (an older build, a PostgreSQL backend) is answered the same way, with the
work done at question time."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np

from archive.dates import Period, find_periods, reference_date
from archive.text import prose_sentence_spans

MATRIX = "sentences.npy"


def _periods(found: list[Period]) -> list:
    return [[p.first[0], p.first[1], p.last[0], p.last[1], p.text] for p in found]


def _read_periods(rows: list) -> tuple[Period, ...]:
    return tuple(Period((a, b), (c, d), text) for a, b, c, d, text in rows)


@dataclass(frozen=True)
class SentenceReading:
    """One chunk read sentence by sentence: spans[i] = (start, end) in its text, periods[i] the dates
    sentence i states (resolved against the meeting's date), plain[i] those it states read without
    one (where a span is sought: "last year" is then no date), heading_periods its heading's dates;
    `first` its first row of sentences.npy (-1: none), `vectors` its sentences' vectors as the index
    store hands them over (None: the answer stage embeds the sentences)."""

    spans: tuple[tuple[int, int], ...]
    periods: tuple[tuple[Period, ...], ...]
    plain: tuple[tuple[Period, ...], ...]
    heading_periods: tuple[Period, ...]
    first: int = -1
    vectors: np.ndarray | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, text: str, heading: str, meeting_date: str, first: int = -1) -> SentenceReading:
        reference: date | None = reference_date(meeting_date)
        spans = tuple(prose_sentence_spans(text))
        return cls(spans, tuple(tuple(find_periods(text[a:b], reference)) for a, b in spans),
                   tuple(tuple(find_periods(text[a:b])) for a, b in spans),
                   tuple(find_periods(heading, reference)), first)

    def dumps(self) -> str:
        plain = [None if p == q else _periods(list(p)) for p, q in zip(self.plain, self.periods, strict=True)]
        return json.dumps([[list(s) for s in self.spans], [_periods(list(p)) for p in self.periods], plain,
                           _periods(list(self.heading_periods))], separators=(",", ":"))

    @classmethod
    def loads(cls, text: str, first: int) -> SentenceReading:
        spans, periods, plain, heading = json.loads(text)
        read = tuple(_read_periods(p) for p in periods)
        return cls(tuple((a, b) for a, b in spans), read,
                   tuple(r if p is None else _read_periods(p) for p, r in zip(plain, read, strict=True)),
                   _read_periods(heading), first)


def with_vectors(reading: SentenceReading, matrix: np.ndarray | None) -> SentenceReading:
    """The reading with its sentences' rows of a sentences.npy matrix (as float32), when there is one."""
    if matrix is None or reading.first < 0:
        return reading
    return replace(reading, vectors=np.asarray(matrix[reading.first : reading.first + len(reading.spans)],
                                               dtype=np.float32))


def vectors_from_bytes(data: bytes | None, dim: int) -> np.ndarray | None:
    """A chunk's sentence vectors stored as float16 bytes (as in sentences.npy), as float32 rows."""
    return np.frombuffer(data, dtype=np.float16).reshape(-1, dim).astype(np.float32) if data else None


def open_matrix(path: Path, rows: int, dim: int) -> np.ndarray:
    return np.lib.format.open_memmap(path, mode="w+", dtype=np.float16, shape=(rows, dim))


def load_matrix(generation: Path) -> np.ndarray | None:
    path = generation / MATRIX
    return np.load(path, mmap_mode="r") if path.exists() else None
