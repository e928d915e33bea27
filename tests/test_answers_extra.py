"""Floors on our own harder questions (tests/data/questions_extra.jsonl: table cells, paraphrases,
dates in many forms, questions the archive cannot answer). Written after the first version of the
answerer, so less tuned to it than the shared questions."""

from pathlib import Path

import pytest

from archive.evaluate.metrics import evaluate, load_questions
from tests.conftest import assert_floors

pytestmark = pytest.mark.slow
EXTRA = Path(__file__).parent / "data" / "questions_extra.jsonl"

# Measured when written: R@1 0.917, R@5 0.958, MRR 0.934, accuracy 0.958, abstention 0.833. Since the
# precision-first operating point (ask/models/reading.json): answers given 0.667 right of answerable,
# precision 1.0, the answer or the likely answer marked 0.917, the right passage first 0.917.
FLOORS = {"recall@1": 0.85, "recall@5": 0.9, "answer_accuracy": 0.6, "abstention": 0.8, "precision": 0.95,
          "best_accuracy": 0.85, "shown_first": 0.85}


def test_extra_questions_reach_the_floors(real_archive):
    result = evaluate(real_archive, load_questions(EXTRA))
    assert_floors(result, FLOORS)


def test_table_cell_is_read_from_the_asked_column(real_archive):
    answer = real_archive.ask("What was the England rate of children in care in 2020/21?")
    assert (answer.text or answer.likely) == "69"  # given, or marked as the likely answer when unsure
    header, row = answer.quote.rsplit("\n", 1)
    assert row.startswith("2020/21\t313\t92\t69")
    assert "Year\tNumber\tRate\tEngland" in header  # the row is quoted with its column names


def test_quote_is_verbatim_source_text(real_archive):
    answer = real_archive.ask("How many children in care live with in-house foster carers?")
    assert answer.text == "92"
    assert answer.quote in answer.citations[0].chunk.text
    assert not answer.quote.startswith(("-", "·"))
