"""Papers, the facts they state, and writing them as a corpus the archive reads (text files and a
manifest.csv)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MANIFEST_COLUMNS = ("file", "title", "committee", "meeting_date", "doc_type", "source_url")


@dataclass(frozen=True)
class Fact:
    """Something a paper states, as a question and the answer the paper gives."""

    kind: str  # figure, seconder, votes, budget
    question: str
    answer: str


@dataclass(frozen=True)
class Paper:
    file: str  # path relative to the corpus directory
    title: str
    committee: str
    meeting_date: str
    doc_type: str
    text: str
    facts: tuple[Fact, ...] = ()

    def row(self, **extra: str) -> dict[str, str]:
        """The paper's manifest row; `extra` adds columns (source_url, council, ...)."""
        return {"file": self.file, "title": self.title, "committee": self.committee,
                "meeting_date": self.meeting_date, "doc_type": self.doc_type, **extra}


def write_paper(out: Path, paper: Paper) -> None:
    path = Path(out) / paper.file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(paper.text, encoding="utf-8")


def read_manifest(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """A manifest's columns and rows."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def write_manifest(path: Path, rows: Iterable[Mapping[str, str]], columns: Sequence[str] = MANIFEST_COLUMNS) -> int:
    """Write manifest.csv and return how many rows it has; `rows` may be a generator (a large corpus is
    written one paper at a time), and keys that are not among `columns` are left out."""
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count
