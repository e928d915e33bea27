"""Answers the API has already given, kept by index generation and exact parameters (a bounded LRU
of response bytes): readers of a hosted instance ask the same popular questions, and an answer
costs tens of milliseconds of Python. Used from the event loop only, so it needs no lock; a new
generation makes every older entry unreachable (they age out)."""

from __future__ import annotations

from collections import OrderedDict


class ResponseCache:
    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple, bytes] = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key: tuple) -> bytes | None:
        if self.size <= 0:
            return None
        found = self._items.get(key)
        if found is None:
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return found

    def put(self, key: tuple, body: bytes) -> None:
        if self.size <= 0:
            return
        self._items[key] = body
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
