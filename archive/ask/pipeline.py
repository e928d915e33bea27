"""The ask path as plain steps, each taking the previous step's typed output and the loaded
resources it reads (ask/resources.py):

    understand -> (refuse) -> retrieve -> rerank -> evidence -> candidates -> select -> cite

`ask` runs them all; `Archive` (archive/core.py) is a facade over these functions and never holds
state they need. Each fact about the question is found once, in `understand`, and carried by the
`Query`; its embedding is computed once, in `embed`, when a step needs it.
"""

from __future__ import annotations

from dataclasses import replace

from archive.ask.decided import decided
from archive.ask.evidence import Evidence, Passage
from archive.ask.resources import Resources
from archive.ask.retrieve import search
from archive.ask.retrieve.filters import Filters
from archive.ask.retrieve.rerank import best_distinct, rerank
from archive.ask.select.answer import select_answer
from archive.ask.select.candidates import Candidate, candidates, sentence_similarity
from archive.ask.understand.councils import about_areas
from archive.ask.understand.query import Query, parse_query
from archive.records import Answer

MODES = ("hybrid", "fused", "lexical", "dense")


def understand(question: str | Query, resources: Resources) -> Query:
    """The question read once: its type, cues, dates, names, and the councils it names."""
    if isinstance(question, Query):
        return question
    query = parse_query(question, resources.glossary)
    named = resources.councils.read(query.text)
    return replace(query, councils=named.councils, other_councils=named.other_councils, areas=named.areas,
                   quoted=named.quoted, passing=named.passing)


def embed(query: Query, resources: Resources) -> Query:
    """The query with its embeddings: of the search text (with acronym expansions) for retrieval,
    of the question itself for sentence similarity; one encoding when they are the same text."""
    if query.vector is not None:
        return query
    vector = resources.embedder.encode([query.search_text])[0]
    text_vector = vector if query.text == query.search_text else resources.embedder.encode([query.text])[0]
    return replace(query, vector=vector, text_vector=text_vector)


def refusal(query: Query, resources: Resources) -> str | None:
    """Why the archive will not answer at all: the question asks about the own papers of a council
    it does not hold, or of a council area no paper mentions (and names no council it does hold).
    A council named in passing (a partner, a comparator, a source) or quoted by another is no
    reason. None otherwise."""
    others = query.other_councils or tuple(a for a in query.areas
                                           if a not in query.quoted and not resources.stats.mentions(a))
    if not others or query.councils or set(query.passing) & set(resources.councils.names):
        return None
    held = "; ".join(resources.councils.names) or "no council named in its manifest"
    return f"The archive holds no papers of {others[0]} (it holds: {held})."


def scope(query: Query, filters: Filters, resources: Resources) -> Filters:
    """The filters, narrowed to one council's papers when the question asks about exactly one of the
    archive's councils (and no council filter is set): answers come from the council asked about. A
    council named only in passing ("the partnership with Hollinbridge") does not narrow them."""
    named = query.councils if not filters.council and len(resources.councils.names) > 1 else ()
    return replace(filters, council=named[0]) if len(named) == 1 else filters


def retrieve(query: Query, filters: Filters, resources: Resources, mode: str = "hybrid") -> list[Passage]:
    """Lexical and dense candidates (each restricted by the filters), fused by reciprocal rank."""
    n = resources.weights.rerank.candidates
    lexical, dense = [], []
    if mode in ("hybrid", "fused", "lexical"):
        lexical = search.lexical(resources.index, query, n, filters, resources.stats)
    if mode in ("hybrid", "fused", "dense"):
        dense = search.semantic(resources.index, resources.embedder, query, n, filters=filters)
    return search.fused_passages(resources.index, resources.papers, lexical, dense)


def passages(query: Query, k: int, filters: Filters, resources: Resources, mode: str = "hybrid") -> list[Passage]:
    """The k best distinct passages. mode: hybrid (fused and reranked), fused, lexical or dense."""
    if mode in ("hybrid", "fused", "dense"):
        query = embed(query, resources)
    found = retrieve(query, scope(query, filters, resources), resources, mode)
    if mode == "hybrid":
        found = rerank(found, query, resources.stats, resources.weights)
    return best_distinct(found)[:k]


def evidence(query: Query, found: list[Passage], resources: Resources) -> Evidence:
    """The passages an answer is chosen from, each with its sentences as read at build time."""
    readings = resources.index.sentence_readings([p.chunk.chunk_id for p in found])
    return Evidence(query, tuple(replace(p, reading=readings.get(p.chunk.chunk_id)) for p in found), resources.stats)


def answer_candidates(evidence: Evidence, resources: Resources, every_kind: bool = False) -> list[Candidate]:
    """Every candidate answer in the evidence, with its features; only what is said of the council
    areas the question names, when it names some the archive does not hold. Only the kinds the
    shipped selector was trained on, unless `every_kind` (training and measuring a new one): a kind
    added since (an open answer's phrase) waits for a selector trained with it."""
    similarity = sentence_similarity(evidence, resources.sentences)
    kinds = None if every_kind else resources.selector.kinds
    return about_areas(candidates(evidence, resources.weights, similarity, kinds), evidence.query.areas)


def gather(query: Query, k: int, filters: Filters, resources: Resources,
           every_kind: bool = False) -> tuple[Evidence, list[Candidate]]:
    """The evidence for a question and every candidate answer in it."""
    query = embed(query, resources)
    found = passages(query, max(k, resources.weights.answer.passages), filters, resources)
    found_evidence = evidence(query, found, resources)
    return found_evidence, answer_candidates(found_evidence, resources, every_kind)


def cite(answer: Answer, k: int, searched: Filters, asked: Filters) -> Answer:
    """The answer with at most k citations; an abstention says when only one council was searched."""
    if answer.text is None and searched.council != asked.council:
        answer = replace(answer, note=f"{answer.note} Only {searched.council}'s papers were searched: the "
                                      "question names it.")
    return replace(answer, citations=answer.citations[:k])


def ask(question: str, resources: Resources, k: int = 10, filters: Filters | None = None) -> Answer:
    filters = filters or Filters()
    query = understand(question, resources)
    refused = None if filters.council else refusal(query, resources)
    if refused:
        return Answer(question, None, "", (), refused)
    scoped = scope(query, filters, resources)
    found_evidence, found = gather(query, k, scoped, resources)
    answer = select_answer(found_evidence, found, resources.selector, resources.reader, resources.reading)
    if query.asks_decision:  # what became of a recommendation: the linked decision, both passages cited
        answer = decided(answer, query, resources, scoped.council or "")
    return cite(answer, k, scoped, filters)
