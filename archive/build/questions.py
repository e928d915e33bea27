"""Public and member questions as records of their own.

Council minutes print each question as a table row ("PQ 1 <tab> questioner <tab> question <tab>
question to") followed by "Response:", "Supplementary question:" and "Response to supplementary
question (answerer):" sections. Each becomes a PublicQuestion with its number, questioner,
question, answerer, response and supplementary exchange, and its place in the paper.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from archive.records import Document

QUESTION_ROW = re.compile(
    r"^\s*((?:PQ|MQ|Q|Question(?:\s+No\.?|\s+number)?)\s*\d{1,3})\s*\t\s*([^\t]+?)\s*\t\s*(.+)$", re.IGNORECASE)
_NUMBER = re.compile(r"^\s*(PQ|MQ|Q|Question(?:\s+No\.?|\s+number)?)\s*(\d{1,3})\s*$", re.IGNORECASE)
_SECTION = re.compile(
    r"^\s*(?P<kind>response to supplementary question|supplementary question|response)\b"
    r"\s*(?:\((?P<by_paren>[^)]*)\)|by\s+(?P<by>[^:]+))?\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_END = re.compile(r"^\s*(?:agenda item\b|question(?: number)?\s*\tquestioner\b|minutes of\b)", re.IGNORECASE)


@dataclass(frozen=True)
class PublicQuestion:
    doc_id: str
    number: str  # "PQ 1", "MQ 1"
    questioner: str
    question_to: str
    question: str
    response_by: str
    response: str
    supplementary_question: str
    supplementary_response_by: str
    supplementary_response: str
    page: int
    line: int

    @property
    def kind(self) -> str:
        return "member" if self.number.upper().startswith("MQ") else "public"

    def as_dict(self) -> dict:
        return {**asdict(self), "kind": self.kind}


def extract_questions(document: Document) -> list[PublicQuestion]:
    found: list[PublicQuestion] = []
    for page_no, page in enumerate(document.pages, start=1):
        lines = page.split("\n")
        index = 0
        while index < len(lines):
            row = QUESTION_ROW.match(lines[index])
            if not row:
                index += 1
                continue
            number = question_number(row.group(1))
            cells = [c.strip() for c in row.group(3).split("\t")]
            question_to = cells[-1] if len(cells) > 1 and len(cells[-1].split()) <= 8 else ""
            question_parts = [" ".join(cells[:-1] if question_to else cells)]
            sections: dict[str, list[str]] = {"question": question_parts}
            by: dict[str, str] = {}
            current = "question"
            start_line = index + 1
            index += 1
            while index < len(lines) and not QUESTION_ROW.match(lines[index]) and not _END.match(lines[index]):
                text = lines[index].strip()
                section = _SECTION.match(text) if text else None
                if section and len(text.split(":")[0].split()) <= 10:
                    current = section.group("kind").lower()
                    by[current] = (section.group("by_paren") or section.group("by") or "").strip()
                    text = section.group("rest").strip()
                if text:
                    sections.setdefault(current, []).append(text)
                index += 1
            found.append(PublicQuestion(
                doc_id=document.doc_id,
                number=number,
                questioner=row.group(2).strip(),
                question_to=question_to,
                question=_join(sections.get("question")),
                response_by=by.get("response", ""),
                response=_join(sections.get("response")),
                supplementary_question=_join(sections.get("supplementary question")),
                supplementary_response_by=by.get("response to supplementary question", ""),
                supplementary_response=_join(sections.get("response to supplementary question")),
                page=page_no,
                line=start_line,
            ))
    return found


def question_number(written: str) -> str:
    """One spelling of a question's number: "PQ1", "pq 1" -> "PQ 1"; "Question 1", "Q1" -> "Q 1"."""
    match = _NUMBER.match(written)
    if not match:
        return " ".join(written.split())
    prefix = match.group(1).upper()
    return f"{prefix if prefix in ('PQ', 'MQ') else 'Q'} {int(match.group(2))}"


def _join(parts: list[str] | None) -> str:
    return " ".join(" ".join(parts or []).split())
