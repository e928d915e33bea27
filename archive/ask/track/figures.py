"""A measure's values over time: every figure the archive gives for it, with its period and source.

Counts, rates ("112 per 10,000") and shares ("9%") are kept apart: they are different measures.
Values for the same period that agree are merged; ones that disagree are shown side by side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive import tables
from archive.ask.evidence import Evidence, Passage
from archive.ask.retrieve import search as retrieve
from archive.ask.retrieve.filters import Filters
from archive.ask.select.kinds import numbers
from archive.ask.select.spans import table_cell
from archive.ask.understand.query import parse_query
from archive.ask.understand.units import series_unit
from archive.ask.weights import FigureSettings
from archive.dates import Period, find_periods, period_of_iso, reference_date
from archive.text import STOPWORDS, sentence_spans, stem

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
_LINKS = {stem(w) for w in (
    "was were is are at of to from in its it our reached stood peaked rose fell totalled had there this high "
    "low figure a an the still now currently current total number"
).split()}
_SKIP = {stem(w) for w in STOPWORDS} | {"s"}


def _stems(text: str) -> list[str]:
    return [stem(w.lower()) for w in _WORD.findall(text)]


def counts_the_measure(sentence: str, match: re.Match, topic: tuple[str, ...], measure: set[str]) -> bool:
    """The figure is the measure's own value: "386 children in care", "the number of children in
    care ... was 396", "peaked at 355", not "26 new children", a phone number or a list number."""
    text = match.group(0)
    if re.fullmatch(r"0\d{3,}", text) or (len(text) >= 5 and "," not in text and text.isdigit()):
        return False  # telephone numbers and references
    if not sentence[match.end() :].strip(" .") and re.search(r"[A-Za-z]\s*$", sentence[: match.start()]):
        return False  # a bare number closing a line: a list or page number
    after = [t for t in _stems(sentence[match.end() : match.end() + 80]) if t not in _SKIP][: len(topic)]
    if after and after[0] in measure:
        # "386 children in care", "388 children were in the care of": the measure's own words follow
        return after == list(topic)
    before = _stems(sentence[max(0, match.start() - 160) : match.start()])[-20:]
    if not all(t in before for t in topic):
        return False
    # "... children in care peaked at 355": only linking words between the measure and the figure
    last = max(i for i, t in enumerate(before) if t in measure)
    return all(t in _LINKS or t[0].isdigit() for t in before[last + 1 :])


def _qualified(sentence: str, topic: tuple[str, ...], measure: set[str]) -> bool:
    """The sentence names a narrower measure: a word qualifies the measure's first word ("asylum
    seeking children ... in our care" is not "children in care")."""
    stems = _stems(sentence)
    first = next((i for i, t in enumerate(stems) if topic and t == topic[0]), -1)
    if first <= 0:
        return False
    before = stems[first - 1]
    return before not in _SKIP and before not in _LINKS and before not in measure and not before[0].isdigit()


def gather(evidence: Evidence, settings: FigureSettings) -> list[Point]:
    """Every value the passages give for the measure (evidence.query), merged by period."""
    query, stats = evidence.query, evidence.stats
    measure_terms = query.measure_terms
    points: list[Point] = []
    for passage in evidence.passages:
        chunk = passage.chunk
        meeting = passage.context_date
        reference = reference_date(meeting)
        header = tables.header_lines(chunk.text)
        context = " ".join([chunk.heading, *header])
        spans = sentence_spans(chunk.text)
        for position, (start, end) in enumerate(spans):
            sentence = chunk.text[start:end]
            if sentence in header:
                continue
            if "\t" in sentence and header and _ROW_LABEL_PERIOD.match(tables.cells(sentence)[0]):
                if stats.coverage(query, "\n".join([sentence, context])) >= settings.table_coverage:
                    points.extend(_row_points(evidence, passage, sentence, header))
                continue
            periods = [(sentence.find(p.text), p) for p in find_periods(sentence, reference)]
            figures = numbers(sentence)
            if stats.coverage(query, sentence) >= settings.measure_coverage:
                for match in figures:
                    if counts_the_measure(sentence, match, query.topic_terms, measure_terms):
                        points.append(_point(passage, match.group(0), series_unit(sentence, match),
                                             _own_period(sentence, periods, figures, match, settings.reach), sentence))
                continue
            earlier = chunk.text[spans[position - 1][0] : spans[position - 1][1]] if position else ""
            if earlier and "\n" not in chunk.text[spans[position - 1][1] : start] and (
                stats.coverage(query, earlier) >= settings.measure_coverage
            ) and not _qualified(earlier, query.topic_terms, measure_terms):
                # "... Unaccompanied Asylum Seeking Children. In January 2024 this was 38.": the
                # measure is named just before; take only figures with their own date beside them
                for match in figures:
                    period = _own_period(sentence, periods, figures, match, settings.dated_reach)
                    if period is not None:
                        points.append(_point(passage, match.group(0), series_unit(sentence, match), period,
                                             f"{earlier} {sentence}"))
    return _merge(points)


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


def _gap(position: int, period: Period, match: re.Match) -> int:
    end = position + len(period.text)
    return match.start() - end if end <= match.start() else max(0, position - match.end())


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
    return value.replace(",", "").replace("£", "").strip()


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
