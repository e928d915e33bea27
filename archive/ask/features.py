"""Answer candidates and their features, for the learned answer selector (ask/selector.py).

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
from archive.ask import entities, window
from archive.ask.datefit import date_fit
from archive.ask.evidence import Evidence, Passage
from archive.ask.figures import counts_the_measure
from archive.ask.kinds import DURATION, TIME, names, numbers, roles
from archive.ask.spans import best_figure, figure_closeness, figure_context
from archive.ask.understand import units
from archive.ask.understand.cues import NATIONAL
from archive.ask.understand.query import Query
from archive.ask.weights import Weights
from archive.dates import find_periods, period_of_iso, reference_date
from archive.text import prose_sentence_spans, terms

NUMERIC = ("count", "money", "percent", "rate")
TYPES = ("count", "money", "percent", "rate", "vote", "date", "time", "duration", "person", "text", "sentence")

_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
NUMBER_WORD = re.compile(rf"\b{_NUMBER_WORDS}(?:[\s-]+{_NUMBER_WORDS})*(?:\s+(?:to|and|or)\s+{_NUMBER_WORDS})?\b",
                         re.IGNORECASE)
WORD_DURATION = re.compile(
    rf"\b(?:{_NUMBER_WORDS}(?:[\s-]+{_NUMBER_WORDS})*|\d+(?:\s*(?:to|-|–|and)\s*\d+)?|a|an|one)"
    rf"(?:\s+(?:to|and|or)\s+(?:{_NUMBER_WORDS}|\d+))?\s+(?:weeks?|months?|days?|years?|hours?|minutes?)\b",
    re.IGNORECASE,
)
VOTE = re.compile(r"\b\d+\s+(?:votes?\s+)?(?:for|in favour)\b(?:\s+(?:and|,|to)\s*|,\s*|\s*)\d+\s+against\b"
                  r"|\b\d+\s+votes?\s+to\s+\d+\b", re.IGNORECASE)
# the words that mark a role in the papers, for the role a question asks about (cues.ROLES_ASKED)
ROLE_MARKERS = {
    "chair": re.compile(r"\bchair", re.I),
    "mover": re.compile(r"\bmoved\b|\bproposed\b|\bmover\b|\bproposer\b", re.I),
    "seconder": re.compile(r"\bseconded\b|\bseconder\b", re.I),
    "respondent": re.compile(r"\brespon|\breplied|\banswer", re.I),
    "questioner": re.compile(r"\bquestion (?:from|by)\b|\basked\b|\bquestioner\b", re.I),
    "owner": re.compile(r"\bowner\b|\blead\b|\bresponsible\b", re.I),
    "end": re.compile(r"\bended\b|\bclosed\b|\bfinished\b|\bconcluded\b|\brose at\b|\bterminated\b", re.I),
    "start": re.compile(r"\bcommenc|\bstart|\bbegan\b|\bbegin|\bopened\b", re.I),
    "venue": re.compile(r"\bheld (?:at|in)\b|\bvenue\b|\broom\b|\bchamber\b|\blocation\b|\bmeet(?:ing)? at\b", re.I),
    "author": re.compile(r"\bauthor\b|\bcontact\b|\breport by\b", re.I),
}
_QUESTION_MARK = re.compile(r"^\s*(?:\(?\d+\)?\.?\s*)?(?:supplementary\s+)?question\b|^\s*Q\d*[:.]", re.I)
_ANSWER_MARK = re.compile(r"^\s*(?:answer|response|reply|a\d*[:.])|\bresponded\b|\breplied\b", re.I)
_CHANGE_BEFORE = re.compile(r"(?:reduction|increase|rise|fall|drop|decrease|change|up|down|rose|fell|by)\s+(?:of\s+)?$",
                            re.I)


_ENTITY_KINDS = ("person", "text", "sentence", "date")


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


def spans_of(sentence: str, query: Query, expected: str) -> list[tuple[str, str, int]]:
    """(span, kind, offset) of every typed thing in a sentence, and the sentence itself."""
    out: list[tuple[str, str, int]] = []
    for match in numbers(sentence):
        kind, end = units.figure_kind(sentence, match)
        out.append((sentence[match.start() : end].strip(), kind, match.start()))
    for pattern, kind in ((units.MONEY, "money"), (VOTE, "vote")):
        for match in pattern.finditer(sentence):
            out.append((match.group(0).strip(), kind, match.start()))
    if expected in ("count", "duration"):
        for match in NUMBER_WORD.finditer(sentence):
            out.append((match.group(0), "count", match.start()))
    for period in find_periods(sentence):
        position = sentence.find(period.text)
        if position >= 0:
            out.append((period.text, "date", position))
    for pattern, kind in ((TIME, "time"), (DURATION, "duration"), (WORD_DURATION, "duration")):
        for match in pattern.finditer(sentence):
            out.append((match.group(0), kind, match.start()))
    for name in [*names(sentence, query), *roles(sentence)]:
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
    return unique


def _section(text: str, start: int, heading: str = "") -> str:
    """'question' or 'answer': the last question-and-answer marker line before the offset; else,
    for a passage that starts inside an exchange, the marker its heading ends with ("Question 2:
    from X to Y — Answer:"; a question's own heading, "Question 2: from X to Y", is the question)."""
    for line in reversed(text[:start].split("\n")[-12:]):
        if _ANSWER_MARK.search(line):
            return "answer"
        if _QUESTION_MARK.search(line):
            return "question"
    last = heading.rsplit(" — ", 1)[-1]
    if _ANSWER_MARK.search(last):
        return "answer"
    return "question" if _QUESTION_MARK.search(last) else ""


def _near(sentence: str, start: int, pattern: re.Pattern, reach: int = 60) -> float:
    window = sentence[max(0, start - reach) : start + reach]
    return float(bool(pattern.search(window)))


def candidates(evidence: Evidence, weights: Weights, similarity: dict[str, float]) -> list[Candidate]:
    """Every candidate span of the top passages with its features. `similarity` maps a sentence to
    its cosine similarity with the question (from the embedding model already loaded)."""
    query, stats = evidence.query, evidence.stats
    expected, role = query.expected, query.role
    tag_entities = expected == "person" or query.asks_place  # spaCy runs only for who and where questions
    out: list[Candidate] = []
    for rank, passage in enumerate(evidence.passages):
        chunk, hit = passage.chunk, passage.hit
        text = chunk.text
        header_lines = tables.header_lines(text)
        header = "\n".join(header_lines)
        columns = tables.column_names(header_lines) if header_lines else []
        passage_coverage = stats.coverage(query, "\n".join((passage.meta, chunk.heading, text)))
        held_text = " ".join((passage.meta, chunk.heading, text)).lower()
        names_held = sum(name in held_text for name in query.names) / len(query.names) if query.names else 1.0
        spans = prose_sentence_spans(text)
        heading_periods = find_periods(chunk.heading, reference_date(passage.context_date))
        # a paper's title dates what its text does not ("Performance Report: Quarter 1 2022/23")
        title_periods = find_periods(hit.document.title, reference_date(passage.context_date)) \
            if hit.document else []
        for position, (start, end) in enumerate(spans):
            sentence = text[start:end]
            if header and sentence in header:
                continue
            earlier = text[spans[position - 1][0] : spans[position - 1][1]] if position else ""
            context = "\n".join(x for x in (chunk.heading, header) if x)
            periods = find_periods(sentence, reference_date(passage.context_date))
            # a sentence is also dated by its heading and the sentence before it ("79. PAY POLICY
            # STATEMENT 2024/25", "In the first quarter ... . Overdue reviews fell by 159.")
            around = [*heading_periods, *find_periods(earlier, reference_date(passage.context_date))]
            if not periods and not around:
                around = title_periods
            date_value, date_ok = date_fit(query, [*periods, *around], passage.context_date, weights.date_fit)
            own = stats.coverage(query, earlier + "\n" + sentence, exclude=passage.meta)
            coverage = stats.coverage(query, "\n".join((earlier, sentence, context, passage.meta)))
            section = _section(text, start, chunk.heading)
            prepared = figure_context(stats, query, sentence, weights.answer)  # once per sentence, for every span
            figure = None if "\t" in sentence else best_figure(stats, query, sentence, context, weights.answer,
                                                                 prepared)
            is_row = "\t" in sentence
            cells = tables.cells(sentence) if is_row else []
            meeting = period_of_iso(passage.context_date)
            meeting_key = meeting.last if meeting else (0, 0)
            as_of_key = max((p.last for p in periods), default=meeting_key)
            sentence_features = {
                "rank": rank, "inv_rank": 1.0 / (rank + 1), "score": hit.score,
                "lexical_rank": hit.lexical_rank or 100, "dense_rank": hit.dense_rank or 100,
                "similarity": similarity.get(sentence, 0.0), "coverage": coverage, "own": own,
                "passage_coverage": passage_coverage, "date_value": date_value, "date_ok": float(date_ok),
                "asked_date": float(query.asks_date), "column_dated": 0.0,
                "sentence_words": len(sentence.split()), "is_row": float(is_row),
                "in_answer": float(section == "answer"), "in_question": float(section == "question"),
                "sentence_has_question_mark": float("?" in sentence),
                "asks_place": float(query.asks_place), "asks_change": float(query.asks_change),
                "role_asked": float(bool(role)), "position": position / max(1, len(spans)),
                "names_held": names_held, "names_asked": float(len(query.names)),
                "asked_day": float(bool(query.days)), "meeting_day_asked": float(passage.context_date in query.days),
                "_as_of": _months(as_of_key), "_meeting": _months(meeting_key),
            }
            for span, kind, offset in spans_of(sentence, query, expected):
                if kind == "sentence" and expected != "sentence" and not query.asks_place:
                    continue  # a typed question is answered by a typed span, not by the whole sentence
                features = dict(sentence_features)
                column_dates = _column_periods(cells, columns, span, passage.context_date) if is_row else []
                if column_dates:  # a cell's period is its column's ("Quarter 2 22/23"), with its row's
                    value, ok = date_fit(query, [*column_dates, *periods], passage.context_date, weights.date_fit)
                    features.update(date_value=value, date_ok=float(ok), column_dated=1.0)
                features.update(_span_features(sentence, span, kind, offset, query, figure, cells, columns, stats))
                closeness = figure_closeness(stats, prepared, sentence, offset, offset + len(span), weights.answer)
                features.update({f"figure_{name}": value for name, value in closeness.items()})
                end = offset + len(span)
                features.update(window.window_features(sentence, offset, end, prepared.asked, stats.idf,
                                                       prepared.tokens))
                features.update(window.role_direction(sentence, offset, end, role, ROLE_MARKERS))
                features.update(entities.entity_features(sentence, offset, end)
                                if tag_entities and kind in _ENTITY_KINDS else entities.UNTAGGED)
                # the question's measure follows the figure ("386 children in care", not "24 leave care")
                match = re.compile(re.escape(span)).search(sentence, offset) if kind in NUMERIC else None
                features["counts_measure"] = float(bool(match) and bool(query.topic_terms) and counts_the_measure(
                    sentence, match, query.topic_terms, query.measure_terms))
                out.append(Candidate(passage, rank, sentence, span, kind, offset, header if is_row else "",
                                     features))
    _add_ages(out)
    _add_gaps(out)
    _add_support(out)
    _add_kind_gaps(out)
    return out


def answer_key(span: str) -> str:
    """What two candidates must share to give the same answer ("38", "38 ")."""
    return " ".join(span.lower().split())


def _add_support(found: list[Candidate]) -> None:
    """How many of the top passages give the same answer of the same kind."""
    passages: dict[tuple[str, str], set[int]] = {}
    for c in found:
        passages.setdefault((answer_key(c.span), c.kind), set()).add(c.rank)
    for c in found:
        c.features["answer_support"] = float(len(passages[(answer_key(c.span), c.kind)]))


KIND_RELATIVE = ("similarity", "coverage", "own", "figure_clause", "figure_near", "before_overlap",
                 "after_overlap", "label_overlap", "column_score", "date_value")


def _add_kind_gaps(found: list[Candidate]) -> None:
    """Each candidate against the others of its kind: how far behind the best figure (or name, or
    date) on similarity, coverage, closeness to the question's words and date fit, and its place
    among them. The choice is mostly between spans of the type asked for."""
    by_kind: dict[str, list[Candidate]] = {}
    for c in found:
        by_kind.setdefault(c.kind, []).append(c)
    for group in by_kind.values():
        for name in KIND_RELATIVE:
            values = [c.features.get(name, 0.0) for c in group]
            order = sorted(values, reverse=True)
            for c, value in zip(group, values, strict=True):
                c.features[f"kind_gap_{name}"] = order[0] - value
                c.features[f"kind_rank_{name}"] = float(order.index(value))


def _cell_position(cells: list[str], span: str) -> int:
    """Which cell of a table row a span is (or lies in), -1 when none."""
    return next((i for i, c in enumerate(cells) if c.strip() and c.strip() in span), -1)


def _column_periods(cells: list[str], columns: list[str], span: str, context_date: str) -> list:
    """The periods the column a table cell sits in names, [] when it names none."""
    position = _cell_position(cells, span)
    if not 0 < position < len(columns):
        return []
    return find_periods(columns[position], reference_date(context_date))


def _add_gaps(found: list[Candidate]) -> None:
    """How far each candidate falls behind the question's best on similarity and coverage, and its
    passage behind the best passage: relative to the question, these carry across councils."""
    if not found:
        return
    best = {name: max(c.features[name] for c in found) for name in ("similarity", "coverage", "own")}
    by_passage: dict[int, float] = {}
    for c in found:
        by_passage[c.rank] = max(by_passage.get(c.rank, 0.0), c.features["similarity"])
    for c in found:
        for name, top in best.items():
            c.features[f"{name}_gap"] = top - c.features[name]
        c.features["passage_similarity_gap"] = best["similarity"] - by_passage[c.rank]


def _months(key: tuple[int, int]) -> float:
    return float(key[0] * 12 + key[1])


def _add_ages(found: list[Candidate]) -> None:
    """How much older than the newest candidate each one is (months, by the date its sentence gives
    and by its meeting): with no date asked, people want the latest figure."""
    dated = [c.features["_as_of"] for c in found if c.features["_as_of"] > 0]
    meetings = [c.features["_meeting"] for c in found if c.features["_meeting"] > 0]
    newest, newest_meeting = max(dated, default=0.0), max(meetings, default=0.0)
    for c in found:
        as_of, meeting = c.features.pop("_as_of"), c.features.pop("_meeting")
        c.features["age_months"] = min(240.0, newest - as_of) if as_of > 0 else 240.0
        c.features["meeting_age_months"] = min(240.0, newest_meeting - meeting) if meeting > 0 else 240.0


def _span_features(sentence: str, span: str, kind: str, offset: int, query: Query,
                   figure: tuple[str, float] | None, cells: list[str], columns: list[str], stats) -> dict:
    expected, role, question_terms = query.expected, query.role, set(query.terms)
    features = {f"expect_{t}": float(expected == t) for t in TYPES}
    features.update({f"kind_{t}": float(kind == t) for t in TYPES})
    numeric = kind in ("count", "money", "percent", "rate")
    features["type_match"] = float(kind == expected or (expected == "count" and kind == "count"))
    features["numeric_for_numeric"] = float(numeric and expected in ("count", "money", "percent", "rate"))
    features["span_in_question"] = float(span.lstrip("£").rstrip("%") in query.numbers)
    # a name the question already gives is rarely its answer ("who seconded Cllr Tilney's amendment")
    name_terms = terms(" ".join(re.findall(r"[A-Z][a-z'’-]+", span))) if kind == "person" else []
    features["name_in_question"] = sum(t in question_terms for t in name_terms) / len(name_terms) if name_terms else 0.0
    features["span_is_year"] = float(bool(re.fullmatch(r"(?:19|20)\d{2}", span)))
    features["span_words"] = len(span.split())
    features["offset"] = offset / max(1, len(sentence))
    features["figure_pick"] = float(bool(figure) and figure[0] == span)
    features["figure_fit"] = figure[1] if figure and figure[0] == span else 0.0
    column_score, column_index = 0.0, -1
    if cells and columns:
        position = _cell_position(cells, span)
        column_index = position
        if 0 <= position < len(columns):
            column_score = sum(stats.idf(t) for t in set(terms(columns[position])) & question_terms)
            features["column_national"] = float(bool(NATIONAL.search(columns[position])))
    features["column_score"] = column_score
    features["column_index"] = column_index
    features.setdefault("column_national", 0.0)
    features["national_near"] = _near(sentence, offset, NATIONAL, 40)
    features["asks_national"] = float(query.asks_national)
    features["change_before"] = float(bool(_CHANGE_BEFORE.search(sentence[:offset])))
    for name, marker in ROLE_MARKERS.items():
        features[f"role_{name}_near"] = _near(sentence, offset, marker, 50) if role == name else 0.0
    features["role_any_near"] = max((features[f"role_{n}_near"] for n in ROLE_MARKERS), default=0.0)
    after = sentence[offset + len(span) : offset + len(span) + 40].lower()
    features["unit_follows_term"] = float(any(t in terms(after) for t in question_terms))
    return features


def sentence_similarity(evidence: Evidence, vectors) -> dict[str, float]:
    """Cosine similarity of the question with every sentence of the top passages; `vectors` encodes
    sentences with the loaded embedder (normalised rows, remembered: ask/resources.SentenceVectors)."""
    sentences = sorted({passage.chunk.text[a:b] for passage in evidence.passages
                        for a, b in prose_sentence_spans(passage.chunk.text)})
    if not sentences:
        return {}
    question = evidence.query.text_vector
    if question is None:
        question = vectors.encode([evidence.query.text])[0]
    return dict(zip(sentences, (vectors.encode(sentences) @ question).tolist(), strict=True))


def matrix(found: list[Candidate], names: tuple[str, ...]) -> np.ndarray:
    return np.array([[float(c.features.get(n, 0.0)) for n in names] for c in found], dtype=np.float64)
