"""Cases for the reader's training data (benchmarks/reader_data.py): one question and one sentence of an
invented council's paper, with the answer the sentence gives, aimed at the answers the archive gets wrong.

Each miss class has one small function `f(rng, council) -> Case | None` (None when the draw gives an
ambiguous sentence; the caller draws again), and `case(seed, index)` picks the class and the invented
council for a row: every case is a pure function of (seed, index). The classes:

    two_periods    two values and two periods in one sentence ("fell from 41% in May 2022 to 58% in May 2023")
    two_roles      two people and two roles ("A had replaced B as Director of Finance, and C had replaced D ...")
    table_column   a table row under its header, asked for one column (a year, a target, an owner)
    rate_base      a rate and its base, a sum and its budget ("an overspend of £1.2m against a budget of £45m")
    exception      a value and its exception ("a discount of 30% (15% for second homes)")
    before_after   before and after ("rose from five to nine", "fell from £2.1m to £1.6m")
    number_words   counts in words ("twenty-three applications were received, of which seven were refused")
    open           answers that are not a figure, date or name (which body, what was recommended, how funded)
    facts          the facts the invented councils' papers state (papers_with_questions), in their sentences
    unanswerable_period / _measure / _council
                   an answerable case whose question names a period, measure or council the sentence does not

The wording is written for this module (no text of real papers); the names, places and measures come from
the rest of the package."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace

from .committees import COMMITTEES
from .corpus import meeting_papers
from .council import council_meetings
from .dates import MONTHS
from .names import FIRST_NAMES, SURNAMES, VENUES, council_area, council_name, place_name
from .papers import Fact, Paper
from .prose import GENERAL_NOUNS
from .writer import capital

COUNCILS = 300  # invented councils the cases are set in (the reader holds some out by council)


@dataclass(frozen=True)
class Case:
    kind: str  # the miss class
    question: str
    sentence: str  # one sentence, or one tab-separated table row
    answers: tuple[str, ...]  # accepted answers as the sentence writes them, the first as written; () none
    council: int  # the invented council (council_name gives the group)
    header: str = ""  # a table row's header line
    # (what, text in the question, a replacement the sentence does not hold): the unanswerable variants
    swaps: tuple[tuple[str, str, str], ...] = ()

    @property
    def group(self) -> str:
        return council_name(self.council)


# -- numbers and periods as papers write them -------------------------------------------------------------
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_words(n: int) -> str:
    """ "twenty-three", "one hundred and four" (0 to 999)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else "")
    rest = n % 100
    return f"{_ONES[n // 100]} hundred" + (f" and {in_words(rest)}" if rest else "")


def fy(start: int, short: bool = False) -> str:
    """ "2022/23" (or "22/23")."""
    return f"{start % 100:02d}/{(start + 1) % 100:02d}" if short else f"{start}/{(start + 1) % 100:02d}"


def on(period: str) -> str:
    """A period with its preposition: "in May 2022", "at 31 March 2023"."""
    return f"at {period}" if period[:1].isdigit() and " " in period else f"in {period}"


def period_pair(rng: random.Random) -> tuple[str, str, str, str]:
    """Two periods of one form, earlier first, a third of that form that is neither, and the words before
    each in a sentence ("in", "at the end of", "at")."""
    year = rng.randint(2016, 2023)
    form = rng.choices(("month", "fy", "quarter", "year_end", "year"), weights=(5, 3, 2, 1, 1))[0]
    if form == "month":
        month, gap = rng.randrange(12), rng.choice((12, 12, 1, 3, 6))
        m2, y2 = (month + gap) % 12, year + (month + gap) // 12
        om, oy = rng.choice(((month, year - 1), ((month - 1) % 12, year - (month == 0)),
                             ((m2 + 1) % 12, y2 + (m2 == 11))))
        at = rng.choice(("in", "in", "at the end of"))
        return f"{MONTHS[month]} {year}", f"{MONTHS[m2]} {y2}", f"{MONTHS[om]} {oy}", at
    if form == "fy":
        return fy(year - 1), fy(year), fy(rng.choice((year - 2, year + 1))), rng.choice(("in", "for", "in", "during"))
    if form == "quarter":
        q = rng.randint(1, 3)
        label = rng.choice(("Quarter {q} {fy}", "Q{q} {fy}"))
        make = lambda q_, y_: label.format(q=q_, fy=fy(y_))  # noqa: E731
        return make(q, year), make(q + 1, year), make(q, year - 1), rng.choice(("in", "at the end of"))
    if form == "year_end":
        return f"31 March {year - 1}", f"31 March {year}", f"31 March {year - 2}", "at"
    return str(year - 1), str(year), str(year - 2), "in"


def percent_text(rng: random.Random, value: float, style: int) -> str:
    shown = f"{value:.1f}" if style == 1 else f"{round(value)}"
    return f"{shown} per cent" if style == 2 else f"{shown}%"


def money_text(thousands: int, style: int) -> str:
    """£ in papers' forms: "£1.2m", "£5,039k", "£450,000", "£2.5 million"."""
    if style == 0 and thousands >= 1000:
        return f"£{thousands / 1000:.1f}m".replace(".0m", "m")
    if style == 1:
        return f"£{thousands:,}k"
    if style == 3 and thousands >= 1000:
        return f"£{thousands / 1000:.1f} million".replace(".0 million", " million")
    return f"£{thousands * 1000:,}"


@dataclass(frozen=True)
class Gauge:
    """A measure with its unit, as prose names it (first) and as questions may (any)."""

    unit: str  # count | percent | money | rate
    names: tuple[str, ...]
    low: int
    high: int
    column: str = ""  # as a table's row label says it

    def draw(self, rng: random.Random) -> float:
        return rng.uniform(self.low, self.high)

    def later(self, rng: random.Random, value: float) -> float:
        """A value some months on: near the first, as series move (a percentage by points)."""
        if self.unit == "percent":
            return min(100.0, max(1.0, value + rng.uniform(-12, 12)))
        return max(1.0, value * rng.uniform(0.7, 1.4))


GAUGES = (
    *(Gauge("count", (m.phrase,), int(m.low), int(m.high), m.column) for c in COMMITTEES for m in c.measures),
    Gauge("count", ("households in temporary accommodation", "families in temporary accommodation"), 40, 900,
          "Households in TA"),
    Gauge("count", ("children in care", "looked after children", "children looked after"), 120, 900,
          "Children in care"),
    Gauge("count", ("rough sleepers", "people sleeping rough"), 2, 60, "Rough sleepers"),
    Gauge("count", ("missed bin collections", "missed collections"), 150, 4000, "Missed collections"),
    Gauge("percent", ("the share of household waste recycled", "the proportion of household waste recycled",
                      "the recycling rate"), 35, 62, "Household waste recycled (%)"),
    Gauge("percent", ("the council tax collection rate", "the share of council tax collected"), 91, 99,
          "Council tax collected (%)"),
    Gauge("percent", ("the share of major planning applications decided in time",
                      "the percentage of major applications determined on time"), 60, 100, "Majors in time (%)"),
    Gauge("percent", ("the share of calls answered within 60 seconds", "the proportion of calls answered in a minute"),
          35, 95, "Calls answered in 60s (%)"),
    Gauge("percent", ("the share of care leavers in education, employment or training",
                      "the proportion of care leavers in education, employment or training"), 40, 70,
          "Care leavers EET (%)"),
    Gauge("percent", ("staff turnover", "the staff turnover rate"), 7, 19, "Staff turnover (%)"),
    Gauge("percent", ("the share of EHC plans issued within 20 weeks",
                      "the proportion of education, health and care plans issued on time"), 20, 95,
          "EHCPs in 20 weeks (%)"),
    Gauge("money", ("the forecast overspend on children's placements", "the projected overspend on placements"),
          300, 9000, "Placements overspend"),
    Gauge("money", ("spending on agency staff", "agency spend", "the cost of agency staff"), 400, 12000,
          "Agency spend"),
    Gauge("money", ("the cost of temporary accommodation", "spending on temporary accommodation"), 200, 6000,
          "Temporary accommodation cost"),
    Gauge("money", ("the level of general reserves", "general fund reserves"), 4000, 40000, "General reserves"),
    Gauge("money", ("business rates arrears", "arrears of business rates"), 300, 5000, "Business rates arrears"),
    Gauge("rate", ("the rate of children in care", "the looked after children rate"), 40, 110, "CiC rate per 10,000"),
    Gauge("rate", ("the rate of child protection plans", "the child protection rate"), 25, 70, "CP rate per 10,000"),
    Gauge("rate", ("the rate of referrals to children's social care", "the referral rate"), 300, 700,
          "Referrals per 10,000"),
)


def shown(gauge: Gauge, rng: random.Random, value: float, style: int) -> tuple[str, tuple[str, ...]]:
    """A value as the sentence writes it, and the answers that accept it."""
    if gauge.unit == "percent":
        text = percent_text(rng, value, style % 3)
        return text, (text,)
    if gauge.unit == "money":
        text = money_text(round(value), style % 4)
        return text, (text,)
    if gauge.unit == "rate":
        number = f"{value:.1f}" if style % 2 else f"{round(value)}"
        return f"{number} per 10,000", (f"{number} per 10,000", number)
    text = f"{round(value):,}"
    return text, (text,)


def subject(gauge: Gauge, name: str) -> str:
    """The measure as a sentence's subject: "the number of rough sleepers", "the recycling rate"."""
    return f"the number of {name}" if gauge.unit == "count" else name


def figure_question(rng: random.Random, gauge: Gauge, name: str, when: str, area: str) -> str:
    at = on(when)
    if gauge.unit == "count":
        return rng.choice((f"How many {name} were there {at}?", f"What was the number of {name} {at}?",
                           f"How many {name} did {area} record {at}?", f"{capital(at)}, how many {name} were reported?",
                           f"What figure was reported for {name} {at}?", f"How many {name} were there in {area} {at}?"))
    return rng.choice((f"What was {name} {at}?", f"What was {name} for {when}?",
                       f"What figure did the report give for {name} {at}?", f"{capital(at)}, what was {name}?",
                       f"What was {name} in {area} {at}?"))


LEADS = ("", "", "", "", "", "Members were advised that ", "The report noted that ", "It was reported that ",
         "As set out in the dashboard, ", "The Head of Service explained that ", "Officers confirmed that ")
MINUTE_LEADS = ("", "", "", "", "It was noted that ", "The Chairperson reported that ", "Members noted that ",
                "The Monitoring Officer confirmed that ")


def lead(rng: random.Random, text: str, leads: tuple[str, ...] = LEADS) -> str:
    """A sentence with an optional lead-in or paragraph number ("4.2 Members were advised that ...")."""
    opening = rng.choice(leads)
    body = opening + text if opening else capital(text)
    if rng.random() < 0.12:
        body = f"{rng.randint(2, 9)}.{rng.randint(1, 12)} {body}"
    return body


def other_gauge(rng: random.Random, gauge: Gauge, sentence: str) -> str:
    """A measure of the same unit that the sentence does not name (for a question it cannot answer)."""
    options = [g for g in GAUGES if g.unit == gauge.unit and g is not gauge and not any(n in sentence for n in g.names)]
    return rng.choice(rng.choice(options).names)


def other_area(rng: random.Random, council: int) -> str:
    other = (council + rng.randrange(1, COUNCILS)) % COUNCILS
    return council_area(other)


# -- the classes ----------------------------------------------------------------------------------------
def two_periods(rng: random.Random, council: int, named: bool = False) -> Case | None:
    gauge = rng.choice(GAUGES)
    p1, p2, p3, at = period_pair(rng)
    drawn = two_shown(gauge, rng)
    if drawn is None:
        return None
    v1, v2, style, (t1, a1), (t2, a2) = drawn
    name, area = gauge.names[0], council_area(council)
    s = subject(gauge, name)
    up = v2 > v1
    rise, risen = ("rose", "risen") if up else ("fell", "fallen")
    where = f" in {area}" if named else rng.choice(("", "", f" in {area}"))
    o1, o2 = (on(p1), on(p2)) if at == "in" or p1[:1].isdigit() else (f"{at} {p1}", f"{at} {p2}")
    templates = [
        f"{s}{where} {rise} from {t1} {o1} to {t2} {o2}",
        f"{o2}, {s}{where} was {t2}, compared with {t1} {o1}",
        f"{s}{where} stood at {t2} {o2} ({t1} {o1})",
        f"{s}{where} {rise} to {t2} {o2}, from {t1} {o1}",
        f"{area} reported {t2} {name} for {p2}, against {t1} for {p1}" if gauge.unit == "count" else
        f"{area} reported {t2} for {p2}, against {t1} for {p1}, on {name}",
    ]
    if not named:
        templates += [f"{s} was {t1} {o1} and {t2} {o2}",
                      f"compared with {p1} ({t1}), {s} had {risen} to {t2} {o2}"]
    if gauge.unit == "count":
        templates += [f"{o1} there were {t1} {name}{where}; by {p2} this had {risen} to {t2}",
                      f"there were {t2} {name}{where} {o2}, {'up' if up else 'down'} from {t1} {o1}",
                      f"{area} had {t1} {name} {o1} and {t2} {o2}"]
    text = rng.choice(templates)
    if rng.random() < 0.15 and gauge.unit in ("percent", "rate"):
        target, _ = shown(gauge, rng, gauge.draw(rng), style)
        if target not in (t1, t2):
            text += f", against a target of {target}"
    sentence = lead(rng, text) + "."
    asked_first = rng.random() < 0.5
    when, answers = (p1, a1) if asked_first else (p2, a2)
    qname = rng.choice(gauge.names)
    question = figure_question(rng, gauge, qname, when, area)
    return Case("two_periods", question, sentence, answers, council,
                swaps=(("period", when, p3), ("measure", qname, other_gauge(rng, gauge, sentence)),
                       ("council", area, other_area(rng, council))))


ROLES = ("Director of Finance", "Head of Legal Services", "Chief Executive", "Director of Children's Services",
         "Monitoring Officer", "Head of Planning", "Director of Public Health", "Director of Adult Social Care",
         "Head of Housing", "Assistant Director for Highways", "Head of Internal Audit",
         "Director of Economy and Place",
         "Head of Waste Services", "Chief Finance Officer", "Head of Democratic Services", "Director of Resources")


def names_drawn(rng: random.Random, count: int) -> list[str]:
    """`count` people with different first names and surnames (no two share a word)."""
    firsts = rng.sample(FIRST_NAMES, count)
    lasts = rng.sample([s for s in SURNAMES if s not in firsts], count)
    return [f"{a} {b}" for a, b in zip(firsts, lasts, strict=True)]


def two_roles(rng: random.Random, council: int) -> Case | None:
    a, b, c, d = names_drawn(rng, 4)
    r1, r2 = rng.sample(ROLES, 2)
    area = council_area(council)
    when = f"{MONTHS[rng.randrange(12)]} {rng.randint(2016, 2024)}"
    form = rng.randrange(5)
    if form == 0:
        sentence = lead(rng, f"{a} had replaced {b} as {r1}, and {c} had replaced {d} as {r2}") + "."
        options = [(f"Who replaced {b} as {r1.lower()}?", a), (f"Who had replaced {d}?", c),
                   (f"Whom did {c} replace?", d), (f"Who did {a} replace as {r1}?", b),
                   (f"Who is the new {r2} at {area}?", c), (f"Who was {r1} before {a}?", b)]
    elif form == 1:
        sentence = lead(rng, f"{a}, {r1}, and {c}, {r2}, presented the report", MINUTE_LEADS) + "."
        options = [(f"Who is the {r2}?", c), (f"Who is {area}'s {r1.lower()}?", a),
                   (f"Which officer presented the report as {r2}?", c), (f"What is {a}'s role?", r1)]
    elif form == 2:
        sentence = lead(rng, f"Councillor {a} was elected Chairperson and Councillor {c} Vice-Chairperson for the "
                        f"municipal year {fy(rng.randint(2016, 2024))}", MINUTE_LEADS) + "."
        options = [("Who was elected vice-chairperson?", c), ("Who was elected chairperson?", a),
                   (f"Which councillor became Vice-Chairperson of {area}'s committee?", c)]
    elif form == 3:
        sentence = lead(rng, f"Councillor {a} moved the recommendation, seconded by Councillor {b}; Councillor {c} "
                        f"moved an amendment, seconded by Councillor {d}", MINUTE_LEADS) + "."
        options = [("Who seconded the amendment?", d), ("Who moved the amendment?", c),
                   ("Who seconded the recommendation?", b), ("Who moved the recommendation?", a)]
    else:
        sentence = lead(rng, f"{b} will leave the post of {r1} in {when}; {a} will act as interim {r1} until "
                        f"{c} takes up the post") + "."
        options = [(f"Who will be interim {r1.lower()}?", a), (f"Who is leaving the post of {r1}?", b),
                   (f"Who will take up the post of {r1} permanently?", c)]
    question, answer = rng.choice(options)
    answers = (answer, f"Councillor {answer}") if form in (2, 3) else (answer,)
    return Case("two_roles", question, sentence, answers, council)


STATUSES = ("Complete", "Ongoing", "Overdue", "Not started", "On track")
RAG = ("Green", "Amber", "Red")
ACTIONS = ("circulate a briefing note on {noun}", "report back on {noun}", "arrange a site visit to {place}",
           "share the data on {noun} with members", "review the policy on {noun}", "write to the minister about {noun}")
SERVICES = ("Adult social care", "Children's services", "Highways and transport", "Waste and recycling", "Housing",
            "Public health", "Corporate services", "Planning and regulatory services", "Leisure and culture",
            "Home to school transport", "Economic development")


def table_column(rng: random.Random, council: int) -> Case | None:
    form = rng.choices(("years", "months", "budget", "actions"), weights=(4, 3, 2, 2))[0]
    area = council_area(council)
    if form == "years":
        gauge = rng.choice([g for g in GAUGES if g.unit != "money"])
        start = rng.randint(2017, 2022)
        quarters = rng.random() < 0.35
        periods = ([f"Q{q} {fy(start)}" for q in range(1, 5)] if quarters
                   else [fy(start + i) for i in range(rng.randint(3, 4))])
        style = rng.randrange(2)
        cells = [shown(gauge, rng, gauge.draw(rng), style) for _ in periods]
        texts = [t.replace(" per 10,000", "") for t, _ in cells]
        if len(set(texts)) < len(texts):
            return None
        extra = ([shown(gauge, rng, gauge.draw(rng), style)[0].replace(" per 10,000", ""), rng.choice(RAG)]
                 if rng.random() < 0.4 else [])
        header = "\t".join([rng.choice(("Measure", "Indicator", "Performance measure")), *periods,
                            *(["Target", "RAG"] if extra else [])])
        sentence = "\t".join([gauge.column or capital(gauge.names[0]), *texts, *extra])
        i = rng.randrange(len(periods))
        answer = texts[i]
        answers = (answer, f"{answer} per 10,000") if gauge.unit == "rate" else (answer,)
        when = periods[i] if not quarters else rng.choice((periods[i], periods[i].replace("Q", "Quarter ")))
        qname = rng.choice(gauge.names)
        other = fy(start - 1) if not quarters else f"Q{i + 1} {fy(start - 1)}"
        return Case("table_column", figure_question(rng, gauge, qname, when, area), sentence, answers, council,
                    header, (("period", when, other), ("measure", qname, other_gauge(rng, gauge, sentence))))
    if form == "months":
        gauge = rng.choice([g for g in GAUGES if g.unit == "count"])
        year, month = rng.randint(2016, 2024), rng.randrange(12)
        value, target = round(gauge.draw(rng)), round((gauge.low + gauge.high) / 2)
        neighbours = round(target * rng.uniform(0.85, 1.15))
        if len({value, target, neighbours}) < 3:
            return None
        when = f"{MONTHS[month]} {year}"
        header = "\t".join(["Month", gauge.column or capital(gauge.names[0]), "Target", "Statistical neighbours"])
        sentence = "\t".join([when, f"{value:,}", f"{target:,}", f"{neighbours:,}"])
        qname = rng.choice(gauge.names)
        asked = rng.random()
        if asked < 0.7:
            question, answer = figure_question(rng, gauge, qname, when, area), f"{value:,}"
        elif asked < 0.85:
            question, answer = f"What was the target for {qname} in {when}?", f"{target:,}"
        else:
            question, answer = f"What was the statistical neighbour figure for {qname} in {when}?", f"{neighbours:,}"
        other = f"{MONTHS[month]} {year - 1}"
        return Case("table_column", question, sentence, (answer,), council, header,
                    (("period", when, other), ("measure", qname, other_gauge(rng, gauge, sentence))))
    if form == "budget":
        service = rng.choice(SERVICES)
        budget = round(rng.uniform(2, 160), 1)
        forecast = round(budget * rng.uniform(0.93, 1.12), 1)
        variance = round(forecast - budget, 1)
        if abs(variance) < 0.1 or len({budget, forecast, abs(variance)}) < 3:
            return None
        var_text = f"{variance:.1f}" if variance > 0 else f"({-variance:.1f})"
        year = fy(rng.randint(2018, 2024))
        header = "\t".join(["Service", f"Budget {year} £m", "Forecast outturn £m", "Variance £m"])
        sentence = "\t".join([service, f"{budget:.1f}", f"{forecast:.1f}", var_text])
        asked = rng.randrange(3)
        question, answers = [
            (f"What is the {service.lower()} budget for {year}?", (f"{budget:.1f}",)),
            (f"What is the forecast outturn for {service.lower()} in {year}?", (f"{forecast:.1f}",)),
            (f"What variance is forecast for {service.lower()} in {year}?", (var_text, var_text.strip("()"))),
        ][asked]
        return Case("table_column", question, sentence, answers, council, header,
                    (("period", year, fy(int(year[:4]) - 1)),))
    action = rng.choice(ACTIONS).format(noun=rng.choice(GENERAL_NOUNS), place=capital(place_name(rng.randrange(5000))))
    owner, status = rng.choice(ROLES), rng.choice(STATUSES)
    due = f"{MONTHS[rng.randrange(12)]} {rng.randint(2019, 2025)}"
    header = "\t".join(["Ref", "Action", "Owner", "Due date", "Status"])
    sentence = "\t".join([f"{rng.randint(1, 60)}", capital(action), owner, due, status])
    asked = rng.randrange(3)
    question, answer = [(f"Who is responsible for the action to {action}?", owner),
                        (f"When is the action to {action} due?", due),
                        (f"What is the status of the action to {action}?", status)][asked]
    return Case("table_column", question, sentence, (answer,), council, header)


OUTCOMES = (("planning appeals", "dismissed"), ("complaints", "upheld"), ("applications", "approved"),
            ("freedom of information requests", "answered within 20 working days"), ("referrals", "accepted"),
            ("licence applications", "granted"), ("inspections", "rated good or outstanding"))


def rate_base(rng: random.Random, council: int) -> Case | None:
    area = council_area(council)
    year = fy(rng.randint(2018, 2024))
    form = rng.randrange(6)
    style = rng.choice((0, 0, 1, 2, 3))
    if form == 0:
        service = rng.choice(SERVICES).lower()
        budget = rng.randint(3000, 90000)
        over = rng.randint(150, max(200, budget // 8))
        x, y = money_text(over, style), money_text(budget, style)
        text = rng.choice((f"{service} reported a projected overspend of {x} against a budget of {y} for {year}",
                           f"the {service} budget of {y} for {year} is forecast to overspend by {x}",
                           f"against a net budget of {y}, {service} is forecasting an overspend of {x} in {year}"))
        options = [(f"What is the projected overspend on {service} in {year}?", x),
                   (f"By how much is {service} forecast to overspend in {year}?", x),
                   (f"What is the {service} budget for {year}?", y),
                   (f"How much is budgeted for {service} in {year}?", y)]
    elif form == 1:
        target = rng.randint(800, 20000)
        done = rng.randint(300, target - 100)
        x, y = money_text(done, style), money_text(target, style)
        text = rng.choice((f"savings of {x} had been delivered by {MONTHS[rng.randrange(12)]}, against a target of {y} "
                           f"for {year}", f"of the {y} savings target for {year}, {x} has been achieved"))
        options = [(f"How much in savings had been delivered in {year}?", x),
                   (f"What was the savings target for {year}?", y)]
    elif form == 2:
        noun, outcome = rng.choice(OUTCOMES)
        n = rng.randint(20, 2400)
        k = rng.randint(3, n - 2)
        p = f"{100 * k / n:.0f}%"
        if p in (f"{n}%", f"{k}%") or str(k) == p[:-1]:
            return None
        text = rng.choice((f"of the {n:,} {noun} received in {year}, {k:,} ({p}) were {outcome}",
                           f"{k:,} of the {n:,} {noun} in {year} ({p}) were {outcome}"))
        options = [(f"How many {noun} were {outcome} in {year}?", f"{k:,}"),
                   (f"What percentage of {noun} were {outcome} in {year}?", p),
                   (f"How many {noun} were received in {year}?", f"{n:,}")]
    elif form == 3:
        rate = rng.randint(35, 110)
        count = round(rate * rng.uniform(2.5, 9))
        if rate == count:
            return None
        text = rng.choice((f"{area} had {rate} children in care per 10,000, equivalent to {count} children",
                           f"the {count} children in care represent a rate of {rate} per 10,000 children"))
        options = [(f"What was the rate of children in care per 10,000 in {area}?", f"{rate} per 10,000"),
                   (f"How many children were in care in {area}?", f"{count}")]
    elif form == 4:
        total = round(rng.uniform(2.9, 4.99), 2)
        precept = rng.choice((1.0, 2.0, 2.0, 1.5))
        t, pr = f"{total:g}%", f"{precept:g}%"
        precept_name = "the adult social care precept"
        text = rng.choice((f"the council tax increase of {t} for {year} includes {pr} for {precept_name}",
                           f"a council tax rise of {t} in {year}, of which {pr} is {precept_name}, was agreed"))
        options = [("How much of the council tax rise is the adult social care precept?", pr),
                   (f"What council tax increase was agreed for {year}?", t)]
    else:
        place = capital(place_name(rng.randrange(5000)))
        scheme = rng.choice(COMMITTEES).schemes[0].format(place=place, street="the station", n=rng.randint(20, 300))
        cost = rng.randint(900, 40000)
        grant = rng.randint(200, cost - 100)
        share = f"{100 * grant / cost:.0f}%"
        x, y = money_text(grant, style), money_text(cost, style)
        text = f"the grant of {x} covers {share} of the {y} cost of {scheme}"
        options = [(f"What is the total cost of {scheme}?", y), (f"How much grant was awarded for {scheme}?", x),
                   (f"What share of the cost of {scheme} does the grant cover?", share)]
    sentence = lead(rng, text) + "."
    question, answer = rng.choice(options)
    answers = (answer, answer.replace(" per 10,000", "")) if answer.endswith("per 10,000") else (answer,)
    swaps = (("period", year, fy(int(year[:4]) - 2)),) if year in question and year in sentence else ()
    return Case("rate_base", question, sentence, answers, council, swaps=swaps)


EXCEPTED = ("second homes", "empty properties", "care leavers", "pensioners", "properties left empty for over a year",
            "community groups", "charities")


def exception(rng: random.Random, council: int) -> Case | None:
    form = rng.randrange(5)
    year = rng.randint(2017, 2025)
    if form == 0:
        a, b = rng.sample((5, 10, 15, 20, 25, 30, 40, 50, 100), 2)
        who = rng.choice(EXCEPTED)
        text = rng.choice((f"members agreed a discount of {a}% ({b}% for {who}) from 1 April {year}",
                           f"a discount of {a}% will apply from April {year}, or {b}% for {who}"))
        options = [(f"What discount applies to {who}?", f"{b}%"),
                   (f"What is the discount for {who} from {year}?", f"{b}%"),
                   ("What is the standard discount?", f"{a}%")]
    elif form == 1:
        a, b = rng.sample((2, 3, 4, 5, 6, 7, 8, 10), 2)
        item = rng.choice(("burial fees", "allotment rents", "parking permits", "garden waste subscriptions",
                           "pest control charges", "room hire charges"))
        text = f"fees and charges will rise by {a}% from April {year}, except {item}, which will rise by {b}%"
        options = [(f"By what percentage will {item} rise?", f"{b}%"),
                   (f"What increase in fees and charges was agreed for {year}?", f"{a}%")]
    elif form == 2:
        a = rng.randint(20, 95)
        b = rng.randint(8, a - 4)
        fee = rng.choice(("garden waste charge", "meals on wheels charge", "day centre charge", "bulky waste charge"))
        who = rng.choice(("those receiving council tax support", "pensioners", "residents on pension credit"))
        text = rng.choice((f"the {fee} is £{a} (£{b} for {who})", f"the {fee} will be £{a}, reduced to £{b} for {who}"))
        options = [(f"What is the {fee} for {who}?", f"£{b}"), (f"What is the full {fee}?", f"£{a}")]
    elif form == 3:
        target = rng.choice((85, 90, 95))
        b = rng.randint(60, target - 2)
        ward = capital(place_name(rng.randrange(5000)))
        units = rng.choice(("wards", "schools", "depots", "areas"))
        text = f"all {units} met the target of {target}%, with the exception of {ward}, at {b}%"
        options = [(f"What was the figure for {ward}?", f"{b}%"), (f"What was the target for {units}?", f"{target}%")]
    else:
        a = rng.randint(150, 320)
        b = a + rng.randint(15, 90)
        text = f"the weekly fostering allowance is £{a}, rising to £{b} for children aged 11 and over"
        options = [("What is the fostering allowance for children aged 11 and over?", f"£{b}"),
                   ("What is the basic weekly fostering allowance?", f"£{a}")]
    question, answer = rng.choice(options)
    sentence = lead(rng, text) + "."
    swaps = (("period", str(year), str(year - 3)),) if str(year) in question else ()
    return Case("exception", question, sentence, (answer,), council, swaps=swaps)


def two_shown(gauge: Gauge, rng: random.Random) -> tuple | None:
    """A value and a later one, written alike: (v1, v2, the style, shown v1, shown v2); None when they
    read the same."""
    v1 = gauge.draw(rng)
    v2 = gauge.later(rng, v1)
    style = rng.randrange(4)
    first, second = shown(gauge, rng, v1, style), shown(gauge, rng, v2, style)
    return None if first[0] == second[0] else (v1, v2, style, first, second)


EVENTS = ("after the restructure", "over the year", "since the last report", "following the review",
          "during the quarter", "after the new contract began")


def before_after(rng: random.Random, council: int) -> Case | None:
    gauge = rng.choice([g for g in GAUGES if g.unit != "rate"])
    event = rng.choice(EVENTS)
    if rng.random() < 0.4:  # a small count, often in words ("rose from five to nine")
        v1, v2 = rng.sample(range(2, 40), 2)
        words = rng.random() < 0.6
        t1, t2 = (in_words(v1), in_words(v2)) if words else (str(v1), str(v2))
        a1, a2 = (t1, capital(t1)), (t2, capital(t2))
        name = rng.choice(("wardens", "social workers in the team", "family hubs", "mobile library routes",
                           "enforcement officers", "recycling centres", "youth clubs", "planning officers"))
        s, count = f"the number of {name}", True
    else:
        drawn = two_shown(gauge, rng)
        if drawn is None:
            return None
        v1, v2, _, (t1, a1), (t2, a2) = drawn
        name = rng.choice(gauge.names)
        s, count = subject(gauge, gauge.names[0]), gauge.unit == "count"
    up = v2 > v1
    text = rng.choice((f"{s} {'rose' if up else 'fell'} from {t1} to {t2} {event}",
                       f"{s} has {'increased' if up else 'decreased'} to {t2} (previously {t1})",
                       f"{s} went {'up' if up else 'down'} from {t1} last year to {t2} this year",
                       f"{s} changed from {t1} to {t2} {event}"))
    sentence = lead(rng, text) + "."
    after = rng.random() < 0.55
    if count:
        question = rng.choice((f"How many {name} are there now?", f"How many {name} were there {event}?",
                               f"What is the latest number of {name}?") if after else
                              (f"How many {name} were there before?", f"What was the previous number of {name}?",
                               f"How many {name} were there before the change?"))
    else:
        question = rng.choice((f"What is {name} now?", f"What was {name} {event}?",
                               f"What is the latest figure for {name}?")
                              if after else (f"What was {name} before?", f"What was the previous figure for {name}?"))
    return Case("before_after", question, sentence, a2 if after else a1, council)


def number_words(rng: random.Random, council: int) -> Case | None:
    a = rng.randint(3, 140)
    b = rng.randint(2, a - 1)  # "of which two were"
    wa, wb = in_words(a), in_words(b)
    noun, outcome = rng.choice(OUTCOMES)
    form = rng.randrange(5)
    year = rng.randint(2016, 2024)
    if form == 0:
        text = f"{wa} {noun} were received in {year}, of which {wb} were {outcome}"
        options = [(f"How many {noun} were received in {year}?", wa), (f"How many {noun} were {outcome} in {year}?",
                                                                       wb)]
    elif form == 1:
        text = f"the panel heard {wa} appeals in {year} and upheld {wb}"
        options = [(f"How many appeals did the panel uphold in {year}?", wb),
                   (f"How many appeals were heard in {year}?", wa)]
    elif form == 2:
        text = f"officers had visited {wb} of the {wa} sites by the end of {MONTHS[rng.randrange(12)]} {year}"
        options = [("How many sites had officers visited?", wb), ("How many sites are there in total?", wa)]
    elif form == 3:
        a, b, c = rng.randint(8, 40), rng.randint(1, 12), rng.randint(1, 5)
        wa, wb = in_words(a), in_words(b)
        if len({a, b, c}) < 3:
            return None
        text = (f"the recommendation was carried with {wa} members voting in favour, {wb} against and {in_words(c)} "
                f"abstaining")
        options = [("How many members voted against the recommendation?", wb),
                   ("How many members voted in favour?", wa), ("How many members abstained?", in_words(c))]
    else:
        text = f"{wa} households were placed in bed and breakfast in {year}, {wb} of them for more than six weeks"
        options = [(f"How many households were placed in bed and breakfast in {year}?", wa),
                   (f"How many households stayed in bed and breakfast for more than six weeks in {year}?", wb)]
    question, answer = rng.choice(options)
    sentence = lead(rng, text, MINUTE_LEADS if form == 3 else LEADS) + "."
    swaps = (("period", str(year), str(year - 2)),) if str(year) in question else ()
    return Case("number_words", question, sentence, (answer, capital(answer)), council, swaps=swaps)


DUTIES = ("public health", "the local welfare assistance scheme", "school improvement", "adult education",
          "the home improvement agency", "building control", "coroner services", "emergency planning",
          "the youth offending service", "road safety education", "air quality monitoring")
BODIES = ("the Integrated Care Board", "the combined authority", "{area} Community Trust",
          "the {area} Partnership", "a joint committee with {other}", "{other} Borough Council",
          "the police and crime commissioner",
          "a wholly owned company", "the county council", "the NHS trust", "the fire and rescue authority")
GROUPS = ("task and finish group", "working group", "scrutiny panel", "cross-party working group", "member panel")
RECOMMENDATIONS = ("the council adopt a single waste contract", "officers review the parking charges in {place}",
                   "the policy be brought back to the committee in {month}", "a further report on {noun} be prepared",
                   "the pilot in {place} be extended for a further year", "members receive training on {noun}",
                   "the scheme be funded from reserves", "the consultation be extended by four weeks")
ROUTES = ("prudential borrowing", "the UK Shared Prosperity Fund", "section 106 contributions", "capital receipts",
          "the Household Support Fund", "the Better Care Fund", "a government grant", "earmarked reserves",
          "the Community Infrastructure Levy", "the Levelling Up Fund")
MODES = ("remotely via Microsoft Teams", "as a hybrid meeting", "in person at {venue}", "at {venue}",
         "in public at {venue}")


def open_answer(rng: random.Random, council: int) -> Case | None:
    area, other = council_area(council), other_area(rng, council)
    year = rng.randint(2017, 2025)
    place = capital(place_name(rng.randrange(5000)))
    form = rng.randrange(5)
    if form == 0:
        duty = rng.choice(DUTIES)
        body = rng.choice(BODIES).format(area=area, other=other)
        text = rng.choice((f"responsibility for {duty} will transfer from the council to {body} on 1 April {year}",
                           f"from April {year} {duty} will be delivered by {body}",
                           f"the duty to provide {duty} passed to {body} in {year}"))
        question = rng.choice((f"Which body took over responsibility for {duty}?",
                               f"Who will deliver {duty} from {year}?",
                               f"To which body did {duty} move?"))
        answer = body
    elif form == 1:
        group = rng.choice(GROUPS)
        rec = rng.choice(RECOMMENDATIONS).format(place=place, month=MONTHS[rng.randrange(12)],
                                                 noun=rng.choice(GENERAL_NOUNS))
        text = rng.choice((f"the {group} recommended that {rec}", f"the {group} on {rng.choice(GENERAL_NOUNS)} "
                           f"recommended that {rec}"))
        question = rng.choice((f"What did the {group} recommend?", f"What was the recommendation of the {group}?"))
        answer = rec
    elif form == 2:
        scheme = rng.choice(COMMITTEES).schemes[-1].format(place=place, street=f"{place} Road", n=rng.randint(20, 300))
        route = rng.choice(ROUTES)
        text = rng.choice((f"{scheme} will be funded from {route}",
                           f"the cost of {scheme} would be met through {route}",
                           f"members noted that {scheme} is to be financed by {route}"))
        question = rng.choice((f"How will {scheme} be funded?", f"What funding route was identified for {scheme}?",
                               f"Where is the money for {scheme} coming from?"))
        answer = route
    elif form == 3:
        committee = rng.choice(COMMITTEES).name
        mode = rng.choice(MODES).format(venue=rng.choice(VENUES))
        day = f"{rng.randint(1, 28)} {MONTHS[rng.randrange(12)]} {year}"
        text = f"the meeting of the {committee} on {day} was held {mode}"
        question = f"How was the {committee} meeting on {day} held?"
        answer = mode
        if " at " in mode and rng.random() < 0.5:  # a venue: asked where
            question, answer = f"Where was the {committee} meeting on {day} held?", mode[mode.index(" at ") + 4:]
    else:
        contract = rng.choice(("grounds maintenance", "the leisure centres", "highway maintenance", "school meals",
                               "home care in the north", "the housing repairs service"))
        firm = f"{place} {rng.choice(('Services Ltd', 'Group', 'Contracting Ltd', 'Partnership LLP', 'Care Ltd'))}"
        text = f"the contract for {contract} was awarded to {firm} for {rng.choice(('three', 'five', 'seven'))} years"
        question = rng.choice((f"Which company was awarded the contract for {contract}?",
                               f"Who won the {contract} contract?"))
        answer = firm
    sentence = lead(rng, text) + "."
    answers = (answer,)
    if answer.startswith("the "):
        answers += (answer[4:],)
    return Case("open", question, sentence, answers, council)


def paper_fact(seed: int, rng: random.Random, council: int) -> tuple[Paper, Fact] | None:
    """A fact one of the invented council's papers states (a dated figure, a budget, a seconder, votes
    against), from the same papers `papers_with_questions` writes; the caller finds its sentence."""
    meeting = rng.choice(council_meetings(seed, council))
    pairs = [(p, f) for p in meeting_papers(seed, meeting) for f in p.facts]
    return rng.choice(pairs) if pairs else None


ANSWERABLE: dict[str, Callable[[random.Random, int], Case | None]] = {
    "two_periods": two_periods, "two_roles": two_roles, "table_column": table_column, "rate_base": rate_base,
    "exception": exception, "before_after": before_after, "number_words": number_words, "open": open_answer,
}
UNANSWERABLE = {"unanswerable_period": "period", "unanswerable_measure": "measure", "unanswerable_council": "council"}
# the share of rows each class gets (facts: the papers' own sentences)
WEIGHTS = {"two_periods": 15, "two_roles": 9, "table_column": 10, "rate_base": 10, "exception": 7, "before_after": 8,
           "number_words": 6, "open": 8, "facts": 10, "unanswerable_period": 7, "unanswerable_measure": 5,
           "unanswerable_council": 5}
CLASSES = tuple(WEIGHTS)


def unanswerable(rng: random.Random, council: int, what: str) -> Case | None:
    """An answerable case whose question asks about a `what` (period, measure, council) the sentence does not hold:
    every candidate is wrong."""
    if what == "council":
        case = two_periods(rng, council, named=True)
    else:
        source = rng.choice(("two_periods", "two_periods", "table_column", "rate_base", "number_words", "exception"))
        case = ANSWERABLE[source](rng, council)
    if case is None:
        return None
    for kind, text, other in case.swaps:
        if kind != what or text not in case.question or other in case.sentence or other == text:
            continue
        if kind == "council" and text not in case.sentence:
            continue  # a council the sentence does not name cannot be told from another
        return replace(case, kind=f"unanswerable_{what}", question=case.question.replace(text, other, 1), answers=(),
                       swaps=())
    return None


def case(seed: int, index: int, classes: tuple[str, ...] = CLASSES) -> tuple[str, random.Random, int]:
    """The class, the random stream and the invented council of row `index`."""
    rng = random.Random(f"{seed}/reader/{index}")
    kind = rng.choices(classes, weights=[WEIGHTS[c] for c in classes])[0]
    return kind, rng, rng.randrange(COUNCILS)


def draw(kind: str, rng: random.Random, council: int) -> Case | None:
    """One case of an answerable or unanswerable class (facts are read from papers by the caller)."""
    if kind in UNANSWERABLE:
        return unanswerable(rng, council, UNANSWERABLE[kind])
    return ANSWERABLE[kind](rng, council)
