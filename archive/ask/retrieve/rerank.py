"""Rerank fused passages by features of the question: subject coverage, date fit, kind of content."""

from __future__ import annotations

from dataclasses import replace

from archive.ask.evidence import Passage
from archive.ask.retrieve.datefit import date_fit
from archive.ask.retrieve.stats import CorpusStats
from archive.ask.select.kinds import holds_kind
from archive.ask.understand.query import Query
from archive.ask.weights import Weights

MIN_REPEAT_CHARS = 60  # a passage this long found inside another is the same text printed twice


def rerank(passages: list[Passage], query: Query, stats: CorpusStats, weights: Weights) -> list[Passage]:
    out = []
    for passage in passages:
        chunk = passage.chunk
        score = passage.hit.score
        score += weights.rerank.date * date_fit(query, passage.periods, passage.context_date, weights.date_fit)[0]
        score += weights.rerank.coverage * stats.coverage(query, "\n".join((passage.meta, chunk.heading, chunk.text)))
        score += weights.rerank.kind * float(holds_kind(query, chunk.text, passage.kinds))
        if weights.rerank.local:  # off as shipped: no second coverage pass over every fused passage
            score += weights.rerank.local * stats.coverage(query, chunk.text, exclude=passage.meta)
        out.append(replace(passage, hit=replace(passage.hit, score=score)))
    return out


def best_distinct(passages: list[Passage]) -> list[Passage]:
    """Best first, without repeats: a passage printed in a pack and in the report published on its
    own is shown once, from its best-scoring source, even when the chunks around it differ. Short
    boilerplate ("Resolved: that the report be noted.") repeats only when identical."""
    ordered = sorted(passages, key=lambda p: -p.hit.score)
    kept: list[tuple[Passage, str]] = []
    for passage in ordered:
        key = " ".join(passage.chunk.text.lower().split())
        if any(key == other or (min(len(key), len(other)) >= MIN_REPEAT_CHARS and (key in other or other in key))
               for _, other in kept):
            continue
        kept.append((passage, key))
    return [passage for passage, _ in kept]
