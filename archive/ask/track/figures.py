"""A measure's values over time: every figure the archive gives for it, with its period and source.

A series holds one measure's levels: a figure joins when the words that govern it name the measure
and nothing narrower (ask/understand/measures.governs, with the question's own measure words) and it
is a level, not a change, a comparison or a comparator's value (ask/understand/units.relation).
Counts, rates ("112 per 10,000") and shares ("9%") are kept apart: they are different measures.
Values for the same period that agree are merged; ones that disagree are shown side by side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from archive import tables
from archive.ask.evidence import Evidence, Passage
from archive.ask.retrieve import search as retrieve
from archive.ask.retrieve.filters import Filters
from archive.ask.select.kinds import numbers
from archive.ask.select.spans import table_cell
from archive.ask.understand.measures import governs, is_numbering, measure_core, names_narrower, refers_back
from archive.ask.understand.query import Query, parse_query
from archive.ask.understand.units import MONEY, amount, is_comparator, relation, series_unit
from archive.ask.weights import FigureSettings
from archive.dates import Period, find_periods, period_of_iso, reference_date
from archive.text import sentence_spans, stem

_ROW_LABEL_PERIOD = re.compile(r"^\s*(?:\d{2,4}\s*[/-]\s*\d{2,4}|current)\s*$", re.I)


@dataclass(frozen=True)
class Point:
    value: str
    unit: str  # "count", "per 10,000", "%", "£"
    period: str  # normalised ("2022/23", "April 2023", "Q1 2022/23"), or "as at meeting of <date>"
    sort_key: tuple[int, int]
    meeting_date: str
    quote: str
    doc_id: str
    title: str
    page: int
    line: int
    disagrees: bool = False
    council: str = ""  # whose figure: series and disagreements are per council

    def as_dict(self) -> dict:
        out = {k: v for k, v in self.__dict__.items() if k != "sort_key"}
        out["period_end"] = list(self.sort_key)  # [year, month] the period ends, for charts
        return out


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def gather(evidence: Evidence, settings: FigureSettings) -> list[Point]:
    """Every value the passages give for the measure (evidence.query), merged by period."""
    query, stats = evidence.query, evidence.stats
    core = replace(query, topic_terms=measure_core(query.topic_terms))  # a table's header names "rate"
    known = _known(query)
    points: list[Point] = []
    for passage in evidence.passages:
        chunk = passage.chunk
        meeting = passage.context_date
        reference = reference_date(meeting)
        header = tables.header_lines(chunk.text)
        columns = tables.column_names(header) if header else []
        context = " ".join([chunk.heading, *header])
        document = passage.hit.document
        neutral = frozenset(stem(w) for w in _WORD.findall(document.council.lower())) if document else frozenset()
        spans = sentence_spans(chunk.text)
        for position, (start, end) in enumerate(spans):
            sentence = chunk.text[start:end]
            if sentence in header:
                continue
            if "\t" in sentence and header and _ROW_LABEL_PERIOD.match(tables.cells(sentence)[0]):
                if stats.coverage(core, "\n".join([sentence, context])) >= settings.table_coverage:
                    points.extend(_row_points(evidence, passage, sentence, header))
                continue
            periods = [(sentence.find(p.text), p) for p in find_periods(sentence, reference)]
            figures = [_whole(sentence, match) for match in numbers(sentence) if not is_numbering(sentence, match)]
            if stats.coverage(query, sentence) >= settings.measure_coverage:
                for match in figures:
                    if not is_level(sentence, match, query, neutral):
                        continue
                    column = _column(sentence, match, columns)
                    if column and is_comparator(column):
                        continue  # a table's "Target" or "England average" column
                    period = _column_period(column, reference) or _own_period(sentence, periods, figures, match,
                                                                              settings.reach)
                    points.append(_point(passage, match.group(0), series_unit(sentence, match), period, sentence))
                continue
            earlier = chunk.text[spans[position - 1][0] : spans[position - 1][1]] if position else ""
            if earlier and "\n" not in chunk.text[spans[position - 1][1] : start] and (
                stats.coverage(query, earlier) >= settings.measure_coverage
            ) and not names_narrower(earlier, query.measure_forms, known, neutral):
                # "... Unaccompanied Asylum Seeking Children. In January 2024 this was 38.": the
                # measure is named just before; take only levels with their own date beside them,
                # and only when the figures there of their unit are the measure's ("2% of children
                # looked after were UASC. In January 2024 this was 9%" is a UASC share)
                for match in figures:
                    period = _own_period(sentence, periods, figures, match, settings.dated_reach)
                    if period is not None and relation(sentence, match.start(), match.end()) == "level" and (
                            refers_back(sentence, match, query.measure_forms, known, neutral)) and (
                            _refers_to_the_measure(earlier, series_unit(sentence, match), query, neutral)):
                        points.append(_point(passage, match.group(0), series_unit(sentence, match), period,
                                             f"{earlier} {sentence}"))
    return _merge(points)


def is_level(sentence: str, match: re.Match, query: Query, neutral: frozenset[str] = frozenset()) -> bool:
    """The figure is a level of the question's measure: the words that govern it name the measure
    and nothing narrower, and it is not a change, a comparison or (unless the question asks for
    one) a comparator's value."""
    kind = relation(sentence, match.start(), match.end())
    if kind not in ("level", "comparator") or (kind == "comparator" and not query.asks_national):
        return False
    return governs(sentence, match, query.measure_forms or (query.topic_terms,), _known(query), neutral)


def _known(query: Query) -> frozenset[str]:
    return query.measure_terms | {t for form in query.measure_forms for t in form}


def _refers_to_the_measure(earlier: str, unit: str, query: Query, neutral: frozenset[str]) -> bool:
    """A figure that refers back ("this was 9%") is the measure's when the earlier sentence's
    figures of its unit are, or when it has none."""
    alike = [m for m in (_whole(earlier, m) for m in numbers(earlier))
             if series_unit(earlier, m) == unit and not is_numbering(earlier, m)]
    return not alike or any(is_level(earlier, m, query, neutral) for m in alike)


def _whole(sentence: str, match: re.Match) -> re.Match:
    """A sum of money with its scale ("£4.1m", not "£4")."""
    money = MONEY.match(sentence, match.start())
    return money if money and money.end() > match.end() else match


def _column(sentence: str, match: re.Match, columns: list[str]) -> str:
    """The name of the table column a figure's cell sits in ("" outside a table)."""
    if "\t" not in sentence or not columns:
        return ""
    index = sentence.count("\t", 0, match.start())
    return columns[index] if 0 < index < len(columns) else ""


def _column_period(column: str, reference) -> Period | None:
    periods = find_periods(column, reference) if column else []
    return periods[0] if len(periods) == 1 else None


_NOW = re.compile(r"\s*(?:\w+\s+){0,2}?(?:at (?:the )?(?:current time|present|the moment)|currently|now|today)\b",
                  re.I)


def _own_period(sentence: str, periods: list[tuple[int, Period]], figures: list[re.Match], match: re.Match,
                reach: int) -> Period | None:
    """The date a figure is given for: the nearest within reach that is not nearer another figure
    ("risen from 6 children in 2022 to 38 at the current time": 2022 is the 6's; the 38 is as at the
    meeting). None when the figure has no date of its own (it is then as at its meeting)."""
    if _NOW.match(sentence, match.end()):
        return None
    placed = []
    for position, period in periods:
        if position < 0:
            continue
        gap = _gap(position, period, match)
        if gap <= reach and all(gap <= _gap(position, period, other) for other in figures if other is not match):
            placed.append((gap, period))
    return min(placed, key=lambda pair: pair[0])[1] if placed else None


# "412 at the end of March 2023 to 438 ...": a date right after a figure, with only these words
# between, is that figure's
_DATE_AFTER = re.compile(r"\s*(?:\(|,)?\s*(?:(?:at|in|on|as at|as of|by|during|for)\s+(?:the\s+)?"
                         r"(?:(?:end|start|beginning|close)\s+of\s+(?:the\s+)?)?)?$", re.I)


def _gap(position: int, period: Period, match: re.Match) -> int:
    end = position + len(period.text)
    if end <= match.start():
        return match.start() - end
    if _DATE_AFTER.match(match.string, match.end(), position):
        return 0
    return max(0, position - match.end())


def _row_points(evidence: Evidence, passage: Passage, row: str, header: list[str]) -> list[Point]:
    cells = tables.cells(row)
    label = cells[0].strip()
    if not _ROW_LABEL_PERIOD.match(label):
        return []
    value = table_cell(evidence.stats, evidence.query, row, "\n".join(header))
    if not value:
        return []
    column = next((i for i, c in enumerate(cells) if c.strip() == value), 0)
    names = " ".join(line.split("\t")[column] for line in header if column < len(line.split("\t"))).lower()
    unit = "rate" if "rate" in names else "count"
    periods = find_periods(label)
    return [_point(passage, value, unit, periods[0] if periods else None, "\n".join([*header, row]), label)]


def _point(passage: Passage, value: str, unit: str, period: Period | None, quote: str, label: str = "") -> Point:
    meeting = passage.context_date
    if period is None:
        meeting_period = period_of_iso(meeting)
        text = label if label else f"as at meeting of {meeting}" if meeting else "undated"
        key = meeting_period.last if meeting_period else (0, 0)
    else:
        text, key = period.label, period.last
    chunk, document = passage.chunk, passage.hit.document
    return Point(value.strip(), unit, text, key, meeting, quote.strip(), chunk.doc_id,
                 document.title if document else "", chunk.page, chunk.line,
                 council=document.council if document else "")


def _normal(value: str) -> str:
    """A figure's value to compare by: "£5.3m" and "£5,300k" are one amount."""
    number = amount(value)
    return f"{number:g}" if number is not None else value.replace(",", "").replace("£", "").strip()


def _merge(points: list[Point]) -> list[Point]:
    """One point per (council, unit, period, value); values that disagree for a council's period are flagged."""
    merged: dict[tuple[str, str, tuple[int, int], str], Point] = {}
    for point in points:
        key = (point.council, point.unit, point.sort_key, _normal(point.value))
        held = merged.get(key)
        if held is None or (held.period.startswith("as at") and not point.period.startswith("as at")):
            merged[key] = point  # a period the paper states beats "as at its meeting"
    by_period: dict[tuple[str, str, tuple[int, int]], set[str]] = {}
    for council, unit, key, value in merged:
        by_period.setdefault((council, unit, key), set()).add(value)
    out = []
    for (council, unit, key, _value), point in merged.items():
        disagrees = len(by_period[(council, unit, key)]) > 1 and not point.period.startswith(("as at", "undated"))
        out.append(Point(**{**point.__dict__, "disagrees": disagrees}))
    return sorted(out, key=lambda p: (p.council, p.unit, p.sort_key, _normal(p.value)))


def series(measure: str, resources, council: str = "") -> list[Point]:
    """Every value the archive gives for a measure, by council and period (over every lexical
    match; one council's papers when `council` names it). `resources`: the loaded index."""
    query = parse_query(measure, resources.glossary)
    rowids = retrieve.lexical(resources.index, query, resources.weights.figures.passages,
                              Filters(council=council or None))
    found = retrieve.passages_of(resources.index, resources.papers, rowids)
    return gather(Evidence(query, found, resources.stats), resources.weights.figures)
