"""Later passages that refer back to a commitment, and the commitment's status."""

from __future__ import annotations

import re

from archive.ask.cite import citation_text
from archive.ask.evidence import Evidence
from archive.ask.retrieve import search as retrieve
from archive.ask.retrieve.filters import Filters
from archive.ask.retrieve.stats import CorpusStats
from archive.ask.understand.query import QUESTION_WORDS, Query, parse_query
from archive.dates import parse_date
from archive.records import Hit
from archive.text import STOPWORDS, stem, words

_FULL_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}\b")
_DELIVERY = re.compile(r"\b(?:sent|provided|circulated|published|received|responded|written response|update[ds]?)\b",
                       re.IGNORECASE)
STATUSES = ("follow-up found", "no follow-up found", "overdue")


def rare_words_expression(query: Query, stats: CorpusStats, rarest: int = 3) -> str:
    """An FTS5 expression for passages holding at least two of the text's `rarest` rarest words
    (all of them when it has fewer): selective, so the lookup reads short posting lists."""
    tokens = [w for w in dict.fromkeys(words(query.search_text)) if w not in STOPWORDS and w not in QUESTION_WORDS
              and re.fullmatch(r"[a-z][a-z']+", w)]
    found = [w for w in tokens if stats.document_frequency.get(stem(w), 0) > 0]
    chosen = [f'"{w}"' for w in sorted(found, key=lambda w: stats.document_frequency[stem(w)])[:rarest]]
    if len(chosen) < 3:
        return " AND ".join(chosen)
    a, b, c = chosen
    return f"({a} AND {b}) OR ({a} AND {c}) OR ({b} AND {c})"


def follow_ups(commitment: dict, evidence: Evidence, min_coverage: float) -> list[tuple[str, Hit]]:
    """Passages of the evidence (candidates for the commitment's quote) that follow it up, with the
    date of each: from a later meeting and about the same thing, or in the same item with a later
    date and a word of delivery ("Written response sent on 13 October 2022"). Oldest first."""
    quote_key = " ".join(commitment["quote"].lower().split())[:80]
    found = []
    for passage in evidence.passages:
        hit, text = passage.hit, passage.chunk.text
        if quote_key in " ".join(text.lower().replace("**", "").split()):
            continue  # the commitment's own passage
        when = passage.context_date
        later_meeting = when > commitment["meeting_date"]
        same_item = (hit.chunk.doc_id, hit.chunk.part_id) == (commitment["doc_id"], commitment["part_id"])
        dated = [d for d in (parse_date(m.group(0)) for m in _FULL_DATE.finditer(text)) if d]
        later_date = max((d for d in dated if d > commitment["meeting_date"]), default="")
        if later_meeting and evidence.stats.coverage(evidence.query, text) >= min_coverage:
            found.append((when, hit))
        elif same_item and later_date and _DELIVERY.search(text):
            found.append((later_date, hit))
    return sorted(found, key=lambda pair: (pair[0], pair[1].chunk.chunk_id))


def describe(when: str, hit: Hit) -> dict:
    """A follow-up as commitments list it."""
    return {"date": when, "quote": " ".join(hit.chunk.text.split())[:300], "cited_as": citation_text(hit),
            "doc_id": hit.chunk.doc_id, "page": hit.chunk.page, "line": hit.chunk.line}


def status(follow: list[dict], due_iso: str, today: str) -> str:
    if follow:
        return "follow-up found"
    return "overdue" if due_iso and due_iso < today else "no follow-up found"


def find(commitment: dict, resources) -> list[tuple[str, int]]:
    """Later passages that follow a commitment up, as (date, chunk rowid), oldest first; `resources`
    is the loaded index (ask/resources.py). Candidates are passages of its own item, and the best
    passages of the same committee's meetings from then on that hold at least two of its three
    rarest words: an indexed lookup that stays quick as the archive grows."""
    query = parse_query(commitment["quote"], resources.glossary)
    expression = rare_words_expression(query, resources.stats)
    document = resources.papers.documents[commitment["doc_id"]]
    later = Filters(committee=document.committee or None, date_from=commitment["meeting_date"] or None,
                    council=document.council or None)
    rowids = resources.index.lexical_ids(expression, resources.weights.follow_up_passages,
                                         later.restriction()) if expression else []
    own = [c.chunk_id for c in resources.index.part_chunks(commitment["doc_id"], commitment["part_id"])]
    found = retrieve.passages_of(resources.index, resources.papers, list(dict.fromkeys(own + rowids)))
    evidence = Evidence(query, found, resources.stats)
    return [(when, hit.chunk.chunk_id)
            for when, hit in follow_ups(commitment, evidence, resources.weights.follow_up_coverage)]
