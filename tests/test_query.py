from datetime import date

import pytest

from archive.ask.understand.cues import named_bodies
from archive.ask.understand.query import parse_query
from archive.dates import find_periods
from archive.glossary import Glossary


@pytest.mark.parametrize(
    "question, intent",
    [
        ("What was the UASC figure in January 2024?", "figure"),
        ("How many children live with kinship carers?", "figure"),
        ("When did Ofsted carry out a focussed visit?", "date"),
        ("What time did the meeting end?", "time"),
        ("Who asked the public question?", "person"),
        ("How long does a kinship assessment take?", "duration"),
        ("Which local authority has the same rate as Sandwell?", "fact"),
        ("What software does the team use?", "fact"),
    ],
)
def test_intent(question, intent):
    assert parse_query(question).intent == intent


def _glossary() -> Glossary:
    glossary = Glossary.with_council_vocabulary()
    glossary.add("UASC", "Unaccompanied Asylum Seeking Children", "paper.txt")
    return glossary


def test_acronym_questions_search_for_the_long_form_and_back():
    glossary = _glossary()
    query = parse_query("What was the UASC figure in January 2024?", glossary)
    assert any("unaccompanied asylum seeking children" in e.lower() for e in query.expansions)
    assert query.aliases["uasc"] >= {"unaccompani", "asylum", "seek", "child"}
    long_form = parse_query("How many unaccompanied asylum seeking children were there?", glossary)
    assert long_form.aliases["asylum"] == {"uasc"}


def test_acronyms_count_only_in_capitals_and_synonyms_only_when_asked():
    glossary = _glossary()
    assert glossary.expansions_in("we will send the report") == []
    assert "special educational needs and disabilities" in glossary.expansions_in("SEND transport")
    assert glossary.expansions_in("looked after children") == []
    assert "LAC" in glossary.expansions_in("looked after children", synonyms=True)
    assert "children in care" in glossary.expansions_in("looked after children", synonyms=True)


def test_relative_dates_resolve_against_the_meeting():
    meeting = date(2024, 3, 12)
    (last_year,) = find_periods("coming down from 38% last year", meeting)
    assert (last_year.first, last_year.last) == ((2023, 1), (2023, 12))
    assert find_periods("coming down from 38% last year") == []
    (year_ending,) = find_periods("the year ending March 2023")
    assert (year_ending.first, year_ending.last) == ((2022, 4), (2023, 3))


def test_named_bodies():
    assert named_bodies("Who chaired the planning committee in March 2024?") == ["planning committee"]
    assert named_bodies("at the Scrutiny Management Board in September") == ["management board"]
    assert named_bodies("What did the committee decide?") == []


def test_dates_in_questions_are_not_subject_terms():
    query = parse_query("What was the UASC figure in January 2024?")
    assert query.topic_terms == ("uasc",)
    assert [p.text for p in query.periods] == ["January 2024"]
