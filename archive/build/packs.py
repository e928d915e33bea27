"""Split an agenda pack into its documents (agenda, minutes of a previous meeting, reports).

Each part starts where a title block is recognised in the text; everything before the first
recognised block is the document itself, dated by the manifest's meeting date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.build.questions import QUESTION_ROW, question_number
from archive.dates import parse_date
from archive.records import Document, Part

_MINUTES = re.compile(
    r"^\s*Minutes of (?:the )?meeting of (?P<body>.+?) held .*?on (?P<date>(?:\w+day )?\d{1,2} \w+ \d{4})",
    re.IGNORECASE,
)
_REPORT = re.compile(r"^\s*Title of report:\s*(?P<title>.+)$", re.IGNORECASE)
_AGENDA_ITEM = re.compile(r"^\s*Agenda item\s*(?:\d+[.:]?)?\s*$", re.I)
_NUMBERED_ITEM = re.compile(r"^\s*\d{1,3}\.?\s+[A-Z][^.]{2,100}$")
_APPENDIX_LISTED = re.compile(r"^\s*Appendix\s+(?:\d+|[A-Z])\s*[:\-–]\s*(?P<title>.{4,80})$")
_MEETING_DATE = re.compile(r"^\s*Meeting date:\s*(?P<date>.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class PartStart:
    page: int  # 1-based
    offset: int  # character offset in that page
    title: str
    part_date: str


def find_part_starts(document: Document) -> list[PartStart]:
    starts = [PartStart(1, 0, document.title, document.meeting_date)]
    announced: dict[str, str] = {}  # appendix title as the report lists it -> "Appendix 1: ..."
    for page_number, page in enumerate(document.pages, start=1):
        offset = 0
        lines = page.split("\n")
        for index, line in enumerate(lines):
            clean = line.replace("*", "").strip()
            listed = _APPENDIX_LISTED.match(clean)
            if listed:
                announced[listed.group("title").strip().lower()] = clean
            start = _part_start(clean, lines[index + 1 : index + 12], document) or _appendix_start(
                clean, announced, starts[-1])
            if start:
                title, part_date, kind = start
                # A report's title block near the top is the document's own; an agenda item is
                # the document's own only when nothing comes before it.
                at_top = page_number == 1 and offset < (200 if kind == "title block" else 20)
                if at_top and len(starts) == 1:
                    starts[0] = PartStart(1, 0, title, part_date or document.meeting_date)
                else:
                    starts.append(PartStart(page_number, offset, title, part_date))
            offset += len(line) + 1
    return starts


def _appendix_start(line: str, announced: dict[str, str], current: PartStart) -> tuple[str, str, str] | None:
    """A report lists "Appendix 1: Corporate Parenting Strategy"; the appendix itself starts at a
    later short line that begins with that title ("Corporate Parenting Strategy 2022 - 2024")."""
    if not announced or not line or len(line.split()) > 12 or _APPENDIX_LISTED.match(line):
        return None
    lowered = line.lower()
    for title, label in announced.items():
        if lowered.startswith(title) and not current.title.startswith(label):
            del announced[title]
            return label, current.part_date, "appendix"
    return None


def _part_start(line: str, following: list[str], document: Document) -> tuple[str, str, str] | None:
    """(title, date, kind) when the line starts a part."""
    match = _MINUTES.match(line)
    if match:
        part_date = parse_date(match.group("date"))
        body = re.sub(r"\s+", " ", match.group("body")).strip()
        return f"Minutes of {body}", part_date, "title block"
    question = QUESTION_ROW.match(line)
    if question:
        title = f"{question_number(question.group(1))}: question from {question.group(2).strip()}"
        return title, document.meeting_date, "question"
    if _AGENDA_ITEM.match(line) or (_NUMBERED_ITEM.match(line) and _minutes_follow(following)):
        # ModernGov pages: "Agenda item" then the item's title, or "23. Item title" then "Minutes:"
        title = line if _NUMBERED_ITEM.match(line) else next((f.strip() for f in following if f.strip()), "")
        if title:
            return title.replace("*", "").strip(), document.meeting_date, "agenda item"
    match = _REPORT.match(line)
    if match:
        part_date = document.meeting_date
        for next_line in following:
            date_match = _MEETING_DATE.match(next_line.replace("*", ""))
            if date_match:
                part_date = parse_date(date_match.group("date")) or part_date
                break
        return match.group("title").strip(), part_date, "title block"
    return None


def _minutes_follow(following: list[str]) -> bool:
    """"Minutes:" within the next few non-empty lines."""
    near = [line.strip() for line in following if line.strip()][:3]
    return any(line.lower().startswith("minutes:") for line in near)


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
