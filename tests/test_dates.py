import pytest

from archive.ask.retrieve.datefit import granularity_fit
from archive.ask.understand.query import parse_query
from archive.dates import Period, find_periods, human_date, parse_date


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("In January 2024 this was 38.", (2024, 1), (2024, 1)),
        ("Jan 24", (2024, 1), (2024, 1)),
        ("2022/23\t412", (2022, 4), (2023, 3)),
        ("at the end of 23/24", (2023, 4), (2024, 3)),
        ("Q1 24/25", (2024, 4), (2024, 6)),
        ("was 30 for Quarter 4 2021-22", (2022, 1), (2022, 3)),
        ("Q1 June 24: 46% Perm.", (2024, 6), (2024, 6)),
        ("held on Tuesday 23 January 2024", (2024, 1), (2024, 1)),
        ("the 2022 Ofsted inspection", (2022, 1), (2022, 12)),
    ],
)
def test_periods(text, first, last):
    periods = find_periods(text)
    assert periods, text
    assert (periods[0].first, periods[0].last) == (first, last)


def test_postcodes_and_phone_numbers_are_not_dates():
    assert find_periods("HR2 7\t66") == []
    assert find_periods("Tel: 01432 260667") == []


def test_parse_and_print_dates():
    assert parse_date("Meeting date: Tuesday 12 March 2024") == "2024-03-12"
    assert parse_date("no date here") == ""
    assert human_date("2024-03-12") == "12 March 2024"


def test_bounds_are_not_targets():
    query = parse_query("When did the number of children in care peak before the June 2021 report?")
    assert query.periods == ()
    assert query.before is not None and query.before.first == (2021, 6)
    assert query.intent == "date"


def test_granularity_prefers_the_same_period():
    fy = Period((2022, 4), (2023, 3))
    assert granularity_fit(Period((2022, 4), (2023, 3)), fy) == 1.0
    assert granularity_fit(Period((2022, 12), (2022, 12)), fy) < 1.0
    assert granularity_fit(Period((2019, 1), (2019, 1)), fy) == 0.0


def test_dates_as_people_write_them():
    from datetime import date

    def first(text, reference=None):
        (period,) = find_periods(text, reference)
        return period.first, period.last

    assert first("in Augst 2023") == ((2023, 8), (2023, 8))  # misspelt months
    assert first("Janaury 2024") == first("Januray 2024") == ((2024, 1), (2024, 1))
    assert first("Febuary 2024") == ((2024, 2), (2024, 2))
    assert first("spring 2023") == ((2023, 3), (2023, 5))
    assert first("winter 2023/24") == ((2023, 12), (2024, 2))
    assert first("at the start of 2024") == ((2024, 1), (2024, 3))
    assert first("in the first quarter of 2022/23") == first("Q1 2022/23") == ((2022, 4), (2022, 6))
    assert first("a response sent on 13 October", date(2022, 9, 30)) == ((2022, 10), (2022, 10))
    assert find_periods("a response sent on 13 October") == []  # no meeting date, no year to give it
    assert [p.text for p in find_periods("an arch 2023")] == ["2023"]  # a word, not a misspelt month


def test_ranges_quarter_words_and_months_without_a_year():
    from datetime import date

    def spans(text, reference=None):
        return [(p.first, p.last) for p in find_periods(text, reference)]

    assert spans("in July to September 2022") == [((2022, 7), (2022, 9))]
    assert spans("April-June 2023") == [((2023, 4), (2023, 6))]
    assert spans("from November to January 2024") == [((2023, 11), (2024, 1))]  # across the new year
    assert spans("during quarter one of 24/25") == spans("Q1 2024/25") == [((2024, 4), (2024, 6))]
    # a month without a year is the last such month on or before the meeting
    assert spans("at the end of September", date(2023, 11, 14)) == [((2023, 9), (2023, 9))]
    assert spans("at the end of December", date(2023, 11, 14)) == [((2022, 12), (2022, 12))]
    assert spans("at the end of September") == []  # no meeting date: no year to give it
    assert spans("officers may in future", date(2023, 11, 14)) == []  # "may" the verb


def test_a_quarter_answers_for_the_month_it_ends_in():
    from archive.ask.weights import DateFit

    quarter = Period((2023, 1), (2023, 3))  # Q4 2022/23
    weights = DateFit()
    assert granularity_fit(quarter, Period((2023, 3), (2023, 3))) >= weights.finer  # "the end of March 2023"
    assert granularity_fit(quarter, Period((2023, 2), (2023, 2))) < weights.finer  # February: only around it
    assert granularity_fit(Period((2023, 4), (2024, 3)), Period((2024, 3), (2024, 3))) >= weights.finer


def test_days_a_question_names():
    from archive.dates import days_named

    assert days_named("What time did the meeting on 23/01/2024 end?") == {"2024-01-23"}
    assert days_named("the committee on 12 March 2024") == {"2024-03-12"}
    assert days_named("in March 2024, or on 31/02/2024") == set()  # a month is not a day; no 31 February
