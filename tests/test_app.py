"""The Streamlit page through Streamlit's AppTest (no browser): answer card, escaping, links."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from archive.embed import HashEmbedder
from archive.indexer import build_index

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


def test_document_text_is_shown_literally(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(
        "Report on playground safety\n\nThe playground inspection found <script>alert(1)</script> "
        "and **bold claims** with [a link](javascript:alert(1)) in the playground report.\n"
    )
    build_index(corpus, tmp_path / "index", HashEmbedder(), progress=False, log=lambda m: None)
    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(tmp_path / "index"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["q"] = "playground inspection"
    at.run()
    page = _markdown(at)
    assert "<script>" not in page and "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;" in page
    assert "**bold" not in page and "&#42;&#42;bold" in page
    assert "](javascript" not in page
    shutil.rmtree(tmp_path / "index")
