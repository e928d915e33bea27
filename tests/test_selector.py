"""The learned answer selector: its features, its training maths, the shipped model, the plain stack."""

import json

import numpy as np
import pytest

from archive.ask.select.candidates import Candidate, spans_of
from archive.ask.select.selector import MODELS, NAME, VERSION, AnswerSelector
from archive.ask.select.span_features import KINDS
from archive.ask.understand.cues import asked_role, expected_type
from archive.ask.understand.query import parse_query
from archive.evaluate.metrics import span_exact
from archive.evaluate.train import (
    calibrate,
    choose_threshold,
    cross_validate,
    example,
    feature_names,
    fit,
    inner_folds,
    label,
)


def test_expected_answer_types():
    assert expected_type("How many children were in care in 2022/23?") == "count"
    assert expected_type("How much did the council spend on agency staff?") == "money"
    assert expected_type("What percentage of plans were issued in 20 weeks?") == "percent"
    assert expected_type("What was the rate per 10,000?") == "rate"
    assert expected_type("Who seconded the motion?") == "person"
    assert expected_type("Which portfolio holder answered the question on potholes?") == "person"
    assert expected_type("Which cabinet member responded?") == "person"
    assert expected_type("Which month had the most referrals?") == "date"
    assert expected_type("When was the written response sent?") == "date"
    assert expected_type("What time did the meeting end?") == "time"
    assert expected_type("How long will the consultation run?") == "duration"
    assert expected_type("How did the vote on the amendment go?") == "vote"
    assert expected_type("What did the committee resolve about the strategy?") == "sentence"
    assert expected_type("When did the council meeting of 20/07/2023 close?") == "time"
    assert expected_type("When did the National Transfer Scheme launch?") == "date"
    assert expected_type("Which councillors gave apologies?") == "person"
    assert expected_type("Which council did members say we should learn from?") == "sentence"
    assert asked_role("What time did the meeting finish?") == "end"
    assert asked_role("Where was the budget meeting held?") == "venue"


def test_the_denominator_of_a_rate_is_not_a_figure():
    query = parse_query("What was the England rate per 10,000?")
    for sentence, rate in (("The England average is 67:10000", "67:10000"),
                           ("The region's average is 95 from every cluster of 10,000 children.",
                            "95 from every cluster of 10,000"),
                           ("Herefordshire has 88 children per 10,000 in care.", "88 children per 10,000")):
        found = {(span, kind) for span, kind, _ in spans_of(sentence, query, "rate")}
        assert (rate, "rate") in found
        assert not {span for span, kind in found if kind == "count" and span.replace(",", "") == "10000"}
    assert ("26", "count") in {(s, k) for s, k, _ in spans_of("Q1: 26 children entered care.", query, "count")}


def test_spans_of_a_sentence_read_money_votes_and_number_words():
    query = parse_query("How much was the forecast overspend?")
    found = {(span, kind) for span, kind, _ in spans_of(
        "The forecast overspend is £1.2m (£1,192k), compared with £980,000 in 2022/23.", query, "money")}
    assert {("£1.2m", "money"), ("£1,192k", "money"), ("£980,000", "money"), ("2022/23", "date")} <= found
    assert ("£1", "money") not in found  # the figure is read whole
    votes = {s for s, k, _ in spans_of("The motion was CARRIED: 23 for, 14 against, 2 abstentions.",
                                       parse_query("How did the vote go?"), "vote") if k == "vote"}
    assert votes == {"23 for, 14 against, 2 abstentions"}
    words = {s for s, k, _ in spans_of("Forty-three carers were approved and training ran for six weeks.",
                                       parse_query("How many carers?"), "count")}
    assert "Forty-three" in words and "six weeks" in words


def test_span_exact_ignores_case_currency_and_commas_only():
    assert span_exact("£5,039k", ["5039k"]) and span_exact("Councillor Jane Smith", ["councillor jane smith"])
    assert not span_exact("In January 2024 this was 38.", ["38"])


def test_calibration_and_threshold():
    from archive.ask.select.selector import Calibration

    scored = [(Calibration.inputs(s, {"date_ok": ok}), right) for s, ok, right in [
        (2.0, 1, 1), (1.5, 1, 1), (1.0, 1, 1), (0.5, 0, 0), (-0.5, 0, 0), (-1.0, 1, 0), (0.8, 1, 1), (0.2, 0, 0),
        (1.2, 0, 0), (1.1, 0, 0), (0.3, 1, 1)]]
    calibration = calibrate(scored)
    assert calibration(2.0, {"date_ok": 1}) > 0.5 > calibration(-1.0, {"date_ok": 0})
    assert calibration(1.0, {"date_ok": 1}) > calibration(1.0, {"date_ok": 0})  # a date that does not fit counts
    # right answers above 0.6, wrong ones and unanswerable questions below: the threshold separates them
    threshold = choose_threshold([0.9, 0.8, 0.7, 0.3, 0.2], [1, 1, 1, 0, 0], [True, True, True, False, True])
    assert 0.3 < threshold <= 0.7


def test_the_shipped_model_loads_and_knows_every_feature(hash_archive):
    selector = AnswerSelector.load()
    meta = json.loads((MODELS / f"{NAME}.json").read_text())
    assert meta["version"] == VERSION and 0 < selector.threshold < 1
    assert "heldout" in meta  # the model carries its held-out (cross-validated) figures
    _, found = hash_archive.answer_candidates("How many children were in care in 2022/23?")
    produced = set(found[0].features)
    # every feature, but the kind of a candidate added since it was trained, which it is not offered
    added = {f"kind_{kind}" for kind in KINDS if kind not in selector.kinds}
    assert set(selector.names) <= produced and produced - set(selector.names) <= added, set(selector.names) ^ produced
    index, probability = selector.best(found)
    assert 0.0 <= probability <= 1.0 and found[index].kind in ("count", "date", "rate", "percent", "money")


def test_training_learns_from_labels_and_cross_validation_holds_groups_out(hash_archive):
    """A model fitted on two councils' worth of examples ranks the labelled candidate first on a third."""
    questions = [("How many children were in care in 2022/23?", ["412"], ["2022/23\t412"]),
                 ("What was the UASC figure in January 2024?", ["38"], ["In January 2024 this was 38"]),
                 ("How many children live with kinship carers?", ["78"], ["78 children live with kinship"])]
    examples = []
    for group in ("A", "B", "C"):
        for question, answers, evidence in questions:
            item = {"id": f"{group}{question}", "question": question, "answers": answers, "evidence": evidence}
            _, found = hash_archive.answer_candidates(question)
            examples.append(example(item, group, found))
    assert sum(any(e.labels) for e in examples) >= 6  # the right span is among the candidates
    chosen = next(c for c in examples[1].candidates if c.span == "38")
    assert label(chosen, examples[1].item) == 1 and label(chosen, examples[0].item) == 0
    names = feature_names(examples)
    booster = fit(examples[:6], names)
    assert booster.num_trees() > 0
    rows = cross_validate(examples)
    assert {r["group"] for r in rows} == {"A", "B", "C"} and len(rows) == 9


def test_inner_folds_hold_every_group_out_once():
    groups = [f"council {i}" for i in range(11)]
    folds = inner_folds(groups)
    assert len(folds) == 4 and sorted(g for fold in folds for g in fold) == sorted(groups)
    assert inner_folds(groups[:2]) == [{"council 0"}, {"council 1"}]


@pytest.mark.slow
def test_plain_stack_finds_and_quotes(real_archive):
    from archive.evaluate.plain import PlainStack

    plain = PlainStack.from_archive(real_archive)
    answer = plain.ask("What was the UASC figure in January 2024?")
    assert "38" in answer.text and any("this was 38" in h.chunk.text for h in answer.citations[:5])


def test_a_stock_is_told_from_a_flow(hash_archive):
    """"386 children in care" counts the measure asked about; "24 leave care" and "26 new children" do not."""
    import re

    from archive.ask.track.figures import is_level

    query = parse_query("How many children are in care?", hash_archive.glossary)

    def counts(sentence: str, figure: str) -> bool:
        return is_level(sentence, re.search(figure, sentence), query)

    assert counts("we find out that there are still 386 children in care", "386")
    assert not counts("we have seen 26 new children enter care, and 24 leave care.", "24")
    assert not counts("we have seen 26 new children enter care, and 24 leave care.", "26")
    _, found = hash_archive.answer_candidates("How many children are in care?")
    assert all("counts_measure" in c.features for c in found)


def test_tree_reader_scores_like_lightgbm(hash_archive):
    """ask/select/trees.py against LightGBM itself: the shipped model on real candidates, and a model
    fitted here on data with missing values and zeros (every decision type the reader handles)."""
    import lightgbm
    import numpy as np

    from archive.ask.select.candidates import matrix
    from archive.ask.select.trees import TreeModel

    selector = AnswerSelector.load()
    booster = lightgbm.Booster(model_str=selector.model_text)
    for question in ("How many children were in care in 2022/23?", "Who chaired the meeting?",
                     "When was the written response sent?"):
        _, found = hash_archive.answer_candidates(question)
        x = matrix(found, selector.names)
        assert np.allclose(selector.scores(found), booster.predict(x, raw_score=True), atol=1e-9)

    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 5))
    x[rng.random(x.shape) < 0.2] = 0.0
    x[rng.random(x.shape) < 0.1] = np.nan
    y = (np.nan_to_num(x[:, 0]) + (x[:, 1] == 0) + np.isnan(x[:, 2]) > 0.5).astype(float)
    for zero_as_missing in (False, True):
        fitted = lightgbm.train({"objective": "binary", "verbose": -1, "num_leaves": 7,
                                 "zero_as_missing": zero_as_missing}, lightgbm.Dataset(x, y), 30)
        ours = TreeModel.from_text(fitted.model_to_string()).predict(x)
        assert np.allclose(ours, fitted.predict(x, raw_score=True), atol=1e-9)


def test_roles_and_table_words_are_candidates(hash_archive):
    """Who owns an action is often a role in a table cell, not a person's name."""
    from archive.ask.select.kinds import roles

    assert roles("The group is chaired by the Head of Service for Corporate Parenting and meets monthly.") == [
        "Head of Service for Corporate Parenting"]
    assert roles("Provide the arrears figure by band\tChief Finance Officer\tDecember 2023") == [
        "Chief Finance Officer"]
    assert roles("The Leader of the Council seconded the report.") == ["Leader of the Council"]
    _, found = hash_archive.answer_candidates("Who chairs the corporate parenting operational group?")
    assert any(c.kind == "person" and "Head of Service" in c.span for c in found)


def test_a_close_rival_answer_lowers_the_confidence():
    from archive.ask.select.selector import NO_RIVAL, decision_features

    def candidate(span):
        return Candidate(None, 0, span, span, "count", 0, "", {"asked_date": 0.0})

    found = [candidate("38"), candidate("24"), candidate("38 ")]
    assert decision_features(found, np.array([2.0, 1.5, 1.9]), 0)["margin"] == pytest.approx(0.5)  # "38 " is "38"
    assert decision_features(found[:1], np.array([2.0]), 0)["margin"] == NO_RIVAL


def test_a_refused_question_is_measured_as_the_archive_answers_it(hash_archive):
    """Held-out figures measure the whole answer path: a question naming a council the archive does
    not hold is refused before selection, in `ask` and in cross-validation alike."""
    from archive.evaluate.train import heldout_row

    question = "How many children are in Rutland County Council's care?"
    _, found = hash_archive.answer_candidates(question)
    item = {"id": "r1", "question": question, "answers": []}
    selector = AnswerSelector.load()
    assert heldout_row(selector, example(item, "g", found, refused=True))["answer"] is None
    assert "Rutland County Council" in hash_archive.refusal(question)
    assert hash_archive.refusal("How many children are in Herefordshire Council's care?") is None
