"""The app's People and Decisions views: a person's page (attendance per committee and year, motions
moved and seconded, votes, declarations, questions and actions, each cited) and what became of each
report's recommendations. The person shown is in the URL (?view=People&person=12)."""

from __future__ import annotations

import streamlit as st

from archive.ask.retrieve.filters import Filters
from archive.core import Archive
from archive.dates import human_date
from archive.registers import attendance, decisions_csv
from archive.web.params import param, sync

SECTIONS = (("Motions moved and seconded", ("moved", "seconded")),
            ("Votes", ("voted-for", "voted-against", "abstained")),
            ("Chairing", ("chair", "vice-chair")),
            ("Declarations of interest", ("declared",)),
            ("Questions asked and answered", ("asked", "answered")),
            ("Actions owned", ("owner",)),
            ("Attendance, meeting by meeting", ("present", "apologies", "substitute", "officer")))
OUTCOMES = ["Any", "agreed", "agreed-amended", "deferred", "rejected", "noted", "referred", "not-found"]


def _rows(appearances: list[dict], roles: tuple[str, ...]) -> list[dict]:
    return [{"role": a["role"], "meeting": human_date(a["meeting_date"]) or "undated", "committee": a["committee"],
             "item": a["item"], "quote": a["quote"], "source": a["cited_as"]}
            for a in appearances if a["role"] in roles]


def people_view(archive: Archive, filters: Filters) -> None:
    st.subheader("People")
    st.caption("Who attended, chaired, moved, seconded, voted, declared an interest, asked, answered or owned an "
               "action, read from the minutes. Name forms are merged within one council only, and only where the "
               "minutes leave no doubt.")
    name = st.text_input("Name", value=param("name"), key="person_name")
    found = archive.people(name, filters.council or "")
    if not found:
        st.info("Nobody by that name in the minutes." if name else "No people were read from the minutes.")
        return
    wanted = param("person")
    ids = [p["id"] for p in found]
    labels = {p["id"]: f"{p['display']} ({p['council']}, {len(p['appearances'])} appearances)" for p in found}
    chosen = st.selectbox("Person", ids, index=ids.index(int(wanted)) if wanted.isdigit() and int(wanted) in ids else 0,
                          format_func=labels.get, key="person_choice")
    sync({"view": "People", "council": filters.council or "", "name": name.strip(), "person": str(chosen)})
    person_page(next(p for p in found if p["id"] == chosen))


def person_page(person: dict) -> None:
    st.markdown(f"### {person['display']}")
    st.caption(f"{person['council']} · name forms seen: {'; '.join(person['forms'])}")
    table = attendance(person)
    if table:
        st.markdown("**Attendance per committee and year** (meetings)")
        st.dataframe(table, hide_index=True)
    for title, roles in SECTIONS:
        rows = _rows(person["appearances"], roles)
        if rows:
            st.markdown(f"**{title}**")
            st.dataframe(rows, hide_index=True)


def decisions_view(archive: Archive, filters: Filters) -> None:
    st.subheader("Decisions")
    st.caption("Each report's recommendations with the resolution of the meeting that took them, and the outcome. "
               "Both passages are cited; 'not-found' means the archive holds no minutes that decided them.")
    asked = param("outcome")
    outcome = st.selectbox("Outcome", OUTCOMES, index=OUTCOMES.index(asked) if asked in OUTCOMES else 0, key="outcome")
    sync({"view": "Decisions", "council": filters.council or "", "committee": filters.committee or "",
          "from": filters.date_from or "", "to": filters.date_to or "", "outcome": "" if outcome == "Any" else outcome})
    items = archive.decisions(filters.council or "", filters.committee or "", filters.date_from or "",
                              filters.date_to or "", "" if outcome == "Any" else outcome)
    for item in items:
        with st.expander(f"[{item['outcome']}] {item['title']} · {item['committee']} · "
                         f"{human_date(item['meeting_date']) or 'undated'}"):
            for label, side in (("Recommended", item["recommendation"]), ("Resolved", item["resolution"])):
                if side:
                    st.markdown(f"**{label}:** {side['quote']}")
                    st.caption(side["cited_as"])
    st.download_button("Download decisions (CSV)", decisions_csv(items), "decisions.csv", "text/csv")
