"""Figures as prose states them: "In March 2019 there were 412 looked-after children in Ashford".

Each sentence quotes a measure's value for a month from the writer's series, so the same figure is
stated alike wherever it appears; questions about figures are answered by these sentences."""

from __future__ import annotations

from .committees import Measure
from .council import FIRST_YEAR, CouncilWriter
from .county import CountyWriter
from .dates import MONTHS, month_label
from .writer import lower_first


def council_figure(w: CouncilWriter, measure: Measure, year: int, month: int) -> str:
    """A figure in an invented council's paper, sometimes with the year before's for comparison."""
    value, label = w.value(measure, year, month), month_label(year, month)
    before = w.value(measure, year - 1, month) if year > FIRST_YEAR else value
    return w.rng.choice((
        f"In {label} there were {value} {measure.phrase} in {w.area}, compared with {before} a year earlier.",
        f"At the end of {label}, {w.area} had {value} {measure.phrase}.",
        f"The number of {measure.phrase} in {w.area} stood at {value} in {label}.",
        f"{w.area} recorded {value} {measure.phrase} in {label}, against {before} in {MONTHS[month - 1]} {year - 1}.",
    ))


def county_figure(w: CountyWriter, key: str, year: int, month: int, dated: bool = True) -> str:
    """A figure in a county's paper: for a named month, or undated ("currently", "in the last quarter") when
    `dated` is false."""
    m, amount, phrase = w.measure(key), w.shown(key, w.value(key, year, month)), w.phrase(key)
    if not dated:
        return w.pick(_undated(m, amount, phrase))
    when = month_label(year, month)
    before = w.shown(key, w.value(key, year - 1, month)) if year - 1 in w.county.years else None
    if m.flow:
        options = (f"In the three months to {when}, {amount} {phrase}.",
                   f"During the quarter ending {when}, {amount} {phrase}.")
    elif m.unit:
        options = (f"The {phrase} was {amount} in {when}.", f"In {when} the {phrase} stood at {amount}.",
                   f"For {when} the {phrase} was recorded as {amount}.")
    else:
        options = (f"In {when} there were {amount} {phrase}.",
                   f"At the end of {when} the figure for {phrase} stood at {amount}.",
                   f"The number of {phrase} was {amount} in {when}.",
                   f"By {when}, {phrase} numbered {amount}.")
    sentence = w.pick(options)
    if before is not None and w.rng.random() < 0.5:
        sentence = sentence[:-1] + f", compared with {before} in {month_label(year - 1, month)}."
    return sentence


def _undated(m: Measure, amount: str, phrase: str) -> tuple[str, ...]:
    if m.flow:
        return (f"In the last quarter {amount} {phrase}.", f"Over the last three months {amount} {phrase}.")
    if m.unit:
        return (f"The {phrase} currently stands at {amount}.", f"The latest {phrase} is {amount}.",
                f"At the time of writing the {phrase} is {amount}.")
    return (f"There are currently {amount} {phrase}.", f"At the time of writing the service reports {amount} "
            f"{phrase}.", f"The latest figure for {phrase} is {amount}.")


def discussion_point(w: CountyWriter) -> str:
    """A point from a county committee's debate, mostly with a figure in it."""
    y, m = w.recent(w.rng.randint(1, 3))
    key = w.pick(w.measures)
    speaker = w.pick(("A member", "The committee", "A co-opted member", "Councillor " + w.councillor()))
    asked = w.pick(("asked about", "sought assurance on", "raised concerns about", "questioned the trend in"))
    answer = county_figure(w, key, y, m, dated=w.rng.random() < 0.7)
    who = w.officer(w.pick(("director", "safeguarding", "looked_after", "performance")))
    return f"{speaker} {asked} {w.measure(key).topic}. {who} replied that {lower_first(answer)}"
