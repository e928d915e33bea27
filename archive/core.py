"""The archive as a library: open an index, search it, ask it questions, browse it.

    from archive import Archive
    archive = Archive.open("index")
    hits = archive.search("UASC January 2024", k=5)
    answer = archive.ask("What was the UASC figure in January 2024?")

Archive holds what was loaded from the index (papers, statistics, vectors, the embedder) and runs
each request one way: query -> retrieve -> rerank -> evidence -> answer. The stages live in
`archive/ask/` and never call back into it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np

from archive.ask import follow_ups, retrieve
from archive.ask.answer import select_answer
from archive.ask.councils import Councils, about_areas
from archive.ask.evidence import Evidence, Papers, Passage
from archive.ask.features import Candidate, candidates, sentence_similarity
from archive.ask.figures import Point, gather
from archive.ask.filters import Filters
from archive.ask.query import Query, parse_query
from archive.ask.rerank import best_distinct, rerank
from archive.ask.selector import AnswerSelector
from archive.ask.stats import CorpusStats
from archive.ask.weights import Weights
from archive.glossary import Glossary
from archive.index import dense, format
from archive.index.backend import IndexStore, Location
from archive.index.embed import Embedder, get_embedder
from archive.index.embedded import EmbeddedStore
from archive.records import Answer, Chunk, Document, Hit, Part
from archive.text import terms

SENTENCE_CACHE = 50_000  # sentence vectors kept in memory (~80 MB at 384 float32 dims)


class Archive:
    def __init__(self, generation: Path, embedder: Embedder, manifest: dict, weights: Weights | None = None,
                 selector: AnswerSelector | None = None, index: IndexStore | None = None,
                 location: Location | None = None) -> None:
        """`index` is the store to read (default: the embedded generation directory `generation`). With
        a database, `generation` is named after the database's generation, and its parent is the
        directory that keeps the files beside the generations (feedback, saved searches)."""
        self.generation = generation
        self._selector = selector
        self.manifest = manifest
        self.embedder = embedder
        self.weights = weights or Weights()
        self.index = index or EmbeddedStore(generation, manifest)
        self.location = location or Location(generation.parent, "")
        self.papers = Papers(self.index.documents(), self.index.parts())
        self.councils = Councils.of(d.council for d in self.papers.documents.values())
        self.glossary = _load_glossary(self.index.glossary_rows())
        self.chunk_count = self.index.chunk_count()
        self._stats: CorpusStats | None = None
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._vectors_lock = threading.Lock()  # the API answers on several threads at once

    @classmethod
    def open(cls, index_dir: Path | str | None = None, embedder: Embedder | None = None,
             weights: Weights | None = None, selector: AnswerSelector | None = None,
             database_url: str | None = None, replicas: tuple[str, ...] | str | None = None) -> Archive:
        """The live generation of the index at `index_dir`, or of the PostgreSQL database at
        `database_url` (read from its `replicas` when given). Unset, the database URL and replicas
        come from ARCHIVE_DATABASE_URL and ARCHIVE_DATABASE_REPLICAS; "" means the embedded index."""
        location = Location.given(index_dir, database_url, replicas)
        index = location.open_store()
        try:
            manifest = index.manifest
            embedder = embedder or get_embedder(format.embedder_choice(manifest["model"]))
            where = location.index_dir if not location.is_database else "the database"
            format.check_embedder(where, manifest, embedder.name, embedder.dim)
            return cls(location.index_dir / index.name, embedder, manifest, weights, selector, index, location)
        except BaseException:
            index.close()
            raise

    def with_weights(self, weights: Weights) -> Archive:
        """The same open index answering with other weights (for fitting and comparisons)."""
        other = Archive.__new__(Archive)
        other.__dict__.update(self.__dict__)
        other.weights = weights
        return other

    @property
    def db(self):
        """The embedded generation's SQLite connection (this thread's)."""
        return self.index.db

    @property
    def reader(self):
        return self.index.reader

    @property
    def vectors(self) -> dense.DenseIndex:
        """The embedded generation's vectors."""
        return self.index.vectors

    def live_generation(self) -> str | None:
        """The name of the generation the index's own pointer names now (a newer one once published)."""
        return self.index.live_name()

    @property
    def documents(self) -> dict[str, Document]:
        return self.papers.documents

    @property
    def parts(self) -> dict[tuple[str, int], Part]:
        return self.papers.parts

    @property
    def selector(self) -> AnswerSelector:
        if self._selector is None:  # loaded on first use (the shipped model, ask/models/)
            self._selector = AnswerSelector.load()
        return self._selector

    @property
    def corpus_stats(self) -> CorpusStats:
        if self._stats is None:  # read on first use: opening stays quick
            self._stats = CorpusStats(self.chunk_count, self.index.term_df(), self.glossary)
        return self._stats

    # -- search and answers -----------------------------------------------------------------------
    def query(self, question: str | Query) -> Query:
        return question if isinstance(question, Query) else parse_query(question, self.glossary)

    def passages(self, question: str | Query, k: int = 10, filters: Filters | None = None,
                 mode: str = "hybrid") -> list[Passage]:
        """mode: hybrid (fused and reranked), fused (reciprocal-rank fusion only), lexical or dense."""
        query = self.query(question)
        filters = self.scope(query, filters or Filters())
        n = self.weights.rerank.candidates
        lexical = retrieve.lexical(self.index, query, n, filters, self.corpus_stats) if mode in (
            "hybrid", "fused", "lexical") else []
        dense_ids = retrieve.semantic(self.index, self.embedder, query, n, filters=filters) \
            if mode in ("hybrid", "fused", "dense") else []
        found = retrieve.fused_passages(self.index, self.papers, lexical, dense_ids)
        if mode == "hybrid":
            found = rerank(found, query, self.corpus_stats, self.weights)
        return best_distinct(found)[:k]

    def scope(self, query: Query, filters: Filters) -> Filters:
        """The filters, narrowed to one council's papers when the question names exactly one of the
        archive's councils (and no council filter is set): answers come from the council asked about."""
        named = self.councils.named_in(query.text) if not filters.council and len(self.councils.names) > 1 else ()
        return replace(filters, council=named[0]) if len(named) == 1 else filters

    def search(self, question: str | Query, k: int = 10, filters: Filters | None = None,
               mode: str = "hybrid") -> list[Hit]:
        return [p.hit for p in self.passages(question, k, filters, mode)]

    def evidence(self, question: str | Query, k: int = 10, filters: Filters | None = None) -> Evidence:
        query = self.query(question)
        return Evidence(query, tuple(self.passages(query, k, filters)), self.corpus_stats)

    def answer_candidates(self, question: str | Query, k: int = 10,
                          filters: Filters | None = None) -> tuple[Evidence, list[Candidate]]:
        """The evidence for a question and every candidate answer in it, with its features."""
        evidence = self.evidence(question, max(k, self.weights.answer.passages), filters)
        similarity = sentence_similarity(evidence, self._encode_cached)
        found = candidates(evidence, self.weights, similarity)
        return evidence, about_areas(found, self.councils.foreign_areas(evidence.query.text))

    def _encode_cached(self, texts: list[str]) -> np.ndarray:
        """Vectors of sentences, remembered (up to SENTENCE_CACHE): passages recur across questions."""
        with self._vectors_lock:
            known = {t: self._vectors[t] for t in dict.fromkeys(texts) if t in self._vectors}
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            known.update(zip(missing, self.embedder.encode(missing), strict=True))
            with self._vectors_lock:
                for text in missing:
                    self._vectors[text] = known[text]
                while len(self._vectors) > SENTENCE_CACHE:
                    self._vectors.popitem(last=False)
        return np.vstack([known[t] for t in texts])

    def refusal(self, question: str) -> str | None:
        """Why the archive will not answer a question at all: it names a council whose papers it
        does not hold, or a council area no paper mentions (and no council it does hold). None
        otherwise."""
        others = self.councils.others_named(question) or self.councils.areas_not_held(
            question, self.corpus_stats.mentions)
        if not others or self.councils.named_in(question):
            return None
        held = "; ".join(self.councils.names) or "no council named in its manifest"
        return f"The archive holds no papers of {others[0]} (it holds: {held})."

    def ask(self, question: str, k: int = 10, filters: Filters | None = None) -> Answer:
        filters = filters or Filters()
        refused = None if filters.council else self.refusal(question)
        if refused:
            return Answer(question, None, "", (), refused)
        query = self.query(question)
        scoped = self.scope(query, filters)  # found once here; passages() keeps a council already set
        evidence, found = self.answer_candidates(query, k, scoped)
        answer = select_answer(evidence, found, self.selector)
        if answer.text is None and scoped.council != filters.council:
            answer = replace(answer, note=f"{answer.note} Only {scoped.council}'s papers were searched: the "
                                          "question names it.")
        return replace(answer, citations=answer.citations[:k])

    def figures(self, measure: str, council: str = "") -> list[Point]:
        """Every value the archive gives for a measure, by council and period (over every lexical
        match; one council's papers when `council` names it)."""
        query = self.query(measure)
        rowids = retrieve.lexical(self.index, query, self.weights.figures.passages, Filters(council=council or None))
        return gather(Evidence(query, self.passages_of(rowids), self.corpus_stats), self.weights.figures)

    def passages_of(self, rowids: list[int]) -> tuple[Passage, ...]:
        """Chunks by rowid as passages (in that order), read in one query."""
        rows = self.index.chunk_rows(rowids)
        return tuple(retrieve.passage_of_row(self.papers, rows[i]) for i in rowids)

    # -- records ----------------------------------------------------------------------------------
    def questions(self, text: str = "", questioner: str = "", number: str = "", council: str = "") -> list[dict]:
        """Public and member questions, filtered by words in any field, questioner, number or council."""
        wanted = set(terms(text))
        out = []
        for row in self.index.question_rows():
            if questioner and questioner.lower() not in row["questioner"].lower():
                continue
            if number and number.replace(" ", "").upper() != row["number"].replace(" ", "").upper():
                continue
            if wanted and not wanted <= set(terms(" ".join(str(v) for v in row.values()))):
                continue
            document = self.documents.get(row["doc_id"])
            if council and (document is None or council.lower() not in document.council.lower()):
                continue
            row["council"] = document.council if document else ""
            row["meeting_date"] = document.meeting_date if document else ""
            row["committee"] = document.committee if document else ""
            row["title"] = document.title if document else ""
            out.append(row)
        return out

    def follow_ups(self, commitment: dict) -> list[tuple[str, int]]:
        """Later passages that follow a commitment up, as (date, chunk rowid), oldest first; the
        index stores these (build/tracking.py).
        Candidates are passages of its own item, and the best passages of the same committee's
        meetings from then on that hold at least two of its three rarest words: an indexed lookup
        that stays quick as the archive grows."""
        query = self.query(commitment["quote"])
        expression = follow_ups.rare_words_expression(query, self.corpus_stats)
        document = self.documents[commitment["doc_id"]]
        later = Filters(committee=document.committee or None, date_from=commitment["meeting_date"] or None,
                        council=document.council or None)
        rowids = self.index.lexical_ids(expression, self.weights.follow_up_passages,
                                        later.restriction()) if expression else []
        own = [c.chunk_id for c in self.part_chunks(commitment["doc_id"], commitment["part_id"])]
        evidence = Evidence(query, self.passages_of(list(dict.fromkeys(own + rowids))), self.corpus_stats)
        found = follow_ups.follow_ups(commitment, evidence, self.weights.follow_up_coverage)
        return [(when, hit.chunk.chunk_id) for when, hit in found]

    def commitments(self, committee: str = "", date_from: str = "", date_to: str = "", owner: str = "",
                    status: str = "", kind: str = "", today: str = "", council: str = "") -> list[dict]:
        """Commitments with their follow-ups (found when the index was built) and status, oldest
        meeting first. The passages the follow-ups cite are read in one query."""
        today = today or date.today().isoformat()
        kept = []
        for item in self.index.commitment_rows():
            document = self.documents[item["doc_id"]]
            if committee and committee.lower() not in document.committee.lower():
                continue
            if council and council.lower() not in document.council.lower():
                continue
            if (date_from and item["meeting_date"] < date_from) or (date_to and item["meeting_date"] > date_to):
                continue
            if (owner and owner.lower() not in item["owner"].lower()) or (kind and kind != item["kind"]):
                continue
            kept.append(item)
        if not self.manifest.get("follow_ups", True):  # built with --no-follow-ups: found now
            for item in kept:
                item["follow_ups"] = self.follow_ups(item)
        cited = self.passages_of(list(dict.fromkeys(r for item in kept for _, r in item["follow_ups"])))
        hits = {p.chunk.chunk_id: p.hit for p in cited}
        out = []
        for item in kept:
            del item["rowid"]
            item["follow_ups"] = [follow_ups.describe(when, hits[r]) for when, r in item["follow_ups"]]
            item["status"] = follow_ups.status(item["follow_ups"], item["due_iso"], today)
            if status and status != item["status"]:
                continue
            document = self.documents[item["doc_id"]]
            part = self.parts.get((item["doc_id"], item["part_id"]))
            item.update(council=document.council, committee=document.committee, title=document.title,
                        part=part.title if part else "", source=document.source_url or document.path)
            out.append(item)
        return out

    # -- browsing ---------------------------------------------------------------------------------
    def context_date(self, chunk: Chunk) -> str:
        return self.papers.context_date(chunk)

    def neighbours(self, chunk: Chunk, before: int = 1, after: int = 1) -> list[Chunk]:
        return self.index.neighbour_chunks(chunk, before, after)

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
        return self.index.part_chunks(doc_id, part_id)

    def facets(self, hits: list[Hit]) -> dict[str, dict[str, int]]:
        """How many of the hits come from each council, committee, document type and year."""
        out: dict[str, dict[str, int]] = {"council": {}, "committee": {}, "doc_type": {}, "year": {}}
        for hit in hits:
            document = hit.document or self.documents[hit.chunk.doc_id]
            for facet, value in (("council", document.council), ("committee", document.committee),
                                 ("doc_type", document.doc_type),
                                 ("year", self.context_date(hit.chunk)[:4])):
                if value:
                    out[facet][value] = out[facet].get(value, 0) + 1
        return out

    def stats(self) -> dict:
        """What the index holds, for the app's header."""
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


def _load_glossary(rows) -> Glossary:
    glossary = Glossary()
    for row in rows:
        glossary.add(row["acronym"], row["expansion"])
        glossary.sources.setdefault(row["acronym"], set()).update(filter(None, row["doc_id"].split("; ")))
    return glossary
