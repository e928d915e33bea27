from pathlib import Path

import pytest

from archive.build.ingest import html_to_text, read_pages
from archive.errors import IngestError
from tests.pdfs import encrypt_pdf, make_pdf, make_scanned_pdf

PACK_PAGES = [
    "Agenda\nChildren and Young People Scrutiny Committee\nDate: Tuesday 12 March 2024",
    (
        "Title of report: Corporate Parenting Service\nMeeting date: Tuesday 12 March 2024\n"
        "17. To put this in context, in January 2022 there were 6 Unaccompanied Asylum Seeking Children. "
        "In January 2024 this was 38."
    ),
    "Appendix text about placements. The most common allowance is £219 per week.",
]


def test_pdf_pages_keep_their_numbers(tmp_path):
    pages = read_pages(make_pdf(tmp_path / "pack.pdf", PACK_PAGES))
    assert len(pages) == 3
    assert "In January 2024 this was 38" in " ".join(pages[1].split())
    assert "38" not in pages[0]


def test_text_file_with_html_fragments_is_cleaned(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text("PQ 1\tName supplied\t<p>My question is about services.</p> <p>Children&rsquo;s care?</p>\n")
    text = read_pages(path)[0]
    assert "<p>" not in text and "&rsquo;" not in text
    assert "My question is about services." in text and "Children’s care?" in text
    assert text.startswith("PQ 1\tName supplied\t")  # the table row stays one line


def test_html_page_to_text():
    raw = """<html><head><title>t</title><script>var x = "<b>no</b>";</script><style>p{}</style></head>
    <body><h2>Minutes:</h2><p>The meeting ended at 5.03pm &amp; closed.</p>
    <table><tr><th>Year</th><th>Number</th></tr><tr><td>2022/23</td><td>412</td></tr></table>
    <ul><li>first point</li><li>second point</li></ul></body></html>"""
    text = html_to_text(raw)
    assert "var x" not in text and "p{}" not in text
    assert "The meeting ended at 5.03pm & closed." in text
    assert "Year\tNumber" in text and "2022/23\t412" in text
    assert "- first point" in text and "- second point" in text


def test_html_table_laid_out_on_lines_keeps_its_rows_together():
    """Published pages put each <tr> and <td> on its own line; the rows must still be consecutive
    lines (a blank line between them would end the table, and its cells would lose their column
    names), and a row whose </tr> is left out still ends its line."""
    from archive import tables

    raw = """<p>Table 3: Outturn</p>
    <table>
      <tr>
        <th> Measure </th>
        <th> 2019-20 </th>
        <th> 2020-21 </th>
      </tr>
      <tr>
        <td> Care home admissions 65+ </td>
        <td> 612.3 </td>
        <td> 547.9 </td>
      </tr>
      <tr><td> Direct payments <td> 27.1% <td> 26.0%
      <tr><td> Safeguarding enquiries <td> 1,376 <td> 1,511
    </table>
    <p>After the table.</p>"""
    text = html_to_text(raw)
    rows = [line for line in text.split("\n") if "\t" in line]
    assert len(rows) == 4
    start = text.index(rows[0])
    assert text[start:].startswith("\n".join(rows))  # consecutive lines
    names = tables.column_names(tables.header_lines(text[start:]))
    assert [c.strip() for c in names] == ["Measure", "2019-20", "2020-21"]
    assert "After the table." in text and "Direct payments" in rows[2]


def test_html_named_txt_is_read_as_html(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<!DOCTYPE html><html><body><p>Resolved: that the report be noted.</p></body></html>")
    text = read_pages(path)[0]
    assert "Resolved: that the report be noted." in text and "<p>" not in text


def test_non_utf8_text_is_read(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("The allowance is £219 per week.".encode("cp1252"))
    assert "£219" in read_pages(path)[0]


@pytest.mark.parametrize(
    "maker, reason",
    [
        (lambda d: _write(d / "empty.pdf", b""), "empty file"),
        (lambda d: _write(d / "blank.txt", b"   \n\n"), "empty file"),
        (lambda d: _write(d / "truncated.pdf", make_pdf(d / "whole.pdf", PACK_PAGES).read_bytes()[:300]), "PDF"),
        (lambda d: _write(d / "binary.pdf", bytes(range(256)) * 8), "binary content"),
        (lambda d: encrypt_pdf(make_pdf(d / "plain.pdf", PACK_PAGES), d / "locked.pdf"), "encrypted"),
        (lambda d: make_scanned_pdf(d / "scan.pdf"), "needs OCR"),
    ],
)
def test_bad_files_raise_a_named_error(tmp_path, maker, reason):
    path = maker(tmp_path)
    with pytest.raises(IngestError) as info:
        read_pages(path)
    assert path.name in str(info.value)
    assert reason in str(info.value)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
