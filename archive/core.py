"""The archive as a library: open an index, search it, ask it questions, browse it.

    from archive import Archive
    archive = Archive.open("index")
    hits = archive.search("UASC January 2024", k=5)
    answer = archive.ask("What was the UASC figure in January 2024?")

A thin facade: the request steps live in ask/pipeline.py, the record listings in listings.py, and
what they read (the index store, papers, councils, statistics, embedder, selector) in one
ask/resources.Resources that this class holds and never lets the steps reach back into.
"""

from __future__ import annotations

from pathlib import Path

from archive import listings, registers
from archive.ask import pipeline
from archive.ask.evidence import Evidence, Passage
from archive.ask.resources import Resources
from archive.ask.retrieve import search as retrieve
from archive.ask.retrieve.filters import Filters
from archive.ask.retrieve.stats import CorpusStats
from archive.ask.select.candidates import Candidate
from archive.ask.select.selector import AnswerSelector
from archive.ask.track import figures as figure_series
from archive.ask.track import follow_ups
from archive.ask.track.figures import Point
from archive.ask.understand.query import Query
from archive.ask.weights import Weights
from archive.index import dense, format
from archive.index.backend import IndexStore, Location
from archive.index.embed import Embedder, get_embedder
from archive.index.embedded import EmbeddedStore
from archive.records import Answer, Chunk, Document, Hit, Part


class Archive:
    def __init__(self, generation: Path, embedder: Embedder, manifest: dict, weights: Weights | None = None,
                 selector: AnswerSelector | None = None, index: IndexStore | None = None,
                 location: Location | None = None) -> None:
        """`index` is the store to read (default: the embedded generation directory `generation`). With
        a database, `generation` is named after the database's generation, and its parent is the
        directory that keeps the files beside the generations (feedback, saved searches)."""
        self.generation = generation
        self.manifest = manifest
        self.location = location or Location(generation.parent, "")
        self.resources = Resources(index or EmbeddedStore(generation, manifest), embedder, weights, selector)
        r = self.resources
        self.index, self.embedder, self.papers, self.councils = r.index, r.embedder, r.papers, r.councils
        self.glossary, self.chunk_count = r.glossary, r.chunk_count

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
        return self._with(self.resources.with_weights(weights))

    def with_reading(self, reading) -> Archive:
        """The same open index deciding with another second look (select/reading.py); None answers at
        the selector's own threshold instead of the shipped precision-first point."""
        return self._with(self.resources.with_reading(reading))

    def _with(self, resources: Resources) -> Archive:
        other = Archive.__new__(Archive)
        other.__dict__.update(self.__dict__)
        other.resources = resources
        return other

    # -- what is loaded ---------------------------------------------------------------------------
    weights = property(lambda self: self.resources.weights)
    selector: AnswerSelector = property(lambda self: self.resources.selector)
    corpus_stats: CorpusStats = property(lambda self: self.resources.stats)
    documents: dict[str, Document] = property(lambda self: self.papers.documents)
    parts: dict[tuple[str, int], Part] = property(lambda self: self.papers.parts)
    db = property(lambda self: self.index.db, doc="The embedded generation's SQLite connection (this thread's).")
    reader = property(lambda self: self.index.reader)
    vectors: dense.DenseIndex = property(lambda self: self.index.vectors, doc="The embedded generation's vectors.")

    def live_generation(self) -> str | None:
        """The name of the generation the index's own pointer names now (a newer one once published)."""
        return self.index.live_name()

    # -- search and answers (ask/pipeline.py) -----------------------------------------------------
    def query(self, question: str | Query) -> Query:
        return pipeline.understand(question, self.resources)

    def passages(self, question: str | Query, k: int = 10, filters: Filters | None = None,
                 mode: str = "hybrid") -> list[Passage]:
        """mode: hybrid (fused and reranked), fused (reciprocal-rank fusion only), lexical or dense."""
        return pipeline.passages(self.query(question), k, filters or Filters(), self.resources, mode)

    def search(self, question: str | Query, k: int = 10, filters: Filters | None = None,
               mode: str = "hybrid") -> list[Hit]:
        return [p.hit for p in self.passages(question, k, filters, mode)]

    def answer_candidates(self, question: str | Query, k: int = 10, filters: Filters | None = None,
                          every_kind: bool = True) -> tuple[Evidence, list[Candidate]]:
        """The evidence for a question and every candidate answer in it, with its features: of every
        kind (for training and measuring), or with `every_kind=False` only those the shipped selector
        is offered when answering."""
        return pipeline.gather(self.query(question), k, filters or Filters(), self.resources, every_kind)

    def refusal(self, question: str) -> str | None:
        return pipeline.refusal(self.query(question), self.resources)

    def ask(self, question: str, k: int = 10, filters: Filters | None = None) -> Answer:
        return pipeline.ask(question, self.resources, k, filters)

    # -- records (listings.py, ask/track/figures.py, ask/track/follow_ups.py) ---------------------------------
    def figures(self, measure: str, council: str = "") -> list[Point]:
        return figure_series.series(measure, self.resources, council)

    def passages_of(self, rowids: list[int]) -> tuple[Passage, ...]:
        return retrieve.passages_of(self.index, self.papers, rowids)

    def questions(self, text: str = "", questioner: str = "", number: str = "", council: str = "") -> list[dict]:
        return listings.questions(self.resources, text, questioner, number, council)

    def follow_ups(self, commitment: dict) -> list[tuple[str, int]]:
        return follow_ups.find(commitment, self.resources)

    def commitments(self, committee: str = "", date_from: str = "", date_to: str = "", owner: str = "",
                    status: str = "", kind: str = "", today: str = "", council: str = "") -> list[dict]:
        return listings.commitments(self.resources, self.manifest, committee, date_from, date_to, owner, status,
                                    kind, today, council)

    # -- people and decisions (registers.py) --------------------------------------------------------
    def people(self, name: str = "", council: str = "") -> list[dict]:
        return registers.people(self.resources, name, council)

    def person(self, person_id: int) -> dict | None:
        return registers.person(self.resources, person_id)

    def decisions(self, council: str = "", committee: str = "", date_from: str = "", date_to: str = "",
                  outcome: str = "") -> list[dict]:
        return registers.decisions(self.resources, council, committee, date_from, date_to, outcome)

    # -- browsing ---------------------------------------------------------------------------------
    def context_date(self, chunk: Chunk) -> str:
        return self.papers.context_date(chunk)

    def neighbours(self, chunk: Chunk, before: int = 1, after: int = 1) -> list[Chunk]:
        return self.index.neighbour_chunks(chunk, before, after)

    def meetings(self) -> list[dict]:
        return listings.meetings(self.documents)

    def document_parts(self, doc_id: str) -> list[Part]:
        return sorted((p for (d, _), p in self.parts.items() if d == doc_id), key=lambda p: p.part_id)

    def part_chunks(self, doc_id: str, part_id: int) -> list[Chunk]:
        return self.index.part_chunks(doc_id, part_id)

    def facets(self, hits: list[Hit]) -> dict[str, dict[str, int]]:
        return listings.facets(self.resources, hits)

    def stats(self) -> dict:
        return listings.summary(self.documents, self.chunk_count, self.manifest)
