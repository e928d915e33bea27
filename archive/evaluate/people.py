"""`archive eval-people`: people's roles and decisions' outcomes read from a corpus, scored against
hand-written annotations (eval/people/*/expected.jsonl).

The corpus is read as the indexer reads it (build/analyse.py for each paper, build/names.merge for a
council's people, build/decisions.link for outcomes), without embedding anything. A role is scored as
(file, role, person): the person's name is the one their merged forms give, so a form left unmerged
("J Smith" for John Smith) counts as a miss and a false find. Roles are counted once per meeting file.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from archive.build.analyse import analyse_paper
from archive.build.chunk import ChunkSettings
from archive.build.corpus import list_sources
from archive.build.decisions import Decision, link
from archive.build.ingest import read_pages
from archive.build.names import Person, merge, parse_name
from archive.build.people import ROLES
from archive.records import Document


@dataclass
class CorpusPeople:
    appearances: list[dict] = field(default_factory=list)  # each with "rowid", "council", "person_id"
    people: list[Person] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


def read_corpus(corpus_dir: Path) -> CorpusPeople:
    out = CorpusPeople()
    recommendations, resolutions = [], []
    for source in list_sources(Path(corpus_dir)):
        document = Document(source.doc_id, str(source.path), source.title, source.committee, source.meeting_date,
                            source.doc_type, source.source_url, tuple(read_pages(source.path)), council=source.council)
        analysis = analyse_paper(document, ChunkSettings())
        for item in analysis.appearances:
            out.appearances.append({**item.as_dict(), "rowid": len(out.appearances) + 1, "council": source.council,
                                    "meeting": (item.doc_id, item.meeting_date)})
        recommendations += [{**r.as_dict(), "council": source.council} for r in analysis.recommendations]
        resolutions += [{**r.as_dict(), "council": source.council} for r in analysis.resolutions]
    out.people, assigned = merge(out.appearances)
    for row in out.appearances:
        row["person_id"] = assigned.get(row["rowid"])
    out.decisions = link(recommendations, resolutions)
    return out


def _key(name: str) -> str:
    return " ".join(name.lower().replace(".", "").split())


def score(found: CorpusPeople, expected: list[dict]) -> dict:
    people = {p.person_id: p for p in found.people}
    files = {e["file"] for e in expected if e["kind"] == "role"}
    want = {(e["file"], e["role"], _key(e["name"])) for e in expected if e["kind"] == "role"}
    got = {(a["doc_id"], a["role"], _key(people[a["person_id"]].name)) for a in found.appearances
           if a["doc_id"] in files and a["person_id"] in people}
    by_role = {}
    for role in ROLES:
        w = {x for x in want if x[1] == role}
        g = {x for x in got if x[1] == role}
        if w or g:
            by_role[role] = _pr(w, g)
    result = {"roles": by_role, "all": _pr(want, got),
              "false_finds": sorted(got - want), "misses": sorted(want - got),
              "merged_people": _merged(found, expected, people), "people_across_councils": _across(found, people)}
    result["decisions"] = _decisions(found.decisions, [e for e in expected if e["kind"] == "decision"])
    return result


def _pr(want: set, got: set) -> dict:
    hits = len(want & got)
    return {"expected": len(want), "found": len(got), "right": hits,
            "precision": round(hits / len(got), 3) if got else 1.0,
            "recall": round(hits / len(want), 3) if want else 1.0}


def _merged(found: CorpusPeople, expected: list[dict], people: dict[int, Person]) -> list[str]:
    """People whose appearances belong, by the annotations, to two different people: each appearance
    is identified with the one expected name of its file and role its printed form fits."""
    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in expected:
        if e["kind"] == "role":
            names[(e["file"], e["role"])].append(e["name"])
    identities: dict[int, set[str]] = defaultdict(set)
    for a in found.appearances:
        form = parse_name(a["name"])
        if form is None or a["person_id"] is None:
            continue
        fits = [n for n in names.get((a["doc_id"], a["role"]), []) if _fits(form, n)]
        if len(fits) == 1:
            identities[a["person_id"]].add(_key(fits[0]))
    return sorted(people[pid].name for pid, seen in identities.items() if len(seen) > 1)


def _fits(form, name: str) -> bool:
    other = parse_name(name, "Councillor")
    if other is None or other.surname.lower() != form.surname.lower():
        return False
    if form.bare or other.bare:
        return True
    a, b = form.initials, other.initials
    return a.startswith(b) or b.startswith(a)


def _across(found: CorpusPeople, people: dict[int, Person]) -> int:
    councils: dict[int, set[str]] = defaultdict(set)
    for a in found.appearances:
        if a["person_id"] is not None:
            councils[a["person_id"]].add(a["council"])
    return sum(1 for seen in councils.values() if len(seen) > 1)


def _decisions(decisions: list[Decision], expected: list[dict]) -> dict:
    by_report = {}
    for d in decisions:
        source = (d.recommendation or d.resolution or {}).get("doc_id", "")
        by_report.setdefault(source, d)
    rows, right = [], 0
    per_outcome: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e in expected:
        d = by_report.get(e["report"])
        outcome = d.outcome if d else "missing"
        minutes = (d.resolution or {}).get("doc_id", "") if d else ""
        ok = outcome == e["outcome"] and (not e["minutes"] or minutes == e["minutes"])
        right += ok
        per_outcome[e["outcome"]][0] += 1
        per_outcome[e["outcome"]][1] += ok
        rows.append({"report": e["report"], "expected": e["outcome"], "found": outcome, "minutes": minutes,
                     "right": ok})
    return {"expected": len(expected), "right": right,
            "accuracy": round(right / len(expected), 3) if expected else 1.0,
            "by_outcome": {k: {"expected": v[0], "right": v[1]} for k, v in sorted(per_outcome.items())},
            "wrong": [r for r in rows if not r["right"]]}


def evaluate(corpus_dir: Path, expected_path: Path) -> dict:
    expected = [json.loads(line) for line in Path(expected_path).read_text().splitlines() if line.strip()]
    return score(read_corpus(corpus_dir), expected)


def report_text(name: str, result: dict, verbose: bool = False) -> str:
    lines = [f"{name}", f"{'role':14} {'expected':>8} {'found':>6} {'right':>6} {'precision':>9} {'recall':>7}"]
    for role, r in [*result["roles"].items(), ("all roles", result["all"])]:
        lines.append(f"{role:14} {r['expected']:8} {r['found']:6} {r['right']:6} {r['precision']:9.3f} "
                     f"{r['recall']:7.3f}")
    d = result["decisions"]
    lines.append(f"decisions: {d['right']}/{d['expected']} outcomes right ({d['accuracy']:.3f}); "
                 + ", ".join(f"{k} {v['right']}/{v['expected']}" for k, v in d["by_outcome"].items()))
    lines.append(f"people merged wrongly: {len(result['merged_people'])}; people across councils: "
                 f"{result['people_across_councils']}")
    if verbose:
        lines += [f"  false find: {x}" for x in result["false_finds"]]
        lines += [f"  miss: {x}" for x in result["misses"]]
        lines += [f"  decision wrong: {x}" for x in d["wrong"]]
        lines += [f"  merged: {x}" for x in result["merged_people"]]
    return "\n".join(lines)
