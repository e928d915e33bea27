"""Question -> Query: terms, acronym expansions, dates (targets and bounds) and intent."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from archive.dates import Period, find_periods
from archive.glossary import Glossary
from archive.text import STOPWORDS, stem, terms, words

# Words that ask for a kind of answer rather than name the subject.
QUESTION_WORDS = frozenset(
    "what which who whom when where why how many much figure number total amount value level did does "
    "was were is are".split()
)
QUESTION_STEMS = frozenset(terms(" ".join(QUESTION_WORDS)) + list(QUESTION_WORDS))
_BOUND = re.compile(r"\b(before|after|since|until|prior to|following|by)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class Query:
    text: str
    intent: str  # figure | date | time | person | duration | fact
    terms: tuple[str, ...]  # stemmed content terms of the question
    topic_terms: tuple[str, ...]  # content terms that name the subject (no dates, no question words)
    expansions: tuple[str, ...] = ()  # acronym long forms / short forms to add to the search
    periods: tuple[Period, ...] = ()  # dates the answer must be about
    after: Period | None = None  # "after the 2022 inspection": answer dated no earlier
    before: Period | None = None  # "before the June 2021 report": answer dated no later
    filters: dict = field(default_factory=dict)
    bodies: tuple[str, ...] = ()  # named committees and boards ("planning committee") the answer must concern
    aliases: dict = field(default_factory=dict)  # term -> stems that also satisfy it (acronym <-> long form)

    @property
    def search_text(self) -> str:
        return " ".join([self.text, *self.expansions])


def intent_of(question: str) -> str:
    q = question.lower().strip()
    if re.match(r"^(what|which)\s+time\b", q) or " what time " in f" {q} ":
        return "time"
    if re.match(r"^how (long|often)\b", q):
        return "duration"
    if re.match(r"^(when|what date|what year|in what year|which year|which month)\b", q):
        return "date"
    if re.match(r"^(who|whom|which (person|officer|councillor|member))\b", q):
        return "person"
    if re.match(r"^(which|what)\s+(local authority|council|authority|team|committee|organisation|body|"
                r"service|school|ward|area|postcode|software|tool|scheme)\b", q):
        return "fact"
    if re.match(r"^how (many|much)\b", q) or re.search(
        r"\b(figure|number of|how many|how much|percentage|proportion|rate|cost|spend|total|average|amount)\b", q
    ):
        return "figure"
    return "fact"


def parse_query(question: str, glossary: Glossary | None = None, filters: dict | None = None) -> Query:
    glossary = glossary or Glossary()
    periods: list[Period] = []
    after = before = None
    for period in find_periods(question):
        position = question.find(period.text)
        prefix = question[:position] if position >= 0 else ""
        bound = _BOUND.search(prefix)
        if bound:
            if bound.group(1).lower() in ("before", "until", "prior to", "by"):
                before = period
            else:
                after = period
        else:
            periods.append(period)
    date_words = {w for p in find_periods(question) for w in words(p.text)}
    content = terms(question)
    intent = intent_of(question)
    asked_for = {"time"} if intent == "time" else {"date", "year", "month"} if intent == "date" else set()
    topic = [
        t for t in terms(" ".join(w for w in words(question) if w not in date_words and w not in asked_for))
        if t not in QUESTION_STEMS
    ]
    expansions = tuple(glossary.expansions_in(question))
    aliases: dict[str, frozenset[str]] = {}
    lowered = question.lower()
    for acronym, long_forms in glossary.entries.items():
        short = stem(acronym.lower())
        long_terms = frozenset(t for form in long_forms for t in terms(form))
        if re.search(rf"\b{re.escape(acronym)}\b", question, re.I):
            aliases[short] = long_terms
        for form in long_forms:
            if form.lower() in lowered:
                for term in terms(form):
                    aliases[term] = aliases.get(term, frozenset()) | {short}
    return Query(
        text=question.strip(),
        intent=intent,
        terms=tuple(content),
        topic_terms=tuple(dict.fromkeys(topic)),
        expansions=expansions,
        periods=tuple(periods),
        after=after,
        before=before,
        filters=dict(filters or {}),
        bodies=tuple(named_bodies(question)),
        aliases=aliases,
    )


_BODY = re.compile(r"\b([A-Za-z][\w'-]+)\s+(committee|board|panel|sub-committee)\b", re.I)
_NOT_A_NAME = {"the", "this", "that", "a", "each", "every", "which", "what", "its", "their", "whole", "full"}


def named_bodies(question: str) -> list[str]:
    """"planning committee", "Scrutiny Management Board": the word that names a body, with it."""
    return [
        f"{m.group(1)} {m.group(2)}".lower()
        for m in _BODY.finditer(question)
        if m.group(1).lower() not in _NOT_A_NAME
    ]


def fts_query(query: Query, frequent: Callable[[str], bool] | None = None) -> str:
    """An FTS5 MATCH expression: any of the question's content words (FTS5 stems them itself).
    When some words are `frequent`, a passage must also hold one of the others: FTS5 computes
    bm25() for every row that matches, and a word in a tenth of a million chunks would make it
    score tens of thousands of passages that hold nothing else of the question. The frequent
    words still count in the ranking of the passages that qualify."""
    tokens = [w for w in words(query.search_text) if w not in STOPWORDS and w not in QUESTION_WORDS]
    tokens = [re.sub(r"[^\w]", " ", w).strip() for w in tokens]
    unique = list(dict.fromkeys(t for t in tokens if t))
    quoted = [f'"{t}"' for t in unique]
    rare = [f'"{t}"' for t in unique if not (frequent and frequent(t))]
    if rare and len(rare) < len(quoted):
        return f"({' OR '.join(rare)}) AND ({' OR '.join(quoted)})"
    return " OR ".join(quoted)
