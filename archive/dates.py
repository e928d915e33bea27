"""Dates in council papers and questions: meeting dates, months, financial years.

A date mention is reduced to a period (first month, last month) as (year, month) pairs, so
"January 2024", "Jan 24", "2022/23", "23/24" and "Q1 24/25" can be compared by overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

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


def _misspellings(name: str) -> set[str]:
    """One letter dropped or two neighbours swapped, keeping the first letter ("Augst", "Febuary",
    "Janaury"); only for long names, whose variants are not English words."""
    out = {name[:i] + name[i + 1 :] for i in range(1, len(name))}
    out |= {name[:i] + name[i + 1] + name[i] + name[i + 2 :] for i in range(1, len(name) - 1)}
    return out - {name}


MISSPELT = {variant: MONTHS[name] for name in MONTHS if len(name) >= 6 for variant in _misspellings(name)}
_MONTH_NAMES = "|".join(sorted({**MONTHS, **MISSPELT}, key=len, reverse=True))
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_PARTS = {"start": (1, 3), "beginning": (1, 3), "early": (1, 3), "first half": (1, 6), "middle": (4, 9),
          "mid": (4, 9), "second half": (7, 12), "end": (10, 12), "late": (10, 12), "close": (10, 12)}
_SEASON = re.compile(r"\b(spring|summer|autumn|fall)\s+(?:of\s+)?((?:19|20)\d{2})\b", re.I)
_WINTER = re.compile(r"\bwinter\s+(?:of\s+)?((?:19|20)\d{2})(?:\s*[/\-]\s*(\d{2,4}))?\b", re.I)
_PART_OF_YEAR = re.compile(
    r"\b(start|beginning|early|first half|middle|mid|second half|end|late|close)(?:\s+of)?(?:\s+the)?[\s-]+"
    r"((?:19|20)\d{2})\b(?!\s*[/\-]\s*\d)", re.I)
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_QUARTER_NAMED = re.compile(
    r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?(?:the\s+)?(?:year\s+)?"
    r"((?:19|20)?\d{2})\s*[/\-]\s*(\d{2,4})\b", re.I)

_DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_NAMES})\.?,?\s+(\d{{4}}|\d{{2}})\b(?![/\-]\d)", re.IGNORECASE)
_QUARTER_FY = re.compile(
    r"\b(?:q|quarter\s*)([1-4]|one|two|three|four)\s*(?:of\s+)?((?:19|20)?\d{2})\s*[/\-]\s*(\d{2,4})\b",
    re.IGNORECASE)
_QUARTER_NUMBERS = {"1": 1, "2": 2, "3": 3, "4": 4, "one": 1, "two": 2, "three": 3, "four": 4}
# "July to September 2022", "April-June 2023": the months between, the year the range ends in
_MONTH_RANGE = re.compile(rf"\b({_MONTH_NAMES})\.?\s*(?:to|-|–|until|and)\s*({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b",
                          re.IGNORECASE)
# "at the end of September" in a paper of a November 2023 meeting: the last September on or before it
_BARE_MONTH = re.compile(rf"\b(?:end of|in|during|since|from|until|by|at)\s+({_MONTH_NAMES})\b(?!\.?,?\s+\d)",
                         re.IGNORECASE)
_FINANCIAL_YEAR = re.compile(r"\b((?:19|20)?\d{2})\s*[/\-]\s*(\d{2}|(?:19|20)\d{2})\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d{2})\b")
_YEAR_ENDING = re.compile(
    rf"\b(?:the\s+)?(?:financial\s+)?year\s+(?:ending|to|ended)\s+({_MONTH_NAMES})\.?\s+(\d{{4}})\b", re.I
)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\b(?!\.?,?\s+\d)", re.IGNORECASE)
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

    @property
    def label(self) -> str:
        """One spelling for the period, however the text wrote it: "April 23" -> "April 2023",
        "2022-23" -> "2022/23", "Quarter 1 22/23" -> "Q1 2022/23"."""
        (y1, m1), (y2, m2) = self.first, self.last
        name = lambda month: date(2000, month, 1).strftime("%B")  # noqa: E731 - a one-line helper
        if self.first == self.last:
            return f"{name(m1)} {y1}"
        if (m1, m2) == (1, 12) and y1 == y2:
            return str(y1)
        start = y1 if m1 >= 4 else y1 - 1  # the financial year (April to March) the period starts in
        if (m1, m2, y2) == (4, 3, y1 + 1):
            return f"{y1}/{(y1 + 1) % 100:02d}"
        if self.months == 3 and m1 in (4, 7, 10, 1):
            return f"Q{(m1 - 4) % 12 // 3 + 1} {start}/{(start + 1) % 100:02d}"
        return f"{name(m1)} {y1} to {name(m2)} {y2}"


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return MONTHS.get(name) or MISSPELT[name]


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
    return list(_find_periods(text, reference))


@lru_cache(maxsize=16384)  # answering reads the same sentences for reranking, candidates and figures
def _find_periods(text: str, reference: date | None) -> tuple[Period, ...]:
    found: list[tuple[int, int, Period]] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    def add(match: re.Match, period: Period, group: int = 0) -> None:
        taken.append(match.span(group))
        found.append((*match.span(group), period))

    for match in _YEAR_ENDING.finditer(text):
        end_year, end_month = int(match.group(2)), _month(match.group(1))
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
            year, month = int(match.group(3)), _month(match.group(2))
            add(match, Period((year, month), (year, month), match.group(0)))
    for match in _QUARTER_NAMED.finditer(text):
        if free(match.span()):
            years = _financial_year(match.group(2), match.group(3))
            if years:
                add(match, _quarter(years[0], _QUARTER_WORDS[match.group(1).lower()], match.group(0)))
    for match in _SEASON.finditer(text):
        if free(match.span()):
            first, last = _SEASONS[match.group(1).lower()]
            add(match, Period((int(match.group(2)), first), (int(match.group(2)), last), match.group(0)))
    for match in _WINTER.finditer(text):
        if free(match.span()):
            year = int(match.group(1))  # winter 2023 (or 2023/24): December 2023 to February 2024
            add(match, Period((year, 12), (year + 1, 2), match.group(0)))
    for match in _PART_OF_YEAR.finditer(text):
        if free(match.span()):
            first, last = _PARTS[" ".join(match.group(1).lower().split())]
            add(match, Period((int(match.group(2)), first), (int(match.group(2)), last), match.group(0)))
    for match in _MONTH_RANGE.finditer(text):
        if free(match.span()):
            first, last, end_year = _month(match.group(1)), _month(match.group(2)), int(match.group(3))
            start_year = end_year if first <= last else end_year - 1
            add(match, Period((start_year, first), (end_year, last), match.group(0)))
    for match in _QUARTER_FY.finditer(text):
        if free(match.span()):
            years = _financial_year(match.group(2), match.group(3))
            if years:
                add(match, _quarter(years[0], _QUARTER_NUMBERS[match.group(1).lower()], match.group(0)))
    for match in _MONTH_YEAR.finditer(text):
        if free(match.span()):
            word = match.group(1).lower()
            # "may 24" is too often the verb; only take short years after unambiguous month names
            if len(match.group(2)) == 2 and word == "may":
                continue
            year, month = _year(match.group(2)), _month(word)
            add(match, Period((year, month), (year, month), match.group(0)))
    if reference is not None:
        for match in _DAY_MONTH.finditer(text):
            if free(match.span()) and 1 <= int(match.group(1)) <= 31:
                # "13 October" in a paper of an October 2022 meeting: the meeting's year
                month = _month(match.group(2))
                add(match, Period((reference.year, month), (reference.year, month), match.group(0)))
        for match in _BARE_MONTH.finditer(text):
            if free(match.span(1)) and match.group(1).lower() != "may":  # "may" is too often the verb
                month = _month(match.group(1))
                year = reference.year if month <= reference.month else reference.year - 1
                add(match, Period((year, month), (year, month), match.group(1)), group=1)
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
    return tuple(period for _, _, period in found)


def _quarter(start_year: int, quarter: int, text: str) -> Period:
    """Quarter 1 of a financial year starting in April of start_year is April to June."""
    first_month = 4 + 3 * (quarter - 1)
    year = start_year + (first_month - 1) // 12
    first_month = (first_month - 1) % 12 + 1
    return Period((year, first_month), (year, first_month + 2), text)


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
    return _iso_day(match) if match else ""


def _iso_day(match: re.Match) -> str:
    """The ISO date of a day-month-year match ("23 January 2024"), "" when no such day exists."""
    try:
        return date(int(match.group(3)), _month(match.group(2)), int(match.group(1))).isoformat()
    except ValueError:
        return ""


_NUMERIC_DAY = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def numeric_dates(text: str) -> list[str]:
    """ISO dates of the days written day/month/year ("23/01/2024", UK order), in order; impossible
    days ("31/02/2024") are left out."""
    found = []
    for day, month, year in _NUMERIC_DAY.findall(text):
        try:
            found.append(date(int(year), int(month), int(day)).isoformat())
        except ValueError:
            continue
    return found


def days_named(text: str) -> set[str]:
    """ISO dates of the days a text names, also written day/month/year ("23/01/2024")."""
    return {*full_dates(text), *numeric_dates(text)}


def full_dates(text: str) -> list[str]:
    """ISO dates of every full date in the text ("Tuesday 12 March 2024", "2024-03-12"), in order."""
    found = [(m.start(), m.group(0)) for m in _ISO.finditer(text)]
    for match in _DAY_MONTH_YEAR.finditer(text):
        if iso := _iso_day(match):
            found.append((match.start(), iso))
    return [iso for _, iso in sorted(found)]


def human_date(iso: str) -> str:
    """"2024-03-12" -> "12 March 2024"."""
    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    return f"{day.day} {day.strftime('%B')} {day.year}"
