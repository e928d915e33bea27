"""`archive page` (a PDF page as a PNG, a quote highlighted) and `archive cite` (a passage's
citation as one line or CSL-JSON); heavy imports happen inside the commands."""

from __future__ import annotations

import json
from pathlib import Path

import click

from archive.options import database_url, friendly, index_dir_option


def _views(index_dir: Path | None):
    from archive.core import Archive
    from archive.pages.view import PageViews, default_cache

    archive = Archive.open(index_dir, database_url=database_url())
    return PageViews(archive, default_cache(index_dir or archive.location.index_dir))


@click.command()
@click.argument("doc_id")
@click.argument("page", type=click.IntRange(min=1))
@click.option("--highlight", default="", help="Text to mark on the page (at most 500 characters).")
@click.option("--chunk", "chunk_id", type=int, default=None, help="Mark this passage (a hit's chunk_id) instead.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The PNG file to write.")
@click.option("--scale", type=click.FloatRange(0.25, 4.0), default=1.5, show_default=True,
              help="Pixels per PDF point (1.5 is 108 dots per inch).")
@index_dir_option
@friendly
def page(doc_id: str, page: int, highlight: str, chunk_id: int | None, output: Path, scale: float,
         index_dir: Path | None) -> None:
    """Write PAGE (1-based, the PDF's own page order) of paper DOC_ID as a PNG, with --highlight marked."""
    rendered = _views(index_dir).page(doc_id, page, highlight, chunk_id, scale)
    output.write_bytes(rendered.png)
    printed = f" (printed page {rendered.printed})" if rendered.printed and rendered.printed != str(page) else ""
    said = f"Wrote {output}: PDF page {page} of {rendered.page_count}{printed}"
    located = rendered.located
    if located is not None:
        if located.found:
            also = [p for p in located.pages if p != page]
            said += (f"; highlight found ({located.cover:.0%} of its letters)"
                     + (f", continuing on page {', '.join(map(str, also))}" if also else ""))
        else:
            said += "; highlight NOT found on this page"
    click.echo(said)


@click.command()
@click.argument("chunk_id", type=int)
@click.option("--format", "kind", type=click.Choice(["text", "csl"]), default="text", show_default=True,
              help="One line to paste, or CSL-JSON for a reference manager.")
@click.option("--quote", default="", help="The words quoted (default: the whole passage).")
@index_dir_option
@friendly
def cite(chunk_id: int, kind: str, quote: str, index_dir: Path | None) -> None:
    """The citation of passage CHUNK_ID (a hit's chunk_id)."""
    from archive.pages.cite import citation_line, csl_json

    hit = _views(index_dir).hit(chunk_id)
    click.echo(citation_line(hit, quote) if kind == "text"
               else json.dumps([csl_json(hit, quote)], ensure_ascii=False, indent=2))


COMMANDS = (page, cite)
