"""Small real PDFs made at test time with fpdf2 (text layer, pages, encryption, no text)."""

from __future__ import annotations

from pathlib import Path


def make_pdf(path: Path, pages: list[str]) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


def make_scanned_pdf(path: Path) -> Path:
    """A PDF page with a drawing and no text layer, as a scanner produces."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.output(str(path))
    return path


def encrypt_pdf(source: Path, target: Path, password: str = "secret") -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(source)).pages:
        writer.add_page(page)
    writer.encrypt(password)
    with open(target, "wb") as handle:
        writer.write(handle)
    return target


def make_placed_pdf(path: Path, pages: list[list[tuple[float, float, str]]]) -> Path:
    """A PDF whose pages hold lines of 12 pt Helvetica at known places: (x mm, y mm of the line's
    6 mm cell's top, text), so a test knows where each line is drawn."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=12)
    for lines in pages:
        pdf.add_page()
        for x, y, text in lines:
            pdf.set_xy(x, y)
            pdf.cell(h=6, text=text)
    pdf.output(str(path))
    return path


def text_width_mm(text: str, size: float = 12) -> float:
    """The width 12 pt Helvetica gives `text` in make_placed_pdf."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=size)
    return pdf.get_string_width(text)
