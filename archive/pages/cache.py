"""Rendered pages kept on disk, per index generation, least recently used out past a size cap.

`<root>/<generation>/<key>.page` holds one rendering: a JSON header line (where the highlight was
found) and the PNG. A hit touches the file's modification time, which is the recency eviction
reads; directories of other generations are removed when a new one is first written to. The root
is `page-cache/` beside the generations (ARCHIVE_PAGE_CACHE places it elsewhere), capped at
ARCHIVE_PAGE_CACHE_MB megabytes (200 by default).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
from pathlib import Path

from archive.pages.render import Located, RenderedPage

DEFAULT_MB = 200
SUFFIX = ".page"


def default_limit() -> int:
    return int(float(os.environ.get("ARCHIVE_PAGE_CACHE_MB", DEFAULT_MB)) * 1_000_000)


def _encode(page: RenderedPage) -> bytes:
    located = page.located
    head = {"page": page.page, "page_count": page.page_count, "printed": page.printed,
            "boxes": None if located is None else {str(k): v for k, v in located.boxes.items()},
            "cover": None if located is None else located.cover}
    return json.dumps(head).encode() + b"\n" + page.png


def _decode(data: bytes) -> RenderedPage:
    head, png = data.split(b"\n", 1)
    meta = json.loads(head)
    located = None
    if meta["boxes"] is not None:
        located = Located({int(k): tuple(tuple(b) for b in v) for k, v in meta["boxes"].items()}, meta["cover"])
    return RenderedPage(png, meta["page"], meta["page_count"], meta["printed"], located)


class PageCache:
    def __init__(self, root: Path | str, limit: int | None = None) -> None:
        self.root = Path(root)
        self.limit = default_limit() if limit is None else limit
        self._lock = threading.Lock()
        self._generation = ""
        self._size = 0
        self._clock = 0

    @staticmethod
    def key(*parts) -> str:
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:32]

    def _directory(self, generation: str) -> Path:
        """This generation's directory; on the first use of a new generation the others go."""
        directory = self.root / generation
        if generation != self._generation:
            with self._lock:
                if generation != self._generation:
                    if self.root.is_dir():
                        for other in self.root.iterdir():
                            if other.is_dir() and other.name != generation:
                                shutil.rmtree(other, ignore_errors=True)
                    directory.mkdir(parents=True, exist_ok=True)
                    self._size = sum(f.stat().st_size for f in directory.glob(f"*{SUFFIX}"))
                    self._generation = generation
        return directory

    def get(self, generation: str, key: str) -> RenderedPage | None:
        path = self._directory(generation) / f"{key}{SUFFIX}"
        try:
            data = path.read_bytes()
            self._touch(path)
        except OSError:
            return None
        return _decode(data)

    def _touch(self, path: Path) -> None:
        """Mark a file most recently used: a modification time later than any given before (the
        clock's own steps can be coarser than two requests)."""
        with self._lock:
            self._clock = max(time.time_ns(), self._clock + 1)
            os.utime(path, ns=(self._clock, self._clock))

    def put(self, generation: str, key: str, page: RenderedPage) -> None:
        if self.limit <= 0:
            return
        directory = self._directory(generation)
        data = _encode(page)
        if len(data) > self.limit:
            return
        path = directory / f"{key}{SUFFIX}"
        temporary = directory / f".{key}.{os.getpid()}.{threading.get_ident()}"
        try:
            temporary.write_bytes(data)
            os.replace(temporary, path)
            self._touch(path)
        except OSError:  # a full or read-only disk costs the cache, never the page
            temporary.unlink(missing_ok=True)
            return
        with self._lock:
            self._size += len(data)
            if self._size > self.limit:
                self._evict(directory)

    def _evict(self, directory: Path) -> None:
        """Least recently used out until the cache is at 90% of its cap."""
        files = []
        for path in directory.glob(f"*{SUFFIX}"):
            try:
                stat = path.stat()
            except OSError:
                continue
            files.append((stat.st_mtime_ns, stat.st_size, path))
        files.sort()
        size = sum(f[1] for f in files)
        for _, length, path in files:
            if size <= 0.9 * self.limit:
                break
            path.unlink(missing_ok=True)
            size -= length
        self._size = size

    def size(self) -> int:
        return self._size
