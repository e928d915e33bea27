"""The real model on the shipped corpus: retrieval and answer quality floors, and the UASC example."""

import pytest

from archive.evaluate.metrics import evaluate, load_questions
from tests.conftest import QUESTIONS, assert_floors

pytestmark = pytest.mark.slow

# Floors set below what was measured when this was written (R@1 0.89, R@5 1.0, MRR 0.93,
# accuracy 1.0, abstention 1.0 on eval/questions.jsonl), so a regression fails loudly. Since the
# precision-first operating point (ask/models/reading.json): answers given 0.714 right of answerable,
# precision 1.0, the answer or the likely answer marked 0.964, the right passage first 0.964.
FLOORS = {"recall@1": 0.80, "recall@5": 0.95, "mrr@10": 0.85, "answer_accuracy": 0.65, "abstention": 1.0,
          "precision": 0.95, "best_accuracy": 0.90, "shown_first": 0.90}


def test_shared_questions_reach_the_floors(real_archive):
    result = evaluate(real_archive, load_questions(QUESTIONS))
    assert_floors(result, FLOORS)


def test_fused_beats_each_retriever_alone(real_archive):
    questions = load_questions(QUESTIONS)
    mrr = {mode: evaluate(real_archive, questions, mode=mode).mrr10 for mode in ("lexical", "dense", "hybrid")}
    assert mrr["hybrid"] >= mrr["lexical"] and mrr["hybrid"] > mrr["dense"], mrr


def test_uasc_answer_is_cited_to_the_march_2024_report(real_archive):
    answer = real_archive.ask("what was the UASC figure in January 2024")
    assert answer.text == "38"
    assert answer.quote == "In January 2024 this was 38."
    best = answer.citations[0]
    assert best.document.meeting_date == "2024-03-12"
    assert best.part.title == "Corporate Parenting Service"
    assert answer.quote in best.chunk.text


def test_unsupported_questions_abstain_and_say_what_is_held(real_archive):
    answer = real_archive.ask("What was the UASC figure in January 2019?")
    assert answer.text is None
    assert "January 2019" in answer.note and "January 2024" in answer.note
    assert real_archive.ask("How much did the council spend on road resurfacing in 2023?").text is None


def test_minutes_inside_a_pack_are_dated_by_their_own_meeting(real_archive):
    answer = real_archive.ask("What time did the Children and Young People Scrutiny Committee meeting of "
                              "23 January 2024 end?")
    assert answer.text == "5.03pm"
    assert answer.citations[0].part.part_date == "2024-01-23"
