"""The invented councils: each has 8 to 11 of COMMITTEES meeting monthly from FIRST_YEAR to LAST_YEAR,
60 members who recur across its papers, and measures and budgets that agree wherever a paper quotes them.

`CouncilWriter` fills one paper's templates (agendas.py, minutes.py, reports.py) from its own random
stream: everything is a pure function of (seed, meeting, slot)."""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from datetime import date

from .committees import COMMITTEES, Measure
from .dates import MONTHS, months_before, short_date, weekday_in_month
from .names import STREET_KINDS, council_area, council_name, full_name, place_name
from .papers import Fact, Paper
from .prose import (
    ADJECTIVES,
    ALL_CLAUSES,
    ASKING,
    GENERAL_NOUNS,
    LEXICON_ADJECTIVES,
    LEXICON_NOUNS,
    LEXICON_VERBS,
    ORGS,
    SAYING,
    SPEAKERS,
    TRENDS,
)
from .writer import Wave, Writer, series, unit, zipf

FIRST_YEAR, LAST_YEAR = 2013, 2024
WAVE = Wave(base=0.35, level=0.3, drift=0.25, horizon=144, swing=0.05, period=5, phase=6, noise=0.06)
MILLIONS = (0.2, 0.4, 0.6, 0.8, 1.2, 1.5, 2.1, 2.8, 3.4, 4.6, 6.2, 8.5, 12.4)


@dataclass(frozen=True)
class Meeting:
    council: int
    committee: int  # index into COMMITTEES
    year: int
    month: int

    @property
    def key(self) -> str:
        return f"{self.council}/{self.committee}/{self.year}-{self.month:02d}"


def council_committees(seed: int, council: int) -> list[int]:
    """8 to 11 of the committees, always with Full Council and Cabinet."""
    rng = random.Random(f"{seed}/committees/{council}")
    always = [i for i, c in enumerate(COMMITTEES) if c.name in ("Full Council", "Cabinet")]
    others = [i for i in range(len(COMMITTEES)) if i not in always]
    return sorted([*always, *rng.sample(others, rng.randint(6, 9))])


def council_meetings(seed: int, council: int) -> list[Meeting]:
    """Every meeting of a council's committees, monthly from FIRST_YEAR to LAST_YEAR."""
    return [Meeting(council, committee, year, month)
            for committee in council_committees(seed, council)
            for year in range(FIRST_YEAR, LAST_YEAR + 1) for month in range(1, 13)]


@functools.lru_cache(maxsize=64)
def council_members(seed: int, council: int) -> tuple[str, ...]:
    """A council's 60 members: the same people recur across its papers."""
    rng = random.Random(f"{seed}/members/{council}")
    return tuple(full_name(rng) for _ in range(60))


def meeting_day(meeting: Meeting) -> date:
    """Each committee keeps a weekday and week of the month (the 2nd Tuesday, say)."""
    weekday, week = meeting.committee % 4, 1 + (meeting.committee + meeting.council) % 3
    return weekday_in_month(meeting.year, meeting.month, weekday, week)


def measure_value(seed: int, council: int, measure: Measure, year: int, month: int) -> int:
    """A smooth monthly series with noise, the same wherever a paper quotes it."""
    return max(1, series((seed, council, measure.phrase), FIRST_YEAR, year, month, measure.low, measure.high, WAVE))


def money(rng: random.Random) -> str:
    return f"{rng.choice(MILLIONS)}m" if rng.random() < 0.6 else f"{rng.randrange(15, 990)},000"


def budget(seed: int, council: int, scheme: str, year: int) -> str:
    """A scheme's budget for a year, the same in every paper that states it."""
    share = unit(seed, council, scheme, year)
    return f"£{MILLIONS[int(share * len(MILLIONS))]}m" if share < 0.5 else f"£{15 + int(share * 1000) % 975},000"


def council_paper(meeting: Meeting, name: str, title: str, doc_type: str, lines: list[str],
                  facts: tuple[Fact, ...] = ()) -> Paper:
    """A paper of an invented council, filed as c007/2019/2019-03-12-cabinet-minutes.txt."""
    day = meeting_day(meeting)
    committee = COMMITTEES[meeting.committee]
    slug = committee.name.lower().replace(" ", "-")
    file = f"c{meeting.council:03d}/{day.year}/{day.isoformat()}-{slug}-{name}.txt"
    return Paper(file, title, f"{committee.name}, {council_name(meeting.council)}", day.isoformat(), doc_type,
                 "\n".join(lines) + "\n", facts)


class CouncilWriter(Writer):
    """Fills the templates of one paper of an invented council from its own random stream."""

    def __init__(self, seed: int, meeting: Meeting, slot: str) -> None:
        super().__init__(seed, f"{seed}/{meeting.key}/{slot}")
        self.meeting = meeting
        self.committee = COMMITTEES[meeting.committee]
        self.area = council_area(meeting.council)
        self.day = meeting_day(meeting)

    @property
    def at(self) -> str:
        """Where and when, for a question: "at Ashford Cabinet on 12 March 2019"."""
        return f"at {self.area} {self.committee.name} on {short_date(self.day)}"

    def place(self) -> str:
        return place_name(self.meeting.council * 1009 + self.rng.randrange(1500)).capitalize()

    def street(self) -> str:
        return f"{self.place()} {self.rng.choice(STREET_KINDS)}"

    def person(self) -> str:
        return full_name(self.rng)

    def councillor(self) -> str:
        return self.rng.choice(council_members(self.seed, self.meeting.council))

    def fill(self, template: str) -> str:
        rng = self.rng
        nouns = self.committee.nouns if rng.random() < 0.7 else GENERAL_NOUNS
        values = {
            "noun": rng.choice(nouns), "adj": rng.choice(ADJECTIVES), "trend": rng.choice(TRENDS),
            "month": rng.choice(MONTHS), "year": rng.randint(self.meeting.year - 1, self.meeting.year + 1),
            "money": money(rng), "place": self.place(), "ward": self.place(), "street": self.street(),
            "count": rng.randrange(3, 480), "pct": rng.randrange(2, 35), "n": rng.randrange(12, 400),
            "portfolio": self.committee.portfolio, "service": self.committee.service,
            "councillor": self.councillor(),
        }
        if "{org}" in template:
            values["org"] = rng.choice(ORGS).format(place=self.place())
        if "{lex_" in template:
            values.update(lex_noun=zipf(rng, LEXICON_NOUNS), lex_noun2=zipf(rng, LEXICON_NOUNS),
                          lex_adj=zipf(rng, LEXICON_ADJECTIVES), lex_adj2=zipf(rng, LEXICON_ADJECTIVES),
                          lex_verb=zipf(rng, LEXICON_VERBS), ref=self.reference())
        return template.format(**values)

    def reference(self) -> str:
        """A case or file reference ("HA/19/04172"): real papers are full of one-off numbers."""
        prefix = "".join(w[0] for w in self.committee.service.split()).upper()
        return f"{prefix}/{self.meeting.year % 100:02d}/{self.rng.randrange(10000):04d}"

    def sentence(self) -> str:
        speaker = self.fill(self.rng.choice(SPEAKERS))
        verb = self.rng.choice(ASKING if self.rng.random() < 0.2 else SAYING)
        clause = self.fill(self.rng.choice(ALL_CLAUSES))
        return f"{speaker} {verb} {clause}."

    def paragraph(self, sentences: tuple[int, int] = (2, 5)) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(*sentences)))

    def scheme(self) -> str:
        return self.fill(self.rng.choice(self.committee.schemes))

    def schemes(self, count: int) -> list[str]:
        """`count` different schemes: a paper never debates the same one twice."""
        out: list[str] = []
        while len(out) < count:
            scheme = self.scheme()
            if scheme not in out:
                out.append(scheme)
        return out

    def months_back(self, count: int) -> list[tuple[int, int]]:
        """The `count` months before the meeting's, oldest first."""
        return months_before(self.meeting.year, self.meeting.month, count)

    def value(self, measure: Measure, year: int, month: int) -> int:
        return measure_value(self.seed, self.meeting.council, measure, year, month)
