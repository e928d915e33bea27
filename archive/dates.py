"""Dates in council papers and questions: meeting dates, months, financial years.

A date mention is reduced to a period (first month, last month) as (year, month) pairs, so
"January 2024", "Jan 24", "2022/23", "23/24" and "Q1 24/25" can be compared by overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))

_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_NAMES})\.?,?\s+(\d{{4}}|\d{{2}})\b(?![/\-]\d)", re.IGNORECASE)
_QUARTER_FY = re.compile(
    r"\b(?:q|quarter\s*)([1-4])\s*(?:of\s+)?((?:19|20)?\d{2})\s*[/\-]\s*(\d{2,4})\b", re.IGNORECASE
)
_FINANCIAL_YEAR = re.compile(r"\b((?:19|20)?\d{2})\s*[/\-]\s*(\d{2}|(?:19|20)\d{2})\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d{2})\b")
_YEAR_ENDING = re.compile(
    rf"\b(?:the\s+)?(?:financial\s+)?year\s+(?:ending|to|ended)\s+({_MONTH_NAMES})\.?\s+(\d{{4}})\b", re.I
)
_RELATIVE = re.compile(r"\b(last|previous|this|current|next)\s+(year|month|quarter)\b", re.I)
_ISO = re.compile(r"\b(20\d{2})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True, order=True)
class Period:
    first: tuple[int, int]  # (year, month)
    last: tuple[int, int]
    text: str = ""

    def overlaps(self, other: Period) -> bool:
        return self.first <= other.last and other.first <= self.last

    def contains(self, other: Period) -> bool:
        return self.first <= other.first and other.last <= self.last

    @property
    def months(self) -> int:
        return (self.last[0] - self.first[0]) * 12 + self.last[1] - self.first[1] + 1


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value


def _financial_year(start_text: str, end_text: str) -> tuple[int, int] | None:
    start = _year(start_text)
    end = _year(end_text) if len(end_text) == 4 else (start // 100) * 100 + int(end_text)
    if end != start + 1 or not 1950 <= start <= 2100:
        return None
    return start, end


def find_periods(text: str, reference: date | None = None) -> list[Period]:
    """Every date mention in the text, in text order. With a reference date (the meeting's),
    "last year", "this month" and the like are resolved against it."""
    found: list[tuple[int, int, Period]] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    def add(match: re.Match, period: Period) -> None:
        taken.append(match.span())
        found.append((match.start(), match.end(), period))

    for match in _YEAR_ENDING.finditer(text):
        end_year, end_month = int(match.group(2)), MONTHS[match.group(1).lower()]
        start_year, start_month = (end_year, end_month + 1 - 12) if end_month == 12 else (end_year - 1, end_month + 1)
        add(match, Period((start_year, start_month), (end_year, end_month), match.group(0)))
    if reference is not None:
        for match in _RELATIVE.finditer(text):
            period = _relative(match.group(1).lower(), match.group(2).lower(), reference)
            if period:
                add(match, Period(period.first, period.last, match.group(0)))
    for match in _ISO.finditer(text):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            add(match, Period((year, month), (year, month), match.group(0)))
    for match in _DAY_MONTH_YEAR.finditer(text):
        if free(match.span()):
            year, month = int(match.group(3)), MONTHS[match.group(2).lower()]
            add(match, Period((year, month), (year, month), match.group(0)))
    for match in _QUARTER_FY.finditer(text):
        if free(match.span()):
            years = _financial_year(match.group(2), match.group(3))
            if years:
                quarter = int(match.group(1))
                first_month = 4 + 3 * (quarter - 1)
                year = years[0] + (first_month - 1) // 12
                first_month = (first_month - 1) % 12 + 1
                add(match, Period((year, first_month), (year, first_month + 2), match.group(0)))
    for match in _MONTH_YEAR.finditer(text):
        if free(match.span()):
            word = match.group(1).lower()
            # "may 24" is too often the verb; only take short years after unambiguous month names
            if len(match.group(2)) == 2 and word == "may":
                continue
            year, month = _year(match.group(2)), MONTHS[word]
            add(match, Period((year, month), (year, month), match.group(0)))
    for match in _FINANCIAL_YEAR.finditer(text):
        if free(match.span()):
            years = _financial_year(match.group(1), match.group(2))
            if years:
                add(match, Period((years[0], 4), (years[1], 3), match.group(0)))
    for match in _YEAR.finditer(text):
        if free(match.span()):
            year = int(match.group(1))
            add(match, Period((year, 1), (year, 12), match.group(0)))
    found.sort()
    return [period for _, _, period in found]


def _shift(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _relative(which: str, unit: str, reference: date) -> Period | None:
    offset = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1}[which]
    if unit == "year":
        year = reference.year + offset
        return Period((year, 1), (year, 12))
    if unit == "month":
        month = _shift(reference.year, reference.month, offset)
        return Period(month, month)
    quarter_start = _shift(reference.year, reference.month - (reference.month - 1) % 3, 3 * offset)
    return Period(quarter_start, _shift(*quarter_start, 2))


def reference_date(iso: str) -> date | None:
    try:
        return date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def period_of_iso(iso: str) -> Period | None:
    if not iso:
        return None
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return None
    return Period((day.year, day.month), (day.year, day.month), iso)


def parse_date(text: str) -> str:
    """ISO date of the first full date ("Tuesday 23 January 2024", "2024-01-23") in text, or ""."""
    match = _ISO.search(text)
    if match:
        return match.group(0)
    match = _DAY_MONTH_YEAR.search(text)
    if match:
        try:
            return date(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1))).isoformat()
        except ValueError:
            return ""
    return ""


def human_date(iso: str) -> str:
    """"2024-03-12" -> "12 March 2024"."""
    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    return f"{day.day} {day.strftime('%B')} {day.year}"
