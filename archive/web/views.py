"""The app's views besides Ask: Browse, Commitments, Figures and the operator's Feedback."""

from __future__ import annotations

import json

import streamlit as st

from archive.ask.retrieve.filters import Filters
from archive.ask.understand.units import amount
from archive.core import Archive
from archive.dates import human_date
from archive.export import commitment_rows, commitments_csv
from archive.web import feedback
from archive.web.params import max_question, param, sync
from archive.web.present import safe


def _reading_from_url(archive: Archive) -> tuple[str, int] | None:
    doc_id, part = param("paper"), param("part")
    return (doc_id, int(part)) if part.isdigit() and (doc_id, int(part)) in archive.parts else None


def browse_view(archive: Archive) -> None:
    """Meetings with their papers; the meeting open and the part read are in the URL
    (?view=Browse&meeting=DATE&meeting_committee=NAME&paper=DOC_ID&part=N; not `committee`, which
    is the other views' filter)."""
    st.subheader("Meetings")
    if "reading" not in st.session_state:
        st.session_state["reading"] = _reading_from_url(archive)
    at_meeting, at_committee = param("meeting"), param("meeting_committee")
    for meeting in archive.meetings():
        label = f"{human_date(meeting['meeting_date']) or 'Undated'} · {meeting['committee'] or 'No committee'}"
        opened = meeting["meeting_date"] == at_meeting and meeting["committee"] == at_committee and bool(at_meeting)
        with st.expander(label, expanded=opened):
            for document in meeting["documents"]:
                st.markdown(f"**{safe(document.title)}** · {safe(document.doc_type)}", unsafe_allow_html=True)
                for part in archive.document_parts(document.doc_id):
                    when = f" ({human_date(part.part_date)})" if part.part_date else ""
                    pages = f"pages {part.page_start}-{part.page_end}" if part.page_end > part.page_start else (
                        f"page {part.page_start}")
                    if st.button(f"{part.title}{when} · {pages}", key=f"part-{document.doc_id}-{part.part_id}"):
                        st.session_state["reading"] = (document.doc_id, part.part_id)
                        at_meeting, at_committee = meeting["meeting_date"], meeting["committee"]
    reading = st.session_state.get("reading")
    state = {"view": "Browse", "meeting": at_meeting, "meeting_committee": at_committee}
    if reading:
        doc_id, part_id = reading
        state.update(paper=doc_id, part=str(part_id))
        if not at_meeting:
            document = archive.documents.get(doc_id)
            state.update(meeting=document.meeting_date if document else "",
                         meeting_committee=document.committee if document else "")
    sync(state)
    if reading:
        part = archive.parts.get((doc_id, part_id))
        st.subheader(part.title if part else doc_id)
        st.caption(archive.documents[doc_id].title)
        for chunk in archive.part_chunks(doc_id, part_id):
            st.markdown(f'<div class="passage">{safe(chunk.text).replace(chr(10), "<br>")}</div>',
                        unsafe_allow_html=True)
            st.caption(f"page {chunk.page}, line {chunk.line}")


def commitments_view(archive: Archive, filters: Filters) -> None:
    st.subheader("Commitments")
    st.caption("Actions, resolutions, recommendations and undertakings recorded in the papers. A commitment is "
               "shown as followed up only when a later passage refers back to it.")
    left, right = st.columns(2)
    owner = left.text_input("Owner contains", value=param("owner"), key="owner")
    statuses = ["Any", "follow-up found", "no follow-up found", "overdue"]
    status = right.selectbox("Status", statuses, key="status",
                             index=statuses.index(param("status")) if param("status") in statuses else 0)
    sync({"view": "Commitments", "council": filters.council or "", "committee": filters.committee or "",
          "from": filters.date_from or "", "to": filters.date_to or "", "owner": owner,
          "status": "" if status == "Any" else status})
    items = archive.commitments(filters.committee or "", filters.date_from or "", filters.date_to or "", owner,
                                "" if status == "Any" else status, council=filters.council or "")
    st.dataframe(commitment_rows(items), hide_index=True)
    st.download_button("Download commitments (CSV)", commitments_csv(items), "commitments.csv", "text/csv")


def chart_points(series: list[dict]) -> None:
    """The series over time; hovering a point shows its period, value and source."""
    import altair as alt

    rows = []
    for point in series:
        year, month = point["period_end"]
        value = amount(point["value"])  # "£1.18m" is 1,180,000
        if year and value is not None:
            rows.append({"period end": f"{year:04d}-{month:02d}-01", "value": value,
                         "period": point["period"], "meeting": point["meeting_date"],
                         "source": f"{point['title']} p{point['page']} l{point['line']}"})
    if len(rows) < 2:
        return
    chart = alt.Chart(alt.Data(values=rows)).mark_line(point=True).encode(
        x=alt.X("period end:T", title="period"), y=alt.Y("value:Q", title="value"),
        tooltip=["period:N", "value:Q", "meeting:N", "source:N"],
    )
    st.altair_chart(chart, use_container_width=True)


def figures_view(archive: Archive) -> None:
    st.subheader("Figures over time")
    measure = st.text_input("Measure", value=param("measure") or "children in care", key="measure")
    sync({"view": "Figures", "measure": measure.strip()})
    if not measure.strip():
        return
    points = [p.as_dict() for p in archive.figures(measure.strip()[:max_question()])]
    if not points:
        st.info("The archive gives no values for this measure.")
        return
    for council, unit in sorted({(p["council"], p["unit"]) for p in points}):  # one series per council and unit
        series = [p for p in points if p["unit"] == unit and p["council"] == council]
        st.markdown(f"**{safe(council + ': ' if council else '')}{safe(unit)}**", unsafe_allow_html=True)
        chart_points(series)
        st.dataframe([{"period": p["period"], "value": p["value"], "meeting": p["meeting_date"],
                       "disagrees": p["disagrees"], "source": f"{p['title']} p{p['page']} l{p['line']}",
                       "quote": p["quote"]} for p in series], hide_index=True)
    st.download_button("Download figures (JSON)", json.dumps({"measure": measure, "points": points}, indent=2),
                       "figures.json", "application/json")


def feedback_view() -> None:
    st.subheader("Feedback on answers")
    rows = feedback.entries(feedback.feedback_path())
    if not rows:
        st.info("No feedback yet.")
        return
    st.dataframe(rows, hide_index=True)
