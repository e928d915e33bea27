"""Where a span sits among the question's words (ask/select/window.py) and its named entities
(ask/select/entities.py): features of the answer selector that tell apart spans of one sentence."""

import re
import subprocess
import sys

from archive.ask.select import entities
from archive.ask.select.window import role_direction, window_features
from archive.text import terms


def idf(term: str) -> float:
    return 1.0


def features_of(sentence: str, span: str, question: str) -> dict:
    start = sentence.index(span)
    return window_features(sentence, start, start + len(span), set(terms(question)), idf)


def test_the_words_around_a_figure_tell_this_year_from_last():
    sentence = ("The re-referral rate was at 28% and was coming down from 38% last year, with the national "
                "average being about 20%.")
    national = features_of(sentence, "20%", "What is the national average re-referral rate?")
    other = features_of(sentence, "38%", "What is the national average re-referral rate?")
    assert national["before_overlap"] > other["before_overlap"]
    assert national["before_nearest"] < other["before_nearest"]
    last_year = features_of(sentence, "38%", "What was the rate last year?")
    assert last_year["after_overlap"] > features_of(sentence, "28%", "What was the rate last year?")["after_overlap"]


def test_a_line_label_names_what_follows_it():
    sentence = "Report author: Hannah Okafor, Head of Performance\nLead officer: Mark Trelawney, Director"
    question = "Who is the lead officer for the report?"
    assert features_of(sentence, "Mark Trelawney", question)["label_overlap"] > 0
    assert features_of(sentence, "Hannah Okafor", question)["label_overlap"] < \
        features_of(sentence, "Mark Trelawney", question)["label_overlap"]


def test_a_span_that_repeats_the_question_and_a_title_before_a_name():
    sentence = "The Director of Children's Services, Councillor Mark Tennant, introduced the report."
    question = "Who is the Director of Children's Services?"
    assert features_of(sentence, "Director of Children's Services", question)["span_asked_share"] == 1.0
    assert features_of(sentence, "Mark Tennant", question)["span_asked_share"] == 0.0
    assert features_of(sentence, "Mark Tennant", question)["title_before"] == 1.0
    assert features_of(sentence, "Director of Children's Services", question)["title_before"] == 0.0


def test_the_role_word_nearest_a_name_is_its_role():
    markers = {"mover": re.compile(r"\bmoved\b"), "seconder": re.compile(r"\bseconded\b")}
    sentence = "Councillor Bethan Lowry moved the motion, which was seconded by Councillor Ian Faulds."

    def role(name: str, asked: str) -> dict:
        start = sentence.index(name)
        return role_direction(sentence, start, start + len(name), asked, markers)

    assert role("Bethan Lowry", "mover")["role_nearest_asked"] == 1.0
    assert role("Ian Faulds", "mover")["role_nearest_asked"] == 0.0
    assert role("Ian Faulds", "mover")["role_other_nearer"] == 1.0
    assert role("Ian Faulds", "seconder")["role_nearest_asked"] == 1.0
    assert role("Ian Faulds", "")["role_nearest_asked"] == 0.0  # no role asked: nothing to say


def test_named_entities_tell_a_person_from_a_place():
    assert entities.available()  # a dependency of the project: loads offline from its package
    sentence = ("Minutes of the meeting held at Plough Lane, Hereford, on 30 September 2022. Present: Councillor "
                "Sebastian Bowen.")
    person = entities.entity_features(sentence, sentence.index("Sebastian"), sentence.index("Bowen") + 5)
    place = entities.entity_features(sentence, sentence.index("Hereford"), sentence.index("Hereford") + 8)
    assert person["entity_person"] > 0.5 > place["entity_person"]
    assert place["entity_place"] > 0.5
    assert person["entities_tagged"] == 1.0


def test_tagging_does_not_load_torch_and_leaves_it_importable():
    script = ("import sys; from archive.ask.select import entities; "
              "print(entities.entities('Councillor Jane Smith chaired it in Hereford.')); "
              "print('torch' in sys.modules); import torch; print(torch.tensor([1]).sum().item())")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    tagged, loaded, works = result.stdout.strip().splitlines()
    assert "PERSON" in tagged and "GPE" in tagged
    assert (loaded, works) == ("False", "1")
