"""A synthetic council corpus of any size, for the scale benchmark (benchmarks/bench_scale.py).

Several councils, each with 8 to 11 committees meeting monthly from 2013 to 2024; each meeting has
an agenda, minutes (numbered items, "Minutes:", motions proposed and seconded, votes, RESOLVED,
actions) and one to three reports (title block, headings, numbered paragraphs, dated figures such
as "In March 2019 there were 412 looked-after children in Ashford", a table of monthly values,
budgets). Text is built from word lists and templates with place and person names generated from
syllables, so the vocabulary has a long tail like real papers.

Everything is a pure function of (seed, meeting, slot): the same seed gives byte-identical papers,
and the questions (`questions`) are generated from the facts the papers state.

    .venv/bin/python benchmarks/scale_corpus.py OUT_DIR --chunks 100000 [--seed 7]
"""

from __future__ import annotations

import argparse
import calendar
import csv
import functools
import json
import math
import random
import sys
import time
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

GENERATOR_VERSION = 2
STAMP = ".scale-corpus.json"  # a dot file: the corpus lister skips it
FIRST_YEAR, LAST_YEAR = 2013, 2024
CALIBRATION_PAPERS = 400
MONTHS = list(calendar.month_name)[1:]

# -- names ------------------------------------------------------------------------------------------
PLACE_HEADS = (
    "Ash Bram Cald Dun Elm Fen Glen Hart Holm Kings Lang Mar Nor Oak Pen Red Stan Thorn Up Wil Wych Yar "
    "Brad Chel Dor Hol Lud Mal Ros Tew Bex Crow Ever Frome Gil Hal Ket Lyd Mel Nar Oun Pem Quen Rud Sel Tad "
    "Ulver Wen Bar Cor Alder Bas Brom Car Chid Cle Dray Eas Fair Gos Ham Hen Hurst Ick Kem Kin Lea Lin Mid "
    "Mor New Ock Ox Pad Pit Rain Rick Sax Shep Sil Stok Sud Swin Tam Tod Wal War Whit Wig Wool Wor Yat"
).split()
PLACE_TAILS = (
    "ford bury ton ham ley worth field by mouth wick stead combe den hurst minster borough well bridge "
    "dale cote thorpe ing wood more bourne brook chester cliffe croft don fold gate hampton holme hope "
    "land low marsh port sey shaw stow wich"
).split()
COUNCIL_KINDS = ("County Council", "Council", "District Council", "Borough Council", "City Council")
STREET_KINDS = ("Road", "Lane", "Street", "Avenue", "Close", "Way", "Green", "Hill", "Park", "Crescent")
FIRST_NAMES = (
    "Alan Alison Amir Angela Barry Bernadette Bruce Carol Catherine Charlotte Clive Colin Dafydd David Deborah "
    "Derek Elaine Elizabeth Emma Fiona Frances Gareth Geoffrey Gillian Graham Hannah Harriet Helen Hugh Ian "
    "Imran Jacqueline James Janet Jennifer Jonathan Julie Karen Keith Kevin Linda Lorraine Malcolm Margaret "
    "Mark Martin Mohammed Nicola Nigel Pauline Peter Philippa Priya Rachel Raj Richard Robert Roger Rosemary "
    "Sally Samina Sandra Sarah Simon Stephen Susan Terence Timothy Trevor Valerie Wendy William Yvonne"
).split()
SURNAMES = (
    "Abbott Ahmed Allen Armstrong Atkinson Bailey Baker Banks Barker Barnes Bell Bennett Bevan Bird Bishop "
    "Blackwell Bowen Bradley Brennan Briggs Brooks Burton Butler Carter Chamberlain Chapman Clarke Cole Collins "
    "Cooper Cox Crawford Davies Dawson Dixon Doyle Edwards Ellis Evans Farrell Fisher Fletcher Foster Fox "
    "Gardner Gibson Goodwin Graham Grant Gray Griffiths Hall Hamilton Harding Harris Hart Hayes Hewitt Hill "
    "Holmes Hopkins Howard Hughes Hussain Jackson James Jenkins Johnson Jones Kaur Kelly Khan Knight Lambert "
    "Lawrence Lewis Lloyd Marsh Marshall Mason Matthews Mills Mitchell Moore Morgan Morris Murphy Nash Newman "
    "Norton Owen Palmer Parker Parry Patel Pearce Perry Phillips Powell Price Pritchard Reid Reynolds "
    "Richards Roberts Robinson Rogers Rowe Saunders Scott Shah Sharp Simpson Singh Slater Spencer Stevens "
    "Stone Sutton Taylor Thomas Thompson Turner Vaughan Walker Walsh Ward Watkins Watson Webb Wells West "
    "White Wilkinson Williams Wood Wright Young"
).split()
VENUES = ("the Shire Hall", "the Council Chamber", "Plough Lane offices", "the Town Hall", "the Guildhall",
          "County Hall", "the Civic Centre", "the Corn Exchange")

# -- committees: what each one discusses -------------------------------------------------------------


@dataclass(frozen=True)
class Measure:
    phrase: str  # as prose says it: "there were 412 looked-after children"
    column: str  # as a table header says it
    low: int
    high: int


@dataclass(frozen=True)
class Committee:
    name: str
    portfolio: str
    service: str
    measures: tuple[Measure, ...]
    nouns: tuple[str, ...]  # the subjects its papers discuss
    schemes: tuple[str, ...]  # motions and projects; {place} and {street} filled in
    acronym: tuple[str, str]  # a long form the papers define, and its acronym


def _m(phrase: str, column: str, low: int, high: int) -> Measure:
    return Measure(phrase, column, low, high)


COMMITTEES = (
    Committee(
        "Children and Young People Scrutiny Committee", "Children and Families", "Children's Services",
        (_m("looked-after children", "Looked-after children", 180, 640),
         _m("children subject to a child protection plan", "Child protection plans", 90, 420),
         _m("unaccompanied asylum-seeking children", "UASC", 4, 70),
         _m("referrals to children's social care", "Referrals", 250, 950)),
        ("placement sufficiency", "kinship care", "the edge of care team", "family group conferences",
         "residential placements", "foster carer recruitment", "care proceedings", "early help assessments",
         "the multi-agency safeguarding hub", "social worker caseloads", "agency staffing", "return home interviews",
         "the virtual school", "personal education plans", "pre-proceedings work", "independent reviewing officers"),
        ("the closure of the {place} children's centre", "a new children's home at {street}",
         "the {place} family hub", "free school meals during holidays in {place}",
         "school transport from {place}"),
        ("Unaccompanied Asylum Seeking Children", "UASC"),
    ),
    Committee(
        "Corporate Parenting Panel", "Children and Families", "Children's Services",
        (_m("care leavers in suitable accommodation", "Care leavers in suitable accommodation", 120, 380),
         _m("fostering households", "Fostering households", 60, 260),
         _m("children placed with kinship carers", "Kinship placements", 20, 140)),
        ("the care leavers' offer", "staying put arrangements", "council tax exemption for care leavers",
         "apprenticeships for care leavers", "the children in care council", "placement stability",
         "health assessments", "the mockingbird fostering model", "supported lodgings", "pathway plans"),
        ("a care leavers' hub in {place}", "council tax relief for care leavers in {place}",
         "supported lodgings at {street}"),
        ("Special Guardianship Orders", "SGO"),
    ),
    Committee(
        "Adults and Wellbeing Scrutiny Committee", "Adults and Communities", "Adult Social Care",
        (_m("people receiving long-term adult social care", "People receiving long-term care", 1800, 5200),
         _m("delayed transfers of care", "Delayed transfers of care", 15, 160),
         _m("safeguarding adults enquiries", "Safeguarding enquiries", 80, 420)),
        ("domiciliary care", "reablement", "direct payments", "the carers' strategy", "extra care housing",
         "hospital discharge", "technology enabled care", "the market position statement", "day opportunities",
         "deprivation of liberty safeguards", "home care hours", "the better care fund"),
        ("the day centre at {street}", "an extra care scheme in {place}", "respite beds at {place} House"),
        ("Deprivation of Liberty Safeguards", "DoLS"),
    ),
    Committee(
        "Health and Wellbeing Board", "Health and Wellbeing", "Public Health",
        (_m("adults in drug and alcohol treatment", "Adults in treatment", 300, 1400),
         _m("NHS health checks delivered", "Health checks delivered", 200, 1600),
         _m("smoking quits recorded", "Smoking quits", 40, 320)),
        ("the joint strategic needs assessment", "health inequalities", "childhood obesity",
         "mental health crisis care", "the integrated care board", "winter pressures",
         "the pharmaceutical needs assessment", "social prescribing", "vaccination uptake", "air quality"),
        ("a health hub in {place}", "the walk-in centre at {street}", "a needle exchange in {place}"),
        ("Joint Strategic Needs Assessment", "JSNA"),
    ),
    Committee(
        "Planning and Regulatory Committee", "Infrastructure and Transport", "Planning Services",
        (_m("planning applications received", "Applications received", 140, 620),
         _m("new homes completed", "New homes completed", 30, 420),
         _m("planning enforcement cases opened", "Enforcement cases opened", 15, 140)),
        ("the core strategy", "the five-year housing land supply", "phosphate levels in the river",
         "conservation areas", "listed building consent", "section 106 contributions", "the neighbourhood plan",
         "affordable housing", "biodiversity net gain", "the design code", "permitted development"),
        ("{n} homes on land off {street}", "a solar farm at {place}", "a poultry unit near {place}",
         "the redevelopment of {place} market"),
        ("Community Infrastructure Levy", "CIL"),
    ),
    Committee(
        "Environment and Sustainability Committee", "Environment", "Environment and Waste",
        (_m("tonnes of household waste collected", "Household waste (tonnes)", 4200, 16800),
         _m("fly-tipping incidents", "Fly-tipping incidents", 90, 950),
         _m("potholes repaired", "Potholes repaired", 400, 4200)),
        ("the climate emergency", "kerbside recycling", "food waste collections", "street lighting", "flood defences",
         "tree planting", "the local cycling and walking plan", "electric vehicle charging", "highway drainage",
         "winter gritting", "bus service improvement"),
        ("the {place} bypass", "a low traffic neighbourhood in {place}", "the recycling centre at {street}",
         "a twenty mile an hour limit in {place}", "flood alleviation works at {street}"),
        ("Local Cycling and Walking Infrastructure Plan", "LCWIP"),
    ),
    Committee(
        "Housing and Communities Committee", "Housing", "Housing Solutions",
        (_m("households in temporary accommodation", "Households in temporary accommodation", 40, 620),
         _m("homelessness applications", "Homelessness applications", 80, 520),
         _m("households on the housing register", "Housing register", 1800, 9200)),
        ("rough sleeping", "disabled facilities grants", "empty homes", "the homelessness strategy",
         "houses in multiple occupation", "private sector housing standards", "the allocations policy",
         "damp and mould", "community safety", "anti-social behaviour"),
        ("the sale of council land at {street}", "a homeless hostel in {place}", "selective licensing in {place}",
         "the regeneration of the {place} estate"),
        ("Houses in Multiple Occupation", "HMO"),
    ),
    Committee(
        "Audit and Governance Committee", "Finance and Corporate Services", "Internal Audit",
        (_m("outstanding audit recommendations", "Outstanding recommendations", 8, 95),
         _m("complaints received", "Complaints received", 40, 320),
         _m("freedom of information requests received", "FOI requests", 60, 240)),
        ("the annual governance statement", "the risk register", "counter fraud", "the statement of accounts",
         "treasury management", "the external auditor's findings", "information governance", "the constitution",
         "the code of conduct", "procurement compliance"),
        ("the review of contract management at {place} depot", "the shared service with {place}",
         "the investigation into {place} depot fuel cards"),
        ("Annual Governance Statement", "AGS"),
    ),
    Committee(
        "Cabinet", "Finance and Corporate Services", "Corporate Resources",
        (_m("staff employed by the council", "Staff employed", 2100, 6400),
         _m("business rates appeals outstanding", "Business rates appeals", 30, 260)),
        ("the medium term financial strategy", "the capital programme", "council tax", "the corporate plan",
         "fees and charges", "the asset disposal programme", "the savings programme", "reserves"),
        ("the purchase of {place} business park", "the refurbishment of {place} leisure centre",
         "the transfer of {place} museum to a trust", "the new council offices at {street}"),
        ("Medium Term Financial Strategy", "MTFS"),
    ),
    Committee(
        "Licensing Committee", "Community Safety", "Licensing",
        (_m("licensed premises", "Licensed premises", 300, 1300),
         _m("taxi and private hire licences issued", "Taxi licences", 90, 880),
         _m("temporary event notices", "Temporary event notices", 20, 240)),
        ("the statement of licensing policy", "cumulative impact", "street trading", "the gambling policy",
         "taxi livery", "sex establishment licensing", "scrap metal dealers"),
        ("a premises licence for {street}", "street trading consent in {place} high street",
         "a sexual entertainment venue on {street}"),
        ("Temporary Event Notices", "TENs"),
    ),
    Committee(
        "Economy and Place Scrutiny Committee", "Economy and Growth", "Economic Development",
        (_m("business start-ups supported", "Start-ups supported", 10, 140),
         _m("library visits", "Library visits", 8000, 42000),
         _m("visitors to council museums", "Museum visits", 1500, 18000)),
        ("the town investment plan", "the shared prosperity fund", "broadband rollout", "the library strategy",
         "the visitor economy", "skills and apprenticeships", "high street vacancy rates", "the cultural strategy"),
        ("the closure of {place} library", "a new enterprise centre at {street}", "the {place} market hall"),
        ("UK Shared Prosperity Fund", "UKSPF"),
    ),
    Committee(
        "Full Council", "Leader of the Council", "Democratic Services",
        (_m("public questions", "Public questions", 2, 30),
         _m("petitions received", "Petitions", 1, 24)),
        ("the leader's report", "motions on notice", "the members' allowances scheme", "political balance",
         "the budget and policy framework", "petitions", "the scheme of delegation"),
        ("the future of {place} community hospital", "parking charges on {street}",
         "a climate emergency action plan for {place}", "the boundary review of {place} ward"),
        ("Independent Remuneration Panel", "IRP"),
    ),
)

# -- prose ------------------------------------------------------------------------------------------
ADJECTIVES = (
    "significant considerable modest marked steady sustained gradual notable welcome continued further sharp "
    "limited ongoing substantial"
).split()
TRENDS = ("increased", "decreased", "remained stable", "improved", "fallen slightly", "risen", "fluctuated")
SPEAKERS = (
    "The Service Director", "The Cabinet Member for {portfolio}", "Councillor {councillor}", "The Head of {service}",
    "The Chairperson", "Officers", "A member of the committee", "The Corporate Director", "The Monitoring Officer",
    "The Section 151 Officer", "The Vice-Chairperson",
)
SAYING = ("explained that", "noted that", "reported that", "confirmed that", "highlighted that", "advised that",
          "acknowledged that", "emphasised that", "informed the committee that", "observed that")
ASKING = ("asked whether", "queried whether", "sought assurance that", "enquired whether", "questioned whether")
CLAUSES = (
    "work on {noun} had {trend} since {month} {year}",
    "the {adj} pressure on {noun} was expected to continue into {year}",
    "funding of £{money} had been secured for {noun} in {place}",
    "{noun} in {ward} ward would be reviewed by {month} {year}",
    "the service had worked with {org} on {noun}",
    "a report on {noun} would come back to the committee in {month} {year}",
    "the {adj} improvement in {noun} reflected the work of staff across {place}",
    "residents of {ward} had raised concerns about {noun}",
    "{noun} remained a priority in the corporate plan",
    "the government had not yet confirmed its funding for {noun}",
    "the approach to {noun} had been shared with {org}",
    "a consultation on {noun} had received {count} responses",
    "benchmarking against statistical neighbours showed {adj} progress on {noun}",
    "the costs of {noun} had risen by {pct}% over the year",
    "{count} members of staff had completed training on {noun}",
    "the waiting list for {noun} stood at {count} at the end of {month}",
)
GENERAL_NOUNS = (
    "the workforce strategy", "staff sickness absence", "the digital strategy", "customer contact", "the website",
    "social value in procurement", "the equality objectives", "the member development programme",
    "the scrutiny work programme", "the forward plan", "performance monitoring", "the key decisions log",
    "agency spend", "the apprenticeship levy", "the corporate risk register", "data protection breaches",
    "the complaints procedure", "the ombudsman's annual letter", "capital receipts", "the revenue outturn",
    "inflationary pressures", "energy costs", "the pay award", "the local government finance settlement",
    "the transformation programme", "partnership working", "the parish charter", "town and parish councils",
    "community engagement", "the voluntary and community sector", "the armed forces covenant",
    "the modern slavery statement", "rural isolation", "digital exclusion", "the cost of living",
    "the household support fund", "fuel poverty", "the warm spaces network", "volunteering",
    "business continuity", "emergency planning", "the local resilience forum", "cyber security",
    "the accommodation strategy", "hybrid working", "the office estate", "facilities management",
    "the property portfolio", "commercial income", "traded services", "the shared service agreement",
    "contract monitoring", "the supplier relief scheme", "market sustainability", "quality assurance",
    "the inspection framework", "the improvement plan", "the peer review", "lessons learned",
    "the annual report", "the corporate performance framework", "benchmarking data", "the budget consultation",
    "fees and charges", "council tax support", "discretionary housing payments", "the local plan review",
    "the infrastructure delivery plan", "the economic strategy", "inward investment", "the high street fund",
    "public rights of way", "countryside access", "heritage assets", "the archive service", "registration services",
    "coroner services", "trading standards", "environmental health", "food hygiene inspections",
    "pest control", "noise complaints", "the dog warden service", "bereavement services", "the crematorium",
    "grounds maintenance", "play areas", "allotments", "the leisure contract", "sports pitches", "swimming pools",
)
# The long tail of council prose, drawn with Zipf-like weights (the first words are the most common).
LEXICON_NOUNS = (
    "arrangements provision delivery capacity demand outcomes resources priorities partners residents "
    "contract budget framework pressures costs savings income assessment review evidence timescales "
    "milestones governance oversight compliance guidance legislation regulations duties obligations "
    "pathway referral threshold caseload backlog vacancy recruitment retention turnover workload "
    "infrastructure maintenance repairs inspection survey audit sample baseline trajectory forecast "
    "variance overspend underspend contingency allocation grant subsidy tariff premium levy surcharge "
    "tender procurement specification supplier provider commissioner commissioning decommissioning "
    "consultation engagement feedback survey petition representation objection appeal tribunal hearing "
    "enforcement notice breach sanction penalty fine prosecution caution warning investigation "
    "safeguarding wellbeing resilience independence dignity choice control personalisation "
    "accommodation tenancy landlord occupier leaseholder freeholder covenant easement boundary parcel "
    "footway carriageway verge culvert gully embankment retaining wall junction roundabout crossing "
    "signage lighting resurfacing drainage gritting salting sweeping collection disposal landfill "
    "composting incineration contamination biodiversity habitat hedgerow woodland meadow watercourse "
    "floodplain catchment aquifer nutrient phosphate nitrate emissions decarbonisation retrofit insulation "
    "heat pump solar array battery storage charging bay cycleway towpath bridleway footpath stile "
    "apprentice graduate trainee volunteer mentor advocate ambassador champion steward warden ranger "
    "curriculum attainment attendance exclusion admissions transport bursary scholarship placement "
    "respite reablement domiciliary residential nursing hospice dementia frailty falls loneliness "
    "bereavement homelessness overcrowding affordability arrears eviction repossession mediation "
    "licensing premises conditions hours amplification nuisance litter graffiti vandalism fly-posting "
    "heritage archive collection exhibition gallery museum theatre festival tourism hospitality footfall "
    "broadband connectivity telephony software hardware platform dashboard interface portal database "
    "transparency accountability scrutiny challenge assurance escalation mitigation tolerance appetite"
).split()
LEXICON_ADJECTIVES = (
    "statutory discretionary strategic operational financial contractual temporary permanent interim "
    "additional existing proposed revised updated outstanding overdue completed planned unplanned "
    "emergency routine preventative reactive targeted universal specialist generic bespoke integrated "
    "countywide local regional national rural urban coastal upland lowland historic listed protected "
    "affordable sustainable resilient accessible inclusive equitable proportionate robust transparent "
    "independent collaborative multi-agency cross-party bipartisan unanimous provisional indicative "
    "quarterly annual monthly weekly daily seasonal recurrent capital revenue ringfenced unallocated "
    "earmarked committed uncommitted contingent material immaterial significant negligible marginal "
    "substantive procedural technical legal ethical environmental social economic demographic"
).split()
LEXICON_VERBS = (
    "commissioned procured delivered implemented reviewed revised updated consulted engaged assessed "
    "monitored evaluated benchmarked audited inspected approved endorsed ratified deferred withdrawn "
    "escalated mitigated prioritised reprofiled reallocated recharged capitalised refurbished "
    "decommissioned relocated extended renewed terminated varied tendered awarded mobilised piloted "
    "expanded reduced restructured streamlined digitised automated integrated aligned harmonised"
).split()
DETAILS = (
    "the {lex_adj} {lex_noun} had been {lex_verb} in {place}",
    "{lex_noun} and {lex_noun2} would be {lex_verb} by {month} {year}",
    "the {lex_adj} {lex_noun} for {noun} was {lex_verb} following the {lex_adj2} {lex_noun2}",
    "a {lex_adj} approach to {lex_noun} in {ward} had been {lex_verb}",
    "the {lex_noun} at {street} was {lex_verb} under reference {ref}",
)
ALL_CLAUSES = CLAUSES + DETAILS
ORGS = ("{place} Integrated Care Board", "West {place} Police", "{place} Community Trust", "the {place} Partnership",
        "{place} Housing Association", "the University of {place}", "{place} Voluntary Action",
        "{place} Fire and Rescue Service", "the {place} Chamber of Commerce")
STANDARD_ITEMS = ("APOLOGIES FOR ABSENCE", "NAMED SUBSTITUTES", "DECLARATIONS OF INTEREST", "MINUTES")
REPORT_SECTIONS = ("Community impact", "Environmental impact", "Equality duty", "Legal implications",
                   "Risk management", "Consultees", "Resource implications")


@dataclass(frozen=True)
class Meeting:
    council: int
    committee: int  # index into COMMITTEES
    year: int
    month: int

    @property
    def key(self) -> str:
        return f"{self.council}/{self.committee}/{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class Fact:
    kind: str  # figure, seconder, votes, budget
    question: str
    answer: str


@dataclass(frozen=True)
class Paper:
    file: str  # path relative to the corpus directory
    title: str
    committee: str
    meeting_date: str
    doc_type: str
    text: str
    facts: tuple[Fact, ...]


# -- deterministic pieces ---------------------------------------------------------------------------
def _unit(*key) -> float:
    """A fixed number in [0, 1) for a key: values repeated across papers agree without shared state."""
    return zlib.crc32(repr(key).encode()) / 2**32


def place_name(index: int) -> str:
    """One of len(PLACE_HEADS) x len(PLACE_TAILS) names, scattered (7919 is prime to their product)."""
    scattered = index * 7919 % (len(PLACE_HEADS) * len(PLACE_TAILS))
    return PLACE_HEADS[scattered % len(PLACE_HEADS)] + PLACE_TAILS[scattered // len(PLACE_HEADS)]


def council_name(council: int) -> str:
    return f"{council_area(council)} {COUNCIL_KINDS[council % len(COUNCIL_KINDS)]}"


def council_area(council: int) -> str:
    return place_name(council * 37 + 11).capitalize()


def council_committees(seed: int, council: int) -> list[int]:
    """8 to 11 of the committees, always with Full Council and Cabinet."""
    rng = random.Random(f"{seed}/committees/{council}")
    always = [i for i, c in enumerate(COMMITTEES) if c.name in ("Full Council", "Cabinet")]
    others = [i for i in range(len(COMMITTEES)) if i not in always]
    return sorted([*always, *rng.sample(others, rng.randint(6, 9))])


@functools.lru_cache(maxsize=64)
def council_members(seed: int, council: int) -> tuple[str, ...]:
    """A council's 60 members: the same people recur across its papers."""
    rng = random.Random(f"{seed}/members/{council}")
    return tuple(f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(60))


def meeting_day(meeting: Meeting) -> date:
    """Each committee keeps a weekday and week of the month (the 2nd Tuesday, say)."""
    weekday, week = meeting.committee % 4, 1 + (meeting.committee + meeting.council) % 3
    first = date(meeting.year, meeting.month, 1)
    offset = (weekday - first.weekday()) % 7
    return date(meeting.year, meeting.month, 1 + offset + 7 * week)


def long_date(day: date) -> str:
    return f"{calendar.day_name[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def measure_value(seed: int, council: int, measure: Measure, year: int, month: int) -> int:
    """A smooth monthly series with noise, the same wherever a paper quotes it."""
    level, slope = _unit(seed, council, measure.phrase, "level"), _unit(seed, council, measure.phrase, "slope") - 0.5
    t = (year - FIRST_YEAR) * 12 + month - 1
    span = measure.high - measure.low
    smooth = 0.35 + 0.3 * level + 0.25 * slope * t / 144 + 0.05 * math.sin(t / 5 + level * 6)
    noise = 0.06 * (_unit(seed, council, measure.phrase, year, month) - 0.5)
    return max(1, round(measure.low + span * min(1.0, max(0.0, smooth + noise))))


MILLIONS = (0.2, 0.4, 0.6, 0.8, 1.2, 1.5, 2.1, 2.8, 3.4, 4.6, 6.2, 8.5, 12.4)


@functools.lru_cache(maxsize=8)
def _zipf_weights(size: int) -> list[float]:
    total, out = 0.0, []
    for rank in range(1, size + 1):
        total += 1 / rank
        out.append(total)
    return out


def _zipf(rng: random.Random, words: tuple[str, ...] | list[str]) -> str:
    return rng.choices(words, cum_weights=_zipf_weights(len(words)))[0]


def _money(rng: random.Random) -> str:
    return f"{rng.choice(MILLIONS)}m" if rng.random() < 0.6 else f"{rng.randrange(15, 990)},000"


def budget(seed: int, council: int, scheme: str, year: int) -> str:
    """A scheme's budget for a year, the same in every paper that states it."""
    unit = _unit(seed, council, scheme, year)
    return f"£{MILLIONS[int(unit * len(MILLIONS))]}m" if unit < 0.5 else f"£{15 + int(unit * 1000) % 975},000"


class _Writer:
    """Fills the templates of one paper from its own random stream."""

    def __init__(self, seed: int, meeting: Meeting, slot: str) -> None:
        self.seed, self.meeting = seed, meeting
        self.rng = random.Random(f"{seed}/{meeting.key}/{slot}")
        self.committee = COMMITTEES[meeting.committee]
        self.area = council_area(meeting.council)

    def place(self) -> str:
        return place_name(self.meeting.council * 1009 + self.rng.randrange(1500)).capitalize()

    def street(self) -> str:
        return f"{self.place()} {self.rng.choice(STREET_KINDS)}"

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"

    def councillor(self) -> str:
        return self.rng.choice(council_members(self.seed, self.meeting.council))

    def fill(self, template: str) -> str:
        rng = self.rng
        nouns = self.committee.nouns if rng.random() < 0.7 else GENERAL_NOUNS
        values = {
            "noun": rng.choice(nouns), "adj": rng.choice(ADJECTIVES), "trend": rng.choice(TRENDS),
            "month": rng.choice(MONTHS), "year": rng.randint(self.meeting.year - 1, self.meeting.year + 1),
            "money": _money(rng), "place": self.place(), "ward": self.place(), "street": self.street(),
            "count": rng.randrange(3, 480), "pct": rng.randrange(2, 35), "n": rng.randrange(12, 400),
            "portfolio": self.committee.portfolio, "service": self.committee.service,
            "councillor": self.councillor(),
        }
        if "{org}" in template:
            values["org"] = rng.choice(ORGS).format(place=self.place())
        if "{lex_" in template:
            values.update(lex_noun=_zipf(rng, LEXICON_NOUNS), lex_noun2=_zipf(rng, LEXICON_NOUNS),
                          lex_adj=_zipf(rng, LEXICON_ADJECTIVES), lex_adj2=_zipf(rng, LEXICON_ADJECTIVES),
                          lex_verb=_zipf(rng, LEXICON_VERBS), ref=self.reference())
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
        y, m = self.meeting.year, self.meeting.month
        out = []
        for _ in range(count):
            m -= 1
            if m == 0:
                y, m = y - 1, 12
            out.append((y, m))
        return out[::-1]

    def value(self, measure: Measure, year: int, month: int) -> int:
        return measure_value(self.seed, self.meeting.council, measure, year, month)


# -- papers -----------------------------------------------------------------------------------------
def _figure_sentence(w: _Writer, measure: Measure, year: int, month: int) -> str:
    value, label = w.value(measure, year, month), f"{MONTHS[month - 1]} {year}"
    before = w.value(measure, year - 1, month) if year > FIRST_YEAR else value
    return w.rng.choice((
        f"In {label} there were {value} {measure.phrase} in {w.area}, compared with {before} a year earlier.",
        f"At the end of {label}, {w.area} had {value} {measure.phrase}.",
        f"The number of {measure.phrase} in {w.area} stood at {value} in {label}.",
        f"{w.area} recorded {value} {measure.phrase} in {label}, against {before} in {MONTHS[month - 1]} {year - 1}.",
    ))


def _table(w: _Writer, measure: Measure, months: list[tuple[int, int]]) -> str:
    target = round((measure.low + measure.high) / 2)
    rows = [f"Month\t{measure.column}\tTarget\tStatistical neighbours"]
    for y, m in months:
        neighbours = round(target * (0.9 + 0.2 * w.rng.random()))
        rows.append(f"{MONTHS[m - 1]} {y}\t{w.value(measure, y, m)}\t{target}\t{neighbours}")
    return "\n".join(rows)


def report(seed: int, meeting: Meeting, slot: int) -> Paper:
    w = _Writer(seed, meeting, f"report{slot}")
    c, rng, day = w.committee, w.rng, meeting_day(meeting)
    measure = c.measures[(slot + meeting.month) % len(c.measures)]
    subject = rng.choice(c.nouns)
    kind = rng.choice(("update", "performance report", "annual review", "progress report", "options appraisal"))
    title = f"{subject[0].upper()}{subject[1:]}: {kind}"
    months = w.months_back(rng.randint(4, 9))
    fy, fm = months[-1]
    scheme, budget_year = w.scheme(), meeting.year + rng.randint(0, 1)
    money = budget(seed, meeting.council, scheme, budget_year)
    long_form, acronym = c.acronym
    lines = [
        f"Title of report: {title}", "", f"Meeting: {c.name}", "", f"Meeting date: {long_date(day)}", "",
        f"Report by: Cabinet member {c.portfolio.lower()}", "", "Classification", "", "Open", "",
        "Wards affected", "", f"{w.place()}; {w.place()}; {w.place()}", "",
        "Purpose", "", f"To update the committee on {subject} in {w.area}. {long_form} ({acronym}) "
        f"are covered in section 3. {w.paragraph((1, 2))}", "",
        "Recommendation(s)", "", "That:", "",
        f"a) the committee notes the progress on {subject};",
        f"b) the committee endorses the approach to {rng.choice(c.nouns)};",
        f"c) a further update is provided in {MONTHS[rng.randrange(12)]} {meeting.year + 1}.", "",
        "Alternative options", "", f"1. {w.paragraph((1, 3))}", "", "Key considerations", "",
        f"2. {_figure_sentence(w, measure, fy, fm)} {w.paragraph((1, 3))}", "",
        f"3. {w.paragraph()}", "",
        f"4. The table below sets out the number of {measure.phrase} each month.", "",
        _table(w, measure, months), "",
        f"5. {_figure_sentence(w, measure, *months[0])} {w.paragraph((1, 3))}", "",
        f"6. {w.paragraph()}", "",
        "Financial implications", "",
        f"7. The budget for {scheme} in {budget_year} is {money}. {w.paragraph((1, 3))}", "",
    ]
    for number, heading in enumerate(rng.sample(REPORT_SECTIONS, rng.randint(2, 4)), start=8):
        lines += [heading, "", f"{number}. {w.paragraph()}", ""]
    lines += ["Background papers", "", "None identified."]
    facts = (
        Fact("figure", f"How many {measure.phrase} were there in {w.area} in {MONTHS[fm - 1]} {fy}?",
             str(w.value(measure, fy, fm))),
        Fact("budget", f"What budget did {w.area} set for {scheme} in {budget_year}?", money),
    )
    return _paper(meeting, f"report-{slot}", title, "report", "\n".join(lines) + "\n", facts)


def minutes(seed: int, meeting: Meeting) -> Paper:
    w = _Writer(seed, meeting, "minutes")
    c, rng, day = w.committee, w.rng, meeting_day(meeting)
    chair, members = w.councillor(), sorted({w.councillor() for _ in range(rng.randint(6, 12))})
    number = (meeting.month - 1) * 10 + 1  # minute numbers run on through the year
    lines = [
        f"Minutes of the meeting of {c.name} held at {rng.choice(VENUES)}, {w.area} on {long_date(day)} at "
        f"{rng.choice(('10.00 am', '2.00 pm', '6.00 pm', '9.30 am'))}", "",
        f"Present: Councillor {chair} (Chairperson)", "",
        "Councillors: " + ", ".join(members), "",
        f"In attendance: {w.fill(rng.choice(SPEAKERS[:4]))}", "",
    ]
    for item in STANDARD_ITEMS:
        lines += [f"{number}. {item}", "", "Minutes:", "", _standard_minute(w, item), ""]
        number += 1
    facts: list[Fact] = []
    for scheme in w.schemes(rng.randint(2, 4)):
        item_lines, fact = _debated_item(w, number, scheme)
        lines += item_lines
        facts += fact
        number += 1
    lines += ["The meeting ended at " + rng.choice(("12.15 pm", "4.40 pm", "8.05 pm", "11.50 am")), "",
              "Chairperson"]
    title = f"Minutes of {c.name}, {day.day} {MONTHS[day.month - 1]} {day.year}"
    return _paper(meeting, "minutes", title, "minutes", "\n".join(lines) + "\n", tuple(facts))


def _standard_minute(w: _Writer, item: str) -> str:
    if item == "MINUTES":
        (y, m), = w.months_back(1)
        return (f"RESOLVED: That the minutes of the meeting held in {MONTHS[m - 1]} {y} be confirmed as a "
                "correct record and be signed by the Chairperson.")
    if item == "APOLOGIES FOR ABSENCE":
        return f"Apologies were received from Councillors {w.councillor()} and {w.councillor()}."
    if item == "NAMED SUBSTITUTES":
        return f"Councillor {w.councillor()} substituted for Councillor {w.councillor()}."
    if w.rng.random() < 0.6:
        return "None."
    return f"Councillor {w.councillor()} declared an interest as a resident of {w.place()}."


def _debated_item(w: _Writer, number: int, scheme: str) -> tuple[list[str], list[Fact]]:
    rng, c = w.rng, w.committee
    proposer, seconder = w.councillor(), w.councillor()
    votes_for, against, abstain = rng.randint(5, 40), rng.randint(0, 25), rng.randint(0, 4)
    decision = rng.choice(("the report be noted", "the recommendations be approved", "officers bring a further report"))
    measure = rng.choice(c.measures)
    (y, m), = w.months_back(1)
    points = [f"- {w.sentence()}" for _ in range(rng.randint(2, 5))]
    lines = [
        f"{number}. {scheme.upper()}", "", "Minutes:", "",
        f"The committee considered a report on {scheme}. {w.paragraph((2, 4))}", "",
        f"{_figure_sentence(w, measure, y, m)} {w.paragraph((1, 2))}", "",
        "The principal points of the discussion were:", "", *points, "",
        f"Councillor {proposer} proposed, and Councillor {seconder} seconded, a motion on {scheme}.", "",
        f"The motion was put to the vote and was {'carried' if votes_for > against else 'lost'}, with "
        f"{votes_for} votes for, {against} against and {abstain} abstention{'' if abstain == 1 else 's'}.", "",
        f"RESOLVED: That {decision} on {scheme}.", "",
        f"Action: The {c.service} lead to circulate a briefing note on {rng.choice(c.nouns)} by "
        f"{MONTHS[rng.randrange(12)]} {w.meeting.year + 1}.", "",
    ]
    day = meeting_day(w.meeting)
    at = f"at {w.area} {c.name} on {day.day} {MONTHS[day.month - 1]} {day.year}"
    facts = [Fact("seconder", f"Who seconded the motion on {scheme} {at}?", f"Councillor {seconder}"),
             Fact("votes", f"How many votes were cast against the motion on {scheme} {at}?", str(against))]
    return lines, facts


def agenda(seed: int, meeting: Meeting, reports: int) -> Paper:
    w = _Writer(seed, meeting, "agenda")
    c, rng, day = w.committee, w.rng, meeting_day(meeting)
    lines = [
        "Agenda", "", c.name, "", f"Date: {long_date(day)}", "", f"Place: {rng.choice(VENUES)}, {w.area}", "",
        f"Notes: For further information please contact {w.person()}, Democratic Services Officer, "
        f"Tel: 01{rng.randrange(100, 999)} {rng.randrange(100000, 999999)}.", "",
        "Membership", "", f"Chairperson Councillor {w.councillor()}",
        f"Vice-chairperson Councillor {w.councillor()}", "",
    ]
    page = 5
    items = [*(i.capitalize() for i in STANDARD_ITEMS), *w.schemes(reports)]
    for number, item in enumerate(items, start=1):
        length = rng.randint(2, 14)
        lines += [f"{number}. {item[0].upper()}{item[1:]}", "",
                  f"To consider {rng.choice(c.nouns)} and {item}. Pages {page} - {page + length}", ""]
        page += length + 1
    title = f"Agenda, {c.name}, {day.day} {MONTHS[day.month - 1]} {day.year}"
    return _paper(meeting, "agenda", title, "agenda", "\n".join(lines) + "\n", ())


def _paper(meeting: Meeting, name: str, title: str, doc_type: str, text: str, facts: tuple[Fact, ...]) -> Paper:
    day = meeting_day(meeting)
    committee = COMMITTEES[meeting.committee]
    slug = committee.name.lower().replace(" ", "-")
    file = f"c{meeting.council:03d}/{day.year}/{day.isoformat()}-{slug}-{name}.txt"
    return Paper(file, title, f"{committee.name}, {council_name(meeting.council)}", day.isoformat(), doc_type,
                 text, facts)


def meeting_papers(seed: int, meeting: Meeting) -> list[Paper]:
    reports = random.Random(f"{seed}/{meeting.key}/size").randint(1, 3)
    return [agenda(seed, meeting, reports), minutes(seed, meeting),
            *(report(seed, meeting, slot) for slot in range(1, reports + 1))]


# -- choosing the meetings for a size ---------------------------------------------------------------
def council_meetings(seed: int, council: int) -> list[Meeting]:
    return [Meeting(council, committee, year, month)
            for committee in council_committees(seed, council)
            for year in range(FIRST_YEAR, LAST_YEAR + 1) for month in range(1, 13)]


def meetings_for(seed: int, papers: int) -> list[Meeting]:
    """Meetings holding about `papers` papers: as many councils as that needs (each with about
    4 papers a meeting), and a seeded sample of their meetings, so a small corpus still spans
    every committee and year."""
    per_meeting = 4.0  # agenda, minutes and 1-3 reports
    meetings, councils = [], 0
    while len(meetings) * per_meeting < papers:
        meetings += council_meetings(seed, councils)
        councils += 1
    random.Random(f"{seed}/sample").shuffle(meetings)
    chosen, count = [], 0
    for meeting in meetings:
        if count >= papers:
            break
        chosen.append(meeting)
        count += 2 + random.Random(f"{seed}/{meeting.key}/size").randint(1, 3)
    return sorted(chosen, key=lambda m: (m.council, m.year, m.month, m.committee))


@functools.lru_cache(maxsize=4)
def chunks_per_paper(seed: int) -> float:
    """Measured: the archive's own analysis of a sample of papers."""
    from archive.build.analyse import analyse_paper
    from archive.build.chunk import ChunkSettings
    from archive.records import Document

    papers = [p for m in meetings_for(seed, CALIBRATION_PAPERS) for p in meeting_papers(seed, m)]
    chunks = 0
    for paper in papers:
        document = Document(paper.file, paper.file, paper.title, paper.committee, paper.meeting_date,
                            paper.doc_type, "", (paper.text,), "", ("",))
        chunks += len(analyse_paper(document, ChunkSettings()).chunks)
    return chunks / len(papers)


# -- writing ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CorpusInfo:
    seed: int
    target_chunks: int
    papers: int
    meetings: int
    councils: int
    chunks_per_paper: float
    generator_version: int = GENERATOR_VERSION


def read_info(out: Path) -> CorpusInfo | None:
    path = Path(out) / STAMP
    return CorpusInfo(**json.loads(path.read_text())) if path.exists() else None


def write_corpus(out: Path, chunks: int, seed: int = 7, log=print) -> CorpusInfo:
    """Write about `chunks` chunks' worth of papers and manifest.csv into `out` (which must not
    hold another corpus); the stamp file records what was written."""
    out = Path(out)
    ratio = chunks_per_paper(seed)
    meetings = meetings_for(seed, max(1, round(chunks / ratio)))
    started, written = time.perf_counter(), 0
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        manifest = csv.writer(handle)
        manifest.writerow(["file", "title", "committee", "meeting_date", "doc_type", "source_url"])
        made: set[Path] = set()
        for meeting in meetings:
            for paper in meeting_papers(seed, meeting):
                path = out / paper.file
                if path.parent not in made:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    made.add(path.parent)
                path.write_text(paper.text, encoding="utf-8")
                manifest.writerow([paper.file, paper.title, paper.committee, paper.meeting_date, paper.doc_type,
                                   f"https://example.org/{paper.file}"])
                written += 1
    info = CorpusInfo(seed, chunks, written, len(meetings), len({m.council for m in meetings}), round(ratio, 3))
    (out / STAMP).write_text(json.dumps(info.__dict__, indent=2))
    log(f"wrote {written} papers ({len(meetings)} meetings, {info.councils} councils, ~{ratio:.2f} chunks a paper) "
        f"to {out} in {time.perf_counter() - started:.1f} s")
    return info


# -- questions --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Question:
    text: str
    answer: str
    kind: str
    file: str  # the paper that states the answer
    committee: str
    meeting_date: str
    doc_type: str


def questions(info: CorpusInfo, count: int) -> list[Question]:
    """`count` questions about facts the corpus states, the kinds taken in turn."""
    meetings = meetings_for(info.seed, max(1, round(info.target_chunks / info.chunks_per_paper)))
    rng = random.Random(f"{info.seed}/questions")
    kinds = ("figure", "seconder", "budget", "votes")
    out: list[Question] = []
    seen: set[str] = set()
    while len(out) < count:
        kind = kinds[len(out) % len(kinds)]
        papers = meeting_papers(info.seed, rng.choice(meetings))
        facts = [(p, f) for p in papers for f in p.facts if f.kind == kind and f.question not in seen]
        if not facts:
            continue
        paper, fact = rng.choice(facts)
        seen.add(fact.question)
        out.append(Question(fact.question, fact.answer, kind, paper.file, paper.committee, paper.meeting_date,
                            paper.doc_type))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--chunks", type=int, default=10_000, help="about how many chunks the archive will make")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        sys.exit(f"{args.out} is not empty")
    write_corpus(args.out, args.chunks, args.seed)


if __name__ == "__main__":
    main()
