"""Fetch a ModernGov site's meetings and papers into a corpus directory, incrementally.

Each document is streamed to a hidden temporary file, moved into place with an atomic rename, and
its manifest row appended at once, so an interrupted run loses nothing it finished and a re-run
carries on: documents whose source address is already in the manifest (and whose file is there)
are not downloaded again. Files are named from the meeting date, committee, title and the
service's attachment id: stable across runs, safe on any file system.

Papers go to corpus/<council>/; manifest rows carry council, committee, meeting_date (ISO),
doc_type, title and source_url beside the file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from archive.build.corpus import FIELDS, MANIFEST, read_manifest
from archive.dates import human_date
from archive.errors import FetchError
from archive.fetch.download import Polite
from archive.fetch.moderngov import Committee, LinkedDoc, Meeting, ModernGov, council_from_site

SKIPPED_LOG = ".fetch-skipped.tsv"  # documents that are not papers the archive can read (hidden: not indexed)
DEFAULT_DAYS = 365  # without --from, the last year of meetings


@dataclass
class FetchReport:
    council: str = ""
    committees: int = 0
    meetings: int = 0
    downloaded: list[str] = field(default_factory=list)  # files written
    already: int = 0  # documents already in the corpus
    restricted: int = 0  # documents the service marks as not public
    unsupported: list[tuple[str, str]] = field(default_factory=list)  # (url, why) not a paper the archive reads
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url or meeting, why): tried again next run


def slug(text: str, limit: int = 40) -> str:
    """Lower-case ASCII words joined by hyphens, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "")


def doc_type_of(title: str, agenda_item: str = "") -> str:
    """The manifest's document type from a document's title (and its agenda item)."""
    text = title.lower()
    if "minute" in text:
        return "minutes"
    if "pack" in text:
        return "agenda pack"
    if "agenda" in text or "frontsheet" in text or "front sheet" in text:
        return "agenda"
    if re.search(r"\b(appendix|appendices|annex)\b", text):
        return "appendix"
    if "decision" in text:
        return "decisions"
    if "question" in text or "question" in agenda_item.lower():
        return "public questions" if "public" in text or "public" in agenda_item.lower() else "questions"
    return "report"


def file_name(meeting: Meeting, committee: str, doc: LinkedDoc, suffix: str) -> str:
    key = doc.attachment_id if re.fullmatch(r"[0-9A-Za-z]{1,20}", doc.attachment_id or "") else \
        hashlib.sha1(doc.url.encode()).hexdigest()[:10]
    parts = [meeting.meeting_date or "undated", slug(committee, 30), slug(doc.title, 50), key]
    return "-".join(p for p in parts if p) + suffix


def document_title(doc: LinkedDoc, doc_type: str, committee: str, meeting_date: str) -> str:
    """The document's own title; generic ones ("Printed minutes") say whose and when."""
    title = doc.title or doc.agenda_item or "Untitled document"
    if doc_type in ("minutes", "agenda", "agenda pack", "decisions") and committee.lower() not in title.lower():
        when = human_date(meeting_date) if meeting_date else ""
        title = ", ".join(p for p in (title, committee, when) if p)
    return title


# -- the manifest ---------------------------------------------------------------------------------

class ManifestWriter:
    """Appends rows to corpus/manifest.csv, one complete line per write, flushed to disk.

    An existing manifest keeps its columns and rows; columns it lacks (council) are added once, by
    rewriting it through a temporary file and an atomic rename."""

    def __init__(self, corpus_dir: Path) -> None:
        self.path = corpus_dir / MANIFEST
        self.fields = list(FIELDS)
        if self.path.exists() and self.path.stat().st_size:
            with open(self.path, newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                existing = list(reader.fieldnames or [])
                rows = list(reader)
            if "file" not in existing:
                raise FetchError(f"{self.path}: no 'file' column; cannot add fetched papers to it")
            missing = [f for f in FIELDS if f not in existing]
            self.fields = existing + missing
            if missing:
                self._rewrite(rows)
            else:
                self._end_with_newline()
        else:
            self._rewrite([])

    def _line(self, row: dict[str, str]) -> str:
        buffer = io.StringIO()
        csv.DictWriter(buffer, self.fields, lineterminator="\n", extrasaction="ignore").writerow(
            {k: row.get(k, "") or "" for k in self.fields})
        return buffer.getvalue()

    def _rewrite(self, rows: list[dict]) -> None:
        temporary = self.path.with_name(f".{MANIFEST}.{os.getpid()}.tmp")
        with open(temporary, "w", newline="", encoding="utf-8") as handle:
            handle.write(",".join(self.fields) + "\n")
            for row in rows:
                handle.write(self._line({k: v for k, v in row.items() if k}))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)

    def _end_with_newline(self) -> None:
        """A run killed in the middle of a line leaves it unfinished: the next row starts afresh."""
        with open(self.path, "rb+") as handle:
            handle.seek(-1, os.SEEK_END)
            if handle.read(1) != b"\n":
                handle.write(b"\n")

    def append(self, row: dict[str, str]) -> None:
        with open(self.path, "a", newline="", encoding="utf-8") as handle:
            handle.write(self._line(row))
            handle.flush()
            os.fsync(handle.fileno())


def _skipped_log(corpus_dir: Path) -> dict[str, str]:
    path = corpus_dir / SKIPPED_LOG
    if not path.exists():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        url, _, why = line.partition("\t")
        if url:
            found[url] = why
    return found


def _log_skipped(corpus_dir: Path, url: str, why: str) -> None:
    with open(corpus_dir / SKIPPED_LOG, "a", encoding="utf-8") as handle:
        handle.write(f"{url}\t{why}\n")


# -- the run --------------------------------------------------------------------------------------

def _kind(head: bytes, content_type: str) -> str | None:
    """The suffix to save a downloaded document under, or None when the archive cannot read it."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return ".pdf"
    if content_type == "text/plain" and b"\x00" not in head:
        return ".txt"
    return None


def _select(committees: list[Committee], wanted: str | None, site: str) -> list[Committee]:
    live = [c for c in committees if not c.deleted]
    if not wanted:
        return live
    needle = wanted.strip().lower()
    chosen = [c for c in committees if c.committee_id == wanted.strip() or needle in c.title.lower()]
    if not chosen:
        names = ", ".join(sorted(c.title for c in live)[:15])
        raise FetchError(f"{site}: no committee matches {wanted!r} (committees: {names or 'none'})")
    return chosen


def fetch_site(site: str, corpus_dir: Path, date_from: str | None = None, date_to: str | None = None,
               committee: str | None = None, council: str | None = None, http: Polite | None = None,
               log: Callable[[str], None] = print, on_saved: Callable[[str], None] | None = None) -> FetchReport:
    """Fetch meetings between two ISO dates (default: the last year) and their documents into
    corpus_dir. `on_saved(file)` is called after each document is saved and recorded."""
    corpus_dir = Path(corpus_dir)
    date_to = date_to or date.today().isoformat()
    date_from = date_from or (date.fromisoformat(date_to) - timedelta(days=DEFAULT_DAYS)).isoformat()
    for value in (date_from, date_to):
        try:
            date.fromisoformat(value)
        except ValueError as exc:
            raise FetchError(f"not an ISO date: {value!r} (expected YYYY-MM-DD)") from exc
    if date_from > date_to:
        raise FetchError(f"--from {date_from} is after --to {date_to}")

    service = ModernGov(site, http)
    report = FetchReport(council=council or council_from_site(site))
    committees = _select(service.committees(), committee, service.base)  # fails early for a site that is not one
    report.committees = len(committees)

    corpus_dir.mkdir(parents=True, exist_ok=True)
    folder = corpus_dir / (slug(report.council, 60) or "council")
    folder.mkdir(exist_ok=True)
    writer = ManifestWriter(corpus_dir)
    have = {row.get("source_url", ""): name for name, row in read_manifest(corpus_dir).items()
            if row.get("source_url") and (corpus_dir / name).is_file()}
    not_papers = _skipped_log(corpus_dir)

    for group in committees:
        try:
            meetings = service.meetings(group.committee_id, date_from, date_to)
        except FetchError as exc:
            report.failed.append((f"meetings of {group.title}", str(exc)))
            log(f"could not list the meetings of {group.title}: {exc}")
            continue
        for stub in meetings:
            try:
                details, documents = service.meeting(stub.meeting_id)
            except FetchError as exc:
                report.failed.append((f"meeting {stub.meeting_id} of {group.title}", str(exc)))
                log(f"could not read meeting {stub.meeting_id} of {group.title}: {exc}")
                continue
            report.meetings += 1
            meeting = Meeting(stub.meeting_id, stub.committee_id, details.meeting_date or stub.meeting_date,
                              group.title)
            for doc in documents:
                if doc.restricted:
                    report.restricted += 1
                    continue
                if doc.url in have:
                    report.already += 1
                    continue
                if doc.url in not_papers:  # noted by an earlier run: not fetched again
                    report.unsupported.append((doc.url, not_papers[doc.url]))
                    continue
                saved = _save(service.http, corpus_dir, folder, meeting, group.title, doc, report, log)
                if saved is None:
                    continue
                doc_type = doc_type_of(doc.title, doc.agenda_item)
                writer.append({
                    "file": saved, "title": document_title(doc, doc_type, group.title, meeting.meeting_date),
                    "committee": group.title, "meeting_date": meeting.meeting_date, "doc_type": doc_type,
                    "source_url": doc.url, "council": report.council,
                })
                have[doc.url] = saved
                report.downloaded.append(saved)
                log(f"fetched {saved}")
                if on_saved:
                    on_saved(saved)
    return report


def _save(http: Polite, corpus_dir: Path, folder: Path, meeting: Meeting, committee: str, doc: LinkedDoc,
          report: FetchReport, log: Callable[[str], None]) -> str | None:
    """Download one document into place; its corpus-relative name, or None when it was not saved."""
    try:
        response, temporary = http.download_to(doc.url, folder)
    except FetchError as exc:
        report.failed.append((doc.url, str(exc)))
        log(f"could not fetch {doc.title or doc.url}: {exc}")
        return None
    try:
        with open(temporary, "rb") as handle:
            head = handle.read(2048)
        suffix = _kind(head, response.content_type)
        if suffix is None:
            why = f"not a PDF ({response.content_type or 'unknown type'})"
            report.unsupported.append((doc.url, why))
            _log_skipped(corpus_dir, doc.url, why)
            log(f"skipped {doc.title or doc.url}: {why}")
            return None
        target = folder / file_name(meeting, committee, doc, suffix)
        os.replace(temporary, target)
        return target.relative_to(corpus_dir).as_posix()
    finally:
        temporary.unlink(missing_ok=True)
