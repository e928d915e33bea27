"""Misses by class: why each question of an eval set was not answered right, decided mechanically
from its eval record (the question, its accepted answers and evidence, the answer given with its
quote and passages, the rank of the first passage holding the evidence, and the candidate spans of
the passages found), never by hand.

One class per miss, the first that applies in the order of CLASSES, which follows the answer path:
a refusal, then retrieval (the evidence not found), then the candidates (no span of the passages
found is the answer), then the choice (abstaining when the answer was there, the wrong kind, the
wrong value of the right sentence, another passage). An unanswerable question answered is a miss too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from archive.ask.select.candidates import spans_of
from archive.ask.understand.query import Query, parse_query
from archive.dates import find_periods
from archive.evaluate.metrics import answer_matches, contains_tokens, holds_evidence
from archive.records import Answer, Hit

REFUSAL = "The archive holds no papers of"  # how ask/pipeline.refusal begins

# (key, what it means), in the order a miss is tested against them
CLASSES: tuple[tuple[str, str], ...] = (
    ("refused", "refused: 'holds no papers of' a council the question names"),
    ("right_value_wrong_passage", "the right value, but no passage cited holds the evidence"),
    ("retrieval", "the evidence is not in the passages found"),
    ("open_no_candidate", "an open answer (not a figure, date, time, duration or name) with no candidate span"),
    ("typed_no_candidate", "a figure, date, time, duration or name with no candidate span"),
    ("false_abstention", "abstained with the answer among the passages found"),
    ("wrong_kind", "the wrong kind of answer (a period for a day, a time for a name, a sentence for a figure)"),
    ("right_sentence_wrong_value", "the right sentence, the wrong value"),
    ("wrong_sentence", "a wrong value from another sentence of the passage that holds the evidence"),
    ("wrong_passage", "a wrong value from a passage that does not hold the evidence"),
    ("answered_unanswerable", "an unanswerable question answered"),
)
KEYS = tuple(key for key, _ in CLASSES)
_FIGURES = {"count": "figure", "rate": "figure", "percent": "figure", "vote": "figure"}


@dataclass(frozen=True)
class Record:
    """What one question of an eval set left behind."""

    question: str
    accepted: tuple[str, ...]  # empty for an unanswerable question
    evidence: tuple[str, ...]
    answer: Answer
    rank: int | None = None  # 1-based rank of the first passage found holding the evidence
    spans: tuple[tuple[str, str, int], ...] | None = None  # (span, kind, 0-based passage rank); None: not read
    council_held: bool | None = None  # whether the archive holds papers of the council the question is about


@dataclass(frozen=True)
class Miss:
    kind: str  # one of KEYS
    rank: int | None  # the evidence's passage rank, when found
    likely_right: bool = False  # an abstention whose likely answer (Answer.likely) was right


def right(record: Record) -> bool:
    """As archive eval scores it: an answerable question's answer holds an accepted answer and one of
    its first five passages holds the evidence; an unanswerable question gets no answer."""
    answer = record.answer
    if not record.accepted:
        return answer.text is None
    return answer_matches(answer.text, list(record.accepted)) and any(
        holds_evidence(h, list(record.evidence)) for h in answer.citations[:5])


def _typed(text: str, query: Query) -> list[tuple[str, str]]:
    """(span, kind) of every figure, date, time, duration or name in a text, by the candidates' own typing."""
    return [(span, kind) for span, kind, _ in spans_of(text.strip(), query, query.expected)
            if kind not in ("sentence", "phrase")]  # a phrase (select/phrases.py) is open text, not typed


def group(span: str, kind: str) -> str:
    """The kinds compared for 'the wrong kind': figure (a count, percentage, rate or vote), money,
    date (a day or a month), period (a quarter, a year), time, duration, person, text."""
    if kind == "date":
        periods = find_periods(span)
        return "period" if periods and max(p.months for p in periods) > 1 else "date"
    return _FIGURES.get(kind, "text" if kind == "sentence" else kind)


def shape(text: str, query: Query) -> str:
    """The kind of thing a whole text is: the group of its longest typed span when that covers most
    of it, else text (a phrase or a sentence)."""
    typed = _typed(text, query)
    if not typed:
        return "text"
    span, kind = max(typed, key=lambda s: len(s[0]))
    return group(span, kind) if len(span) >= 0.6 * len(text.strip(" .")) else "text"


def open_answer(accepted: tuple[str, ...], query: Query) -> bool:
    """No accepted form is a figure, date, time, duration or name (by `shape`): "Committee Room B",
    "carried", "For 41, Against 22, Abstentions 3", "before the Easter holidays"."""
    return all(shape(a, query) == "text" for a in accepted)


def given_kinds(record: Record, query: Query) -> set[str]:
    """The kinds of the answer given: of the candidate spans it was (when read), else its shape."""
    text = (record.answer.text or "").strip()
    found = {group(span, kind) for span, kind, _ in record.spans or () if span.strip() == text}
    return found or {shape(text, query)}


def wanted_kinds(record: Record, query: Query) -> set[str]:
    """The kinds of the accepted answers, by their shapes and any candidate span that is one; text when none."""
    accepted = list(record.accepted)
    found = {shape(a, query) for a in accepted} | {
        group(span, kind) for span, kind, _ in record.spans or ()
        if kind != "sentence" and answer_matches(span, accepted)}
    return (found - {"text"}) or {"text"}


def evidence_rank(record: Record) -> int | None:
    """The rank given, else the first of the answer's passages that holds the evidence (1-based)."""
    if record.rank:
        return record.rank
    evidence = list(record.evidence)
    return next((i + 1 for i, hit in enumerate(record.answer.citations) if holds_evidence(hit, evidence)), None)


def has_candidate(record: Record) -> bool | None:
    """Whether a candidate span narrower than a whole sentence holds an accepted answer; None when
    the candidates were not read."""
    if record.spans is None:
        return None
    return any(kind != "sentence" and answer_matches(span, list(record.accepted)) for span, kind, _ in record.spans)


def right_sentence(record: Record) -> bool:
    """The quoted sentence holds an accepted answer or the evidence."""
    quote = record.answer.quote
    return any(contains_tokens(quote, a) for a in record.accepted) or any(
        contains_tokens(quote, e) or contains_tokens(e, quote) for e in record.evidence if quote.strip())


def classify(record: Record) -> Miss | None:
    """The class of a miss; None when the question was answered right."""
    if right(record):
        return None
    answer = record.answer
    if not record.accepted:
        return Miss("answered_unanswerable", None)
    if answer.text is None and answer.note.startswith(REFUSAL):
        return Miss("refused", None)
    accepted = list(record.accepted)
    if answer.text is not None and answer_matches(answer.text, accepted):
        return Miss("right_value_wrong_passage", evidence_rank(record))
    rank = evidence_rank(record)
    if rank is None:
        return Miss("retrieval", None)
    query = parse_query(record.question)
    if has_candidate(record) is False:
        return Miss("open_no_candidate" if open_answer(record.accepted, query) else "typed_no_candidate", rank)
    if answer.text is None:
        return Miss("false_abstention", rank, bool(answer.likely) and answer_matches(answer.likely, accepted))
    if not given_kinds(record, query) & wanted_kinds(record, query):
        return Miss("wrong_kind", rank)
    if right_sentence(record):
        return Miss("right_sentence_wrong_value", rank)
    cited = record.answer.citations[:1]
    if cited and holds_evidence(cited[0], list(record.evidence)):
        return Miss("wrong_sentence", rank)
    return Miss("wrong_passage", rank)


def heldout_record(example, row: dict, held: bool | None = None) -> Record:
    """The record of a question answered in cross-validation (evaluate/train.py: an Example and its
    held-out row), laid out as the answer path would give it: the chosen span's passage first, its
    sentence quoted, the span as the answer (or, below the threshold, as the likely answer). `held`:
    whether the archive holds the question's council's papers."""
    item, found = example.item, example.candidates
    question = item["question"]
    passages: dict[int, Hit] = {}
    for candidate in sorted(found, key=lambda c: c.rank):
        passages.setdefault(candidate.rank, candidate.passage.hit)
    hits = tuple(passages.values())
    chosen = found[row["chosen"]] if row.get("chosen", -1) >= 0 else None
    if example.refused:
        answer = Answer(question, None, "", (), f"{REFUSAL} a council the question names.")
    elif chosen is None:
        answer = Answer(question, None, "", hits)
    else:
        first = chosen.passage.hit
        ordered = (first, *(h for h in hits if h.chunk.chunk_id != first.chunk.chunk_id))
        quote = f"{chosen.header}\n{chosen.sentence}" if chosen.header else chosen.sentence.strip()
        answered = bool(row.get("answered"))
        answer = Answer(question, chosen.span if answered else None, quote, ordered,
                        likely="" if answered else chosen.span)
    evidence = list(item.get("evidence") or [])
    rank = next((i + 1 for i, hit in enumerate(hits) if holds_evidence(hit, evidence)), None)
    return Record(question, tuple(item.get("answers") or []), tuple(evidence), answer, rank,
                  tuple((c.span, c.kind, c.rank) for c in found), held)


@dataclass
class Tally:
    """The misses of one set by class, with the counts they are misses of."""

    questions: int = 0
    answerable: int = 0
    right: int = 0  # answerable questions answered right
    wrong: int = 0  # answerable questions answered wrong
    abstained: int = 0  # answerable questions not answered (refusals included)
    declined: int = 0  # unanswerable questions not answered
    classes: Counter = field(default_factory=Counter)
    abstention_ranks: Counter = field(default_factory=Counter)  # false abstentions by evidence rank (3: 3+)
    likely_right: int = 0  # false abstentions whose marked likely answer was right
    unheld_answered: int = 0  # unanswerable questions answered that are about a council the archive does not hold

    def summary(self) -> dict:
        return {"questions": self.questions, "answerable": self.answerable, "right": self.right,
                "wrong": self.wrong, "abstained": self.abstained, "unanswerable": self.questions - self.answerable,
                "declined": self.declined, "misses": sum(self.classes.values()),
                "classes": {key: self.classes.get(key, 0) for key in KEYS},
                "false_abstention_ranks": {str(r): n for r, n in sorted(self.abstention_ranks.items())},
                "false_abstention_likely_right": self.likely_right,
                "answered_unanswerable_council_not_held": self.unheld_answered}


def count(records: list[Record]) -> Tally:
    """Every record's class, counted."""
    tally = Tally()
    for record in records:
        tally.questions += 1
        miss = classify(record)
        answered = record.answer.text is not None
        if record.accepted:
            tally.answerable += 1
            tally.right += miss is None
            tally.wrong += miss is not None and answered
            tally.abstained += not answered
        else:
            tally.declined += not answered
        if miss is None:
            continue
        tally.classes[miss.kind] += 1
        if miss.kind == "false_abstention":
            tally.abstention_ranks[min(miss.rank or 0, 3)] += 1
            tally.likely_right += miss.likely_right
        tally.unheld_answered += miss.kind == "answered_unanswerable" and record.council_held is False
    return tally


def table(tallies: dict[str, Tally]) -> str:
    """One column per set, one row per class: plain text, with the counts the misses are of."""
    names = list(tallies)
    rows = [("questions", [t.questions for t in tallies.values()]),
            ("answerable", [t.answerable for t in tallies.values()]),
            ("right", [t.right for t in tallies.values()]),
            ("answered wrong", [t.wrong for t in tallies.values()]),
            ("not answered", [t.abstained for t in tallies.values()]),
            ("unanswerable declined", [f"{t.declined}/{t.questions - t.answerable}" for t in tallies.values()]),
            ("misses", [sum(t.classes.values()) for t in tallies.values()])]
    rows += [(key, [t.classes.get(key, 0) for t in tallies.values()]) for key in KEYS]
    rows += [("false abstention at rank 1/2/3+", [
        "/".join(str(t.abstention_ranks.get(r, 0)) for r in (1, 2, 3)) for t in tallies.values()]),
        ("  its likely answer right", [t.likely_right for t in tallies.values()]),
        ("answered unanswerable, council not held", [t.unheld_answered for t in tallies.values()])]
    width = max(len(label) for label, _ in rows)
    cells = [max(len(name), *(len(str(values[i])) for _, values in rows)) for i, name in enumerate(names)]
    lines = [" ".join([" " * width, *(name.rjust(w) for name, w in zip(names, cells, strict=True))])]
    lines += [" ".join([label.ljust(width), *(str(v).rjust(w) for v, w in zip(values, cells, strict=True))])
              for label, values in rows]
    return "\n".join(lines)
