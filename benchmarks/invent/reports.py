"""Reports: a title block, purpose and recommendations, numbered paragraphs with dated figures, tables of
monthly values, budgets, and the standard closing sections."""

from __future__ import annotations

from .council import CouncilWriter, Meeting, budget, council_paper
from .county import CountyWriter
from .dates import MONTHS, long_date, month_label, short_date
from .figures import council_figure, county_figure
from .papers import Fact, Paper
from .prose import REPORT_SECTIONS, theme_paragraph
from .tables import annual_table, council_table, monthly_table, placement_table, postcode_table, rate_table
from .writer import capital, unit


# -- invented councils ------------------------------------------------------------------------------
def council_report(seed: int, meeting: Meeting, slot: int) -> Paper:
    """An invented council's report; its facts are a dated figure and a scheme's budget."""
    w = CouncilWriter(seed, meeting, f"report{slot}")
    c, rng, day = w.committee, w.rng, w.day
    measure = c.measures[(slot + meeting.month) % len(c.measures)]
    subject = rng.choice(c.nouns)
    kind = rng.choice(("update", "performance report", "annual review", "progress report", "options appraisal"))
    title = f"{capital(subject)}: {kind}"
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
        f"2. {council_figure(w, measure, fy, fm)} {w.paragraph((1, 3))}", "",
        f"3. {w.paragraph()}", "",
        f"4. The table below sets out the number of {measure.phrase} each month.", "",
        council_table(w, measure, months), "",
        f"5. {council_figure(w, measure, *months[0])} {w.paragraph((1, 3))}", "",
        f"6. {w.paragraph()}", "",
        "Financial implications", "",
        f"7. The budget for {scheme} in {budget_year} is {money}. {w.paragraph((1, 3))}", "",
    ]
    for number, heading in enumerate(rng.sample(REPORT_SECTIONS, rng.randint(2, 4)), start=8):
        lines += [heading, "", f"{number}. {w.paragraph()}", ""]
    lines += ["Background papers", "", "None identified."]
    facts = (
        Fact("figure", f"How many {measure.phrase} were there in {w.area} in {month_label(fy, fm)}?",
             str(w.value(measure, fy, fm))),
        Fact("budget", f"What budget did {w.area} set for {scheme} in {budget_year}?", money),
    )
    return council_paper(meeting, f"report-{slot}", title, "report", lines, facts)


# -- a county's children's services -----------------------------------------------------------------
def report_head(w: CountyWriter, title: str, purpose: str, recommendation: str) -> list[str]:
    return [
        f"Title of report: {title}", "", f"Meeting: {w.committee.name}", "", f"Meeting date: {long_date(w.day)}",
        "", f"Report by: {w.officer(w.pick(('director', 'looked_after', 'performance')), named=True)}", "",
        "Classification", "", "Open", "", "Wards affected", "", "Countywide", "", "Purpose", "", purpose, "",
        "Recommendation(s)", "", f"THAT: {recommendation}", "", "Key considerations", "",
    ]


def report_tail(w: CountyWriter, start: int) -> list[str]:
    lines = []
    for number, heading in enumerate(w.rng.sample(("Community impact", "Equality duty", "Resource implications",
                                                    "Legal implications", "Risk management", "Consultees"), 3),
                                     start=start):
        lines += [heading, "", f"{number}. {theme_paragraph(w)}", ""]
    return [*lines, "Background papers", "", "None identified."]


def performance_report(w: CountyWriter) -> Paper:
    """A performance report: figure sentences, a monthly table, an annual table, a postcode table."""
    measures = w.county.report_measures
    key = w.pick(measures)
    months = w.months_before(w.year, w.day.month, w.rng.randint(4, 8))
    y, m = months[-1]
    name = w.pick(("Children in care performance report", "Children's social care performance update",
                   "Safeguarding and looked after children performance", "Referral and assessment performance"))
    lines = report_head(w, name, f"To report performance on {w.measure(key).topic} and related measures to the "
                        "committee.",
                        f"the committee notes performance to {month_label(y, m)} and identifies any areas for "
                        f"further scrutiny {w.later_meeting(4)}.")
    lines += [f"1. {county_figure(w, 'cic', y, m)} That is a rate of {w.rate(y, m)} per 10,000 children.",
              "", f"2. {county_figure(w, key, y, m)} {theme_paragraph(w)}", "",
              f"3. {county_figure(w, w.pick(measures), *months[0], dated=w.rng.random() < 0.6)}", "",
              f"4. The table below shows {w.measure(key).topic} month by month.", "",
              monthly_table(w, key, months), "",
              "5. Children in care against comparators:", "", rate_table(w, months[-3:]), ""]
    number = 6
    annual = annual_table(w)
    if annual:
        lines += [f"{number}. Entries to and exits from care by year:", "", annual, ""]
        number += 1
    if w.rng.random() < 0.5:
        lines += [f"{number}. The home postcodes of children who came into care in the twelve months to "
                  f"{month_label(y, m)} were:", "", postcode_table(w), ""]
        number += 1
    lines += [f"{number}. {county_figure(w, 'uasc', y, m)} {theme_paragraph(w)}", ""]
    title = f"{name}, {short_date(w.day)}"
    return w.paper("performance-report", title, "report", lines + report_tail(w, number + 1))


def fostering_report(w: CountyWriter) -> Paper:
    """The fostering service's report to the Corporate Parenting Board: carers, allowances, placements."""
    y, m = w.recent()
    fy = w.financial_year(w.year - 1 if w.day.month >= 4 else w.year - 2)
    approved = w.rng.randint(6, 24)
    name = w.pick(("Fostering service update", "Fostering service annual report", "Placement sufficiency update"))
    lines = report_head(w, name, "To update the board on the fostering service, placements and care leavers.",
                        "the board notes the report and the progress of the recruitment campaign.")
    approved_line = (f"The service approved {approved} new fostering households in {fy}." if fy else
                     f"The service approved {approved} new fostering households in the twelve months to "
                     f"{month_label(y, m)}.")
    lines += [f"1. {county_figure(w, 'households', y, m)} {approved_line}", "",
              f"2. {county_figure(w, 'allowance', y, m)} A skills payment is added for carers who have completed "
              "the advanced training.", "",
              f"3. {county_figure(w, 'inhouse', y, m)} {county_figure(w, 'kinship', y, m, dated=False)}", "",
              f"4. {county_figure(w, 'fgc', y, m)} {theme_paragraph(w)}", "",
              f"5. {county_figure(w, 'leavers', y, m)} {theme_paragraph(w)}", "",
              "6. Placements by type:", "", placement_table(w, y, m), ""]
    title = f"{name}, Corporate Parenting Board, {short_date(w.day)}"
    return w.paper("fostering-report", title, "report", lines + report_tail(w, 7))


def placements_report(w: CountyWriter) -> Paper:
    """The children's placement budget, to Cabinet (or the scrutiny committees)."""
    y, m = w.recent()
    budget_ = 4 + round(6 * unit(w.seed, "budget", w.year), 1)
    over = round(0.2 + 1.6 * unit(w.seed, "over", w.year, w.day.month), 2)
    fy = w.financial_year(w.year if w.day.month >= 4 else w.year - 1)
    period = f"for {fy}" if fy else "for the current year"
    name = w.pick(("Children's placement budget monitoring", "Looked after children placement costs"))
    lines = report_head(w, name, "To report the forecast position on the budget for children's placements.",
                        "the forecast position be noted and the actions to manage placement costs be endorsed.")
    lines += [f"1. The placements budget {period} is £{budget_}m and the forecast overspend is £{over}m.", "",
              f"2. {county_figure(w, 'rescost', y, m)} {county_figure(w, 'residential', y, m)}", "",
              f"3. {county_figure(w, 'ifacost', y, m)} {county_figure(w, 'external', y, m)}", "",
              f"4. {county_figure(w, w.pick(w.county.placement_measures), y, m, dated=False)} {theme_paragraph(w)}",
              "", "5. Placements and costs:", "", placement_table(w, y, m), "",
              f"6. {county_figure(w, 'uasc', y, m)} The grant from the Home Office does not meet the full cost of "
              "their care.", ""]
    title = f"{name}, {w.committee.name}, {short_date(w.day)}"
    return w.paper("placements-report", title, "report", lines + report_tail(w, 7))
