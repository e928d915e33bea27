"""A measure's values over time: every figure the archive gives for it, with its period and source.

Counts, rates ("112 per 10,000") and shares ("9%") are kept apart: they are different measures.
Values for the same period that agree are merged; ones that disagree are shown side by side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.dates import Period, find_periods, period_of_iso, reference_date
from archive.kinds import numbers
from archive.query import parse_query
from archive.text import STOPWORDS, sentence_spans, stem

CANDIDATE_PASSAGES = 2000
TABLE_COVERAGE = 0.3  # a table's caption and header rarely repeat the whole measure
DATED_REACH = 22  # characters between a figure and its own date, for sentences that only refer back
_RATE = re.compile(
    r"\s*(?:children\s+)?(?:per|in every|for every|out of)\s+(10,000|10k|10000|100,000|1,000)\b", re.I
)
_ROW_LABEL_PERIOD = re.compile(r"^\s*(?:\d{2,4}\s*[/-]\s*\d{2,4}|current)\s*$", re.I)


@dataclass(frozen=True)
class Point:
    value: str
    unit: str  # "count", "per 10,000", "%", "£"
    period: str  # as written ("2022/23", "January 2024"), or "as at <meeting>"
    sort_key: tuple[int, int]
    meeting_date: str
    quote: str
    doc_id: str
    title: str
    page: int
    line: int
    disagrees: bool = False

    def as_dict(self) -> dict:
        out = {k: v for k, v in self.__dict__.items() if k != "sort_key"}
        out["period_end"] = list(self.sort_key)  # [year, month] the period ends, for charts
        return out


def _unit(sentence: str, match: re.Match) -> str:
    text = match.group(0)
    rate = _RATE.match(sentence, match.end())
    if rate:
        return f"per {rate.group(1).replace('10k', '10,000')}"
    if text.endswith("%"):
        return "%"
    if text.startswith("£"):
        return "£"
    return "count"


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_LINKS = {stem(w) for w in (
    "was were is are at of to from in its it our reached stood peaked rose fell totalled had there this high "
    "low figure a an the still now currently current total number"
).split()}
_SKIP = {stem(w) for w in STOPWORDS} | {"s"}


def _stems(text: str) -> list[str]:
    return [stem(w.lower()) for w in _WORD.findall(text)]


def _counts_the_measure(sentence: str, match: re.Match, topic: tuple[str, ...], measure: set[str]) -> bool:
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


def gather(archive, measure: str) -> list[Point]:
    query = parse_query(measure, archive.glossary)
    measure_terms = set(query.topic_terms) | {t for alias in query.aliases.values() for t in alias}
    points: list[Point] = []
    for hit in _passages(archive, query):
        chunk = hit.chunk
        meeting = archive.context_date(chunk)
        reference = reference_date(meeting)
        lines = chunk.text.split("\n")
        header = [line for line in lines[:3] if "\t" in line and not re.search(r"\d", line)]
        context = " ".join([chunk.heading, *header])
        spans = sentence_spans(chunk.text)
        for position, (start, end) in enumerate(spans):
            sentence = chunk.text[start:end]
            if sentence in header:
                continue
            if "\t" in sentence and header and _ROW_LABEL_PERIOD.match(sentence.split("\t")[0]):
                if archive.coverage(query, "\n".join([sentence, context])) >= TABLE_COVERAGE:
                    points.extend(_row_points(archive, query, hit, sentence, header, meeting))
                continue
            periods = [(sentence.find(p.text), p) for p in find_periods(sentence, reference)]
            if archive.coverage(query, sentence) >= 0.99:
                for match in numbers(sentence):
                    if _counts_the_measure(sentence, match, query.topic_terms, measure_terms):
                        points.append(_point(hit, match.group(0), _unit(sentence, match), _nearest(periods, match),
                                             meeting, sentence))
                continue
            earlier = chunk.text[spans[position - 1][0] : spans[position - 1][1]] if position else ""
            if earlier and "\n" not in chunk.text[spans[position - 1][1] : start] and (
                archive.coverage(query, earlier) >= 0.99
            ):
                # "... Unaccompanied Asylum Seeking Children. In January 2024 this was 38.": the
                # measure is named just before; take only figures with their own date beside them
                for match in numbers(sentence):
                    period = _nearest(periods, match, reach=DATED_REACH)
                    if period is not None:
                        points.append(_point(hit, match.group(0), _unit(sentence, match), period, meeting,
                                             f"{earlier} {sentence}"))
    return _merge(points)


def _passages(archive, query) -> list:
    """Every passage the lexical index matches (up to CANDIDATE_PASSAGES), with its document."""
    from archive.records import Hit

    hits = []
    for rowid in archive.lexical(query, CANDIDATE_PASSAGES):
        chunk = archive.chunk(rowid)
        hits.append(Hit(chunk, 0.0, None, None, archive.documents[chunk.doc_id],
                        archive.parts.get((chunk.doc_id, chunk.part_id))))
    return hits


def _nearest(periods: list[tuple[int, Period]], match: re.Match, reach: int = 60) -> Period | None:
    # a figure's own date sits next to it: "38 (March 24)", "412 in 2022/23", "In January 2024 this was 38"
    placed = [(_gap(position, period, match), period) for position, period in periods if position >= 0]
    placed = [(gap, period) for gap, period in placed if gap <= reach]
    return min(placed, key=lambda pair: pair[0])[1] if placed else None


def _gap(position: int, period: Period, match: re.Match) -> int:
    end = position + len(period.text)
    return match.start() - end if end <= match.start() else max(0, position - match.end())


def _row_points(archive, query, hit, row: str, header: list[str], meeting: str) -> list[Point]:
    from archive.answer import _table_cell

    cells = row.split("\t")
    label = cells[0].strip()
    if not _ROW_LABEL_PERIOD.match(label):
        return []
    value = _table_cell(archive, query, row, "\n".join(header))
    if not value:
        return []
    column = next((i for i, c in enumerate(cells) if c.strip() == value), 0)
    names = " ".join(line.split("\t")[column] for line in header if column < len(line.split("\t"))).lower()
    unit = "rate" if "rate" in names else "count"
    periods = find_periods(label)
    period = periods[0] if periods else None
    return [_point(hit, value, unit, period, meeting, "\n".join([*header, row]), label)]


def _point(hit, value: str, unit: str, period: Period | None, meeting: str, quote: str,
           label: str = "") -> Point:
    if period is None:
        meeting_period = period_of_iso(meeting)
        text = label if label else f"as at meeting of {meeting}"
        key = meeting_period.last if meeting_period else (0, 0)
    else:
        text, key = period.text, period.last
    return Point(value.strip(), unit, text, key, meeting, quote.strip(), hit.chunk.doc_id,
                 hit.document.title if hit.document else "", hit.chunk.page, hit.chunk.line)


def _normal(value: str) -> str:
    return value.replace(",", "").replace("£", "").strip()


def _merge(points: list[Point]) -> list[Point]:
    """One point per (unit, period, value); values that disagree for a period are flagged."""
    merged: dict[tuple[str, tuple[int, int], str], Point] = {}
    for point in points:
        merged.setdefault((point.unit, point.sort_key, _normal(point.value)), point)
    by_period: dict[tuple[str, tuple[int, int]], set[str]] = {}
    for unit, key, value in merged:
        by_period.setdefault((unit, key), set()).add(value)
    out = []
    for (unit, key, _value), point in merged.items():
        disagrees = len(by_period[(unit, key)]) > 1 and not point.period.startswith("as at")
        out.append(Point(**{**point.__dict__, "disagrees": disagrees}))
    return sorted(out, key=lambda p: (p.unit, p.sort_key, _normal(p.value)))
