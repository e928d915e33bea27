"""Under a citation: "Show page" (the PDF page as published with the quote highlighted, both pages
when the passage runs onto the next), the source opened at the quote, and the citation on one line
with Streamlit's one-click copy button."""

from __future__ import annotations

import streamlit as st

from archive.pages.cite import citation_line
from archive.pages.links import is_pdf_document, source_link
from archive.pages.render import MAX_HIGHLIGHT, PageNotFound
from archive.pages.view import PageViews, default_cache
from archive.web.params import param


@st.cache_resource
def page_views(_archive, index_dir: str) -> PageViews:
    return PageViews(_archive, default_cache(index_dir))


def shown_page() -> tuple[str, int] | None:
    """The page the URL asks to show: ?paper=DOC_ID&page=N."""
    paper, page = param("paper"), param("page")
    return (paper, int(page)) if paper and page.isdigit() else None


def _caption(document, page: int, count: int, printed: str, note: str) -> str:
    said = f"PDF page {page} of {count}"
    if printed and printed != str(page):
        said += f" · printed page {printed}"
    return f"{document.title} — {said}{note}"


def page_images(views: PageViews, hit, quote: str) -> None:
    """The cited page (and the next when the quote runs onto it) with the quote highlighted."""
    chunk = hit.chunk
    highlight, chunk_id = (quote, None) if quote and len(quote) <= MAX_HIGHLIGHT else ("", chunk.chunk_id)
    try:
        first = views.page(chunk.doc_id, chunk.page, highlight, chunk_id)
        shown = [first]
        located = first.located
        for other in (located.pages if located else ()):
            if other != chunk.page:
                shown.append(views.page(chunk.doc_id, other, highlight, chunk_id))
    except PageNotFound as exc:
        st.info(str(exc))
        return
    if located is not None and not located.found:
        note = " · the quote could not be found on this page"
    elif located is not None and located.cover < 1.0:
        note = f" · highlight matched {located.cover:.0%} of the quote"
    else:
        note = ""
    for rendered in sorted(shown, key=lambda r: r.page):
        st.image(rendered.png, caption=_caption(hit.document, rendered.page, rendered.page_count, rendered.printed,
                                                note if rendered.page == chunk.page else ""),
                 width="stretch")


def citation_tools(archive, hit, quote: str, key: str) -> None:
    """Show page (PDF papers), the source at the quote, and the citation to copy in one click."""
    document = hit.document
    chunk = hit.chunk
    said = quote or chunk.text
    link = source_link(document, chunk.page, said)
    if is_pdf_document(document):
        asked = shown_page()
        wanted = st.toggle("Show page", key=f"show-{key}", value=asked == (chunk.doc_id, chunk.page))
        if wanted:
            st.session_state["shown_page"] = (chunk.doc_id, chunk.page)
            page_images(page_views(archive, str(archive.location.index_dir)), hit, quote)
        elif st.session_state.get("shown_page") == (chunk.doc_id, chunk.page):
            st.session_state.pop("shown_page")
    if link:
        st.link_button("Open the source at the quote" if not is_pdf_document(document) else
                       "Open the source PDF at this page", link)
    st.caption("Copy citation (the button at the right of the line copies it):")
    st.code(citation_line(hit, said), language=None, wrap_lines=True)
