"""Text made safe for the browser: every character of a paper shows as itself.

Papers can contain `<script>`, HTML fragments or markdown. Streamlit renders markdown, so besides
HTML-escaping we turn markdown's special characters into numeric entities: they display as the
same characters but can never start a tag, a link or emphasis.
"""

from __future__ import annotations

import html
import re

from archive.ask.cite import OCR_NOTE, is_ocr, location_text
from archive.records import Hit
from archive.tables import display_rows
from archive.text import stem

_MARKDOWN_CHARS = "\\`*_{}[]()#+-!|~=$:"
_ENTITY = {ord(c): f"&#{ord(c)};" for c in _MARKDOWN_CHARS}
_WORD = re.compile(r"[A-Za-z0-9£%][\w'’%,.]*[\w%]|[A-Za-z0-9]")


def safe(text: str) -> str:
    escaped = html.escape(text, quote=True)
    # html.escape produced entities like &lt; whose '&', '#' and ';' must survive untouched
    parts = re.split(r"(&[a-z]+;|&#x?[0-9a-f]+;)", escaped, flags=re.IGNORECASE)
    return "".join(p if p.startswith("&") and p.endswith(";") else p.translate(_ENTITY) for p in parts)


def highlight(text: str, stems: set[str], exact: str | None = None, multiline: bool = True) -> str:
    """Safe HTML of text with words whose stem is in `stems` and the `exact` span marked."""
    spans: list[tuple[int, int, str]] = []
    if exact:
        position = text.find(exact)
        if position >= 0:
            spans.append((position, position + len(exact), "answer"))
    for match in _WORD.finditer(text):
        if stem(match.group(0).lower().rstrip(".,")) in stems and not any(
            a <= match.start() < b for a, b, _ in spans
        ):
            spans.append((match.start(), match.end(), "term"))
    spans.sort()
    out, cursor = [], 0
    for start, end, kind in spans:
        if start < cursor:
            continue
        out.append(safe(text[cursor:start]))
        out.append(f'<mark class="{kind}">{safe(text[start:end])}</mark>')
        cursor = end
    out.append(safe(text[cursor:]))
    result = "".join(out)
    return result.replace("\n", "<br>") if multiline else result


def table_html(text: str, stems: set[str], exact: str | None = None) -> str:
    """Tab-separated rows as a small HTML table: header lines first, the last line the row."""
    rows = display_rows(text) or [[text]]
    out = ['<table class="quote-table">']
    for index, row in enumerate(rows):
        tag = "th" if index < len(rows) - 1 else "td"
        cells = "".join(
            f"<{tag}>{highlight(cell, stems, exact=exact if cell == exact else None)}</{tag}>" for cell in row)
        out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "".join(out)


OCR_BADGE = ('<span class="ocr" title="Read from a scanned page by OCR: words may be misread" '
             'style="font-size:0.85em;color:#8a5a00">(OCR text)</span>')


def location_html(hit: Hit) -> str:
    """Safe HTML of where a passage is ("page 3, line 12"), with a marked note when its page was
    read by OCR. (location_text already ends in "(OCR text)" for such pages, so plain uses of it
    show the mark too.)"""
    text = location_text(hit)
    if not is_ocr(hit):
        return safe(text)
    return safe(text.removesuffix(f" {OCR_NOTE}")) + " " + OCR_BADGE
