"""Answer candidates and their features, for the learned answer selector (ask/select/selector.py).

A candidate is a span of a sentence or table row of one of the top passages: a figure, a table
cell, a date, a time, a duration, a name, or (for questions that ask what, where or what was
decided) the sentence itself. Each gets a row of numbers describing how it relates to the
question: retrieval ranks, similarity, subject coverage, date fit, the answer type the question
expects against the candidate's type, role cues (moved, seconded, chaired, responded), its place
after a question in question-and-answer minutes, and whether a figure is a national comparator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from archive import tables
from archive.ask.evidence import Evidence, Passage
from archive.ask.retrieve.datefit import date_fit
from archive.ask.select import entities, window
from archive.ask.select.kinds import DURATION, HOUR, SEASON, TIME, lower_roles, names, numbers, roles
from archive.ask.select.phrases import phrases
from archive.ask.select.relative import add_ages, add_gaps, add_kind_gaps, add_support, months
from archive.ask.select.span_features import ROLE_MARKERS, column_periods, section, span_features
from archive.ask.select.spans import FigureContext, best_figure, figure_closeness, figure_context
from archive.ask.track.figures import is_level
from archive.ask.understand import units
from archive.ask.understand.query import Query
from archive.ask.weights import Weights
from archive.dates import find_periods, period_of_iso, reference_date
from archive.text import terms

NUMERIC = ("count", "money", "percent", "rate")

_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
)
# a number in words, read whole ("Forty-three", "one hundred and thirty-five"); "and" only after hundred
_NUMBER_IN_WORDS = rf"{_NUMBER_WORDS}(?:[\s-]+{_NUMBER_WORDS}|(?<=hundred)\s+and\s+{_NUMBER_WORDS}" \
                   rf"|(?<=thousand)\s+and\s+{_NUMBER_WORDS})*"
NUMBER_WORD = re.compile(rf"\b{_NUMBER_IN_WORDS}\b", re.IGNORECASE)
# two of them as one answer ("five to nine"): each number is a candidate too ("rose from five to nine")
NUMBER_WORD_RANGE = re.compile(rf"\b{_NUMBER_IN_WORDS}\s+(?:to|and|or)\s+{_NUMBER_IN_WORDS}\b", re.IGNORECASE)
_WORD_DURATION = (
    rf"(?:{_NUMBER_IN_WORDS}|\d+(?:\s*(?:to|-|–|and)\s*\d+)?|a|an|one)"
    rf"(?:\s+(?:to|and|or)\s+(?:{_NUMBER_IN_WORDS}|\d+))?[\s-]+(?:weeks?|months?|days?|years?|hours?|minutes?"
    rf"|seconds?)\b(?:,?\s+(?:and\s+)?\d+\s+seconds?\b)?"
)
WORD_DURATION = re.compile(rf"\b{_WORD_DURATION}", re.IGNORECASE)  # "eight-week", "1 minute 52 seconds"
# and with its qualifier ("more than 12 months", "about three hours")
QUALIFIED_DURATION = re.compile(rf"\b(?:more than|less than|over|under|up to|at least|about|around|approximately"
                                rf"|nearly|almost)\s+{_WORD_DURATION}", re.IGNORECASE)
# a vote read whole, with its abstentions ("23 for, 14 against, 2 abstentions", "For 14, Against 24,
# Abstentions 1", "carried by 30 votes to 12")
VOTE = re.compile(r"(?:\b\d+\s+(?:votes?\s+)?(?:for|in favour)\b(?:\s+(?:and|,|to)\s*|,\s*|\s*)\d+\s+against\b"
                  r"|\bfor:?\s+\d+,?\s+against:?\s+\d+\b)"
                  r"(?:,?\s*(?:and\s+)?\d+\s+abstentions?\b|,?\s+abstentions?:?\s+\d+\b)?"
                  r"|\b\d+\s+votes?\s+to\s+\d+\b", re.IGNORECASE)
# the words that mark a role in the papers, for the role a question asks about (cues.ROLES_ASKED)


_ENTITY_KINDS = ("person", "text", "sentence", "date", "phrase")


@dataclass(frozen=True)
class Candidate:
    passage: Passage
    rank: int  # of the passage
    sentence: str  # the sentence or row the span is in, verbatim
    span: str  # the answer it would give
    kind: str  # one of TYPES
    start: int  # offset of the span in the sentence
    header: str  # a table row's header lines, else ""
    features: dict


def spans_of(sentence: str, query: Query, expected: str, periods: list | None = None) -> list[tuple[str, str, int]]:
    """(span, kind, offset) of every typed thing in a sentence, and the sentence itself; for a question
    that expects an open answer, its clauses, phrases and names of bodies too (kind "phrase").
    `periods`: the sentence's dates read without a reference date, when already known."""
    periods = find_periods(sentence) if periods is None else periods
    out: list[tuple[str, str, int]] = []
    figures = numbers(sentence, periods=periods)
    for match in figures:
        kind, end = units.figure_kind(sentence, match)
        out.append((sentence[match.start() : end].strip(), kind, match.start()))
    for pattern, kind in ((units.MONEY, "money"), (units.PENCE, "money"), (VOTE, "vote")):
        for match in pattern.finditer(sentence):
            out.append((match.group(0).strip(), kind, match.start()))
    for match in units.FRACTION.finditer(sentence):  # "just over a third"
        out.append((match.group(0), "percent", match.start()))
    in_words = expected in ("count", "duration", "vote") or query.asks_count  # "how many voted against": "seven"
    if in_words:
        for match in NUMBER_WORD.finditer(sentence):
            out.append((match.group(0), "count", match.start()))
    for period in periods:
        position = sentence.find(period.text)
        if position >= 0:
            out.append((period.text, "date", position))
    for pattern, kind in ((SEASON, "date"), (TIME, "time"), (HOUR, "time"), (DURATION, "duration"),
                          (WORD_DURATION, "duration"), (QUALIFIED_DURATION, "duration")):
        for match in pattern.finditer(sentence):
            out.append((match.group(0), kind, match.start()))
    people = [*names(sentence, query), *roles(sentence), *(lower_roles(sentence) if expected == "person" else [])]
    for name in people:
        position = sentence.find(name)
        out.append((name, "person", max(position, 0)))
    if "\t" in sentence:  # a table's words: a RAG status, an owner, a status ("Amber", "Head of Finance")
        offset = 0
        for cell in tables.cells(sentence):
            text = cell.strip()
            if offset and text and text[0].isupper() and len(text.split()) <= 8 and not any(c.isdigit() for c in text):
                out.append((text, "text", sentence.find(text, offset)))
            offset += len(cell) + 1
    out.append((sentence.strip(), "sentence", 0))
    numeric = NUMERIC
    longest: dict[int, int] = {}  # offset -> length of the longest figure there ("£9.6m", not "£9")
    for span, kind, offset in out:
        if kind in numeric:
            longest[offset] = max(longest.get(offset, 0), len(span))
    seen, unique = set(), []
    for span, kind, offset in out:
        if (kind in numeric and len(span) < longest[offset]) or (span, kind) in seen:
            continue
        seen.add((span, kind))
        unique.append((span, kind, offset))
    for span, kind, offset in _figures_read_whole(sentence, figures, in_words):
        if (span, kind) not in seen:
            seen.add((span, kind))
            unique.append((span, kind, offset))
    # open answers: for a question that expects one, and the bodies a "who" can name, from a sentence on its subject
    if expected in ("sentence", "person") and "\t" not in sentence and set(terms(sentence)) & set(query.topic_terms):
        spans = {span for span, _, _ in unique}
        found = phrases(sentence, set(query.terms), bodies_only=expected == "person")
        unique += [(span, "phrase", offset) for span, offset in found if span not in spans]
    return unique


def _figures_read_whole(sentence: str, figures: list[re.Match], in_words: bool) -> list[tuple[str, str, int]]:
    """A range of figures ("20-24%", "4 to 6", "five to nine" when numbers in words are read), beside the
    figures in it (which the longest-figure rule would otherwise drop: "rose from five to nine")."""
    out = []
    if in_words:
        out += [(match.group(0), "count", match.start()) for match in NUMBER_WORD_RANGE.finditer(sentence)]
    starts = {match.start() for match in figures}
    for match in units.RANGE.finditer(sentence):
        last = units.range_last(match.group(0))
        if match.start() in starts and last >= 0 and match.start() + last in starts:
            out.append((match.group(0), units.range_kind(match.group(0)), match.start()))
    return out


def candidates(evidence: Evidence, weights: Weights, similarity: dict[str, float],
               kinds: frozenset[str] | None = None) -> list[Candidate]:
    """Every candidate span of the top passages with its features. `similarity` maps a sentence to
    its cosine similarity with the question (from the embedding model already loaded). `kinds`: only
    candidates of these kinds, their features against each other as if no other were proposed."""
    out: list[Candidate] = []
    for rank, passage in enumerate(evidence.passages):
        out.extend(_passage_candidates(evidence, rank, passage, weights, similarity, kinds))
    add_ages(out)
    add_gaps(out)
    add_support(out)
    add_kind_gaps(out)
    return out


@dataclass(frozen=True)
class _Sentence:
    """One sentence or table row of a passage, read once for all its spans."""

    text: str
    periods: list  # the dates it states
    plain: list  # the dates it states, read without the meeting's date (where spans are sought)
    header: str  # its table's header lines, else ""
    columns: list[str]  # its table's column names
    cells: list[str]  # its cells, when it is a row
    prepared: FigureContext  # the question's words and dates laid over it
    figure: tuple[str, float] | None  # the figure in it that best answers, and how well


def _passage_candidates(evidence: Evidence, rank: int, passage: Passage, weights: Weights,
                        similarity: dict[str, float], kinds: frozenset[str] | None) -> list[Candidate]:
    query, stats = evidence.query, evidence.stats
    chunk, hit = passage.chunk, passage.hit
    text = chunk.text
    header_lines = tables.header_lines(text)
    header = "\n".join(header_lines)
    columns = tables.column_names(header_lines) if header_lines else []
    passage_coverage = stats.coverage(query, "\n".join((passage.meta, chunk.heading, text)))
    held_text = " ".join((passage.meta, chunk.heading, text)).lower()
    names_held = sum(name in held_text for name in query.names) / len(query.names) if query.names else 1.0
    spans = passage.sentence_spans
    reading = passage.reading  # the sentences' dates read at build time, when stored
    reference = reference_date(passage.context_date)
    heading_periods = list(reading.heading_periods) if reading else find_periods(chunk.heading, reference)
    # a paper's title dates what its text does not ("Performance Report: Quarter 1 2022/23")
    title_periods = find_periods(hit.document.title, reference) if hit.document else []
    meeting = period_of_iso(passage.context_date)
    meeting_key = meeting.last if meeting else (0, 0)
    out = []
    for position, (start, end) in enumerate(spans):
        sentence = text[start:end]
        if header and sentence in header:
            continue
        earlier = text[spans[position - 1][0] : spans[position - 1][1]] if position else ""
        context = "\n".join(x for x in (chunk.heading, header) if x)
        periods = list(reading.periods[position]) if reading else find_periods(sentence, reference)
        plain = list(reading.plain[position]) if reading else find_periods(sentence)
        before = list(reading.periods[position - 1]) if reading and position else find_periods(earlier, reference)
        # a sentence is also dated by its heading and the sentence before it ("79. PAY POLICY
        # STATEMENT 2024/25", "In the first quarter ... . Overdue reviews fell by 159.")
        around = [*heading_periods, *before]
        if not periods and not around:
            around = title_periods
        date_value, date_ok = date_fit(query, [*periods, *around], passage.context_date, weights.date_fit)
        exchange = section(text, start, chunk.heading)
        prepared = figure_context(stats, query, sentence, weights.answer, plain)  # once per sentence, for every span
        is_row = "\t" in sentence
        figure = None if is_row else best_figure(stats, query, sentence, context, weights.answer, prepared, plain)
        base = {
            "rank": rank, "inv_rank": 1.0 / (rank + 1), "score": hit.score,
            "lexical_rank": hit.lexical_rank or 100, "dense_rank": hit.dense_rank or 100,
            "similarity": similarity.get(sentence, 0.0),
            "coverage": stats.coverage(query, "\n".join((earlier, sentence, context, passage.meta))),
            "own": stats.coverage(query, earlier + "\n" + sentence, exclude=passage.meta),
            "passage_coverage": passage_coverage, "date_value": date_value, "date_ok": float(date_ok),
            "asked_date": float(query.asks_date), "column_dated": 0.0,
            "sentence_words": len(sentence.split()), "is_row": float(is_row),
            "in_answer": float(exchange == "answer"), "in_question": float(exchange == "question"),
            "sentence_has_question_mark": float("?" in sentence),
            "asks_place": float(query.asks_place), "asks_change": float(query.asks_change),
            "role_asked": float(bool(query.role)), "position": position / max(1, len(spans)),
            "names_held": names_held, "names_asked": float(len(query.names)),
            "asked_day": float(bool(query.days)), "meeting_day_asked": float(passage.context_date in query.days),
            "_as_of": months(max((p.last for p in periods), default=meeting_key)), "_meeting": months(meeting_key),
        }
        read = _Sentence(sentence, periods, plain, header if is_row else "", columns,
                         tables.cells(sentence) if is_row else [], prepared, figure)
        out.extend(_span_candidates(evidence, rank, passage, read, base, weights, kinds))
    return out


def _span_candidates(evidence: Evidence, rank: int, passage: Passage, read: _Sentence, base: dict,
                     weights: Weights, kinds: frozenset[str] | None) -> list[Candidate]:
    """The candidates of one sentence: its spans, each with the sentence's features and its own."""
    query, stats, sentence = evidence.query, evidence.stats, read.text
    tag_entities = query.expected == "person" or query.asks_place  # spaCy runs only for who and where questions
    out = []
    for span, kind, offset in spans_of(sentence, query, query.expected, read.plain):
        if kind == "sentence" and query.expected != "sentence" and not query.asks_place:
            continue  # a typed question is answered by a typed span, not by the whole sentence
        if kinds is not None and kind not in kinds:
            continue
        features = dict(base)
        column_dates = column_periods(read.cells, read.columns, span, passage.context_date) if read.cells else []
        if column_dates:  # a cell's period is its column's ("Quarter 2 22/23"), with its row's
            value, ok = date_fit(query, [*column_dates, *read.periods], passage.context_date, weights.date_fit)
            features.update(date_value=value, date_ok=float(ok), column_dated=1.0)
        features.update(span_features(sentence, span, kind, offset, query, read.figure, read.cells, read.columns,
                                      stats))
        end = offset + len(span)
        closeness = figure_closeness(stats, read.prepared, sentence, offset, end, weights.answer)
        features.update({f"figure_{name}": value for name, value in closeness.items()})
        features.update(window.window_features(sentence, offset, end, read.prepared.asked, stats.idf,
                                               read.prepared.tokens))
        features.update(window.role_direction(sentence, offset, end, query.role, ROLE_MARKERS))
        features.update(entities.entity_features(sentence, offset, end)
                        if tag_entities and kind in _ENTITY_KINDS else entities.UNTAGGED)
        # the figure is a level of the question's measure ("386 children in care", not "24 leave care",
        # "a 30% increase" or "55% of the children are cared for by our local foster carers")
        match = re.compile(re.escape(span)).search(sentence, offset) if kind in NUMERIC and query.topic_terms else None
        features["counts_measure"] = float(bool(match) and is_level(sentence, match, query))
        out.append(Candidate(passage, rank, sentence, span, kind, offset, read.header, features))
    return out


def sentence_similarity(evidence: Evidence, vectors) -> dict[str, float]:
    """Cosine similarity of the question with every sentence of the top passages: from the vectors
    stored when the index was built (handed over with each passage's reading), else encoded now by
    `vectors` with the loaded embedder (normalised rows, remembered: ask/resources.SentenceVectors)."""
    given: dict[str, np.ndarray] = {}
    for passage in evidence.passages:
        reading = passage.reading
        if reading is not None and reading.vectors is not None:
            for i, (a, b) in enumerate(reading.spans):
                given.setdefault(passage.chunk.text[a:b], reading.vectors[i])
    sentences = sorted({passage.chunk.text[a:b] for passage in evidence.passages
                        for a, b in passage.sentence_spans} - set(given))
    if not sentences and not given:
        return {}
    question = evidence.query.text_vector
    if question is None:
        question = vectors.encode([evidence.query.text])[0]
    question = np.asarray(question, dtype=np.float32)
    similarity = dict(zip(sentences, (vectors.encode(sentences) @ question).tolist(), strict=True)) if sentences else {}
    if given:
        similarity.update(zip(given, (np.vstack(list(given.values())) @ question).tolist(), strict=True))
    return similarity


def matrix(found: list[Candidate], names: tuple[str, ...]) -> np.ndarray:
    return np.array([[c.features.get(n, 0.0) for n in names] for c in found], dtype=np.float64)
