"""Links to a cited place: the API path of a PDF page's image, and the council's own page opened
at the quote (a text fragment, `#:~:text=`, for HTML and text papers; `#page=N` for a PDF, which
browsers' PDF viewers open at that page). Pure: no file is read."""

from __future__ import annotations

import re
from urllib.parse import quote as url_quote

FRAGMENT_WORDS = 5  # words at each end of a long quote: textStart,textEnd finds it whole


def is_pdf_document(document) -> bool:
    """Whether a paper's file is a PDF, by its name (the page route also checks the bytes)."""
    return bool(document) and str(document.path).lower().endswith(".pdf")


def page_path(doc_id: str, page: int, chunk_id: int | None = None) -> str:
    """The API path of a PDF page's image; with a chunk, that passage highlighted on it."""
    path = f"/papers/{url_quote(doc_id, safe='/')}/pages/{page}.png"
    return path if chunk_id is None else f"{path}?chunk={chunk_id}"


def _fragment_part(text: str) -> str:
    # '-', ',' and '&' have meanings in a text directive and must be escaped
    return url_quote(text, safe="")


def text_fragment(quote: str) -> str:
    """A text directive that scrolls a browser to `quote` and marks it. A browser matches a
    directive's start and its end each inside one block (a line, a table cell), so they are taken
    from the quote's first and last lines: "#:~:text=start,end" spans the rest."""
    segments = [" ".join(s.split()) for s in re.split(r"[\n\t]+", quote) if s.strip()]
    if not segments:
        return ""
    first, last = segments[0].split(" "), segments[-1].split(" ")
    if len(segments) == 1 and len(first) <= 2 * FRAGMENT_WORDS:
        return "#:~:text=" + _fragment_part(segments[0])
    start, end = " ".join(first[:FRAGMENT_WORDS]), " ".join(last[-FRAGMENT_WORDS:])
    return f"#:~:text={_fragment_part(start)},{_fragment_part(end)}"


def source_link(document, page: int, quote: str) -> str:
    """The council's page opened at the quote, or "" when the paper has no web address."""
    url = (document.source_url or "") if document else ""
    if not url.startswith(("http://", "https://")):
        return ""
    url = url.split("#", 1)[0]
    if is_pdf_document(document):
        return f"{url}#page={page}"
    return url + text_fragment(quote)


def hit_links(hit) -> dict:
    """What `hit_json` adds: the API path of the page's image with the passage highlighted (PDF
    papers; null for HTML and text, which have no page image) and the source link at the quote."""
    document, chunk = hit.document, hit.chunk
    return {
        "page_path": page_path(chunk.doc_id, chunk.page, chunk.chunk_id) if is_pdf_document(document) else None,
        "link": source_link(document, chunk.page, chunk.text),
    }
