"""ModernGov structure: numbered items of minutes, "RESOLVED" / "Decision:" blocks, agenda-item
pages and question-and-answer minutes. Each chunk keeps its item's number and title, and an answer
is cited for the question it answers. The papers are written here in the formats other councils
publish, for invented councils."""

from __future__ import annotations

import csv

import pytest

from archive.ask.cite import citation_text
from archive.build.chunk import chunk_document
from archive.build.ingest import html_to_text
from archive.build.packs import find_part_starts, split_parts
from archive.build.questions import asked_at, extract_questions
from archive.records import Document
from tests.conftest import CORPUS

MINUTES = """\
KESTERLEY BOROUGH COUNCIL

MINUTES OF THE MEETING OF THE CABINET

Date: Tuesday 9 April 2024


12. APOLOGIES FOR ABSENCE

Apologies were received from Councillor Moss.


13. HOUSING REPAIRS: PERFORMANCE AND CONTRACT EXTENSION

The Cabinet Member for Housing introduced the report. The repairs backlog had fallen from 1,930
jobs in October to 1,214 at the end of March, and 88% of urgent repairs were completed on time.

Kesterley BC - Cabinet - 09.04.24                                        Page 1 of 2

Kesterley BC - Cabinet - 09.04.24

Members asked about damp and mould. The Director said 146 cases were open and each would be
inspected within ten working days.

RESOLVED That

(a) the repairs contract with Fenbrook Maintenance be extended for twelve months; and

(b) a damp and mould action plan be reported to Cabinet in July 2024.


14. TREASURY MANAGEMENT OUTTURN

Councillor Pryor presented the outturn. Borrowing stood at £212m.

The meeting ended at 7.42 pm

Kesterley BC - Cabinet - 09.04.24                                        Page 2 of 2

Kesterley BC - Cabinet - 09.04.24
"""

QUESTIONS = """\
Kesterley Borough Council

COUNCIL - THURSDAY 18 APRIL 2024

QUESTIONS FROM THE PUBLIC AND FROM COUNCILLORS, WITH ANSWERS

PART A - QUESTIONS FROM MEMBERS OF THE PUBLIC

Question 1

Question from Mr Owen Tasker to the Cabinet Member for Leisure, Councillor Rita
Gaines:

"Will the Marsh Lane pool reopen this summer?"

Answer:

"The pool will reopen on 1 July 2024 after the roof repairs, which cost £640,000."

Supplementary question:

Mr Tasker asked whether opening hours would change.

Response:

Councillor Gaines said the pool would open an hour earlier on weekdays.

PART B - QUESTIONS FROM COUNCILLORS

Question from Councillor Jane Firbank to the Cabinet Member for Children's Services:

"How many children are waiting for a school place?"

Response from Councillor Paul Oduya, Cabinet Member for Children's Services:

On 31 March 2024, 37 children were waiting for a school place, all of them in year 9.
"""

ITEM_PAGE = """<html><body>
<nav>Skip to content</nav>
<h1>Agenda item</h1>
<h2>Library Service Review</h2>
<p>Meeting: 21/05/2024 - Cabinet (Item 31)</p>
<p class="mgAiTitleTxt">31 Library Service Review</p>
<h3>Decision:</h3>
<p>Cabinet agreed to keep all nine libraries open and to consult on opening hours.</p>
<h3>Minutes:</h3>
<p>The Cabinet Member said visits had risen to 402,000 in 2023/24.</p>
<h3>RESOLVED:</h3>
<p>That a consultation on opening hours begin in June 2024.</p>
</body></html>"""


def _document(text: str, doc_type: str = "minutes", title: str = "Paper") -> Document:
    return Document("paper.txt", "paper.txt", title, "Cabinet", "2024-04-09", doc_type, "", (text,),
                    council="Kesterley Borough Council")


def test_numbered_items_of_minutes_are_parts_and_head_their_chunks():
    document = _document(MINUTES)
    parts = split_parts(document)
    assert [p.title for p in parts[1:]] == [
        "Item 12: APOLOGIES FOR ABSENCE",
        "Item 13: HOUSING REPAIRS: PERFORMANCE AND CONTRACT EXTENSION",
        "Item 14: TREASURY MANAGEMENT OUTTURN",
        "Paper, close of meeting",
    ]
    assert all(p.part_date == "2024-04-09" for p in parts)
    chunks = chunk_document(document, find_part_starts(document))
    resolved = next(c for c in chunks if "damp and mould action plan" in c.text)
    assert parts[resolved.part_id].title.startswith("Item 13:")
    assert resolved.heading.startswith("Item 13: HOUSING REPAIRS")
    treasury = next(c for c in chunks if "£212m" in c.text)
    assert treasury.heading == "Item 14: TREASURY MANAGEMENT OUTTURN"
    closing = next(c for c in chunks if "ended at 7.42 pm" in c.text)
    assert parts[closing.part_id].title == "Paper, close of meeting"  # the close is the meeting's, not the last item's
    # a running footer heads nothing, and an item is never headed by the item before it
    assert not any("Kesterley BC - Cabinet" in c.heading for c in chunks)
    assert all(c.heading.startswith(parts[c.part_id].title) for c in chunks if "Item" in parts[c.part_id].title)


def test_numbered_lines_outside_minutes_are_not_items():
    report = _document(MINUTES.replace("MINUTES OF THE MEETING OF THE CABINET", "REPORT TO CABINET"),
                       doc_type="report")
    assert len(split_parts(report)) == 1


def test_minutes_inside_an_agenda_pack_keep_their_own_meeting_and_say_so():
    pack = CORPUS / "2024-03-12-cyp-scrutiny-agenda-pack.txt"
    document = Document(pack.name, str(pack), "Agenda pack", "Children and Young People Scrutiny Committee",
                        "2024-03-12", "agenda pack", "", (pack.read_text(),))
    items = [p for p in split_parts(document) if ", item " in p.title]
    assert items, "the minutes of the previous meeting are split into their items"
    assert all(p.title.startswith("Minutes of Children and Young People Scrutiny Committee, item ") for p in items)
    assert {p.part_date for p in items} == {"2024-01-23"}  # the earlier meeting's date, not the pack's


def test_question_and_answer_minutes_are_parts_and_records():
    document = _document(QUESTIONS, doc_type="questions and answers")
    titles = [p.title for p in split_parts(document)[1:]]
    assert titles == [
        "Question 1: from Mr Owen Tasker to the Cabinet Member for Leisure, Councillor Rita Gaines",
        "Question from Councillor Jane Firbank to the Cabinet Member for Children's Services",
    ]
    chunks = chunk_document(document, find_part_starts(document))
    answer = next(c for c in chunks if "37 children were waiting" in c.text)
    assert titles[answer.part_id - 1].startswith("Question from Councillor Jane Firbank")
    first, second = extract_questions(document)
    assert (first.number, first.kind, first.questioner) == ("Q 1", "public", "Mr Owen Tasker")
    assert first.question == "Will the Marsh Lane pool reopen this summer?"
    assert "1 July 2024" in first.response
    assert first.supplementary_question == "Mr Tasker asked whether opening hours would change."
    assert "an hour earlier" in first.supplementary_response
    assert (second.number, second.kind) == ("Q 2", "member")  # numbered by its place
    assert second.response_by.startswith("Councillor Paul Oduya")
    assert second.response.startswith("On 31 March 2024, 37 children")


def test_a_question_header_is_found_once_at_its_number():
    lines = QUESTIONS.split("\n")
    found = [i for i in range(len(lines)) if asked_at(lines, i)]
    assert [lines[i] for i in found] == ["Question 1", lines[found[1]]]
    assert lines[found[1]].startswith("Question from Councillor Jane Firbank")
    # "From ... to ..." counts only after a question number
    assert asked_at(["From April to June the service was closed:"], 0) is None


def test_an_agenda_item_page_keeps_its_number():
    document = _document(html_to_text(ITEM_PAGE), doc_type="agenda item")
    parts = split_parts(document)
    assert parts[-1].title == "Item 31: Library Service Review"
    chunks = chunk_document(document, find_part_starts(document))
    decision = next(c for c in chunks if "keep all nine libraries" in c.text)
    assert decision.heading.startswith("Item 31: Library Service Review")


@pytest.fixture(scope="module")
def kesterley(tmp_path_factory):
    """The two papers above as a corpus of their own, indexed with the stand-in embedder."""
    from archive import Archive
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    corpus = tmp_path_factory.mktemp("kesterley") / "corpus"
    corpus.mkdir()
    (corpus / "cabinet-minutes.txt").write_text(MINUTES)
    (corpus / "council-questions.txt").write_text(QUESTIONS)
    with open(corpus / "manifest.csv", "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "title", "committee", "meeting_date", "doc_type", "council"])
        writer.writerow(["cabinet-minutes.txt", "Minutes of Cabinet, 9 April 2024", "Cabinet", "2024-04-09",
                         "minutes", "Kesterley Borough Council"])
        writer.writerow(["council-questions.txt", "Council, 18 April 2024: questions with answers", "Council",
                         "2024-04-18", "questions and answers", "Kesterley Borough Council"])
    index_dir = corpus.parent / "index"
    build_index(corpus, index_dir, HashEmbedder(), progress=False, log=lambda m: None)
    return Archive.open(index_dir, embedder=HashEmbedder())


def test_an_answer_is_cited_for_the_question_it_answers(kesterley):
    answer = kesterley.ask("How many children were waiting for a school place in March 2024?")
    assert answer.text == "37"
    assert "Question from Councillor Jane Firbank" in citation_text(answer.citations[0])
    records = kesterley.questions()
    assert {r["questioner"] for r in records} == {"Mr Owen Tasker", "Councillor Jane Firbank"}


def test_a_decision_is_cited_with_its_item(kesterley):
    hits = kesterley.search("damp and mould action plan", k=3)
    assert hits[0].part.title == "Item 13: HOUSING REPAIRS: PERFORMANCE AND CONTRACT EXTENSION"
    assert "Item 13: HOUSING REPAIRS" in hits[0].chunk.heading
