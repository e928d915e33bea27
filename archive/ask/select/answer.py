"""Evidence + candidates -> Answer: the learned selector (ask/select/selector.py) picks the candidate span
most likely to answer; the reader takes a second look at its best few when it ships
(select/reading.py). When the calibrated probability is below the threshold chosen on held-out
councils, the archive abstains: the best passage still comes first with the likely answer marked
(`Answer.likely`), and the note says why it is unsure and what the passages found do hold.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from archive.ask.cite import citation_text
from archive.ask.evidence import Evidence
from archive.ask.select.candidates import Candidate
from archive.ask.select.reader import Reader, window
from archive.ask.select.reading import READ, Reading, to_read
from archive.ask.select.selector import AnswerSelector, answer_key, eligible
from archive.dates import find_periods, human_date, period_of_iso, reference_date
from archive.records import Answer, Hit

_LEADING_BULLET = re.compile(r"^(?:[-•·▪]|o(?=\s))\s*")
NOTE_PASSAGES = 3  # an abstention's note names the dates the top passages give


def select_answer(evidence: Evidence, found: list[Candidate], selector: AnswerSelector,
                  reader: Reader | None = None, reading: Reading | None = None) -> Answer:
    if not evidence.passages:
        return Answer(evidence.query.text, None, "", (), "The archive holds no passage that answers this question.")
    if not found:
        return _abstain(evidence)
    scores = selector.scores(found)  # once: the choice and the other councils' answers read them
    index, probability = selector.best(found, scores)
    threshold = selector.threshold
    if index >= 0 and reading is not None:
        read = to_read(found, scores, int(reading.meta.get("read", READ)))
        logits = np.zeros(len(read), dtype=np.float32)
        if reader is not None and reading.reader_version:
            logits = reader.scores(evidence.query.text, [window(
                found[i].sentence, found[i].start, found[i].start + len(found[i].span), found[i].header,
                reader.window_words) for i in read])
        index, probability = reading.decide(scores, read, logits, probability)
        threshold = reading.threshold
    if index < 0:
        return _abstain(evidence)
    if probability < threshold:
        return _unsure(evidence, found, found[index], probability)
    answer = _answer(evidence, found[index])
    others = other_councils(found, selector, scores, index)
    if not others:
        return answer
    said = "; ".join(f"{c.passage.hit.document.council}: {c.span} ({citation_text(c.passage.hit)})" for c in others)
    whose = found[index].passage.hit.document.council
    return replace(answer, note=f"{answer.note} That is {whose}'s figure; other councils' papers give {said}.")


def other_councils(found: list[Candidate], selector: AnswerSelector, scores: np.ndarray,
                   index: int) -> list[Candidate]:
    """Other councils' own answers of the same kind, each confident enough to have been given on
    its own, when they differ from the chosen one: whose figure is whose."""
    chosen = found[index]
    council = chosen.passage.hit.document.council if chosen.passage.hit.document else ""
    if not council:
        return []
    best: dict[str, int] = {}
    for i, c in enumerate(found):
        other = c.passage.hit.document.council if c.passage.hit.document else ""
        if other and other != council and c.kind == chosen.kind and eligible(c) and (
                other not in best or scores[i] > scores[best[other]]):
            best[other] = i
    answer = answer_key(chosen.span)
    return [found[i] for other, i in sorted(best.items())
            if selector.probability(found, scores, i) >= selector.threshold and answer_key(found[i].span) != answer]


def _abstain(evidence: Evidence) -> Answer:
    """No answer; the note says what the passages found are dated, and which date was asked."""
    held: list[str] = []
    for passage in evidence.passages[:NOTE_PASSAGES]:
        for period in find_periods(passage.chunk.text, reference_date(passage.context_date)):
            if period.label not in held:  # one spelling: "April 2023", not "April 23"
                held.append(period.label)
    asked = ", ".join(p.text for p in evidence.query.periods)
    if held and asked:
        note = (f"The passages found do not answer this for {asked}; they give dates such as "
                f"{', '.join(held[:6])}. The closest are cited.")
    else:
        note = "The passages found do not answer this clearly; the closest are cited."
    return Answer(evidence.query.text, None, "", evidence.hits, note)


def _unsure(evidence: Evidence, found: list[Candidate], chosen: Candidate, probability: float) -> Answer:
    """No answer given, but the passage the archive would have answered from comes first, with the
    likely answer marked, and the note says why it is not sure."""
    answer = _answer(evidence, chosen)
    note = (f"Not sure ({probability:.0%} likely right): {why_unsure(evidence, found, chosen)} "
            f"The likely answer, {chosen.span}, is marked in the first passage: check it there.")
    return replace(answer, text=None, note=note, likely=chosen.span)


def why_unsure(evidence: Evidence, found: list[Candidate], chosen: Candidate) -> str:
    """The plainest reason the evidence gives for doubt about the chosen answer."""
    query, features = evidence.query, chosen.features
    held = [p.text for p in find_periods(chosen.sentence, reference_date(chosen.passage.context_date))]
    if query.periods and not features.get("date_ok"):
        meeting = human_date(chosen.passage.context_date) or "an undated paper"
        dated = f"dated {', '.join(held[:2])}" if held else f"from {meeting}"
        return f"the passage is {dated}; the question asks about {', '.join(p.text for p in query.periods)}."
    same_kind = {answer_key(c.span) for c in found if c.sentence == chosen.sentence and c.kind == chosen.kind}
    if len(same_kind) > 1 and chosen.kind not in ("sentence", "text"):
        fits = "the question's period fits neither" if query.periods and len(same_kind) == 2 else \
            "which one the question asks for is unclear"
        where = "row" if "\t" in chosen.sentence else "sentence"
        return f"{len(same_kind)} {_KIND_WORDS.get(chosen.kind, 'values')} in this {where}; {fits}."
    if features.get("names_held", 1.0) < 1.0:
        return "the passage does not name everything the question names."
    return "the best passage matches the question only in part."


_KIND_WORDS = {"count": "figures", "money": "sums", "percent": "percentages", "rate": "rates", "date": "dates",
               "time": "times", "person": "names", "duration": "durations", "vote": "votes"}


def _answer(evidence: Evidence, chosen: Candidate) -> Answer:
    hit: Hit = chosen.passage.hit
    ordered = (hit, *(h for h in evidence.hits if h.chunk.chunk_id != hit.chunk.chunk_id))
    quote = _LEADING_BULLET.sub("", chosen.sentence.strip())
    if chosen.header:
        quote = f"{chosen.header}\n{chosen.sentence}"  # a row is quoted under its column names
    as_of = _as_of(chosen)
    meeting = human_date(chosen.passage.context_date)
    where = f"at the meeting of {meeting}" if meeting else "in an undated paper"
    note = f"Reported {where}."
    if as_of and as_of != meeting:
        note = f"As at {as_of}, reported {where}."
    return Answer(evidence.query.text, chosen.span, quote, ordered, note, as_of or meeting)


def _as_of(chosen: Candidate) -> str:
    """The latest date the sentence gives for itself, else its meeting's."""
    context = chosen.passage.context_date
    periods = find_periods(chosen.sentence, reference_date(context))
    if periods:
        return max(periods, key=lambda p: p.last).text
    return human_date(context) if period_of_iso(context) else ""
