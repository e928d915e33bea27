"""Candidate recall: the answer a question asks for is among the spans the archive proposes (the selector can
pick nothing else). Each gap found by benchmarks/candidate_recall.py and by the reader's generated data, on
sentences written here."""

import pytest

from archive.ask.select.candidates import spans_of
from archive.ask.select.kinds import holds_kind, lower_roles, names, numbers, roles
from archive.ask.select.phrases import bodies, clauses, objects, phrases
from archive.ask.select.selector import AnswerSelector
from archive.ask.select.span_features import KINDS, TYPES
from archive.ask.understand.cues import expected_type
from archive.ask.understand.query import parse_query
from archive.evaluate.metrics import answer_matches


def proposed(question: str, sentence: str) -> dict[str, str]:
    """span -> kind of what the answer path proposes in the sentence for the question (the whole sentence
    left out: it holds every answer)."""
    query = parse_query(question)
    return {span: kind for span, kind, offset in spans_of(sentence, query, query.expected) if kind != "sentence"}


def test_number_words_in_a_range_are_each_a_candidate():
    found = proposed("How many wardens are there now?", "The number of wardens rose from five to nine last year.")
    assert {"five", "nine", "five to nine"} <= set(found)


def test_long_numbers_in_words_are_read_whole():
    found = proposed("How many applications were received?",
                     "One hundred and thirty-five applications were received, of which twenty-three were refused.")
    assert {"One hundred and thirty-five", "twenty-three"} <= set(found)
    assert {"two", "three"} <= set(proposed("How many?", "There were two and three."))  # "and" joins only after hundred


def test_a_vote_question_gets_numbers_in_words():
    found = proposed("How many members voted against the recommendation?",
                     "It was carried with thirty members voting in favour, seven against and two abstaining.")
    assert {"thirty", "seven", "two"} <= set(found)
    # a count asked after a clause that names people: "how many" still asks for a number
    found = proposed("Of the children who came into care in the quarter, how many were aged ten or older?",
                     "Forty-three of the children who entered care were aged 10 or over.")
    assert found.get("Forty-three") == "count"


def test_recorded_votes_are_read_whole():
    assert proposed("How did the vote go on the amendment?", "For 14, Against 24, Abstentions 1.").get(
        "For 14, Against 24, Abstentions 1") == "vote"
    votes = {s for s, k in proposed("How did the vote go?", "CARRIED: 23 for, 14 against, 2 abstentions.").items()
             if k == "vote"}
    assert votes == {"23 for, 14 against, 2 abstentions"}  # read whole: one answer, not two rivals


def test_durations_times_and_seasons():
    found = proposed("How long will the consultation last?",
                     "The eight-week consultation will follow; the average wait was 1 minute 52 seconds.")
    assert found.get("eight-week") == "duration" and found.get("1 minute 52 seconds") == "duration"
    found = proposed("How long is the visit expected to last?", "The visit will take about three hours.")
    assert {"about three hours", "three hours"} <= set(found)
    assert proposed("By what time must questions be in?", "The deadline is 5pm on Wednesday 6 March 2024.").get(
        "5pm") == "time"
    found = proposed("When will the toilets reopen?", "I expect the toilets to reopen before the Easter holidays.")
    assert found.get("Easter holidays") == "date"
    assert proposed("When were the standards published?", "The standards were published in the spring.").get(
        "spring") == "date"


def test_figures_with_their_units_ranges_pence_and_shares_in_words():
    found = proposed("At what rate may surface water be discharged?",
                     "Surface water is to be discharged at no more than 1.4 litres per second per hectare.")
    assert found.get("1.4 litres per second per hectare") == "count" and "1.4" not in found  # one answer, whole
    assert proposed("What mileage rate is offered?", "It will offer budgets of 45p per mile instead.").get(
        "45p per mile") == "money"
    found = proposed("What re-referral figure would he be comfortable with?", "He wants a figure of around 20-24%.")
    assert found.get("20-24%") == "percent" and "24%" in found
    assert "2022-23" not in {s for s, k in proposed("How many?", "In 2022-23 there were 12.").items() if k != "date"}
    assert proposed("What share of complaints concerned damp?", "Damp accounted for just over a third of them.").get(
        "just over a third") == "percent"
    assert "half" not in proposed("What share?", "In the first half of 2023 it rose.")


def test_a_figure_after_average_of_is_a_figure():
    """"age of" is a unit word only as a whole word: "the England average of 42.1" is a figure."""
    assert [m.group(0) for m in numbers("It is above the England average of 42.1.")] == ["42.1"]
    assert [m.group(0) for m in numbers("The number averaged 74 in the year.")] == ["74"]
    assert numbers("It is open to those aged 16 and over.") == []


def test_names_roles_and_their_edges():
    query = parse_query("Who was the independent scrutineer?")
    found = names("Ben Baugh Democratic Services Officer Herefordshire Council\nKevin Crompton Independent Scrutineer",
                  query)
    assert any(n.startswith("Kevin Crompton") for n in found)  # the name after a never-a-name word counts
    assert "Sarah Young" in names("The report was presented by Sarah Young.", query)  # Young is a surname
    found = names("The item was introduced by Sally Wilkinson Vice-Chair of the panel.", query)
    assert "Sally Wilkinson" in found and not any(n.endswith("-") for n in found)
    found = names("It was seconded by Councillor Joe\nKettlewell.", query)  # a title binds a name over a line break
    assert "Joe\nKettlewell" in found and "Councillor Joe" not in found
    found = names("Councillor Ann Lee was elected Chairperson and Councillor Ian Banks Vice-Chairperson.", query)
    assert {"Ann Lee", "Ian Banks"} <= set(found) and not any("Vice" in n for n in found)
    assert roles("An update was given by the Head of Housing in May 2024.") == ["Head of Housing"]
    assert lower_roles("The leader of the council seconded the report.") == ["leader of the council"]
    assert lower_roles("A report from the cabinet member children and families to present the findings.") == [
        "cabinet member children and families"]
    found = proposed("Who seconded the Ofsted report?", "The leader of the council seconded the report.")
    assert found.get("leader of the council") == "person"
    assert "leader of the council" not in proposed("How many seconded?", "The leader of the council seconded it.")


def test_retrievals_kind_bonus_reads_as_it_was_fitted():
    """Retrieval's kind weight was fitted on the finders as they were; the candidates' finders moved on."""
    figure = parse_query("How many children were looked after?")
    assert holds_kind(figure, "There were 44 children.") and not holds_kind(figure, "The average of 42.1.")
    person = parse_query("Who chaired the panel?")
    assert holds_kind(person, "Sarah Jones chaired it.")
    assert not holds_kind(person, "Herefordshire Council\nKevin Crompton")  # a window with Council: no name


def test_open_questions_expect_a_sentence_whatever_figure_words_they_hold():
    assert expected_type("What did scrutiny recommend to cabinet about savings for 2024-25?") == "sentence"
    assert expected_type("What did Councillor Khan promise in reply to the worry about the licence fee?") == "sentence"
    assert expected_type("What reason did the Cabinet Member give for the fall in the recycling rate?") == "sentence"
    assert expected_type("How is the council proposing to cover any overspend left at year end?") == "sentence"
    assert expected_type("How will the new cycle route be funded?") == "sentence"
    assert expected_type("Which part of the county has the highest number of children entering care?") == "sentence"
    assert expected_type("Which two authorities share our rate of new entries into care?") == "sentence"
    assert expected_type("When Cllr Ford asked about a cheaper permit, what was she told?") == "sentence"
    # the main clause types the question; without a type of its own, the whole question's words do
    assert expected_type("When Cllr Ford asked how many pupils it affects, what figure did officers give?") == "count"
    assert expected_type("If the overspend is met from it, what would the general fund balance drop to?") == "money"
    assert expected_type("As a percentage of the net budget, how big is the forecast overspend?") == "percent"
    # typed questions stay typed
    assert expected_type("What was the planning committee's vote on the 64 homes?") == "vote"
    assert expected_type("How much did the council agree to spend on roads?") == "money"
    assert expected_type("How did the vote on the amendment go?") == "vote"
    assert expected_type("Which councillor chaired the meeting?") == "person"


@pytest.mark.parametrize(("question", "sentence", "answer"), [
    ("Which body took over responsibility for public health?",
     "Responsibility for public health will transfer from the council to the Integrated Care Board on 1 April 2024.",
     "the Integrated Care Board"),
    ("How will the Eastgate cycle route be funded?",
     "Members noted that the Eastgate cycle route is to be financed by the UK Shared Prosperity Fund.",
     "the UK Shared Prosperity Fund"),
    ("How was the Planning Committee meeting on 3 May 2024 held?",
     "The meeting of the Planning Committee on 3 May 2024 was held remotely via Microsoft Teams.",
     "remotely via Microsoft Teams"),
    ("Where was the Planning Committee meeting on 3 May 2024 held?",
     "The meeting of the Planning Committee on 3 May 2024 was held in person at Ashby Town Hall.", "Ashby Town Hall"),
    ("What did the working group recommend?",
     "The working group on parking recommended that the pilot in Ashby be extended for a further year.",
     "the pilot in Ashby be extended for a further year"),
    ("How is the council proposing to cover any overspend left at year end?",
     "(d) agrees that any remaining overspend at year end is met from the General Fund balance.",
     "General Fund balance"),
    ("What reason did the Cabinet Member give for the fall in the recycling rate?",
     "It has fallen slightly from 51.2% in 2021/22, largely because the dry summer reduced the garden waste collected.",
     "the dry summer reduced the garden waste collected"),
    ("Which two authorities share our rate of new entries into care?",
     "Eight have lower rates; two share the same rate (Sandwell and Telford), the latter rated outstanding.",
     "Telford"),
    ("Which wards does the additional licensing scheme cover?",
     "That an additional licensing scheme be designated for the Millgate, Canal Side and St Aidan's wards.",
     "Millgate, Canal Side and St Aidan's"),
    ("What was the outcome of the call-in on the recycling centre?",
     "There were two call-ins: the decision to close the recycling centre on Sundays (upheld) and another.",
     "upheld"),
    ("What did the cabinet member promise in reply on the recycling centre?",
     "I will provide a written response on the recycling centre with all the data.", "a written response"),
])
def test_open_answers_are_proposed_as_phrases(question, sentence, answer):
    found = proposed(question, sentence)
    assert answer in found, sorted(found)  # as a phrase, or as a name already ("Ashby Town Hall")
    assert "phrase" in found.values()


def test_phrases_are_only_for_open_questions_and_sentences_about_the_question():
    sentence = "Responsibility for public health will transfer to the Integrated Care Board on 1 April 2024."
    assert "phrase" not in proposed("How many staff will transfer to the Integrated Care Board?", sentence).values()
    assert "phrase" not in proposed("Which body took over the leisure centres?", "The weather was fine today.").values()


def test_phrase_readers_keep_offsets_and_stop_at_small_words():
    sentence = "From April 2025 adult education will be delivered by a joint committee with Marlshire Borough Council."
    for text, offset in [*clauses(sentence), *objects(sentence), *bodies(sentence),
                         *phrases(sentence, set(parse_query("Who will deliver adult education?").terms))]:
        assert sentence[offset : offset + len(text)] == text
    assert ("a joint committee with Marlshire Borough Council", sentence.index("a joint")) in objects(sentence)
    assert "April" not in [text for text, _ in objects(sentence)]  # a month is not an object
    assert "come" not in [t for t, _ in objects("The scheme is to come into force on 1 July.")]  # "to" + a verb
    assert "However" not in [t for t, _ in bodies("It fell. However, Telford rose.")]


def test_a_new_kind_has_a_feature_and_is_offered_only_to_a_selector_trained_with_it():
    assert "phrase" in KINDS and set(TYPES) < set(KINDS)
    shipped = AnswerSelector.load()
    assert {"count", "sentence", "person", "text"} <= shipped.kinds <= set(KINDS)
    assert shipped.knows("phrase") == ("kind_phrase" in shipped.names)


def test_the_labels_count_an_open_answer_inside_a_phrase():
    """The selector's labels (evaluate/train.label) take a span holding an accepted answer as right."""
    found = proposed("How is the council proposing to cover any overspend left at year end?",
                     "(d) agrees that any remaining overspend at year end is met from the General Fund balance.")
    assert any(answer_matches(span, ["General Fund balance"]) for span, kind in found.items() if kind == "phrase")


def test_open_candidates_reach_the_answer_path(hash_archive):
    """Through the whole answer path: an open question's candidates hold phrases, a typed one's none; the
    shipped selector is offered only the kinds it was trained on, their features as if nothing were added."""
    question = "What did the committee recommend about the corporate parenting plan?"
    _, found = hash_archive.answer_candidates(question)
    assert any(c.kind == "phrase" for c in found)
    assert all("kind_phrase" in c.features for c in found)
    _, offered = hash_archive.answer_candidates(question, every_kind=False)
    kinds = hash_archive.resources.selector.kinds
    assert offered and {c.kind for c in offered} <= kinds
    if "phrase" not in kinds:
        assert len(offered) == sum(c.kind != "phrase" for c in found)
    _, found = hash_archive.answer_candidates("How many children were in care in 2022/23?")
    assert found and not any(c.kind == "phrase" for c in found)


def test_a_bodys_name_is_not_a_persons():
    query = parse_query("Who spoke at the meeting?")
    assert names("The duty moved to the Integrated Care Board in April 2023.", query) == []
    assert names("The Audit Committee noted the report.", query) == []
    assert names("Kevin Crompton Director of Children's Services said so.", query) == ["Kevin Crompton"]
