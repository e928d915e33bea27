"""The span of a sentence or table row that answers: a figure, a table cell, a time, a date, a
duration or a name."""

from __future__ import annotations

import itertools
import re

from archive import tables
from archive.ask.kinds import DURATION, TIME, names, numbers
from archive.ask.query import Query
from archive.ask.stats import CorpusStats
from archive.ask.weights import AnswerWeights
from archive.dates import find_periods
from archive.text import STOPWORDS, WORD_PATTERN, stem, terms

_CLAUSE_BREAK = re.compile(
    r"\s(?:whilst|while|whereas|but|although|compared with|compared to)\s|[;:]\s|,\s(?!\d)", re.IGNORECASE
)
_UNIT = re.compile(
    r"\s*(?:per|a|each|in every)\s+(?:10,000|10000|10k|100,000|1,000|week|month|year|annum|day|head|child)\b"
    r"|\s*(?:per cent|percent)\b", re.IGNORECASE
)
_RATE_AFTER = re.compile(r"\s*(?:children\s+)?(?:per|in every|out of|for every)\b", re.I)
_WANTS_COUNT = re.compile(r"^\s*how many\b|\bfigure\b|\bnumber of\b", re.I)
_WANTS_RATE = re.compile(r"\b(rate|per|percent|percentage|proportion|share)\b", re.I)
STOPWORD_STEMS = frozenset(stem(w) for w in STOPWORDS)
COUNT_HEADERS = ("number", "no.", "count", "total")


def _token_positions(sentence: str) -> list[tuple[int, str]]:
    """(offset, stem) of each word, tokenised exactly as query terms are."""
    return [(m.start(), stem(m.group(0).lower().replace("’", "'"))) for m in WORD_PATTERN.finditer(sentence)]


def table_cell(stats: CorpusStats, query: Query, row: str, header: str) -> str | None:
    """The figure cell of a row under the column the question names ("England" says more than "rate")."""
    columns = tables.column_names(header.split("\n"))
    cells = tables.cells(row)
    asked = set(query.terms)
    best, best_score = None, 0.0
    for index, cell in enumerate(cells[1:], start=1):
        if not tables.is_figure_cell(cell) or index >= len(columns):
            continue
        score = sum(stats.idf(t) for t in set(terms(columns[index])) & asked)
        if query.text.lower().startswith("how many") and any(h in columns[index].lower() for h in COUNT_HEADERS):
            score += 1.0
        if score > best_score:
            best, best_score = cell.strip(), score
    if best is None:
        numeric = [c.strip() for c in cells[1:] if tables.is_figure_cell(c)]
        best = numeric[0] if numeric else None
    return best


def best_figure(stats: CorpusStats, query: Query, sentence: str, context: str,
                weights: AnswerWeights) -> tuple[str, float] | None:
    """The figure in the sentence that answers the question, and how well it fits (0 to ~1)."""
    if "\t" in sentence and context:
        cell = table_cell(stats, query, sentence, context)
        if cell:
            return cell, 1.0
    found = numbers(sentence)
    if not found:
        return None
    tokens = _token_positions(sentence)
    asked = {t for t in query.terms if not t[0].isdigit()}  # asked dates are weighed below
    asked_numbers = set(re.findall(r"\d[\d,.]*", query.text))
    wants_count = bool(_WANTS_COUNT.search(query.text)) and not _WANTS_RATE.search(query.text)
    most = 2 * sum(stats.idf(t) for t in asked) + (weights.date_proximity if query.periods else 0.0) or 1.0
    asked_dates = [
        position for period in find_periods(sentence)
        if any(period.overlaps(asked) for asked in query.periods)
        for position in [sentence.find(period.text)] if position >= 0
    ]
    breaks = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]

    def clause_of(offset: int) -> tuple[int, int]:
        for start, end in itertools.pairwise(breaks):
            if start <= offset < end:
                return start, end
        return 0, len(sentence)

    def closeness(match: re.Match) -> float:
        if match.group(0).lstrip("£").rstrip("%") in asked_numbers:
            return -1.0
        start, end = clause_of(match.start())
        # the asked words in the figure's own clause ("92 ... live with in-house foster carers
        # whilst 78 ... live with kinship carers")
        score = sum(stats.idf(t) for t in asked & {t for p, t in tokens if start <= p < end})
        for position in asked_dates:
            # the figure stated next to the asked date ("38 (March 24)", "412 in 2022/23")
            gap = len(sentence[min(position, match.start()) : max(position, match.start())].split())
            score += weights.date_proximity / (1 + gap)
        for term in asked:
            # A count usually comes before what it counts ("78 children live with kinship carers"):
            # words before the figure weigh less than words after it.
            distances = [
                len(sentence[match.end() : p].split()) if p >= match.end()
                else weights.before_figure * len(sentence[p : match.start()].split())
                for p, t in tokens if t == term
            ]
            if distances:
                score += stats.idf(term) / (1 + min(distances))
        # Words the question does not use between the figure and what it counts qualify it:
        # "26 new children" is not "children in care".
        following = [t for p, t in tokens if p >= match.end()][:3]
        counted = next((i for i, t in enumerate(following) if t in asked), None)
        for term in following[:counted] if counted is not None else []:
            if term not in STOPWORD_STEMS and not term[0].isdigit():
                score -= weights.qualifier * stats.idf(term)
        if wants_count and (match.group(0).endswith("%") or _RATE_AFTER.match(sentence, match.end())):
            score -= most / 2  # a rate or a share is not a count
        return score

    best = max(found, key=closeness)
    unit = _UNIT.match(sentence, best.end())
    span = sentence[best.start() : unit.end() if unit else best.end()]
    return span.strip(), max(0.0, closeness(best)) / most


def extract_span(query: Query, sentence: str) -> str | None:
    """The time, duration, date or name a sentence gives; the sentence itself for other questions.
    (Figures are read by best_figure, which needs the corpus statistics.)"""
    if query.intent == "time":
        match = TIME.search(sentence)
        return match.group(0) if match else None
    if query.intent == "duration":
        match = DURATION.search(sentence)
        return match.group(0) if match else None
    if query.intent == "date":
        asked = {p.text.lower() for p in query.periods}
        for period in find_periods(sentence):
            if period.text.lower() not in asked:
                return period.text
        return None
    if query.intent == "person":
        people = names(sentence, query)
        return people[0] if people else None
    return sentence.strip()
