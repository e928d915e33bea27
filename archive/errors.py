"""Named errors; the CLI translates them to messages once, at the edge."""


class ArchiveError(Exception):
    """Base class for errors a user can act on."""


class IngestError(ArchiveError):
    """A source file could not be read; the message names the file and the reason."""


class IndexMissingError(ArchiveError):
    """No index has been built at the given location."""


class IndexMismatchError(ArchiveError):
    """The index on disk was built with other settings or another format version."""


class CorpusError(ArchiveError):
    """The corpus directory or its manifest is unusable."""
