"""Split an agenda pack into its documents (agenda, minutes of a previous meeting, reports).

Each part starts where a title block is recognised in the text; everything before the first
recognised block is the document itself, dated by the manifest's meeting date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.dates import parse_date
from archive.records import Document, Part

_MINUTES = re.compile(
    r"^\s*Minutes of (?:the )?meeting of (?P<body>.+?) held .*?on (?P<date>(?:\w+day )?\d{1,2} \w+ \d{4})",
    re.IGNORECASE,
)
_REPORT = re.compile(r"^\s*Title of report:\s*(?P<title>.+)$", re.IGNORECASE)
_MEETING_DATE = re.compile(r"^\s*Meeting date:\s*(?P<date>.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class PartStart:
    page: int  # 1-based
    offset: int  # character offset in that page
    title: str
    part_date: str


def find_part_starts(document: Document) -> list[PartStart]:
    starts = [PartStart(1, 0, document.title, document.meeting_date)]
    for page_number, page in enumerate(document.pages, start=1):
        offset = 0
        lines = page.split("\n")
        for index, line in enumerate(lines):
            clean = line.replace("*", "").strip()
            start = _part_start(clean, lines[index + 1 : index + 12], document)
            if start and not (page_number == 1 and offset < 200 and len(starts) == 1):
                title, part_date = start
                starts.append(PartStart(page_number, offset, title, part_date))
            elif start and len(starts) == 1:
                # A title block at the very top is the document's own: keep its better title.
                title, part_date = start
                starts[0] = PartStart(1, 0, title, part_date or document.meeting_date)
            offset += len(line) + 1
    return starts


def _part_start(line: str, following: list[str], document: Document) -> tuple[str, str] | None:
    match = _MINUTES.match(line)
    if match:
        part_date = parse_date(match.group("date"))
        body = re.sub(r"\s+", " ", match.group("body")).strip()
        return f"Minutes of {body}", part_date
    match = _REPORT.match(line)
    if match:
        part_date = document.meeting_date
        for next_line in following:
            date_match = _MEETING_DATE.match(next_line.replace("*", ""))
            if date_match:
                part_date = parse_date(date_match.group("date")) or part_date
                break
        return match.group("title").strip(), part_date
    return None


def split_parts(document: Document, starts: list[PartStart] | None = None) -> list[Part]:
    starts = starts if starts is not None else find_part_starts(document)
    parts = []
    for index, start in enumerate(starts):
        page_end = starts[index + 1].page if index + 1 < len(starts) else len(document.pages)
        parts.append(Part(document.doc_id, index, start.title, start.part_date, start.page, page_end))
    return parts


def part_at(starts: list[PartStart], page: int, offset: int) -> int:
    """Index of the part that contains the given position."""
    current = 0
    for index, start in enumerate(starts):
        if (start.page, start.offset) <= (page, offset):
            current = index
    return current
