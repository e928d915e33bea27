"""Write a generation: read the corpus, analyse new and changed papers, copy unchanged ones from
the previous generation, embed what is new, and publish the result atomically.

Every build writes a complete new generation directory and then points index/CURRENT at it with
an atomic rename (archive/index/format.py), so an interrupted build (Ctrl-C, kill -9, full disk)
leaves the previous generation in place and usable. Chunks whose text is unchanged reuse their
stored vectors.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from archive.build.analyse import PaperAnalysis, StoredPeriods, analyse_paper
from archive.build.chunk import ChunkSettings
from archive.build.corpus import SourceFile, list_sources
from archive.build.ingest import printed_page_labels, read_pages, sha256_file
from archive.errors import ArchiveError, IngestError
from archive.glossary import Glossary
from archive.index import dense, format, store
from archive.index.embed import Embedder
from archive.records import Chunk, Document
from archive.text import terms


@dataclass
class BuildReport:
    indexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    not_reread: list[str] = field(default_factory=list)  # unchanged and copied without reading the file
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, the file it repeats)
    chunks: int = 0
    embedded: int = 0
    reused_vectors: int = 0
    seconds: float = 0.0
    generation: str = ""


def embed_hash(embedder: Embedder, text: str) -> str:
    return hashlib.sha256(f"{embedder.name}\x00{text}".encode()).hexdigest()[:32]


@dataclass
class _Previous:
    """What a build can reuse from the current generation."""

    generation: Path | None = None
    manifest: dict = field(default_factory=dict)
    vectors: dict[str, np.ndarray] = field(default_factory=dict)  # embed_hash -> vector

    @property
    def files(self) -> dict[str, str]:
        return self.manifest.get("files", {})

    def unchanged(self, doc_id: str, fingerprint: list, settings: ChunkSettings) -> bool:
        """Same file (size, modification time), same manifest row, same chunking and format."""
        return (
            self.generation is not None
            and self.manifest.get("format_version") == format.FORMAT_VERSION
            and self.manifest.get("parser_version") == format.PARSER_VERSION
            and self.manifest.get("chunking") == settings.as_dict()
            and doc_id in self.files
            and self.manifest.get("fingerprints", {}).get(doc_id) == fingerprint
        )


def _previous(index_dir: Path) -> _Previous:
    generation = format.current_generation(index_dir)
    if generation is None:
        return _Previous()
    try:
        manifest = format.read_manifest(generation)
        connection = store.connect(generation / format.DATABASE)
        rows = store.embed_hashes(connection)
        connection.close()
        vectors = dense.vectors_by_id(dense.load(generation / format.VECTORS), [r["rowid"] for r in rows])
        return _Previous(generation, manifest, {r["embed_hash"]: v for r, v in zip(rows, vectors, strict=True)})
    except Exception:  # noqa: BLE001 - an unreadable old generation only costs re-reading and re-embedding
        return _Previous()


def _fingerprint(source: SourceFile) -> list:
    stat = source.path.stat()
    meta = "\x00".join([source.title, source.committee, source.meeting_date, source.doc_type, source.source_url])
    return [stat.st_size, stat.st_mtime_ns, hashlib.sha256(meta.encode()).hexdigest()[:16]]


def index_text(heading: str, text: str, glossary: Glossary) -> str:
    head = heading if heading and not text.lstrip().startswith(heading) else ""
    extra = glossary.expansions_in(text)
    return "\n".join(part for part in (head, text, " ".join(extra)) if part)


@dataclass
class _Sources:
    """The corpus as this build sees it: papers to read, papers to copy, and their fingerprints."""

    documents: list[Document] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)  # unchanged papers: rows copied from the previous generation
    fingerprints: dict[str, list] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # doc_id -> SHA-256


def _read_sources(corpus_dir: Path, previous: _Previous, settings: ChunkSettings, report: BuildReport,
                  progress: bool, log) -> _Sources:
    from tqdm import tqdm

    found = _Sources()
    first_with: dict[str, str] = {}  # content hash -> first file with that content
    for source in tqdm(list_sources(corpus_dir), desc="Reading", unit="file", disable=not progress):
        try:
            fingerprint = _fingerprint(source)
            unchanged = previous.unchanged(source.doc_id, fingerprint, settings)
            digest = previous.files[source.doc_id] if unchanged else sha256_file(source.path)
        except OSError as exc:
            report.skipped.append((source.doc_id, f"cannot be read ({exc.strerror or exc})"))
            log(f"skipped {source.doc_id}: cannot be read ({exc.strerror or exc})")
            continue
        if digest in first_with:
            report.duplicates.append((source.doc_id, first_with[digest]))
            log(f"{source.doc_id} has the same content as {first_with[digest]}: indexed once")
            continue
        if not unchanged:
            try:
                pages = read_pages(source.path)
            except IngestError as exc:
                report.skipped.append((source.doc_id, str(exc).split(": ", 1)[-1]))
                log(f"skipped {exc}")
                continue
            found.documents.append(Document(
                source.doc_id, str(source.path), source.title, source.committee, source.meeting_date,
                source.doc_type, source.source_url, tuple(pages), digest, tuple(printed_page_labels(pages))))
            (report.unchanged if previous.files.get(source.doc_id) == digest else report.indexed).append(source.doc_id)
        else:
            found.reused.append(source.doc_id)
            report.unchanged.append(source.doc_id)
            report.not_reread.append(source.doc_id)
        first_with[digest] = source.doc_id
        found.fingerprints[source.doc_id], found.files[source.doc_id] = fingerprint, digest
    return found


def _glossary(analyses: list[PaperAnalysis], reused: list[str], previous: _Previous) -> Glossary:
    glossary = Glossary.with_council_vocabulary()
    for analysis in analyses:
        for acronym, expansion in analysis.definitions:
            glossary.add(acronym, expansion, analysis.document.doc_id)
    if reused:  # acronyms the unchanged papers defined, as the previous generation recorded them
        connection = store.connect(previous.generation / format.DATABASE)
        for row in store.glossary_rows(connection):
            for source in set(filter(None, (row["doc_id"] or "").split("; "))) & set(reused):
                glossary.add(row["acronym"], row["expansion"], source)
        connection.close()
    return glossary


class _ChunkWriter:
    """Stores chunks with their FTS text and embedding key, and counts their terms (for IDF)."""

    def __init__(self, connection: sqlite3.Connection, glossary: Glossary, embedder: Embedder) -> None:
        self.connection, self.glossary, self.embedder = connection, glossary, embedder
        self.rowids: list[int] = []
        self.texts: list[str] = []
        self.df: Counter = Counter()

    def add(self, chunk: Chunk, periods: StoredPeriods) -> None:
        text = index_text(chunk.heading, chunk.text, self.glossary)
        self.rowids.append(store.write_chunk(self.connection, chunk, text, periods, embed_hash(self.embedder, text)))
        self.texts.append(text)
        self.df.update(set(terms(chunk.heading + " " + chunk.text)))


def _write_rows(connection: sqlite3.Connection, analyses: list[PaperAnalysis], reused: list[str],
                glossary: Glossary, embedder: Embedder) -> _ChunkWriter:
    writer = _ChunkWriter(connection, glossary, embedder)
    with connection:
        for analysis in analyses:
            store.write_document(connection, analysis.document, list(analysis.parts))
            store.write_questions(connection, list(analysis.questions))
            store.write_commitments(connection, list(analysis.commitments))
            for chunk, periods in analysis.chunks:
                writer.add(chunk, periods)
        for doc_id in reused:
            for row in store.copy_paper(connection, doc_id):
                writer.add(store.row_to_chunk(row), store.row_periods(row))
        store.write_term_df(connection, writer.df)
        store.write_glossary(connection, [
            (acronym, expansion, "; ".join(sorted(glossary.sources.get(acronym, ()))))
            for acronym, expansions in glossary.entries.items() for expansion in sorted(expansions)])
    return writer


def _vectors(texts: list[str], previous: _Previous, embedder: Embedder, report: BuildReport, progress: bool,
             log) -> np.ndarray:
    """A vector per text: reused when the same model embedded the same text before, else encoded."""
    vectors = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    todo = []
    for i, text in enumerate(texts):
        cached = previous.vectors.get(embed_hash(embedder, text))
        if cached is not None and cached.shape[0] == embedder.dim:
            vectors[i] = cached
        else:
            todo.append(i)
    report.reused_vectors = len(texts) - len(todo)
    report.embedded = len(todo)
    if todo:
        if progress:
            log(f"Embedding {len(todo)} chunks with {embedder.name}")
        todo.sort(key=lambda i: len(texts[i]))  # similar lengths batched together: less padding
        vectors[todo] = embedder.encode([texts[i] for i in todo], progress=progress)
    return vectors


def build_index(corpus_dir: Path, index_dir: Path, embedder: Embedder, settings: ChunkSettings | None = None,
                progress: bool = True, log=print) -> BuildReport:
    settings = settings or ChunkSettings()
    started = time.perf_counter()
    corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    previous = _previous(index_dir)
    sources = _read_sources(corpus_dir, previous, settings, report, progress, log)
    if not sources.documents and not sources.reused:
        raise ArchiveError(f"nothing could be indexed from {corpus_dir}")
    analyses = [analyse_paper(document, settings) for document in sources.documents]
    glossary = _glossary(analyses, sources.reused, previous)

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    generation = index_dir / f"gen-{stamp}"
    building = index_dir / f".building-{stamp}-{os.getpid()}"
    building.mkdir()
    try:
        connection = store.connect(building / format.DATABASE, create=True)
        if sources.reused:
            store.attach_previous(connection, previous.generation / format.DATABASE)
        written = _write_rows(connection, analyses, sources.reused, glossary, embedder)
        connection.close()
        report.chunks = len(written.rowids)
        vectors = _vectors(written.texts, previous, embedder, report, progress, log)
        dense.save(dense.build(vectors, np.array(written.rowids, dtype=np.int64)), building / format.VECTORS)
        format.publish(index_dir, building, generation, {
            "format_version": format.FORMAT_VERSION,
            "parser_version": format.PARSER_VERSION,
            "model": embedder.name,
            "dim": embedder.dim,
            "chunking": settings.as_dict(),
            "files": sources.files,
            "fingerprints": sources.fingerprints,
            "skipped": dict(report.skipped),
            "duplicates": dict(report.duplicates),
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "chunks": report.chunks,
        })
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    format.remove_old_generations(index_dir, keep=generation.name)
    report.generation = generation.name
    report.seconds = time.perf_counter() - started
    return report
