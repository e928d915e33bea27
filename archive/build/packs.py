"""Split an agenda pack into its documents (agenda, minutes of a previous meeting, reports).

Each part starts where a title block is recognised in the text; everything before the first
recognised block is the document itself, dated by the manifest's meeting date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.build.questions import QUESTION_ROW, asked_at, question_number
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
_ITEM_LINE = re.compile(r"^\s*(?P<number>\d{1,3})\.?\s+(?P<title>[A-Z].{2,120})$")
_ITEM_NUMBER = re.compile(r"\(Item (?P<number>\d{1,3})\)")  # ModernGov: "Meeting: 14/11/2023 - Cabinet (Item 58)"
_CLOSING = re.compile(r"^\s*The meeting (?:ended|closed|finished|concluded|terminated|rose)\b", re.IGNORECASE)
_MINUTES_TOP = re.compile(r"\bminutes of (?:the )?(?:\w+ )?meeting\b", re.IGNORECASE)


@dataclass(frozen=True)
class PartStart:
    page: int  # 1-based
    offset: int  # character offset in that page
    title: str
    part_date: str
    kind: str = "document"  # "title block", "agenda item", "item" (of minutes), "question", "appendix"

    @property
    def is_item(self) -> bool:
        """A minuted item or a question with its answers: its chunks carry its number and title."""
        return self.kind in ("agenda item", "item", "question")


def find_part_starts(document: Document) -> list[PartStart]:
    starts = [PartStart(1, 0, document.title, document.meeting_date)]
    announced: dict[str, str] = {}  # appendix title as the report lists it -> "Appendix 1: ..."
    container = starts[0]  # the paper, or the minutes inside a pack, that numbered items belong to
    minutes = _is_minutes(document)
    for page_number, page in enumerate(document.pages, start=1):
        offset = 0
        lines = page.split("\n")
        for index, line in enumerate(lines):
            clean = line.replace("*", "").strip()
            listed = _APPENDIX_LISTED.match(clean)
            if listed:
                announced[listed.group("title").strip().lower()] = clean
            start = (_part_start(clean, lines[index + 1 : index + 12], document)
                     or _question_start(lines, index, document)
                     or (_minuted_item(clean, container) if minutes or container.title.startswith("Minutes of")
                         else None)
                     or _appendix_start(clean, announced, starts[-1]))
            if start and start[2] == "agenda item" and starts[-1].title == start[0]:
                start = None  # ModernGov repeats an item's number and title under "Agenda item"
            if not start and starts[-1].kind == "item" and _CLOSING.match(clean):
                start = f"{container.title}, close of meeting", container.part_date, "document"
            if start:
                title, part_date, kind = start
                # A report's title block near the top is the document's own; an agenda item is
                # the document's own only when nothing comes before it.
                at_top = page_number == 1 and offset < (200 if kind == "title block" else 20)
                if at_top and len(starts) == 1:
                    starts[0] = PartStart(1, 0, title, part_date or document.meeting_date, kind)
                else:
                    starts.append(PartStart(page_number, offset, title, part_date, kind))
                if kind == "title block":
                    container = starts[-1]
                    minutes = container.title.startswith("Minutes of")
            offset += len(line) + 1
    return starts


def _is_minutes(document: Document) -> bool:
    """Minutes (or a record of decisions): said by the manifest, or by the paper's first lines."""
    if "minutes" in document.doc_type.lower() or "decision" in document.doc_type.lower():
        return True
    top = document.pages[0][:400] if document.pages else ""
    return bool(_MINUTES_TOP.search(top))


def _minuted_item(line: str, container: PartStart) -> tuple[str, str, str] | None:
    """A numbered item of minutes written in capitals ("40. THORNWICK LOCAL PLAN: ..."), the way
    minutes head each item; a numbered line in ordinary case is a paragraph or a list item."""
    match = _ITEM_LINE.match(line)
    if not match or re.search(r"\.\s*$", line):
        return None
    title = match.group("title").strip()
    letters = [c for c in title if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return None
    label = f"Item {int(match.group('number'))}: {title}"
    if container.title.startswith("Minutes of") and (container.page, container.offset) != (1, 0):
        label = f"{container.title}, item {int(match.group('number'))}: {title}"
    return label, container.part_date, "item"


def _question_start(lines: list[str], index: int, document: Document) -> tuple[str, str, str] | None:
    """A question in questions-and-answers minutes ("Question 2" / "Question from X to Y:")."""
    asked = asked_at(lines, index)
    if not asked:
        return None
    who = f"from {asked.questioner} to {asked.question_to}"
    title = f"{asked.label}: {who}" if asked.label else f"Question {who}"
    return title, document.meeting_date, "question"


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
        numbered_line = _ITEM_LINE.match(line) or _ITEM_LINE.match(
            next((f.strip() for f in following if f.strip()), "") if _AGENDA_ITEM.match(line) else "")
        if numbered_line:
            title = f"Item {int(numbered_line.group('number'))}: {numbered_line.group('title').strip()}"
        else:
            title = next((f.strip() for f in following if f.strip()), "")
            numbered = next((m for m in map(_ITEM_NUMBER.search, following) if m), None)
            title = f"Item {numbered.group('number')}: {title}" if numbered and title else title
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
