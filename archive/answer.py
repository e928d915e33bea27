"""Query + hits -> Answer: the sentence (or table row) that best supports an answer, the span in it
that answers (a figure, date, time, name), and the citations. When no passage covers the
question's subject, or none is about the date asked, the answer is None and the note says what
the archive does hold.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from archive.dates import find_periods, human_date, period_of_iso, reference_date
from archive.kinds import DURATION, TIME, names, numbers, type_fit
from archive.query import Query
from archive.records import Answer, Hit
from archive.text import STOPWORDS, WORD_PATTERN, sentence_spans, stem, terms

ANSWER_HITS = 10  # sentences are drawn from this many top passages
MIN_COVERAGE = 0.6  # share (IDF-weighted) of the question's subject terms a passage must hold
# A time or date answers for an event the question names ("did the meeting end"): the sentence
# itself must name it, so its own words weigh more there.
OWN_WEIGHT = {"time": 1.0, "date": 1.0}
FIGURE_FIT_WEIGHT = 0.5  # how well the sentence's best figure fits the question's words and date
RECENCY_MARGIN = 0.1  # answers this close to the best count as equally good; the latest wins
DATED_MIN_COVERAGE = 0.45  # ... when the passage also matches the date the question asks about

_FIGURE_CELL = re.compile(r"^\s*[£$]?\s?\d[\d,.]*\s*(?:%|k|m|bn)?\*?\s*$", re.IGNORECASE)
DATE_PROXIMITY = 6.0  # the pull of the asked date on a figure, about one rare word's IDF
_CLAUSE_BREAK = re.compile(
    r"\s(?:whilst|while|whereas|but|although|compared with|compared to)\s|[;:]\s|,\s(?!\d)", re.IGNORECASE
)
_UNIT = re.compile(
    r"\s*(?:per|a|each|in every)\s+(?:10,000|10000|10k|100,000|1,000|week|month|year|annum|day|head|child)\b"
    r"|\s*(?:per cent|percent)\b", re.IGNORECASE
)
_RATE_AFTER = re.compile(r"\s*(?:children\s+)?(?:per|in every|out of|for every)\b", re.I)
STOPWORD_STEMS = frozenset(stem(w) for w in STOPWORDS)
_LEADING_BULLET = re.compile(r"^(?:[-•·▪]|o(?=\s))\s*")
_COUNT_HEADERS = ("number", "no.", "count", "total")


@dataclass(frozen=True)
class Candidate:
    hit: Hit
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


def _candidates(archive, query: Query, hits: list[Hit]) -> list[Candidate]:
    out = []
    for rank, hit in enumerate(hits[:ANSWER_HITS]):
        text = hit.chunk.text
        context_iso = archive.context_date(hit.chunk)
        header = _table_header(text)
        meta = archive.meta_text(hit.chunk)
        chunk_coverage = archive.coverage(query, "\n".join((meta, hit.chunk.heading, text)))
        agreed = (hit.lexical_rank or 99) <= 3 and (hit.dense_rank or 99) <= 3
        spans = sentence_spans(text)
        for position, (start, end) in enumerate(spans):
            sentence = text[start:end]
            # the sentence before on the same line often names what "this was 38" refers to
            earlier = ""
            if position and "\n" not in text[spans[position - 1][0] : start]:
                earlier = text[spans[position - 1][0] : spans[position - 1][1]]
            if header and sentence in header:
                continue
            context = "\n".join(x for x in (hit.chunk.heading, header) if x)
            sentence_periods = find_periods(sentence, reference_date(context_iso))
            date_value, date_ok = archive.date_fit(query, sentence_periods, context_iso)
            own = archive.coverage(query, earlier + "\n" + sentence, exclude=meta)
            coverage = archive.coverage(query, "\n".join((earlier, sentence, context, meta)))
            blended = 0.7 * coverage + 0.3 * chunk_coverage
            score = (blended + OWN_WEIGHT.get(query.intent, 0.5) * own + 1.2 * date_value
                     + type_fit(query, sentence) + 0.15 / (rank + 1))
            if agreed:
                # both retrievers put this passage in their top three: trust it past paraphrase
                blended = max(blended, MIN_COVERAGE * (0.5 + 0.5 * own))
            fit = type_fit(query, sentence)
            out.append(Candidate(hit, rank, sentence, context, score, date_ok, blended, own=own,
                                 header=header if "\t" in sentence else "",
                                 dated=bool(query.periods) and date_value >= 0.5, typed=fit > 0))
    return out


def _table_header(text: str) -> str:
    lines = text.split("\n")
    if len(lines) >= 2 and all("\t" in line for line in lines[:2]):
        header = [line for line in lines[:3] if not re.search(r"\d", line)]
        return "\n".join(header)
    return ""


def _token_positions(sentence: str) -> list[tuple[int, str]]:
    """(offset, stem) of each word, tokenised exactly as query terms are."""
    return [(m.start(), stem(m.group(0).lower().replace("’", "'"))) for m in WORD_PATTERN.finditer(sentence)]


def best_figure(archive, query: Query, sentence: str, context: str) -> tuple[str, float] | None:
    """The figure in the sentence that answers the question, and how well it fits (0 to ~1)."""
    if "\t" in sentence and context:
        cell = _table_cell(archive, query, sentence, context)
        if cell:
            return cell, 1.0
    found = numbers(sentence)
    if not found:
        return None
    tokens = _token_positions(sentence)
    asked = {t for t in query.terms if not t[0].isdigit()}  # asked dates are weighed below
    asked_numbers = set(re.findall(r"\d[\d,.]*", query.text))
    wants_count = bool(re.search(r"^\s*how many\b|\bfigure\b|\bnumber of\b", query.text, re.I)) and not re.search(
        r"\b(rate|per|percent|percentage|proportion|share)\b", query.text, re.I)
    most = 2 * sum(archive.idf(t) for t in asked) + (DATE_PROXIMITY if query.periods else 0.0) or 1.0

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
        score = sum(archive.idf(t) for t in asked & {t for p, t in tokens if start <= p < end})
        for position in asked_dates:
            # the figure stated next to the asked date ("38 (March 24)", "412 in 2022/23")
            gap = len(sentence[min(position, match.start()) : max(position, match.start())].split())
            score += DATE_PROXIMITY / (1 + gap)
        for term in asked:
            # A count usually comes before what it counts ("78 children live with kinship carers"):
            # words before the figure weigh half as much as words after it.
            distances = [
                len(sentence[match.end() : p].split()) if p >= match.end()
                else 2 * len(sentence[p : match.start()].split())
                for p, t in tokens if t == term
            ]
            if distances:
                score += archive.idf(term) / (1 + min(distances))
        # Words the question does not use between the figure and what it counts qualify it:
        # "26 new children" is not "children in care".
        following = [t for p, t in tokens if p >= match.end()][:3]
        counted = next((i for i, t in enumerate(following) if t in asked), None)
        for term in following[:counted] if counted is not None else []:
            if term not in STOPWORD_STEMS and not term[0].isdigit():
                score -= 0.5 * archive.idf(term)
        if wants_count and (match.group(0).endswith("%") or _RATE_AFTER.match(sentence, match.end())):
            score -= most / 2  # a rate or a share is not a count
        return score

    best = max(found, key=closeness)
    unit = _UNIT.match(sentence, best.end())
    span = sentence[best.start() : unit.end() if unit else best.end()]
    return span.strip(), max(0.0, closeness(best)) / most


def _table_cell(archive, query: Query, row: str, header: str) -> str | None:
    header_lines = [line.split("\t") for line in header.split("\n") if line.strip()]
    width = max(len(cells) for cells in header_lines)
    columns = [
        " ".join(cells[i] for cells in header_lines if i < len(cells) and cells[i].strip()) for i in range(width)
    ]
    cells = row.split("\t")
    asked = set(query.terms)
    best, best_score = None, 0.0
    for index, cell in enumerate(cells[1:], start=1):
        if not _FIGURE_CELL.match(cell) or index >= len(columns):
            continue
        name_terms = set(terms(columns[index]))
        score = sum(archive.idf(t) for t in name_terms & asked)  # "England" says more than "rate"
        if query.text.lower().startswith("how many") and any(h in columns[index].lower() for h in _COUNT_HEADERS):
            score += 1.0
        if score > best_score:
            best, best_score = cell.strip(), score
    if best is None:
        numeric = [c.strip() for c in cells[1:] if _FIGURE_CELL.match(c)]
        best = numeric[0] if numeric else None
    return best


def extract_span(archive, query: Query, sentence: str, context: str = "") -> str | None:
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
    if query.intent == "figure":
        figure = best_figure(archive, query, sentence, context)
        return figure[0] if figure else None
    return sentence.strip()


def _names_the_body(archive, query: Query, candidate: Candidate) -> bool:
    """A question about a named committee or board is answered only from passages about it."""
    if not query.bodies:
        return True
    text = " ".join([archive.meta_text(candidate.hit.chunk), candidate.hit.chunk.text]).lower()
    return all(body in " ".join(text.split()) for body in query.bodies)


def _held_dates(archive, query: Query, candidates: list[Candidate]) -> str:
    """What the archive holds on the subject, for an abstention: the dates of covering passages."""
    seen: list[str] = []
    for candidate in candidates:
        if candidate.coverage < MIN_COVERAGE:
            continue
        for period in find_periods(candidate.text):
            if period.text not in seen:
                seen.append(period.text)
    return ", ".join(seen[:6])


def answer_question(archive, query: Query, hits: list[Hit]) -> Answer:
    candidates = _candidates(archive, query, hits)
    usable = [c for c in candidates if c.date_ok and _names_the_body(archive, query, c) and (
        c.coverage >= MIN_COVERAGE or (c.coverage >= DATED_MIN_COVERAGE and c.dated and c.typed))]
    if not usable:
        held = _held_dates(archive, query, candidates)
        asked = ", ".join(p.text for p in query.periods)
        if held and asked:
            note = f"The archive has no passage on this for {asked}. Passages on the subject are dated: {held}."
        elif held:
            note = f"No passage answers this directly; related passages mention: {held}."
        else:
            note = "The archive holds no passage that answers this question."
        return Answer(query.text, None, "", tuple(hits), note)
    if query.intent == "figure":
        usable = [_with_figure_fit(archive, query, c) for c in usable]
    usable.sort(key=lambda c: -c.score)
    if query.intent == "figure" and not (query.periods or query.after or query.before):
        # No date asked: of the passages that answer about as well as the best, the latest figure.
        best = usable[0]
        # the same measure: as well covered and a figure that fits as well, nearly as good overall
        close = [c for c in usable if c.score >= best.score - RECENCY_MARGIN and c.own >= best.own
                 and c.figure_fit >= 0.8 * best.figure_fit]
        latest = max(close, key=lambda c: _as_of(archive, c)[0])
        usable.remove(latest)
        usable.insert(0, latest)
    for candidate in usable:
        # a figure question's candidates carry their figure already (_with_figure_fit)
        span = candidate.figure if query.intent == "figure" else extract_span(
            archive, query, candidate.text, candidate.context)
        if span:
            break
    else:
        candidate, span = usable[0], usable[0].text.strip()
    ordered = [candidate.hit] + [h for h in hits if h.chunk.chunk_id != candidate.hit.chunk.chunk_id]
    quote = _LEADING_BULLET.sub("", candidate.text.strip())
    if candidate.header:
        quote = f"{candidate.header}\n{candidate.text}"  # a row is quoted under its column names
    as_of = _as_of(archive, candidate)[1]
    meeting = human_date(archive.context_date(candidate.hit.chunk))
    note = f"Reported at the meeting of {meeting}."
    if as_of != meeting:
        note = f"As at {as_of}, reported at the meeting of {meeting}."
    return Answer(query.text, span, quote, tuple(ordered), note, as_of)


def _with_figure_fit(archive, query: Query, candidate: Candidate) -> Candidate:
    figure = best_figure(archive, query, candidate.text, candidate.context)
    span, fit = figure if figure else ("", 0.0)
    return replace(candidate, score=candidate.score + FIGURE_FIT_WEIGHT * fit, figure_fit=fit, figure=span)


def _as_of(archive, candidate: Candidate) -> tuple[tuple[int, int], str]:
    """The latest date a sentence gives for itself, else its meeting's: (sort key, label)."""
    context = archive.context_date(candidate.hit.chunk)
    periods = find_periods(candidate.text, reference_date(context))
    if periods:
        latest = max(periods, key=lambda p: p.last)
        return latest.last, latest.text
    meeting = period_of_iso(context)
    return (meeting.last if meeting else (0, 0)), human_date(context)

