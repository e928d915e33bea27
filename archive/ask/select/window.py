"""Where a candidate span sits among the question's words: the words just before it and just after
it, the label on its line ("Lead officer: Mark Trelawney"), the role word nearest to it ("moved"
after a name, "seconded by" before another), and whether the span only repeats the question.

These are features of the answer selector (ask/select/candidates.py): within one sentence or row they tell
apart "28% ... coming down from 38% last year" and "the national average being about 20%".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from archive.ask.select.spans import STOPWORD_STEMS, token_positions

REACH = 6  # words looked at on each side of a span
LABEL_REACH = 8  # words of the span's own line before it (a label such as "Report author:")
_TITLE_BEFORE = re.compile(r"(?:\b(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Prof)\.?\s*)$")
_TITLE_IN = re.compile(r"^(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Prof)\b\.?\s+[A-Z]")
_LINE_BREAK = re.compile(r"[\n\t]")


def _weighted(found: list[str], asked: set[str], idf: Callable[[str], float], most: float) -> float:
    return sum(idf(t) for t in set(found) & asked) / most


def _nearest(found: list[str], asked: set[str]) -> float:
    """Words from the span to the nearest asked word (found is ordered outward), REACH + 1 if none."""
    return float(next((i for i, t in enumerate(found) if t in asked), REACH + 1))


def window_features(sentence: str, start: int, end: int, asked: set[str], idf: Callable[[str], float],
                    tokens: list[tuple[int, str]] | None = None) -> dict[str, float]:
    """The question's words (stems, `asked`) around sentence[start:end], IDF-weighted as a share of
    all of them; `tokens`: the sentence's (offset, stem) pairs when already computed."""
    tokens = tokens if tokens is not None else token_positions(sentence)
    most = sum(idf(t) for t in asked) or 1.0
    before = [t for p, t in reversed(tokens) if p < start][:REACH]
    after = [t for p, t in tokens if p >= end][:REACH]
    line_start = max((m.end() for m in _LINE_BREAK.finditer(sentence, 0, start)), default=0)
    label = [t for p, t in tokens if line_start <= p < start][-LABEL_REACH:]
    inside = {t for p, t in tokens if start <= p < end and t not in STOPWORD_STEMS and not t[0].isdigit()}
    return {
        "before_overlap": _weighted(before, asked, idf, most),
        "after_overlap": _weighted(after, asked, idf, most),
        "label_overlap": _weighted(label, asked, idf, most),
        "before_nearest": _nearest(before, asked),
        "after_nearest": _nearest(after, asked),
        "span_asked_share": len(inside & asked) / len(inside) if inside else 0.0,
        "title_before": float(bool(_TITLE_BEFORE.search(sentence[max(0, start - 14) : start])
                                   or _TITLE_IN.match(sentence[start:end]))),
    }


def role_direction(sentence: str, start: int, end: int, asked_role: str,
                   markers: dict[str, re.Pattern], reach: int = 60) -> dict[str, float]:
    """Which role word is nearest the span ("Councillor Lowry moved ..., seconded by Councillor
    Faulds": "moved" for Lowry, "seconded" for Faulds), and whether it is the one asked about."""
    if not asked_role:
        return {"role_nearest_asked": 0.0, "role_asked_after": 0.0, "role_asked_before": 0.0,
                "role_other_nearer": 0.0}
    nearest: dict[str, int] = {}
    for role, marker in markers.items():
        for match in marker.finditer(sentence, max(0, start - reach), min(len(sentence), end + reach)):
            distance = start - match.end() if match.end() <= start else max(0, match.start() - end)
            nearest[role] = min(nearest.get(role, reach + 1), distance)
    asked_distance = nearest.get(asked_role, reach + 1)
    other = min((d for r, d in nearest.items() if r != asked_role), default=reach + 1)
    after = markers[asked_role].search(sentence, end, min(len(sentence), end + reach // 2))
    before = markers[asked_role].search(sentence, max(0, start - reach // 2), start)
    return {"role_nearest_asked": float(asked_distance <= reach and asked_distance <= other),
            "role_asked_after": float(bool(after)), "role_asked_before": float(bool(before)),
            "role_other_nearer": float(other < asked_distance)}
