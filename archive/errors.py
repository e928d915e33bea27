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


class FetchError(ArchiveError):
    """Fetching papers from a council's site failed; the message names the site or document and why."""


class SiteUnreachableError(FetchError):
    """The site did not answer: no connection, a timeout or server errors, after retries."""


class NotModernGovError(FetchError):
    """The site answered, but not as a ModernGov web service (404, an HTML page, XML of another shape)."""
