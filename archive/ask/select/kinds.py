"""What kind of thing a text holds: figures, times, dates, durations, names of people."""

from __future__ import annotations

import re

from archive.ask.understand.query import Query
from archive.ask.understand.units import DENOMINATOR
from archive.dates import find_periods

_NUMBER = re.compile(
    r"(?<![\w./])(?:£\s?)?\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|(?<![\w./])(?:£\s?)?\d+(?:\.\d+)?%?(?![\w/])"
)
_AGE_AFTER = re.compile(r"(?:s\b|\s*(?:population|years?|-year|year-olds|olds)\b)", re.IGNORECASE)
TIME = re.compile(r"\b\d{1,2}[.:]\d{2}\s?(?:am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)
DURATION = re.compile(
    r"\b(?:between\s+)?\d+(?:\s*(?:and|to|-|–)\s*\d+)?\s+(?:weeks?|months?|days?|years?|hours?)\b", re.IGNORECASE
)
_TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+((?:[A-Z][a-z'’-]+\s?){1,3})")
_NAME = re.compile(r"\b([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\b")
_NOT_NAMES = {"Herefordshire", "Council", "Children", "Committee", "Board", "Service", "Services", "The",
              "Corporate", "Cabinet", "Member", "Director", "Scrutiny", "Young", "People", "Department"}


def holds_kind(query: Query, text: str) -> bool:
    """Whether the text holds the kind of thing the question asks for (a figure, a time, ...)."""
    if query.intent == "figure":
        return bool(numbers(text))
    if query.intent == "time":
        return bool(TIME.search(text))
    if query.intent == "date":
        return bool(find_periods(text))
    if query.intent == "duration":
        return bool(DURATION.search(text))
    if query.intent == "person":
        return bool(names(text, query))
    return False


def _date_spans(sentence: str) -> list[tuple[int, int]]:
    spans = []
    for period in find_periods(sentence):
        position = sentence.find(period.text)
        if position >= 0:
            spans.append((position, position + len(period.text)))
    return spans


def numbers(sentence: str) -> list[re.Match]:
    dates = _date_spans(sentence)
    out = []
    for match in _NUMBER.finditer(sentence):
        if any(a <= match.start() < b for a, b in dates):
            continue
        before = sentence[max(0, match.start() - 12) : match.start()].lower().rstrip()
        if before.endswith(("per", "every", "cluster of", "aged", "ages", "age", "age of")) or (
                before.endswith(":") and DENOMINATOR.fullmatch(match.group(0))):
            continue  # "per 10,000", "from every 10,000", "67:10000" are units, "aged 0 to 18" an age range
        if before.endswith(("under", "over")) and _AGE_AFTER.match(sentence, match.end()):
            continue  # "under 18 population", "over 65s"
        out.append(match)
    return out


# A role as papers name it: "Head of Service for Corporate Parenting", "Chief Finance Officer",
# "Assistant Director, Children's Social Care", "the Leader of the Council", "Named Nurse Children in Care"
_ROLE = re.compile(
    r"\b((?:(?:Assistant|Service|Corporate|Executive|Strategic|Deputy|Interim|Principal|Senior)\s+)?"
    r"(?:Director|Head|Leader|Chair(?:man|person)?|Vice[- ]Chair(?:man|person)?|Mayor|Cabinet Member|Named Nurse"
    r"|Chief(?:\s+[A-Z][a-z]+){0,2}\s+Officer|(?!The\b)(?:[A-Z][a-z]+\s+){1,3}(?:Officer|Manager|Lead))\b"
    r"(?:,? +(?:of|for|–|-)? *(?:the +)?(?:[A-Z][\w'’&]*)(?: +(?:and|of|for|in|&|[A-Z][\w'’&]*)){0,6})?)")
_TRAILING = re.compile(r"(?: +(?:and|of|for|in|&))+$")


def roles(sentence: str) -> list[str]:
    """Roles named in a sentence (who owns, chairs, responded), as written."""
    return [_TRAILING.sub("", m.group(1)).strip(" ,") for m in _ROLE.finditer(sentence)]


def names(sentence: str, query: Query) -> list[str]:
    asked = query.words
    names = [m.group(1).strip() for m in _TITLED_NAME.finditer(sentence)]
    for match in _NAME.finditer(sentence):
        parts = match.group(1).split()
        if not any(p in _NOT_NAMES for p in parts):
            names.append(match.group(1))
    return [n for n in names if not all(p.lower() in asked for p in n.split())]
