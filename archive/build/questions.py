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
_QUESTION_LABEL = re.compile(r"^\s*(?P<label>Question\s+(?:No\.?\s*)?\d{1,3})\s*[:.]?\s*$", re.IGNORECASE)
_ASKED = re.compile(r"^\s*(?P<lead>Question\s+from|From)\s+(?P<who>.+?)\s+to\s+(?P<to>.+?)\s*:?\s*$", re.IGNORECASE)
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
        member = self.number.upper().startswith("MQ") or self.questioner.startswith("Councillor ")
        return "member" if member else "public"

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
    return found + exchanges(document, len(found))


# "Answer:", "Response from Councillor X, Cabinet Member for Y:", "Supplementary question:", "Reply:"
_EXCHANGE = re.compile(
    r"^\s*(?P<kind>supplementary question|answer|response|reply)\b"
    r"(?:\s+(?:from|by)\s+(?P<by>[^:]{3,150}))?\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_SECTION_HEADING = re.compile(r"^\s*(?:PART\s+[A-Z]\b|[A-Z]\.\s)[^a-z]*$")  # "PART B - QUESTIONS FROM COUNCILLORS"


def exchanges(document: Document, numbered_before: int = 0) -> list[PublicQuestion]:
    """Questions in questions-and-answers minutes: a header naming who asked whom (see Asked), the
    question, then "Answer:" / "Response from ...:", "Supplementary question:" and its "Response:".
    A question the paper does not number is numbered by its place ("Q 3")."""
    lines = [(page_no, line_no, line) for page_no, page in enumerate(document.pages, start=1)
             for line_no, line in enumerate(page.split("\n"), start=1)]
    texts = [line for _, _, line in lines]
    found: list[PublicQuestion] = []
    index = 0
    while index < len(lines):
        asked = asked_at(texts, index)
        if not asked:
            index += 1
            continue
        page_no, line_no, _ = lines[index]
        sections: dict[str, list[str]] = {}
        by: dict[str, str] = {}
        current = "question"
        index = asked.last_line + 1
        while index < len(lines) and not asked_at(texts, index) and not _SECTION_HEADING.match(texts[index]):
            text = texts[index].strip()
            section = _EXCHANGE.match(text) if text else None
            if section:
                kind = section.group("kind").lower()
                current = ("supplementary question" if kind == "supplementary question"
                           else "supplementary response" if "supplementary question" in sections else "response")
                by.setdefault(current, (section.group("by") or "").strip())
                text = section.group("rest").strip()
            if text:
                sections.setdefault(current, []).append(text)
            index += 1
        number = question_number(asked.label) if asked.label else f"Q {numbered_before + len(found) + 1}"
        found.append(PublicQuestion(
            doc_id=document.doc_id,
            number=number,
            questioner=asked.questioner,
            question_to=asked.question_to,
            question=_join(sections.get("question")).strip('"“” '),
            response_by=by.get("response") or asked.question_to,
            response=_join(sections.get("response")),
            supplementary_question=_join(sections.get("supplementary question")),
            supplementary_response_by=by.get("supplementary response", ""),
            supplementary_response=_join(sections.get("supplementary response")),
            page=page_no,
            line=line_no,
        ))
    return found


@dataclass(frozen=True)
class Asked:
    """Where questions-and-answers minutes put a question: "Question 2" (or no number), then
    "Question from Mr Derek Hollis to the Cabinet Member for Highways, Councillor Kamal Siddiqui:"
    ("From ... to ..." after a number), possibly wrapped over two lines."""

    label: str  # "Question 2" as printed, "" when the paper does not number its questions
    questioner: str
    question_to: str
    last_line: int  # index of the header's last line; the question itself follows


def asked_at(lines: list[str], index: int) -> Asked | None:
    """The question header starting at lines[index], if one does. A "from ... to ..." line that
    follows a number line belongs to that number's header, which starts at the number."""
    label_match = _QUESTION_LABEL.match(lines[index])
    if label_match:
        following = next((i for i in range(index + 1, min(index + 4, len(lines))) if lines[i].strip()), None)
        asked = _asked_from(lines, following, require_question=False) if following is not None else None
        return Asked(" ".join(label_match.group("label").split()), *asked) if asked else None
    previous = next((lines[i] for i in range(index - 1, max(index - 4, -1), -1) if lines[i].strip()), "")
    if _QUESTION_LABEL.match(previous):
        return None
    asked = _asked_from(lines, index, require_question=True)
    return Asked("", *asked) if asked else None


def _asked_from(lines: list[str], index: int, require_question: bool) -> tuple[str, str, int] | None:
    """(questioner, to whom, last line) of a "Question from X to Y:" header at lines[index]."""
    if not re.match(r"^\s*(?:Question\s+from|From)\s", lines[index], re.IGNORECASE):
        return None
    if require_question and not re.match(r"^\s*Question\s+from\s", lines[index], re.IGNORECASE):
        return None
    header, last = lines[index].strip(), index
    while not header.endswith(":") and last + 1 < len(lines) and lines[last + 1].strip() and last < index + 2:
        if not require_question and len(header.split()) < 10:
            break  # "From Councillor X to the Portfolio Holder for Y, Councillor Z" may end without a colon
        last += 1
        header += " " + lines[last].strip()
    match = _ASKED.match(header)
    if not match or len(header.split()) > 40:
        return None
    return match.group("who").strip(), match.group("to").strip().rstrip(":").strip(), last


def question_number(written: str) -> str:
    """One spelling of a question's number: "PQ1", "pq 1" -> "PQ 1"; "Question 1", "Q1" -> "Q 1"."""
    match = _NUMBER.match(written)
    if not match:
        return " ".join(written.split())
    prefix = match.group(1).upper()
    return f"{prefix if prefix in ('PQ', 'MQ') else 'Q'} {int(match.group(2))}"


def _join(parts: list[str] | None) -> str:
    return " ".join(" ".join(parts or []).split())
