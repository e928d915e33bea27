"""Distractor papers for the Herefordshire evaluation: the same council, committees and measures as the
shipped papers, for other years only.

An archive of real meeting papers holds many years of the same committees reporting the same measures
(children in care, unaccompanied asylum-seeking children, placement costs, foster carers, re-referral
rates), so a question about March 2024 competes with a dozen other papers that quote the same measure
for another month. The shipped corpus has five papers; these distractors add that competition, so the
evaluation can measure answers and retrieval "with 600 distractor papers of other years".

The papers are written by the invent package's county templates (benchmarks/invent/: agendas, minutes
with "Minutes:" and RESOLVED blocks, council minutes with motions and public questions, performance
reports with figure sentences and tables, agenda-item pages, public question sheets), set in
HEREFORDSHIRE: this module's council, committees, measures, wards and years. Every year a paper names is one of
YEARS, which excludes every year any evaluation question mentions (as 2022, 2022/23, 22/23 or "Jan '22")
and every year the shipped papers mention, so no question's accepted answer, including "not in the
papers", becomes wrong because of a distractor. `check_years` verifies that against the repository,
and every paper is checked for stray years as it is written. The templates also avoid the facts that
undated unanswerable questions ask about (an allowance for care leavers at university, the HR4 postcode,
secure children's home costs, other councils' UASC counts or fees, Ofsted monitoring visits). Undated
answerable questions ("How many children live with kinship carers?") do meet other years' figures for
the same measure, as they would in a real archive: their accepted answer still comes from the paper the
question was written from.

Paper `index` is a pure function of (seed, index): the same seed gives byte-identical papers.

    .venv/bin/python benchmarks/distractors.py OUT_DIR [--papers 600] [--seed 11] [--append]
"""

from __future__ import annotations

import argparse
import csv
import functools
import importlib
import json
import random
import sys
from pathlib import Path

# The invent package sits beside this script: benchmarks.invent when this is benchmarks.distractors,
# invent when it is run as a script or imported by a sibling script.
if not __package__:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
invent = importlib.import_module(f"{__package__}.invent" if __package__ else "invent")
Measure, Paper, years_in = invent.Measure, invent.Paper, invent.years_in

ROOT = Path(__file__).resolve().parent.parent
COUNCIL = "Herefordshire Council"
MANIFEST_COLUMNS = (*invent.MANIFEST_COLUMNS, "seed_file", "council")
STAMP = ".distractors.json"  # a dot file: the corpus lister skips it

# Years no question and no shipped paper mentions (see check_years). A financial year "2006/07" is written
# only when both of its years are here, and dates are never carried into a year that is not.
YEARS = (2001, 2002, 2003, 2005, 2006, 2007, 2008, 2009, 2013)
CHILD_POPULATION = 36_500  # under-18s, for rates per 10,000

# -- places -----------------------------------------------------------------------------------------
WARDS = (
    "Aylestone", "Backbury", "Belmont", "Bircher", "Bromyard", "Burghill, Holmer and Lyde", "Castle", "Central",
    "Credenhill", "Frome", "Golden Cross with Weobley", "Hagley", "Hampton Court", "Hope End", "Kerne Bridge",
    "Kington Town", "Ledbury", "Leominster North", "Leominster South", "Llangarron", "Old Gore", "Penyard",
    "Pontrilas", "Ross-on-Wye East", "Ross-on-Wye West", "St Martins and Hinton", "St Nicholas", "Stoney Street",
    "Three Elms", "Tupsley", "Valletts", "Wormsley Ridge",
)
LOCALITIES = ("Hereford city", "South Wye", "Leominster", "Ross-on-Wye", "Ledbury", "Bromyard", "Kington",
              "the Golden Valley")
POSTCODES = ("HR1 2", "HR1 3", "HR2 0", "HR2 6", "HR2 7", "HR2 9", "HR3 5", "HR5 3", "HR6 0", "HR6 8", "HR6 9",
             "HR7 4", "HR8 1", "HR8 2", "HR9 5", "HR9 7")  # never HR4: a question asks about it unanswerably


def venues(year: int) -> tuple[str, ...]:
    old = ("The Council Chamber, Brockington, 35 Hafod Road, Hereford, HR1 1SH",
           "Committee Room 1, The Shire Hall, St Peter's Square, Hereford, HR1 2HX",
           "The Assembly Hall, The Shire Hall, St Peter's Square, Hereford, HR1 2HX",
           "Leominster Community Centre, School Road, Leominster")
    new = ("The Council Chamber, The Shire Hall, St Peter's Square, Hereford, HR1 2HX",
           "Conference Room 2, Herefordshire Council Offices, Plough Lane, Hereford",
           "The Kindle Centre, Belmont Road, Hereford")
    return new if year >= 2013 else old


# -- the measures, one smooth monthly series each ---------------------------------------------------
MEASURES = {m.key: m for m in (
    Measure("cic", ("children in care", "looked after children", "children looked after by the council"),
            "Children in care", 140, 265),
    Measure("uasc", ("unaccompanied asylum seeking children", "unaccompanied asylum-seeking children (UASC)",
                     "UASC in the council's care"), "UASC", 1, 9),
    Measure("cpp", ("children subject to a child protection plan", "children with a child protection plan"),
            "Child protection plans", 85, 215),
    Measure("referrals", ("referrals were accepted by children's social care", "contacts were accepted as "
                          "referrals"), "Referrals to children's social care", 95, 240, flow=True),
    Measure("rereferral", ("re-referral rate", "rate of re-referrals within twelve months"), "Re-referrals",
            13, 34, "%"),
    Measure("households", ("approved in-house fostering households", "in-house foster carer households"),
            "Fostering households", 78, 150),
    Measure("residential", ("children in residential placements", "children placed in children's homes"),
            "Residential placements", 7, 24),
    Measure("external", ("children in external foster placements", "children placed with independent fostering "
                         "agencies"), "External foster placements", 28, 82),
    Measure("inhouse", ("children placed with in-house foster carers", "children with the council's own foster "
                        "carers"), "In-house foster placements", 70, 135),
    Measure("kinship", ("children living with kinship carers", "children placed with family and friends carers"),
            "Kinship placements", 14, 52),
    Measure("parents", ("children placed with their parents", "children in care living at home with parents"),
            "Placed with parents", 4, 19),
    Measure("rescost", ("average weekly cost of a residential placement", "average weekly cost of a children's "
                        "home placement"), "Residential weekly cost", 2150, 3950, "£"),
    Measure("ifacost", ("average weekly cost of an external fostering placement", "average weekly cost of an "
                        "independent fostering agency placement"), "External fostering weekly cost", 610, 890, "£"),
    Measure("allowance", ("basic weekly fostering allowance", "standard weekly allowance paid to foster carers"),
            "Weekly allowance", 112, 176, "£"),
    Measure("fgc", ("family group conferences were held", "family group conferences took place"),
            "Family group conferences held", 4, 23, flow=True),
    Measure("leavers", ("share of care leavers in suitable accommodation", "proportion of care leavers living "
                        "in suitable accommodation"), "Care leavers suitably housed", 71, 95, "%"),
    Measure("unallocated", ("unallocated cases", "cases awaiting allocation to a social worker"), "Unallocated",
            4, 41),
    Measure("vacancy", ("social worker vacancy rate", "share of social worker posts vacant"), "Vacancy rate",
            6, 24, "%"),
    Measure("agency", ("share of social workers employed through agencies", "agency social worker rate"),
            "Agency staff", 4, 31, "%"),
    Measure("moves", ("share of children in care with three or more placement moves in a year",
                      "proportion of children with three or more placements in the year"), "3+ moves", 8, 16, "%"),
    Measure("entering", ("children came into care", "children entered care"), "Children entering care", 9, 31,
            flow=True),
    Measure("leaving", ("children left care", "children ceased to be looked after"), "Children leaving care", 8,
            29, flow=True),
    Measure("complaints", ("complaints about children's social care were received", "complaints were made about "
                           "children's services"), "Complaints about children's social care", 3, 21, flow=True),
)}
REPORT_MEASURES = ("cic", "uasc", "cpp", "referrals", "rereferral", "unallocated", "vacancy", "agency", "moves",
                   "entering", "leaving", "complaints")
PLACEMENT_MEASURES = ("residential", "external", "inhouse", "kinship", "parents", "rescost", "ifacost")
FOSTERING_MEASURES = ("households", "allowance", "inhouse", "kinship", "fgc", "leavers", "moves")

# -- committees and their meetings ------------------------------------------------------------------
SCRUTINY_ITEMS = ("PERFORMANCE REPORT: CHILDREN IN CARE", "PLACEMENT SUFFICIENCY", "FOSTERING SERVICE UPDATE",
                  "UNACCOMPANIED ASYLUM SEEKING CHILDREN", "CARE LEAVERS", "REFERRAL AND ASSESSMENT PERFORMANCE",
                  "SAFEGUARDING UPDATE")
COMMITTEES = (
    invent.CountyCommittee(
        "Children and Young People Scrutiny Committee", "cyp-scrutiny", (1, 3, 5, 7, 9, 11), 1,
        ("agenda", "minutes", "performance", "item"), SCRUTINY_ITEMS, REPORT_MEASURES + PLACEMENT_MEASURES),
    invent.CountyCommittee(
        "Corporate Parenting Board", "corporate-parenting-board", (2, 5, 8, 11), 2, ("agenda", "minutes", "fostering"),
        ("FOSTERING RECRUITMENT", "THE CHILDREN IN CARE COUNCIL", "HEALTH OF CHILDREN IN CARE", "CARE LEAVERS",
         "PLACEMENT STABILITY"), FOSTERING_MEASURES + PLACEMENT_MEASURES),
    invent.CountyCommittee(
        "Council", "council", (2, 3, 5, 7, 10, 12), 4, ("agenda", "council-minutes", "questions"),
        ("CABINET MEMBER REPORTS", "NOTICES OF MOTION", "CHILDREN'S SERVICES ANNUAL REPORT", "REPORT OF THE LEADER",
         "BUDGET AND POLICY FRAMEWORK"), REPORT_MEASURES + PLACEMENT_MEASURES),
    invent.CountyCommittee(
        "Scrutiny Management Board", "smb", (1, 4, 6, 9, 12), 0, ("agenda", "minutes", "questions"), SCRUTINY_ITEMS,
        REPORT_MEASURES + PLACEMENT_MEASURES),
    invent.CountyCommittee(
        "Cabinet", "cabinet", (1, 2, 4, 6, 7, 9, 10, 12), 3, ("minutes", "placements"),
        ("CHILDREN'S PLACEMENT BUDGET", "FOSTERING SERVICE FEES AND ALLOWANCES", "CAPITAL PROGRAMME"),
        REPORT_MEASURES + PLACEMENT_MEASURES),
)

HEREFORDSHIRE = invent.County(
    council=COUNCIL, town="Hereford", years=YEARS, committees=COMMITTEES, measures=MEASURES,
    report_measures=REPORT_MEASURES, placement_measures=PLACEMENT_MEASURES, children=CHILD_POPULATION, wards=WARDS,
    localities=LOCALITIES, postcodes=POSTCODES, venues=venues, phone="01432 26", email="herefordshire.gov.uk",
    terms=(2003, 2007, 2010),
)


# -- the papers -------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4)
def slots(seed: int) -> tuple[invent.Slot, ...]:
    """Every meeting's papers in a seeded order (paper `index` is slot `index`); then further rounds of
    reports, so any number of papers can be asked for."""
    meetings = [invent.CountyMeeting(i, y, m) for i, c in enumerate(COMMITTEES) for y in YEARS for m in c.months]
    base = [invent.Slot(m, kind) for m in meetings for kind in COMMITTEES[m.committee].papers]
    random.Random(f"{seed}/order").shuffle(base)
    return tuple(base)


def slot(seed: int, index: int) -> invent.Slot:
    base = slots(seed)
    if index < len(base):
        return base[index]
    extra = base[index % len(base)]
    kind = "performance" if extra.meeting.committee in (0, 3) else "placements"
    return invent.Slot(extra.meeting, kind, copy=index // len(base))


WRITERS = {"agenda": invent.county_agenda, "minutes": invent.county_minutes,
           "council-minutes": invent.full_council_minutes, "questions": invent.question_sheet,
           "performance": invent.performance_report, "fostering": invent.fostering_report,
           "placements": invent.placements_report, "item": invent.item_page}


def paper(seed: int, index: int) -> Paper:
    """Distractor paper `index` for `seed`."""
    where = slot(seed, index)
    return WRITERS[where.kind](invent.CountyWriter(seed, HEREFORDSHIRE, where))


# -- years ------------------------------------------------------------------------------------------
def question_files(root: Path = ROOT) -> list[Path]:
    return [*sorted((root / "eval" / "heldout").glob("*/questions.jsonl")), root / "eval" / "questions.jsonl",
            root / "tests" / "data" / "questions_extra.jsonl"]


def mentioned_years(root: Path = ROOT) -> dict[str, set[int]]:
    """The years the question files (question, answers, evidence) and the shipped papers name."""
    out: dict[str, set[int]] = {}
    for path in question_files(root):
        years: set[int] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                q = json.loads(line)
                years |= years_in(" ".join([q["question"], *q.get("answers", []), *q.get("evidence", [])]))
        out[str(path.relative_to(root))] = years
    with open(root / "corpus" / "manifest.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = (root / "corpus" / row["file"]).read_text(encoding="utf-8")
            out[f"corpus/{row['file']}"] = years_in(text) | {int(row["meeting_date"][:4])}
    return out


def check_years(root: Path = ROOT) -> None:
    """Fail when a year of YEARS is one a question or a shipped paper names."""
    clashes = {name: sorted(years & set(YEARS)) for name, years in mentioned_years(root).items()
               if years & set(YEARS)}
    if clashes:
        raise SystemExit(f"YEARS {YEARS} clash with years named in: {clashes}")


# -- writing ----------------------------------------------------------------------------------------
def write_distractors(out: Path, papers: int = 600, seed: int = 11, append: bool = False) -> list[Paper]:
    """Write `papers` distractors and their manifest rows into `out`. With `append`, the rows are added to
    the manifest.csv already there (keeping its columns, adding any of MANIFEST_COLUMNS it lacks) and no file
    already there is overwritten."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = [paper(seed, index) for index in range(papers)]
    existing: list[dict[str, str]] = []
    columns = list(MANIFEST_COLUMNS)
    manifest = out / "manifest.csv"
    if append and manifest.exists():
        present, existing = invent.read_manifest(manifest)
        columns = [*present, *(c for c in MANIFEST_COLUMNS if c not in present)]
    taken = {row["file"] for row in existing}
    for p in written:
        if p.file in taken or (append and (out / p.file).exists()):
            raise FileExistsError(f"{out / p.file} is already in the corpus")
        invent.write_paper(out, p)
    rows = [p.row(source_url="", seed_file="", council=COUNCIL) for p in written]
    invent.write_manifest(manifest, existing + rows, columns)
    stamp = {"seed": seed, "papers": papers, "years": sorted({int(p.meeting_date[:4]) for p in written}),
             "files": [p.file for p in written]}
    (out / STAMP).write_text(json.dumps(stamp, indent=1))
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--papers", type=int, default=600)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--append", action="store_true",
                        help="add to the corpus (and manifest.csv) already in OUT instead of needing it empty")
    args = parser.parse_args(argv)
    if not args.append and args.out.exists() and any(args.out.iterdir()):
        sys.exit(f"{args.out} is not empty (use --append to add to a corpus)")
    if (ROOT / "corpus" / "manifest.csv").exists():
        check_years()
    written = write_distractors(args.out, args.papers, args.seed, args.append)
    years = sorted({int(p.meeting_date[:4]) for p in written})
    print(f"wrote {len(written)} distractor papers ({sum(len(p.text) for p in written):,} characters, years "
          f"{', '.join(map(str, years))}) to {args.out}")


if __name__ == "__main__":
    main()
