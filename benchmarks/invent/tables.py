"""Tables as the archive reads them from papers: one row a line, cells separated by tabs."""

from __future__ import annotations

from collections.abc import Iterable

from .committees import Measure
from .council import CouncilWriter
from .county import CountyWriter
from .dates import month_label
from .writer import unit


def tsv(rows: Iterable[Iterable[object]]) -> str:
    """Rows of cells as tab-separated lines."""
    return "\n".join("\t".join(str(cell) for cell in row) for row in rows)


# -- invented councils ------------------------------------------------------------------------------
def council_table(w: CouncilWriter, measure: Measure, months: list[tuple[int, int]]) -> str:
    """A measure month by month, beside its target and the statistical neighbours' figure."""
    target = round((measure.low + measure.high) / 2)
    rows: list[list[object]] = [["Month", measure.column, "Target", "Statistical neighbours"]]
    for y, m in months:
        neighbours = round(target * (0.9 + 0.2 * w.rng.random()))
        rows.append([month_label(y, m), w.value(measure, y, m), target, neighbours])
    return tsv(rows)


# -- a county's children's services -----------------------------------------------------------------
def monthly_table(w: CountyWriter, key: str, months: list[tuple[int, int]]) -> str:
    """A measure month by month, beside its target and the change on the month before."""
    m = w.measure(key)
    rows: list[list[object]] = [["Month", m.column, "Target", "Change on previous month"]]
    previous = None
    target = m.shown(round((m.low + m.high) / 2))
    for y, mo in months:
        amount = w.value(key, y, mo)
        change = "" if previous is None else f"{amount - previous:+d}"
        rows.append([month_label(y, mo), m.shown(amount), target, change])
        previous = amount
    return tsv(rows)


def rate_table(w: CountyWriter, months: list[tuple[int, int]]) -> str:
    """Children in care with the rate per 10,000 beside comparator averages."""
    rows: list[list[object]] = [["Period", "Children in care", "Rate per 10,000", "Statistical neighbours",
                                 "England"]]
    for y, mo in months:
        neighbours = round(44 + 10 * unit(w.seed, "sn", y, mo))
        england = round(53 + 3 * unit(w.seed, "eng", y))
        rows.append([month_label(y, mo), w.value("cic", y, mo), w.rate(y, mo), neighbours, england])
    return tsv(rows)


def annual_table(w: CountyWriter) -> str | None:
    """Entries, exits and re-referrals by financial year, for the allowed financial years up to now."""
    ended = w.year if w.day.month >= 4 else w.year - 1  # financial years ended by the meeting
    years = [y for y in w.county.years if w.financial_year(y) and y + 1 <= ended][-3:]
    if not years:
        return None
    rows: list[list[object]] = [["Year", "Entered care", "Left care", "Re-referral rate"]]
    for y in years:
        entered = sum(w.value("entering", y, mo) for mo in (6, 9, 12))
        left = sum(w.value("leaving", y, mo) for mo in (6, 9, 12))
        rows.append([w.financial_year(y), entered, left, w.shown("rereferral", w.value("rereferral", y, 12))])
    return tsv(rows)


def postcode_table(w: CountyWriter) -> str:
    """The home postcode sectors of children entering care."""
    sectors = w.rng.sample(w.county.postcodes, 5)
    counts = sorted((w.rng.randint(3, 19) for _ in sectors), reverse=True)
    return tsv([["Home postcode sector", "Children entering care"], *zip(sectors, counts, strict=True)])


def placement_table(w: CountyWriter, year: int, month: int) -> str:
    """Children by placement type, with the weekly cost of the external kinds."""
    rows: list[list[object]] = [["Placement type", "Children", "Average weekly cost"]]
    costs = {"residential": "rescost", "external": "ifacost"}
    for key in ("inhouse", "external", "kinship", "residential", "parents"):
        cost = w.shown(costs[key], w.value(costs[key], year, month)) if key in costs else "-"
        rows.append([w.measure(key).column, w.value(key, year, month), cost])
    return tsv(rows)
