"""How well a passage's dates fit the date a question asks about."""

from __future__ import annotations

from archive.ask.understand.query import Query
from archive.ask.weights import DateFit
from archive.dates import Period, period_of_iso


def granularity_fit(period: Period, asked: Period, weights: DateFit | None = None) -> float:
    """`same` for the same period, `same_length` for one of the same length that overlaps (2022 for
    2022/23), `finer` for one inside it (December 2022 for 2022/23), `ends_in` for one that ends in the asked
    month (Q4 2022/23 for March 2023), `coarser` for one around it (2023/24 for January 2024), 0 for
    no overlap."""
    weights = weights or DateFit()
    if not period.overlaps(asked):
        return 0.0
    if (period.first, period.last) == (asked.first, asked.last):
        return weights.same
    if period.months == asked.months:
        return weights.same_length
    if period.months < asked.months:
        return weights.finer
    # a quarter's figure is as at its end: "Q4 2022/23" answers for "the end of March 2023"
    return weights.ends_in if asked.months == 1 and period.last == asked.last else weights.coarser


def date_fit(query: Query, periods: list[Period] | tuple[Period, ...], context_iso: str,
             weights: DateFit | None = None) -> tuple[float, bool]:
    """How well a passage's dates fit the asked date, and whether it may answer for it.

    The value: the best fit of its own dates, or a share of the fit of its meeting date. It may
    answer when one of its own dates is the asked period or inside it, or when its meeting date
    fits: a passage that only gives a coarser period ("during 23/24" for "January 2024") does not
    say what the figure was at the asked time. With no date asked: (0, True).
    """
    weights = weights or DateFit()
    if not (query.periods or query.after or query.before):
        return 0.0, True
    context = period_of_iso(context_iso)

    def fit(period: Period) -> float:
        if query.after and period.last < query.after.first:
            return 0.0
        if query.before and period.first > query.before.last:
            return 0.0
        if not query.periods:
            return 1.0
        return max((granularity_fit(period, asked, weights) for asked in query.periods), default=0.0)

    from_text = max((fit(p) for p in periods), default=0.0)
    from_meeting = fit(context) if context else 0.0
    return max(from_text, from_meeting * weights.meeting), from_text >= weights.finer or from_meeting > 0
