"""Click pieces the command modules share (cli, api/commands): the index location, the search
filters, and named errors turned into clean messages, once, at the edge. Only click at import."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from archive.errors import ArchiveError


def index_dir_option(func):
    return click.option(
        "--index-dir", type=click.Path(path_type=Path), default=None,
        help="Index location (default: $ARCHIVE_INDEX_DIR or ./index).",
    )(func)


_DATABASE = "archive.database_url"


def database_option(func):
    """--database-url (or $ARCHIVE_DATABASE_URL): read the index from PostgreSQL instead of the index
    directory. The value is kept on the click context (`database_url()`), so commands' signatures
    stay as they are."""
    def remember(ctx: click.Context, param, value: str | None) -> str | None:
        if value:
            from archive.index.pg.servers import check_url

            try:
                check_url(value)
            except ArchiveError as exc:
                raise click.BadParameter(str(exc), param_hint="--database-url") from exc
        ctx.meta[_DATABASE] = value or ""
        return value

    return click.option(
        "--database-url", envvar="ARCHIVE_DATABASE_URL", default=None, expose_value=False, callback=remember,
        metavar="postgresql://...",
        help="Read the index from this PostgreSQL database (published there by `archive publish`; "
             "default $ARCHIVE_DATABASE_URL; replicas from $ARCHIVE_DATABASE_REPLICAS).",
    )(func)


def database_url() -> str | None:
    """The --database-url the running command was given ("" for none), or None outside a command."""
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(_DATABASE) if ctx is not None else None


def friendly(func):
    """ArchiveError (and a bad value) -> a one-line message and exit code 1, never a traceback."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (ArchiveError, ValueError) as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def filter_options(func):
    for option in reversed([
        click.option("--council", help="Only papers of this council (substring match)."),
        click.option("--committee", help="Only papers of this committee (substring match)."),
        click.option("--from", "date_from", help="Only meetings on or after this ISO date."),
        click.option("--to", "date_to", help="Only meetings on or before this ISO date."),
        click.option("--type", "doc_type", help="Only this document type (report, minutes, ...)."),
        click.option("--meeting", help="Only papers of the meeting on this ISO date (add --committee to name it)."),
    ]):
        func = option(func)
    return func


def record_filter_options(func):
    """--council, --committee, --from, --to for a listing of records (commitments, decisions): substring
    matches and ISO dates, "" when not given."""
    for option in reversed([
        click.option("--council", default="", help="Only this council's papers (substring)."),
        click.option("--committee", default="", help="Only this committee (substring)."),
        click.option("--from", "date_from", default="", help="Only meetings on or after this ISO date."),
        click.option("--to", "date_to", default="", help="Only meetings on or before this ISO date."),
    ]):
        func = option(func)
    return func


def filters_of(committee, date_from, date_to, doc_type, meeting, council):
    """The Filters the filter options give (imported here, not at start: `archive --help` stays quick)."""
    from archive.ask.retrieve.filters import Filters

    return Filters.given(committee, date_from, date_to, doc_type, meeting, council)
