"""A county's children's services papers, set in a `County`: its council, committees, measures, wards and
the only years its papers may name. The distractor papers (benchmarks/distractors.py) are Herefordshire's.

`CountyWriter` fills one paper's templates (agendas.py, minutes.py, reports.py) from its own random stream,
with the committee's chair and the council's officers of the year; every paper is a pure function of
(seed, slot), and `CountyWriter.paper` refuses one that names a year outside the county's."""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from .committees import Measure
from .dates import financial_year, later_meeting, months_before, municipal_year, weekday_in_month, years_in
from .names import UNCOMMON_FIRST_NAMES, UNCOMMON_SURNAMES, full_name, resident
from .papers import Paper
from .writer import Wave, Writer, series, unit

WAVE = Wave(base=0.3, level=0.4, drift=0.3, horizon=150, swing=0.08, period=7, phase=5, noise=0.05)
# The measures the templates name: a County's `measures` must have them all.
MEASURE_KEYS = ("cic", "uasc", "households", "allowance", "inhouse", "kinship", "fgc", "leavers", "residential",
                "external", "parents", "rescost", "ifacost", "entering", "leaving", "rereferral", "unallocated")
POSTS = ("director", "safeguarding", "looked_after", "fostering", "democratic", "cabinet_member", "finance",
         "performance", "participation")


@dataclass(frozen=True)
class CountyCommittee:
    name: str
    slug: str
    months: tuple[int, ...]  # the months it meets in
    weekday: int  # Monday 0
    papers: tuple[str, ...]  # the kinds of paper a meeting has
    items: tuple[str, ...]  # the items its agendas and minutes take up
    measures: tuple[str, ...]  # keys of the measures its debates turn to


@dataclass(frozen=True)
class County:
    council: str  # "Herefordshire Council"
    town: str  # the county town
    years: tuple[int, ...]  # the only years its papers may name, in order
    committees: tuple[CountyCommittee, ...]
    measures: Mapping[str, Measure]  # by key; see MEASURE_KEYS
    report_measures: tuple[str, ...]  # what performance reports and actions are about
    placement_measures: tuple[str, ...]  # what placement budget reports are about
    children: int  # under-18s, for rates per 10,000
    wards: tuple[str, ...]
    localities: tuple[str, ...]
    postcodes: tuple[str, ...]  # postcode sectors ("HR1 2")
    venues: Callable[[int], tuple[str, ...]]  # where committees met in a year
    phone: str  # the start of the council's numbers: "01432 26"
    email: str  # its e-mail domain
    terms: tuple[int, ...]  # the last year of each council term before the current one

    def __post_init__(self) -> None:
        missing = set(MEASURE_KEYS) - set(self.measures)
        if missing:
            raise ValueError(f"{self.council} lacks measures {sorted(missing)}")

    def term(self, year: int) -> int:
        """The council term a year falls in: the same members recur within a term."""
        return sum(year > last for last in self.terms)


@dataclass(frozen=True)
class CountyMeeting:
    committee: int  # index into County.committees
    year: int
    month: int

    @property
    def key(self) -> str:
        return f"{self.committee}/{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class Slot:
    """One paper of a meeting."""

    meeting: CountyMeeting
    kind: str
    copy: int = 0  # 0 for a meeting's own papers; 1, 2, ... for further reports when more papers are asked for


def meeting_day(county: County, meeting: CountyMeeting) -> date:
    """The committee's weekday in the second or third week of the month."""
    weekday = county.committees[meeting.committee].weekday
    return weekday_in_month(meeting.year, meeting.month, weekday, 1 + (meeting.month + meeting.committee) % 2)


# -- people -----------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=16)
def members(seed: int, term: int) -> tuple[str, ...]:
    """The council's 58 members in a term."""
    rng = random.Random(f"{seed}/members/{term}")
    names: list[str] = []
    while len(names) < 58:
        name = full_name(rng, UNCOMMON_FIRST_NAMES, UNCOMMON_SURNAMES)
        if name not in names and all(name.split()[1] != n.split()[1] for n in names[-3:]):
            names.append(name)
    return tuple(names)


@functools.lru_cache(maxsize=64)
def officers(seed: int, term: int) -> dict[str, str]:
    """Each post's holder in a term."""
    rng = random.Random(f"{seed}/officers/{term}")
    taken = set(members(seed, term))
    holders: dict[str, str] = {}
    for post in POSTS:
        name = full_name(rng, UNCOMMON_FIRST_NAMES, UNCOMMON_SURNAMES)
        while name in taken:
            name = full_name(rng, UNCOMMON_FIRST_NAMES, UNCOMMON_SURNAMES)
        taken.add(name)
        holders[post] = name
    return holders


def titles(year: int) -> dict[str, str]:
    """Post titles as papers of the year write them (directors of children's services came in 2005)."""
    early = year <= 2004
    return {
        "director": "Director of Social Care and Strategic Housing" if early else "Director of Children's Services",
        "safeguarding": "Head of Safeguarding and Review",
        "looked_after": "Head of Service, Looked After Children",
        "fostering": "Fostering Team Manager",
        "democratic": "Democratic Services Officer",
        "cabinet_member": "Cabinet Member (Social Care)" if early else "Cabinet Member (Children's Services)",
        "finance": "Head of Financial Services",
        "performance": "Performance Manager, Children's Services",
        "participation": "Participation Officer",
    }


def chairs(seed: int, committee: int, day: date, term: int) -> tuple[str, str]:
    """The chairman and vice-chairman of a committee for the municipal year of a meeting."""
    rng = random.Random(f"{seed}/chairs/{committee}/{municipal_year(day)}")
    chair, vice = rng.sample(members(seed, term), 2)
    return chair, vice


# -- the writer of one paper ------------------------------------------------------------------------
class CountyWriter(Writer):
    """One paper's random stream, meeting and people."""

    def __init__(self, seed: int, county: County, where: Slot) -> None:
        super().__init__(seed, f"{seed}/{where.meeting.key}/{where.kind}/{where.copy}")
        self.county, self.meeting, self.slot = county, where.meeting, where
        self.committee = county.committees[where.meeting.committee]
        self.day = meeting_day(county, where.meeting)
        self.year = self.day.year
        self.term = county.term(self.year)
        self.people = officers(seed, self.term)
        self.posts = titles(self.year)
        self.chair, self.vice = chairs(seed, where.meeting.committee, self.day, self.term)

    def councillor(self) -> str:
        return self.rng.choice(members(self.seed, self.term))

    def councillors(self, count: int) -> list[str]:
        return self.rng.sample(members(self.seed, self.term), count)

    def officer(self, post: str, named: bool | None = None) -> str:
        named = self.rng.random() < 0.4 if named is None else named
        title = self.posts[post]
        return f"{self.people[post]}, {title}" if named else f"The {title}"

    def resident(self) -> str:
        return resident(self.rng, UNCOMMON_FIRST_NAMES, UNCOMMON_SURNAMES)

    def ward(self, name: str) -> str:
        """A councillor's ward: the same in every paper."""
        wards = self.county.wards
        return wards[int(unit(self.seed, "ward", name) * len(wards))]

    @property
    def measures(self) -> tuple[str, ...]:
        """The measures this committee's debates turn to."""
        return self.committee.measures

    def measure(self, key: str) -> Measure:
        return self.county.measures[key]

    def phrase(self, key: str) -> str:
        return self.rng.choice(self.measure(key).phrases)

    def value(self, key: str, year: int, month: int) -> int:
        """A measure's figure for a month: a slow trend, a wave and a little noise, inside its range."""
        m = self.measure(key)
        return series((self.seed, key), self.county.years[0], year, month, m.low, m.high, WAVE)

    def shown(self, key: str, amount: int) -> str:
        return self.measure(key).shown(amount)

    def rate(self, year: int, month: int) -> int:
        """Children in care per 10,000 children."""
        return round(self.value("cic", year, month) * 10_000 / self.county.children)

    def months_before(self, year: int, month: int, count: int) -> list[tuple[int, int]]:
        return months_before(year, month, count, self.county.years)

    def recent(self, back: int = 1) -> tuple[int, int]:
        """The month `back` months before the meeting's (or the meeting's own, to stay in the years)."""
        return self.months_before(self.day.year, self.day.month, back)[0]

    def financial_year(self, start: int, short: bool = False) -> str | None:
        return financial_year(start, self.county.years, short)

    def later_meeting(self, ahead: int) -> str:
        return later_meeting(self.year, self.day.month, ahead, self.county.years)

    def paper(self, name: str, title: str, doc_type: str, lines: list[str]) -> Paper:
        copy = f"-{self.slot.copy + 1}" if self.slot.copy else ""
        file = f"{self.day.isoformat()}-{self.committee.slug}-{name}{copy}.txt"
        text = "\n".join(lines) + "\n"
        stray = years_in(text) - set(self.county.years)
        if stray:
            raise AssertionError(f"{file} names year(s) {sorted(stray)} outside {self.county.years}")
        return Paper(file, title, self.committee.name, self.day.isoformat(), doc_type, text)
