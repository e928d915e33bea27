"""Click commands for people and decisions (`archive people`, `archive decisions`, `archive
eval-people`), defined beside their feature and added to the CLI by cli._add_commands; heavy
imports happen inside the commands."""

from __future__ import annotations

import json
from pathlib import Path

import click

from archive.options import database_option, database_url, friendly, index_dir_option, record_filter_options

OUTCOMES = ("agreed", "agreed-amended", "deferred", "rejected", "noted", "referred", "not-found")


def _open(index_dir: Path | None):
    from archive.core import Archive

    return Archive.open(index_dir, database_url=database_url())


@click.command()
@click.argument("name", required=False, default="")
@click.option("--council", default="", help="Only this council's people (substring).")
@click.option("--json", "as_json", is_flag=True, help="One JSON array.")
@index_dir_option
@database_option
@friendly
def people(name: str, council: str, as_json: bool, index_dir: Path | None) -> None:
    """People in the minutes (name forms merged within one council) and where each attended, chaired,
    moved, seconded, voted, declared, asked, answered or owned an action, each cited."""
    from archive.dates import human_date

    found = _open(index_dir).people(name, council)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    for person in found:
        forms = "; ".join(person["forms"])
        click.echo(click.style(f"{person['display']} ({person['council']})", bold=True) + f"  [id {person['id']}]")
        click.echo(f"  name forms: {forms}")
        for a in person["appearances"]:
            click.echo(f"  {a['role']:13} {human_date(a['meeting_date']) or 'undated'}, {a['committee']}"
                       + (f", {a['item']}" if a["item"] else ""))
            click.echo(f"    \"{a['quote'][:200]}\" ({a['cited_as']})")
        click.echo()


@click.command()
@record_filter_options
@click.option("--outcome", type=click.Choice(OUTCOMES), default=None)
@click.option("--json", "as_json", is_flag=True)
@click.option("--csv", "as_csv", is_flag=True)
@index_dir_option
@database_option
@friendly
def decisions(council, committee, date_from, date_to, outcome, as_json, as_csv, index_dir) -> None:
    """Each report's recommendations, the resolution of the meeting that took them and the outcome
    (agreed, agreed-amended, deferred, rejected, noted, referred, not-found), both passages cited."""
    from archive.dates import human_date
    from archive.registers import decisions_csv

    found = _open(index_dir).decisions(council, committee, date_from, date_to, outcome or "")
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if as_csv:
        click.echo(decisions_csv(found), nl=False)
        return
    for item in found:
        click.echo(click.style(f"[{item['outcome']}] {item['title']}", bold=True)
                   + f" ({item['council']}, {item['committee']}, {human_date(item['meeting_date']) or 'undated'})")
        for label, side in (("recommended", item["recommendation"]), ("resolved", item["resolution"])):
            if side:
                click.echo(f"  {label}: \"{side['quote'][:300]}\"\n    ({side['cited_as']})")
        click.echo()


@click.command("eval-people")
@click.argument("sets", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True)
@click.option("--verbose", "-v", is_flag=True, help="List each false find, miss and wrong outcome.")
@friendly
def eval_people(sets: tuple[Path, ...], as_json: bool, verbose: bool) -> None:
    """Score people's roles (precision, recall) and decisions' outcomes on annotated minutes: each SET
    is a directory with corpus/ and expected.jsonl (eval/people/tuning, eval/people/heldout)."""
    from archive.evaluate.people import evaluate, report_text

    results = {path.name: evaluate(path / "corpus", path / "expected.jsonl") for path in sets}
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for name, result in results.items():
        click.echo(report_text(name, result, verbose))
        click.echo()


COMMANDS = (people, decisions, eval_people)
