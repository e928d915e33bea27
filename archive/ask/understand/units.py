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


_LAST_FIGURE = re.compile(r"\d[\d.]*%?(?:\s*(?:per\s?cent|percent))?$", re.I)


def range_last(span: str) -> int:
    """Where the last figure of a range starts in it ("24%" of "20-24%"), -1 when it ends with none."""
    last = _LAST_FIGURE.search(span)
    return last.start() if last else -1


def range_kind(span: str) -> str:
    """percent or count: the kind of a range of figures."""
    return "percent" if span.endswith("%") or _PERCENT.search(span) else "count"

