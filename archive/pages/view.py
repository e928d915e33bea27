"""A paper's page as the archive shows it: the paper and its PDF found, the page rendered with a
highlight (a quote, or a passage by its chunk id) and kept in the page cache of the generation.
The CLI (`archive page`), the API (`/papers/{doc_id}/pages/{page}.png`, `/cite/{chunk_id}`) and
the app all go through `PageViews`, so they show the same page the same way."""

from __future__ import annotations

from pathlib import Path

from archive.index import format
from archive.index.store import row_to_chunk
from archive.pages.cache import PageCache
from archive.pages.render import MAX_HIGHLIGHT, SCALE, PageNotFound, RenderedPage, pdf_file, render
from archive.records import Hit

CACHE_DIR = "page-cache"


class HighlightTooLong(ValueError):
    pass


def default_cache(index_dir: Path | str | None = None) -> PageCache:
    return PageCache(format.beside_generations(CACHE_DIR, "ARCHIVE_PAGE_CACHE", index_dir))


class PageViews:
    def __init__(self, archive, cache: PageCache | None = None) -> None:
        self.archive = archive
        self.cache = cache

    def hit(self, chunk_id: int) -> Hit:
        """The passage with this chunk id (of this generation) as a hit with its paper and part."""
        row = self.archive.index.chunk_rows([chunk_id]).get(chunk_id)
        if row is None:
            raise PageNotFound(f"no passage {chunk_id} in this index generation")
        chunk = row_to_chunk(row)
        return Hit(chunk, 0.0, document=self.archive.documents.get(chunk.doc_id),
                   part=self.archive.parts.get((chunk.doc_id, chunk.part_id)))

    def page(self, doc_id: str, page: int, highlight: str = "", chunk_id: int | None = None,
             scale: float = SCALE) -> RenderedPage:
        """PNG of a PDF paper's 1-based page; `highlight` (at most MAX_HIGHLIGHT characters) or the
        passage `chunk_id` marked. PageNotFound for an unknown paper, page or passage, or a paper
        that is not a PDF; HighlightTooLong for a longer highlight."""
        if len(highlight) > MAX_HIGHLIGHT:
            raise HighlightTooLong(f"highlight is {len(highlight)} characters, at most {MAX_HIGHLIGHT} are allowed")
        document = self.archive.documents.get(doc_id)
        if document is None:
            raise PageNotFound(f"no paper {doc_id!r} in the archive")
        if chunk_id is not None and not highlight:
            hit = self.hit(chunk_id)
            if hit.chunk.doc_id != doc_id:
                raise PageNotFound(f"passage {chunk_id} is not in {doc_id!r}")
            highlight = hit.chunk.text
        if page < 1 or (document.page_labels and page > len(document.page_labels)):  # else render checks
            raise PageNotFound(f"{doc_id} has {len(document.page_labels)} pages, not a page {page}")
        generation = self.archive.generation.name
        key = PageCache.key(doc_id, page, highlight, scale)
        if self.cache is not None:
            cached = self.cache.get(generation, key)
            if cached is not None:
                return cached
        path = pdf_file(document, (self.archive.manifest.get("corpus_dir", ""),))
        scanned = set(document.ocr_pages)
        rendered = render(path, page, highlight, scale, labels=document.page_labels,
                          ocr_words=lambda p: self.archive.index.ocr_words(doc_id, p) if p in scanned else None)
        if self.cache is not None:
            self.cache.put(generation, key, rendered)
        return rendered
