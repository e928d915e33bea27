"""Question -> Query: terms, acronym expansions, dates (targets and bounds), the answer type and
cues it asks for, its names, days and numbers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from archive.ask.understand import cues
from archive.dates import Period, days_named, find_periods
from archive.glossary import Glossary
from archive.text import STOPWORDS, stem, terms, words

# Words that ask for a kind of answer rather than name the subject.
QUESTION_WORDS = frozenset(
    "what which who whom when where why how many much figure number total amount value level did does "
    "was were is are".split()
)
QUESTION_STEMS = frozenset(terms(" ".join(QUESTION_WORDS)) + list(QUESTION_WORDS))


@dataclass(frozen=True)
class Query:
    """Everything known about a question, computed once (here and in ask/pipeline.understand);
    nothing downstream reads `text` with patterns of its own."""

    text: str
    intent: str  # figure | date | time | person | duration | fact (what reranking looks for)
    terms: tuple[str, ...]  # stemmed content terms of the question
    topic_terms: tuple[str, ...]  # content terms that name the subject (no dates, no question words)
    expansions: tuple[str, ...] = ()  # acronym long forms / short forms to add to the search
    periods: tuple[Period, ...] = ()  # dates the answer must be about
    after: Period | None = None  # "after the 2022 inspection": answer dated no earlier
    before: Period | None = None  # "before the June 2021 report": answer dated no later
    filters: dict = field(default_factory=dict)
    bodies: tuple[str, ...] = ()  # named committees and boards ("planning committee") the answer must concern
    aliases: dict = field(default_factory=dict)  # term -> stems that also satisfy it (acronym <-> long form)
    expected: str = "sentence"  # the answer type asked for (ask/understand/cues.expected_type)
    role: str = ""  # the role asked about: chair, mover, seconder, ... ("" for none)
    asks_decision: bool = False  # what became of a recommendation (ask/decided.py answers from the decisions)
    asks_place: bool = False  # where, which venue
    asks_change: bool = False  # by how much, an increase
    asks_national: bool = False  # England, statistical neighbours
    wants_count: bool = False  # a count, not a rate or share
    how_many: bool = False  # begins "how many" (a table's count column)
    asks_count: bool = False  # "how many" or "the number of" anywhere (counts in words are candidates)
    numbers: frozenset[str] = frozenset()  # figures the question itself gives
    names: frozenset[str] = frozenset()  # its names (lowercase), not its first word or a month
    days: frozenset[str] = frozenset()  # ISO days it names ("the meeting on 23/01/2024")
    words: frozenset[str] = frozenset()  # its lowercase words
    measure_terms: frozenset[str] = frozenset()  # topic terms and their acronym aliases
    # the measure's ways of being written, in order: its topic terms, and with an acronym or long form
    # swapped for the glossary's other forms ("children in care": ("child", "care"), ("look", "child"), ...)
    measure_forms: tuple[tuple[str, ...], ...] = ()
    councils: tuple[str, ...] = ()  # the archive's councils it names (ask/pipeline.understand)
    other_councils: tuple[str, ...] = ()  # councils not held it asks about, named in full or by short name
    areas: tuple[str, ...] = ()  # council areas not the archive's that it asks about (own or quoted)
    quoted: tuple[str, ...] = ()  # of those, the ones it says another council quotes ("a statistical neighbour")
    passing: tuple[str, ...] = ()  # councils and areas named only in passing ("the partnership with Kent")
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)  # of search_text
    text_vector: np.ndarray | None = field(default=None, compare=False, repr=False)  # of text

    @property
    def search_text(self) -> str:
        return " ".join([self.text, *self.expansions])

    @property
    def asks_date(self) -> bool:
        return bool(self.periods or self.after or self.before)


def parse_query(question: str, glossary: Glossary | None = None, filters: dict | None = None) -> Query:
    glossary = glossary or Glossary()
    periods: list[Period] = []
    after = before = None
    found = find_periods(question)
    for period in found:
        position = question.find(period.text)
        prefix = question[:position] if position >= 0 else ""
        bound = cues.BOUND.search(prefix)
        if bound:
            if bound.group(1).lower() in ("before", "until", "prior to", "by"):
                before = period
            else:
                after = period
        else:
            periods.append(period)
    date_words = {w for p in found for w in words(p.text)}
    content = terms(question)
    intent = cues.intent_of(question)
    asked_for = {"time"} if intent == "time" else {"date", "year", "month"} if intent == "date" else set()
    topic = [
        t for t in terms(" ".join(w for w in words(question) if w not in date_words and w not in asked_for))
        if t not in QUESTION_STEMS
    ]
    aliases = _aliases(question, glossary)
    topic_terms = tuple(dict.fromkeys(topic))
    return Query(
        text=question.strip(),
        intent=intent,
        terms=tuple(content),
        topic_terms=topic_terms,
        expansions=tuple(glossary.expansions_in(question)),
        periods=tuple(periods),
        after=after,
        before=before,
        filters=dict(filters or {}),
        bodies=tuple(cues.named_bodies(question)),
        aliases=aliases,
        expected=cues.expected_type(question),
        role=cues.asked_role(question),
        asks_decision=cues.asks_decision(question),
        asks_place=cues.asks_place(question),
        asks_change=cues.asks_change(question),
        asks_national=cues.asks_national(question),
        wants_count=cues.wants_count(question),
        how_many=question.strip().lower().startswith("how many"),
        asks_count=cues.asks_count(question),
        numbers=cues.asked_numbers(question),
        names=cues.proper_nouns(question),
        days=frozenset(days_named(question)),
        words=frozenset(w.lower() for w in words(question)),
        measure_terms=frozenset(topic_terms) | {t for alias in aliases.values() for t in alias},
        measure_forms=measure_forms(question, topic_terms, glossary),
    )


def measure_forms(question: str, topic: tuple[str, ...], glossary: Glossary) -> tuple[tuple[str, ...], ...]:
    """The ways a question's measure is written: its topic terms in order, and the same with an
    acronym it uses replaced by each long form, or a long form it uses replaced by the acronym and
    by the acronym's other long forms (the glossary's synonyms: "looked after children")."""
    forms = [topic]
    lowered = question.lower()
    for acronym, long_forms in glossary.entries.items():
        short = (stem(acronym.lower()),)
        variants = [tuple(terms(form)) for form in long_forms]
        if re.search(rf"\b{re.escape(acronym)}\b", question, re.I):
            forms.extend(_swap(topic, short, variant) for variant in variants)
        for form, used in zip(long_forms, variants, strict=True):
            if used and form.lower() in lowered:
                forms.extend(_swap(topic, used, other) for other in [short, *variants] if other != used)
    return tuple(dict.fromkeys(f for f in forms if f))


def _swap(topic: tuple[str, ...], old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    """`topic` with the run `old` replaced by `new` (unchanged when `old` is not a run of it)."""
    for i in range(len(topic) - len(old) + 1):
        if topic[i : i + len(old)] == old:
            return topic[:i] + new + topic[i + len(old):]
    return topic


def _aliases(question: str, glossary: Glossary) -> dict[str, frozenset[str]]:
    """term -> stems that also satisfy it: an acronym's long form, a long form's acronym."""
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
    return aliases


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
