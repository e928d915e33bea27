"""Read a source file (PDF, HTML or text) into its pages of plain text.

The file type is sniffed from the content, not trusted from the extension. Every failure is an
IngestError naming the file and the reason, so a batch build can report it and go on.

A PDF page with no text layer (a scan) is read by OCR: the page is rendered with PDFium
(pypdfium2) and read by Tesseract (pytesseract over Debian's tesseract-ocr; scripts/install-ocr.sh).
Which pages were read so is returned with the text, so hits can say they quote OCR text. Without
Tesseract such pages are reported by name and left out; a PDF with no text at all is an IngestError.
"""

from __future__ import annotations

import functools
import hashlib
import html
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from archive.errors import IngestError

SUPPORTED_SUFFIXES = {".pdf", ".html", ".htm", ".txt", ".text", ".md"}

_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "hr", "dt", "dd", "title",
}
_SKIP_TAGS = {"script", "style", "noscript", "template", "head"}
_INLINE_TAG_RE = re.compile(r"</?(?:p|br|i|b|em|strong|u|span|a|ul|ol|li|div|sup|sub)\b[^>]*>", re.IGNORECASE)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sniff(path: Path, head: bytes) -> str:
    """Return "pdf", "html" or "text" from the first bytes of a file."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if b"\x00" in head:
        raise IngestError(f"{path.name}: binary content that is not a PDF (extension {path.suffix!r})")
    lowered = head[:2048].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (
        lowered.startswith(b"<") and re.search(rb"<(body|div|table|p|h[1-6])\b", lowered)
    ):
        return "html"
    return "text"


class Pages(list):
    """A file's pages of text (a list of str), with the 1-based pages whose text OCR read, those
    pages' word boxes (page -> words, for highlighting a quote on the scan: archive/pages) and
    warnings naming the pages that could not be read (no OCR engine, or OCR failed on them)."""

    def __init__(self, pages=(), ocr_pages: tuple[int, ...] = (), warnings: tuple[str, ...] = (),
                 ocr_words: dict | None = None) -> None:
        super().__init__(pages)
        self.ocr_pages = tuple(ocr_pages)
        self.warnings = tuple(warnings)
        self.ocr_words = dict(ocr_words or {})


def read_pages(path: Path) -> Pages:
    """Pages of plain text from a PDF, HTML or text file (with which pages OCR read)."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    if not head.strip():
        raise IngestError(f"{path.name}: empty file")
    kind = sniff(path, head)
    if kind == "pdf":
        pages = _pdf_pages(path)
    else:
        raw = _decode(path, path.read_bytes())
        pages = Pages([html_to_text(raw)] if kind == "html" else _text_pages(raw))
    if not any(page.strip() for page in pages):
        raise IngestError(f"{path.name}: no text found")
    return pages


_PRINTED_PAGE = re.compile(r"^\s*(?:page\s+)?(\d{1,4})(?:\s+of\s+\d{1,4})?\s*$", re.IGNORECASE)


def printed_page_labels(pages: list[str]) -> list[str]:
    """The page number printed in each page's header or footer ("Page 12", "12 of 40"), or "".

    Agenda packs number their pages independently of the PDF (the pack's cover has none, and
    the agenda's "Pages 9 - 16" refer to the printed numbers), so both are worth citing."""
    labels = []
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip()]
        label = ""
        for line in lines[-3:][::-1] + lines[:2]:
            match = _PRINTED_PAGE.match(line)
            if match:
                label = match.group(1)
                break
        labels.append(label)
    return labels


def _decode(path: Path, data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _text_pages(raw: str) -> list[str]:
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # Text exported from committee systems can still carry <p>/<i> fragments and entities.
    if _INLINE_TAG_RE.search(text) or "&" in text:
        text = _INLINE_TAG_RE.sub(" ", text)
        text = html.unescape(text)
        text = re.sub(r"[ \u00a0]{2,}", " ", text)
    return text.split("\f")


def _pdf_pages(path: Path) -> Pages:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise IngestError(f"{path.name}: encrypted PDF (a password is needed)")
            except IngestError:
                raise
            except Exception as exc:
                raise IngestError(f"{path.name}: encrypted PDF that cannot be opened ({exc})") from exc
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise IngestError(f"{path.name}: corrupt or truncated PDF ({exc})") from exc
    except Exception as exc:  # pypdf raises a wide range of errors on malformed files
        raise IngestError(f"{path.name}: unreadable PDF ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise IngestError(f"{path.name}: PDF has no pages")
    pages = [page.replace("\r\n", "\n") for page in pages]
    textless = [index for index, page in enumerate(pages) if _needs_ocr(page)]
    if not textless:
        return Pages(pages)
    engine, why_not = ocr_engine()
    if engine is None:
        if len(textless) == len(pages):
            raise IngestError(f"{path.name}: PDF has no text layer (scanned?); it needs OCR, which is not "
                              f"available: {why_not}")
        return Pages(pages, (), (f"{path.name}: {_page_list(textless)} no text layer and not read: "
                                      f"OCR is not available ({why_not})",))
    read, problems = engine.read(path, textless)
    ocr_pages, ocr_words = [], {}
    for index, text in sorted(read.items()):
        if _letters(text) > _letters(pages[index]):  # more than the page number stamped on the scan
            pages[index] = text
            ocr_pages.append(index + 1)
            ocr_words[index + 1] = engine.words.get(index, ())
    if all(_needs_ocr(page) for page in pages):
        detail = f" ({'; '.join(problems)})" if problems else ""
        raise IngestError(f"{path.name}: PDF has no text layer (scanned?) and OCR found no text in it{detail}; "
                          "it needs OCR by hand or a clearer scan")
    warnings = tuple(f"{path.name}: {problem}" for problem in problems)
    return Pages(pages, tuple(ocr_pages), warnings, ocr_words)


# -- OCR --------------------------------------------------------------------------------------------

_LETTER = re.compile(r"[^\W\d_]")


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def _needs_ocr(page: str) -> bool:
    """A page whose text layer holds no words: none at all, or only a page number stamped on a scan."""
    body = " ".join(line for line in page.splitlines() if line.strip() and not _PRINTED_PAGE.match(line))
    return _letters(body) < 3


OCR_DPI = 300  # Tesseract reads body text best at about 300 dots per inch
OCR_TIMEOUT = 180  # seconds for one page


def _page_list(indexes: list[int]) -> str:
    numbers = [str(i + 1) for i in indexes]
    return f"page {numbers[0]} has" if len(numbers) == 1 else f"pages {', '.join(numbers)} have"


class TesseractOCR:
    """Pages rendered by PDFium and read by Tesseract, one at a time (bounded memory)."""

    def __init__(self, language: str = "eng", dpi: int = OCR_DPI, timeout: int = OCR_TIMEOUT) -> None:
        self.language, self.dpi, self.timeout = language, dpi, timeout
        self.words: dict[int, tuple] = {}  # page index -> the last read's word boxes (ocr_words)

    def read(self, path: Path, indexes: list[int]) -> tuple[dict[int, str], list[str]]:
        """{page index: text} for the pages that could be read, and a note for each that could not;
        their word boxes are left in `self.words`."""
        import pypdfium2 as pdfium
        import pytesseract

        read: dict[int, str] = {}
        problems: list[str] = []
        self.words = {}
        try:
            document = pdfium.PdfDocument(str(path))
        except Exception as exc:  # noqa: BLE001 - any PDFium failure: the pages stay unread, named
            return read, [f"{_page_list(indexes)} no text layer and could not be rendered for OCR ({exc})"]
        try:
            for index in indexes:
                try:
                    page = document[index]
                    try:
                        image = page.render(scale=self.dpi / 72, grayscale=True).to_pil()
                    finally:
                        page.close()
                    low, high = image.getextrema()
                    if high - low < 16:  # a blank page: nothing for Tesseract to read
                        read[index] = ""
                        continue
                    # one Tesseract run for the text and its words' boxes
                    text, table = pytesseract.run_and_get_multiple_output(
                        image, extensions=["txt", "tsv"], lang=self.language, timeout=self.timeout)
                    read[index] = _clean_ocr(text)
                    self.words[index] = ocr_words(table, 72 / self.dpi)
                except Exception as exc:  # noqa: BLE001 - one page's failure must not lose the others
                    problems.append(f"page {index + 1} could not be read by OCR ({type(exc).__name__}: {exc})")
        finally:
            document.close()
        return read, problems


def ocr_words(tsv: str, points_per_pixel: float) -> tuple[tuple[str, float, float, float, float], ...]:
    """Tesseract's TSV as words with their boxes in PDF points from the page's top left:
    (text, left, top, right, bottom)."""
    words = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or not cells[11].strip():
            continue
        try:
            left, top, width, height = (int(c) for c in cells[6:10])
        except ValueError:
            continue
        k = points_per_pixel
        words.append((cells[11].strip(), round(left * k, 2), round(top * k, 2), round((left + width) * k, 2),
                      round((top + height) * k, 2)))
    return tuple(words)


def _clean_ocr(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\f", "\n").replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


@functools.cache
def ocr_engine() -> tuple[TesseractOCR | None, str]:
    """The OCR engine, or None and why not. ARCHIVE_OCR=0 turns OCR off; ARCHIVE_OCR_LANG picks
    Tesseract's languages ("eng", "eng+cym"); ARCHIVE_TESSERACT names the tesseract program."""
    if os.environ.get("ARCHIVE_OCR", "").strip().lower() in ("0", "off", "no", "false"):
        return None, "turned off by ARCHIVE_OCR"
    try:
        import pypdfium2  # noqa: F401
        import pytesseract
    except ImportError as exc:
        return None, f"the Python package {exc.name} is not installed (pip install pytesseract pypdfium2)"
    program = os.environ.get("ARCHIVE_TESSERACT") or shutil.which("tesseract")
    if not program:
        return None, "Tesseract is not installed (run scripts/install-ocr.sh, or apt-get install tesseract-ocr)"
    pytesseract.pytesseract.tesseract_cmd = program
    try:
        pytesseract.get_tesseract_version()
    except Exception as exc:  # noqa: BLE001 - a broken install is reported, not raised
        return None, f"Tesseract at {program} does not run ({exc})"
    return TesseractOCR(os.environ.get("ARCHIVE_OCR_LANG", "eng")), ""


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._cell_in_row = 0
        self._row_open = False  # a <tr> whose </tr> has not come (HTML lets it be left out)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in ("td", "th"):
            if self._cell_in_row:
                self.parts.append("\t")
            self._cell_in_row += 1
        elif tag == "tr":
            # the previous row's </tr> has ended the line; a blank line between rows would end the table
            if self._row_open:
                self.parts.append("\n")
            self._row_open, self._cell_in_row = True, 0
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag not in ("br", "li") else "\n")
            if tag == "li":
                self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS and tag not in ("br", "li"):
            self.parts.append("\n" if tag == "tr" else "\n\n")
            if tag == "tr":
                self._row_open = False

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(raw: str) -> str:
    """Visible text of an HTML page: tags and entities removed, blocks and table rows on lines."""
    parser = _TextExtractor()
    parser.feed(raw)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip(" ") for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
