"""The corpus directory: source files and the metadata in corpus/manifest.csv."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from archive.build.ingest import SUPPORTED_SUFFIXES
from archive.errors import CorpusError

MANIFEST = "manifest.csv"
FIELDS = ("file", "title", "committee", "meeting_date", "doc_type", "source_url")


@dataclass(frozen=True)
class SourceFile:
    path: Path
    doc_id: str
    title: str
    committee: str
    meeting_date: str
    doc_type: str
    source_url: str


def read_manifest(corpus_dir: Path) -> dict[str, dict[str, str]]:
    path = corpus_dir / MANIFEST
    if not path.exists():
        return {}
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [f for f in ("file",) if f not in (reader.fieldnames or [])]
        if missing:
            raise CorpusError(f"{path}: missing column(s) {', '.join(missing)}")
        return {row["file"].strip(): {k: (v or "").strip() for k, v in row.items() if k} for row in reader}


def list_sources(corpus_dir: Path) -> list[SourceFile]:
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus directory not found: {corpus_dir}")
    manifest = read_manifest(corpus_dir)
    sources = []
    for path in sorted(p for p in corpus_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(corpus_dir).as_posix()
        if path.name == MANIFEST or path.name.startswith("."):
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES and relative not in manifest:
            continue
        meta = manifest.get(relative, {})
        sources.append(
            SourceFile(
                path=path,
                doc_id=relative,
                title=meta.get("title") or path.stem.replace("-", " ").replace("_", " "),
                committee=meta.get("committee", ""),
                meeting_date=meta.get("meeting_date", ""),
                doc_type=meta.get("doc_type", ""),
                source_url=meta.get("source_url", ""),
            )
        )
    return sources
