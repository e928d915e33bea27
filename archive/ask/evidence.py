"""What a question is answered from: the candidate passages with their text, dates, titles and
papers, and the corpus statistics, built once per query from the store. Answer selection and
figures read this object only; they never call back into the archive."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from archive.ask.retrieve.stats import CorpusStats
from archive.ask.understand.query import Query
from archive.dates import Period
from archive.index.sentences import SentenceReading
from archive.records import Chunk, Document, Hit, Part
from archive.text import prose_sentence_spans


@dataclass(frozen=True)
class Papers:
    """The papers of the index and their parts, loaded once when the archive opens."""

    documents: dict[str, Document]
    parts: dict[tuple[str, int], Part]

    def part_of(self, chunk: Chunk) -> Part | None:
        return self.parts.get((chunk.doc_id, chunk.part_id))

    def context_date(self, chunk: Chunk) -> str:
        """The meeting a passage belongs to: its part's date (minutes printed in a later pack), else its paper's."""
        part = self.part_of(chunk)
        return (part.part_date if part and part.part_date else "") or self.documents[chunk.doc_id].meeting_date

    def meta_text(self, chunk: Chunk) -> str:
        """What a passage is part of: its council, document, committee and part titles."""
        document = self.documents[chunk.doc_id]
        part = self.part_of(chunk)
        return " ".join([document.council, document.title, document.committee, document.doc_type,
                         part.title if part else ""])

    def hit(self, chunk: Chunk, score: float = 0.0, lexical_rank: int | None = None,
            dense_rank: int | None = None) -> Hit:
        return Hit(chunk, score, lexical_rank, dense_rank, self.documents[chunk.doc_id], self.part_of(chunk))

    def passage(self, hit: Hit, periods: tuple[Period, ...] = (), kinds: frozenset[str] | None = None) -> Passage:
        chunk = hit.chunk
        return Passage(hit, periods, self.context_date(chunk), self.meta_text(chunk), kinds=kinds)


@dataclass(frozen=True)
class Passage:
    hit: Hit  # the chunk, its paper and part, its score and ranks
    periods: tuple[Period, ...]  # the dates the chunk states, as stored at index time
    context_date: str  # ISO date of the meeting it belongs to, "" when unknown
    meta: str  # its paper's council, title, committee, type and part title
    reading: SentenceReading | None = None  # its sentences as read at build time, when the index stores them
    kinds: frozenset[str] | None = None  # the kinds of answer its text holds, when the index stores them

    @property
    def chunk(self) -> Chunk:
        return self.hit.chunk

    @cached_property
    def sentence_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence or table row of the chunk's text, split once."""
        return list(self.reading.spans) if self.reading else prose_sentence_spans(self.chunk.text)


@dataclass(frozen=True)
class Evidence:
    query: Query
    passages: tuple[Passage, ...]  # best first
    stats: CorpusStats

    @property
    def hits(self) -> tuple[Hit, ...]:
        return tuple(p.hit for p in self.passages)
