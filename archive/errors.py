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


class WorkersError(ArchiveError):
    """`--workers` could not be used: Ray is not installed, the cluster does not answer, or a worker failed."""


class WorkersLostError(WorkersError):
    """Every Ray worker was lost during a build; the build stopped and the previous index stays in place."""


class DatabaseError(ArchiveError):
    """The PostgreSQL backend cannot be used: a bad URL, a server that does not answer, a missing extension."""


class DatabaseUrlError(DatabaseError):
    """A database URL that is not a postgresql:// URL (or a libpq connection string)."""


class DatabaseUnreachableError(DatabaseError):
    """No server of the database (primary or replica) answered."""
