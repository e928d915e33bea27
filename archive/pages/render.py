"""A PDF page rendered with PDFium (pypdfium2) and a quote's boxes highlighted on it.

The boxes come from PDFium's text page for a page with a text layer (turned to the page as
displayed: crop box and /Rotate), and from the word boxes Tesseract gave when the index was built
for a page read by OCR (`index/store.ocr_words`; Tesseract read the page as rendered, so they are
already upright). The quote
is looked for on the page asked for and the pages either side of it, so a passage that runs onto
the next page is found whole: each page draws its own share (`Located.pages` names them all).
Pages are named by their 1-based place in the PDF; the number printed on a page is the
document's `page_labels` and is given beside it, never instead of it.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from archive.errors import ArchiveError
from archive.pages.match import find

# PDFium is not thread-safe, not even across documents: the API's worker threads and the app's
# sessions render one at a time (a cached page never gets here)
PDFIUM = threading.Lock()
SCALE = 1.5  # 108 dots per inch: body text readable, a page about 900 x 1260 pixels
MAX_HIGHLIGHT = 500  # characters of a highlight the API and the app accept
HIGHLIGHT = (255, 221, 51)  # multiplied into the page: white becomes this yellow, black text stays black
PAD = 1.0  # points around a line's box

Box = tuple[float, float, float, float]  # left, top, right, bottom in PDF points from the page's top left
Words = tuple[tuple[str, float, float, float, float], ...]  # OCR words: text, left, top, right, bottom


class PageNotFound(ArchiveError):
    """No such page, or no PDF to show it from (an HTML or text paper, or a missing file)."""


@dataclass(frozen=True)
class Located:
    """Where a quote is: the boxes to draw on each page it covers, how much of it was matched."""

    boxes: dict[int, tuple[Box, ...]]  # 1-based page -> line boxes
    cover: float  # 0 when not found, 1.0 when every letter matched

    @property
    def found(self) -> bool:
        return bool(self.boxes)

    @property
    def pages(self) -> tuple[int, ...]:
        return tuple(sorted(self.boxes))


NOT_FOUND = Located({}, 0.0)


@dataclass(frozen=True)
class RenderedPage:
    png: bytes
    page: int  # 1-based page of the PDF
    page_count: int
    printed: str  # the page number printed on it, "" when none
    located: Located | None  # None when no highlight was asked for


def is_pdf(path: Path | str) -> bool:
    try:
        with open(path, "rb") as handle:
            return b"%PDF-" in handle.read(1024)
    except OSError:
        return False


def pdf_file(document, corpus_dirs: tuple[Path | str, ...] = ()) -> Path:
    """The paper's PDF: the path the build read it from, else <corpus dir>/<doc_id> in the corpus
    directories given (the index's manifest records the one it was built from) and ARCHIVE_CORPUS_DIR."""
    extra = os.environ.get("ARCHIVE_CORPUS_DIR")
    candidates = [Path(document.path)] + [Path(d) / document.doc_id for d in (*corpus_dirs, extra) if d]
    for candidate in candidates:
        if candidate.is_file():
            if not is_pdf(candidate):
                raise PageNotFound(f"{document.doc_id} is not a PDF: it has no page images (open its source link)")
            return candidate
    raise PageNotFound(f"the file of {document.doc_id} is not on this machine")


class _Chars:
    """One page's characters, each able to give its box."""

    def __init__(self, text: str, box: Callable[[int], Box | None]) -> None:
        self.text, self.box = text, box


def _upright(page) -> Callable[[float, float, float, float], Box]:
    """PDFium's character boxes (PDF user space: from the bottom left, before the page's /Rotate)
    as boxes on the page as displayed and rendered (from the top left of its crop box, rotated)."""
    left, bottom, right, top = page.get_bbox()  # the crop box within the media box: what is rendered
    width, height = right - left, top - bottom
    turn = page.get_rotation() % 360

    def point(x: float, y: float) -> tuple[float, float]:
        x, y = x - left, top - y
        if turn == 90:
            return height - y, x
        if turn == 180:
            return width - x, height - y
        if turn == 270:
            return y, width - x
        return x, y

    def box(x0: float, y0: float, x1: float, y1: float) -> Box:
        (a, b), (c, d) = point(x0, y0), point(x1, y1)
        return min(a, c), min(b, d), max(a, c), max(b, d)

    return box


def _text_layer(pdf, index: int) -> _Chars:
    page = pdf[index]
    upright = _upright(page)
    textpage = page.get_textpage()
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count > 0 else ""
    if len(text) != count:  # PDFium left out or added characters: read them one at a time
        import pypdfium2.raw as raw

        text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i) or 32) for i in range(count))

    def box(i: int) -> Box | None:
        left, bottom, right, top = textpage.get_charbox(i)
        if right <= left or top <= bottom:
            return None
        return upright(left, bottom, right, top)

    return _Chars(text, box)


def _ocr_layer(words: Words) -> _Chars:
    text, owner = [], []
    for number, (word, *_rest) in enumerate(words):
        text.append(word + " ")
        owner.extend([number] * (len(word) + 1))
    return _Chars("".join(text), lambda i: tuple(words[owner[i]][1:5]))


def _lines(boxes: list[Box]) -> tuple[Box, ...]:
    """Character boxes in reading order merged into one box per line."""
    merged: list[list[float]] = []
    for left, top, right, bottom in boxes:
        if merged:
            last = merged[-1]
            height = min(bottom - top, last[3] - last[1])
            overlap = min(bottom, last[3]) - max(top, last[1])
            if overlap > 0.5 * height and left >= last[0] - 2 * height:
                last[:] = [min(last[0], left), min(last[1], top), max(last[2], right), max(last[3], bottom)]
                continue
        merged.append([left, top, right, bottom])
    return tuple((a - PAD, b - PAD, c + PAD, d + PAD) for a, b, c, d in merged)


def locate(pdf, page: int, quote: str, ocr_words: Callable[[int], Words | None] = lambda _p: None) -> Located:
    """Where `quote` is on 1-based `page` of an open PdfDocument, looking onto the pages either side;
    `ocr_words(page)` gives a scanned page's words, None for a page with a text layer."""
    pages = [p for p in (page - 1, page, page + 1) if 1 <= p <= len(pdf)]
    layers, offsets, text = {}, {}, []
    position = 0
    for number in pages:
        words = ocr_words(number)
        layers[number] = _ocr_layer(words) if words else _text_layer(pdf, number - 1)
        offsets[number] = position
        text.append(layers[number].text + "\n")
        position += len(text[-1])
    joined = "".join(text)
    asked = (offsets[page], offsets[page] + len(layers[page].text))
    match = find(joined, quote, prefer=asked)
    if match is None:
        return NOT_FOUND
    by_page: dict[int, list[Box]] = {}
    for index in match.indexes:
        number = max(p for p in pages if offsets[p] <= index)
        box = layers[number].box(index - offsets[number])
        if box is not None:
            by_page.setdefault(number, []).append(box)
    if page not in by_page and by_page:
        # matched only on a neighbour: the quote is not on the page asked for
        return NOT_FOUND
    return Located({number: _lines(boxes) for number, boxes in by_page.items()}, match.cover)


def draw(image, boxes: tuple[Box, ...], scale: float):
    from PIL import Image, ImageChops

    width, height = image.size
    for left, top, right, bottom in boxes:
        area = (max(0, int(left * scale)), max(0, int(top * scale)),
                min(width, int(right * scale + 0.999)), min(height, int(bottom * scale + 0.999)))
        if area[2] <= area[0] or area[3] <= area[1]:
            continue
        region = image.crop(area)
        image.paste(ImageChops.multiply(region, Image.new("RGB", region.size, HIGHLIGHT)), area)
    return image


def render(path: Path, page: int, highlight: str = "", scale: float = SCALE,
           ocr_words: Callable[[int], Words | None] = lambda _p: None,
           labels: tuple[str, ...] = ()) -> RenderedPage:
    """PNG of 1-based `page` of the PDF at `path` with `highlight` marked where it is found."""
    with PDFIUM:
        return _render(path, page, highlight, scale, ocr_words, labels)


def _render(path: Path, page: int, highlight: str, scale: float, ocr_words: Callable[[int], Words | None],
            labels: tuple[str, ...]) -> RenderedPage:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception as exc:
        raise PageNotFound(f"{Path(path).name} cannot be opened ({exc})") from exc
    try:
        if not 1 <= page <= len(pdf):
            raise PageNotFound(f"{Path(path).name} has {len(pdf)} pages, not a page {page}")
        located = locate(pdf, page, highlight, ocr_words) if highlight.strip() else None
        bitmap = pdf[page - 1].render(scale=scale)
        image = bitmap.to_pil().convert("RGB")
        if located is not None:
            draw(image, located.boxes.get(page, ()), scale)
        out = io.BytesIO()
        image.save(out, format="PNG", compress_level=1)  # level 6: half as long again, no smaller (DESIGN.md)
        printed = labels[page - 1] if page <= len(labels) else ""
        return RenderedPage(out.getvalue(), page, len(pdf), printed, located)
    finally:
        pdf.close()
