"""Reading figures in a sentence or table row: the cell under the asked column, and where each
figure sits among the question's words and date (features of the answer selector)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from archive import tables
from archive.ask.retrieve.stats import CorpusStats
from archive.ask.select.kinds import numbers
from archive.ask.understand import units
from archive.ask.understand.query import Query
from archive.ask.weights import AnswerWeights
from archive.dates import find_periods
from archive.text import STOPWORDS, WORD_PATTERN, stem, terms

_CLAUSE_BREAK = re.compile(
    r"\s(?:whilst|while|whereas|but|although|compared with|compared to)\s|[;:]\s|,\s(?!\d)", re.IGNORECASE
)
STOPWORD_STEMS = frozenset(stem(w) for w in STOPWORDS)
COUNT_HEADERS = ("number", "no.", "count", "total")


def token_positions(sentence: str) -> list[tuple[int, str]]:
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
        if query.how_many and any(h in columns[index].lower() for h in COUNT_HEADERS):
            score += 1.0
        if score > best_score:
            best, best_score = cell.strip(), score
    if best is None:
        numeric = [c.strip() for c in cells[1:] if tables.is_figure_cell(c)]
        best = numeric[0] if numeric else None
    return best


@dataclass(frozen=True)
class FigureContext:
    """What the question asks, prepared once per sentence for weighing each figure in it."""

    tokens: list[tuple[int, str]]
    asked: set[str]
    asked_numbers: set[str]
    asked_dates: list[int]
    breaks: list[int]
    wants_count: bool
    most: float


def figure_context(stats: CorpusStats, query: Query, sentence: str, weights: AnswerWeights,
                   periods: list | None = None) -> FigureContext:
    """`periods`: the sentence's dates read without a reference date, when already known."""
    asked = {t for t in query.terms if not t[0].isdigit()}  # asked dates are weighed below
    return FigureContext(
        tokens=token_positions(sentence),
        asked=asked,
        asked_numbers=set(query.numbers),
        asked_dates=[position for period in (find_periods(sentence) if periods is None else periods)
                     if any(period.overlaps(asked) for asked in query.periods)
                     for position in [sentence.find(period.text)] if position >= 0],
        breaks=[0, *(m.start() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)],
        wants_count=query.wants_count,
        most=2 * sum(stats.idf(t) for t in asked) + (weights.date_proximity if query.periods else 0.0) or 1.0,
    )


def figure_closeness(stats: CorpusStats, context: FigureContext, sentence: str, start: int, end: int,
                     weights: AnswerWeights) -> dict[str, float]:
    """How a figure at sentence[start:end] sits among the question's words and date: the parts of
    its score (each divided by the most a figure can score)."""
    clause_start, clause_end = next(((a, b) for a, b in itertools.pairwise(context.breaks) if a <= start < b),
                                    (0, len(sentence)))
    # the asked words in the figure's own clause ("92 ... live with in-house foster carers whilst 78 ...")
    clause = sum(stats.idf(t) for t in context.asked & {t for p, t in context.tokens if clause_start <= p < clause_end})
    # the figure stated next to the asked date ("38 (March 24)", "412 in 2022/23")
    dated = sum(weights.date_proximity / (1 + len(sentence[min(p, start) : max(p, start)].split()))
                for p in context.asked_dates)
    near = 0.0
    for term in context.asked:
        # A count usually comes before what it counts ("78 children live with kinship carers"):
        # words before the figure weigh less than words after it.
        distances = [len(sentence[end:p].split()) if p >= end
                     else weights.before_figure * len(sentence[p:start].split())
                     for p, t in context.tokens if t == term]
        if distances:
            near += stats.idf(term) / (1 + min(distances))
    # Words the question does not use between the figure and what it counts qualify it ("26 new children").
    following = [t for p, t in context.tokens if p >= end][:3]
    counted = next((i for i, t in enumerate(following) if t in context.asked), None)
    qualifier = sum(weights.qualifier * stats.idf(t) for t in (following[:counted] if counted is not None else [])
                    if t not in STOPWORD_STEMS and not t[0].isdigit())
    text = sentence[start:end]
    share = units.is_share(sentence, start, end)
    most = context.most
    return {"clause": clause / most, "dated": dated / most, "near": near / most, "qualifier": qualifier / most,
            "share_for_count": float(context.wants_count and share),
            "in_question": float(text.lstrip("£").rstrip("%") in context.asked_numbers)}


def best_figure(stats: CorpusStats, query: Query, sentence: str, context: str, weights: AnswerWeights,
                prepared: FigureContext | None = None, periods: list | None = None) -> tuple[str, float] | None:
    """The figure in the sentence that answers the question, and how well it fits (0 to ~1)."""
    if "\t" in sentence and context:
        cell = table_cell(stats, query, sentence, context)
        if cell:
            return cell, 1.0
    found = numbers(sentence, periods=periods)
    if not found:
        return None
    prepared = prepared or figure_context(stats, query, sentence, weights)

    def closeness(match: re.Match) -> float:
        parts = figure_closeness(stats, prepared, sentence, match.start(), match.end(), weights)
        if parts["in_question"]:
            return -1.0 / prepared.most
        score = parts["clause"] + parts["dated"] + parts["near"] - parts["qualifier"]
        return score - parts["share_for_count"] / 2  # a rate or a share is not a count

    best = max(found, key=closeness)
    span = sentence[best.start() : units.span_end(sentence, best.end())]
    return span.strip(), max(0.0, closeness(best))
