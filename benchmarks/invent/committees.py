"""Committees and the measures they report.

A `Measure` is a figure papers quote month after month ("there were 412 looked-after children"); a
`Committee` of the invented councils is what one committee discusses: its measures, the subjects of its
papers, the schemes it debates and an acronym its papers define. COMMITTEES are the twelve every
invented council draws its committees from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    key: str
    phrases: tuple[str, ...]  # ways prose names it ("children in care", "looked after children")
    column: str  # as a table header says it
    low: float
    high: float
    unit: str = ""  # "", "%" or "£"
    flow: bool = False  # counted over a quarter ("17 children came into care"), not a stock at a date

    @property
    def phrase(self) -> str:
        """The usual way prose names it: "looked-after children"."""
        return self.phrases[0]

    @property
    def topic(self) -> str:
        """The measure as the subject of a question: "the re-referral rate", "children entering care"."""
        return self.column.lower() if self.flow else f"the {self.phrases[0]}" if self.unit else self.phrases[0]

    def shown(self, amount: int) -> str:
        """An amount as papers print it: "£2,150", "17%", "212"."""
        return f"£{amount:,}" if self.unit == "£" else f"{amount}%" if self.unit == "%" else str(amount)


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
    return Measure(phrase, (phrase,), column, low, high)


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
