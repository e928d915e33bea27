"""Commitments and figures over time, extracted from the real papers of the shipped corpus."""

import json

from click.testing import CliRunner

from archive.cli import cli


def _by_quote(items, fragment):
    return next(item for item in items if fragment in item["quote"])


def test_actions_with_owners(hash_archive):
    items = hash_archive.commitments(kind="action")
    fgc = _by_quote(items, "monthly family group conferencing report")
    assert fgc["owner"] == "The Service Director for Safeguarding and Family Support"
    assert fgc["meeting_date"] == "2024-03-12" and fgc["committee"] == "Children and Young People Scrutiny Committee"
    workshop = _by_quote(items, "That a workshop be held including all data analysts")
    assert workshop["meeting_date"] == "2024-01-23"  # minutes of January inside the March pack


def test_lettered_resolution_lists_become_one_record_each(hash_archive):
    items = [i for i in hash_archive.commitments() if i["doc_id"] == "2024-03-12-cyp-scrutiny-agenda-pack.txt"
             and i["owner"] == "the executive"]
    assert len(items) == 7  # recommendations a to g to the executive
    assert items[0]["kind"] == "recommendation"
    assert "so that they are aware of the financial consequences" in items[0]["quote"]  # continuation line kept
    assert "2024-25" in items[-1]["due"]
    resolved = [i for i in hash_archive.commitments(kind="resolution")
                if i["doc_id"] == "2024-03-12-cyp-scrutiny-minutes-corporate-parenting.txt"]
    assert [i["quote"][:10] for i in resolved] == ["The report", "The Commit"]


def test_undertakings_without_the_word_action(hash_archive):
    items = hash_archive.commitments(kind="undertaking")
    complaints = _by_quote(items, "offered to bring a report by the complaints team")
    assert complaints["owner"] == "The Corporate Director"
    update = _by_quote(hash_archive.commitments(), "a further update will be provided")
    assert update["due"] == "September 2021" and update["due_iso"] == "2021-09-30"
    workshops = _by_quote(items, "workshops planned to start November/December 24")
    assert workshops["due_iso"] == "2024-12-31"


def test_written_response_is_found_as_the_follow_up(hash_archive):
    item = _by_quote(hash_archive.commitments(), "so I will provide a written response")
    assert item["owner"] == "Cabinet member children and families"
    assert item["status"] == "follow-up found"
    (follow,) = item["follow_ups"]
    assert follow["date"] == "2022-10-13" and follow["quote"].startswith("Written response sent on 13 October 2022")


def test_status_is_overdue_only_without_a_follow_up(hash_archive):
    items = hash_archive.commitments(today="2026-11-22")
    update = _by_quote(items, "a further update will be provided")
    assert update["follow_ups"] == [] and update["status"] == "overdue"
    assert all(i["status"] != "follow-up found" for i in items if not i["follow_ups"])
    early = hash_archive.commitments(today="2021-06-02")
    assert _by_quote(early, "a further update will be provided")["status"] == "no follow-up found"


def test_children_in_care_series(hash_archive):
    points = {(p.unit, p.period, p.value) for p in hash_archive.figures("children in care")}
    for expected in [("count", "2018/19", "333"), ("count", "2022/23", "412"), ("count", "February 2020", "355"),
                     ("count", "December 2022", "388"), ("per 10,000", "2023/24", "112")]:
        assert expected in points
    assert ("count", "2023/24", "112") not in points  # a rate is not a count
    assert not any(period == "April 23" for _, period, _ in points)  # periods are normalised
    assert not any(value == "26" for _, _, value in points)  # "26 new children" is another measure


def test_uasc_series_and_cli_contract(hash_index, monkeypatch):
    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(hash_index))
    result = CliRunner().invoke(cli, ["figures", "unaccompanied asylum seeking children", "--json"])
    data = json.loads(result.output)
    assert data["measure"] == "unaccompanied asylum seeking children"
    keys = {"value", "unit", "period", "meeting_date", "quote", "doc_id", "title", "page"}
    assert all(keys <= set(point) for point in data["points"])
    series = [(p["period"], p["value"]) for p in data["points"] if p["unit"] == "count"]
    assert ("January 2022", "6") in series and ("January 2024", "38") in series and ("March 2024", "38") in series
    result = CliRunner().invoke(cli, ["commitments", "--kind", "action", "--jsonl"])
    lines = [json.loads(line) for line in result.output.strip().split("\n")]
    assert lines and all(line["kind"] == "action" and "follow_ups" in line for line in lines)


def test_soft_undertakings_with_a_due_meeting_ahead(hash_archive):
    items = hash_archive.commitments(kind="undertaking")
    lga = _by_quote(items, "The LGA will also be observing the July board")
    assert lga["owner"] == "The LGA" and lga["due"] == "the July board" and lga["due_iso"] == "2024-07-31"
    embedded = _by_quote(items, "it is hoped that it will be embedded by the July 2024 meeting")
    assert embedded["due_iso"] == "2024-07-31"
    assert len(hash_archive.commitments()) < 150  # precision: every record is a commitment, not every "will"


def test_follow_ups_are_found_when_the_index_is_built(hash_index, monkeypatch):
    """`commitments` reads the follow-ups the build stored: no search runs per call."""
    from archive import Archive
    from archive.ask.track import follow_ups
    from archive.index.embed import HashEmbedder

    archive = Archive.open(hash_index, embedder=HashEmbedder())
    monkeypatch.setattr(follow_ups, "find", lambda *a, **k: (_ for _ in ()).throw(AssertionError("searched")))
    item = _by_quote(archive.commitments(), "so I will provide a written response")
    assert [f["date"] for f in item["follow_ups"]] == ["2022-10-13"]
    monkeypatch.undo()
    found = archive.follow_ups(item)  # the same as a search now
    assert [(when, archive.passages_of([r])[0].chunk.text[:40]) for when, r in found] == [
        (f["date"], f["quote"][:40]) for f in item["follow_ups"]]


def test_an_index_built_without_follow_ups_finds_them_per_call(small_corpus, tmp_path):
    from archive import Archive
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    def build(follow):
        return build_index(small_corpus, tmp_path / "index", HashEmbedder(), progress=False, log=lambda m: None,
                           follow_ups=follow)

    assert build(False).follow_ups == 0
    per_call = Archive.open(tmp_path / "index", embedder=HashEmbedder()).commitments()
    assert build(True).follow_ups == len(per_call) > 0  # nothing changed, but none were stored before
    assert Archive.open(tmp_path / "index", embedder=HashEmbedder()).commitments() == per_call


def test_a_figure_keeps_its_own_period_and_series_keep_to_their_measure(hash_archive):
    uasc = [(p.period, p.value) for p in hash_archive.figures("unaccompanied asylum seeking children")
            if p.unit == "count"]
    # "risen from 6 children in 2022 to 38 at the current time": 2022 is the 6's, 38 is current
    assert ("2022", "38") not in uasc
    in_care = {p.value for p in hash_archive.figures("children in care") if p.unit == "count"}
    assert {"386", "396", "412"} <= in_care
    assert not {"11", "38"} & in_care  # UASC counts, introduced by "asylum seeking children ... in our care"
