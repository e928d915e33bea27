import pytest

from archive.build.ingest import read_pages
from archive.build.questions import extract_questions
from archive.records import Document
from tests.conftest import CORPUS


def _questions(name: str):
    path = CORPUS / name
    return extract_questions(Document(name, str(path), "t", "", "", "", "", tuple(read_pages(path))))


def test_council_minutes_public_and_member_questions():
    found = {q.number: q for q in _questions("2022-09-30-council-minutes.txt")}
    assert list(found) == ["PQ 1", "PQ 2", "PQ 3", "PQ 4", "PQ 5", "MQ 1"]
    currie = found["PQ 2"]
    assert currie.questioner == "Ms Currie, Hereford" and currie.kind == "public"
    assert currie.question_to == "Cabinet member children and families"
    assert currie.question.startswith("Where staff (past and present) are identified")
    assert currie.response.startswith("Thank you for your question. All allegations against staff")
    assert currie.supplementary_question.startswith("Staff that I am prohibited from naming")
    assert currie.supplementary_response_by == "cabinet member children and families"
    assert "<p>" not in currie.question + currie.response
    gandy = found["MQ 1"]
    assert gandy.kind == "member" and gandy.questioner.startswith("Cllr Carole Gandy")
    assert "I will provide a written response" not in gandy.question
    # PQ 5 quotes a table whose header starts with "Question": it stays inside the question
    assert found["PQ 5"].supplementary_question.startswith("Only 2% and 7% of audited")


def test_scrutiny_board_question_with_response_by_line():
    (steel,) = _questions("2024-09-10-smb-public-questions.txt")
    assert steel.number == "PQ 1" and steel.questioner == "Ms. Maggie Steel Hereford"
    assert steel.question_to == "Scrutiny Management Board"
    assert steel.response_by == "Cabinet Member Children and Young People"
    assert "96 new children into care" in steel.response


def test_questions_are_parts_and_searchable(hash_archive):
    titles = {p.title for p in hash_archive.parts.values()}
    assert "PQ 4: question from Mr Griffiths, Hereford" in titles
    hit = hash_archive.search("Domestic Abuse Hub", k=1)[0]
    assert hit.part.title == "PQ 4: question from Mr Griffiths, Hereford"
    rows = hash_archive.questions(questioner="Griffiths")
    assert len(rows) == 1 and rows[0]["meeting_date"] == "2022-09-30" and rows[0]["number"] == "PQ 4"
    assert [r["number"] for r in hash_archive.questions("domestic abuse")] == ["PQ 4"]


SPELLINGS = """Questions from members of the public

Question number\tQuestioner\tQuestion\tQuestion to
PQ1\tMs Jane Doe, Ledbury\tHow many children wait for an EHC plan?\tCabinet member children and families
Response: The figure changes weekly, so I will provide a written response with the latest figure.
Question 2\tMr John Roe, Ross\tWhen will the library in Ross reopen after the roof repairs?\tCabinet member communities
Response: I will provide a written response once the contractor has confirmed the dates.
PQ 3\tMs Ann Poe, Kington\tWhat is the council doing about potholes on rural lanes?\tCabinet member roads
Response: I will provide a written response setting out the programme.
"""


@pytest.fixture()
def spellings_archive(tmp_path):
    from archive import Archive
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "questions.txt").write_text(SPELLINGS)
    (corpus / "manifest.csv").write_text(
        "file,title,committee,meeting_date,doc_type,source_url\n"
        "questions.txt,Public questions,Council,2024-05-01,public questions,\n")
    build_index(corpus, tmp_path / "index", HashEmbedder(), progress=False, log=lambda m: None)
    return Archive.open(tmp_path / "index", embedder=HashEmbedder())


def test_every_spelling_of_a_question_number_keeps_its_response_and_respondent(spellings_archive):
    """"PQ1", "Question 2" and "PQ 3" each give a question record with its response, a part of
    its own, and the person it was put to as the owner of the undertaking in the response."""
    found = {q["number"]: q for q in spellings_archive.questions()}
    assert sorted(found) == ["PQ 1", "PQ 3", "Q 2"]
    assert found["PQ 1"]["response"].startswith("The figure changes weekly")
    assert found["Q 2"]["questioner"] == "Mr John Roe, Ross" and found["Q 2"]["response"].startswith("I will")
    owners = [c["owner"] for c in spellings_archive.commitments(kind="undertaking")]
    assert sorted(owners) == ["Cabinet member children and families", "Cabinet member communities",
                                       "Cabinet member roads"]
    titles = {p.title for p in spellings_archive.parts.values()}
    assert {"PQ 1: question from Ms Jane Doe, Ledbury", "Q 2: question from Mr John Roe, Ross"} <= titles


def test_question_numbers_have_one_spelling():
    from archive.build.questions import question_number

    assert {question_number(w) for w in ("PQ1", "pq 1", "PQ 01", " PQ  1 ")} == {"PQ 1"}
    assert {question_number(w) for w in ("Question 2", "Q2", "Question No. 2", "question number 2")} == {"Q 2"}
    assert question_number("MQ3") == "MQ 3"
