"""Deterministic randomness: every invented figure and paper is a pure function of a key.

`unit` turns a key into a fixed number in [0, 1), so a figure quoted in several papers agrees without
shared state; `series` makes a measure's monthly values from it; `Writer` is one paper's own random
stream, seeded from a string that names the paper."""

from __future__ import annotations

import functools
import math
import random
import zlib
from collections.abc import Sequence
from dataclasses import dataclass


def unit(*key) -> float:
    """A fixed number in [0, 1) for a key: values repeated across papers agree without shared state."""
    return zlib.crc32(repr(key).encode()) / 2**32


@dataclass(frozen=True)
class Wave:
    """The shape of a monthly series, in fractions of a measure's range: a level set by the key, a drift over
    `horizon` months, a wave of `period`, and noise."""

    base: float
    level: float
    drift: float
    horizon: int
    swing: float
    period: int
    phase: int
    noise: float


def series(key: tuple, start: int, year: int, month: int, low: float, high: float, wave: Wave) -> int:
    """A measure's value for a month (months counted from January of `start`), inside [low, high]: the same
    wherever a paper quotes it."""
    level, slope = unit(*key, "level"), unit(*key, "slope") - 0.5
    t = (year - start) * 12 + month - 1
    smooth = (wave.base + wave.level * level + wave.drift * slope * t / wave.horizon
              + wave.swing * math.sin(t / wave.period + level * wave.phase))
    noise = wave.noise * (unit(*key, year, month) - 0.5)
    return round(low + (high - low) * min(1.0, max(0.0, smooth + noise)))


@functools.lru_cache(maxsize=8)
def _zipf_weights(size: int) -> list[float]:
    total, out = 0.0, []
    for rank in range(1, size + 1):
        total += 1 / rank
        out.append(total)
    return out


def zipf(rng: random.Random, words: Sequence[str]) -> str:
    """A word drawn with Zipf-like weights: the first words are the most common."""
    return rng.choices(words, cum_weights=_zipf_weights(len(words)))[0]


def lower_first(text: str) -> str:
    """A sentence to follow "replied that": its first letter lowered, unless it opens with an acronym."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[0].lower() + text[1:]


def capital(text: str) -> str:
    """The text with its first letter upper-cased (the rest untouched, unlike str.capitalize)."""
    return f"{text[0].upper()}{text[1:]}"


class Writer:
    """One paper's random stream, seeded from a string that names the paper."""

    def __init__(self, seed: int, stream: str) -> None:
        self.seed = seed
        self.rng = random.Random(stream)

    def pick(self, options):
        return self.rng.choice(options)
