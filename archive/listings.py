"""The archive's records as lists: public questions, commitments with their follow-ups and status,
meetings, a search's facets and what the index holds. Each reads the loaded index
(ask/resources.Resources) and nothing else."""

from __future__ import annotations

from datetime import date

from archive.ask.retrieve import search as retrieve
from archive.ask.track import follow_ups
from archive.records import Document, Hit
from archive.text import terms


def questions(resources, text: str = "", questioner: str = "", number: str = "", council: str = "") -> list[dict]:
    """Public and member questions, filtered by words in any field, questioner, number or council."""
    wanted = set(terms(text))
    documents = resources.papers.documents
    out = []
    for row in resources.index.question_rows():
        if questioner and questioner.lower() not in row["questioner"].lower():
            continue
        if number and number.replace(" ", "").upper() != row["number"].replace(" ", "").upper():
            continue
        if wanted and not wanted <= set(terms(" ".join(str(v) for v in row.values()))):
            continue
        document = documents.get(row["doc_id"])
        if council and (document is None or council.lower() not in document.council.lower()):
            continue
        row["council"] = document.council if document else ""
        row["meeting_date"] = document.meeting_date if document else ""
        row["committee"] = document.committee if document else ""
        row["title"] = document.title if document else ""
        out.append(row)
    return out


def _kept(item: dict, document: Document, committee: str, council: str, date_from: str, date_to: str,
          owner: str, kind: str) -> bool:
    if committee and committee.lower() not in document.committee.lower():
        return False
    if council and council.lower() not in document.council.lower():
        return False
    if (date_from and item["meeting_date"] < date_from) or (date_to and item["meeting_date"] > date_to):
        return False
    return not ((owner and owner.lower() not in item["owner"].lower()) or (kind and kind != item["kind"]))


def commitments(resources, manifest: dict, committee: str = "", date_from: str = "", date_to: str = "",
                owner: str = "", status: str = "", kind: str = "", today: str = "", council: str = "") -> list[dict]:
    """Commitments with their follow-ups (found when the index was built) and status, oldest
    meeting first. The passages the follow-ups cite are read in one query."""
    today = today or date.today().isoformat()
    documents, parts = resources.papers.documents, resources.papers.parts
    kept = [item for item in resources.index.commitment_rows()
            if _kept(item, documents[item["doc_id"]], committee, council, date_from, date_to, owner, kind)]
    if not manifest.get("follow_ups", True):  # built with --no-follow-ups: found now
        for item in kept:
            item["follow_ups"] = follow_ups.find(item, resources)
    cited = retrieve.passages_of(resources.index, resources.papers,
                                 list(dict.fromkeys(r for item in kept for _, r in item["follow_ups"])))
    hits = {p.chunk.chunk_id: p.hit for p in cited}
    out = []
    for item in kept:
        del item["rowid"]
        item["follow_ups"] = [follow_ups.describe(when, hits[r]) for when, r in item["follow_ups"]]
        item["status"] = follow_ups.status(item["follow_ups"], item["due_iso"], today)
        if status and status != item["status"]:
            continue
        document = documents[item["doc_id"]]
        part = parts.get((item["doc_id"], item["part_id"]))
        item.update(council=document.council, committee=document.committee, title=document.title,
                    part=part.title if part else "", source=document.source_url or document.path)
        out.append(item)
    return out


def meetings(documents: dict[str, Document]) -> list[dict]:
    """Meetings by committee and date with their documents, for browsing, newest first."""
    grouped: dict[tuple[str, str], list[Document]] = {}
    for document in documents.values():
        grouped.setdefault((document.committee, document.meeting_date), []).append(document)
    return [
        {"committee": committee, "meeting_date": when, "documents": sorted(docs, key=lambda d: d.title)}
        for (committee, when), docs in sorted(grouped.items(), key=lambda item: (item[0][1], item[0][0]),
                                              reverse=True)
    ]


def facets(resources, hits: list[Hit]) -> dict[str, dict[str, int]]:
    """How many of the hits come from each council, committee, document type and year."""
    out: dict[str, dict[str, int]] = {"council": {}, "committee": {}, "doc_type": {}, "year": {}}
    for hit in hits:
        document = hit.document or resources.papers.documents[hit.chunk.doc_id]
        for facet, value in (("council", document.council), ("committee", document.committee),
                             ("doc_type", document.doc_type),
                             ("year", resources.papers.context_date(hit.chunk)[:4])):
            if value:
                out[facet][value] = out[facet].get(value, 0) + 1
    return out


def summary(documents: dict[str, Document], chunk_count: int, manifest: dict) -> dict:
    """What the index holds, for the app's header."""
    dates = sorted(d.meeting_date for d in documents.values() if d.meeting_date)
    return {
        "documents": len(documents),
        "meetings": len({(d.committee, d.meeting_date) for d in documents.values()}),
        "chunks": chunk_count,
        "first_meeting": dates[0] if dates else "",
        "last_meeting": dates[-1] if dates else "",
        "built_at": manifest.get("built_at", ""),
        "model": manifest.get("model", ""),
    }
