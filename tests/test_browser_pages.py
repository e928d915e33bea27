"""In Chromium: "Show page" under a citation shows the PDF page with the quote highlighted (checked on
the pixels of the image the browser shows), and the link that names the page reopens it."""

from __future__ import annotations

import io
import shutil

import numpy as np
import pytest

from tests.pdfs import make_placed_pdf
from tests.test_browser import _serve, browser  # noqa: F401 - the Chromium fixture

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUESTION = "What was the figure in January 2024?"
QUOTE_LINE = "In January 2024 this was 38 children in care."


@pytest.fixture(scope="module")
def pdf_app(browser, tmp_path_factory):  # noqa: F811 - the imported fixture
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    corpus = tmp_path_factory.mktemp("corpus")
    make_placed_pdf(corpus / "cyp-report.pdf", [[(20, 30, "Children in care on 31 March 2023 numbered 412."),
                                                 (20, 40, QUOTE_LINE)], [(20, 20, "Any other business.")]])
    (corpus / "manifest.csv").write_text(
        "file,title,committee,meeting_date,doc_type,source_url\n"
        "cyp-report.pdf,Children in care report,Children and Young People Scrutiny Committee,2024-03-12,report,"
        "https://council.example/documents/cyp-report.pdf\n")
    index_dir = tmp_path_factory.mktemp("index")
    build_index(corpus, index_dir, HashEmbedder(), progress=False, log=lambda m: None)
    with _serve(index_dir, tmp_path_factory.mktemp("log") / "streamlit.log") as url:
        yield url
    shutil.rmtree(index_dir, ignore_errors=True)


def _yellow_rows(png: bytes) -> np.ndarray:
    from PIL import Image

    image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    yellow = (image[..., 0] > 200) & (image[..., 1] > 150) & (image[..., 2] < 130)
    return np.flatnonzero(yellow.sum(axis=1) > 5)  # rows with a run of highlight


def test_show_page_shows_the_page_with_the_quote_highlighted(browser, pdf_app, tmp_path):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 1400})
    page = context.new_page()
    try:
        page.goto(f"{pdf_app}/?q={QUESTION.replace(' ', '%20')}")
        page.locator('[data-testid="answer"]').wait_for(timeout=60_000)
        page.get_by_text("Show page").first.click()
        image = page.locator('[data-testid="stImage"] img').first
        image.wait_for(timeout=60_000)
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle(),
                               timeout=30_000)
        image.scroll_into_view_if_needed()
        shot = image.screenshot()
        rows = _yellow_rows(shot)
        height = image.bounding_box()["height"]
        assert len(rows) > 3, "no highlight on the page shown"
        # the quote's line is 40-46 mm down an A4 page (297 mm): the highlight is there, not on the line above
        assert 0.125 * height < rows.min() and rows.max() < 0.165 * height, (rows.min(), rows.max(), height)
        assert "PDF page 1 of 2" in page.get_by_text("PDF page 1 of 2").first.inner_text()
        page.wait_for_function("() => location.search.includes('paper=')", timeout=30_000)
        assert "paper=cyp-report.pdf" in page.url and "page=1" in page.url
        page.screenshot(path=str(tmp_path / "show-page.png"), full_page=True)

        shared = context.new_page()  # the link reproduces the view: the page shown again
        shared.goto(page.url)
        shared.locator('[data-testid="stImage"] img').first.wait_for(timeout=60_000)
        shared.close()
    finally:
        context.close()
