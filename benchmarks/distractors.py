"""Distractor papers for the Herefordshire evaluation: the same council, committees and measures as the
shipped papers, for other years only.

An archive of real meeting papers holds many years of the same committees reporting the same measures
(children in care, unaccompanied asylum-seeking children, placement costs, foster carers, re-referral
rates), so a question about March 2024 competes with a dozen other papers that quote the same measure
for another month. The shipped corpus has five papers; these distractors add that competition, so the
evaluation can measure answers and retrieval "with 600 distractor papers of other years".

The papers are written from templates of this module's own (agendas, minutes with "Minutes:" and
RESOLVED blocks, council minutes with motions and public questions, performance reports with figure
sentences and tables, agenda-item pages, public question sheets). Every year a paper names is one of
YEARS, which excludes every year any evaluation question mentions (as 2022, 2022/23, 22/23 or "Jan '22")
and every year the shipped papers mention, so no question's accepted answer, including "not in the
papers", becomes wrong because of a distractor. `check_years` verifies that against the repository,
and every paper is checked for stray years as it is written. The templates also avoid the facts that
undated unanswerable questions ask about (an allowance for care leavers at university, the HR4 postcode,
secure children's home costs, other councils' UASC counts or fees, Ofsted monitoring visits). Undated
answerable questions ("How many children live with kinship carers?") do meet other years' figures for
the same measure, as they would in a real archive: their accepted answer still comes from the paper the
question was written from.

Paper `index` is a pure function of (seed, index): the same seed gives byte-identical papers.

    .venv/bin/python benchmarks/distractors.py OUT_DIR [--papers 600] [--seed 11] [--append]
"""

from __future__ import annotations

import argparse
import calendar
import csv
import functools
import json
import math
import random
import re
import sys
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNCIL = "Herefordshire Council"
MANIFEST_COLUMNS = ("file", "title", "committee", "meeting_date", "doc_type", "source_url", "seed_file", "council")
STAMP = ".distractors.json"  # a dot file: the corpus lister skips it
MONTHS = list(calendar.month_name)[1:]

# Years no question and no shipped paper mentions (see check_years). A financial year "2006/07" is written
# only when both of its years are here, and dates are never carried into a year that is not.
YEARS = (2001, 2002, 2003, 2005, 2006, 2007, 2008, 2009, 2013)
CHILD_POPULATION = 36_500  # under-18s, for rates per 10,000

# -- names ------------------------------------------------------------------------------------------
# Checked against the shipped papers, the invented councils' papers and every question file: none occurs.
FIRST_NAMES = (
    "Adrian Alice Andrea Anthony Audrey Beryl Brian Caroline Cedric Daphne Dennis Dorothy Edwin Eileen Francis "
    "Gail Geraldine Gordon Hazel Howard Irene Isobel Jeffrey Joan Lesley Marian Neville Norma Oliver Philip Rhona "
    "Rodney Rosalind Rupert Shirley Thelma Tristan Vernon Vivienne Walter Winifred Cynthia Desmond Gwendoline "
    "Hilary Lionel Mavis Nigella Reginald"
).split()
SURNAMES = (
    "Abberley Ashdown Aylmer Bannister Barrowcliffe Beddoes Birtwistle Bourne Bramley Calcott Carwardine Chadd "
    "Cholmondeley Cleeve Corbett Coxall Dancey Delahay Elcock Fairclough Farrant Gethin Gittoes Godsall Greenhough "
    "Harcourt Holloway Ingram Lacy Lambourne Maddox Mansell Meredith Oakeley Pember Pilley Prosser Quarrell "
    "Rawlings Rudge Scudamore Seabourne Skyrme Stallard Tanner Thackway Treherne Vowles Wathen Whittall Yapp "
    "Bevington Caddick Darbyshire Elwell Feltham Hibbert Ilsley Kettle Lovell Mabbott Orchard Pegler Quine "
    "Ratcliffe Sandle"
).split()
WARDS = (
    "Aylestone", "Backbury", "Belmont", "Bircher", "Bromyard", "Burghill, Holmer and Lyde", "Castle", "Central",
    "Credenhill", "Frome", "Golden Cross with Weobley", "Hagley", "Hampton Court", "Hope End", "Kerne Bridge",
    "Kington Town", "Ledbury", "Leominster North", "Leominster South", "Llangarron", "Old Gore", "Penyard",
    "Pontrilas", "Ross-on-Wye East", "Ross-on-Wye West", "St Martins and Hinton", "St Nicholas", "Stoney Street",
    "Three Elms", "Tupsley", "Valletts", "Wormsley Ridge",
)
LOCALITIES = ("Hereford city", "South Wye", "Leominster", "Ross-on-Wye", "Ledbury", "Bromyard", "Kington",
              "the Golden Valley")
POSTCODES = ("HR1 2", "HR1 3", "HR2 0", "HR2 6", "HR2 7", "HR2 9", "HR3 5", "HR5 3", "HR6 0", "HR6 8", "HR6 9",
             "HR7 4", "HR8 1", "HR8 2", "HR9 5", "HR9 7")  # never HR4: a question asks about it unanswerably


def venues(year: int) -> tuple[str, ...]:
    old = ("The Council Chamber, Brockington, 35 Hafod Road, Hereford, HR1 1SH",
           "Committee Room 1, The Shire Hall, St Peter's Square, Hereford, HR1 2HX",
           "The Assembly Hall, The Shire Hall, St Peter's Square, Hereford, HR1 2HX",
           "Leominster Community Centre, School Road, Leominster")
    new = ("The Council Chamber, The Shire Hall, St Peter's Square, Hereford, HR1 2HX",
           "Conference Room 2, Herefordshire Council Offices, Plough Lane, Hereford",
           "The Kindle Centre, Belmont Road, Hereford")
    return new if year >= 2013 else old


# -- committees and their meetings ------------------------------------------------------------------
@dataclass(frozen=True)
class Committee:
    name: str
    slug: str
    months: tuple[int, ...]  # the months it meets in
    weekday: int  # Monday 0
    papers: tuple[str, ...]  # the kinds of paper a meeting has


COMMITTEES = (
    Committee("Children and Young People Scrutiny Committee", "cyp-scrutiny", (1, 3, 5, 7, 9, 11), 1,
              ("agenda", "minutes", "performance", "item")),
    Committee("Corporate Parenting Board", "corporate-parenting-board", (2, 5, 8, 11), 2,
              ("agenda", "minutes", "fostering")),
    Committee("Council", "council", (2, 3, 5, 7, 10, 12), 4, ("agenda", "council-minutes", "questions")),
    Committee("Scrutiny Management Board", "smb", (1, 4, 6, 9, 12), 0, ("agenda", "minutes", "questions")),
    Committee("Cabinet", "cabinet", (1, 2, 4, 6, 7, 9, 10, 12), 3, ("minutes", "placements")),
)


@dataclass(frozen=True)
class Meeting:
    committee: int
    year: int
    month: int

    @property
    def key(self) -> str:
        return f"{self.committee}/{self.year}-{self.month:02d}"

    @property
    def day(self) -> date:
        """The committee's weekday in the second or third week of the month."""
        c = COMMITTEES[self.committee]
        first = date(self.year, self.month, 1)
        week = 1 + (self.month + self.committee) % 2
        return date(self.year, self.month, 1 + (c.weekday - first.weekday()) % 7 + 7 * week)


@dataclass(frozen=True)
class Slot:
    meeting: Meeting
    kind: str
    copy: int = 0  # 0 for a meeting's own papers; 1, 2, ... for further reports when more papers are asked for


@functools.lru_cache(maxsize=4)
def slots(seed: int) -> tuple[Slot, ...]:
    """Every meeting's papers in a seeded order (paper `index` is slot `index`); then further rounds of
    reports, so any number of papers can be asked for."""
    meetings = [Meeting(i, y, m) for i, c in enumerate(COMMITTEES) for y in YEARS for m in c.months]
    base = [Slot(m, kind) for m in meetings for kind in COMMITTEES[m.committee].papers]
    random.Random(f"{seed}/order").shuffle(base)
    return tuple(base)


def slot(seed: int, index: int) -> Slot:
    base = slots(seed)
    if index < len(base):
        return base[index]
    extra = base[index % len(base)]
    kind = "performance" if extra.meeting.committee in (0, 3) else "placements"
    return Slot(extra.meeting, kind, copy=index // len(base))


# -- the measures, one smooth monthly series each ---------------------------------------------------
@dataclass(frozen=True)
class Measure:
    key: str
    phrases: tuple[str, ...]  # ways prose names it ("children in care", "looked after children")
    column: str
    low: float
    high: float
    unit: str = ""  # "", "%" or "£"
    flow: bool = False  # counted over a quarter ("17 children came into care"), not a stock at a date

    @property
    def topic(self) -> str:
        """The measure as the subject of a question: "the re-referral rate", "children entering care"."""
        return self.column.lower() if self.flow else f"the {self.phrases[0]}" if self.unit else self.phrases[0]


MEASURES = {m.key: m for m in (
    Measure("cic", ("children in care", "looked after children", "children looked after by the council"),
            "Children in care", 140, 265),
    Measure("uasc", ("unaccompanied asylum seeking children", "unaccompanied asylum-seeking children (UASC)",
                     "UASC in the council's care"), "UASC", 1, 9),
    Measure("cpp", ("children subject to a child protection plan", "children with a child protection plan"),
            "Child protection plans", 85, 215),
    Measure("referrals", ("referrals were accepted by children's social care", "contacts were accepted as "
                          "referrals"), "Referrals to children's social care", 95, 240, flow=True),
    Measure("rereferral", ("re-referral rate", "rate of re-referrals within twelve months"), "Re-referrals",
            13, 34, "%"),
    Measure("households", ("approved in-house fostering households", "in-house foster carer households"),
            "Fostering households", 78, 150),
    Measure("residential", ("children in residential placements", "children placed in children's homes"),
            "Residential placements", 7, 24),
    Measure("external", ("children in external foster placements", "children placed with independent fostering "
                         "agencies"), "External foster placements", 28, 82),
    Measure("inhouse", ("children placed with in-house foster carers", "children with the council's own foster "
                        "carers"), "In-house foster placements", 70, 135),
    Measure("kinship", ("children living with kinship carers", "children placed with family and friends carers"),
            "Kinship placements", 14, 52),
    Measure("parents", ("children placed with their parents", "children in care living at home with parents"),
            "Placed with parents", 4, 19),
    Measure("rescost", ("average weekly cost of a residential placement", "average weekly cost of a children's "
                        "home placement"), "Residential weekly cost", 2150, 3950, "£"),
    Measure("ifacost", ("average weekly cost of an external fostering placement", "average weekly cost of an "
                        "independent fostering agency placement"), "External fostering weekly cost", 610, 890, "£"),
    Measure("allowance", ("basic weekly fostering allowance", "standard weekly allowance paid to foster carers"),
            "Weekly allowance", 112, 176, "£"),
    Measure("fgc", ("family group conferences were held", "family group conferences took place"),
            "Family group conferences held", 4, 23, flow=True),
    Measure("leavers", ("share of care leavers in suitable accommodation", "proportion of care leavers living "
                        "in suitable accommodation"), "Care leavers suitably housed", 71, 95, "%"),
    Measure("unallocated", ("unallocated cases", "cases awaiting allocation to a social worker"), "Unallocated",
            4, 41),
    Measure("vacancy", ("social worker vacancy rate", "share of social worker posts vacant"), "Vacancy rate",
            6, 24, "%"),
    Measure("agency", ("share of social workers employed through agencies", "agency social worker rate"),
            "Agency staff", 4, 31, "%"),
    Measure("moves", ("share of children in care with three or more placement moves in a year",
                      "proportion of children with three or more placements in the year"), "3+ moves", 8, 16, "%"),
    Measure("entering", ("children came into care", "children entered care"), "Children entering care", 9, 31,
            flow=True),
    Measure("leaving", ("children left care", "children ceased to be looked after"), "Children leaving care", 8,
            29, flow=True),
    Measure("complaints", ("complaints about children's social care were received", "complaints were made about "
                           "children's services"), "Complaints about children's social care", 3, 21, flow=True),
)}
REPORT_MEASURES = ("cic", "uasc", "cpp", "referrals", "rereferral", "unallocated", "vacancy", "agency", "moves",
                   "entering", "leaving", "complaints")
PLACEMENT_MEASURES = ("residential", "external", "inhouse", "kinship", "parents", "rescost", "ifacost")
FOSTERING_MEASURES = ("households", "allowance", "inhouse", "kinship", "fgc", "leavers", "moves")


def _unit(*key) -> float:
    """A fixed number in [0, 1) for a key: a figure quoted in several papers agrees without shared state."""
    return zlib.crc32(repr(key).encode()) / 2**32


def value(seed: int, key: str, year: int, month: int) -> int:
    """A measure's figure for a month: a slow trend, a wave and a little noise, inside its range."""
    m = MEASURES[key]
    t = (year - YEARS[0]) * 12 + month - 1
    level, slope = _unit(seed, key, "level"), _unit(seed, key, "slope") - 0.5
    smooth = 0.3 + 0.4 * level + 0.3 * slope * t / 150 + 0.08 * math.sin(t / 7 + level * 5)
    noise = 0.05 * (_unit(seed, key, year, month) - 0.5)
    return round(m.low + (m.high - m.low) * min(1.0, max(0.0, smooth + noise)))


def rate(seed: int, year: int, month: int) -> int:
    return round(value(seed, "cic", year, month) * 10_000 / CHILD_POPULATION)


def shown(key: str, amount: int) -> str:
    unit = MEASURES[key].unit
    return f"£{amount:,}" if unit == "£" else f"{amount}%" if unit == "%" else str(amount)


# -- periods ----------------------------------------------------------------------------------------
def label(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def financial_year(start: int, short: bool = False) -> str | None:
    """ "2006/07" (or "06/07"), only when both years are allowed; None otherwise."""
    if start not in YEARS or start + 1 not in YEARS:
        return None
    return f"{start % 100:02d}/{(start + 1) % 100:02d}" if short else f"{start}/{(start + 1) % 100:02d}"


def months_before(year: int, month: int, count: int) -> list[tuple[int, int]]:
    """Up to `count` months ending the month before (year, month), oldest first, never leaving the
    allowed years (a January meeting after a year that is not allowed reports its own month)."""
    out, y, m = [], year, month
    for _ in range(count):
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        if y not in YEARS:
            break
        out.append((y, m))
    return out[::-1] or [(year, month)]


def later_meeting(year: int, month: int, ahead: int) -> str:
    """ "at its meeting in July 2007", `ahead` months on, or "at a later meeting" when that month would leave
    the allowed years."""
    month += ahead
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return f"at its meeting in {label(year, month)}" if year in YEARS else "at a later meeting"


def long_date(day: date) -> str:
    return f"{calendar.day_name[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def municipal_year(day: date) -> int:
    return day.year if day.month >= 5 else day.year - 1


# -- people -----------------------------------------------------------------------------------------
def term(year: int) -> int:
    """The council term a year falls in: the same members recur within a term."""
    return 0 if year <= 2003 else 1 if year <= 2007 else 2 if year <= 2010 else 3


@functools.lru_cache(maxsize=16)
def members(seed: int, term_: int) -> tuple[str, ...]:
    rng = random.Random(f"{seed}/members/{term_}")
    names: list[str] = []
    while len(names) < 58:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        if name not in names and all(name.split()[1] != n.split()[1] for n in names[-3:]):
            names.append(name)
    return tuple(names)


@functools.lru_cache(maxsize=64)
def officers(seed: int, term_: int) -> dict[str, str]:
    """Each post's holder in a term."""
    rng = random.Random(f"{seed}/officers/{term_}")
    posts = ("director", "safeguarding", "looked_after", "fostering", "democratic", "cabinet_member",
             "finance", "performance", "participation")
    taken = set(members(seed, term_))
    holders: dict[str, str] = {}
    for post in posts:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        while name in taken:
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        taken.add(name)
        holders[post] = name
    return holders


def ward(seed: int, name: str) -> str:
    return WARDS[int(_unit(seed, "ward", name) * len(WARDS))]


def titles(year: int) -> dict[str, str]:
    """Post titles as papers of the year write them."""
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


def chairs(seed: int, meeting: Meeting) -> tuple[str, str]:
    """The chairman and vice-chairman of a committee for the municipal year of a meeting."""
    day = meeting.day
    rng = random.Random(f"{seed}/chairs/{meeting.committee}/{municipal_year(day)}")
    chair, vice = rng.sample(members(seed, term(day.year)), 2)
    return chair, vice


# -- the writer of one paper ------------------------------------------------------------------------
class Writer:
    """One paper's random stream, meeting and people."""

    def __init__(self, seed: int, where: Slot) -> None:
        self.seed, self.meeting, self.slot = seed, where.meeting, where
        self.rng = random.Random(f"{seed}/{where.meeting.key}/{where.kind}/{where.copy}")
        self.committee = COMMITTEES[where.meeting.committee]
        self.day = where.meeting.day
        self.year = self.day.year
        self.people = officers(seed, term(self.year))
        self.posts = titles(self.year)
        self.chair, self.vice = chairs(seed, where.meeting)

    def councillor(self) -> str:
        return self.rng.choice(members(self.seed, term(self.year)))

    def councillors(self, count: int) -> list[str]:
        return self.rng.sample(members(self.seed, term(self.year)), count)

    def officer(self, post: str, named: bool | None = None) -> str:
        named = self.rng.random() < 0.4 if named is None else named
        title = self.posts[post]
        return f"{self.people[post]}, {title}" if named else f"The {title}"

    def resident(self) -> str:
        return f"{self.rng.choice(('Mr', 'Mrs', 'Ms', 'Dr'))} {self.rng.choice(FIRST_NAMES)[0]} " \
               f"{self.rng.choice(SURNAMES)}"

    def value(self, key: str, year: int, month: int) -> int:
        return value(self.seed, key, year, month)

    def recent(self, back: int = 1) -> tuple[int, int]:
        return months_before(self.day.year, self.day.month, back)[0]

    def pick(self, options):
        return self.rng.choice(options)

    @property
    def measures(self) -> tuple[str, ...]:
        """The measures this committee's debates turn to."""
        own = FOSTERING_MEASURES if self.committee.slug == "corporate-parenting-board" else REPORT_MEASURES
        return own + PLACEMENT_MEASURES

    def phrase(self, key: str) -> str:
        return self.rng.choice(MEASURES[key].phrases)


# -- sentences --------------------------------------------------------------------------------------
def lower_first(text: str) -> str:
    """A sentence to follow "replied that": its first letter lowered, unless it opens with an acronym."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and first.isupper() else text[0].lower() + text[1:]


def figure_sentence(w: Writer, key: str, year: int, month: int, dated: bool = True) -> str:
    """A figure as prose says it: for a named month, or undated ("currently", "in the last quarter") when
    `dated` is false."""
    m, amount, phrase = MEASURES[key], shown(key, w.value(key, year, month)), w.phrase(key)
    if not dated:
        return w.pick(_undated(m, amount, phrase))
    when = label(year, month)
    before = shown(key, w.value(key, year - 1, month)) if year - 1 in YEARS else None
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
        sentence = sentence[:-1] + f", compared with {before} in {MONTHS[month - 1]} {year - 1}."
    return sentence


def _undated(m: Measure, amount: str, phrase: str) -> tuple[str, ...]:
    if m.flow:
        return (f"In the last quarter {amount} {phrase}.", f"Over the last three months {amount} {phrase}.")
    if m.unit:
        return (f"The {phrase} currently stands at {amount}.", f"The latest {phrase} is {amount}.",
                f"At the time of writing the {phrase} is {amount}.")
    return (f"There are currently {amount} {phrase}.", f"At the time of writing the service reports {amount} "
            f"{phrase}.", f"The latest figure for {phrase} is {amount}.")


def monthly_table(w: Writer, key: str, months: list[tuple[int, int]]) -> str:
    m = MEASURES[key]
    rows = [f"Month\t{m.column}\tTarget\tChange on previous month"]
    previous = None
    target = shown(key, round((m.low + m.high) / 2))
    for y, mo in months:
        amount = w.value(key, y, mo)
        change = "" if previous is None else f"{amount - previous:+d}"
        rows.append(f"{label(y, mo)}\t{shown(key, amount)}\t{target}\t{change}")
        previous = amount
    return "\n".join(rows)


def rate_table(w: Writer, months: list[tuple[int, int]]) -> str:
    """Children in care with the rate per 10,000 beside comparator averages."""
    rows = ["Period\tChildren in care\tRate per 10,000\tStatistical neighbours\tEngland"]
    for y, mo in months:
        neighbours = round(44 + 10 * _unit(w.seed, "sn", y, mo))
        england = round(53 + 3 * _unit(w.seed, "eng", y))
        rows.append(f"{label(y, mo)}\t{w.value('cic', y, mo)}\t{rate(w.seed, y, mo)}\t{neighbours}\t{england}")
    return "\n".join(rows)


def annual_table(w: Writer) -> str | None:
    """Entries, exits and re-referrals by financial year, for the allowed financial years up to now."""
    ended = w.year if w.day.month >= 4 else w.year - 1  # financial years ended by the meeting
    years = [y for y in YEARS if financial_year(y) and y + 1 <= ended][-3:]
    if not years:
        return None
    rows = ["Year\tEntered care\tLeft care\tRe-referral rate"]
    for y in years:
        entered = sum(w.value("entering", y, mo) for mo in (6, 9, 12))
        left = sum(w.value("leaving", y, mo) for mo in (6, 9, 12))
        rows.append(f"{financial_year(y)}\t{entered}\t{left}\t{shown('rereferral', w.value('rereferral', y, 12))}")
    return "\n".join(rows)


def postcode_table(w: Writer) -> str:
    sectors = w.rng.sample(POSTCODES, 5)
    counts = sorted((w.rng.randint(3, 19) for _ in sectors), reverse=True)
    rows = ["Home postcode sector\tChildren entering care"]
    rows += [f"{sector}\t{count}" for sector, count in zip(sectors, counts, strict=True)]
    return "\n".join(rows)


def discussion_point(w: Writer) -> str:
    """A point from the debate, mostly with a figure in it."""
    y, m = w.recent(w.rng.randint(1, 3))
    key = w.pick(w.measures)
    speaker = w.pick(("A member", "The committee", "A co-opted member", "Councillor " + w.councillor()))
    asked = w.pick(("asked about", "sought assurance on", "raised concerns about", "questioned the trend in"))
    answer = figure_sentence(w, key, y, m, dated=w.rng.random() < 0.7)
    who = w.officer(w.pick(("director", "safeguarding", "looked_after", "performance")))
    return f"{speaker} {asked} {MEASURES[key].topic}. {who} replied that {lower_first(answer)}"


THEMES = (
    "placement sufficiency", "the recruitment of foster carers", "the use of agency social workers",
    "support for care leavers", "the timeliness of initial assessments", "placement stability",
    "the health of children in care", "the education of children in care", "the edge of care service",
    "the workload of the referral and assessment team", "the children in care council",
    "kinship care arrangements", "the cost of external placements", "the arrival of unaccompanied young people",
)


def paragraph(w: Writer) -> str:
    """Connecting prose that carries no figure."""
    theme = w.pick(THEMES)
    return w.pick((
        f"Work on {theme} continued to be a priority for the directorate and was reviewed at each meeting of the "
        "management team.",
        f"Members were reminded that {theme} depended on close working with health, schools and the police.",
        f"The service had drawn on the views of young people and carers when planning its approach to {theme}.",
        f"Officers would report further on {theme} once the current review had concluded.",
        f"Progress on {theme} had been slower than hoped, largely because of pressures on staffing.",
        f"A working group of officers and members had been set up to look at {theme} in more detail.",
        f"The approach to {theme} had been discussed with the independent reviewing officers.",
        f"Comparisons with similar rural authorities suggested that {theme} was an area where the county could "
        "learn from others.",
        f"Members asked that future reports show how {theme} affected children in the market towns as well as "
        "in Hereford.",
        f"The directorate's service plan set out the actions planned on {theme} for the coming year.",
        f"Staff briefings on {theme} had been held in each locality team.",
        f"Foster carers had been consulted on {theme} through their support groups.",
    ))


# -- papers -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Paper:
    file: str
    title: str
    committee: str
    meeting_date: str
    doc_type: str
    text: str


def agenda(w: Writer) -> Paper:
    c, day = w.committee, w.day
    contact, phone = w.people["democratic"], f"01432 26{w.rng.randrange(1000, 9999)}"
    deadline = day - timedelta(days=6)
    deadline -= timedelta(days=max(0, deadline.weekday() - 4))  # a weekend deadline moves back to the Friday
    members_ = sorted(set(w.councillors(w.rng.randint(6, 10))) - {w.chair, w.vice})
    items = ["APOLOGIES FOR ABSENCE", "NAMED SUBSTITUTES", "DECLARATIONS OF INTEREST", "MINUTES",
             "QUESTIONS FROM MEMBERS OF THE PUBLIC", *w.rng.sample(item_titles(c), 3), "WORK PROGRAMME"]
    lines = [
        COUNCIL, "", f"Agenda for the meeting of the {c.name}", "", f"Date: {long_date(day)}", "",
        f"Time: {w.pick(('10.00 am', '2.00 pm', '9.30 am', '2.30 pm'))}", "", f"Place: {w.pick(venues(day.year))}",
        "", f"For further information please contact {contact}, {w.posts['democratic']}, on {phone} or by e-mail "
        f"at {contact.split()[0][0].lower()}{contact.split()[1].lower()}@herefordshire.gov.uk.", "",
        f"Questions from members of the public for this meeting must reach the Democratic Services team by "
        f"{w.pick(('noon', '5.00 pm', '10.00 am'))} on {long_date(deadline)}.", "",
        "Membership", "", f"Chairman: Councillor {w.chair}", f"Vice-Chairman: Councillor {w.vice}",
        *(f"Councillor {name} ({ward(w.seed, name)})" for name in members_), "", "Agenda", "",
        "Item\tSubject\tPages",
    ]
    page = 1
    for number, item in enumerate(items, start=1):
        if item in ("APOLOGIES FOR ABSENCE", "NAMED SUBSTITUTES", "DECLARATIONS OF INTEREST",
                    "QUESTIONS FROM MEMBERS OF THE PUBLIC"):
            lines.append(f"{number}.\t{item}\t")
            continue
        length = w.rng.randint(2, 18)
        lines.append(f"{number}.\t{item}\t{page} - {page + length}")
        page += length + 1
    lines += ["", f"The committee expects to meet next {later_meeting(day.year, day.month, 2)[7:]}."]
    title = f"Agenda, {c.name}, {day.day} {MONTHS[day.month - 1]} {day.year}"
    return _paper(w, "agenda", title, "agenda", lines)


def item_titles(c: Committee) -> tuple[str, ...]:
    if c.slug == "council":
        return ("CABINET MEMBER REPORTS", "NOTICES OF MOTION", "CHILDREN'S SERVICES ANNUAL REPORT",
                "REPORT OF THE LEADER", "BUDGET AND POLICY FRAMEWORK")
    if c.slug == "cabinet":
        return ("CHILDREN'S PLACEMENT BUDGET", "FOSTERING SERVICE FEES AND ALLOWANCES", "CAPITAL PROGRAMME")
    if c.slug == "corporate-parenting-board":
        return ("FOSTERING RECRUITMENT", "THE CHILDREN IN CARE COUNCIL", "HEALTH OF CHILDREN IN CARE",
                "CARE LEAVERS", "PLACEMENT STABILITY")
    return ("PERFORMANCE REPORT: CHILDREN IN CARE", "PLACEMENT SUFFICIENCY", "FOSTERING SERVICE UPDATE",
            "UNACCOMPANIED ASYLUM SEEKING CHILDREN", "CARE LEAVERS", "REFERRAL AND ASSESSMENT PERFORMANCE",
            "SAFEGUARDING UPDATE")


def minutes(w: Writer) -> Paper:
    """A committee's minutes: numbered items, each with "Minutes:", discussion and a RESOLVED block."""
    c, day = w.committee, w.day
    number = 10 * (w.rng.randint(1, 12)) + (day.month - 1) * 4
    start, end = w.pick((("10.00 am", "12.40 pm"), ("2.00 pm", "4.25 pm"), ("9.30 am", "11.55 am"),
                         ("2.30 pm", "5.10 pm")))
    lines = [
        f"Minutes of the meeting of the {c.name} held at {w.pick(venues(day.year))} on {long_date(day)} at {start}",
        "", f"Present: Councillor {w.chair} (Chairman)", f"Councillor {w.vice} (Vice-Chairman)", "",
        "Councillors: " + ", ".join(sorted(set(w.councillors(w.rng.randint(6, 10))) - {w.chair, w.vice})), "",
        "In attendance: " + "; ".join(w.officer(p, named=True) for p in ("director", "safeguarding", "democratic")),
        "",
    ]
    lines += standard_items(w, number)
    number += 4
    for title in w.rng.sample(item_titles(c), 2):
        lines += debated_item(w, number, title)
        number += 1
    lines += [f"The meeting ended at {end}", "", "CHAIRMAN"]
    title = f"Minutes of the {c.name}, {day.day} {MONTHS[day.month - 1]} {day.year}"
    return _paper(w, "minutes", title, "minutes", lines)


def standard_items(w: Writer, number: int) -> list[str]:
    absent = w.councillors(2)
    y, m = w.recent(w.rng.randint(1, 3))
    previous = f"{MONTHS[m - 1]} {y}" if y == w.year or y in YEARS else "the previous meeting"
    return [
        f"{number}. APOLOGIES FOR ABSENCE", "", "Minutes:", "",
        f"Apologies were received from Councillors {absent[0]} and {absent[1]}.", "",
        f"{number + 1}. NAMED SUBSTITUTES", "", "Minutes:", "", w.pick(("None.", f"Councillor {w.councillor()} "
                                                                        "attended as a named substitute.")), "",
        f"{number + 2}. DECLARATIONS OF INTEREST", "", "Minutes:", "",
        w.pick(("None.", f"Councillor {w.councillor()} declared a personal interest as a foster carer.",
                f"Councillor {w.councillor()} declared a personal interest as a school governor.")), "",
        f"{number + 3}. MINUTES", "", "Minutes:", "",
        f"RESOLVED: That the minutes of the meeting held in {previous} be confirmed as a correct record and be "
        "signed by the Chairman.", "",
    ]


def debated_item(w: Writer, number: int, title: str) -> list[str]:
    key = w.pick(w.measures)
    y, m = w.recent()
    presenter = w.officer(w.pick(("director", "safeguarding", "looked_after", "performance")))
    points = [f"- {discussion_point(w)}" for _ in range(w.rng.randint(2, 4))]
    decision = w.pick(("the report be noted", "the committee's comments be forwarded to the Cabinet Member",
                       f"a further report be brought to the committee {later_meeting(w.year, w.day.month, 4)}",
                       "the recommendations in the report be endorsed"))
    lines = [
        f"{number}. {title}", "", "Minutes:", "",
        f"{presenter} presented the report. {figure_sentence(w, key, y, m)} {paragraph(w)}", "",
        "In the discussion that followed the following principal points were made:", "", *points, "",
    ]
    if w.rng.random() < 0.5:
        mover, seconder = w.councillors(2)
        lines += [f"Councillor {mover} moved, and Councillor {seconder} seconded, that {decision}. On being put to "
                  f"the vote the motion was carried.", ""]
    lines += [f"RESOLVED: That {decision}.", ""]
    if w.rng.random() < 0.6:
        lines += [f"Action: {w.officer('performance', named=False)} to circulate the figures for "
                  f"{MEASURES[w.pick(REPORT_MEASURES)].topic} to members before the next meeting.", ""]
    return lines


def council_minutes(w: Writer) -> Paper:
    """Full council: public questions, a motion on notice with mover, seconder and a recorded vote."""
    day = w.day
    number = 40 + day.month * 3
    chair, vice = w.chair, w.vice
    mover, seconder = w.councillors(2)
    votes_for, against, abstain = w.rng.randint(22, 40), w.rng.randint(3, 18), w.rng.randint(0, 4)
    motion = w.pick(("the council reaffirms its commitment to the children in its care and asks the Cabinet to "
                     "review the support offered to foster carers",
                     "the council asks the Cabinet to report on the number of children placed outside the county",
                     "the council supports a campaign to recruit more foster carers in the market towns"))
    lines = [
        f"Minutes of the meeting of Council held at {w.pick(venues(day.year))} on {long_date(day)} at "
        f"{w.pick(('10.00 am', '11.00 am', '2.00 pm'))}", "",
        f"Present: Councillor {chair} (Chairman)", f"Councillor {vice} (Vice-Chairman)", "",
        "Councillors: " + ", ".join(sorted(w.councillors(w.rng.randint(18, 30)))), "",
        f"{number}. PRAYERS", "", "Minutes:", "", "The Chairman's chaplain led the council in prayer.", "",
        f"{number + 1}. QUESTIONS FROM MEMBERS OF THE PUBLIC", "", "Minutes:", "",
        *public_answers(w, 2), "",
        f"{number + 2}. NOTICE OF MOTION: CHILDREN IN CARE", "", "Minutes:", "",
        f"Councillor {mover} proposed, and Councillor {seconder} seconded, the following motion: that {motion}.", "",
        f"In moving the motion Councillor {mover} said that {lower_first(figure_sentence(w, 'cic', *w.recent()))}",
        "",
        f"A recorded vote was taken: {votes_for} for, {against} against and {abstain} abstaining. The motion was "
        f"{'carried' if votes_for > against else 'lost'}.", "",
        f"RESOLVED: That {motion}.", "",
        f"{number + 3}. REPORT OF THE CABINET MEMBER", "", "Minutes:", "",
        f"{w.officer('cabinet_member')} presented the report. "
        f"{figure_sentence(w, w.pick(('uasc', 'households', 'residential')), *w.recent(2))} {paragraph(w)}", "",
        f"The meeting ended at {w.pick(('12.35 pm', '1.10 pm', '4.05 pm', '4.50 pm'))}", "", "CHAIRMAN",
    ]
    title = f"Minutes of Council, {day.day} {MONTHS[day.month - 1]} {day.year}"
    return _paper(w, "minutes", title, "minutes", lines)


QUESTION_TOPICS = (
    ("cic", "why the number of children in care had not fallen"),
    ("households", "how many foster carers the council had approved"),
    ("uasc", "how many unaccompanied children the council was looking after"),
    ("residential", "how many children were living in children's homes"),
    ("rereferral", "why families were being referred again so soon"),
    ("unallocated", "how many cases were waiting for a social worker"),
)


def public_answers(w: Writer, count: int) -> list[str]:
    lines = []
    for number, (key, topic) in enumerate(w.rng.sample(QUESTION_TOPICS, count), start=1):
        asker = w.resident()
        y, m = w.recent(w.rng.randint(1, 2))
        lines += [f"Question {number}: {asker} asked {topic}.",
                  f"Answer: {w.officer('cabinet_member')} replied that {lower_first(figure_sentence(w, key, y, m))} "
                  f"{paragraph(w)}", ""]
    return lines


def questions_paper(w: Writer) -> Paper:
    """A public question sheet: a table of questions, then each written response."""
    c, day = w.committee, w.day
    topics = w.rng.sample(QUESTION_TOPICS, w.rng.randint(2, 3))
    askers = [f"{w.resident()}, {w.pick(LOCALITIES)}" for _ in topics]
    lines = [f"Public questions to the {c.name}, {day.day} {MONTHS[day.month - 1]} {day.year}", "",
             "Ref\tQuestioner\tSubject\tTo"]
    lines += [f"PQ{i}\t{asker}\t{topic[0].upper()}{topic[1:]}\t{w.posts['cabinet_member']}"
              for i, (asker, (_, topic)) in enumerate(zip(askers, topics, strict=True), start=1)]
    lines.append("")
    for i, (key, topic) in enumerate(topics, start=1):
        y, m = w.recent(w.rng.randint(1, 2))
        lines += [f"PQ{i}: written response", "",
                  f"The questioner asked {topic}. {figure_sentence(w, key, y, m)} "
                  f"{figure_sentence(w, key, *w.recent(w.rng.randint(3, 5)))} {paragraph(w)}", ""]
    lines.append(f"Responses prepared by {w.officer('director', named=True)}.")
    title = f"Questions from members of the public, {c.name}, {day.day} {MONTHS[day.month - 1]} {day.year}"
    return _paper(w, "public-questions", title, "public questions", lines)


def report_head(w: Writer, title: str, purpose: str, recommendation: str) -> list[str]:
    return [
        f"Title of report: {title}", "", f"Meeting: {w.committee.name}", "", f"Meeting date: {long_date(w.day)}",
        "", f"Report by: {w.officer(w.pick(('director', 'looked_after', 'performance')), named=True)}", "",
        "Classification", "", "Open", "", "Wards affected", "", "Countywide", "", "Purpose", "", purpose, "",
        "Recommendation(s)", "", f"THAT: {recommendation}", "", "Key considerations", "",
    ]


def report_tail(w: Writer, start: int) -> list[str]:
    lines = []
    for number, heading in enumerate(w.rng.sample(("Community impact", "Equality duty", "Resource implications",
                                                    "Legal implications", "Risk management", "Consultees"), 3),
                                     start=start):
        lines += [heading, "", f"{number}. {paragraph(w)}", ""]
    return [*lines, "Background papers", "", "None identified."]


def performance_report(w: Writer) -> Paper:
    """A performance report: figure sentences, a monthly table, an annual table, a postcode table."""
    key = w.pick(REPORT_MEASURES)
    months = months_before(w.year, w.day.month, w.rng.randint(4, 8))
    y, m = months[-1]
    name = w.pick(("Children in care performance report", "Children's social care performance update",
                   "Safeguarding and looked after children performance", "Referral and assessment performance"))
    lines = report_head(w, name, f"To report performance on {MEASURES[key].topic} and related measures to the "
                        "committee.",
                        f"the committee notes performance to {label(y, m)} and identifies any areas for further "
                        f"scrutiny {later_meeting(w.year, w.day.month, 4)}.")
    lines += [f"1. {figure_sentence(w, 'cic', y, m)} That is a rate of {rate(w.seed, y, m)} per 10,000 children.",
              "", f"2. {figure_sentence(w, key, y, m)} {paragraph(w)}", "",
              f"3. {figure_sentence(w, w.pick(REPORT_MEASURES), *months[0], dated=w.rng.random() < 0.6)}", "",
              f"4. The table below shows {MEASURES[key].topic} month by month.", "",
              monthly_table(w, key, months), "",
              "5. Children in care against comparators:", "", rate_table(w, months[-3:]), ""]
    number = 6
    annual = annual_table(w)
    if annual:
        lines += [f"{number}. Entries to and exits from care by year:", "", annual, ""]
        number += 1
    if w.rng.random() < 0.5:
        lines += [f"{number}. The home postcodes of children who came into care in the twelve months to "
                  f"{label(y, m)} were:", "", postcode_table(w), ""]
        number += 1
    lines += [f"{number}. {figure_sentence(w, 'uasc', y, m)} {paragraph(w)}", ""]
    title = f"{name}, {w.day.day} {MONTHS[w.day.month - 1]} {w.day.year}"
    return _paper(w, "performance-report", title, "report", lines + report_tail(w, number + 1))


def fostering_report(w: Writer) -> Paper:
    """The fostering service's report to the Corporate Parenting Board: carers, allowances, placements."""
    y, m = w.recent()
    fy = financial_year(w.year - 1 if w.day.month >= 4 else w.year - 2)
    approved = w.rng.randint(6, 24)
    name = w.pick(("Fostering service update", "Fostering service annual report", "Placement sufficiency update"))
    lines = report_head(w, name, "To update the board on the fostering service, placements and care leavers.",
                        "the board notes the report and the progress of the recruitment campaign.")
    approved_line = (f"The service approved {approved} new fostering households in {fy}." if fy else
                     f"The service approved {approved} new fostering households in the twelve months to "
                     f"{label(y, m)}.")
    lines += [f"1. {figure_sentence(w, 'households', y, m)} {approved_line}", "",
              f"2. {figure_sentence(w, 'allowance', y, m)} A skills payment is added for carers who have completed "
              "the advanced training.", "",
              f"3. {figure_sentence(w, 'inhouse', y, m)} {figure_sentence(w, 'kinship', y, m, dated=False)}", "",
              f"4. {figure_sentence(w, 'fgc', y, m)} {paragraph(w)}", "",
              f"5. {figure_sentence(w, 'leavers', y, m)} {paragraph(w)}", "",
              "6. Placements by type:", "", placement_table(w, y, m), ""]
    title = f"{name}, Corporate Parenting Board, {w.day.day} {MONTHS[w.day.month - 1]} {w.day.year}"
    return _paper(w, "fostering-report", title, "report", lines + report_tail(w, 7))


def placement_table(w: Writer, year: int, month: int) -> str:
    rows = ["Placement type\tChildren\tAverage weekly cost"]
    costs = {"residential": "rescost", "external": "ifacost"}
    for key in ("inhouse", "external", "kinship", "residential", "parents"):
        cost = shown(costs[key], w.value(costs[key], year, month)) if key in costs else "-"
        rows.append(f"{MEASURES[key].column}\t{w.value(key, year, month)}\t{cost}")
    return "\n".join(rows)


def placements_report(w: Writer) -> Paper:
    """The children's placement budget, to Cabinet (or the scrutiny committees)."""
    y, m = w.recent()
    budget = 4 + round(6 * _unit(w.seed, "budget", w.year), 1)
    over = round(0.2 + 1.6 * _unit(w.seed, "over", w.year, w.day.month), 2)
    fy = financial_year(w.year if w.day.month >= 4 else w.year - 1)
    period = f"for {fy}" if fy else "for the current year"
    name = w.pick(("Children's placement budget monitoring", "Looked after children placement costs"))
    lines = report_head(w, name, "To report the forecast position on the budget for children's placements.",
                        "the forecast position be noted and the actions to manage placement costs be endorsed.")
    lines += [f"1. The placements budget {period} is £{budget}m and the forecast overspend is £{over}m.", "",
              f"2. {figure_sentence(w, 'rescost', y, m)} {figure_sentence(w, 'residential', y, m)}", "",
              f"3. {figure_sentence(w, 'ifacost', y, m)} {figure_sentence(w, 'external', y, m)}", "",
              f"4. {figure_sentence(w, w.pick(PLACEMENT_MEASURES), y, m, dated=False)} {paragraph(w)}", "",
              "5. Placements and costs:", "", placement_table(w, y, m), "",
              f"6. {figure_sentence(w, 'uasc', y, m)} The grant from the Home Office does not meet the full cost of "
              "their care.", ""]
    title = f"{name}, {w.committee.name}, {w.day.day} {MONTHS[w.day.month - 1]} {w.day.year}"
    return _paper(w, "placements-report", title, "report", lines + report_tail(w, 7))


def item_page(w: Writer) -> Paper:
    """One agenda item's page: its title and summary, then "Minutes:" with the officer's points and questions."""
    title = w.pick(("Children in care update", "Unaccompanied asylum seeking children",
                    "Placement sufficiency", "Edge of care service"))
    y, m = w.recent()
    keys = w.rng.sample(w.measures, 4)
    presenter = w.officer(w.pick(("director", "safeguarding", "looked_after")), named=True)
    lines = ["Agenda item", "", title, "", f"An update to the committee on {title.lower()}.", "", "Minutes:", "",
             f"{presenter} introduced the item and made the following points:", ""]
    lines += [f"- {figure_sentence(w, key, y, m, dated=w.rng.random() < 0.65)}" for key in keys]
    lines += ["", "Members' questions and the answers given:", ""]
    lines += [f"{i}. {discussion_point(w)}" for i in range(1, w.rng.randint(3, 5))]
    lines += ["", f"RESOLVED: That the update on {title.lower()} be noted.", ""]
    day = w.day
    full = f"Minutes: {title}, {w.committee.name}, {day.day} {MONTHS[day.month - 1]} {day.year}"
    return _paper(w, "minutes-item", full, "minutes", lines)


WRITERS = {"agenda": agenda, "minutes": minutes, "council-minutes": council_minutes, "questions": questions_paper,
           "performance": performance_report, "fostering": fostering_report, "placements": placements_report,
           "item": item_page}


def _paper(w: Writer, name: str, title: str, doc_type: str, lines: list[str]) -> Paper:
    copy = f"-{w.slot.copy + 1}" if w.slot.copy else ""
    file = f"{w.day.isoformat()}-{w.committee.slug}-{name}{copy}.txt"
    text = "\n".join(lines) + "\n"
    stray = years_in(text) - set(YEARS)
    if stray:
        raise AssertionError(f"{file} names year(s) {sorted(stray)} outside {YEARS}")
    return Paper(file, title, w.committee.name, w.day.isoformat(), doc_type, text)


def paper(seed: int, index: int) -> Paper:
    """Distractor paper `index` for `seed`."""
    where = slot(seed, index)
    return WRITERS[where.kind](Writer(seed, where))


# -- years ------------------------------------------------------------------------------------------
_FULL = re.compile(r"(?<![\d,.£])((?:19|20)\d\d)(?:\s*[/\-–]\s*(\d\d))?(?![\d,])")
_SHORT = re.compile(r"(?<![\d,.£/])(\d\d)\s*/\s*(\d\d)(?![\d%/])")
_MONTH_SHORT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+'?(\d\d)\b", re.I)


def years_in(text: str) -> set[int]:
    """Every year a text names: 2007, 2006/07, 06/07, "April 07", "Jan '07"."""
    found: set[int] = set()
    for first, second in _FULL.findall(text):
        found.add(int(first))
        if second and int(second) == (int(first) + 1) % 100:
            found.add(int(first) + 1)
    for first, second in _SHORT.findall(text):
        if int(second) == (int(first) + 1) % 100:
            found |= {2000 + int(first), 2000 + int(second)}
    found |= {2000 + int(y) for y in _MONTH_SHORT.findall(text)}
    return found


def question_files(root: Path = ROOT) -> list[Path]:
    return [*sorted((root / "eval" / "heldout").glob("*/questions.jsonl")), root / "eval" / "questions.jsonl",
            root / "tests" / "data" / "questions_extra.jsonl"]


def mentioned_years(root: Path = ROOT) -> dict[str, set[int]]:
    """The years the question files (question, answers, evidence) and the shipped papers name."""
    out: dict[str, set[int]] = {}
    for path in question_files(root):
        years: set[int] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line)
                years |= years_in(" ".join([q["question"], *q.get("answers", []), *q.get("evidence", [])]))
        out[str(path.relative_to(root))] = years
    with open(root / "corpus" / "manifest.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = (root / "corpus" / row["file"]).read_text(encoding="utf-8")
            out[f"corpus/{row['file']}"] = years_in(text) | {int(row["meeting_date"][:4])}
    return out


def check_years(root: Path = ROOT) -> None:
    """Fail when a year of YEARS is one a question or a shipped paper names."""
    clashes = {name: sorted(years & set(YEARS)) for name, years in mentioned_years(root).items()
               if years & set(YEARS)}
    if clashes:
        raise SystemExit(f"YEARS {YEARS} clash with years named in: {clashes}")


# -- writing ----------------------------------------------------------------------------------------
def write_distractors(out: Path, papers: int = 600, seed: int = 11, append: bool = False) -> list[Paper]:
    """Write `papers` distractors and their manifest rows into `out`. With `append`, the rows are added to
    the manifest.csv already there (keeping its columns, adding any of MANIFEST_COLUMNS it lacks) and no file
    already there is overwritten."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = [paper(seed, index) for index in range(papers)]
    existing: list[dict[str, str]] = []
    columns = list(MANIFEST_COLUMNS)
    manifest = out / "manifest.csv"
    if append and manifest.exists():
        with open(manifest, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            columns = [*(reader.fieldnames or []), *(c for c in MANIFEST_COLUMNS if c not in (reader.fieldnames or []))]
            existing = list(reader)
    taken = {row["file"] for row in existing}
    for p in written:
        if p.file in taken or (append and (out / p.file).exists()):
            raise FileExistsError(f"{out / p.file} is already in the corpus")
        (out / p.file).write_text(p.text, encoding="utf-8")
    rows = existing + [{"file": p.file, "title": p.title, "committee": p.committee, "meeting_date": p.meeting_date,
                        "doc_type": p.doc_type, "source_url": "", "seed_file": "", "council": COUNCIL}
                       for p in written]
    with open(manifest, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    stamp = {"seed": seed, "papers": papers, "years": sorted({int(p.meeting_date[:4]) for p in written}),
             "files": [p.file for p in written]}
    (out / STAMP).write_text(json.dumps(stamp, indent=1))
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--papers", type=int, default=600)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--append", action="store_true",
                        help="add to the corpus (and manifest.csv) already in OUT instead of needing it empty")
    args = parser.parse_args(argv)
    if not args.append and args.out.exists() and any(args.out.iterdir()):
        sys.exit(f"{args.out} is not empty (use --append to add to a corpus)")
    if (ROOT / "corpus" / "manifest.csv").exists():
        check_years()
    written = write_distractors(args.out, args.papers, args.seed, args.append)
    years = sorted({int(p.meeting_date[:4]) for p in written})
    print(f"wrote {len(written)} distractor papers ({sum(len(p.text) for p in written):,} characters, years "
          f"{', '.join(map(str, years))}) to {args.out}")


if __name__ == "__main__":
    main()
