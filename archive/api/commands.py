"""Click commands for the HTTP API, saved-search feeds and Datasette; heavy imports happen inside
the commands (`archive --help` stays quick)."""

from __future__ import annotations

from pathlib import Path

import click

from archive.options import database_option, database_url, filter_options, filters_of, friendly, index_dir_option


def _target(index_dir: Path | None) -> Path:
    from archive.index.format import default_index_dir

    return index_dir or default_index_dir()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option("--public", is_flag=True, default=None,
              help="Hosted read-only mode: no write endpoint, questions capped at 300 characters "
                   "(also $ARCHIVE_PUBLIC=1).")
@click.option("--rate-limit", default=None,
              help="Requests per client address, e.g. '120/minute' (default; $ARCHIVE_API_RATE_LIMIT); 'off' for none.")
@click.option("--time-limit", type=float, default=None,
              help="Seconds a request may take before it gets a 503 (default 10; $ARCHIVE_API_TIME_LIMIT).")
@click.option("--cors", "cors", multiple=True,
              help="An origin allowed to call the API from a browser (repeat; '*' for any; $ARCHIVE_API_CORS_ORIGINS).")
@click.option("--workers", type=int, default=None, help="Requests answered at once (threads; default 4).")
@click.option("--processes", type=click.IntRange(1, 64), default=None,
              help="Server processes sharing the memory-mapped index (default 1; $ARCHIVE_API_PROCESSES); "
                   "each allows its share of the rate limit.")
@click.option("--cache-size", type=int, default=None,
              help="Answers and searches remembered per index generation (default 1024; 0: none).")
@index_dir_option
@database_option
@friendly
def api(host: str, port: int, public: bool | None, rate_limit: str | None, time_limit: float | None,
        cors: tuple[str, ...], workers: int | None, processes: int | None, cache_size: int | None,
        index_dir: Path | None) -> None:
    """Serve the JSON HTTP API (FastAPI + uvicorn); docs at /docs, schema at /openapi.json."""
    from archive.api.limits import parse_limit
    from archive.api.serving import serve
    from archive.api.settings import ApiSettings

    settings = ApiSettings.from_env(public=public or None, rate_limit=rate_limit, time_limit=time_limit,
                                    cors_origins=cors or None, workers=workers, processes=processes,
                                    cache_size=cache_size)
    parse_limit(settings.rate_limit)  # a bad limit is refused before the index loads
    target = _target(index_dir)
    url = database_url()
    if url:
        from archive.index.pg.servers import shown

        click.echo(f"loading the index from {shown(url)} (feeds and feedback kept in {target}) ...", err=True)
    else:
        click.echo(f"loading {target} ...", err=True)
    mode = "public, read-only" if settings.public else "read-write"
    processes = f"; {settings.processes} processes" if settings.processes > 1 else ""
    click.echo(f"serving the archive API ({mode}; rate limit {settings.rate_limit or 'off'}{processes}) on "
               f"http://{host}:{port} (docs at /docs)", err=True)
    serve(settings, target, url, host, port)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True)
@index_dir_option
@friendly
def datasette(host: str, port: int, index_dir: Path | None) -> None:
    """Open the index's SQLite database read-only in Datasette, with canned queries for journalists."""
    import uvicorn

    from archive.api.datasette import datasette_app

    instance = datasette_app(_target(index_dir))
    click.echo(f"Datasette on http://{host}:{port}/archive (read-only; canned queries listed there)", err=True)
    uvicorn.run(instance.app(), host=host, port=port, log_level="warning")


@click.group()
def feeds() -> None:
    """Saved searches whose new matching passages are Atom feeds (served by `archive api` at /feeds)."""


def _store(index_dir: Path | None):
    from archive.api.feeds import FeedStore, feeds_path

    return FeedStore(feeds_path(_target(index_dir)))


@feeds.command("add")
@click.argument("query")
@click.option("-k", default=20, show_default=True, help="Passages the saved search keeps up with.")
@filter_options
@index_dir_option
@friendly
def feeds_add(query, k, council, committee, date_from, date_to, doc_type, meeting, index_dir) -> None:
    """Save QUERY (with filters) as a feed; what matches now is its starting point."""
    from fastapi.exceptions import RequestValidationError

    from archive.api.params import checked_date
    from archive.core import Archive

    for name, value in (("--from", date_from), ("--to", date_to), ("--meeting", meeting)):
        try:
            checked_date(name, value)
        except RequestValidationError as exc:
            raise click.BadParameter("not a real date (YYYY-MM-DD)", param_hint=name) from exc
    store = _store(index_dir)
    search = store.add(query, filters_of(committee, date_from, date_to, doc_type, meeting, council), k)
    added = store.refresh(search, Archive.open(_target(index_dir)))
    click.echo(f"{search.id}\t{search.query}\t{added} passages now; Atom at /feeds/{search.id}.atom")


@feeds.command("list")
@index_dir_option
def feeds_list(index_dir) -> None:
    """Saved searches: id, query, filters."""
    for search in _store(index_dir).searches():
        filters = " ".join(f"{k}={v}" for k, v in search.filters.items())
        click.echo(f"{search.id}\t{search.query}\t{filters}")


@feeds.command("show")
@click.argument("feed_id")
@click.option("--base-url", default="http://127.0.0.1:8000/", show_default=True,
              help="Where `archive api` serves, for the feed's links.")
@index_dir_option
@friendly
def feeds_show(feed_id, base_url, index_dir) -> None:
    """Print a saved search's Atom feed (refreshed against the live index)."""
    from archive.api.feeds import atom
    from archive.core import Archive

    store = _store(index_dir)
    search = store.get(feed_id)
    if search is None:
        raise click.ClickException(f"no saved search {feed_id!r} (see `archive feeds list`)")
    store.refresh(search, Archive.open(_target(index_dir)))
    base = base_url.rstrip("/") + "/"
    click.echo(atom(search, store.entries(search.id), f"{base}feeds/{search.id}.atom", base))


@feeds.command("remove")
@click.argument("feed_id")
@index_dir_option
def feeds_remove(feed_id, index_dir) -> None:
    """Forget a saved search and its entries."""
    if not _store(index_dir).remove(feed_id):
        raise click.ClickException(f"no saved search {feed_id!r}")
    click.echo(f"removed {feed_id}")


COMMANDS = [api, datasette, feeds]
