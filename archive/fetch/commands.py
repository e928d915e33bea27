"""Click commands for fetching papers; heavy imports happen inside the commands."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("site")
@click.option("--from", "date_from", help="Meetings on or after this ISO date (default: a year before --to).")
@click.option("--to", "date_to", help="Meetings on or before this ISO date (default: today).")
@click.option("--committee", help="Only committees whose name contains this (or with this committee id).")
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path), default=Path("corpus"), show_default=True,
              help="Corpus directory to fetch into (papers go to CORPUS/<council>/, rows to its manifest.csv).")
@click.option("--council", help="The council's name for the manifest (default: from the site's host name).")
@click.option("--delay", type=float, default=1.0, show_default=True, help="Seconds between requests.")
@click.option("--retries", type=int, default=4, show_default=True,
              help="Retries of a request that timed out or met a server error.")
@click.option("--backoff", type=float, default=2.0, show_default=True,
              help="First wait before a retry, in seconds; doubled at each retry.")
@click.option("--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for an answer.")
@click.option("--quiet", "-q", is_flag=True, help="Only the summary.")
def fetch(site: str, date_from: str | None, date_to: str | None, committee: str | None, corpus_dir: Path,
          council: str | None, delay: float, retries: int, backoff: float, timeout: float, quiet: bool) -> None:
    """Fetch meetings and papers from the ModernGov site SITE (e.g. democracy.example.gov.uk).

    Uses the site's public web service (mgWebService.asmx): committees, their meetings, and the
    documents linked to each meeting and agenda item. Incremental and resumable: papers already in
    the corpus (by source address) are not downloaded again, and each paper is recorded as soon
    as it is saved, so an interrupted run can simply be run again. Then run `archive index`."""
    from archive.errors import ArchiveError
    from archive.fetch.download import Polite
    from archive.fetch.harvest import fetch_site

    if delay < 0 or retries < 0 or backoff < 0 or timeout <= 0:
        raise click.BadParameter("--delay, --retries and --backoff cannot be negative; --timeout must be positive")
    http = Polite(delay=delay, retries=retries, backoff=backoff, timeout=timeout)
    try:
        report = fetch_site(site, corpus_dir, date_from, date_to, committee, council, http,
                            log=(lambda message: None) if quiet else click.echo)
    except ArchiveError as exc:
        raise click.ClickException(str(exc)) from exc
    summary = (f"{report.council}: {report.committees} committee(s), {report.meetings} meeting(s); "
               f"{len(report.downloaded)} paper(s) fetched, {report.already} already in {corpus_dir}")
    if report.restricted:
        summary += f", {report.restricted} not public"
    if report.unsupported:
        summary += f", {len(report.unsupported)} skipped (not PDFs)"
    click.echo(summary + f"; {http.requests} request(s).")
    if report.failed:
        for what, why in report.failed[:20]:
            click.echo(f"  failed: {what}: {why}", err=True)
        raise click.ClickException(f"{len(report.failed)} item(s) could not be fetched; run the same command again "
                                   "to fetch them (what was saved is kept)")


COMMANDS = [fetch]
