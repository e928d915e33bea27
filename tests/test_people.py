"""People and decisions read from minutes (build/people.py, build/names.py, build/decisions.py): on the
annotated minutes of eval/people indexed with the hash embedder, and on the shipped Herefordshire
minutes; through the CLI, the API, the app and `ask`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from streamlit.testing.v1 import AppTest

from archive.build.names import merge, parse_name
from archive.build.packs import find_part_starts
from archive.build.people import extract_people
from archive.cli import cli
from archive.records import Document

ROOT = Path(__file__).resolve().parent.parent
TUNING = ROOT / "eval" / "people" / "tuning"
HELDOUT = ROOT / "eval" / "people" / "heldout"
APP = str(ROOT / "app.py")


@pytest.fixture(scope="module")
def people_index(tmp_path_factory) -> Path:
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    index_dir = tmp_path_factory.mktemp("people-index")
    build_index(TUNING / "corpus", index_dir, HashEmbedder(), progress=False, log=lambda m: None)
    return index_dir


@pytest.fixture(scope="module")
def people_archive(people_index):
    from archive import Archive
    from archive.index.embed import HashEmbedder

    return Archive.open(people_index, embedder=HashEmbedder())


def run(index: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--index-dir", str(index)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def minutes(text: str, council: str = "Testshire Council") -> Document:
    return Document("m.txt", "m.txt", "Minutes", "Council", "2024-05-01", "minutes", "", (text,), council=council)


def roles(text: str) -> set[tuple[str, str]]:
    document = minutes(text)
    return {(a.role, a.name) for a in extract_people(document, find_part_starts(document))}


# -- names ----------------------------------------------------------------------------------------------
def test_titles_and_honours_are_stripped_for_matching_and_kept_for_display():
    form = parse_name("Alderman Dr Aine O'Neill OBE")
    assert (form.titles, form.given, form.surname) == ("Alderman Dr", "Aine", "O'Neill")
    assert parse_name("ap Gwilym", "County Councillor").surname == "ap Gwilym"
    assert parse_name("Chief Executive") is None and parse_name("Head of Planning") is None


def test_forms_merge_within_one_council_only_and_never_two_people():
    rows = [{"rowid": i, "council": council, "meeting": meeting, "name": name} for i, (council, meeting, name) in
            enumerate([("A", 1, "Councillor John Smith"), ("A", 1, "Councillor Jane Smith"), ("A", 2, "Cllr J Smith"),
                       ("A", 3, "Councillor Jane Smith"), ("A", 3, "Councillor Smith"),
                       ("B", 4, "Alderman John Smith"), ("B", 4, "Councillor Smith")])]
    people, assigned = merge(rows)
    by_row = {i: next(p for p in people if p.person_id == assigned[i]) for i in assigned}
    assert by_row[2].name == "J Smith"  # John or Jane: left alone
    assert by_row[4] is by_row[3]  # the one Smith at meeting 3 is Jane
    assert by_row[6] is by_row[5] and by_row[5].council == "B"  # B's Smith is B's John Smith
    assert by_row[0] is not by_row[5]  # the same name in two councils is two people


# -- reading minutes --------------------------------------------------------------------------------------
def test_a_vote_on_an_amendment_and_a_division_between_motion_and_amendment():
    on_amendment = roles("Minutes of the meeting of Council held at Hall on 1 May 2024\n\n"
                         "For the amendment: Councillors Howells and Pugh\n"
                         "Against the amendment: Councillors Rees and Thomas\n")
    assert ("voted-for", "Councillor Howells") in on_amendment and ("voted-against", "Councillor Rees") in on_amendment
    division = roles("Minutes of the meeting of Council held at Hall on 1 May 2024\n\n"
                     "On a division, there voted for the motion 2 (Councillors Grant and Cameron) and for the "
                     "amendment 1 (Councillor Shaw), with Councillor Ross abstaining.\n")
    assert {("voted-for", "Councillor Grant"), ("voted-against", "Councillor Shaw"),
            ("abstained", "Councillor Ross")} <= division


def test_officers_posts_and_chairs_of_other_bodies():
    found = roles("Minutes of the meeting of Cabinet held at Hall on 1 May 2024\n\n"
                  "Present: Councillor Margaret Okonjo (Leader of the Council) (Chair)\n"
                  "Also present: Councillor Keith Varley (Chairman of Overview and Scrutiny), "
                  "Mr Ieuan Thomas (Chief Executive)\n"
                  "Officers: Chief Executive, Director of Finance\n\n"
                  "1. LIBRARIES\n\nThe Leader proposed that the item be deferred.\n")
    assert ("chair", "Councillor Margaret Okonjo") in found
    assert ("chair", "Councillor Keith Varley") not in found and ("present", "Councillor Keith Varley") in found
    assert ("officer", "Mr Ieuan Thomas") in found
    assert not any(name in ("Chief Executive", "Director of Finance") for _, name in found)
    assert ("moved", "Councillor Margaret Okonjo") in found  # "The Leader" is the one listed as leader


def test_full_council_forms_chairs_abstentions_and_wrapped_names():
    found = roles("Minutes of the meeting of Council held at Hall on 1 May 2024\n\n"
                  "PRESENT: The Mayor (Councillor Denise Ashworth-Kay) in the Chair; the Deputy Mayor (Councillor "
                  "Leonard Quayle); Councillors Akhtar and Barraclough\n\n"
                  "1. MOTION\n\nCouncillor Sam Fairbrother moved the following motion, which was seconded by "
                  "Councillor Ruth\nPenrose:\n\n"
                  "Moved by Councillor Stephen Aldous, Cabinet Member for Finance, seconded by Councillor Whitworth.\n"
                  "Abstentions (2): Councillors Akhtar and Barraclough\n")
    assert {("chair", "Councillor Denise Ashworth-Kay"), ("vice-chair", "Councillor Leonard Quayle"),
            ("seconded", "Councillor Ruth Penrose"), ("moved", "Councillor Stephen Aldous"),
            ("seconded", "Councillor Whitworth"), ("abstained", "Councillor Akhtar")} <= found
    assert ("seconded", "Councillor Stephen Aldous") not in found and ("seconded", "Councillor Ruth") not in found
    assert not any(role == "voted-for" for role, _ in found)


def test_lists_wrapped_over_lines_keep_their_title_and_each_name_its_line():
    document = minutes("Minutes of the meeting of Cabinet held at Hall on 1 May 2024\n\n"
                       "PRESENT: Councillor J Bloggs (Chairman)\nCouncillors: A Bell, C Dunn, E\nFox and G Hill\n\n"
                       "Named Substitutes: Councillor K Lamb (for Councillor M Nash)\n")
    found = {(a.role, a.name): a.line for a in extract_people(document, find_part_starts(document))}
    assert found[("present", "Councillor E Fox")] == 5 and found[("present", "Councillor G Hill")] == 5
    assert found[("present", "Councillor A Bell")] == 4
    assert ("substitute", "Councillor K Lamb") in found


def test_questions_asked_and_answered_in_the_minutes_text():
    found = roles("Minutes of the meeting of Cabinet held at Hall on 1 May 2024\n\n1. LEISURE\n\n"
                  "Councillor Fairley asked whether the trust had met its targets. Councillor Jane Smith replied "
                  "that attendance had recovered. Councillor Hale asked that the item be deferred.\n")
    assert ("asked", "Councillor Fairley") in found and ("answered", "Councillor Jane Smith") in found
    assert ("asked", "Councillor Hale") not in found  # a request, not a question


def test_moderngov_attendance_table():
    found = roles("Minutes of the meeting of Cabinet held at Hall on 1 May 2024\n\nAttendance\n\n"
                  "Councillor Jane Smith\tChairman\tPresent\nCouncillor Ann Lee\tCommittee Member\tApologies\n"
                  "Rachel Lowe\tChief Executive\tIn attendance\nCouncillor Tim Orr\tSubstitute\tPresent as substitute\n"
                  "Councillor Ian Bell\tCommittee Member\tAbsent\n")
    assert found == {("present", "Councillor Jane Smith"), ("chair", "Councillor Jane Smith"),
                     ("apologies", "Councillor Ann Lee"), ("officer", "Rachel Lowe"),
                     ("present", "Councillor Tim Orr"), ("substitute", "Councillor Tim Orr")}


def test_outcomes_read_from_how_minutes_record_them():
    from archive.build.decisions import classify

    assert classify("The Committee noted the report.", "") == "noted"
    assert classify("The amendment was put and declared lost. The substantive proposal was then put and declared "
                    "carried.", "") == "agreed"
    assert classify("Moved by Cllr A. The motion was put to the meeting and declared lost.", "") == "rejected"
    assert classify("", "RESOLVED to refuse the application.") == "rejected"
    assert classify("", "DECIDED: that consideration be continued to its next meeting.") == "deferred"
    assert classify("", "The Committee AGREED to remit the strategy to the Community Safety Partnership.") == "referred"
    assert classify("", "RESOLVED: That Cabinet agreed the recommendations, with the exception of recommendation "
                        "2.3, which was withdrawn.") == "agreed-amended"
    assert classify("Councillor A moved an amendment. The amendment was carried.",
                    "RESOLVED: That the fees be approved, as amended.") == "agreed-amended"
    assert classify("", "The Committee agreed to note the external auditor's report.") == "noted"


def test_shipped_herefordshire_minutes(hash_archive):
    bowen = hash_archive.people("Sebastian Bowen")
    assert [p["council"] for p in bowen] == ["Herefordshire Council"]
    assert {(a["role"], a["meeting_date"]) for a in bowen[0]["appearances"]} == {
        ("present", "2022-09-30"), ("chair", "2022-09-30")}
    apologies = {p["name"] for p in hash_archive.people(council="Herefordshire")
                 if any(a["role"] == "apologies" and a["meeting_date"] == "2022-09-30" for a in p["appearances"])}
    assert {"Bartrum", "Graham Jones", "Watson"} <= apologies and len(apologies) == 11
    decisions = {d["title"]: d for d in hash_archive.decisions(council="Herefordshire")}
    service = decisions["Corporate Parenting Service"]
    assert service["outcome"] == "agreed"
    assert service["resolution"]["doc_id"] == "2024-03-12-cyp-scrutiny-minutes-corporate-parenting.txt"
    assert decisions["Corporate Parenting Board"]["outcome"] == "not-found"  # its minutes are not held


# -- the index, the CLI, the API, the app, ask ------------------------------------------------------------
def test_people_json_gives_forms_and_cited_appearances(people_index):
    found = json.loads(run(people_index, "people", "Joanne Smith", "--json"))
    assert [(p["council"], p["name"]) for p in found] == [("Carrickvale Borough Council", "Joanne Smith")]
    person = found[0]
    assert set(person["forms"]) == {"Councillor J Smith", "Councillor Joanne Smith", "Councillor Smith"}
    assert {"present", "seconded", "voted-for"} <= {a["role"] for a in person["appearances"]}
    seconded = next(a for a in person["appearances"] if a["role"] == "seconded")
    assert seconded["quote"] == "Seconded by Councillor Smith and"
    assert seconded["cited_as"].startswith("Carrickvale Borough Council, Environmental Services Committee, "
                                           "8 January 2024")
    assert "line" in seconded["cited_as"] and seconded["meeting_date"] == "2024-01-08"


def test_two_smiths_of_one_council_stay_apart(people_archive):
    smiths = people_archive.people("Smith", council="Ashworth")
    assert sorted(p["name"] for p in smiths) == ["J Smith", "Jane Smith", "John Smith"]
    john = next(p for p in smiths if p["name"] == "John Smith")
    assert john["forms"] == ["Councillor John Smith"]
    assert {a["role"] for a in john["appearances"]} == {"present", "chair"}


def test_decisions_with_both_passages_and_minutes_dated_by_their_own_meeting(people_index):
    found = json.loads(run(people_index, "decisions", "--council", "Ashworth", "--json"))
    by_title = {d["title"]: d for d in found}
    review = by_title["Temporary Accommodation Review"]
    assert review["outcome"] == "deferred"
    # the minutes of 6 February are printed in the pack of 5 March: the decision is February's
    assert review["resolution"]["doc_id"] == "ashworth-osc-2024-03-05-agenda-pack.txt"
    assert review["resolution"]["meeting_date"] == "2024-02-06" == review["meeting_date"]
    assert by_title["Fees and Charges 2024/25"]["outcome"] == "agreed-amended"
    assert by_title["Housing Repairs Performance"]["outcome"] == "not-found"
    assert by_title["Car Park Tariffs Review"]["recommendation"] is None  # a decision record
    csv_text = run(people_index, "decisions", "--outcome", "referred", "--csv")
    assert csv_text.splitlines()[0].startswith("id,council,committee,meeting_date,title,outcome")
    assert {line.split(",")[4] for line in csv_text.splitlines()[1:]} == {
        "School Organisation Proposal: Ysgol Bro Glanmor", "Treasury Management Strategy"}


def test_api_gives_what_the_cli_prints(people_archive, people_index, tmp_path):
    from archive.api.app import create_app
    from archive.api.settings import ApiSettings

    settings = ApiSettings(rate_limit=None, feeds_path=tmp_path / "feeds.db")
    with TestClient(create_app(people_archive, settings)) as client:
        response = client.get("/people", params={"name": "Joanne Smith"})
        assert response.status_code == 200
        assert response.json() == json.loads(run(people_index, "people", "Joanne Smith", "--json"))
        one = client.get(f"/people/{response.json()[0]['id']}").json()
        assert one["name"] == "Joanne Smith" and len(one["appearances"]) == len(response.json()[0]["appearances"])
        assert client.get("/people/999999").status_code == 404
        decisions = client.get("/decisions", params={"outcome": "deferred", "council": "Fordham"}).json()
        assert [d["title"] for d in decisions] == ["CCTV Proposal"]
        assert client.get("/decisions", params={"outcome": "maybe"}).status_code == 422


def test_asking_whether_a_recommendation_was_agreed_cites_both(people_archive):
    answer = people_archive.ask("Was the officers' recommendation on fees and charges agreed, or amended?")
    assert answer.text == "Agreed with amendments"
    assert "as amended" in answer.quote
    cited = [hit.chunk.doc_id for hit in answer.citations[:2]]
    assert cited == ["ashworth-cabinet-2024-01-16-minutes.txt", "ashworth-cabinet-2024-01-16-report-fees.txt"]
    assert "8% in the garden waste charge" in answer.citations[1].chunk.text


def test_app_person_page_and_decisions_view(people_index, monkeypatch):
    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(people_index))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["view"] = "People"
    at.query_params["name"] = "Kowalski"
    at.run()
    assert not at.exception
    page = "\n".join(m.value for m in at.markdown)
    assert "Councillor Mark Kowalski" in page
    tables = [d.value for d in at.dataframe]
    assert any("declared" in set(t["role"]) for t in tables if "role" in t)
    assert any(set(t.get("committee", [])) >= {"Planning Committee"} for t in tables)
    at.sidebar.radio(key="view").set_value("Decisions")
    at.run()
    assert not at.exception
    assert any(e.label.startswith("[deferred] CCTV Proposal") for e in at.expander)


# -- measured ---------------------------------------------------------------------------------------------
SETS = ["tuning", "heldout", *(f"heldout-{n}" for n in range(2, 10))]


@pytest.mark.parametrize("annotated", [ROOT / "eval" / "people" / name for name in SETS], ids=SETS)
def test_annotated_minutes_meet_the_targets(annotated):
    from archive.evaluate.people import evaluate

    result = evaluate(annotated / "corpus", annotated / "expected.jsonl")
    assert result["all"]["precision"] >= 0.95 and result["all"]["recall"] >= 0.90, result["all"]
    # a guard against regressions; the held-out first runs are in benchmarks/results/people.md. heldout-2
    # keeps one outcome the rules read wrong (7/8); heldout-9, the last blind set, was never fixed on (7/9)
    floor = 0.75 if annotated.name == "heldout-9" else 0.85
    assert result["decisions"]["accuracy"] >= floor, result["decisions"]["wrong"]
    assert result["merged_people"] == [] and result["people_across_councils"] == 0


def test_an_unchanged_rebuild_keeps_people_and_decisions(people_index, people_archive, tmp_path):
    import shutil

    from archive import Archive
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    copy = tmp_path / "index"
    shutil.copytree(people_index, copy)
    report = build_index(TUNING / "corpus", copy, HashEmbedder(), progress=False, log=lambda m: None)
    assert report.indexed == [] and len(report.not_reread) == len(report.unchanged) > 20  # copied, not read
    again = Archive.open(copy, embedder=HashEmbedder())
    assert again.people() == people_archive.people()
    assert again.decisions() == people_archive.decisions()
