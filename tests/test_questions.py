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
