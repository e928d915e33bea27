"""The Streamlit page through Streamlit's AppTest (no browser): answer card, escaping, links."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.fixture()
def app(hash_index, monkeypatch):
    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(hash_index))
    return AppTest.from_file(APP, default_timeout=60)


def test_question_from_the_url_shows_the_answer_card(app):
    app.query_params["q"] = "How many children live with kinship carers?"
    app.run()
    assert not app.exception
    page = _markdown(app)
    assert 'data-testid="answer">78<' in page
    assert "78 children live with kinship carers" in page.replace('<mark class="answer">78</mark>', "78").replace(
        '<mark class="term">', "").replace("</mark>", "")
    assert "Corporate Parenting Service" in page and "12 March 2024" in page


def test_unanswerable_question_says_so(app):
    app.query_params["q"] = "How much did the council spend on road resurfacing in 2023?"
    app.run()
    assert "No answer in the archive" in _markdown(app)


def test_filters_and_question_go_into_the_url(app):
    app.run()
    app.text_input(key="question").input("children in care")
    app.selectbox[0].select("Council")
    app.button[0].click()
    app.run()
    assert app.query_params["q"] == ["children in care"] or app.query_params["q"] == "children in care"
    assert "Council" in str(app.query_params["committee"])


def test_missing_index_shows_how_to_build_it(tmp_path, monkeypatch):
    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(tmp_path / "none"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert at.error and "archive index" in at.error[0].value


def test_document_text_is_shown_literally(hostile_index, monkeypatch):
    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(hostile_index))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["q"] = "playground inspection"
    at.run()
    page = _markdown(at)
    assert "<script>" not in page and "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;" in page
    assert "**bold" not in page and "&#42;&#42;bold" in page
    assert "](javascript" not in page


def test_feedback_is_saved_and_shown_to_the_operator(app, tmp_path, monkeypatch):
    from archive.web import feedback

    store = tmp_path / "feedback.db"
    monkeypatch.setenv("ARCHIVE_FEEDBACK_DB", str(store))
    app.query_params["q"] = "How many children live with kinship carers?"
    app.run()
    wrong = next(b for b in app.button if "Wrong" in b.label)
    wrong.click()
    app.run()
    (entry,) = feedback.entries(store)
    assert entry["verdict"] == "wrong" and entry["answer"] == "78"
    assert entry["question"] == "How many children live with kinship carers?"
    app.sidebar.radio(key="view").set_value("Feedback")
    app.run()
    assert not app.exception and len(app.dataframe) == 1


def test_browse_lists_meetings_and_reads_a_part(app):
    app.run()
    app.sidebar.radio(key="view").set_value("Browse")
    app.run()
    labels = [e.label for e in app.expander]
    assert "12 March 2024 · Children and Young People Scrutiny Committee" in labels
    assert "30 September 2022 · Council" in labels
    # the minutes of the previous meeting are read item by item; the last part is the close of the meeting
    part = next(b for b in app.button if b.label.startswith("Minutes of Children and Young People Scrutiny Committee")
                and "close of meeting" in b.label)
    part.click()
    app.run()
    assert "The meeting ended at 5.03pm" in _markdown(app)


def test_facet_counts_for_a_question(app, hash_archive):
    app.query_params["q"] = "children in care"
    app.run()
    sidebar = "\n".join(m.value for m in app.sidebar.markdown)
    counts = hash_archive.facets(hash_archive.search("children in care", k=50))
    assert sum(counts["committee"].values()) == 50
    for committee, count in counts["committee"].items():
        assert f"- {committee}: {count}" in sidebar


def test_public_mode_has_no_operator_view(hash_index, monkeypatch):
    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(hash_index))
    monkeypatch.setenv("ARCHIVE_PUBLIC", "1")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert list(at.sidebar.radio(key="view").options) == ["Ask", "Browse", "Commitments", "People", "Decisions",
                                                          "Figures"]
    assert at.text_input(key="question").max_chars == 300


def test_commitments_and_figures_views(app):
    app.run()
    app.sidebar.radio(key="view").set_value("Commitments")
    app.run()
    assert not app.exception
    table = app.dataframe[0].value
    assert any("monthly family group conferencing report" in quote for quote in table["quote"])
    app.sidebar.radio(key="view").set_value("Figures")
    app.run()
    assert not app.exception
    values = set(app.dataframe[0].value["value"]) | {v for d in app.dataframe for v in d.value["value"]}
    assert "412" in values and "355" in values
