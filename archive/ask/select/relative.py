"""Features of a candidate against the others found for the same question: how far behind the
best on similarity and coverage, how far behind the best of its own kind, how much older than the
newest, how many passages give the same answer. Relative to the question, they carry across councils."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archive.ask.select.candidates import Candidate


def answer_key(span: str) -> str:
    """What two candidates must share to give the same answer ("38", "38 ")."""
    return " ".join(span.lower().split())


def add_support(found: list[Candidate]) -> None:
    """How many of the top passages give the same answer of the same kind."""
    passages: dict[tuple[str, str], set[int]] = {}
    for c in found:
        passages.setdefault((answer_key(c.span), c.kind), set()).add(c.rank)
    for c in found:
        c.features["answer_support"] = float(len(passages[(answer_key(c.span), c.kind)]))


KIND_RELATIVE = ("similarity", "coverage", "own", "figure_clause", "figure_near", "before_overlap",
                 "after_overlap", "label_overlap", "column_score", "date_value")


def add_kind_gaps(found: list[Candidate]) -> None:
    """Each candidate against the others of its kind: how far behind the best figure (or name, or
    date) on similarity, coverage, closeness to the question's words and date fit, and its place
    among them. The choice is mostly between spans of the type asked for."""
    by_kind: dict[str, list[Candidate]] = {}
    for c in found:
        by_kind.setdefault(c.kind, []).append(c)
    for group in by_kind.values():
        for name in KIND_RELATIVE:
            values = [c.features.get(name, 0.0) for c in group]
            order = sorted(values, reverse=True)
            for c, value in zip(group, values, strict=True):
                c.features[f"kind_gap_{name}"] = order[0] - value
                c.features[f"kind_rank_{name}"] = float(order.index(value))


def add_gaps(found: list[Candidate]) -> None:
    """How far each candidate falls behind the question's best on similarity and coverage, and its
    passage behind the best passage: relative to the question, these carry across councils."""
    if not found:
        return
    best = {name: max(c.features[name] for c in found) for name in ("similarity", "coverage", "own")}
    by_passage: dict[int, float] = {}
    for c in found:
        by_passage[c.rank] = max(by_passage.get(c.rank, 0.0), c.features["similarity"])
    for c in found:
        for name, top in best.items():
            c.features[f"{name}_gap"] = top - c.features[name]
        c.features["passage_similarity_gap"] = best["similarity"] - by_passage[c.rank]


def months(key: tuple[int, int]) -> float:
    return float(key[0] * 12 + key[1])


def add_ages(found: list[Candidate]) -> None:
    """How much older than the newest candidate each one is (months, by the date its sentence gives
    and by its meeting): with no date asked, people want the latest figure."""
    dated = [c.features["_as_of"] for c in found if c.features["_as_of"] > 0]
    meetings = [c.features["_meeting"] for c in found if c.features["_meeting"] > 0]
    newest, newest_meeting = max(dated, default=0.0), max(meetings, default=0.0)
    for c in found:
        as_of, meeting = c.features.pop("_as_of"), c.features.pop("_meeting")
        c.features["age_months"] = min(240.0, newest - as_of) if as_of > 0 else 240.0
        c.features["meeting_age_months"] = min(240.0, newest_meeting - meeting) if meeting > 0 else 240.0
