"""Prose: the word lists and clause templates council papers are written from.

The invented councils' sentences (`CouncilWriter.sentence`) are a speaker, a verb of saying and a clause
from ALL_CLAUSES, filled from the committee's nouns, GENERAL_NOUNS and a Zipf-weighted lexicon, so the
vocabulary has a long tail. THEMES and `theme_paragraph` are a county children's service's connecting
prose, which carries no figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .county import CountyWriter

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

# -- a county's children's services -------------------------------------------------------------
THEMES = (
    "placement sufficiency", "the recruitment of foster carers", "the use of agency social workers",
    "support for care leavers", "the timeliness of initial assessments", "placement stability",
    "the health of children in care", "the education of children in care", "the edge of care service",
    "the workload of the referral and assessment team", "the children in care council",
    "kinship care arrangements", "the cost of external placements", "the arrival of unaccompanied young people",
)

QUESTION_TOPICS = (
    ("cic", "why the number of children in care had not fallen"),
    ("households", "how many foster carers the council had approved"),
    ("uasc", "how many unaccompanied children the council was looking after"),
    ("residential", "how many children were living in children's homes"),
    ("rereferral", "why families were being referred again so soon"),
    ("unallocated", "how many cases were waiting for a social worker"),
)


def theme_paragraph(w: CountyWriter) -> str:
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
        f"in {w.county.town}.",
        f"The directorate's service plan set out the actions planned on {theme} for the coming year.",
        f"Staff briefings on {theme} had been held in each locality team.",
        f"Foster carers had been consulted on {theme} through their support groups.",
    ))
