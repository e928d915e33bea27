"""council-archive: a searchable archive of council meeting papers with cited answers.

    from archive import Archive, Filters
    archive = Archive.open("index")
    answer = archive.ask("What was the UASC figure in January 2024?")

The package by stage: `build/` turns a corpus into an index, `index/` is the on-disk format
(SQLite + FTS5, FAISS, the embedder), `ask/` answers from it, `web/` serves it in a browser.
`Archive` and `Filters` are imported on first use, so `import archive` (and the CLI) stays quick.
"""

from archive.records import Answer, Chunk, Document, Hit, Part

__version__ = "0.1.0"
__all__ = ["Answer", "Archive", "Chunk", "Document", "Filters", "Hit", "Part", "Weights", "__version__"]


def __getattr__(name: str):
    if name == "Archive":
        from archive.core import Archive

        return Archive
    if name == "Filters":
        from archive.ask.retrieve.filters import Filters

        return Filters
    if name == "Weights":
        from archive.ask.weights import Weights

        return Weights
    raise AttributeError(f"module 'archive' has no attribute {name!r}")
