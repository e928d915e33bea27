"""A cited page as published: PDFs made here with known text at known places, rendered with the
quote highlighted and checked pixel by pixel (the quote's line yellow, the line above not); a
passage running onto the next page; a scanned page highlighted from Tesseract's word boxes; the
page cache; the quote matcher; the API's page and citation routes and the `archive page` command."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from archive.api.app import create_app
from archive.api.settings import ApiSettings
from archive.build import ingest
from archive.build.indexer import build_index
from archive.cli import cli
from archive.index import store
from archive.index.embed import HashEmbedder
from archive.pages.cache import PageCache
from archive.pages.match import find
from archive.pages.render import SCALE, Located, RenderedPage, render
from tests.pdfs import make_placed_pdf, text_width_mm

ENGINE, WHY_NOT = ingest.ocr_engine()
needs_tesseract = pytest.mark.skipif(ENGINE is None, reason=f"OCR is not available here: {WHY_NOT}")

ABOVE = "Children in care on 31 March 2023 numbered 412."
QUOTE = "In January 2024 this was 38"
QUOTE_LINE = QUOTE + " children in care."
PAGE_ONE = [(20, 30, ABOVE), (20, 40, QUOTE_LINE), (20, 270, "The committee agreed that the new")]
PAGE_TWO = [(20, 20, "fostering hub would open in May 2025."), (20, 40, "Any other business.")]
SPANNING = "the new fostering hub would open in May"


def px(mm: float, scale: float = SCALE) -> int:
    return int(mm / 25.4 * 72 * scale)


def yellow(png: bytes, left_mm: float, top_mm: float, right_mm: float, bottom_mm: float) -> int:
    """How many pixels of the area are highlight yellow (white multiplied by the highlight)."""
    import numpy as np
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    area = np.asarray(image.crop((px(left_mm), px(top_mm), px(right_mm), px(bottom_mm)))).astype(int)
    r, g, b = area[..., 0], area[..., 1], area[..., 2]
    return int(((r > 200) & (g > 150) & (b < 130)).sum())


@pytest.fixture(scope="module")
def placed(tmp_path_factory) -> Path:
    return make_placed_pdf(tmp_path_factory.mktemp("pdf") / "placed.pdf", [PAGE_ONE, PAGE_TWO])


def test_the_highlight_covers_the_quote_and_not_the_line_above(placed):
    shown = render(placed, 1, QUOTE)
    assert shown.located.found and shown.located.cover == 1.0 and shown.located.pages == (1,)
    quote_end = 20 + text_width_mm(QUOTE)
    inside = yellow(shown.png, 21, 40, quote_end - 1, 46)
    assert inside > 0.5 * px(quote_end - 22) * px(6)  # most of the quote's band is yellow
    assert yellow(shown.png, 10, 29, 200, 36.5) == 0  # the line above: untouched
    assert yellow(shown.png, quote_end + 3, 40, 200, 46) == 0  # the rest of the quote's own line too
    plain = render(placed, 1)
    assert plain.located is None and yellow(plain.png, 0, 0, 210, 297) == 0


def test_a_passage_running_onto_the_next_page_highlights_both(placed):
    first = render(placed, 1, SPANNING)
    assert first.located.pages == (1, 2)
    assert yellow(first.png, 20, 270, 120, 276) > 100
    assert yellow(first.png, 0, 0, 210, 260) == 0
    second = render(placed, 2, SPANNING)
    assert second.located.pages == (1, 2)
    assert yellow(second.png, 20, 20, 110, 26) > 100
    assert yellow(second.png, 0, 38, 210, 297) == 0  # "Any other business." is not the quote


def test_a_quote_not_on_the_page_is_reported_not_drawn(placed):
    shown = render(placed, 1, "The budget was overspent by four million pounds")
    assert not shown.located.found and yellow(shown.png, 0, 0, 210, 297) == 0
    # on the next page only: not this page's quote
    assert not render(placed, 1, "Any other business").located.found


def test_matching_survives_hyphenation_ligatures_spacing_and_small_misreadings():
    page = "The Corporate Parent\u00adhood well-\r\nbeing board met.\r\nThe e\ufb03ciency  target was 75%."
    found = find(page, "well-being board met. The efficiency target")
    assert found.exact
    assert page[found.indexes[0]:found.indexes[-1] + 1] == "well-\r\nbeing board met.\r\nThe e\ufb03ciency  target"
    close = find(page, "The efficiency targot was 75%")  # an OCR-like misreading
    assert close is not None and 0.6 <= close.cover < 1.0
    assert find(page, "Nothing of the kind is said here") is None


def test_an_ocr_page_is_highlighted_from_tesseract_word_boxes(tmp_path):
    if ENGINE is None:
        pytest.skip(f"OCR is not available here: {WHY_NOT}")
    from tests.test_ocr import SCANNED_TEXT, make_scan

    scan = make_scan(tmp_path / "scan.pdf", [SCANNED_TEXT])
    pages = ingest.read_pages(scan)
    assert pages.ocr_pages == (1,) and pages.ocr_words[1]
    quote = "late night licence at the Riverside Tavern"
    shown = render(scan, 1, quote, ocr_words=lambda p: pages.ocr_words.get(p))
    assert shown.located.found
    # the scan's lines are 64 px apart from y=160 px on a 1754 px high A4 image
    line = lambda n: (160 + 64 * n) / 1754 * 297  # noqa: E731 - the top of line n in mm
    assert yellow(shown.png, 10, line(4), 200, line(4) + 6) > 100
    assert yellow(shown.png, 10, line(3), 200, line(3) + 5) == 0
    without = render(scan, 1, quote)  # no word boxes: the scan has no text layer to search
    assert not without.located.found


def test_the_cache_keeps_the_recent_pages_under_its_cap(tmp_path):
    page = RenderedPage(b"x" * 1000, 1, 2, "", Located({1: ((1.0, 2.0, 3.0, 4.0),)}, 1.0))
    cache = PageCache(tmp_path / "cache", limit=3500)
    for key in ("a", "b", "c"):
        cache.put("gen-1", key, page)
    assert cache.get("gen-1", "a") == page  # a is now the most recently used
    cache.put("gen-1", "d", page)  # over the cap: b, the least recently used, goes
    assert cache.get("gen-1", "b") is None
    assert cache.get("gen-1", "a") == page and cache.get("gen-1", "d") == page
    assert cache.size() <= 3500
    cache.get("gen-2", "a")  # a new generation: the old one's pages go
    assert not (tmp_path / "cache" / "gen-1").exists()


# -- through an index: the API and the CLI -----------------------------------------------------------

@pytest.fixture(scope="module")
def paper_index(tmp_path_factory, placed):
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(placed, corpus / "cyp-report.pdf")
    (corpus / "fostering.html").write_text(
        "<html><body><h1>Fostering update</h1><p>The fostering service recruited 14 new carers in 2024.</p>"
        "</body></html>")
    (corpus / "manifest.csv").write_text(
        "file,title,committee,meeting_date,doc_type,source_url\n"
        "cyp-report.pdf,Children in care report,Children and Young People Scrutiny Committee,2024-03-12,report,"
        "https://council.example/documents/cyp-report.pdf\n"
        "fostering.html,Fostering update,Corporate Parenting Panel,2024-05-01,report,"
        "https://council.example/fostering\n")
    index_dir = tmp_path_factory.mktemp("index")
    build_index(corpus, index_dir, HashEmbedder(), progress=False, log=lambda m: None)
    return index_dir


@pytest.fixture(scope="module")
def paper_archive(paper_index):
    from archive import Archive

    return Archive.open(paper_index, embedder=HashEmbedder())


def _client(archive, tmp_path, **overrides) -> TestClient:
    settings = ApiSettings(**{"rate_limit": None, "feeds_path": tmp_path / "feeds.db", **overrides})
    return TestClient(create_app(archive, settings, warm_up=False))


def _search(client, q: str) -> list[dict]:
    return client.get("/search", params={"q": q, "k": 5}).json()["hits"]


def test_the_api_renders_a_hit_s_page_with_its_passage_highlighted(paper_archive, tmp_path):
    with _client(paper_archive, tmp_path) as client:
        hit = next(h for h in _search(client, "January 2024 this was 38") if h["doc_id"] == "cyp-report.pdf")
        assert hit["page_path"] == f"/papers/cyp-report.pdf/pages/1.png?chunk={hit['chunk_id']}"
        assert hit["link"] == "https://council.example/documents/cyp-report.pdf#page=1"
        response = client.get(hit["page_path"])
        assert response.status_code == 200 and response.headers["content-type"] == "image/png"
        assert response.headers["x-highlight"] == "found" and response.headers["x-page-count"] == "2"
        assert yellow(response.content, 21, 40, 60, 46) > 100
        quoted = client.get("/papers/cyp-report.pdf/pages/1.png", params={"highlight": QUOTE})
        assert yellow(quoted.content, 21, 40, 60, 46) > 100 and yellow(quoted.content, 10, 29, 200, 36.5) == 0
        again = client.get("/papers/cyp-report.pdf/pages/1.png", params={"highlight": QUOTE})
        assert again.content == quoted.content  # from the page cache


def test_the_api_says_404_and_422_never_500(paper_archive, tmp_path):
    with _client(paper_archive, tmp_path) as client:
        for path in ("/papers/nothing.pdf/pages/1.png", "/papers/cyp-report.pdf/pages/3.png",
                     "/papers/fostering.html/pages/1.png", "/cite/999999"):
            response = client.get(path)
            assert response.status_code == 404, path
            assert response.json()["error"] == "not_found"
        assert client.get("/papers/cyp-report.pdf/pages/0.png").status_code == 422
        too_long = client.get("/papers/cyp-report.pdf/pages/1.png", params={"highlight": "x" * 501})
        assert too_long.status_code == 422 and "highlight" in too_long.json()["message"]
        assert client.get("/papers/cyp-report.pdf/pages/1.png", params={"highlight": "x" * 500}).status_code == 200
        assert client.get("/papers/cyp-report.pdf/pages/1.png", params={"chunk": 999999}).status_code == 404


def test_html_and_text_hits_link_to_the_quote_with_a_text_fragment_and_have_no_image(paper_archive, tmp_path):
    with _client(paper_archive, tmp_path) as client:
        hit = next(h for h in _search(client, "fostering carers recruited") if h["doc_id"] == "fostering.html")
        assert hit["page_path"] is None
        assert hit["link"].startswith("https://council.example/fostering#:~:text=")
        # start and end each inside one block (the heading, the paragraph), as browsers match them
        assert hit["link"].endswith("#:~:text=Fostering%20update,14%20new%20carers%20in%202024.")


def test_the_api_cites_a_hit_as_text_and_as_csl_json(paper_archive, tmp_path):
    with _client(paper_archive, tmp_path) as client:
        hit = next(h for h in _search(client, "January 2024 this was 38") if h["doc_id"] == "cyp-report.pdf")
        text = client.get(f"/cite/{hit['chunk_id']}", params={"format": "text"})
        assert text.headers["content-type"].startswith("text/plain")
        line = text.text
        assert "\n" not in line and QUOTE in line and "Children in care report" in line
        assert "page 1" in line and line.endswith("https://council.example/documents/cyp-report.pdf#page=1")
        csl = client.get(f"/cite/{hit['chunk_id']}", params={"format": "csl"})
        assert csl.headers["content-type"].startswith("application/vnd.citationstyles.csl+json")
        [item] = csl.json()
        assert item["type"] == "report" and item["title"] == "Children in care report"
        assert item["issued"] == {"date-parts": [[2024, 3, 12]]} and item["page"] == "1"
        assert item["URL"].endswith("#page=1") and item["note"].startswith("PDF page 1")
        assert client.get(f"/cite/{hit['chunk_id']}", params={"format": "bibtex"}).status_code == 422
        quoted = client.get(f"/cite/{hit['chunk_id']}", params={"quote": QUOTE}).text
        assert quoted.startswith(f"“{QUOTE}” — ")


def test_archive_cite_prints_the_line_and_csl(paper_index, paper_archive):
    chunk_id = next(c.chunk_id for c in paper_archive.part_chunks("cyp-report.pdf", 0))
    args = ["--index-dir", str(paper_index)]
    line = CliRunner().invoke(cli, ["cite", str(chunk_id), "--quote", QUOTE, *args])
    assert line.exit_code == 0 and line.output.startswith(f"“{QUOTE}” — ") and line.output.count("\n") == 1
    csl = CliRunner().invoke(cli, ["cite", str(chunk_id), "--format", "csl", *args])
    assert json.loads(csl.output)[0]["title"] == "Children in care report"


def test_public_mode_rate_limits_renders(paper_archive, tmp_path):
    with _client(paper_archive, tmp_path, public=True, rate_limit="3/minute") as client:
        codes = [client.get("/papers/cyp-report.pdf/pages/1.png").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_archive_page_writes_the_png_and_says_where_the_highlight_is(paper_index, tmp_path):
    out = tmp_path / "page.png"
    result = CliRunner().invoke(cli, ["page", "cyp-report.pdf", "1", "--highlight", SPANNING, "-o", str(out),
                                      "--index-dir", str(paper_index)])
    assert result.exit_code == 0, result.output
    assert "PDF page 1 of 2" in result.output and "continuing on page 2" in result.output
    assert yellow(out.read_bytes(), 20, 270, 120, 276) > 100
    missing = CliRunner().invoke(cli, ["page", "fostering.html", "1", "-o", str(out), "--index-dir", str(paper_index)])
    assert missing.exit_code == 1 and "not a PDF" in missing.output


@needs_tesseract
def test_a_scan_indexed_keeps_its_word_boxes_and_its_page_is_highlighted(tmp_path):
    from archive import Archive
    from archive.pages.view import PageViews
    from tests.test_ocr import SCANNED_TEXT, make_scan

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_scan(corpus / "licensing.pdf", [SCANNED_TEXT])
    build_index(corpus, tmp_path / "index", HashEmbedder(), progress=False, log=lambda m: None)
    archive = Archive.open(tmp_path / "index", embedder=HashEmbedder())
    words = store.ocr_words(archive.db, "licensing.pdf", 1)
    assert words and any(w[0] == "Riverside" for w in words)
    shown = PageViews(archive).page("licensing.pdf", 1, "refused the application for a late night licence")
    assert shown.located.found and shown.located.pages == (1,)
    assert json.loads(json.dumps(shown.located.boxes[1]))  # plain numbers, cacheable


# -- the app (Streamlit's AppTest, no browser) ---------------------------------------------------------

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture()
def app(paper_index, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(paper_index))
    return AppTest.from_file(APP, default_timeout=60)


def _params(app) -> dict:
    return {k: (v[0] if isinstance(v, list) else v) for k, v in dict(app.query_params).items()}


def test_show_page_under_a_citation_shows_the_highlighted_page_and_puts_it_in_the_url(app):
    app.query_params["q"] = "What was the figure in January 2024?"
    app.run()
    assert not app.exception
    toggle = app.toggle[0]
    assert toggle.label == "Show page" and toggle.value is False
    assert not app.get("image")
    toggle.set_value(True).run()
    assert not app.exception
    images = app.get("image")
    assert images, "no page image under the citation"
    assert _params(app)["paper"] == "cyp-report.pdf" and _params(app)["page"] == "1"
    line = app.code[0].value
    assert "\n" not in line and "Children in care report" in line and "#page=1" in line


def test_a_link_with_a_page_opens_with_the_page_shown(app):
    app.query_params.update(q="What was the figure in January 2024?", paper="cyp-report.pdf", page="1")
    app.run()
    assert app.toggle[0].value is True and app.get("image")


def test_every_view_and_its_state_comes_from_the_url(app, paper_archive):
    app.query_params.update(view="Figures", measure="children in care")
    app.run()
    assert app.text_input(key="measure").value == "children in care"
    assert _params(app) == {"view": "Figures", "measure": "children in care"}

    from streamlit.testing.v1 import AppTest

    commitments = AppTest.from_file(APP, default_timeout=60)
    commitments.query_params.update(view="Commitments", owner="Director", status="overdue")
    commitments.run()
    assert commitments.text_input(key="owner").value == "Director"
    assert commitments.selectbox(key="status").value == "overdue"
    assert _params(commitments)["view"] == "Commitments" and _params(commitments)["owner"] == "Director"

    part = next(iter(paper_archive.parts.values()))
    browse = AppTest.from_file(APP, default_timeout=60)
    browse.query_params.update(view="Browse", paper=part.doc_id, part=str(part.part_id))
    browse.run()
    assert not browse.exception
    assert any(part.title in h.value for h in browse.subheader)
    assert _params(browse)["meeting"] == paper_archive.documents[part.doc_id].meeting_date


def test_fuzzed_page_requests_never_get_a_server_error(paper_archive, tmp_path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    with _client(paper_archive, tmp_path) as client:
        @settings(max_examples=80, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(doc=st.sampled_from(["cyp-report.pdf", "fostering.html", "x/../cyp-report.pdf", "", "%00"]),
               page=st.integers(-2, 4), highlight=st.text(max_size=520), chunk=st.none() | st.integers(-1, 10))
        def check(doc, page, highlight, chunk):
            params = {"highlight": highlight} | ({"chunk": chunk} if chunk is not None else {})
            response = client.get(f"/papers/{doc}/pages/{page}.png", params=params)
            assert response.status_code in (200, 404, 422), (doc, page, highlight, chunk, response.text[:200])

        check()


def _yellow_box(png: bytes) -> tuple[int, int, int, int]:
    import numpy as np
    from PIL import Image

    image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    ys, xs = np.nonzero((image[..., 0] > 200) & (image[..., 1] > 150) & (image[..., 2] < 130))
    return int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_rotated_page_is_highlighted_where_the_quote_is_shown(placed, tmp_path, turn):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(placed)).pages:
        writer.add_page(page.rotate(turn))
    rotated = tmp_path / f"rotated-{turn}.pdf"
    with open(rotated, "wb") as handle:
        writer.write(handle)
    upright = render(placed, 1, QUOTE)
    shown = render(rotated, 1, QUOTE)
    assert shown.located.found
    from PIL import Image

    width, height = Image.open(io.BytesIO(upright.png)).size
    x0, y0, x1, y1 = _yellow_box(upright.png)
    # the upright highlight's box turned clockwise with the page
    expected = {90: (height - y1, x0, height - y0, x1), 180: (width - x1, height - y1, width - x0, height - y0),
                270: (y0, width - x1, y1, width - x0)}[turn]
    assert all(abs(a - b) <= 3 for a, b in zip(_yellow_box(shown.png), expected, strict=True))


def test_renders_asked_at_once_all_come_back_whole(paper_archive, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    with _client(paper_archive, tmp_path, cache_size=0) as client:
        asks = [(f"/papers/cyp-report.pdf/pages/{1 + i % 2}.png", {"highlight": f"{QUOTE} {i}"})
                for i in range(12)]
        with ThreadPoolExecutor(6) as pool:
            responses = list(pool.map(lambda a: client.get(a[0], params=a[1]), asks))
    assert [r.status_code for r in responses] == [200] * 12
    assert all(r.content.startswith(b"\x89PNG") for r in responses)
