"""A hit's citation as one line to paste (the quote, whose paper and where, the link) and as
CSL-JSON for reference managers. The PDF's page index and the printed page number are both given,
each named ("page 5 (printed page 3)"), as `ask/cite.location_text` gives them."""

from __future__ import annotations

import re

from archive.ask.cite import citation_text
from archive.pages.links import is_pdf_document, source_link


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def citation_line(hit, quote: str = "") -> str:
    """“quote” — council, committee, date — paper, page (printed page), line. link"""
    said = _one_line(quote or hit.chunk.text)
    link = source_link(hit.document, hit.chunk.page, said)
    line = f"“{said}” — {citation_text(hit)}"
    return f"{line}. {link}" if link else line


def csl_json(hit, quote: str = "") -> dict:
    """The hit as one CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html)."""
    document, chunk, part = hit.document, hit.chunk, hit.part
    item: dict = {"id": f"{chunk.doc_id}#chunk-{chunk.chunk_id}", "type": "report",
                  "title": (document.title if document else "") or chunk.doc_id}
    if document:
        if document.council:
            item["author"] = [{"literal": document.council}]
            item["publisher"] = document.council
        if document.committee:
            item["event-title"] = document.committee
        if document.meeting_date:
            item["issued"] = {"date-parts": [[int(x) for x in document.meeting_date.split("-")]]}
        if document.doc_type:
            item["genre"] = document.doc_type
        printed = document.printed_page(chunk.page)
        link = source_link(document, chunk.page, quote or chunk.text)
        if link:
            item["URL"] = link
    else:
        printed = ""
    if part and part.part_id > 0:
        item["section"] = part.title
    item["page"] = printed or str(chunk.page)
    kind = "PDF page" if is_pdf_document(document) else "page"
    item["note"] = f"{kind} {chunk.page}" + (f", printed page {printed}" if printed else "") + (
        f", line {chunk.line}" if chunk.line else "")
    item["quote"] = _one_line(quote or chunk.text)
    return item
