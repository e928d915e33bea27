"""The archive as a library: open an index, search it, ask it questions.

    from archive.search import Archive
    archive = Archive.open("index")
    hits = archive.search("UASC January 2024", k=5)
    answer = archive.ask("What was the UASC figure in January 2024?")
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np

from archive import dense, store
from archive.cite import citation_text
from archive.dates import Period, parse_date, period_of_iso
from archive.embed import Embedder, get_embedder
from archive.errors import IndexMismatchError, IndexMissingError
from archive.fuse import reciprocal_rank_fusion
from archive.glossary import Glossary
from archive.indexer import FORMAT_VERSION, current_generation
from archive.kinds import holds_kind
from archive.query import Query, fts_query, parse_query
from archive.records import Answer, Chunk, Document, Hit, Part
from archive.text import terms

CANDIDATES = 60
# Rerank features are added to the fused RRF score (a top hit in one list scores 1/61 ≈ 0.016).
DATE_BONUS = 0.01
COVERAGE_WEIGHT = 0.01
FINER_FIT = 0.4
FOLLOW_UP_COVERAGE = 0.6
_FULL_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}\b")
_DELIVERY = re.compile(r"\b(?:sent|provided|circulated|published|received|responded|written response|update[ds]?)\b",
                       re.IGNORECASE)
MIN_REPEAT_CHARS = 60  # a passage this long found inside another is the same text printed twice
KIND_BONUS = 0.005  # the passage holds the kind of thing asked for: a time, a date, a figure


def default_index_dir() -> Path:
    return Path(os.environ.get("ARCHIVE_INDEX_DIR", "index"))


@dataclass(frozen=True)
class Filters:
    committee: str | None = None
    date_from: str | None = None  # ISO
    date_to: str | None = None
    doc_type: str | None = None
    meeting: str | None = None  # ISO date of one meeting: its own papers and minutes of it in later packs

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v}


class Archive:
    def __init__(self, generation: Path, embedder: Embedder, manifest: dict) -> None:
        self.generation = generation
        self.manifest = manifest
        self.embedder = embedder
        # One SQLite connection per thread: a Streamlit server answers each session on its own thread.
        self._local = threading.local()
        self.vectors = dense.load(generation / "vectors.faiss")
        self.documents: dict[str, Document] = store.load_documents(self.db)
        self.parts: dict[tuple[str, int], Part] = store.load_parts(self.db)
        glossary = Glossary()
        for row in self.db.execute("SELECT acronym, expansion, doc_id FROM glossary"):
            glossary.add(row["acronym"], row["expansion"])
            glossary.sources.setdefault(row["acronym"], set()).update(filter(None, row["doc_id"].split("; ")))
        self.glossary = glossary
        self._df: Counter | None = None
        self.chunk_count = int(self.db.execute("SELECT count(*) FROM chunks").fetchone()[0])

    @property
    def db(self) -> sqlite3.Connection:
        connection = getattr(self._local, "db", None)
        if connection is None:
            connection = store.connect(self.generation / "archive.db", read_only=True)
            self._local.db = connection
        return connection

    @classmethod
    def open(cls, index_dir: Path | str | None = None, embedder: Embedder | None = None) -> Archive:
        index_dir = Path(index_dir) if index_dir else default_index_dir()
        generation = current_generation(index_dir)
        if generation is None:
            raise IndexMissingError(f"no index in {index_dir}: run `archive index` first")
        manifest = json.loads((generation / "manifest.json").read_text())
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexMismatchError(
                f"index in {index_dir} has format {manifest.get('format_version')}, this version reads "
                f"{FORMAT_VERSION}: rebuild it with `archive index`"
            )
        embedder = embedder or get_embedder(_embedder_choice(manifest["model"]))
        if embedder.name != manifest["model"] or embedder.dim != manifest["dim"]:
            raise IndexMismatchError(
                f"index in {index_dir} was built with {manifest['model']} ({manifest['dim']} dims) but "
                f"the embedder is {embedder.name} ({embedder.dim} dims): rebuild it with `archive index`"
            )
        return cls(generation, embedder, manifest)

    # -- statistics -----------------------------------------------------------------------------
    @property
    def document_frequency(self) -> Counter:
        if self._df is None:
            self._df = Counter({row[0]: row[1] for row in self.db.execute("SELECT term, df FROM term_df")})
        return self._df

    def idf(self, term: str) -> float:
        return float(np.log((self.chunk_count + 1) / (self.document_frequency.get(term, 0) + 0.5)))

    def meta_text(self, chunk: Chunk) -> str:
        """What a passage is part of: its document, committee and part titles."""
        document = self.documents[chunk.doc_id]
        part = self.parts.get((chunk.doc_id, chunk.part_id))
        return " ".join([document.title, document.committee, document.doc_type, part.title if part else ""])

    def coverage(self, query: Query, text: str, exclude: str = "") -> float:
        """IDF-weighted share of the question's subject terms that the text holds (acronyms count
        as present when their long form is, and the reverse). Terms that `exclude` already holds
        (say the document's title) are left out of the count, unless it holds them all."""
        topic = list(query.topic_terms)
        if exclude:
            held = set(terms(exclude))
            residual = [t for t in topic if t not in held]
            topic = residual or topic
        if not topic:
            return 1.0
        present = set(terms(text))
        present.update(terms(" ".join(self.glossary.expansions_in(text, synonyms=True))))
        weights = {t: self.idf(t) for t in topic}
        covered = sum(w for t, w in weights.items() if t in present or query.aliases.get(t, {None}) <= present)
        return min(1.0, covered / (sum(weights.values()) or 1.0))

    # -- retrieval ------------------------------------------------------------------------------
    def chunk(self, rowid: int) -> Chunk:
        row = self.db.execute("SELECT * FROM chunks WHERE rowid=?", (rowid,)).fetchone()
        return store.row_to_chunk(row)

    def neighbours(self, chunk: Chunk, before: int = 1, after: int = 1) -> list[Chunk]:
        rows = self.db.execute(
            "SELECT * FROM chunks WHERE doc_id=? AND rowid BETWEEN ? AND ? ORDER BY rowid",
            (chunk.doc_id, chunk.chunk_id - before, chunk.chunk_id + after),
        ).fetchall()
        return [store.row_to_chunk(r) for r in rows]

    def lexical(self, query: Query, n: int = CANDIDATES) -> list[int]:
        expression = fts_query(query)
        if not expression:
            return []
        rows = self.db.execute(
            "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY bm25(chunks_fts) LIMIT ?",
            (expression, n),
        ).fetchall()
        return [r[0] for r in rows]

    def dense(self, query: Query, n: int = CANDIDATES) -> list[int]:
        vector = self.embedder.encode([query.search_text])[0]
        return [rowid for rowid, _ in dense.search(self.vectors, vector, n)]

    def context_date(self, chunk: Chunk) -> str:
        part = self.parts.get((chunk.doc_id, chunk.part_id))
        document = self.documents[chunk.doc_id]
        return (part.part_date if part and part.part_date else "") or document.meeting_date

    def _passes(self, chunk: Chunk, filters: Filters) -> bool:
        document = self.documents[chunk.doc_id]
        if filters.committee and filters.committee.lower() not in document.committee.lower():
            return False
        if filters.doc_type and filters.doc_type.lower() != document.doc_type.lower():
            return False
        when = self.context_date(chunk)
        if filters.meeting and when != filters.meeting:
            return False
        if filters.date_from and (not when or when < filters.date_from):
            return False
        return not (filters.date_to and (not when or when > filters.date_to))

    def date_fit(self, query: Query, periods: list[Period], context_iso: str) -> tuple[float, bool]:
        """How well a passage's dates fit the asked date, and whether it may answer for it.

        The value: the best fit of its own dates (see granularity_fit), or half the fit of its
        meeting date. It may answer when one of its own dates is the asked period or inside it,
        or when its meeting date fits: a passage that only gives a coarser period ("during
        23/24" for "January 2024") does not say what the figure was at the asked time.
        With no date asked: (0, True).
        """
        if not (query.periods or query.after or query.before):
            return 0.0, True
        context = period_of_iso(context_iso)

        def fit(period: Period) -> float:
            if query.after and period.last < query.after.first:
                return 0.0
            if query.before and period.first > query.before.last:
                return 0.0
            if not query.periods:
                return 1.0
            return max((granularity_fit(period, asked) for asked in query.periods), default=0.0)

        from_text = max((fit(p) for p in periods), default=0.0)
        from_meeting = fit(context) if context else 0.0
        return max(from_text, from_meeting * 0.5), from_text >= FINER_FIT or from_meeting > 0

    def date_score(self, query: Query, periods: list[Period], context_iso: str) -> float:
        return self.date_fit(query, periods, context_iso)[0]

    def search(self, question: str | Query, k: int = 10, filters: Filters | None = None,
               mode: str = "hybrid") -> list[Hit]:
        """mode: hybrid (fused and reranked), fused (reciprocal-rank fusion only), lexical or dense."""
        query = question if isinstance(question, Query) else parse_query(question, self.glossary)
        filters = filters or Filters()
        n = CANDIDATES * (4 if filters.as_dict() else 1)
        lexical = self.lexical(query, n) if mode in ("hybrid", "fused", "lexical") else []
        dense_ids = self.dense(query, n) if mode in ("hybrid", "fused", "dense") else []
        fused = reciprocal_rank_fusion([lexical, dense_ids])
        lexical_rank = {rowid: i + 1 for i, rowid in enumerate(lexical)}
        dense_rank = {rowid: i + 1 for i, rowid in enumerate(dense_ids)}
        hits = []
        for rowid, score in fused:
            row = self.db.execute("SELECT * FROM chunks WHERE rowid=?", (rowid,)).fetchone()
            chunk = store.row_to_chunk(row)  # one read gives the chunk and its stored dates
            if not self._passes(chunk, filters):
                continue
            if mode == "hybrid":
                periods = [Period(tuple(a), tuple(b)) for a, b in json.loads(row["periods"] or "[]")]
                score += DATE_BONUS * self.date_score(query, periods, self.context_date(chunk))
                score += COVERAGE_WEIGHT * self.coverage(
                    query, "\n".join((self.meta_text(chunk), chunk.heading, chunk.text)))
                score += KIND_BONUS * float(holds_kind(query, chunk.text))
            hits.append(Hit(chunk, score, lexical_rank.get(rowid), dense_rank.get(rowid),
                            self.documents[chunk.doc_id], self.parts.get((chunk.doc_id, chunk.part_id))))
        hits.sort(key=lambda hit: -hit.score)
        return _distinct(hits)[:k]

    def ask(self, question: str, k: int = 10, filters: Filters | None = None) -> Answer:
        from archive.answer import answer_question

        query = parse_query(question, self.glossary)
        hits = self.search(query, k=max(k, 10), filters=filters)
        answer = answer_question(self, query, hits)
        return replace(answer, citations=answer.citations[:k])

    def questions(self, text: str = "", questioner: str = "", number: str = "") -> list[dict]:
        """Public and member questions, filtered by words in any field, questioner or number."""
        rows = [dict(r) for r in self.db.execute("SELECT * FROM questions ORDER BY doc_id, page, line")]
        wanted = set(terms(text))
        out = []
        for row in rows:
            if questioner and questioner.lower() not in row["questioner"].lower():
                continue
            if number and number.replace(" ", "").upper() != row["number"].replace(" ", "").upper():
                continue
            if wanted and not wanted <= set(terms(" ".join(str(v) for v in row.values()))):
                continue
            document = self.documents.get(row["doc_id"])
            row["meeting_date"] = document.meeting_date if document else ""
            row["committee"] = document.committee if document else ""
            row["title"] = document.title if document else ""
            out.append(row)
        return out

    def meetings(self) -> list[dict]:
        """Meetings by committee and date with their documents, for browsing, newest first."""
        grouped: dict[tuple[str, str], list[Document]] = {}
        for document in self.documents.values():
            grouped.setdefault((document.committee, document.meeting_date), []).append(document)
        return [
            {"committee": committee, "meeting_date": when, "documents": sorted(docs, key=lambda d: d.title)}
            for (committee, when), docs in sorted(grouped.items(), key=lambda item: (item[0][1], item[0][0]),
                                                  reverse=True)
        ]

    def document_parts(self, doc_id: str) -> list[Part]:
        return sorted((p for (d, _), p in self.parts.items() if d == doc_id), key=lambda p: p.part_id)

    def part_chunks(self, doc_id: str, part_id: int) -> list[Chunk]:
        rows = self.db.execute(
            "SELECT * FROM chunks WHERE doc_id=? AND part_id=? ORDER BY rowid", (doc_id, part_id)).fetchall()
        return [store.row_to_chunk(r) for r in rows]

    def facets(self, hits: list[Hit]) -> dict[str, dict[str, int]]:
        """How many of the hits come from each committee, document type and year."""
        out: dict[str, dict[str, int]] = {"committee": {}, "doc_type": {}, "year": {}}
        for hit in hits:
            document = hit.document or self.documents[hit.chunk.doc_id]
            for facet, value in (("committee", document.committee), ("doc_type", document.doc_type),
                                 ("year", self.context_date(hit.chunk)[:4])):
                if value:
                    out[facet][value] = out[facet].get(value, 0) + 1
        return out

    def commitments(self, committee: str = "", date_from: str = "", date_to: str = "", owner: str = "",
                    status: str = "", kind: str = "", today: str = "") -> list[dict]:
        """Commitments with their follow-ups and status, oldest meeting first."""
        today = today or date.today().isoformat()
        out = []
        for row in self.db.execute("SELECT * FROM commitments ORDER BY meeting_date, doc_id, page, line"):
            item = dict(row)
            document = self.documents[item["doc_id"]]
            part = self.parts.get((item["doc_id"], item["part_id"]))
            if committee and committee.lower() not in document.committee.lower():
                continue
            if (date_from and item["meeting_date"] < date_from) or (date_to and item["meeting_date"] > date_to):
                continue
            if owner and owner.lower() not in item["owner"].lower():
                continue
            if kind and kind != item["kind"]:
                continue
            item["follow_ups"] = self.follow_ups(item)
            item["status"] = (
                "follow-up found" if item["follow_ups"]
                else "overdue" if item["due_iso"] and item["due_iso"] < today
                else "no follow-up found"
            )
            if status and status != item["status"]:
                continue
            item.update(committee=document.committee, title=document.title, part=part.title if part else "",
                        source=document.source_url or document.path)
            out.append(item)
        return out

    def follow_ups(self, commitment: dict, k: int = 15) -> list[dict]:
        """Later passages that refer back to a commitment: from a later meeting and about the same
        thing, or in the same item with a later date and a word of delivery ("Written response
        sent on 13 October 2022")."""
        query = parse_query(commitment["quote"], self.glossary)
        quote_key = " ".join(commitment["quote"].lower().split())[:80]
        found = []
        for hit in self.search(query, k=k):
            text = hit.chunk.text
            if quote_key in " ".join(text.lower().replace("**", "").split()):
                continue  # the commitment's own passage
            when = self.context_date(hit.chunk)
            later_meeting = when > commitment["meeting_date"]
            same_item = (hit.chunk.doc_id, hit.chunk.part_id) == (commitment["doc_id"], commitment["part_id"])
            dated = [d for d in (parse_date(m.group(0)) for m in _FULL_DATE.finditer(text)) if d]
            later_date = max((d for d in dated if d > commitment["meeting_date"]), default="")
            if later_meeting and self.coverage(query, text) >= FOLLOW_UP_COVERAGE:
                found.append((when, hit))
            elif same_item and later_date and _DELIVERY.search(text):
                found.append((later_date, hit))
        return [
            {"date": when, "quote": " ".join(hit.chunk.text.split())[:300], "cited_as": citation_text(hit),
             "doc_id": hit.chunk.doc_id, "page": hit.chunk.page, "line": hit.chunk.line}
            for when, hit in sorted(found, key=lambda pair: pair[0])
        ]

    def stats(self) -> dict:
        dates = sorted(d.meeting_date for d in self.documents.values() if d.meeting_date)
        return {
            "documents": len(self.documents),
            "meetings": len({(d.committee, d.meeting_date) for d in self.documents.values()}),
            "chunks": self.chunk_count,
            "first_meeting": dates[0] if dates else "",
            "last_meeting": dates[-1] if dates else "",
            "built_at": self.manifest.get("built_at", ""),
            "model": self.manifest.get("model", ""),
        }


def _distinct(hits: list[Hit]) -> list[Hit]:
    """Best first, without repeats: a passage printed in a pack and in the report published on its
    own is shown once, from its best-scoring source, even when the chunks around it differ. Short
    boilerplate ("Resolved: that the report be noted.") repeats only when identical."""
    kept: list[tuple[Hit, str]] = []
    for hit in hits:
        key = " ".join(hit.chunk.text.lower().split())
        if any(key == other or (min(len(key), len(other)) >= MIN_REPEAT_CHARS and (key in other or other in key))
               for _, other in kept):
            continue
        kept.append((hit, key))
    return [hit for hit, _ in kept]


def granularity_fit(period: Period, asked: Period) -> float:
    """1 for the same period, 0.5 for one of the same length that overlaps (2022 for 2022/23),
    0.4 for a finer one inside it (December 2022 for 2022/23), 0.3 for a coarser one around it
    (2023/24 for January 2024), 0 for no overlap."""
    if not period.overlaps(asked):
        return 0.0
    if (period.first, period.last) == (asked.first, asked.last):
        return 1.0
    if period.months == asked.months:
        return 0.5
    return FINER_FIT if period.months < asked.months else 0.3


def _embedder_choice(model_name: str) -> str:
    return "hash" if model_name.startswith("hash") else "minilm"
