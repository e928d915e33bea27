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


_NUMBERED_HEADING = re.compile(r"^\s*\d{1,3}\.\s+[A-Z][A-Z0-9 ,:&'’()/\-]+$")
# A running header or footer ("Thornwick MBC - Council - 18.10.23      Page 1 of 4") heads nothing.
_PAGE_FURNITURE = re.compile(r"\bPage \d+ of \d+\b|\S\s{5,}\S", re.IGNORECASE)
# A line that ends mid-sentence is a wrapped line, not a heading.
_UNFINISHED = re.compile(r"(?:;|\b(?:and|or|of|the|to|for|in|by|with))$", re.IGNORECASE)


def _is_heading(line: str) -> bool:
    stripped = line.strip().strip("*").strip()
    if _NUMBERED_HEADING.match(stripped):
        return True
    if not stripped or stripped.isdigit() or len(stripped.split()) > 12 or _LIST_ITEM.match(line) or "\t" in stripped:
        return False
    if _PAGE_FURNITURE.search(stripped) or _UNFINISHED.search(stripped):
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
    furniture = running_lines(document.pages)
    for page_no, page in enumerate(document.pages, start=1):
        line_starts = [0, *(m.end() for m in re.finditer("\n", page))]
        for start, end, heading, text in _page_spans(page, page_no, part_starts, settings, furniture):
            body = page[start:end] if text is None else text
            if not body.strip():
                continue
            part_id = part_at(part_starts, page_no, start)
            chunks.append(Chunk(
                len(chunks), document.doc_id, part_id, page_no, start, end,
                item_heading(part_starts[part_id], heading), body.strip("\n"), bisect.bisect_right(line_starts, start),
            ))
    return chunks


def item_heading(part: PartStart, heading: str) -> str:
    """Inside a minuted item or a question, every chunk is headed by the item's number and title,
    followed by its own heading ("Item 40: LOCAL PLAN — RESOLVED That", "Question 2: from X to Y —
    Answer:"), so that a decision or an answer is found, and read, as the item's."""
    if not part.is_item:
        return heading
    # "Minutes of X, item 181: TITLE" heads its chunks as "Item 181: TITLE": the minutes they belong
    # to are in the part's title already, and repeating them in every chunk would weigh on the search
    label = "Item " + part.title.split(", item ", 1)[1] if ", item " in part.title else part.title
    own = re.sub(r"^\s*\d{1,3}\.?\s+", "", heading).strip().lower()
    if not own or own in label.lower():
        return label
    return f"{label} — {heading}"


def running_lines(pages: tuple[str, ...]) -> frozenset[str]:
    """Short lines printed on several pages of a paper ("Thornwick MBC - Council - 18.10.23"): running
    headers and footers, which head nothing. Twice is enough for a line with a date or a number in
    it; a plain line must come three times. Labels that end in a colon ("Response:") repeat too, and
    do head what follows them."""
    counts: dict[str, int] = {}
    for page in pages:
        for line in page.split("\n"):
            key = " ".join(line.split())
            if key and not key.endswith(":") and len(key.split()) <= 12:
                counts[key] = counts.get(key, 0) + 1
    return frozenset(line for line, count in counts.items() if count >= (2 if re.search(r"\d", line) else 3))


def _page_spans(
    page: str, page_no: int, part_starts: list[PartStart], settings: ChunkSettings,
    furniture: frozenset[str] = frozenset(),
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

    boundaries = {start.offset: start.is_item for start in part_starts if start.page == page_no}
    page_blocks = blocks(page)
    previous_end = 0
    for position, block in enumerate(page_blocks):
        if block.kind == "heading" and " ".join(page[block.start : block.end].split()) in furniture:
            block.kind = "para"
        if any(group and group[-1].end <= b <= block.start for b in boundaries):
            flush()
        if any(item and previous_end <= b <= block.start for b, item in boundaries.items()):
            heading = ""  # an item's chunks are never headed by the item before it
        previous_end = block.end
        if block.kind == "heading":
            if any(item.kind != "heading" for item in group):
                flush()
            heading = page[block.start : block.end].strip().strip("*").strip()
            group.append(block)
            continue
        if block.kind == "table":
            if all(item.kind == "heading" for item in group):
                group.clear()  # headings only ("Table 1: Open actions"): they head the table's chunks instead
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
