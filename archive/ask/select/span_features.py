"""Features of one candidate span in its sentence: the answer type asked against the span's kind,
its table column, the role words and comparators near it, whether it sits in a question or an
answer of question-and-answer minutes."""

from __future__ import annotations

import re

from archive.ask.understand.cues import NATIONAL
from archive.ask.understand.query import Query
from archive.dates import find_periods, reference_date
from archive.text import terms

TYPES = ("count", "money", "percent", "rate", "vote", "date", "time", "duration", "person", "text", "sentence")
# the kinds of candidate: the types a question can expect, and an open answer's phrase (ask/select/phrases.py)
KINDS = (*TYPES, "phrase")
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


def section(text: str, start: int, heading: str = "") -> str:
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


def near(sentence: str, start: int, pattern: re.Pattern, reach: int = 60) -> float:
    window = sentence[max(0, start - reach) : start + reach]
    return float(bool(pattern.search(window)))


def cell_position(cells: list[str], span: str) -> int:
    """Which cell of a table row a span is (or lies in), -1 when none."""
    return next((i for i, c in enumerate(cells) if c.strip() and c.strip() in span), -1)


def column_periods(cells: list[str], columns: list[str], span: str, context_date: str) -> list:
    """The periods the column a table cell sits in names, [] when it names none."""
    position = cell_position(cells, span)
    if not 0 < position < len(columns):
        return []
    return find_periods(columns[position], reference_date(context_date))


def span_features(sentence: str, span: str, kind: str, offset: int, query: Query,
                   figure: tuple[str, float] | None, cells: list[str], columns: list[str], stats) -> dict:
    expected, role, question_terms = query.expected, query.role, set(query.terms)
    features = {f"expect_{t}": float(expected == t) for t in TYPES}
    features.update({f"kind_{t}": float(kind == t) for t in KINDS})
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
        position = cell_position(cells, span)
        column_index = position
        if 0 <= position < len(columns):
            column_score = sum(stats.idf(t) for t in set(terms(columns[position])) & question_terms)
            features["column_national"] = float(bool(NATIONAL.search(columns[position])))
    features["column_score"] = column_score
    features["column_index"] = column_index
    features.setdefault("column_national", 0.0)
    features["national_near"] = near(sentence, offset, NATIONAL, 40)
    features["asks_national"] = float(query.asks_national)
    features["change_before"] = float(bool(_CHANGE_BEFORE.search(sentence[:offset])))
    for name, marker in ROLE_MARKERS.items():
        features[f"role_{name}_near"] = near(sentence, offset, marker, 50) if role == name else 0.0
    features["role_any_near"] = max((features[f"role_{n}_near"] for n in ROLE_MARKERS), default=0.0)
    after = sentence[offset + len(span) : offset + len(span) + 40].lower()
    features["unit_follows_term"] = float(any(t in terms(after) for t in question_terms))
    return features
