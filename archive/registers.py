"""People and decisions as lists: who attended, moved, seconded, voted, declared, asked, answered
and owned what, and what became of each report's recommendations. Each reads the loaded index
(ask/resources.Resources: the rows build/registry.py stored) and cites every passage as answers do."""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from archive.ask.cite import citation_text
from archive.build.names import parse_name
from archive.records import Chunk, Hit

ATTENDANCE = ("present", "apologies", "substitute")


def _cited(resources, doc_id: str, part_id: int, page: int, line: int, quote: str) -> str:
    document = resources.papers.documents.get(doc_id)
    part = resources.papers.parts.get((doc_id, part_id))
    return citation_text(Hit(Chunk(0, doc_id, part_id, page, 0, 0, "", quote, line), 0.0, document=document, part=part))


def _appearance(resources, row: dict) -> dict:
    return {"role": row["role"], "meeting_date": row["meeting_date"], "committee": row["committee"],
            "item": row["item"], "quote": row["quote"], "note": row["note"], "as_written": row["name"],
            "doc_id": row["doc_id"], "page": row["page"], "line": row["line"],
            "cited_as": _cited(resources, row["doc_id"], row["part_id"], row["page"], row["line"], row["quote"])}


def _matches(person: dict, name: str) -> bool:
    """A substring of a form as printed ("Kowalski", "Cllr J Smith"), or the same person's name however
    written: "Joanne Smith" finds Joanne Smith (and her "J Smith" once merged), never Jane, John or an
    unmerged "J Smith"; "J Smith" finds every J... Smith; "Smith" every Smith."""
    wanted = " ".join(name.lower().replace(".", "").split())
    if any(wanted in " ".join(form.lower().replace(".", "").split()) for form in [person["display"], *person["forms"]]):
        return True
    asked, own = parse_name(name) or parse_name(name, "Councillor"), parse_name(person["name"].split(" (")[0],
                                                                               "Councillor")
    if not asked or not own or asked.surname.lower() != own.surname.lower():
        return False
    if asked.bare:
        return True
    if asked.full:
        return asked.key == own.key
    return own.initials.startswith(asked.initials) or asked.initials.startswith(own.initials)


def people(resources, name: str = "", council: str = "") -> list[dict]:
    """Each person (one council's merged name forms) with every appearance, oldest meeting first."""
    found = [p for p in resources.index.people_rows()
             if (not council or council.lower() in p["council"].lower()) and (not name or _matches(p, name))]
    if not found:
        return []
    wanted = {p["person_id"] for p in found}
    by_person: dict[int, list[dict]] = defaultdict(list)
    for row in resources.index.appearance_rows(found[0]["person_id"] if len(found) == 1 else None):
        if row["person_id"] in wanted:
            by_person[row["person_id"]].append(_appearance(resources, row))
    return [{"id": p["person_id"], "council": p["council"], "name": p["name"], "display": p["display"],
             "forms": p["forms"], "appearances": by_person.get(p["person_id"], [])} for p in found]


def person(resources, person_id: int) -> dict | None:
    row = next((p for p in resources.index.people_rows() if p["person_id"] == person_id), None)
    if row is None:
        return None
    return {"id": row["person_id"], "council": row["council"], "name": row["name"], "display": row["display"],
            "forms": row["forms"],
            "appearances": [_appearance(resources, a) for a in resources.index.appearance_rows(person_id)]}


def attendance(item: dict) -> list[dict]:
    """A person's attendance by committee and year: meetings present, apologies, as a substitute."""
    counts: dict[tuple[str, str], dict[str, set]] = defaultdict(lambda: {r: set() for r in ATTENDANCE})
    for a in item["appearances"]:
        if a["role"] in ATTENDANCE:
            counts[(a["committee"], a["meeting_date"][:4])][a["role"]].add((a["doc_id"], a["meeting_date"]))
    return [{"committee": committee, "year": year, **{role: len(seen[role]) for role in ATTENDANCE}}
            for (committee, year), seen in sorted(counts.items(), key=lambda kv: (kv[0][1], kv[0][0]))]


def _side(resources, side: dict | None, quote_key: str) -> dict | None:
    if not side:
        return None
    return {**side, "quote": side[quote_key],
            "cited_as": _cited(resources, side["doc_id"], side["part_id"], side["page"], side["line"], side[quote_key])}


def decisions(resources, council: str = "", committee: str = "", date_from: str = "", date_to: str = "",
              outcome: str = "") -> list[dict]:
    """Each report's recommendations with the resolution that decided them and its outcome (and
    decision records), oldest meeting first; both passages cited."""
    out = []
    for row in resources.index.decision_rows():
        if council and council.lower() not in row["council"].lower():
            continue
        if committee and committee.lower() not in row["committee"].lower():
            continue
        if (date_from and row["meeting_date"] < date_from) or (date_to and row["meeting_date"] > date_to):
            continue
        if outcome and outcome != row["outcome"]:
            continue
        out.append({"id": row["decision_id"], "council": row["council"], "committee": row["committee"],
                    "meeting_date": row["meeting_date"], "title": row["title"], "outcome": row["outcome"],
                    "recommendation": _side(resources, row["recommendation"], "text"),
                    "resolution": _side(resources, row["resolution"], "text")})
    return out


DECISION_COLUMNS = ("id", "council", "committee", "meeting_date", "title", "outcome", "recommendation",
                    "recommendation_cited_as", "resolution", "resolution_item", "resolution_meeting_date",
                    "resolution_cited_as")


def decisions_csv(items: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=DECISION_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for item in items:
        rec, res = item["recommendation"] or {}, item["resolution"] or {}
        writer.writerow({**{k: item[k] for k in DECISION_COLUMNS[:6]},
                         "recommendation": rec.get("quote", ""), "recommendation_cited_as": rec.get("cited_as", ""),
                         "resolution": res.get("quote", ""), "resolution_item": res.get("item", ""),
                         "resolution_meeting_date": res.get("meeting_date", ""),
                         "resolution_cited_as": res.get("cited_as", "")})
    return buffer.getvalue()
