"""Frozen records passed between the stages of the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: str
    title: str
    committee: str
    meeting_date: str  # ISO date, "" when unknown
    doc_type: str
    source_url: str
    pages: tuple[str, ...]
    sha256: str = ""
    page_labels: tuple[str, ...] = ()  # the page numbers printed on the pages ("12"), "" where none
    ocr_pages: tuple[int, ...] = ()  # 1-based pages whose text was read by OCR (scans with no text layer)
    council: str = ""  # whose paper it is ("Herefordshire Council"); "" when the corpus does not say

    def printed_page(self, page: int) -> str:
        return self.page_labels[page - 1] if 0 < page <= len(self.page_labels) else ""

    def is_ocr(self, page: int) -> bool:
        """Whether this page's text was read by OCR, and so may hold misread words."""
        return page in self.ocr_pages


@dataclass(frozen=True)
class Part:
    """One document inside an agenda pack (agenda, previous minutes, a report, an appendix)."""

    doc_id: str
    part_id: int
    title: str
    part_date: str  # ISO date of the meeting the part belongs to, "" when unknown
    page_start: int
    page_end: int


@dataclass(frozen=True)
class Chunk:
    chunk_id: int
    doc_id: str
    part_id: int
    page: int  # 1-based page of the source file
    start: int  # character offsets into that page's text
    end: int
    heading: str
    text: str  # verbatim source lines (a table row is preceded by its header line)
    line: int = 0  # 1-based line of the page where the chunk starts


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    lexical_rank: int | None = None
    dense_rank: int | None = None
    document: Document | None = None
    part: Part | None = None


@dataclass(frozen=True)
class Answer:
    question: str
    text: str | None  # the answer span, None when the archive does not support an answer
    quote: str  # the supporting sentence or table row, verbatim
    citations: tuple[Hit, ...] = field(default_factory=tuple)
    note: str = ""  # when the figure is from, or why the archive abstained and what it holds
    as_of: str = ""  # the date the quoted passage gives for its figure, else its meeting date
    likely: str = ""  # when the archive abstains: the answer it would have given, marked in the quote
