"""Read a source file (PDF, HTML or text) into its pages of plain text.

The file type is sniffed from the content, not trusted from the extension. Every failure is an
IngestError naming the file and the reason, so a batch build can report it and go on.
"""

from __future__ import annotations

import hashlib
import html
import re
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


def read_pages(path: Path) -> list[str]:
    """Pages of plain text from a PDF, HTML or text file."""
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
        pages = [html_to_text(raw)] if kind == "html" else _text_pages(raw)
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


def _pdf_pages(path: Path) -> list[str]:
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
    if not any(page.strip() for page in pages):
        raise IngestError(f"{path.name}: PDF has no text layer (scanned?); it needs OCR")
    return [page.replace("\r\n", "\n") for page in pages]


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._cell_in_row = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in ("td", "th"):
            if self._cell_in_row:
                self.parts.append("\t")
            self._cell_in_row += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag not in ("br", "li", "tr") else "\n")
            if tag == "tr":
                self._cell_in_row = 0
            if tag == "li":
                self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS and tag not in ("br", "li"):
            self.parts.append("\n" if tag == "tr" else "\n\n")

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
