"""The archive the API serves: opened and warmed once at start, and opened again when `archive index`
publishes a new generation (checked at most every `check_every` seconds), so a running server and
its feeds see newly indexed papers. Requests in flight keep the archive they started with."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from archive.errors import ArchiveError
from archive.index import format

log = logging.getLogger("archive.api")


def warm(archive) -> None:
    """Load what the archive loads lazily (the selector, term statistics, tokenizers) before any
    request, so that concurrent first requests do not each load it."""
    archive.selector  # noqa: B018 - properties that load on first use
    archive.corpus_stats  # noqa: B018
    archive.ask("warm up", k=1)


class LiveArchive:
    def __init__(self, archive, index_dir: Path | str, check_every: float = 30.0) -> None:
        self.archive = archive
        self.index_dir = Path(index_dir)
        self.check_every = check_every  # negative: never look for a new generation
        self._checked = time.monotonic()
        self._on_disk = archive.generation.name
        self._lock = threading.Lock()

    def on_disk(self) -> str:
        """The live generation's name as the index's pointer gives it (read at most every check_every s):
        the index directory's CURRENT, or the database's pointer."""
        # at most every check_every s, or now when the open generation's directory is gone (a build has
        # removed it: two builds since this process last looked)
        due = time.monotonic() - self._checked >= self.check_every
        gone = not self.archive.location.is_database and not self.archive.generation.exists()
        if self.check_every >= 0 and (due or gone):
            self._checked = time.monotonic()
            if self.archive.location.is_database:
                try:
                    self._on_disk = self.archive.live_generation() or self._on_disk
                except ArchiveError as exc:  # every server down: keep answering from what is open
                    log.warning("could not read the database's live generation: %s", exc)
            else:
                generation = format.current_generation(self.index_dir)
                self._on_disk = generation.name if generation is not None else self._on_disk
        return self._on_disk

    def is_current(self) -> bool:
        """Whether the open archive is the live generation (cheap: answers may come from the cache)."""
        return self.on_disk() == self.archive.generation.name

    def current(self):
        """The archive of the live generation (blocking while a new generation opens: call it off the event loop)."""
        if self.is_current():
            return self.archive
        with self._lock:
            if not self.is_current():
                self._reopen()
        return self.archive

    def _reopen(self) -> None:
        from archive.core import Archive

        old = self.archive
        try:
            fresh = Archive.open(self.index_dir, embedder=old.embedder, weights=old.weights, selector=old.selector,
                                 database_url=old.location.database_url, replicas=old.location.replicas)
            warm(fresh)
        except (ArchiveError, OSError) as exc:
            log.warning("keeping generation %s: the new one did not open: %s", old.generation.name, exc)
            self._on_disk = old.generation.name  # tried again at the next check
            return
        self.archive = fresh
        log.info("now serving generation %s", fresh.generation.name)
