"""Build the index from a corpus directory.

Every build writes a complete new generation directory and then points index/CURRENT at it with
an atomic rename, so an interrupted build (Ctrl-C, kill -9, full disk) leaves the previous
generation in place and usable. Chunks whose text is unchanged reuse their stored vectors.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from archive import dense, store
from archive.chunk import ChunkSettings, chunk_document
from archive.commitments import extract_commitments
from archive.corpus import SourceFile, list_sources
from archive.dates import find_periods, reference_date
from archive.embed import Embedder
from archive.errors import ArchiveError, IngestError
from archive.glossary import Glossary, find_definitions
from archive.ingest import printed_page_labels, read_pages, sha256_file
from archive.packs import find_part_starts, split_parts
from archive.questions import extract_questions
from archive.records import Chunk, Document
from archive.text import terms

FORMAT_VERSION = 4  # 2: questions table, page labels; 3: term_df; 4: commitments
# Bump when reading, splitting or chunking changes what a paper yields: unchanged papers are then
# read again instead of being copied from the previous generation.
PARSER_VERSION = 2
CURRENT = "CURRENT"


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


def current_generation(index_dir: Path) -> Path | None:
    pointer = Path(index_dir) / CURRENT
    if not pointer.exists():
        return None
    generation = Path(index_dir) / pointer.read_text().strip()
    return generation if generation.is_dir() else None


def _embed_hash(embedder: Embedder, text: str) -> str:
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
            and self.manifest.get("format_version") == FORMAT_VERSION
            and self.manifest.get("parser_version") == PARSER_VERSION
            and self.manifest.get("chunking") == settings.as_dict()
            and doc_id in self.files
            and self.manifest.get("fingerprints", {}).get(doc_id) == fingerprint
        )


def _previous(index_dir: Path) -> _Previous:
    generation = current_generation(index_dir)
    if generation is None:
        return _Previous()
    try:
        manifest = json.loads((generation / "manifest.json").read_text())
        connection = store.connect(generation / "archive.db")
        rows = connection.execute("SELECT rowid, embed_hash FROM chunks").fetchall()
        connection.close()
        index = dense.load(generation / "vectors.faiss")
        vectors = dense.vectors_by_id(index, [r["rowid"] for r in rows])
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


def build_index(
    corpus_dir: Path,
    index_dir: Path,
    embedder: Embedder,
    settings: ChunkSettings | None = None,
    progress: bool = True,
    log=print,
) -> BuildReport:
    from tqdm import tqdm

    settings = settings or ChunkSettings()
    started = time.perf_counter()
    corpus_dir, index_dir = Path(corpus_dir), Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    previous = _previous(index_dir)

    documents: list[Document] = []
    reused: list[str] = []  # unchanged papers: their rows are copied from the previous generation
    fingerprints: dict[str, list] = {}
    files: dict[str, str] = {}
    first_with: dict[str, str] = {}  # content hash -> first file with that content
    sources = list_sources(corpus_dir)
    for source in tqdm(sources, desc="Reading", unit="file", disable=not progress):
        try:
            fingerprint = _fingerprint(source)
            if previous.unchanged(source.doc_id, fingerprint, settings):
                digest = previous.files[source.doc_id]
            else:
                digest = sha256_file(source.path)
        except OSError as exc:
            report.skipped.append((source.doc_id, f"cannot be read ({exc.strerror or exc})"))
            log(f"skipped {source.doc_id}: cannot be read ({exc.strerror or exc})")
            continue
        if digest in first_with:
            report.duplicates.append((source.doc_id, first_with[digest]))
            log(f"{source.doc_id} has the same content as {first_with[digest]}: indexed once")
            continue
        if previous.unchanged(source.doc_id, fingerprint, settings):
            first_with[digest] = source.doc_id
            fingerprints[source.doc_id], files[source.doc_id] = fingerprint, digest
            reused.append(source.doc_id)
            report.unchanged.append(source.doc_id)
            report.not_reread.append(source.doc_id)
            continue
        try:
            pages = read_pages(source.path)
        except IngestError as exc:
            report.skipped.append((source.doc_id, str(exc).split(": ", 1)[-1]))
            log(f"skipped {exc}")
            continue
        first_with[digest] = source.doc_id
        fingerprints[source.doc_id], files[source.doc_id] = fingerprint, digest
        document = Document(source.doc_id, str(source.path), source.title, source.committee,
                            source.meeting_date, source.doc_type, source.source_url, tuple(pages), digest,
                            tuple(printed_page_labels(pages)))
        (report.unchanged if previous.files.get(source.doc_id) == digest else report.indexed).append(source.doc_id)
        documents.append(document)

    if not documents and not reused:
        raise ArchiveError(f"nothing could be indexed from {corpus_dir}")

    glossary = Glossary.with_council_vocabulary()
    for document in documents:
        for acronym, expansion in find_definitions("\n".join(document.pages)):
            glossary.add(acronym, expansion, document.doc_id)
    if reused:
        _reuse_glossary(previous, set(reused), glossary)

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    generation = index_dir / f"gen-{stamp}"
    building = index_dir / f".building-{stamp}-{os.getpid()}"
    building.mkdir()
    try:
        connection = store.connect(building / "archive.db", create=True)
        if reused:  # attached outside any transaction, as SQLite requires
            connection.execute("ATTACH DATABASE ? AS old", (str(previous.generation / "archive.db"),))
        rowids: list[int] = []
        texts: list[str] = []
        df: Counter = Counter()  # document frequency of each stemmed term, for IDF at query time

        def add_chunk(chunk: Chunk, periods: list) -> None:
            """Store a chunk with its FTS text and embedding key, and count its terms."""
            text = index_text(chunk.heading, chunk.text, glossary)
            rowids.append(store.write_chunk(connection, chunk, text, periods, _embed_hash(embedder, text)))
            texts.append(text)
            df.update(set(terms(chunk.heading + " " + chunk.text)))

        with connection:
            for document in documents:
                starts = find_part_starts(document)
                parts = split_parts(document, starts)
                store.write_document(connection, document, parts)
                questions = extract_questions(document)
                store.write_questions(connection, questions)
                respondents = {
                    part.part_id: question.question_to
                    for question in questions for part in parts if part.title.startswith(question.number + ":")
                }
                store.write_commitments(connection, extract_commitments(
                    document, starts, {p.part_id: p.part_date for p in parts}, document.committee, respondents))
                for chunk in chunk_document(document, starts, settings):
                    when = reference_date(parts[chunk.part_id].part_date or document.meeting_date)
                    add_chunk(chunk, [[list(p.first), list(p.last)] for p in find_periods(chunk.text, when)])
            if reused:
                for doc_id in reused:
                    for table in ("documents", "parts", "questions", "commitments"):
                        connection.execute(f"INSERT INTO {table} SELECT * FROM old.{table} WHERE doc_id=?", (doc_id,))
                    rows = connection.execute(
                        "SELECT rowid, * FROM old.chunks WHERE doc_id=? ORDER BY rowid", (doc_id,)).fetchall()
                    for row in rows:
                        add_chunk(store.row_to_chunk(row), json.loads(row["periods"] or "[]"))
            connection.executemany("INSERT INTO term_df VALUES (?,?)", df.items())
            connection.executemany(
                "INSERT OR IGNORE INTO glossary VALUES (?,?,?)",
                [(a, e, "; ".join(sorted(glossary.sources.get(a, ())))) for a, es in glossary.entries.items()
                 for e in sorted(es)],
            )
        report.chunks = len(rowids)

        vectors = np.zeros((len(texts), embedder.dim), dtype=np.float32)
        todo = []
        for i, text in enumerate(texts):
            cached = previous.vectors.get(_embed_hash(embedder, text))
            if cached is not None and cached.shape[0] == embedder.dim:
                vectors[i] = cached
            else:
                todo.append(i)
        report.reused_vectors = len(texts) - len(todo)
        if todo:
            if progress:
                log(f"Embedding {len(todo)} chunks with {embedder.name}")
            # Sorting by length batches similar lengths together: less padding, faster encoding.
            todo.sort(key=lambda i: len(texts[i]))
            encoded = embedder.encode([texts[i] for i in todo], progress=progress)
            vectors[todo] = encoded
        report.embedded = len(todo)
        dense.save(dense.build(vectors, np.array(rowids, dtype=np.int64)), building / "vectors.faiss")
        connection.close()

        manifest = {
            "format_version": FORMAT_VERSION,
            "parser_version": PARSER_VERSION,
            "model": embedder.name,
            "dim": embedder.dim,
            "chunking": settings.as_dict(),
            "files": files,
            "fingerprints": fingerprints,
            "skipped": dict(report.skipped),
            "duplicates": dict(report.duplicates),
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "chunks": report.chunks,
        }
        (building / "manifest.json").write_text(json.dumps(manifest, indent=2))
        os.replace(building, generation)
        pointer_tmp = index_dir / f".{CURRENT}.{os.getpid()}"
        pointer_tmp.write_text(generation.name + "\n")
        with open(pointer_tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(pointer_tmp, index_dir / CURRENT)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    _remove_old_generations(index_dir, keep=generation.name)
    report.generation = generation.name
    report.seconds = time.perf_counter() - started
    return report


def _reuse_glossary(previous: _Previous, doc_ids: set[str], glossary: Glossary) -> None:
    """Acronyms the unchanged papers defined, as the previous generation recorded them."""
    connection = store.connect(previous.generation / "archive.db")
    for row in connection.execute("SELECT acronym, expansion, doc_id FROM glossary"):
        for source in set(filter(None, (row["doc_id"] or "").split("; "))) & doc_ids:
            glossary.add(row["acronym"], row["expansion"], source)
    connection.close()


def _remove_old_generations(index_dir: Path, keep: str) -> None:
    for path in index_dir.iterdir():
        if path.is_dir() and path.name != keep and (path.name.startswith("gen-") or path.name.startswith(".building-")):
            # a .building dir from a killed run is left by a dead process; a live build makes its own
            shutil.rmtree(path, ignore_errors=True)
