"""council-archive: a searchable archive of council meeting papers with cited answers."""

from archive.records import Answer, Chunk, Document, Hit, Part

__version__ = "0.1.0"
__all__ = ["Answer", "Chunk", "Document", "Hit", "Part", "__version__"]
