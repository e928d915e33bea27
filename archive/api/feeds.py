"""Saved searches as Atom feeds: a query plus filters whose new matching passages become entries.

Saved searches and the passages each has already shown live in a small SQLite file beside the
index generations (default `feeds.db` in the index directory; ARCHIVE_FEEDS_DB sets another), so
`archive index` making a new generation loses neither. A feed is refreshed once per generation,
when it is next read: the saved search runs again (hybrid, its own k), and every passage among the
matches that the feed has not shown before becomes an entry, first seen then (its `updated`: a
reader polling the feed sees new papers soon after they are indexed). A passage is known by its
paper and its text, not by its chunk id, which changes from one generation to the next; entries
keep their first-seen time for good. A match must hold at least one of the query's words (the
dense side alone never adds an entry).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

from archive.ask.cite import hit_json
from archive.ask.retrieve.filters import Filters
from archive.index import format

DEFAULT_K = 20
FEED_ENTRIES = 100  # newest entries in a feed document
ATOM = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")  # XML 1.0 forbids these
SCHEMA = """
CREATE TABLE IF NOT EXISTS searches (
    id TEXT PRIMARY KEY, query TEXT, filters TEXT, k INTEGER, created TEXT, generation TEXT DEFAULT ''
);
CREATE TABLE IF NOT EXISTS entries (
    search_id TEXT, key TEXT, first_seen TEXT, hit TEXT, PRIMARY KEY (search_id, key)
);
"""


def feeds_path(index_dir: Path | str | None = None) -> Path:
    return format.beside_generations("feeds.db", "ARCHIVE_FEEDS_DB", index_dir)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _rfc3339(text: str) -> str:
    """Atom's date form of a stored ISO time ("2024-03-12T10:00:00+00:00" or a bare build stamp)."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        moment = datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class SavedSearch:
    id: str
    query: str
    filters: dict = field(default_factory=dict)  # Filters.as_dict(): council, committee, dates, doc_type, meeting
    k: int = DEFAULT_K
    created: str = ""

    @staticmethod
    def make_id(query: str, filters: dict, k: int) -> str:
        """The same search always gets the same id (saving it twice gives one feed)."""
        text = json.dumps([" ".join(query.split()), sorted(filters.items()), k], ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    def as_dict(self) -> dict:
        return {"id": self.id, "query": self.query, "filters": self.filters, "k": self.k, "created": self.created}


@dataclass(frozen=True)
class Entry:
    key: str
    first_seen: str
    hit: dict  # hit_json of the passage when it was first seen, with its part_id


def passage_key(hit) -> str:
    """A passage across generations: its paper and a digest of its text."""
    return f"{hit.chunk.doc_id}#{hashlib.sha256(hit.chunk.text.encode()).hexdigest()[:16]}"


class FeedStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()  # one refresh at a time

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(str(self.path), timeout=30)
        connection.row_factory = sqlite3.Row
        connection.executescript(SCHEMA)
        return connection

    def _read(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        if not self.path.exists():
            return []
        connection = self._connect()
        try:
            return connection.execute(sql, args).fetchall()
        finally:
            connection.close()

    def add(self, query: str, filters: Filters | None = None, k: int = DEFAULT_K) -> SavedSearch:
        wanted = (filters or Filters()).as_dict()
        search = SavedSearch(SavedSearch.make_id(query, wanted, k), " ".join(query.split()), wanted, k, _now())
        connection = self._connect()
        try:
            with connection:
                connection.execute("INSERT OR IGNORE INTO searches (id, query, filters, k, created) VALUES (?,?,?,?,?)",
                                   (search.id, search.query, json.dumps(wanted), k, search.created))
        finally:
            connection.close()
        return self.get(search.id) or search

    @staticmethod
    def _search(row: sqlite3.Row) -> SavedSearch:
        return SavedSearch(row["id"], row["query"], json.loads(row["filters"]), row["k"], row["created"])

    def get(self, search_id: str) -> SavedSearch | None:
        rows = self._read("SELECT * FROM searches WHERE id = ?", (search_id,))
        return self._search(rows[0]) if rows else None

    def searches(self) -> list[SavedSearch]:
        return [self._search(r) for r in self._read("SELECT * FROM searches ORDER BY created, id")]

    def remove(self, search_id: str) -> bool:
        connection = self._connect()
        try:
            with connection:
                gone = connection.execute("DELETE FROM searches WHERE id = ?", (search_id,)).rowcount
                connection.execute("DELETE FROM entries WHERE search_id = ?", (search_id,))
        finally:
            connection.close()
        return bool(gone)

    def entries(self, search_id: str, limit: int = FEED_ENTRIES) -> list[Entry]:
        rows = self._read("SELECT key, first_seen, hit FROM entries WHERE search_id = ? "
                          "ORDER BY first_seen DESC, rowid LIMIT ?", (search_id, limit))
        return [Entry(r["key"], r["first_seen"], json.loads(r["hit"])) for r in rows]

    def refresh(self, search: SavedSearch, archive) -> int:
        """Run the saved search on `archive` if this feed has not seen its generation yet; the
        number of new entries."""
        generation = archive.generation.name
        with self._lock:
            connection = self._connect()
            try:
                row = connection.execute("SELECT generation FROM searches WHERE id = ?", (search.id,)).fetchone()
                if row is None or row["generation"] == generation:
                    return 0
                seen_at = datetime.now(UTC).isoformat(timespec="microseconds")  # sorts after the last refresh
                hits = archive.search(search.query, k=search.k, filters=Filters(**search.filters))
                added = 0
                with connection:
                    for hit in hits:
                        if hit.lexical_rank is None:  # none of the query's words: not a match for an alert
                            continue
                        stored = {**hit_json(hit), "part_id": hit.chunk.part_id}
                        added += connection.execute(
                            "INSERT OR IGNORE INTO entries (search_id, key, first_seen, hit) VALUES (?,?,?,?)",
                            (search.id, passage_key(hit), seen_at, json.dumps(stored, ensure_ascii=False)),
                        ).rowcount
                    connection.execute("UPDATE searches SET generation = ? WHERE id = ?", (generation, search.id))
                return added
            finally:
                connection.close()


def _link(entry: Entry, base_url: str) -> str:
    source = entry.hit.get("source", "")
    if source.startswith(("http://", "https://")):
        return source
    return f"{base_url.rstrip('/')}/papers/{quote(entry.hit['doc_id'], safe='/')}/parts/{entry.hit.get('part_id', 0)}"


def _describe(search: SavedSearch) -> str:
    names = {"date_from": "from", "date_to": "to", "doc_type": "type"}
    filters = "; ".join(f"{names.get(k, k)} {v}" for k, v in search.filters.items())
    return f"“{search.query}”" + (f" ({filters})" if filters else "")


def atom(search: SavedSearch, entries: list[Entry], self_url: str, base_url: str) -> str:
    """An Atom 1.0 document (RFC 4287): the saved search's entries, newest first."""
    ET.register_namespace("", ATOM)

    def sub(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _NOT_XML.sub("", v) for k, v in attributes.items()})
        if text is not None:
            element.text = _NOT_XML.sub("", text)
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "id", f"urn:council-archive:feed:{search.id}")
    sub(feed, "title", f"Council archive: {_describe(search)}")
    sub(feed, "subtitle", "New passages of council papers matching a saved search, each with its citation.")
    sub(feed, "updated", _rfc3339(max([e.first_seen for e in entries], default=search.created)))
    sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    sub(sub(feed, "author"), "name", "Council archive")
    sub(feed, "generator", "council-archive")
    for entry in entries:
        hit = entry.hit
        item = sub(feed, "entry")
        sub(item, "id", f"urn:council-archive:feed:{search.id}:{hashlib.sha256(entry.key.encode()).hexdigest()[:24]}")
        sub(item, "title", hit.get("cited_as") or hit["doc_id"])
        sub(item, "updated", _rfc3339(entry.first_seen))
        sub(item, "published", _rfc3339(entry.first_seen))
        sub(item, "link", rel="alternate", href=_link(entry, base_url))
        text = " ".join(hit.get("text", "").split())
        sub(item, "summary", text[:500] + ("…" if len(text) > 500 else ""), type="text")
        sub(item, "content", f"{hit.get('text', '')}\n\n— {hit.get('cited_as', '')}", type="text")
        for term, value in (("committee", hit.get("committee")), ("doc_type", hit.get("doc_type"))):
            if value:
                sub(item, "category", term=value, label=f"{term}: {value}")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")
