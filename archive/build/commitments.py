"""Commitments recorded in the papers: actions, resolutions, recommendations and undertakings.

Each is a verbatim quote with its kind, owner, due date when stated, meeting and place. Follow-ups
are later passages that refer back to a commitment; a commitment is never marked done without one.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from archive.build.packs import PartStart, part_at
from archive.dates import MONTHS, find_periods, reference_date
from archive.records import Document
from archive.text import sentence_spans

_ACTION = re.compile(r"^\s*(?:[-•·]\s*)?Action:\s*(?P<text>.+)$", re.I)
_RESOLVED = re.compile(r"^\s*(?:[-•·]\s*)?Resolved(?:\s*:|\s+that\s*:?|\s*-)\s*(?P<text>.*)$", re.I)
_RECOMMENDATIONS = re.compile(r"^\s*Recommendations?(?:\(s\))?\s*$", re.I)
_LETTERED = re.compile(r"^\s*(?:[-•·]\s*)?\(?([a-z])[.)]\s+(?P<text>.+)$")
_UNDERTAKING = re.compile(
    r"\b(?:will (?:be )?provid(?:e|ing)|will bring|will be brought|offered to (?:bring|provide|arrange|share|"
    r"meet|circulate|send|give|report)|agreed to (?:bring|provide|arrange|share|circulate|send|report)|"
    r"undertook to|will report back|will be reported|a further update will be provided|will update the|"
    r"it is expected that|planned to start|will circulate|will be circulated|would be made available|"
    r"could be made available|will write to)\b",
    re.I,
)
_OWNER_BEFORE = re.compile(
    r"^(?:[-•·o]?\s*\d*\.?\s*)?(?:For\s+)?(?P<owner>(?:the |a )?[A-Z][\w ,'’&-]{2,80}?)\s+(?:to|offered|agreed|will)\b"
)
_ROLE_BEFORE = re.compile(r"(?P<owner>\b[Tt]he [A-Z][\w ,'’&-]{2,60}?)\s+(?:offered|agreed|will|undertook)\b")
# Soft undertakings: a future-facing phrase with a due date or meeting ahead of the meeting's own
# ("further details would be available by March", "it is hoped that it will be embedded by the
# July 2024 meeting", "The LGA will also be observing the July board").
_SOFT = re.compile(r"\b(?:will(?! not)|would be (?:available|provided|brought|shared|circulated|reported)|"
                   r"it is hoped|(?:is|are) expected to|(?:is|are) planned|intends? to|aims? to)\b", re.I)
_MEETING_MONTH = re.compile(rf"\b(?:the\s+)?({'|'.join(m for m in MONTHS if len(m) > 3)})\s+(?:(\d{{4}})\s+)?"
                            r"(?:meeting|board|committee|cabinet)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|we)\s+will\b", re.I)


@dataclass(frozen=True)
class Commitment:
    doc_id: str
    part_id: int
    kind: str  # action | resolution | recommendation | undertaking
    quote: str
    owner: str
    due: str  # the date text as written ("September 2021"), "" when none
    due_iso: str  # last day of the due period's last month, "" when none
    meeting_date: str
    page: int
    line: int

    def as_dict(self) -> dict:
        return asdict(self)


def _due(text: str, meeting_date: str) -> tuple[str, str]:
    reference = reference_date(meeting_date)
    periods = [p for p in find_periods(text, reference)
               if reference is None or p.last >= (reference.year, reference.month)]  # due dates lie ahead
    if not periods:
        return _meeting_due(text, reference)
    latest = max(periods, key=lambda p: p.last)
    year, month = latest.last
    next_month = (year + month // 12, month % 12 + 1)
    return latest.text, (date(next_month[0], next_month[1], 1) - timedelta(days=1)).isoformat()


def _meeting_due(text: str, reference: date | None) -> tuple[str, str]:
    """"by the July board": the next meeting in that month after the meeting's own date."""
    match = _MEETING_MONTH.search(text)
    if not match or reference is None:
        return "", ""
    month = MONTHS[match.group(1).lower()]
    year = int(match.group(2)) if match.group(2) else reference.year + (month <= reference.month)
    if (year, month) <= (reference.year, reference.month):
        return "", ""
    next_month = (year + month // 12, month % 12 + 1)
    return match.group(0), (date(next_month[0], next_month[1], 1) - timedelta(days=1)).isoformat()


def _owner(text: str, default: str) -> str:
    """The role an action names before its verb ("The Service Director ... to provide")."""
    match = _OWNER_BEFORE.match(text.strip())
    if match:
        owner = match.group("owner").strip(" ,")
        if owner.split()[0].lower() not in {"that", "it", "this", "there", "in", "where"} and len(owner.split()) <= 14:
            return owner
    return default


def _undertaker(sentence: str, respondent: str) -> str:
    """Who undertakes: a role named before the verb, else the respondent speaking as "I"/"we"."""
    match = _ROLE_BEFORE.search(sentence)
    if match and len(match.group("owner").split()) <= 10:
        return match.group("owner").strip(" ,")
    return respondent if _FIRST_PERSON.search(sentence) else ""


def extract_commitments(document: Document, starts: list[PartStart], part_dates: dict[int, str],
                        committee: str = "", respondents: dict[int, str] | None = None) -> list[Commitment]:
    """respondents: part_id -> who answers there (a question's "question to")."""
    found: list[Commitment] = []
    for page_no, page in enumerate(document.pages, start=1):
        found.extend(_page_commitments(document, page_no, page, starts, part_dates, committee or "the Committee",
                                       respondents or {}))
    return found


def _page_commitments(document: Document, page_no: int, page: str, starts: list[PartStart],
                      part_dates: dict[int, str], body: str, respondents: dict[int, str]) -> list[Commitment]:
    lines = page.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    found: list[Commitment] = []

    def add(kind: str, quote: str, index: int, owner: str) -> None:
        quote = " ".join(quote.replace("**", "").split())
        if len(quote.split()) < 3:
            return
        part_id = part_at(starts, page_no, offsets[index])
        meeting = part_dates.get(part_id, document.meeting_date)
        due, due_iso = _due(quote, meeting)
        found.append(Commitment(document.doc_id, part_id, kind, quote, owner, due, due_iso, meeting,
                                page_no, index + 1))

    index = 0
    while index < len(lines):
        line = lines[index]
        action = _ACTION.match(line)
        resolved = _RESOLVED.match(line)
        if action:
            add("action", "Action: " + action.group("text"), index, _owner(action.group("text"), body))
        elif resolved or _RECOMMENDATIONS.match(line):
            head = resolved.group("text").strip() if resolved else ""
            kind = "recommendation" if (not resolved or "recommend" in head.lower()) else "resolution"
            owner = "the executive" if "executive" in head.lower() else body
            items, cursor = _lettered_items(lines, index + 1)
            if items:
                for item_index, text in items:
                    add(kind, f"{head} {text}".strip() if resolved else text, item_index, owner)
                index = cursor
                continue
            if resolved and head and not head.lower().startswith("the committee voted"):
                add(kind, "Resolved: " + head, index, owner)
        else:
            for start, end in sentence_spans(line):
                sentence = line[start:end]
                if sentence.rstrip().endswith("?"):
                    continue
                part_id = part_at(starts, page_no, offsets[index])
                if _UNDERTAKING.search(sentence) or (
                        _SOFT.search(sentence) and _due(sentence, part_dates.get(part_id, document.meeting_date))[1]):
                    add("undertaking", sentence, index, _undertaker(sentence, respondents.get(part_id, "")))
        index += 1
    return found


def _lettered_items(lines: list[str], start: int) -> tuple[list[tuple[int, str]], int]:
    """Lettered items (a., b), (c)) after a "Resolved"/"Recommendation(s)" line, with their
    continuation lines; stops at the first line that is neither."""
    items: list[tuple[int, list[str]]] = []
    index = start
    blank_run = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip() or line.strip() in ("That:", "That"):
            blank_run += 1
            if blank_run > 3 and items:
                break
            index += 1
            continue
        blank_run = 0
        match = _LETTERED.match(line)
        if match:
            items.append((index, [match.group("text")]))
        elif items and line.lstrip().startswith(("-", "•")) and not _LETTERED.match(line):
            items[-1][1].append(line.lstrip("-• ").strip())  # "- so that they are aware ..."
        else:
            break
        index += 1
    return [(i, " ".join(parts)) for i, parts in items], index
