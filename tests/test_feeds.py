"""Saved searches as Atom feeds: a paper indexed after the search was saved shows up as a new entry
with its citation, over the running API and from the CLI; old entries keep their first-seen time."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from archive.api.app import create_app
from archive.api.feeds import FeedStore, SavedSearch
from archive.api.settings import ApiSettings
from archive.ask.retrieve.filters import Filters
from archive.cli import cli

A = "{http://www.w3.org/2005/Atom}"
QUERY = "unaccompanied asylum seeking children"
NEW_PAPER = "2024-10-15-cyp-scrutiny-uasc-update.txt"
NEW_TEXT = (
    "Unaccompanied asylum seeking children: October update\n\n"
    "1. In October 2024 there were 41 unaccompanied asylum seeking children in the council's care, up from 38 "
    "in March 2024. The National Transfer Scheme rate remains 0.1% of the child population.\n"
)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def _build(corpus: Path, index_dir: Path) -> None:
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    build_index(corpus, index_dir, HashEmbedder(), progress=False, log=lambda m: None)


def _open(index_dir: Path):
    from archive import Archive
    from archive.index.embed import HashEmbedder

    return Archive.open(index_dir, embedder=HashEmbedder())


def _add_paper(corpus: Path) -> None:
    (corpus / NEW_PAPER).write_text(NEW_TEXT)
    with open(corpus / "manifest.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows.append({**{k: "" for k in rows[0]}, "file": NEW_PAPER, "title": "UASC update",
                 "committee": "Children and Young People Scrutiny Committee", "meeting_date": "2024-10-15",
                 "doc_type": "report"})
    with open(corpus / "manifest.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def parse_atom(text: str) -> tuple[ET.Element, list[dict]]:
    """The feed element and its entries; fails unless RFC 4287's required elements are there."""
    feed = ET.fromstring(text.encode())
    assert feed.tag == f"{A}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{A}{required}") is not None, required
    assert RFC3339.match(feed.findtext(f"{A}updated"))
    assert feed.find(f"{A}link[@rel='self']").get("href")
    entries = []
    for entry in feed.findall(f"{A}entry"):
        item = {tag: entry.findtext(f"{A}{tag}") for tag in ("id", "title", "updated", "summary", "content")}
        assert item["id"] and item["title"] and item["summary"] and item["content"]
        assert RFC3339.match(item["updated"])
        item["link"] = entry.find(f"{A}link[@rel='alternate']").get("href")
        entries.append(item)
    assert len({e["id"] for e in entries}) == len(entries)
    return feed, entries


@pytest.fixture()
def index_dir(small_corpus, tmp_path) -> Path:
    target = tmp_path / "index"
    _build(small_corpus, target)
    return target


def test_a_newly_indexed_paper_becomes_a_new_entry_with_its_citation(small_corpus, index_dir, monkeypatch):
    monkeypatch.delenv("ARCHIVE_FEEDS_DB", raising=False)
    app = create_app(_open(index_dir), ApiSettings(rate_limit=None, reload_every=0), index_dir)
    with TestClient(app) as client:
        saved = client.post("/feeds", json={"q": QUERY, "k": 20, "committee": "Children"})
        assert saved.status_code == 201
        feed_url = f"/feeds/{saved.json()['id']}.atom"
        assert saved.json()["atom"].endswith(feed_url)
        before = client.get(feed_url)
        assert before.status_code == 200 and before.headers["content-type"].startswith("application/atom+xml")
        _, old = parse_atom(before.text)
        assert old and not any("UASC update" in e["title"] for e in old)
        search = {"q": "unaccompanied asylum seeking children October 2024", "k": 3}
        assert all(h["doc_id"] != NEW_PAPER for h in client.get("/search", params=search).json()["hits"])

        _add_paper(small_corpus)
        _build(small_corpus, index_dir)  # a new generation; the running server opens it

        feed, entries = parse_atom(client.get(feed_url).text)
        new = [e for e in entries if "UASC update" in e["title"]]
        assert len(new) == 1
        assert "41 unaccompanied asylum seeking children" in new[0]["content"]
        assert "15 October 2024" in new[0]["title"] and "page 1" in new[0]["title"]  # the citation
        assert new[0]["link"].endswith(f"/papers/{NEW_PAPER}/parts/0")
        assert client.get(new[0]["link"].replace("http://testserver", "")).status_code == 200
        assert entries[0] == new[0]  # newest first
        assert feed.findtext(f"{A}updated") == new[0]["updated"]
        kept = {e["id"]: e["updated"] for e in entries}
        assert all(kept[e["id"]] == e["updated"] for e in old)  # old entries keep their first-seen time
        assert client.get("/health").json()["counts"]["documents"] == 3
        assert client.get("/search", params=search).json()["hits"][0]["doc_id"] == NEW_PAPER  # not the cached one

        again = parse_atom(client.get(feed_url).text)[1]
        assert again == entries  # read again: nothing new, nothing repeated
    assert (index_dir / "feeds.db").exists()  # beside the generations, untouched by the rebuild


def test_feeds_from_the_cli(small_corpus, index_dir, monkeypatch):
    monkeypatch.delenv("ARCHIVE_FEEDS_DB", raising=False)
    runner = CliRunner()

    def run(*args):
        result = runner.invoke(cli, [*args, "--index-dir", str(index_dir)], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    feed_id = run("feeds", "add", QUERY, "--committee", "Children").split("\t")[0]
    assert re.fullmatch(r"[0-9a-f]{12}", feed_id)
    assert QUERY in run("feeds", "list")
    _, before = parse_atom(run("feeds", "show", feed_id))
    _add_paper(small_corpus)
    _build(small_corpus, index_dir)
    _, after = parse_atom(run("feeds", "show", feed_id, "--base-url", "https://archive.example/"))
    assert len(after) == len(before) + 1
    assert "UASC update" in after[0]["title"]
    assert after[0]["link"] == f"https://archive.example/papers/{NEW_PAPER}/parts/0"
    bad = runner.invoke(cli, ["feeds", "add", QUERY, "--from", "2024-02-30", "--index-dir", str(index_dir)])
    assert bad.exit_code != 0 and "--from" in bad.output
    assert "removed" in run("feeds", "remove", feed_id)
    assert run("feeds", "list") == ""


def test_saved_searches_are_one_per_query_and_filters(tmp_path, hash_archive):
    store = FeedStore(tmp_path / "feeds.db")
    first = store.add("  kinship   carers ", Filters(committee="Council"))
    assert store.add("kinship carers", Filters(committee="Council")).id == first.id
    assert store.add("kinship carers").id != first.id
    assert first.id == SavedSearch.make_id("kinship carers", {"committee": "Council"}, 20)
    assert store.refresh(first, hash_archive) >= 0
    assert store.refresh(first, hash_archive) == 0  # once per generation
    assert all(e.hit["committee"] == "Council" for e in store.entries(first.id))
    assert [s.query for s in store.searches()] == ["kinship carers", "kinship carers"]
    assert store.remove(first.id) and store.get(first.id) is None


def test_unknown_feed_is_404(tmp_path, hash_archive):
    with TestClient(create_app(hash_archive, ApiSettings(rate_limit=None, feeds_path=tmp_path / "f.db"),
                               warm_up=False)) as client:
        missing = client.get("/feeds/0123456789ab.atom")
        assert missing.status_code == 404 and missing.json()["error"] == "not_found"
        assert client.get("/feeds").json() == []
