"""Scanned pages (no text layer) read by OCR, marked as OCR text in hits, citations, JSON and the app.

The scans are made here: text rendered to an image with Pillow and put into a PDF with fpdf2, so
the PDF has no text layer. Tests that run Tesseract are skipped when it is not installed
(scripts/install-ocr.sh installs it); the rest check what happens without it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.build import ingest
from archive.build.indexer import build_index
from archive.index import format
from archive.index.embed import HashEmbedder
from tests.pdfs import make_pdf

ENGINE, WHY_NOT = ingest.ocr_engine()
REQUIRED = bool(os.environ.get("ARCHIVE_REQUIRE_OCR"))  # CI: fail instead of skipping when Tesseract is missing
needs_tesseract = pytest.mark.skipif(ENGINE is None and not REQUIRED,
                                     reason=f"OCR is not available here: {WHY_NOT} (scripts/install-ocr.sh)")


def _require_ocr() -> None:
    if ENGINE is None:
        pytest.fail(f"ARCHIVE_REQUIRE_OCR is set but OCR is not available: {WHY_NOT}")

SCANNED_TEXT = [
    "Minutes of the Licensing Committee",
    "3 April 2023",
    "",
    "The committee refused the application for a",
    "late night licence at the Riverside Tavern",
    "because of noise complaints from residents.",
]
TYPED_TEXT = "Report of the Licensing Manager. Taxi licence fees will rise by five per cent from June 2023."


def scanned_page_image(lines: list[str]):
    """A page as a scanner sees it: black text on white, 150 dots per inch, A4."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=40)
    for number, line in enumerate(lines):
        draw.text((120, 160 + 64 * number), line, fill=0, font=font)
    return image


def make_scan(path: Path, pages: list[list[str] | str]) -> Path:
    """A PDF whose list pages are images of text (no text layer) and whose str pages are typed text."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for page in pages:
        pdf.add_page()
        if isinstance(page, str):
            pdf.multi_cell(0, 6, page)
        else:
            pdf.image(scanned_page_image(page), x=0, y=0, w=210, h=297)
    pdf.output(str(path))
    return path


def _build(corpus: Path, index: Path, logged: list[str] | None = None):
    return build_index(corpus, index, HashEmbedder(), progress=False,
                       log=(logged.append if logged is not None else lambda m: None))


def test_the_generated_scan_has_no_text_layer(tmp_path):
    from pypdf import PdfReader

    path = make_scan(tmp_path / "scan.pdf", [SCANNED_TEXT])
    assert not (PdfReader(str(path)).pages[0].extract_text() or "").strip()


@needs_tesseract
def test_a_scanned_page_is_read_by_ocr(tmp_path):
    _require_ocr()
    path = make_scan(tmp_path / "licensing-minutes.pdf", [TYPED_TEXT, SCANNED_TEXT])
    read = ingest.read_pages(path)
    assert read.ocr_pages == (2,) and not read.warnings
    assert "Taxi licence fees" in read[0]  # the typed page keeps its text layer
    words = read[1].lower()
    for word in ("licensing", "riverside", "tavern", "licence", "noise", "residents"):
        assert word in words, read[1]


@pytest.fixture(scope="module")
def ocr_index(tmp_path_factory) -> Path:
    if ENGINE is None and not REQUIRED:
        pytest.skip(f"OCR is not available here: {WHY_NOT}")
    _require_ocr()
    root = tmp_path_factory.mktemp("ocr")
    corpus = root / "corpus"
    corpus.mkdir()
    make_scan(corpus / "licensing-2023-04-03.pdf", [TYPED_TEXT, SCANNED_TEXT])
    (corpus / "manifest.csv").write_text(
        "file,title,committee,meeting_date,doc_type,source_url,council\n"
        "licensing-2023-04-03.pdf,Licensing Committee papers,Licensing Committee,2023-04-03,minutes,,Testshire\n")
    report = _build(corpus, root / "index")
    assert report.indexed == ["licensing-2023-04-03.pdf"] and report.ocr_pages == 1 and not report.warnings
    return root / "index"


@needs_tesseract
def test_search_finds_ocr_text_and_marks_it(ocr_index):
    from archive import Archive
    from archive.ask.cite import citation_text, hit_json

    archive = Archive.open(ocr_index, embedder=HashEmbedder())
    hit = archive.search("Riverside Tavern late night licence noise", k=1)[0]
    assert hit.chunk.page == 2 and "Tavern" in hit.chunk.text
    assert hit.document.ocr_pages == (2,) and hit.document.is_ocr(2)
    assert citation_text(hit).endswith("page 2, line 1 (OCR text)")
    assert hit_json(hit)["ocr"] is True
    typed = archive.search("taxi licence fees five per cent", k=1)[0]
    assert typed.chunk.page == 1
    assert hit_json(typed)["ocr"] is False and "OCR" not in citation_text(typed)


@needs_tesseract
def test_the_cli_json_carries_the_ocr_mark(ocr_index, monkeypatch):
    from archive.cli import cli

    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(ocr_index))
    result = CliRunner().invoke(cli, ["search", "Riverside Tavern noise complaints", "-k", "1", "--json"])
    assert result.exit_code == 0, result.output
    hit = json.loads(result.output)["hits"][0]
    assert hit["ocr"] is True and hit["cited_as"].endswith("(OCR text)")


@needs_tesseract
def test_the_app_marks_ocr_passages(ocr_index, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from archive import Archive
    from archive.web.present import OCR_BADGE, location_html, safe

    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(ocr_index))
    app = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=60)
    app.query_params["q"] = "Why did the committee refuse the licence for the Riverside Tavern?"
    app.run()
    assert not app.exception
    page = "\n".join(m.value for m in app.markdown)
    assert safe("page 2, line 1") + " " + OCR_BADGE in page  # the answer's source line, marked
    hit = Archive.open(ocr_index, embedder=HashEmbedder()).search("Riverside Tavern", k=1)[0]
    assert location_html(hit).endswith(OCR_BADGE) and location_html(hit).startswith("page 2")


# -- without Tesseract -------------------------------------------------------------------------------

@pytest.fixture()
def no_ocr(monkeypatch):
    monkeypatch.setattr(ingest, "ocr_engine", lambda: (None, "Tesseract is not installed (test)"))


def test_without_ocr_a_scanned_page_is_reported_and_the_batch_goes_on(tmp_path, no_ocr):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_scan(corpus / "mixed.pdf", [TYPED_TEXT, SCANNED_TEXT])
    make_scan(corpus / "all-scanned.pdf", [SCANNED_TEXT])
    make_pdf(corpus / "typed.pdf", ["Planning committee minutes. The Mill Lane application was approved."])
    logged: list[str] = []
    report = _build(corpus, tmp_path / "index", logged)
    assert sorted(report.indexed) == ["mixed.pdf", "typed.pdf"]
    skipped = dict(report.skipped)
    assert "needs OCR" in skipped["all-scanned.pdf"] and "not installed" in skipped["all-scanned.pdf"]
    warnings = [w for name, w in report.warnings if name == "mixed.pdf"]
    assert any("mixed.pdf: page 2 has no text layer and not read" in w for w in warnings)
    generation = format.current_generation(tmp_path / "index")
    assert format.read_manifest(generation)["ocr_pending"] == ["mixed.pdf"]

    from archive import Archive

    hit = Archive.open(tmp_path / "index", embedder=HashEmbedder()).search("taxi licence fees", k=1)[0]
    assert hit.chunk.doc_id == "mixed.pdf" and hit.document.ocr_pages == ()


@needs_tesseract
def test_a_paper_left_unread_is_read_again_once_ocr_is_there(tmp_path, monkeypatch):
    _require_ocr()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_scan(corpus / "mixed.pdf", [TYPED_TEXT, SCANNED_TEXT])
    make_pdf(corpus / "typed.pdf", ["Planning committee minutes. The Mill Lane application was approved."])
    with monkeypatch.context() as patch:
        patch.setattr(ingest, "ocr_engine", lambda: (None, "Tesseract is not installed (test)"))
        _build(corpus, tmp_path / "index")
    report = _build(corpus, tmp_path / "index")
    assert "typed.pdf" in report.not_reread and "mixed.pdf" not in report.not_reread
    assert report.ocr_pages == 1 and not [w for _, w in report.warnings if "OCR" in w or "read" in w]
    generation = format.current_generation(tmp_path / "index")
    assert format.read_manifest(generation)["ocr_pending"] == []
