"""The one reader of a figure's unit: what follows a number in a sentence says whether it is a
rate ("112 per 10,000"), a share ("9%", "9 per cent"), money ("£9.6m", "£300 a week") or a count.
The answer candidates, the answer span, the figures series and the figure reader all ask here."""

from __future__ import annotations

import re

_DENOMINATORS = r"10,000|10k|10000|100,000|1,000"
# "112 per 10,000", "95 from every cluster of 10,000", "67:10000", "3 out of every 1,000"
_RATE = re.compile(rf"\s*(?:children\s+)?(?:(?:per|in every|for every|from every|out of(?: every)?)\s+"
                   rf"(?:cluster of\s+)?|:\s?)({_DENOMINATORS})\b", re.I)
DENOMINATOR = re.compile(r"10,?000|1,?000|100,?000")  # a rate's base, never a figure of its own
_PER = re.compile(r"\s*(?:children\s+)?(?:per|in every|out of|for every)\b", re.I)  # a rate or share of something
_PERCENT = re.compile(r"\s*(?:per\s?cent|percent)\b", re.I)
_MONEY_SCALE = re.compile(r"\s?(?:k|m|bn|million|billion|thousand)\b", re.I)
MONEY = re.compile(r"£\s?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s?(?:k|m|bn|million|billion)\b)?", re.I)
# the words an answer span keeps after its figure ("£300 a week", "112 per 10,000", "9 per cent")
_SPAN_UNIT = re.compile(
    r"\s*(?:per|a|each|in every)\s+(?:10,000|10000|10k|100,000|1,000|week|month|year|annum|day|head|child)\b"
    r"|\s*(?:per cent|percent)\b", re.I
)


def figure_kind(sentence: str, match: re.Match) -> tuple[str, int]:
    """The kind of the figure `match` found in `sentence` (count, money, percent, rate) and where
    its unit ends."""
    text, end = match.group(0), match.end()
    for pattern, kind in ((_RATE, "rate"), (_PERCENT, "percent"), (_MONEY_SCALE, "money")):
        unit = pattern.match(sentence, end)
        if unit:
            return ("money" if kind == "money" and text.startswith("£") else kind), unit.end()
    if text.endswith("%"):
        return "percent", end
    if text.startswith("£"):
        return "money", end
    return "count", measure_end(sentence, end)  # with what it measures: "1.4 litres per second per hectare"


def series_unit(sentence: str, match: re.Match) -> str:
    """The unit a figures series is kept under: "per 10,000", "%", "£" or "count"."""
    text = match.group(0)
    rate = _RATE.match(sentence, match.end())
    if rate:
        return f"per {rate.group(1).replace('10k', '10,000')}"
    if text.endswith("%"):
        return "%"
    if text.startswith("£"):
        return "£"
    return "count"


_AMOUNT = re.compile(r"£?\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m|bn|million|billion|thousand)?%?", re.I)
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}


def amount(value: str) -> float | None:
    """The number a figure's text stands for: "£1.18m" 1,180,000, "£1,814k" 1,814,000, "55%" 55,
    "1,022" 1022; None for text that is not a figure."""
    found = _AMOUNT.fullmatch(value.strip())
    if not found:
        return None
    number = float(found.group(1).replace(",", ""))
    return number * _SCALE[found.group(2).lower()] if found.group(2) else number


def is_share(sentence: str, start: int, end: int) -> bool:
    """A percentage, or a figure of something per something: not a count."""
    return sentence[start:end].endswith("%") or bool(_PER.match(sentence, end))


def span_end(sentence: str, end: int) -> int:
    """Where an answer span that ends with a figure at `end` ends, its unit words included."""
    unit = _SPAN_UNIT.match(sentence, end)
    return unit.end() if unit else measure_end(sentence, end)


# a physical measure's unit after a figure ("1.4 litres per second per hectare", "2,300 tonnes", "12 miles"); not
# what a count counts ("64 homes" is a count of 64)
_MEASURE = re.compile(
    r"[ -]?(?:litres?|liters?|(?:square |cubic |sq\.? ?)?(?:metres?|meters?)|kilometres?|km|miles?|hectares?|acres?"
    r"|tonnes?|tons?|kg|kilograms?|kwh|mwh|mw|kw|gigawatt hours?|megawatts?)\b"
    r"(?:\s+per\s+(?:second|minute|hour|day|week|month|year|annum|hectare|head|household|person|mile|km|metre))*",
    re.I)
# pence: "45p per mile", "a 10p rise"
PENCE = re.compile(r"(?<![\w.£])\d+(?:\.\d+)?p\b(?:\s+(?:per|a|an)\s+(?:mile|hour|day|week|month|year|unit|kwh))?",
                   re.I)
# a share in words: "just over a third", "about a fifth", "two-thirds", "half"
FRACTION = re.compile(
    r"\b(?:(?:just|slightly|well|nearly|almost|about|around|roughly|approximately|some|more than|less than|over"
    r"|under)\s+)*(?:(?:a|one|two|three|four)[\s-](?:half|third|quarter|fifth|sixth|tenth)s?|half)\b(?!\s+(?:of\s+)?"
    r"(?:19|20)\d{2})(?!\s+(?:term|year|time))", re.I)
# a range of figures read as one answer: "20-24%", "4 to 6", "12 to 15 per cent"
RANGE = re.compile(r"(?<![\w.,/£])\d+(?:\.\d+)?%?\s*(?:-|–|to)\s*\d+(?:\.\d+)?(?![\w/])"
                   r"(?:%|\s*(?:per\s?cent|percent)\b)?", re.I)


def measure_end(sentence: str, end: int) -> int:
    """Where a figure ending at `end` ends with the unit of what it measures, `end` when it has none."""
    unit = _MEASURE.match(sentence, end)
    return unit.end() if unit else end


# A figure's relation: a level ("412 children", "rose to 438") or what is not one: a change ("a 30%
# increase", "rose by 12", "up 5%", "an increase of 234 or 29%"), a comparison ("83% higher than
# statistical neighbours", "3 points above the national average") or a comparator's own value ("the
# England average of 71", "against a target of 95%", "the 98% target").
_CHANGE_WORDS = (r"increas(?:e[ds]?|ing)|rise[ns]?|rose|fall(?:s|en)?|fell|drop(?:s|ped)?|reduc(?:e[ds]?|tion|ing)"
                 r"|decreas(?:e[ds]?|ing)"
                 r"|grow(?:th|n)?|grew|change[ds]?|improve(?:ment|d)|deteriorat(?:ion|ed)|cut")
_CHANGE_BEFORE = re.compile(
    rf"\b(?:{_CHANGE_WORDS})\s+(?:(?:in|on|the|its|our|their|this)\s+(?:(?!\b(?:from|to)\b)[^,.;:\d]){{1,60}}?\s+)?(?:of|by)\s+"
    r"(?:(?:some|about|around|nearly|almost|over|just|a further|another)\s+)?"
    r"(?:£?\d[\d,.]*%?\s?(?:k|m|bn)?\s+(?:or|and)\s+)?$"  # "an increase of 234 or 29%": both are the change
    r"|\b(?:up|down)\s+(?:(?:some|about|around|nearly|almost|by)\s+)?$", re.I)
_UNIT_WORDS = r"(?:\s*(?:%|per\s?cent|percent|percentage\s+points?|points?|times))?"
_CHANGE_AFTER = re.compile(
    rf"{_UNIT_WORDS}\s*(?:increase|rise|fall|drop|reduction|decrease|growth|improvement|deterioration"
    r"|more(?!\s+than)|fewer(?!\s+than)|extra|additional|up(?!\s+(?:to|from)\b)|down(?!\s+(?:to|from)\b))\b", re.I)
_COMPARISON_AFTER = re.compile(
    rf"{_UNIT_WORDS}\s*(?:(?:higher|lower|more|less|greater|fewer|better|worse)\s+than|(?:above|below|over|under)"
    r"\s+(?:the\s+)?(?:england|national|regional|statistical|average|target|benchmark|comparator|neighbour))\b",
    re.I)
_COMPARATOR = r"(?:england|national|regional|statistical neighbou?rs?|comparators?|benchmark|targets?)"
_COMPARATOR_BEFORE = re.compile(
    rf"\b{_COMPARATOR}(?:\s+(?:average|rate|figure|level|mean))?\s*(?:\(\w+\)\s*)?(?:of|at|is|was|were|:|\()?\s*$",
    re.I)
_COMPARATOR_AFTER = re.compile(r"(?:\s*%)?\s*(?:target|benchmark)\b", re.I)
COMPARATOR_NAME = re.compile(rf"\b{_COMPARATOR}\b|\baverage\b", re.I)  # a table column of comparators


def relation(sentence: str, start: int, end: int) -> str:
    """What the figure at sentence[start:end] is: "level" (the measure's own value), "change" (by
    how much it moved), "comparison" (how far it is from a comparator) or "comparator" (a
    comparator's or target's own value). A level's before and after ("rose from 412 to 438",
    "up from 29") are levels."""
    before = sentence[max(0, start - 80):start]
    if _CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(sentence, end):
        return "change"
    if _COMPARISON_AFTER.match(sentence, end):
        return "comparison"
    if _COMPARATOR_BEFORE.search(before) or _COMPARATOR_AFTER.match(sentence, end):
        return "comparator"
    return "level"


def is_comparator(name: str) -> bool:
    """A table column (or a phrase) naming a comparator or a target: "England average", "Target",
    "Statistical neighbours (rate)"."""
    return bool(COMPARATOR_NAME.search(name))


_LAST_FIGURE = re.compile(r"\d[\d.]*%?(?:\s*(?:per\s?cent|percent))?$", re.I)


def range_last(span: str) -> int:
    """Where the last figure of a range starts in it ("24%" of "20-24%"), -1 when it ends with none."""
    last = _LAST_FIGURE.search(span)
    return last.start() if last else -1


def range_kind(span: str) -> str:
    """percent or count: the kind of a range of figures."""
    return "percent" if span.endswith("%") or _PERCENT.search(span) else "count"

