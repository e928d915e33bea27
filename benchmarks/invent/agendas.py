"""Agendas, and the public question sheets a county's committees publish with them."""

from __future__ import annotations

from datetime import timedelta

from .council import CouncilWriter, Meeting, council_paper
from .county import CountyWriter
from .dates import long_date, short_date
from .figures import county_figure
from .names import VENUES
from .papers import Paper
from .prose import QUESTION_TOPICS, STANDARD_ITEMS, theme_paragraph
from .writer import capital


def council_agenda(seed: int, meeting: Meeting, reports: int) -> Paper:
    """An invented council's agenda: the standard items, then `reports` schemes, with page numbers."""
    w = CouncilWriter(seed, meeting, "agenda")
    c, rng, day = w.committee, w.rng, w.day
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
        lines += [f"{number}. {capital(item)}", "",
                  f"To consider {rng.choice(c.nouns)} and {item}. Pages {page} - {page + length}", ""]
        page += length + 1
    return council_paper(meeting, "agenda", f"Agenda, {c.name}, {short_date(day)}", "agenda", lines)


UNPAGED = ("APOLOGIES FOR ABSENCE", "NAMED SUBSTITUTES", "DECLARATIONS OF INTEREST",
           "QUESTIONS FROM MEMBERS OF THE PUBLIC")


def county_agenda(w: CountyWriter) -> Paper:
    """A county committee's agenda: contact, deadline for public questions, membership, items and pages."""
    c, day, county = w.committee, w.day, w.county
    contact, phone = w.people["democratic"], f"{county.phone}{w.rng.randrange(1000, 9999)}"
    deadline = day - timedelta(days=6)
    deadline -= timedelta(days=max(0, deadline.weekday() - 4))  # a weekend deadline moves back to the Friday
    members_ = sorted(set(w.councillors(w.rng.randint(6, 10))) - {w.chair, w.vice})
    items = ["APOLOGIES FOR ABSENCE", "NAMED SUBSTITUTES", "DECLARATIONS OF INTEREST", "MINUTES",
             "QUESTIONS FROM MEMBERS OF THE PUBLIC", *w.rng.sample(c.items, 3), "WORK PROGRAMME"]
    lines = [
        county.council, "", f"Agenda for the meeting of the {c.name}", "", f"Date: {long_date(day)}", "",
        f"Time: {w.pick(('10.00 am', '2.00 pm', '9.30 am', '2.30 pm'))}", "",
        f"Place: {w.pick(county.venues(day.year))}", "",
        f"For further information please contact {contact}, {w.posts['democratic']}, on {phone} or by e-mail "
        f"at {contact.split()[0][0].lower()}{contact.split()[1].lower()}@{county.email}.", "",
        f"Questions from members of the public for this meeting must reach the Democratic Services team by "
        f"{w.pick(('noon', '5.00 pm', '10.00 am'))} on {long_date(deadline)}.", "",
        "Membership", "", f"Chairman: Councillor {w.chair}", f"Vice-Chairman: Councillor {w.vice}",
        *(f"Councillor {name} ({w.ward(name)})" for name in members_), "", "Agenda", "",
        "Item\tSubject\tPages",
    ]
    page = 1
    for number, item in enumerate(items, start=1):
        if item in UNPAGED:
            lines.append(f"{number}.\t{item}\t")
            continue
        length = w.rng.randint(2, 18)
        lines.append(f"{number}.\t{item}\t{page} - {page + length}")
        page += length + 1
    lines += ["", f"The committee expects to meet next {w.later_meeting(2)[7:]}."]
    return w.paper("agenda", f"Agenda, {c.name}, {short_date(day)}", "agenda", lines)


def question_sheet(w: CountyWriter) -> Paper:
    """A public question sheet: a table of questions, then each written response."""
    c, day = w.committee, w.day
    topics = w.rng.sample(QUESTION_TOPICS, w.rng.randint(2, 3))
    askers = [f"{w.resident()}, {w.pick(w.county.localities)}" for _ in topics]
    lines = [f"Public questions to the {c.name}, {short_date(day)}", "", "Ref\tQuestioner\tSubject\tTo"]
    lines += [f"PQ{i}\t{asker}\t{capital(topic)}\t{w.posts['cabinet_member']}"
              for i, (asker, (_, topic)) in enumerate(zip(askers, topics, strict=True), start=1)]
    lines.append("")
    for i, (key, topic) in enumerate(topics, start=1):
        y, m = w.recent(w.rng.randint(1, 2))
        lines += [f"PQ{i}: written response", "",
                  f"The questioner asked {topic}. {county_figure(w, key, y, m)} "
                  f"{county_figure(w, key, *w.recent(w.rng.randint(3, 5)))} {theme_paragraph(w)}", ""]
    lines.append(f"Responses prepared by {w.officer('director', named=True)}.")
    title = f"Questions from members of the public, {c.name}, {short_date(day)}"
    return w.paper("public-questions", title, "public questions", lines)
