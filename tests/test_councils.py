"""The council in the data model: corpus defaults, filters, citations, questions that name a council,
figures per council, and the warnings a paper's metadata earns at index time. Real papers: the
shipped Herefordshire corpus beside two invented councils' papers (eval/heldout)."""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from click.testing import CliRunner

from archive.ask.pipeline import scope
from archive.ask.retrieve.filters import Filters
from archive.ask.understand.councils import Councils
from archive.build.checks import date_warning, meeting_dates_stated, metadata_warnings
from archive.build.corpus import SourceFile, list_sources
from archive.errors import CorpusError
from tests.conftest import CORPUS, ROOT

OTHERS = ROOT / "eval" / "heldout" / "councils-a" / "corpus"
HOLLINBRIDGE = "Hollinbridge Borough Council"


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory):
    """The shipped papers (council from corpus/corpus.toml) and three Hollinbridge papers (council in
    their manifest rows), one of them with its meeting date removed."""
    corpus = tmp_path_factory.mktemp("councils") / "corpus"
    shutil.copytree(CORPUS, corpus)
    with open(corpus / "manifest.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with open(OTHERS / "manifest.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["council"] == HOLLINBRIDGE:
                shutil.copy2(OTHERS / row["file"], corpus / row["file"])
                if "questions" in row["file"]:
                    row["meeting_date"] = ""
                rows.append(row)
    columns = list(dict.fromkeys(k for row in rows for k in row))
    with open(corpus / "manifest.csv", "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return corpus


@pytest.fixture(scope="module")
def built(mixed_corpus, tmp_path_factory):
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    index_dir = tmp_path_factory.mktemp("councils-index")
    report = build_index(mixed_corpus, index_dir, HashEmbedder(), progress=False, log=lambda m: None)
    return index_dir, report


@pytest.fixture(scope="module")
def archive(built):
    from archive import Archive
    from archive.index.embed import HashEmbedder

    return Archive.open(built[0], embedder=HashEmbedder())


def test_the_corpus_default_fills_the_council_and_a_row_wins(mixed_corpus):
    councils = {s.doc_id: s.council for s in list_sources(mixed_corpus)}
    assert councils["2022-09-30-council-minutes.txt"] == "Herefordshire Council"  # corpus.toml
    assert councils["hollinbridge-full-council-2024-02-22.txt"] == HOLLINBRIDGE  # its manifest row


def test_a_corpus_toml_with_an_unknown_setting_is_a_clear_error(tmp_path):
    (tmp_path / "corpus.toml").write_text('councill = "Typo Council"\n')
    with pytest.raises(CorpusError, match=r"unknown setting.*councill"):
        list_sources(tmp_path)


def test_hits_and_citations_name_the_council(archive):
    from archive.ask.cite import citation_text, hit_json

    hits = archive.search("General Fund forecast overspend", k=10)
    assert HOLLINBRIDGE in {h.document.council for h in hits}
    for hit in hits:
        as_json = hit_json(hit)
        assert as_json["council"] == hit.document.council
        assert as_json["cited_as"].startswith(hit.document.council + ", ")
        assert citation_text(hit) == as_json["cited_as"]


def test_a_citation_does_not_repeat_the_title_and_says_undated(archive):
    from archive.ask.cite import source_text

    undated = [h for h in archive.search("question to the cabinet member", k=20)
               if h.chunk.doc_id == "hollinbridge-council-questions-2023-12-14.txt"]
    assert undated, "the undated Hollinbridge paper should be found"
    assert "undated" in source_text(undated[0]) and ", ," not in source_text(undated[0])
    for hit in archive.search("children in care", k=10):
        cited = source_text(hit)
        for said in (hit.document.committee, hit.document.council):  # said once, in the head
            assert cited.count(said) == 1, cited


def test_the_council_filter_keeps_to_one_council(archive):
    hits = archive.search("children in care", k=10, filters=Filters(council="hollinbridge"))
    assert hits and {h.document.council for h in hits} == {HOLLINBRIDGE}
    hits = archive.search("children in care", k=10, filters=Filters(council="Herefordshire"))
    assert hits and {h.document.council for h in hits} == {"Herefordshire Council"}


def test_a_question_naming_a_council_is_answered_from_its_papers_only(archive):
    for question in ("What overspend was Hollinbridge forecasting for the General Fund?",
                     "How many children are in Herefordshire's care?"):
        named = "Hollinbridge" if "Hollinbridge" in question else "Herefordshire"
        answer = archive.ask(question)
        assert answer.citations
        assert all(named in h.document.council for h in answer.citations), question


def test_a_council_the_archive_does_not_hold_gets_a_true_abstention(archive):
    answer = archive.ask("How many children are in Solihull Metropolitan Borough Council's care?")
    assert answer.text is None and not answer.citations
    assert "Solihull Metropolitan Borough Council" in answer.note and "Herefordshire Council" in answer.note


def test_a_question_about_another_area_is_not_answered_from_this_councils_figures(archive):
    answer = archive.ask("How many children were in care in Powys in 2023?")
    assert answer.text is None and not answer.citations  # no paper mentions Powys
    assert "Powys" in answer.note and "Herefordshire Council" in answer.note
    # Cornwall is mentioned (a statistical neighbour's rate in 2021), so the search goes on, but
    # Herefordshire's own rate is not Cornwall's
    assert archive.corpus_stats.mentions("Cornwall") and not archive.corpus_stats.mentions("Powys")
    assert archive.ask("Cornwall's rate of looked after children per 10,000 in 2023/24?").text is None
    assert archive.refusal("How many children in care were placed in Herefordshire in 2023?") is None


def test_council_areas_named_in_a_question():
    councils = Councils.of(["Herefordshire Council", HOLLINBRIDGE])
    never = lambda area: False  # noqa: E731 - no paper mentions anything
    assert councils.areas_not_held("How many children does Telford and Wrekin look after?", never) == (
        "Telford and Wrekin",)
    assert councils.areas_not_held("Children in care in North Somerset", never) == ("North Somerset",)
    assert councils.areas_not_held("Children in care in Herefordshire", never) == ()
    assert councils.areas_not_held("What was the West Midlands rate?", never) == ()  # a region
    assert councils.areas_not_held("Fostering fees in Shropshire", lambda area: area == "Shropshire") == ()
    assert Councils.of([]).areas_not_held("Children in care in Cornwall", never) == ()


def test_councils_named_in_a_question():
    councils = Councils.of(["Herefordshire Council", HOLLINBRIDGE, "South Fenmarsh District Council"])
    assert councils.named_in("what did south fenmarsh decide") == ("South Fenmarsh District Council",)
    assert councils.named_in("How many children were in care?") == ()
    assert councils.others_named("What did Full Council decide?") == ()
    assert councils.others_named("What did Hollinbridge Borough Council decide?") == ()
    assert councils.others_named("What did Wexley Borough Council decide?") == ("Wexley Borough Council",)


# Councils named in passing (issue 28; the wording itself: tests/test_councils_passing.py)


def test_a_question_about_a_council_not_held_is_still_refused(archive):
    for question, council in (
            ("How many children are in Solihull Metropolitan Borough Council's care?",
             "Solihull Metropolitan Borough Council"),
            ("What did RBKC's cabinet decide about children in care?", "Royal Borough of Kensington and Chelsea"),
            ("How many children were in care in Powys in 2023?", "Powys")):
        refusal = archive.refusal(question)
        assert refusal and f"holds no papers of {council}" in refusal, question
        assert archive.ask(question).text is None


def test_a_council_named_in_passing_is_not_refused(archive):
    for question in ("What did the council agree about the partnership with Solihull Metropolitan Borough Council?",
                     "How did the number of children in care compare with RBKC?",
                     "How many children in care were placed by agencies on behalf of Powys?",
                     "What did Herefordshire agree jointly with Powys about children in care?"):
        assert archive.refusal(question) is None, question
        answer = archive.ask(question)
        assert "holds no papers" not in answer.note and answer.citations, question


def test_a_council_named_in_passing_does_not_scope_the_search(archive):
    resources = archive.resources
    asked = archive.query("What did the cabinet agree about the partnership with Hollinbridge?")
    assert scope(asked, Filters(), resources).council in (None, "")
    asked = archive.query("What did Hollinbridge's cabinet agree about the General Fund overspend?")
    assert scope(asked, Filters(), resources).council == "Hollinbridge Borough Council"
    asked = archive.query("What did Herefordshire agree in its partnership with Hollinbridge?")
    assert scope(asked, Filters(), resources).council == "Herefordshire Council"


def test_figures_are_per_council(archive):
    points = archive.figures("children in care")
    assert points and {p.council for p in points} == {"Herefordshire Council"}  # Hollinbridge gives none
    for point in (p for p in points if p.disagrees):  # a disagreement is within one council's series
        assert any(o.council == point.council and o.unit == point.unit and o.sort_key == point.sort_key
                   and o.value != point.value for o in points)
    assert {p.council for p in archive.figures("children in care", council="Hollinbridge")} <= {HOLLINBRIDGE}


def test_warnings_name_the_paper_and_never_stop_the_batch(built):
    _, report = built
    warned = dict(report.warnings)
    assert "no meeting date" in warned["hollinbridge-council-questions-2023-12-14.txt"]
    assert not [name for name, _ in report.warnings if not name.startswith("hollinbridge")]
    assert "hollinbridge-council-questions-2023-12-14.txt" in report.indexed


def test_metadata_and_date_warnings():
    source = SourceFile(CORPUS / "x.txt", "x.txt", "t", "", "2024-02-23", "minutes", "", "")
    assert metadata_warnings(source) == ["no committee, no council in the manifest (or corpus.toml)"]
    minutes = (OTHERS / "hollinbridge-full-council-2024-02-22.txt").read_text()
    assert meeting_dates_stated(minutes)[0] == "2024-02-22"
    assert "22 February 2024" in date_warning(source, minutes)
    right = SourceFile(CORPUS / "x.txt", "x.txt", "t", "Council", "2024-02-22", "minutes", "", "Hollinbridge")
    assert date_warning(right, minutes) == ""
    # a date the paper reports on ("at 30 September 2023") is not its meeting date
    item = (OTHERS / "hollinbridge-cabinet-2023-11-14-item-58.html").read_text()
    assert date_warning(SourceFile(CORPUS / "i", "i", "t", "Cabinet", "2023-11-14", "", "", "H"), item) == ""


def test_cli_council_options(built):
    from archive.cli import cli

    index_dir = str(built[0])
    result = CliRunner().invoke(cli, ["search", "budget", "--council", "Hollinbridge", "--json",
                                             "--index-dir", index_dir])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)["hits"]
    assert hits and {h["council"] for h in hits} == {HOLLINBRIDGE}
    result = CliRunner().invoke(cli, ["questions", "--council", "Herefordshire", "--json", "--index-dir", index_dir])
    assert result.exit_code == 0 and {q["council"] for q in json.loads(result.output)} == {"Herefordshire Council"}
    result = CliRunner().invoke(cli, ["commitments", "--council", "Hollinbridge", "--json", "--index-dir", index_dir])
    assert result.exit_code == 0 and {c["council"] for c in json.loads(result.output)} <= {HOLLINBRIDGE}


MINUTES = """{name}

Minutes of the meeting of the Cabinet held on {day} March 2024 at 6.00 pm.

12. Children in care: quarterly report

The Director of Children's Services reported that the number of children in care was {value} at the end of
January 2024, against {earlier} in October 2023.
"""


def _two_councils(tmp_path, first: tuple[str, str]):
    """Cabinet minutes of two councils giving different figures (412 and 298) for the same month,
    indexed with the stand-in embedder."""
    from archive import Archive
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = ["file,title,committee,meeting_date,doc_type,source_url,council"]
    second = ("dunmore", "Dunmore District Council", 14, 298, 305)
    for slug, name, day, value, earlier in ((*first, 12, 412, 398), second):
        (corpus / f"{slug}.txt").write_text(MINUTES.format(name=name.upper(), day=day, value=value, earlier=earlier))
        rows.append(f"{slug}.txt,Cabinet minutes,Cabinet,2024-03-{day},minutes,,{name}")
    (corpus / "manifest.csv").write_text("\n".join(rows) + "\n")
    build_index(corpus, tmp_path / "index", HashEmbedder(), progress=False, log=lambda m: None)
    return Archive.open(tmp_path / "index", embedder=HashEmbedder())


def test_when_councils_disagree_the_answer_says_whose_figure_and_lists_the_others(tmp_path):
    # at the selector's own threshold: the stand-in embedder's passages are below the shipped
    # precision-first point, and this is about the note of an answer given
    archive = _two_councils(tmp_path, ("brackley", "Brackley Borough Council")).with_reading(None)

    answer = archive.ask("How many children were in care at the end of January 2024?")
    mine, other = ("412", "Dunmore District Council: 298") if answer.text == "412" else (
        "298", "Brackley Borough Council: 412")
    assert answer.text == mine
    assert f"That is {answer.citations[0].document.council}'s figure" in answer.note
    assert other in answer.note and "Cabinet, 1" in answer.note  # the other's citation
    named = archive.ask("How many children were in Dunmore's care at the end of January 2024?")
    assert named.text == "298" and "other councils" not in named.note  # only Dunmore's papers searched


def test_a_held_council_asked_by_its_short_name_is_the_council_searched(tmp_path):
    archive = _two_councils(tmp_path, ("kent", "Kent County Council"))

    answer = archive.ask("How many children were in KCC's care at the end of January 2024?")
    assert (answer.text or answer.likely) == "412"  # given, or marked as likely below the precision-first point
    assert {c.document.council for c in answer.citations} == {"Kent County Council"}
    assert archive.refusal("What did RBKC's cabinet decide?")  # not held: refused, by its full name
    assert "Royal Borough of Kensington and Chelsea" in archive.refusal("What did RBKC's cabinet decide?")
    # Kent named in passing: the question is not scoped to Kent's papers
    asked = archive.query("How many children were in care at the end of January 2024, compared with KCC?")
    assert asked.councils == () and "Kent County Council" in asked.passing
