"""Every tuning number of retrieval, answers and figures, named, with its default and why.

The defaults are what `archive eval` reports on. Fitting code (benchmarks/fit_rerank.py) builds
new instances with `dataclasses.replace` and opens the archive with them; nothing patches module
globals. Which of these were fitted, and on what, is in docs/DESIGN.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RerankWeights:
    """Features added to the fused reciprocal-rank score (a top hit in one list scores 1/61 ≈ 0.016).
    `date`, `coverage` and `kind` were fitted by grid search on tests/data/questions_extra.jsonl."""

    candidates: int = 60  # taken from each retriever
    date: float = 0.01  # x how well the passage's dates fit the asked date (0..1)
    coverage: float = 0.01  # x IDF-weighted share of the question's subject terms the passage holds
    kind: float = 0.005  # the passage holds the kind of thing asked for (a time, a date, a figure)
    # x the same coverage by the chunk's own text, of the terms its paper's title and part do not hold:
    # which chunk of the right paper holds the answer. 0.01 (chosen leaving each held-out set out in
    # turn) puts it first more often (R@1 +0.02 to +0.06 on every set) but the shipped selector, trained
    # on the old order, then answers councils D worse (0.634 -> 0.602): off until the selector is retrained.
    local: float = 0.0


@dataclass(frozen=True)
class DateFit:
    """How well a period fits the asked one (see ask/retrieve/datefit.py)."""

    same: float = 1.0
    same_length: float = 0.5  # 2022 for 2022/23: same length, overlapping
    finer: float = 0.4  # December 2022 for 2022/23: inside it (and the least that lets a passage answer)
    coarser: float = 0.3  # 2023/24 for January 2024: around it
    ends_in: float = 0.4  # Q4 2022/23 for March 2023: a period ending in the asked month (as finer: may answer)
    meeting: float = 0.5  # share of the fit when only the meeting's date matches


@dataclass(frozen=True)
class AnswerWeights:
    """Reading figures in a sentence (ask/select/spans.py); their scores are features of the learned
    answer selector, which decides (ask/select/selector.py)."""

    passages: int = 10  # answer candidates are drawn from this many top passages
    date_proximity: float = 6.0  # the pull of the asked date on a figure, about one rare word's IDF
    before_figure: float = 2.0  # words before a figure count this many times as far as words after
    qualifier: float = 0.5  # x IDF of an unasked word between a figure and what it counts


@dataclass(frozen=True)
class FigureSettings:
    """Gathering a measure's values over time (ask/track/figures.py)."""

    passages: int = 2000  # lexical matches scanned
    table_coverage: float = 0.3  # a table's caption and header rarely repeat the whole measure
    measure_coverage: float = 0.99  # a sentence must name the whole measure
    reach: int = 60  # characters between a figure and its own date
    dated_reach: int = 22  # ... for sentences that only refer back to the measure


@dataclass(frozen=True)
class Weights:
    rerank: RerankWeights = field(default_factory=RerankWeights)
    date_fit: DateFit = field(default_factory=DateFit)
    answer: AnswerWeights = field(default_factory=AnswerWeights)
    figures: FigureSettings = field(default_factory=FigureSettings)
    follow_up_coverage: float = 0.6  # a later passage about the same thing as a commitment
    follow_up_passages: int = 15  # candidates read for a commitment's follow-ups
