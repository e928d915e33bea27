"""Dates in council papers and questions: meeting dates, months, financial years.

A date mention is reduced to a period (first month, last month) as (year, month) pairs, so
"January 2024", "Jan 24", "2022/23", "23/24" and "Q1 24/25" can be compared by overlap.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

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


# Readers: one per rule, a match (and the reference date, None unless the rule needs one) to a Period, or None
def _month_period(year: int, month: int, text: str) -> Period:
    return Period((year, month), (year, month), text)


def _read_year_ending(match: re.Match, _: date | None) -> Period:
    end_year, end_month = int(match.group(2)), _month(match.group(1))
    start_year, start_month = (end_year, end_month + 1 - 12) if end_month == 12 else (end_year - 1, end_month + 1)
    return Period((start_year, start_month), (end_year, end_month), match.group(0))


def _read_relative(match: re.Match, reference: date) -> Period | None:
    period = _relative(match.group(1).lower(), match.group(2).lower(), reference)
    return Period(period.first, period.last, match.group(0)) if period else None


def _read_iso(match: re.Match, _: date | None) -> Period | None:
    year, month = int(match.group(1)), int(match.group(2))
    return _month_period(year, month, match.group(0)) if 1 <= month <= 12 else None


def _read_day_month_year(match: re.Match, _: date | None) -> Period:
    return _month_period(int(match.group(3)), _month(match.group(2)), match.group(0))


def _read_quarter(words: dict[str, int]) -> Callable[[re.Match, date | None], Period | None]:
    """"Q1 22/23", "first quarter of 2022/23": quarter word in group 1, the financial year in groups 2 and 3."""
    def read(match: re.Match, _: date | None) -> Period | None:
        years = _financial_year(match.group(2), match.group(3))
        return _quarter(years[0], words[match.group(1).lower()], match.group(0)) if years else None
    return read


def _read_months_of_year(months: dict[str, tuple[int, int]]) -> Callable[[re.Match, date | None], Period]:
    """"summer 2023", "end of 2023": the months named by group 1 in the year of group 2."""
    def read(match: re.Match, _: date | None) -> Period:
        first, last = months[" ".join(match.group(1).lower().split())]
        return Period((int(match.group(2)), first), (int(match.group(2)), last), match.group(0))
    return read


def _read_winter(match: re.Match, _: date | None) -> Period:
    year = int(match.group(1))  # winter 2023 (or 2023/24): December 2023 to February 2024
    return Period((year, 12), (year + 1, 2), match.group(0))


def _read_month_range(match: re.Match, _: date | None) -> Period:
    first, last, end_year = _month(match.group(1)), _month(match.group(2)), int(match.group(3))
    start_year = end_year if first <= last else end_year - 1
    return Period((start_year, first), (end_year, last), match.group(0))


def _read_month_year(match: re.Match, _: date | None) -> Period | None:
    word = match.group(1).lower()
    # "may 24" is too often the verb; only take short years after unambiguous month names
    if len(match.group(2)) == 2 and word == "may":
        return None
    return _month_period(_year(match.group(2)), _month(word), match.group(0))


def _read_day_month(match: re.Match, reference: date) -> Period | None:
    if not 1 <= int(match.group(1)) <= 31:
        return None
    # "13 October" in a paper of an October 2022 meeting: the meeting's year
    return _month_period(reference.year, _month(match.group(2)), match.group(0))


def _read_bare_month(match: re.Match, reference: date) -> Period | None:
    if match.group(1).lower() == "may":  # "may" is too often the verb
        return None
    month = _month(match.group(1))
    year = reference.year if month <= reference.month else reference.year - 1
    return _month_period(year, month, match.group(1))


def _read_financial_year(match: re.Match, _: date | None) -> Period | None:
    years = _financial_year(match.group(1), match.group(2))
    return Period((years[0], 4), (years[1], 3), match.group(0)) if years else None


def _read_year_only(match: re.Match, _: date | None) -> Period:
    year = int(match.group(1))
    return Period((year, 1), (year, 12), match.group(0))


class _Rule(NamedTuple):
    pattern: re.Pattern
    read: Callable[[re.Match, date | None], Period | None]
    needs_reference: bool = False  # skipped without a reference date
    only_free: bool = True  # skipped where the span overlaps one an earlier match took
    group: int = 0  # the group whose span the period takes (and is placed by)


# In order: a span an earlier rule took is not read again by a later one
_RULES: tuple[_Rule, ...] = (
    _Rule(_YEAR_ENDING, _read_year_ending, only_free=False),
    _Rule(_RELATIVE, _read_relative, needs_reference=True, only_free=False),
    _Rule(_ISO, _read_iso, only_free=False),
    _Rule(_DAY_MONTH_YEAR, _read_day_month_year),
    _Rule(_QUARTER_NAMED, _read_quarter(_QUARTER_WORDS)),
    _Rule(_SEASON, _read_months_of_year(_SEASONS)),
    _Rule(_WINTER, _read_winter),
    _Rule(_PART_OF_YEAR, _read_months_of_year(_PARTS)),
    _Rule(_MONTH_RANGE, _read_month_range),
    _Rule(_QUARTER_FY, _read_quarter(_QUARTER_NUMBERS)),
    _Rule(_MONTH_YEAR, _read_month_year),
    _Rule(_DAY_MONTH, _read_day_month, needs_reference=True),
    _Rule(_BARE_MONTH, _read_bare_month, needs_reference=True, group=1),
    _Rule(_FINANCIAL_YEAR, _read_financial_year),
    _Rule(_YEAR, _read_year_only),
)


@lru_cache(maxsize=16384)  # answering reads the same sentences for reranking, candidates and figures
def _find_periods(text: str, reference: date | None) -> tuple[Period, ...]:
    found: list[tuple[int, int, Period]] = []  # (start, end, period); the spans taken so far
    for rule in _RULES:
        if rule.needs_reference and reference is None:
            continue
        for match in rule.pattern.finditer(text):
            start, end = match.span(rule.group)
            if rule.only_free and not all(end <= a or start >= b for a, b, _ in found):
                continue
            period = rule.read(match, reference)
            if period is not None:
                found.append((start, end, period))
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
