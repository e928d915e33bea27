"""The index in Datasette (archive/api/datasette.py), read through Datasette's own test client: the
canned queries answer from the shipped corpus, passages are searchable, and nothing can be written."""

from __future__ import annotations

import asyncio

import pytest
from click.testing import CliRunner

from archive.api.datasette import DATABASE, QUERIES, datasette_app


@pytest.fixture(scope="module")
def datasette(hash_index):
    return datasette_app(hash_index)


def get(datasette, path: str):
    return asyncio.run(datasette.client.get(path))


def rows(datasette, path: str) -> list[dict]:
    response = get(datasette, path + ("&" if "?" in path else "?") + "_shape=array")
    assert response.status_code == 200, response.text
    return response.json()


def test_the_database_is_there_with_its_canned_queries(datasette):
    listed = get(datasette, f"/{DATABASE}.json").json()
    assert {"documents", "chunks", "commitments", "questions"} <= {t["name"] for t in listed["tables"]}
    assert set(QUERIES) <= {q["name"] for q in listed["queries"]}
    page = get(datasette, f"/{DATABASE}")
    assert page.status_code == 200 and "Commitments by owner" in page.text


def test_a_measures_figures(datasette):
    found = rows(datasette, f"/{DATABASE}/figures_for_measure.json?measure=children+in+care")
    assert found and all(r["periods"] != "[]" for r in found)
    assert any("412" in r["text"] for r in found)
    assert [r["meeting_date"] for r in found] == sorted(r["meeting_date"] for r in found)
    # a stray quote is dropped, not an FTS syntax error
    assert get(datasette, f'/{DATABASE}/figures_for_measure.json?measure=children"+in+care').status_code == 200


def test_commitments_by_owner(datasette, hash_archive):
    found = rows(datasette, f"/{DATABASE}/commitments_by_owner.json?owner=Director")
    expected = [c for c in hash_archive.commitments(owner="Director")]
    assert len(found) == len(expected) > 0
    assert all("director" in r["owner"].lower() for r in found)
    owners = rows(datasette, f"/{DATABASE}/owners.json")
    assert sum(r["commitments"] for r in owners) == len([c for c in hash_archive.commitments() if c["owner"]])


def test_papers_by_meeting(datasette):
    found = rows(datasette, f"/{DATABASE}/papers_by_meeting.json?committee=Children&date=2024-03")
    assert {r["title"] for r in found} >= {"Minutes: Corporate Parenting Service item"}
    assert all(r["meeting_date"].startswith("2024-03") for r in found)
    assert len(rows(datasette, f"/{DATABASE}/papers_by_meeting.json?committee=&date=")) == 5


def test_passages_are_searchable(datasette):
    found = rows(datasette, f"/{DATABASE}/chunks.json?_search=kinship&_col=doc_id&_col=text")
    assert found and all("kinship" in r["text"].lower() for r in found)


def test_it_is_read_only(datasette, hash_index):
    response = get(datasette, f"/{DATABASE}.json?sql=" + "DELETE+FROM+documents")
    assert response.status_code == 400
    assert len(rows(datasette, f"/{DATABASE}/documents.json")) == 5
    assert not datasette.get_database(DATABASE).is_mutable


def test_the_command_refuses_a_missing_index(tmp_path):
    from archive.cli import cli

    result = CliRunner().invoke(cli, ["datasette", "--index-dir", str(tmp_path / "none")])
    assert result.exit_code != 0 and "archive index" in result.output
