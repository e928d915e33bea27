"""The reader's generated training data (benchmarks/reader_data.py, benchmarks/invent/reader_cases.py): a pure
function of the seed, candidates where the archive proposes them, one right span per answerable row of every
class, none in unanswerable rows, and every row set in an invented council."""

import json

import pytest

from archive.ask.select.relative import answer_key
from benchmarks import reader_data
from benchmarks.invent import reader_cases
from benchmarks.invent.names import council_name

ROWS = 400


@pytest.fixture(scope="module")
def data():
    return reader_data.generate(ROWS, seed=5)


def test_same_seed_same_lines(data):
    again = reader_data.generate(ROWS, seed=5)
    assert [json.dumps(r) for r in again] == [json.dumps(r) for r in data]
    assert reader_data.row(5, 17) == reader_data.row(5, 17)
    assert [r["sentence"] for r in reader_data.generate(60, seed=6)] != [r["sentence"] for r in data[:60]]


def test_offsets_point_at_their_spans(data):
    assert len(data) > 0.95 * ROWS
    for r in data:
        assert set(r) >= {"question", "sentence", "group", "class", "candidates"}
        assert r["candidates"]
        for c in r["candidates"]:
            assert r["sentence"][c["start"] : c["start"] + len(c["span"])] == c["span"], (r, c)
            assert c["label"] in (0, 1)


def test_every_class_has_a_row_with_one_right_span(data):
    rows = {kind: [r for r in data if r["class"] == kind] for kind in reader_cases.CLASSES}
    for kind, found in rows.items():
        assert found, kind
        rights = [sum(c["label"] for c in r["candidates"]) for r in found]
        if kind.startswith("unanswerable"):
            assert not any(rights), kind
        else:
            assert 1 in rights and all(rights), kind


def test_right_spans_are_the_answers(data):
    for r in data:
        right = [c for c in r["candidates"] if c["label"]]
        # one answer, with or without its title or article ("Councillor X", "the Malbury Partnership")
        assert len({answer_key(c["span"]).removeprefix("councillor ").removeprefix("the ") for c in right}) <= 1, r
        # an answer the archive proposed is labelled on its own span; one it did not is added once
        assert (r["proposed"] is False) == any(c["kind"] == "added" for c in r["candidates"]), r


def test_unanswerable_questions_name_what_the_sentence_lacks(data):
    for r in data:
        area = r["group"].split()[0]  # the invented council's area ("Saxford Borough Council")
        if r["class"] == "unanswerable_council":
            assert area in r["sentence"] and area not in r["question"], r


def test_groups_are_invented_councils(data):
    invented = {council_name(i) for i in range(reader_cases.COUNCILS)}
    assert {r["group"] for r in data} <= invented
    assert len({r["group"] for r in data}) > 50


def test_numbers_in_words():
    assert reader_cases.in_words(23) == "twenty-three"
    assert reader_cases.in_words(104) == "one hundred and four"
    assert reader_cases.in_words(40) == "forty"
