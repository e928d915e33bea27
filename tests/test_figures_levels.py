"""A figures series holds one measure's levels: not a change, a comparison or a comparator's value,
not a share of the measure or of another group, not a count of a narrower group. The sentences
and the council here are invented; the last tests read the shipped papers."""

import pytest

from archive.ask.select.kinds import numbers
from archive.ask.understand.measures import governs
from archive.ask.understand.query import parse_query
from archive.ask.understand.units import relation
from archive.glossary import Glossary

GLOSSARY = Glossary.with_council_vocabulary()


def _relations(sentence: str) -> dict[str, str]:
    return {m.group(0): relation(sentence, m.start(), m.end()) for m in numbers(sentence)}


@pytest.mark.parametrize("sentence, expected", [
    ("Pupils on roll went from 840 in 2021 to 905 in 2023.", {"840": "level", "905": "level"}),
    ("That is an increase of 65, or 8%.", {"65": "change", "8%": "change"}),
    ("Attendance was up 3% on the previous term, and 12 more pupils joined.", {"3%": "change", "12": "change"}),
    ("There was a 14% fall in exclusions.", {"14%": "change"}),
    ("The board wants to cut the waiting list by 40 this year.", {"40": "change"}),
    ("Exclusions are 40% higher than the regional average.", {"40%": "comparison"}),
    ("The national average is 91% and ours is 94%.", {"91%": "comparator", "94%": "level"}),
    ("Collection reached 96.1%, just short of the 97% target.", {"96.1%": "level", "97%": "comparator"}),
    ("Ashcombe reported 44 cases, up from 39 in the spring.", {"44": "level", "39": "level"}),
])
def test_relation_tells_levels_from_changes_and_comparisons(sentence, expected):
    assert _relations(sentence) == expected


def _governed(measure: str, sentence: str) -> set[str]:
    query = parse_query(measure, GLOSSARY)
    known = query.measure_terms | {t for form in query.measure_forms for t in form}
    return {m.group(0) for m in numbers(sentence)
            if governs(sentence, m, query.measure_forms, known, frozenset({"ashcomb"}))}


@pytest.mark.parametrize("measure, sentence, expected", [
    # the measure's own levels, however it is written
    ("children in care", "At the end of June there were 214 children in care in Ashcombe.", {"214"}),
    ("children in care", "The number of children looked after stood at 198 in March.", {"198"}),
    ("children in care", "The number of children in our care reached 230 last winter.", {"230"}),
    ("children in care", "Ashcombe had 214 children in care, a rate of 58 per 10,000 children.", {"214", "58"}),
    ("children in care", "Children in care\t200\t205", {"200", "205"}),
    # a share of the measure, or of another group, is another measure
    ("children in care", "Some 61% of children in care lived with foster families.", set()),
    ("children in care", "About 7% of children in care were unaccompanied asylum seeking children.", set()),
    ("UASC", "About 7% of children in care were unaccompanied asylum seeking children.", {"7%"}),
    # a narrower group is another measure
    ("children in care", "Some 48 children in care live with family and friends carers.", set()),
    ("children in care", "The number of disabled children in care was 19.", set()),
    ("children in care", "Of the children in care, 17 were unaccompanied asylum seeking children.", set()),
    ("UASC", "Of the children in care, 17 were unaccompanied asylum seeking children.", {"17"}),
    ("children in care", "Last year 27 new children came into care.", set()),
    ("households in temporary accommodation",
     "There were 150 households in temporary accommodation, 35 of them in bed and breakfast.", {"150"}),
    ("households in temporary accommodation",
     "Some 22 households were placed in temporary accommodation outside the borough.", set()),
    ("foster carers", "External foster carers\t64", set()),
    # not a count of anything: a paragraph's number, a length of time
    ("children in care", "3.1 The number of children in care was 205.", {"205"}),
    ("children in care", "Children in care had a review within the last 6 months.", set()),
])
def test_the_words_that_govern_a_figure_decide_its_measure(measure, sentence, expected):
    assert _governed(measure, sentence) == expected


PAPER = "\n\n".join([
    "Ashcombe Borough Council\nChildren's Services Scrutiny Panel, 6 February 2024\nItem 5: Children in care update",
    "1. Numbers in care",
    "1.1 At the end of December 2023 there were 214 children in care in Ashcombe, a rate of 58 per 10,000 "
    "children. The number of children looked after stood at 198 at the end of March 2023. That is an increase "
    "of 16, or 8%.",
    "1.2 Our rate for children in care is 12% lower than the England average.",
    "1.3 Some 61% of children in care lived with foster families. Some 48 children in care live with family "
    "and friends carers. The number of disabled children in care was 19.",
    "2. Unaccompanied children",
    "2.1 Of the children in care, 17 were unaccompanied asylum seeking children. In March 2023, 6% of children "
    "in care were unaccompanied asylum seeking children. In December 2023 this was 8%.",
    "3. Performance",
    "Table 1: Children in care\nMeasure\tTarget\tQ1 2023/24\tQ2 2023/24\nChildren in care\t200\t205\t209\n",
])


@pytest.fixture(scope="module")
def ashcombe(tmp_path_factory):
    from archive import Archive
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    root = tmp_path_factory.mktemp("ashcombe")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "ashcombe-cssp-2024-02-06.txt").write_text(PAPER)
    (corpus / "manifest.csv").write_text(
        "file,title,committee,meeting_date,doc_type,council\n"
        "ashcombe-cssp-2024-02-06.txt,Children in care update,Children's Services Scrutiny Panel,2024-02-06,"
        "report,Ashcombe Borough Council\n")
    build_index(corpus, root / "index", HashEmbedder(), progress=False, log=lambda m: None)
    return Archive.open(root / "index", embedder=HashEmbedder())


def test_a_series_holds_the_measures_levels_only(ashcombe):
    points = ashcombe.figures("children in care")
    assert {(p.unit, p.value) for p in points} == {
        ("count", "214"), ("count", "198"), ("per 10,000", "58"), ("count", "205"), ("count", "209"),
    }  # not the change (16, 8%), the comparison (12%), the target (200), the shares or the narrower groups
    periods = {p.value: p.period for p in points}
    assert periods["214"] == "December 2023" and periods["198"] == "March 2023"
    assert periods["205"] == "Q1 2023/24" and periods["209"] == "Q2 2023/24"  # a cell's period is its column's


def test_a_share_of_the_measure_joins_the_series_of_its_part(ashcombe):
    points = {(p.unit, p.period, p.value) for p in ashcombe.figures("UASC")}
    assert {("%", "March 2023", "6%"), ("%", "December 2023", "8%")} <= points  # "this was 8%" refers back
    assert ("count", "as at meeting of 2024-02-06", "17") in points
    assert not {value for _, _, value in points} & {"214", "61%", "48", "19"}


def test_shipped_children_in_care_series_is_one_measure(hash_archive):
    points = hash_archive.figures("children in care")
    values = {(p.unit, p.value) for p in points}
    # the counts the papers give for children in care, and its rate
    assert {("count", "355"), ("count", "388"), ("count", "386"), ("count", "412"), ("count", "320"),
            ("per 10,000", "112")} <= values
    # "55% of the children are cared for by our local foster carers", "a 30% increase", a UASC share
    # ("In January 2024 this was 9%"), "83% higher than statistical neighbours"
    assert not [p for p in points if p.unit == "%"]
    assert ("count", "92") not in values  # "Ninety-two (92) children in our care live with in-house foster carers"
    uasc = {(p.unit, p.period, p.value) for p in hash_archive.figures("UASC")}
    assert {("%", "January 2022", "2%"), ("%", "January 2024", "9%")} <= uasc


def test_a_money_figure_keeps_its_scale_for_the_series_and_its_chart():
    from archive.ask.track.figures import _whole
    from archive.ask.understand.units import amount

    sentence = "Ashcombe forecasts an overspend of £1.18m, up from £1,040k, on a budget of £212.6m."
    assert [_whole(sentence, m).group(0) for m in numbers(sentence)] == ["£1.18m", "£1,040k", "£212.6m"]
    assert [amount(v) for v in ("£1.18m", "£950k", "£2bn", "55%", "1,022", "–")] == [
        1_180_000, 950_000, 2_000_000_000, 55, 1022, None]
