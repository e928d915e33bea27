"""The corpus directory: source files and the metadata in corpus/manifest.csv."""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from pathlib import Path

from archive.build.ingest import SUPPORTED_SUFFIXES
from archive.errors import CorpusError

MANIFEST = "manifest.csv"
FIELDS = ("file", "title", "committee", "meeting_date", "doc_type", "source_url", "council")
# Corpus-wide defaults (`council = "Herefordshire Council"`): a one-council archive need not repeat
# the council on every manifest row; a row's own value wins.
SETTINGS = "corpus.toml"
DEFAULTS = ("council", "committee", "doc_type")


@dataclass(frozen=True)
class SourceFile:
    path: Path
    doc_id: str
    title: str
    committee: str
    meeting_date: str
    doc_type: str
    source_url: str
    council: str = ""


def read_defaults(corpus_dir: Path) -> dict[str, str]:
    """The corpus directory's defaults for manifest columns, from corpus.toml (absent: none)."""
    path = Path(corpus_dir) / SETTINGS
    if not path.exists():
        return {}
    try:
        settings = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: not valid TOML ({exc})") from exc
    unknown = sorted(set(settings) - set(DEFAULTS))
    if unknown:
        raise CorpusError(f"{path}: unknown setting(s) {', '.join(unknown)} (known: {', '.join(DEFAULTS)})")
    return {key: str(value).strip() for key, value in settings.items()}


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
    defaults = read_defaults(corpus_dir)
    sources = []
    for path in sorted(p for p in corpus_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(corpus_dir).as_posix()
        if path.name in (MANIFEST, SETTINGS) or path.name.startswith("."):
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES and relative not in manifest:
            continue
        meta = {**defaults, **{k: v for k, v in manifest.get(relative, {}).items() if v}}
        sources.append(
            SourceFile(
                path=path,
                doc_id=relative,
                title=meta.get("title") or path.stem.replace("-", " ").replace("_", " "),
                committee=meta.get("committee", ""),
                meeting_date=meta.get("meeting_date", ""),
                doc_type=meta.get("doc_type", ""),
                source_url=meta.get("source_url", ""),
                council=meta.get("council", ""),
            )
        )
    return sources
