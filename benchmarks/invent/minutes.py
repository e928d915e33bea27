"""Minutes: numbered items with "Minutes:", the discussion, motions proposed and seconded, votes, RESOLVED
blocks and actions; Full Council's minutes with public questions and a motion on notice; and a county
committee's page for a single agenda item."""

from __future__ import annotations

from .committees import Measure
from .council import CouncilWriter, Meeting, council_paper
from .county import CountyWriter
from .dates import MONTHS, long_date, month_label, short_date
from .figures import council_figure, county_figure, discussion_point
from .names import VENUES
from .papers import Fact, Paper
from .prose import QUESTION_TOPICS, SPEAKERS, STANDARD_ITEMS, theme_paragraph
from .writer import lower_first


# -- invented councils ------------------------------------------------------------------------------
def council_minutes(seed: int, meeting: Meeting) -> Paper:
    """An invented council committee's minutes; its facts are each debated motion's seconder and votes."""
    w = CouncilWriter(seed, meeting, "minutes")
    c, rng, day = w.committee, w.rng, w.day
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
    title = f"Minutes of {c.name}, {short_date(day)}"
    return council_paper(meeting, "minutes", title, "minutes", lines, tuple(facts))


def _standard_minute(w: CouncilWriter, item: str) -> str:
    if item == "MINUTES":
        (y, m), = w.months_back(1)
        return (f"RESOLVED: That the minutes of the meeting held in {month_label(y, m)} be confirmed as a "
                "correct record and be signed by the Chairperson.")
    if item == "APOLOGIES FOR ABSENCE":
        return f"Apologies were received from Councillors {w.councillor()} and {w.councillor()}."
    if item == "NAMED SUBSTITUTES":
        return f"Councillor {w.councillor()} substituted for Councillor {w.councillor()}."
    if w.rng.random() < 0.6:
        return "None."
    return f"Councillor {w.councillor()} declared an interest as a resident of {w.place()}."


def _debated_item(w: CouncilWriter, number: int, scheme: str) -> tuple[list[str], list[Fact]]:
    rng, c = w.rng, w.committee
    proposer, seconder = w.councillor(), w.councillor()
    votes_for, against, abstain = rng.randint(5, 40), rng.randint(0, 25), rng.randint(0, 4)
    decision = rng.choice(("the report be noted", "the recommendations be approved", "officers bring a further report"))
    measure: Measure = rng.choice(c.measures)
    (y, m), = w.months_back(1)
    points = [f"- {w.sentence()}" for _ in range(rng.randint(2, 5))]
    lines = [
        f"{number}. {scheme.upper()}", "", "Minutes:", "",
        f"The committee considered a report on {scheme}. {w.paragraph((2, 4))}", "",
        f"{council_figure(w, measure, y, m)} {w.paragraph((1, 2))}", "",
        "The principal points of the discussion were:", "", *points, "",
        f"Councillor {proposer} proposed, and Councillor {seconder} seconded, a motion on {scheme}.", "",
        f"The motion was put to the vote and was {'carried' if votes_for > against else 'lost'}, with "
        f"{votes_for} votes for, {against} against and {abstain} abstention{'' if abstain == 1 else 's'}.", "",
        f"RESOLVED: That {decision} on {scheme}.", "",
        f"Action: The {c.service} lead to circulate a briefing note on {rng.choice(c.nouns)} by "
        f"{MONTHS[rng.randrange(12)]} {w.meeting.year + 1}.", "",
    ]
    facts = [Fact("seconder", f"Who seconded the motion on {scheme} {w.at}?", f"Councillor {seconder}"),
             Fact("votes", f"How many votes were cast against the motion on {scheme} {w.at}?", str(against))]
    return lines, facts


# -- a county's children's services -----------------------------------------------------------------
def county_minutes(w: CountyWriter) -> Paper:
    """A county committee's minutes: numbered items, each with "Minutes:", discussion and a RESOLVED block."""
    c, day = w.committee, w.day
    number = 10 * (w.rng.randint(1, 12)) + (day.month - 1) * 4
    start, end = w.pick((("10.00 am", "12.40 pm"), ("2.00 pm", "4.25 pm"), ("9.30 am", "11.55 am"),
                         ("2.30 pm", "5.10 pm")))
    lines = [
        f"Minutes of the meeting of the {c.name} held at {w.pick(w.county.venues(day.year))} on {long_date(day)} "
        f"at {start}", "", f"Present: Councillor {w.chair} (Chairman)", f"Councillor {w.vice} (Vice-Chairman)", "",
        "Councillors: " + ", ".join(sorted(set(w.councillors(w.rng.randint(6, 10))) - {w.chair, w.vice})), "",
        "In attendance: " + "; ".join(w.officer(p, named=True) for p in ("director", "safeguarding", "democratic")),
        "",
    ]
    lines += standard_items(w, number)
    number += 4
    for title in w.rng.sample(c.items, 2):
        lines += debated_item(w, number, title)
        number += 1
    lines += [f"The meeting ended at {end}", "", "CHAIRMAN"]
    return w.paper("minutes", f"Minutes of the {c.name}, {short_date(day)}", "minutes", lines)


def standard_items(w: CountyWriter, number: int) -> list[str]:
    """Apologies, substitutes, declarations of interest and the last meeting's minutes."""
    absent = w.councillors(2)
    y, m = w.recent(w.rng.randint(1, 3))
    previous = month_label(y, m) if y == w.year or y in w.county.years else "the previous meeting"
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


def debated_item(w: CountyWriter, number: int, title: str) -> list[str]:
    """An item presented by an officer, the principal points, perhaps a motion, RESOLVED and an action."""
    key = w.pick(w.measures)
    y, m = w.recent()
    presenter = w.officer(w.pick(("director", "safeguarding", "looked_after", "performance")))
    points = [f"- {discussion_point(w)}" for _ in range(w.rng.randint(2, 4))]
    decision = w.pick(("the report be noted", "the committee's comments be forwarded to the Cabinet Member",
                       f"a further report be brought to the committee {w.later_meeting(4)}",
                       "the recommendations in the report be endorsed"))
    lines = [
        f"{number}. {title}", "", "Minutes:", "",
        f"{presenter} presented the report. {county_figure(w, key, y, m)} {theme_paragraph(w)}", "",
        "In the discussion that followed the following principal points were made:", "", *points, "",
    ]
    if w.rng.random() < 0.5:
        mover, seconder = w.councillors(2)
        lines += [f"Councillor {mover} moved, and Councillor {seconder} seconded, that {decision}. On being put to "
                  f"the vote the motion was carried.", ""]
    lines += [f"RESOLVED: That {decision}.", ""]
    if w.rng.random() < 0.6:
        lines += [f"Action: {w.officer('performance', named=False)} to circulate the figures for "
                  f"{w.measure(w.pick(w.county.report_measures)).topic} to members before the next meeting.", ""]
    return lines


def full_council_minutes(w: CountyWriter) -> Paper:
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
        f"Minutes of the meeting of Council held at {w.pick(w.county.venues(day.year))} on {long_date(day)} at "
        f"{w.pick(('10.00 am', '11.00 am', '2.00 pm'))}", "",
        f"Present: Councillor {chair} (Chairman)", f"Councillor {vice} (Vice-Chairman)", "",
        "Councillors: " + ", ".join(sorted(w.councillors(w.rng.randint(18, 30)))), "",
        f"{number}. PRAYERS", "", "Minutes:", "", "The Chairman's chaplain led the council in prayer.", "",
        f"{number + 1}. QUESTIONS FROM MEMBERS OF THE PUBLIC", "", "Minutes:", "",
        *public_answers(w, 2), "",
        f"{number + 2}. NOTICE OF MOTION: CHILDREN IN CARE", "", "Minutes:", "",
        f"Councillor {mover} proposed, and Councillor {seconder} seconded, the following motion: that {motion}.", "",
        f"In moving the motion Councillor {mover} said that {lower_first(county_figure(w, 'cic', *w.recent()))}",
        "",
        f"A recorded vote was taken: {votes_for} for, {against} against and {abstain} abstaining. The motion was "
        f"{'carried' if votes_for > against else 'lost'}.", "",
        f"RESOLVED: That {motion}.", "",
        f"{number + 3}. REPORT OF THE CABINET MEMBER", "", "Minutes:", "",
        f"{w.officer('cabinet_member')} presented the report. "
        f"{county_figure(w, w.pick(('uasc', 'households', 'residential')), *w.recent(2))} {theme_paragraph(w)}", "",
        f"The meeting ended at {w.pick(('12.35 pm', '1.10 pm', '4.05 pm', '4.50 pm'))}", "", "CHAIRMAN",
    ]
    return w.paper("minutes", f"Minutes of Council, {short_date(day)}", "minutes", lines)


def public_answers(w: CountyWriter, count: int) -> list[str]:
    """Members of the public's questions at Full Council and the Cabinet Member's answers."""
    lines = []
    for number, (key, topic) in enumerate(w.rng.sample(QUESTION_TOPICS, count), start=1):
        asker = w.resident()
        y, m = w.recent(w.rng.randint(1, 2))
        lines += [f"Question {number}: {asker} asked {topic}.",
                  f"Answer: {w.officer('cabinet_member')} replied that {lower_first(county_figure(w, key, y, m))} "
                  f"{theme_paragraph(w)}", ""]
    return lines


def item_page(w: CountyWriter) -> Paper:
    """One agenda item's page: its title and summary, then "Minutes:" with the officer's points and questions."""
    title = w.pick(("Children in care update", "Unaccompanied asylum seeking children",
                    "Placement sufficiency", "Edge of care service"))
    y, m = w.recent()
    keys = w.rng.sample(w.measures, 4)
    presenter = w.officer(w.pick(("director", "safeguarding", "looked_after")), named=True)
    lines = ["Agenda item", "", title, "", f"An update to the committee on {title.lower()}.", "", "Minutes:", "",
             f"{presenter} introduced the item and made the following points:", ""]
    lines += [f"- {county_figure(w, key, y, m, dated=w.rng.random() < 0.65)}" for key in keys]
    lines += ["", "Members' questions and the answers given:", ""]
    lines += [f"{i}. {discussion_point(w)}" for i in range(1, w.rng.randint(3, 5))]
    lines += ["", f"RESOLVED: That the update on {title.lower()} be noted.", ""]
    full = f"Minutes: {title}, {w.committee.name}, {short_date(w.day)}"
    return w.paper("minutes-item", full, "minutes", lines)
