"""The second look (select/reading.py): how the reader's logits and the selector's scores decide the
answer, its probability, and when a fitted reading may be used at all."""

import json

import numpy as np

from archive.ask.select.reader import window
from archive.ask.select.reading import INPUTS, Reading, inputs
from archive.ask.select.selector import AnswerSelector


def _reading(weight=1.0, threshold=0.5, **meta) -> Reading:
    return Reading(weight, (1.0, 0.5, 0.2, 0.3), -0.5, threshold, meta)


def test_the_reader_can_overturn_the_selectors_order():
    scores = np.array([2.0, 1.5, 0.1])
    read = [0, 1]
    index, _ = _reading(weight=0.0).decide(scores, read, np.array([-3.0, 3.0], dtype=np.float32), 0.7)
    assert index == 0  # weight 0: the selector's order stands
    index, probability = _reading(weight=1.0).decide(scores, read, np.array([-3.0, 3.0], dtype=np.float32), 0.7)
    assert index == 1 and 0.0 < probability < 1.0


def test_probability_rises_with_the_readers_confidence():
    reading = _reading()
    low = reading.probability(inputs(0.6, np.array([-2.0, -1.0]), np.array([0.0, 1.0]), 1))
    high = reading.probability(inputs(0.6, np.array([-2.0, 4.0]), np.array([0.0, 1.0]), 1))
    assert high > low


def test_a_reading_round_trips_and_refuses_other_inputs():
    reading = _reading(selector="abc", reader_version=2, read=4)
    again = Reading.from_json(json.loads(json.dumps(reading.to_json())))
    assert again == reading and again.reader_version == 2
    bad = {**reading.to_json(), "inputs": list(reversed(INPUTS))}
    try:
        Reading.from_json(bad)
    except ValueError as error:
        assert "refit" in str(error)
    else:
        raise AssertionError("a reading with other inputs must not load")


def test_a_reading_is_used_only_with_the_selector_and_reader_it_was_fitted_on():
    fingerprint = AnswerSelector.load().fingerprint
    reading = _reading(selector=fingerprint, reader_version=1)
    assert reading.fits(fingerprint, 1)
    assert not reading.fits(fingerprint, 0)  # its reader does not ship
    assert not reading.fits("0123456789abcdef", 1)  # the selector was retrained
    assert _reading(selector=fingerprint).fits(fingerprint, 0)  # fitted without a reader


def test_a_table_cell_is_read_with_its_column():
    row = "Leisure and culture\t60.3\t57.1\t(3.2)"
    header = "Service\tBudget 2018/19 £m\tForecast outturn £m\tVariance £m"
    start = row.index("57.1")
    assert window(row, start, start + 4, header).endswith("<< 57.1 >> (3.2) | column: Forecast outturn £m")
    assert "column" not in window("In January 2024 this was 38.", 25, 27, header)
