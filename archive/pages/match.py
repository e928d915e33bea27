"""Finding a quote in a page's characters, whatever the two texts disagree on.

The index's text comes from pypdf (or Tesseract), the boxes from PDFium's text page (or Tesseract's
words): spaces, line breaks, hyphens at line ends, ligatures, quotes and dashes differ between
them. Both sides are compared as their letters and digits only, case-folded (NFKC, so "ﬁ" is
"fi"), each kept letter remembering which character of the page it came from. An exact match is
tried first; failing that, the longest common blocks of an alignment (difflib), kept when they
cover enough of the quote, are taken as the quote.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

MIN_COVER = 0.6  # an approximate match must account for this share of the quote's letters
MIN_BLOCK = 4  # shorter common blocks are chance agreement, not the quote


def folded(text: str) -> tuple[str, list[int]]:
    """The letters and digits of `text`, case-folded, and for each the index of the character it
    came from."""
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char.isascii():
            if char.isalnum():
                out.append(char.lower())
                where.append(index)
            continue
        for part in unicodedata.normalize("NFKC", char).casefold():
            if part.isalnum():
                out.append(part)
                where.append(index)
    return "".join(out), where


@dataclass(frozen=True)
class Match:
    """Which characters of the searched text hold the quote, and how sure the match is."""

    indexes: tuple[int, ...]  # characters of the searched text, ascending
    cover: float  # share of the quote's letters matched (1.0: exact)

    @property
    def exact(self) -> bool:
        return self.cover >= 1.0


def find(text: str, quote: str, prefer: tuple[int, int] | None = None) -> Match | None:
    """Where `quote` is in `text`, or None. `prefer` (start, end) of `text`: among exact matches,
    the one overlapping it most (the page asked for, when `text` holds its neighbours too)."""
    hay, where = folded(text)
    needle, _ = folded(quote)
    if not needle or not hay:
        return None
    starts, at = [], hay.find(needle)
    while at >= 0:
        starts.append(at)
        at = hay.find(needle, at + 1)
    if starts:
        def overlap(start: int) -> int:
            if prefer is None:
                return 0
            first, last = where[start], where[start + len(needle) - 1]
            return min(last, prefer[1]) - max(first, prefer[0])

        best = max(starts, key=lambda s: (overlap(s), -s))
        return Match(tuple(sorted(set(where[best:best + len(needle)]))), 1.0)
    return _approximate(hay, where, needle)


def _approximate(hay: str, where: list[int], needle: str) -> Match | None:
    blocks = [b for b in SequenceMatcher(None, hay, needle, autojunk=False).get_matching_blocks()
              if b.size >= MIN_BLOCK]
    if not blocks:
        return None
    # keep the densest run of blocks: those whose place in the page fits their place in the quote
    anchor = max(blocks, key=lambda b: b.size)
    offset = anchor.a - anchor.b
    slack = max(40, len(needle) // 3)
    kept = [b for b in blocks if abs((b.a - b.b) - offset) <= slack]
    matched = sum(b.size for b in kept)
    if matched / len(needle) < MIN_COVER:
        return None
    indexes = sorted({where[i] for b in kept for i in range(b.a, b.a + b.size)})
    return Match(tuple(indexes), matched / len(needle))
