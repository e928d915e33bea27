"""Below the threshold the archive does not answer, but it still shows where it would have: the best
passage first, the likely answer marked, and a note saying why it is unsure."""

from dataclasses import replace

from archive.ask import pipeline
from archive.ask.retrieve.filters import Filters
from archive.ask.select.answer import select_answer, why_unsure
from archive.ask.select.relative import answer_key
from archive.ask.select.selector import AnswerSelector

QUESTION = "What was the UASC figure in January 2024?"


def _gathered(archive, question=QUESTION):
    resources = archive.resources
    query = pipeline.understand(question, resources)
    return pipeline.gather(query, 10, Filters(), resources)


def test_an_unsure_answer_keeps_its_passage_first_and_marks_the_likely_answer(hash_archive):
    evidence, found = _gathered(hash_archive)
    selector = AnswerSelector.load()
    sure = select_answer(evidence, found, selector)
    assert sure.text == "38"  # the shipped selector answers this one
    unsure = select_answer(evidence, found, replace(selector, threshold=1.01))
    assert unsure.text is None and unsure.likely == "38"
    assert unsure.citations[0] == sure.citations[0] and unsure.quote == sure.quote
    assert unsure.note.startswith("Not sure (") and "% likely right): " in unsure.note
    assert "The likely answer, 38, is marked" in unsure.note


def test_the_likely_answer_reaches_the_json(hash_archive):
    from archive.ask.cite import answer_json

    evidence, found = _gathered(hash_archive)
    selector = replace(AnswerSelector.load(), threshold=1.01)
    body = answer_json(select_answer(evidence, found, selector))
    assert body["answer"] is None and body["likely"] == "38"


def test_why_unsure_names_the_periods_when_the_passage_is_dated_otherwise(hash_archive):
    evidence, found = _gathered(hash_archive, "What was the UASC figure in January 2019?")
    off = [c for c in found if not c.features.get("date_ok") and c.kind == "count"]
    assert off, "a count from a passage of another period"
    reason = why_unsure(evidence, found, off[0])
    assert "January 2019" in reason and reason.startswith("the passage is ")


def test_why_unsure_counts_the_values_of_one_kind_in_the_sentence(hash_archive):
    evidence, found = _gathered(hash_archive, "How many UASC were there?")
    crowded = [c for c in found if c.kind == "count" and len(
        {answer_key(o.span) for o in found if o.sentence == c.sentence and o.kind == c.kind}) > 1]
    assert crowded, "a sentence holding two counts"
    reason = why_unsure(evidence, found, crowded[0])
    assert reason.split()[0].isdigit() and "figures in this" in reason
