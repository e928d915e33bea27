"""Evidence -> Answer: the sentence (or table row) that best supports an answer, the span in it
that answers (a figure, date, time, name), and the citations. When no sentence covers the
question's subject, or none is about the date asked, the answer is None and the note says what
the archive does hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from archive import tables
from archive.ask.datefit import date_fit
from archive.ask.evidence import Evidence, Passage
from archive.ask.kinds import type_fit
from archive.ask.spans import best_figure, extract_span
from archive.ask.weights import Weights
from archive.dates import find_periods, human_date, period_of_iso, reference_date
from archive.records import Answer
from archive.text import sentence_spans

_LEADING_BULLET = re.compile(r"^(?:[-•·▪]|o(?=\s))\s*")
EVENT_INTENTS = ("time", "date")  # answer only for the event the sentence itself names


@dataclass(frozen=True)
class Candidate:
    passage: Passage
    rank: int
    text: str  # the sentence or row, verbatim
    context: str  # heading and table header the sentence sits under
    score: float
    date_ok: bool
    coverage: float
    header: str = ""  # for a table row: the table's header lines
    own: float = 0.0  # coverage of the sentence itself (terms its titles do not already hold)
    figure_fit: float = 0.0  # for figure questions: how well its best figure fits
    figure: str = ""  # ... and that figure
    dated: bool = False  # the question names a date and this passage matches it
    typed: bool = False  # the sentence holds the kind of thing asked for (a number, a time, ...)


def candidates(evidence: Evidence, weights: Weights) -> list[Candidate]:
    query, stats, w = evidence.query, evidence.stats, weights.answer
    own_weight = w.own_for_event if query.intent in EVENT_INTENTS else w.own
    out = []
    for rank, passage in enumerate(evidence.passages[: w.passages]):
        chunk, hit = passage.chunk, passage.hit
        text = chunk.text
        header = "\n".join(tables.header_lines(text))
        chunk_coverage = stats.coverage(query, "\n".join((passage.meta, chunk.heading, text)))
        agreed = (hit.lexical_rank or 99) <= w.agreed_rank and (hit.dense_rank or 99) <= w.agreed_rank
        context = "\n".join(x for x in (chunk.heading, header) if x)
        spans = sentence_spans(text)
        for position, (start, end) in enumerate(spans):
            sentence = text[start:end]
            if header and sentence in header:
                continue
            # the sentence before on the same line often names what "this was 38" refers to
            earlier = ""
            if position and "\n" not in text[spans[position - 1][0] : start]:
                earlier = text[spans[position - 1][0] : spans[position - 1][1]]
            sentence_periods = find_periods(sentence, reference_date(passage.context_date))
            date_value, date_ok = date_fit(query, sentence_periods, passage.context_date, weights.date_fit)
            own = stats.coverage(query, earlier + "\n" + sentence, exclude=passage.meta)
            coverage = stats.coverage(query, "\n".join((earlier, sentence, context, passage.meta)))
            blended = w.sentence_share * coverage + (1 - w.sentence_share) * chunk_coverage
            fit = type_fit(query, sentence, weights.type_fit)
            score = blended + own_weight * own + w.date * date_value + fit + w.rank / (rank + 1)
            if agreed:
                # both retrievers put this passage near the top: trust it past paraphrase
                blended = max(blended, w.min_coverage * (0.5 + 0.5 * own))
            out.append(Candidate(passage, rank, sentence, context, score, date_ok, blended, own=own,
                                 header=header if "\t" in sentence else "",
                                 dated=bool(query.periods) and date_value >= w.dated, typed=fit > 0))
    return out


def _names_the_body(evidence: Evidence, candidate: Candidate) -> bool:
    """A question about a named committee or board is answered only from passages about it."""
    bodies = evidence.query.bodies
    if not bodies:
        return True
    text = " ".join(" ".join([candidate.passage.meta, candidate.passage.chunk.text]).lower().split())
    return all(body in text for body in bodies)


def _usable(evidence: Evidence, candidate: Candidate, weights: Weights) -> bool:
    w = weights.answer
    return candidate.date_ok and _names_the_body(evidence, candidate) and (
        candidate.coverage >= w.min_coverage
        or (candidate.coverage >= w.dated_min_coverage and candidate.dated and candidate.typed))


def _held_dates(found: list[Candidate], weights: Weights) -> str:
    """What the archive holds on the subject, for an abstention: the dates of covering sentences."""
    seen: list[str] = []
    for candidate in found:
        if candidate.coverage < weights.answer.min_coverage:
            continue
        for period in find_periods(candidate.text):
            if period.text not in seen:
                seen.append(period.text)
    return ", ".join(seen[:6])


def _abstain(evidence: Evidence, found: list[Candidate], weights: Weights) -> Answer:
    held = _held_dates(found, weights)
    asked = ", ".join(p.text for p in evidence.query.periods)
    if held and asked:
        note = f"The archive has no passage on this for {asked}. Passages on the subject are dated: {held}."
    elif held:
        note = f"No passage answers this directly; related passages mention: {held}."
    else:
        note = "The archive holds no passage that answers this question."
    return Answer(evidence.query.text, None, "", evidence.hits, note)


def answer_question(evidence: Evidence, weights: Weights) -> Answer:
    query = evidence.query
    found = candidates(evidence, weights)
    usable = [c for c in found if _usable(evidence, c, weights)]
    if not usable:
        return _abstain(evidence, found, weights)
    if query.intent == "figure":
        usable = [_with_figure_fit(evidence, c, weights) for c in usable]
    usable.sort(key=lambda c: -c.score)
    if query.intent == "figure" and not (query.periods or query.after or query.before):
        _put_latest_first(usable, weights)
    for candidate in usable:
        # a figure question's candidates carry their figure already (_with_figure_fit)
        span = candidate.figure if query.intent == "figure" else extract_span(query, candidate.text)
        if span:
            break
    else:
        candidate, span = usable[0], usable[0].text.strip()
    return _answer(evidence, candidate, span)


def _put_latest_first(usable: list[Candidate], weights: Weights) -> None:
    """No date asked: of the sentences that answer about as well as the best (as well covered, a
    figure that fits as well, nearly as good overall), the latest figure goes first."""
    w = weights.answer
    best = usable[0]
    close = [c for c in usable if c.score >= best.score - w.recency_margin and c.own >= best.own
             and c.figure_fit >= w.recency_figure_share * best.figure_fit]
    latest = max(close, key=lambda c: _as_of(c)[0])
    usable.remove(latest)
    usable.insert(0, latest)


def _answer(evidence: Evidence, candidate: Candidate, span: str) -> Answer:
    chosen = candidate.passage.hit
    ordered = (chosen, *(h for h in evidence.hits if h.chunk.chunk_id != chosen.chunk.chunk_id))
    quote = _LEADING_BULLET.sub("", candidate.text.strip())
    if candidate.header:
        quote = f"{candidate.header}\n{candidate.text}"  # a row is quoted under its column names
    as_of = _as_of(candidate)[1]
    meeting = human_date(candidate.passage.context_date)
    note = f"Reported at the meeting of {meeting}."
    if as_of != meeting:
        note = f"As at {as_of}, reported at the meeting of {meeting}."
    return Answer(evidence.query.text, span, quote, ordered, note, as_of)


def _with_figure_fit(evidence: Evidence, candidate: Candidate, weights: Weights) -> Candidate:
    figure = best_figure(evidence.stats, evidence.query, candidate.text, candidate.context, weights.answer)
    span, fit = figure if figure else ("", 0.0)
    return replace(candidate, score=candidate.score + weights.answer.figure_fit * fit, figure_fit=fit, figure=span)


def _as_of(candidate: Candidate) -> tuple[tuple[int, int], str]:
    """The latest date a sentence gives for itself, else its meeting's: (sort key, label)."""
    context = candidate.passage.context_date
    periods = find_periods(candidate.text, reference_date(context))
    if periods:
        latest = max(periods, key=lambda p: p.last)
        return latest.last, latest.text
    meeting = period_of_iso(context)
    return (meeting.last if meeting else (0, 0)), human_date(context)
