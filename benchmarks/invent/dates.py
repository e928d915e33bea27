"""Dates as council papers write them, and the years a text names.

Functions that take `years` keep a paper inside them: a month, financial year or later meeting that would
fall outside is left out or said another way (the distractor papers may name only some years)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection
from datetime import date

MONTHS = list(calendar.month_name)[1:]


def month_label(year: int, month: int) -> str:
    """ "March 2019"."""
    return f"{MONTHS[month - 1]} {year}"


def short_date(day: date) -> str:
    """ "5 March 2019"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_date(day: date) -> str:
    """ "Tuesday 5 March 2019"."""
    return f"{calendar.day_name[day.weekday()]} {short_date(day)}"


def weekday_in_month(year: int, month: int, weekday: int, week: int) -> date:
    """The `weekday` (Monday 0) of the month's week `week` (0 for the first)."""
    first = date(year, month, 1)
    return date(year, month, 1 + (weekday - first.weekday()) % 7 + 7 * week)


def municipal_year(day: date) -> int:
    """The year a council's municipal year (May to April) began."""
    return day.year if day.month >= 5 else day.year - 1


def months_before(year: int, month: int, count: int, years: Collection[int] | None = None) -> list[tuple[int, int]]:
    """Up to `count` months ending the month before (year, month), oldest first. With `years`, never leaving
    them (a January meeting after a year that is not allowed reports its own month)."""
    out, y, m = [], year, month
    for _ in range(count):
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        if years is not None and y not in years:
            break
        out.append((y, m))
    return out[::-1] or [(year, month)]


def financial_year(start: int, years: Collection[int], short: bool = False) -> str | None:
    """ "2006/07" (or "06/07"), only when both years are in `years`; None otherwise."""
    if start not in years or start + 1 not in years:
        return None
    return f"{start % 100:02d}/{(start + 1) % 100:02d}" if short else f"{start}/{(start + 1) % 100:02d}"


def later_meeting(year: int, month: int, ahead: int, years: Collection[int]) -> str:
    """ "at its meeting in July 2007", `ahead` months on, or "at a later meeting" when that month is not in
    `years`."""
    month += ahead
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return f"at its meeting in {month_label(year, month)}" if year in years else "at a later meeting"


_FULL = re.compile(r"(?<![\d,.£])((?:19|20)\d\d)(?:\s*[/\-–]\s*(\d\d))?(?![\d,])")
_SHORT = re.compile(r"(?<![\d,.£/])(\d\d)\s*/\s*(\d\d)(?![\d%/])")
_MONTH_SHORT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+'?(\d\d)\b", re.I)


def years_in(text: str) -> set[int]:
    """Every year a text names: 2007, 2006/07, 06/07, "April 07", "Jan '07"."""
    found: set[int] = set()
    for first, second in _FULL.findall(text):
        found.add(int(first))
        if second and int(second) == (int(first) + 1) % 100:
            found.add(int(first) + 1)
    for first, second in _SHORT.findall(text):
        if int(second) == (int(first) + 1) % 100:
            found |= {2000 + int(first), 2000 + int(second)}
    found |= {2000 + int(y) for y in _MONTH_SHORT.findall(text)}
    return found
