"""Write a generation: read the corpus, analyse new and changed papers, copy unchanged ones from
the previous generation, embed what is new, and publish the result atomically.

Every build writes a complete new generation directory and then points index/CURRENT at it with
an atomic rename (archive/index/format.py), so an interrupted build (Ctrl-C, kill -9, full disk)
leaves the previous generation in place and usable. Chunks whose text is unchanged reuse their
stored vectors.

Memory stays bounded whatever the corpus size: pass one reads, analyses and stores one paper at a
time; pass two walks the stored chunks in batches (search text, term counts, vectors written into
a memory-mapped matrix); the approximate vector index, when the archive is large, is built from
that matrix block by block.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from archive.ask.select.kinds import kinds_held
from archive.build.analyse import PaperAnalysis, analyse_paper
from archive.build.checks import date_warning, metadata_warnings
from archive.build.chunk import ChunkSettings
from archive.build.corpus import SourceFile, list_sources
from archive.build.ingest import printed_page_labels, read_pages, sha256_file
from archive.build.registry import link_people_and_decisions
from archive.build.sentences import embed_sentences, read_sentences
from archive.build.tracking import find_follow_ups
from archive.errors import ArchiveError, IngestError
from archive.glossary import Glossary
from archive.index import dense, format, store
from archive.index import sentences as stored_sentences
from archive.index.embed import Embedder
from archive.records import Document
from archive.text import terms

EMBED_BATCH = 4096  # chunks per pass-two batch: sorted by length inside it, then embedded


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
    sentences: int = 0  # sentence vectors stored (sentences.npy)
    embedded_sentences: int = 0
    follow_ups: int = 0  # commitments whose follow-ups were looked for
    ocr_pages: int = 0  # pages read by OCR in this build (papers read again, not copied)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, what its metadata lacks or contradicts,
    #                                                                 or which pages were not read: no OCR, OCR failed)
    seconds: float = 0.0
    generation: str = ""


def embed_hash(embedder: Embedder, text: str) -> str:
    return hashlib.sha256(f"{embedder.name}\x00{text}".encode()).hexdigest()[:32]


@dataclass
class _Previous:
    """What a build can reuse from the current generation: unchanged papers' rows, and the vectors
    of texts it embedded before (found by their embedding key)."""

    generation: Path | None = None
    manifest: dict = field(default_factory=dict)
    matrix: np.ndarray | None = None  # its vectors, memory-mapped
    sentence_matrix: np.ndarray | None = None  # its sentences' vectors, memory-mapped

    @property
    def files(self) -> dict[str, str]:
        return self.manifest.get("files", {})

    @property
    def same_format(self) -> bool:
        return self.generation is not None and self.manifest.get("format_version") == format.FORMAT_VERSION

    def unchanged(self, doc_id: str, fingerprint: list, settings: ChunkSettings) -> bool:
        """Same file (size, modification time), same manifest row, same chunking and format."""
        return (
            self.same_format
            and self.manifest.get("parser_version") == format.PARSER_VERSION
            and self.manifest.get("chunking") == settings.as_dict()
            and doc_id in self.files
            and self.manifest.get("fingerprints", {}).get(doc_id) == fingerprint
            and doc_id not in self.manifest.get("ocr_pending", ())  # read again: OCR may be there now
        )


def _previous(index_dir: Path) -> _Previous:
    generation = format.current_generation(index_dir)
    if generation is None:
        return _Previous()
    try:
        manifest = format.read_manifest(generation)
        previous = _Previous(generation, manifest)
        if previous.same_format:
            previous.matrix = dense.load_matrix(generation / dense.MATRIX)
            previous.sentence_matrix = stored_sentences.load_matrix(generation)
        return previous
    except Exception:  # noqa: BLE001 - an unreadable old generation only costs re-reading and re-embedding
        return _Previous()


def _fingerprint(source: SourceFile) -> list:
    stat = source.path.stat()
    meta = "\x00".join([source.title, source.committee, source.meeting_date, source.doc_type, source.source_url,
                        source.council])
    return [stat.st_size, stat.st_mtime_ns, hashlib.sha256(meta.encode()).hexdigest()[:16]]


def index_text(heading: str, text: str, glossary: Glossary) -> str:
    head = heading if heading and not text.lstrip().startswith(heading) else ""
    extra = glossary.expansions_in(text)
    return "\n".join(part for part in (head, text, " ".join(extra)) if part)


@dataclass
class _Papers:
    """Pass one: each paper read (or copied when unchanged), analysed and stored, one at a time,
    so that memory holds one paper, never the corpus."""

    connection: sqlite3.Connection
    previous: _Previous
    settings: ChunkSettings
    report: BuildReport
    log: Callable[[str], None]
    glossary: Glossary = field(default_factory=Glossary.with_council_vocabulary)
    fingerprints: dict[str, list] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # doc_id -> SHA-256
    first_with: dict[str, str] = field(default_factory=dict)  # content hash -> first file with it
    ocr_pending: list[str] = field(default_factory=list)  # papers with pages left unread (no OCR, OCR failed)

    def skip(self, doc_id: str, reason: str) -> None:
        self.report.skipped.append((doc_id, reason))
        self.log(f"skipped {doc_id}: {reason}")

    def warn(self, doc_id: str, warning: str) -> None:  # listed by name in the build's summary
        self.report.warnings.append((doc_id, warning))

    def add(self, source: SourceFile) -> None:
        for warning in metadata_warnings(source):
            self.warn(source.doc_id, warning)
        try:
            fingerprint = _fingerprint(source)
            unchanged = self.previous.unchanged(source.doc_id, fingerprint, self.settings)
            digest = self.previous.files[source.doc_id] if unchanged else sha256_file(source.path)
        except OSError as exc:
            self.skip(source.doc_id, f"cannot be read ({exc.strerror or exc})")
            return
        if digest in self.first_with:
            self.report.duplicates.append((source.doc_id, self.first_with[digest]))
            self.log(f"{source.doc_id} has the same content as {self.first_with[digest]}: indexed once")
            return
        if unchanged:
            store.copy_paper(self.connection, source.doc_id)
            self.report.unchanged.append(source.doc_id)
            self.report.not_reread.append(source.doc_id)
        else:
            try:
                pages = read_pages(source.path)
            except IngestError as exc:
                self.skip(source.doc_id, str(exc).split(": ", 1)[-1])
                return
            ocr_pages, warnings = getattr(pages, "ocr_pages", ()), getattr(pages, "warnings", ())
            for warning in [*warnings, date_warning(source, pages[0] if pages else "")]:
                if warning:
                    self.warn(source.doc_id, warning)
            if warnings:
                self.ocr_pending.append(source.doc_id)
            self.report.ocr_pages += len(ocr_pages)
            document = Document(source.doc_id, str(source.path), source.title, source.committee,
                                source.meeting_date, source.doc_type, source.source_url, tuple(pages), digest,
                                tuple(printed_page_labels(pages)), tuple(ocr_pages), source.council)
            self._write(analyse_paper(document, self.settings))
            store.write_ocr_words(self.connection, source.doc_id, getattr(pages, "ocr_words", {}))
            changed = self.previous.files.get(source.doc_id) != digest
            (self.report.indexed if changed else self.report.unchanged).append(source.doc_id)
        self.first_with[digest] = source.doc_id
        self.fingerprints[source.doc_id], self.files[source.doc_id] = fingerprint, digest

    def _write(self, analysis: PaperAnalysis) -> None:
        document = analysis.document
        store.write_document(self.connection, document, list(analysis.parts))
        store.write_questions(self.connection, list(analysis.questions))
        store.write_commitments(self.connection, list(analysis.commitments))
        store.write_people_and_decisions(self.connection, list(analysis.appearances), list(analysis.recommendations),
                                         list(analysis.resolutions))
        for chunk, periods in analysis.chunks:
            store.write_chunk(self.connection, chunk, periods,
                              analysis.parts[chunk.part_id].part_date or document.meeting_date,
                              kinds_held(chunk.text))
        for acronym, expansion in analysis.definitions:
            self.glossary.add(acronym, expansion, document.doc_id)

    def add_previous_glossary(self) -> None:
        """Acronyms the copied papers defined, as the previous generation recorded them."""
        copied = set(self.report.not_reread)
        if not copied:
            return
        for row in store.glossary_rows(self.connection, "old"):
            for source in set(filter(None, (row["doc_id"] or "").split("; "))) & copied:
                self.glossary.add(row["acronym"], row["expansion"], source)


def _search_text(connection: sqlite3.Connection, glossary: Glossary, embedder: Embedder, previous: _Previous,
                 matrix: np.ndarray, report: BuildReport, progress: bool) -> None:
    """Pass two, over the stored chunks in rowid order: the searchable text (now that the glossary
    is whole), term counts for IDF, and a vector per chunk: the previous generation's when the same
    model embedded the same text, else encoded now. Batches sorted by length waste less padding."""
    from tqdm import tqdm

    df: Counter = Counter()
    reuse = previous.matrix is not None and previous.matrix.shape[1] == embedder.dim
    bar = tqdm(total=len(matrix), desc="Embedding", unit="chunk", disable=not progress)
    for rows in store.chunk_batches(connection, EMBED_BATCH):
        texts = [index_text(r["heading"], r["text"], glossary) for r in rows]
        keys = [embed_hash(embedder, text) for text in texts]
        store.write_search_text(connection, [(r["rowid"], t, k) for r, t, k in zip(rows, texts, keys, strict=True)])
        for row in rows:
            df.update(set(terms(row["heading"] + " " + row["text"])))
        positions = np.array([r["rowid"] - 1 for r in rows], dtype=np.int64)
        before = store.previous_rows_by_hash(connection, keys) if reuse else {}
        todo = [i for i, key in enumerate(keys) if key not in before]
        done = [i for i, key in enumerate(keys) if key in before]
        if done:
            matrix[positions[done]] = previous.matrix[np.array([before[keys[i]] - 1 for i in done], dtype=np.int64)]
        if todo:
            todo.sort(key=lambda i: len(texts[i]))
            matrix[positions[todo]] = embedder.encode([texts[i] for i in todo])
        report.embedded += len(todo)
        report.reused_vectors += len(done)
        bar.update(len(rows))
    bar.close()
    store.write_term_df(connection, df)
    store.create_search_indexes(connection)


def build_index(corpus_dir: Path, index_dir: Path, embedder: Embedder, settings: ChunkSettings | None = None,
                progress: bool = True, log=print, follow_ups: bool = True) -> BuildReport:
    """follow_ups=False leaves commitments' follow-ups to be found on each call (a bulk load)."""
    from tqdm import tqdm

    settings = settings or ChunkSettings()
    started = time.perf_counter()
    corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
    sources = list_sources(corpus_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    previous = _previous(index_dir)

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    generation = index_dir / f"gen-{stamp}"
    building = index_dir / f".building-{stamp}-{os.getpid()}"
    building.mkdir()
    try:
        connection = store.connect(building / format.DATABASE, create=True)
        if previous.same_format:
            store.attach_previous(connection, previous.generation / format.DATABASE)
        papers = _Papers(connection, previous, settings, report, log)
        with connection:
            for source in tqdm(sources, desc="Reading", unit="file", disable=not progress):
                papers.add(source)
            if not papers.files:
                raise ArchiveError(f"nothing could be indexed from {corpus_dir}")
            papers.add_previous_glossary()
            link_people_and_decisions(connection)  # people and decisions: across papers, once per build
            store.write_glossary(connection, papers.glossary)
            report.chunks = store.chunk_count(connection)
            matrix = dense.open_matrix(building / dense.MATRIX, report.chunks, embedder.dim)
            _search_text(connection, papers.glossary, embedder, previous, matrix, report, progress)
            sentences = embed_sentences(connection, building, embedder, read_sentences(connection),
                                        previous.sentence_matrix, progress)
            report.sentences, report.embedded_sentences = sentences.sentences, sentences.embedded
        connection.close()
        matrix.flush()
        ann = dense.ann_settings(report.chunks)
        if ann["kind"] != "flat" and progress:
            log(f"Building the approximate vector index ({ann['kind']}, {ann['nlist']} lists)")
        dense.save_ann(dense.build_ann(matrix, ann), building)
        del matrix
        manifest = {
            "format_version": format.FORMAT_VERSION,
            "parser_version": format.PARSER_VERSION,
            "model": embedder.name,
            "dim": embedder.dim,
            "chunking": settings.as_dict(),
            "ann": ann,
            "files": papers.files,
            "fingerprints": papers.fingerprints,
            "skipped": dict(report.skipped),
            "duplicates": dict(report.duplicates),
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "chunks": report.chunks,
            "sentences": {"rows": report.sentences, "dtype": "float16"},
            "follow_ups": follow_ups,
            "ocr_pending": papers.ocr_pending,
            "corpus_dir": str(corpus_dir.resolve()),  # where a page's PDF is looked for (archive/pages)
        }
        changed = len(report.not_reread) < len(papers.files) or set(previous.files) != set(papers.files)
        if follow_ups and (changed or not previous.manifest.get("follow_ups")):
            if progress:
                log("Finding commitments' follow-ups")
            report.follow_ups = find_follow_ups(building, manifest, embedder)
        format.publish(index_dir, building, generation, manifest)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    format.remove_old_generations(index_dir, keep=generation.name,
                                  previous=previous.generation.name if previous.generation else None)
    report.generation = generation.name
    report.seconds = time.perf_counter() - started
    return report
