"""Councils named in passing and by their usual short names (issue 28, item 4): only a question about
the own papers of a council the archive does not hold is refused; a council named as a partner,
comparator, provider or source is not, and does not scope the search. Short names come from
archive/ask/understand/council_short_names.csv.
End to end, over real papers: tests/test_councils.py."""

from __future__ import annotations

import csv

import pytest

from archive.ask.understand.councils import SHORT_NAMES, Councils, is_abbreviation, load_short_names
from archive.ask.understand.mentions import OWN, PASSING, QUOTED, mention_kind
from archive.glossary import COUNCIL_VOCABULARY

HELD = ("Herefordshire Council", "Hollinbridge Borough Council")


def _kind(question: str, name: str) -> str:
    start = question.index(name)
    return mention_kind(question, start, start + len(name))


@pytest.mark.parametrize("question", [
    "How many children are in care in Kent?",
    "What did Kent's cabinet decide about the budget?",
    "What was Kent County Council's budget for 2024/25?",
    "How many foster carers are registered with Kent?",  # a bare "with" is no relation
    "How many children from Kent were placed out of county?",
    "How many children were adopted from Kent's care?",
    "What was approved by Kent at its March meeting?",
    "Who chairs Kent's scrutiny committee?",
])
def test_a_council_asked_about_is_its_own(question):
    assert _kind(question, "Kent") == OWN


@pytest.mark.parametrize("question", [
    "What is the partnership with Kent for?",
    "How does the rate compare with Kent?",
    "Was the rate higher than Kent's?",
    "Which services are delivered jointly with Kent?",
    "What did the council agree on behalf of Kent?",
    "How much is paid to Kent for the shared service?",
    "Which placements are provided by Kent?",
    "How much funding from Kent was received?",
    "How many councils, such as Kent, have a lower rate?",
    "What does the shared legal service agreement with Kent cost?",
    "What was agreed with Kent about the transfer?",
])
def test_a_partner_comparator_or_source_is_named_in_passing(question):
    assert _kind(question, "Kent") == PASSING


@pytest.mark.parametrize("question", [
    "What rate per 10,000 was given for Kent, one of the closest statistical neighbours, in 2021?",
    "Which report used Kent's figures as a statistical neighbour?",
    "What was the rate of statistical neighbour Kent?",
    "How many children were placed in neighbouring Kent?",
    "What rate did the report give for Kent (a comparator)?",
])
def test_a_council_quoted_by_another_is_asked_about_but_not_its_own(question):
    assert _kind(question, "Kent") == QUOTED


def test_what_a_question_names_and_how():
    councils = Councils.of(HELD)
    named = councils.read("How many children are in care in Cornwall?")
    assert named.areas == ("Cornwall",) and not named.passing
    named = councils.read("What is the partnership with Cornwall for?")
    assert named.areas == () and named.passing == ("Cornwall",)
    named = councils.read("What did Herefordshire agree in its partnership with Solihull Metropolitan Borough Council?")
    assert named.councils == ("Herefordshire Council",) and not named.other_councils
    assert "Solihull Metropolitan Borough Council" in named.passing
    named = councils.read("What rate was given for Devon, one of the closest statistical neighbours?")
    assert named.areas == ("Devon",) and named.quoted == ("Devon",)  # what is said of Devon, not refused
    # a held council named only in passing is not the council asked about; named twice, it is
    named = councils.read("What did the cabinet agree about the partnership with Hollinbridge?")
    assert named.councils == () and named.passing == ("Hollinbridge Borough Council",)
    named = councils.read("What did Hollinbridge's cabinet agree about the partnership with Herefordshire?")
    assert named.councils == ("Hollinbridge Borough Council",) and named.passing == ("Herefordshire Council",)
    assert councils.read("Did Hollinbridge agree a deal with Hollinbridge's partners?").councils == (
        "Hollinbridge Borough Council",)


def test_short_names_of_councils_held_and_not():
    councils = Councils.of([*HELD, "Kent County Council"])
    assert councils.read("What did KCC's cabinet decide?").councils == ("Kent County Council",)
    assert councils.named_in("What did KCC's cabinet decide?") == ("Kent County Council",)
    assert councils.read("What did kcc decide?").councils == ()  # an abbreviation is matched as written
    named = councils.read("What did RBKC's cabinet decide about fostering fees?")
    assert named.other_councils == ("Royal Borough of Kensington and Chelsea",)
    assert named.areas == ("Kensington and Chelsea",)
    assert councils.read("What was BaNES's budget?").other_councils == ("Bath and North East Somerset Council",)
    assert councils.read("What did B&NES decide?").other_councils == ("Bath and North East Somerset Council",)
    assert councils.read("What did brighton & hove decide?").other_councils == ("Brighton and Hove City Council",)
    named = councils.read("What is the shared service with RBKC?")
    assert named.other_councils == () and "Royal Borough of Kensington and Chelsea" in named.passing
    # "BCP Council" is a short name; "BCP" alone (a business continuity plan) is not
    assert councils.read("What did BCP Council agree?").other_councils == (
        "Bournemouth, Christchurch and Poole Council",)
    assert councils.read("When was the BCP last tested?") == councils.read("When was the plan last tested?")


def _rows() -> list[dict]:
    with open(SHORT_NAMES, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_short_name_in_the_data_is_read():
    rows = _rows()
    assert rows and set(rows[0]) == {"short_name", "council"}
    shorts = [r["short_name"] for r in rows]
    assert len(shorts) == len(set(shorts)), "a short name is listed twice"
    assert not {s.upper() for s in shorts} & set(COUNCIL_VOCABULARY), "a short name is also a council acronym"
    assert len(load_short_names()) == len(rows)
    for row in rows:
        short, council = row["short_name"], " ".join(row["council"].split())
        assert short.strip() == short and council, row
        question = f"What did {short} decide about the budget?"
        # not held: a council named by its short name; held: the council asked about
        assert Councils.of(HELD).read(question).other_councils == (council,), row
        assert Councils.of([*HELD, council]).read(question).councils == (council,), row
        if not is_abbreviation(short):
            assert Councils.of([*HELD, council]).read(question.lower()).councils == (council,), row


def test_a_row_added_to_the_data_is_a_short_name(tmp_path):
    data = tmp_path / "short_names.csv"
    data.write_text(SHORT_NAMES.read_text() + "ZDC,Zedbury District Council\n")
    held = [*HELD, "Zedbury District Council"]
    assert Councils.of(held).read("What did ZDC decide?").councils == ()
    councils = Councils.of(held, short_names=load_short_names(data))
    assert councils.read("What did ZDC decide?").councils == ("Zedbury District Council",)
    assert councils.read("What did KCC decide?").other_councils == ("Kent County Council",)  # the others kept
