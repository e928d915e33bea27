"""Streamlit front end: ask a question, see the answer with its quote and source, browse passages.

Run with `make run` or `archive serve`, which run this file (shipped inside the package) as the
Streamlit script; the top-level app.py is a thin launcher for `streamlit run app.py`. The index
loads once per process (st.cache_resource).
ARCHIVE_PUBLIC=1 makes the page read-only for a hosted instance: no re-indexing, capped questions.
"""

from __future__ import annotations

import json

import streamlit as st

from archive.ask.cite import answer_json, source_text
from archive.ask.retrieve.filters import Filters
from archive.core import Archive
from archive.dates import human_date
from archive.errors import ArchiveError
from archive.export import citations_csv
from archive.index.format import default_index_dir
from archive.tables import display_rows
from archive.text import terms
from archive.web import feedback
from archive.web.pageview import citation_tools
from archive.web.params import iso, max_question, param, parse_iso, public, sync
from archive.web.people_views import decisions_view, people_view
from archive.web.present import highlight, location_html, safe, table_html
from archive.web.views import browse_view, commitments_view, feedback_view, figures_view
from archive.web.webcache import load_archive

EXAMPLES = [
    "What was the UASC figure in January 2024?",
    "How many children were in care in 2022/23?",
    "What is the average weekly cost of a residential placement?",
]


# The filters each view applies; a view not named here shows none.
VIEW_FILTERS = {"Ask": ("council", "committee", "type", "dates"), "Commitments": ("council", "committee", "dates"),
                "People": ("council",), "Decisions": ("council", "committee", "dates")}


def sidebar(archive: Archive, view: str = "Ask") -> Filters:
    councils = sorted({d.council for d in archive.documents.values() if d.council})
    committees = sorted({d.committee for d in archive.documents.values() if d.committee})
    doc_types = sorted({d.doc_type for d in archive.documents.values() if d.doc_type})
    shown = VIEW_FILTERS.get(view, ())
    council, committee, doc_type, date_from, date_to = "All councils", "All committees", "All types", None, None
    with st.sidebar:
        if shown:
            st.header("Filters")
        if "council" in shown and len(councils) > 1:  # a one-council archive needs no choice
            council_choice = param("council")
            council = st.selectbox(
                "Council", ["All councils", *councils],
                index=(councils.index(council_choice) + 1) if council_choice in councils else 0,
            )
        if "committee" in shown:
            committee_choice = param("committee")
            committee = st.selectbox(
                "Committee", ["All committees", *committees],
                index=(committees.index(committee_choice) + 1) if committee_choice in committees else 0,
            )
        if "type" in shown:
            type_choice = param("type")
            doc_type = st.selectbox(
                "Document type", ["All types", *doc_types],
                index=(doc_types.index(type_choice) + 1) if type_choice in doc_types else 0,
            )
        if "dates" in shown:
            date_from = st.date_input("Meetings from", value=parse_iso(param("from")), format="YYYY-MM-DD")
            date_to = st.date_input("Meetings to", value=parse_iso(param("to")), format="YYYY-MM-DD")
        stats = archive.stats()
        if shown:
            st.divider()
        st.subheader("About this archive")
        st.markdown(
            f"- **{stats['documents']}** documents from **{stats['meetings']}** meetings\n"
            f"- Meetings from {human_date(stats['first_meeting'])} to {human_date(stats['last_meeting'])}\n"
            f"- {stats['chunks']} indexed passages; model {stats['model']}\n"
            f"- Last indexed {stats['built_at'][:16].replace('T', ' at ')} UTC"
        )
        if public():
            st.caption("Public read-only instance.")
    return Filters(
        council=None if council == "All councils" else council,
        committee=None if committee == "All committees" else committee,
        date_from=iso(date_from),
        date_to=iso(date_to),
        doc_type=None if doc_type == "All types" else doc_type,
    )


def answer_card(archive: Archive, answer, stems: set[str]) -> None:
    with st.container(border=True):
        if answer.text is None and not answer.likely:
            st.markdown("#### No answer in the archive")
            st.markdown(safe(answer.note or "No passage in the archive answers this question."),
                        unsafe_allow_html=True)
            return
        best = answer.citations[0]
        if answer.text is None:  # not sure: the likely answer is marked in its passage, not given
            st.markdown("#### No answer in the archive")
            short = answer.likely
        else:
            short = answer.text if answer.text != answer.quote else ""
            if short:
                st.markdown(f'<div class="answer-text" data-testid="answer">{safe(short)}</div>',
                            unsafe_allow_html=True)
        if display_rows(answer.quote):  # a table row, shown under its column names
            quote = table_html(answer.quote, stems, exact=short or None)
        else:
            quote = "“" + highlight(answer.quote, stems, exact=short or None) + "”"
        st.markdown(f'<div class="quote" data-testid="quote">{quote}</div>', unsafe_allow_html=True)
        document = best.document
        meeting = human_date(document.meeting_date) if document else ""
        source = (
            f'<div class="source" data-testid="source"><b>{safe(source_text(best))}</b><br>'
            f"{safe(document.committee if document else '')} · meeting of {safe(meeting)} · "
            f"{safe(document.doc_type if document else '')} · {location_html(best)}</div>"
        )
        st.markdown(source, unsafe_allow_html=True)
        if answer.note:
            st.caption(answer.note)
        citation_tools(archive, best, answer.quote, key=f"answer-{best.chunk.chunk_id}")


def passages(archive: Archive, hits, stems: set[str], skip_first: bool) -> None:
    shown = hits[1:] if skip_first else hits
    if not shown:
        return
    st.subheader("Other passages" if skip_first else "Passages")
    for number, hit in enumerate(shown, start=2 if skip_first else 1):
        with st.container(border=True):
            st.markdown(
                f'<div class="source"><b>{number}. {safe(source_text(hit))}</b> · {location_html(hit)}</div>',
                unsafe_allow_html=True,
            )
            st.markdown(f'<div class="passage">{highlight(hit.chunk.text, stems)}</div>', unsafe_allow_html=True)
            citation_tools(archive, hit, "", key=f"hit-{number}-{hit.chunk.chunk_id}")
            with st.expander("Show in document"):
                for chunk in archive.neighbours(hit.chunk):
                    style = "" if chunk.chunk_id != hit.chunk.chunk_id else ' style="background:#f4f8ff"'
                    st.markdown(f'<div class="passage"{style}>{safe(chunk.text).replace(chr(10), "<br>")}</div>',
                                unsafe_allow_html=True)


def exports(answer) -> None:
    data = answer_json(answer)
    left, right = st.columns(2)
    left.download_button("Download results (CSV)", citations_csv(data), "results.csv", "text/csv")
    right.download_button("Download results (JSON)", json.dumps(data, indent=2, ensure_ascii=False),
                          "results.json", "application/json")


def feedback_buttons(answer) -> None:
    if answer.text is None and not answer.citations:
        return
    best = answer.citations[0] if answer.citations else None
    key = f"feedback-{hash(answer.question)}"
    if st.session_state.get(key):
        st.caption(f"Thank you: recorded as {st.session_state[key]}.")
        return
    left, right, _ = st.columns([1, 1, 4])
    # text labels: emoji render as empty boxes where the reader's system has no emoji font
    for column, verdict, label in ((left, "helpful", "Helpful"), (right, "wrong", "Wrong")):
        if column.button(label, key=f"{key}-{verdict}"):
            feedback.record(feedback.feedback_path(), answer.question, answer.text, verdict,
                            best.chunk.doc_id if best else "", best.chunk.chunk_id if best else None)
            st.session_state[key] = verdict
            st.rerun()


def facet_counts(archive: Archive, question: str, filters: Filters) -> None:
    counts = archive.facets(archive.search(question, k=50, filters=filters))
    with st.sidebar:
        st.divider()
        st.subheader("Matching passages")
        for facet, label in (("council", "By council"), ("committee", "By committee"), ("doc_type", "By type"),
                             ("year", "By year")):
            if counts[facet]:
                st.caption(label)
                st.markdown("\n".join(f"- {safe(name)}: {n}" for name, n in
                                       sorted(counts[facet].items(), key=lambda item: -item[1])),
                            unsafe_allow_html=True)


def ask_view(archive: Archive, filters: Filters) -> None:
    with st.form("ask"):
        question = st.text_input(
            "Question", value=param("q"), max_chars=max_question(),
            placeholder=EXAMPLES[0], key="question",
        )
        st.form_submit_button("Ask", type="primary")
    question = (question or "").strip()[:max_question()]

    state = {"q": question, "council": filters.council or "", "committee": filters.committee or "",
             "type": filters.doc_type or "", "from": filters.date_from or "", "to": filters.date_to or ""}

    # the URL reproduces this view before the answer is worked out (a page a link asks for kept until then)
    sync({**state, "paper": param("paper"), "page": param("page")} if question else state)
    if not question:
        st.markdown("Try: " + " · ".join(f"*{safe(e)}*" for e in EXAMPLES), unsafe_allow_html=True)
        return
    with st.spinner("Searching the archive…"):
        answer = archive.ask(question, k=8, filters=filters)
    stems = set(terms(question))
    answer_card(archive, answer, stems)
    feedback_buttons(answer)
    passages(archive, list(answer.citations), stems, skip_first=answer.text is not None)
    exports(answer)
    facet_counts(archive, question, filters)
    shown = st.session_state.get("shown_page")  # set by a citation's "Show page"
    if shown in {(h.chunk.doc_id, h.chunk.page) for h in answer.citations}:
        state.update(paper=shown[0], page=str(shown[1]))
    sync(state)  # and the page shown, if any


def page_setup() -> None:
    st.set_page_config(page_title="Council archive", layout="wide")  # Streamlit's own icon: an emoji one is fetched
    st.markdown(
        """<style>
        mark.term {background: #fff3b0; padding: 0 .1em;}
        mark.answer {background: #ffd24d; font-weight: 700; padding: 0 .15em;}
        .quote {font-size: 1.1rem; border-left: 4px solid #ffd24d; padding: .3rem .8rem; margin: .4rem 0;}
        .source {color: #555; font-size: .9rem;}
        .answer-text {font-size: 2rem; font-weight: 700; margin: 0;}
        .passage {font-size: .95rem; line-height: 1.45;}
        table.quote-table {border-collapse: collapse; margin: .3rem 0;}
        table.quote-table th, table.quote-table td {border: 1px solid #ddd; padding: .2rem .5rem; text-align: left;}
        table.quote-table th {background: #f6f6f6; font-weight: 600;}
        </style>""",
        unsafe_allow_html=True,
    )


def main() -> None:
    page_setup()
    st.title("Council archive")
    st.caption("Ask about committee papers: answers come with the passage, meeting, date and page they come from.")
    try:
        archive = load_archive(str(default_index_dir()))
    except ArchiveError as exc:
        st.error(str(exc))
        if not public():
            st.code("archive index corpus/", language="bash")
        st.stop()

    views = ["Ask", "Browse", "Commitments", "People", "Decisions", "Figures"] + ([] if public() else ["Feedback"])
    asked = param("view")
    view = st.sidebar.radio("View", views, horizontal=True, key="view",
                            index=views.index(asked) if asked in views else 0)
    filters = sidebar(archive, view)
    if view == "Browse":
        browse_view(archive)
    elif view == "Commitments":
        commitments_view(archive, filters)
    elif view == "People":
        people_view(archive, filters)
    elif view == "Decisions":
        decisions_view(archive, filters)
    elif view == "Figures":
        figures_view(archive)
    elif view == "Feedback":
        feedback_view()
        sync({"view": view})
    else:
        ask_view(archive, filters)


if __name__ == "__main__":  # Streamlit runs this file as the script on every rerun
    main()
