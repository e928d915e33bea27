"""How a passage is cited to a person and serialised for scripts."""

from __future__ import annotations

from archive.dates import human_date
from archive.pages.links import hit_links
from archive.records import Answer, Hit


def _same_title(a: str, b: str) -> bool:
    """Whether one title repeats the other ("Item 5" in "Item 5: Budget monitoring")."""
    a, b = " ".join(a.lower().split()).strip(" .:"), " ".join(b.lower().split()).strip(" .:")
    return bool(a and b) and (a in b or b in a)


def source_text(hit: Hit) -> str:
    """Whose paper, which meeting, which paper and part: "Herefordshire Council, Children and Young
    People Scrutiny Committee, 12 March 2024 — Agenda pack, Minutes (10 January 2024)". One format
    for the CLI, JSON (`cited_as`) and the app; "undated" when the paper gives no meeting date."""
    document, part = hit.document, hit.part
    if document is None:
        return hit.chunk.doc_id
    said = [x for x in (document.council, document.committee, human_date(document.meeting_date) or "undated") if x]
    head, heard = ", ".join(said), {x.lower() for x in said}
    # the title's own mentions of the council, committee or date are said once, in the head
    paper = ", ".join(x for x in document.title.split(", ") if x.strip().lower() not in heard)
    paper = paper or document.title or document.doc_id
    if part and part.part_id > 0 and not _same_title(part.title, paper):
        when = human_date(part.part_date) if part.part_date and part.part_date != document.meeting_date else ""
        paper += f", {part.title}" + (f" ({when})" if when else "")
    return f"{head} — {paper}"


OCR_NOTE = "(OCR text)"  # the passage was read from a scan by OCR: words may be misread


def is_ocr(hit: Hit) -> bool:
    """Whether the hit's page was read by OCR (a scan with no text layer)."""
    return bool(hit.document and hit.document.is_ocr(hit.chunk.page))


def location_text(hit: Hit) -> str:
    chunk = hit.chunk
    printed = hit.document.printed_page(chunk.page) if hit.document else ""
    page = f"page {chunk.page}" + (f" (printed page {printed})" if printed and printed != str(chunk.page) else "")
    where = f"{page}, line {chunk.line}" if chunk.line else page
    return f"{where} {OCR_NOTE}" if is_ocr(hit) else where


def citation_text(hit: Hit) -> str:
    return f"{source_text(hit)}, {location_text(hit)}"


def hit_json(hit: Hit) -> dict:
    document, part, chunk = hit.document, hit.part, hit.chunk
    return {
        "doc_id": chunk.doc_id,
        "title": document.title if document else "",
        "council": document.council if document else "",
        "committee": document.committee if document else "",
        "meeting_date": document.meeting_date if document else "",
        "doc_type": document.doc_type if document else "",
        "source": (document.source_url or document.path) if document else "",
        "part": part.title if part else "",
        "part_date": part.part_date if part else "",
        "page": chunk.page,
        "printed_page": document.printed_page(chunk.page) if document else "",
        "line": chunk.line,
        "heading": chunk.heading,
        "chunk_id": chunk.chunk_id,
        "score": round(hit.score, 6),
        "lexical_rank": hit.lexical_rank,
        "dense_rank": hit.dense_rank,
        "text": chunk.text,
        "ocr": is_ocr(hit),  # true when the text was read from a scan by OCR
        "cited_as": citation_text(hit),
        **hit_links(hit),  # page_path: the page image's API path (PDF only); link: the source at the quote
    }


def answer_json(answer: Answer) -> dict:
    return {
        "question": answer.question,
        "answer": answer.text,
        "quote": answer.quote,
        "note": answer.note,
        "as_of": answer.as_of,
        "likely": answer.likely,
        "citations": [hit_json(h) for h in answer.citations],
    }
