"""Structure-aware chunking: headings, numbered paragraphs, list items and table rows.

A chunk never crosses a heading, a part boundary or a page; long paragraphs are split at sentence
ends. Chunk text is a verbatim slice of the page, except that a table chunk repeats the table's
header lines above its rows so every row keeps its column names.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from archive import tables
from archive.build.packs import PartStart, part_at
from archive.records import Chunk, Document
from archive.text import sentence_spans

TARGET_WORDS = 110  # all-MiniLM-L6-v2 reads 256 word pieces; ~110 words leaves room for a heading
MAX_WORDS = 160

_LIST_ITEM = re.compile(r"^\s*(?:[-•·▪o]\s+|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s|[ivx]{1,4}[.)]\s)")


@dataclass(frozen=True)
class ChunkSettings:
    target_words: int = TARGET_WORDS
    max_words: int = MAX_WORDS

    def as_dict(self) -> dict:
        return {"strategy": "structure-v1", "target_words": self.target_words, "max_words": self.max_words}


@dataclass
class _Block:
    kind: str  # "heading", "para", "item", "table"
    start: int
    end: int
    words: int
    header: str = ""  # table header lines
    rows: list[tuple[int, int]] | None = None


def _lines(page: str) -> list[tuple[int, int, str]]:
    out, offset = [], 0
    for line in page.split("\n"):
        out.append((offset, offset + len(line), line))
        offset += len(line) + 1
    return out


_NUMBERED_HEADING = re.compile(r"^\s*\d{1,3}\.\s+[A-Z][A-Z0-9 ,&'’()/\-]+$")


def _is_heading(line: str) -> bool:
    stripped = line.strip().strip("*").strip()
    if _NUMBERED_HEADING.match(stripped):
        return True
    if not stripped or stripped.isdigit() or len(stripped.split()) > 12 or _LIST_ITEM.match(line) or "\t" in stripped:
        return False
    return not stripped.endswith((".", ",")) and (stripped[0].isupper() or stripped[0].isdigit())


def blocks(page: str) -> list[_Block]:
    lines = _lines(page)
    out: list[_Block] = []
    index = 0
    while index < len(lines):
        start, end, line = lines[index]
        if not line.strip():
            index += 1
            continue
        if tables.is_row(line) and index + 1 < len(lines) and tables.is_row(lines[index + 1][2]):
            rows = []
            while index < len(lines) and tables.is_row(lines[index][2]):
                rows.append((lines[index][0], lines[index][1]))
                index += 1
            header_count = tables.header_count([page[a:b] for a, b in rows])
            header = "\n".join(page[a:b] for a, b in rows[:header_count])
            body = rows[header_count:] or rows
            words = sum(len(page[a:b].split()) for a, b in body)
            out.append(_Block("table", rows[0][0], rows[-1][1], words, header, body))
            continue
        if _LIST_ITEM.match(line) and not _NUMBERED_HEADING.match(line):
            out.append(_Block("item", start, end, len(line.split())))
            index += 1
            continue
        # a paragraph: consecutive non-blank lines that start no list item or table
        para_end = end
        index += 1
        while index < len(lines):
            _, next_end, next_line = lines[index]
            if not next_line.strip() or _LIST_ITEM.match(next_line) or tables.is_row(next_line):
                break
            para_end = next_end
            index += 1
        kind = "heading" if para_end == end and _is_heading(line) else "para"
        out.append(_Block(kind, start, para_end, len(page[start:para_end].split())))
    return out


def _pack(page: str, spans: list[tuple[int, int]], target: int) -> list[tuple[int, int]]:
    """Consecutive spans gathered into windows of at most ~target words (a span is never split)."""
    windows: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []
    count = 0
    for span in spans:
        size = len(page[span[0] : span[1]].split())
        if current and count + size > target:
            windows.append((current[0][0], current[-1][1]))
            current, count = [], 0
        current.append(span)
        count += size
    if current:
        windows.append((current[0][0], current[-1][1]))
    return windows


def _split_long(page: str, block: _Block, target: int) -> list[tuple[int, int]]:
    """Sentence-bounded windows of at most ~target words inside one long block."""
    spans = [(block.start + a, block.start + b) for a, b in sentence_spans(page[block.start : block.end])]
    return _pack(page, spans, target) or [(block.start, block.end)]


def _caption(page: str, earlier: list[_Block]) -> str:
    """The paragraph just above a table (skipping a bare paragraph number), which usually says
    what the table counts."""
    for block in reversed(earlier[-2:]):
        if block.kind == "table" or block.words > 60:
            return ""
        if block.words > 3:
            return " ".join(page[block.start : block.end].split())
    return ""


def chunk_document(
    document: Document, part_starts: list[PartStart], settings: ChunkSettings | None = None
) -> list[Chunk]:
    settings = settings or ChunkSettings()
    chunks: list[Chunk] = []
    for page_no, page in enumerate(document.pages, start=1):
        line_starts = [0, *(m.end() for m in re.finditer("\n", page))]
        for start, end, heading, text in _page_spans(page, page_no, part_starts, settings):
            body = page[start:end] if text is None else text
            if not body.strip():
                continue
            chunks.append(Chunk(
                len(chunks), document.doc_id, part_at(part_starts, page_no, start), page_no, start, end,
                heading, body.strip("\n"), bisect.bisect_right(line_starts, start),
            ))
    return chunks


def _page_spans(
    page: str, page_no: int, part_starts: list[PartStart], settings: ChunkSettings
) -> list[tuple[int, int, str, str | None]]:
    """(start, end, heading, text or None for the verbatim slice) of each chunk of one page."""
    spans: list[tuple[int, int, str, str | None]] = []
    heading = ""
    group: list[_Block] = []

    def flush() -> None:
        if group:
            first = group[0]
            title = page[first.start : first.end].strip().strip("*").strip()
            spans.append((first.start, group[-1].end, title if first.kind == "heading" else heading, None))
            group.clear()

    boundaries = {start.offset for start in part_starts if start.page == page_no}
    page_blocks = blocks(page)
    for position, block in enumerate(page_blocks):
        if any(group and group[-1].end <= b <= block.start for b in boundaries):
            flush()
        if block.kind == "heading":
            if any(item.kind != "heading" for item in group):
                flush()
            heading = page[block.start : block.end].strip().strip("*").strip()
            group.append(block)
            continue
        if block.kind == "table":
            flush()
            caption = _caption(page, page_blocks[:position])
            table_heading = ": ".join(x for x in (heading, caption) if x)
            for first, last in _pack(page, block.rows or [], settings.target_words):
                rows_text = page[first:last]
                text = rows_text if first == block.start else block.header + "\n" + rows_text
                spans.append((first, last, table_heading, text))
            continue
        if block.words > settings.max_words:
            lead = group[0].start if group and all(item.kind == "heading" for item in group) else None
            if lead is None:
                flush()
            group.clear()
            for start, end in _split_long(page, block, settings.target_words):
                spans.append((start if lead is None else lead, end, heading, None))
                lead = None
            continue
        if group and sum(item.words for item in group) + block.words > settings.target_words:
            flush()
        group.append(block)
    flush()
    return spans
