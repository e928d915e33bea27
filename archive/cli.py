"""Command line: a thin click layer over the library. Errors are translated here, once."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from archive.ask.cite import answer_json, citation_text, hit_json
from archive.options import (
    database_option,
    database_url,
    filter_options,
    filters_of,
    friendly,
    index_dir_option,
    record_filter_options,
)
from archive.tables import display_rows

DEFAULT_CORPUS = Path("corpus")


def _open(index_dir: Path | None):
    from archive.core import Archive

    return Archive.open(index_dir, database_url=database_url())


@click.group()
@click.version_option(package_name="council-archive")
def cli() -> None:
    """Search council meeting papers and get answers with cited passages."""


@cli.command()
@click.argument("corpus_dir", type=click.Path(path_type=Path), default=DEFAULT_CORPUS)
@index_dir_option
@click.option("--embedder", default=None,
              help="onnx-fp32 (default), onnx (int8: about twice as fast to build, vectors within 0.98 cosine), "
                   "minilm (sentence-transformers on torch) or hash (fast, for tests).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bars; only the summary.")
@click.option("--follow-ups/--no-follow-ups", default=True,
              help="Find commitments' follow-ups now (default), or on each `commitments` call (quicker bulk loads).")
@click.option("--workers", default=None, metavar="ray://HOST:PORT|local:N",
              help="Embed on a Ray cluster: an existing one (its client port, usually 10001) or N local worker "
                   "processes (needs the `distributed` extra). Default: in this process.")
@friendly
def index(corpus_dir: Path, index_dir: Path | None, embedder: str | None, quiet: bool, follow_ups: bool,
          workers: str | None) -> None:
    """Build or update the index from CORPUS_DIR (default: corpus/)."""
    from contextlib import nullcontext

    from archive.build.indexer import build_index
    from archive.index.embed import get_embedder
    from archive.index.format import default_index_dir

    target = index_dir or default_index_dir()
    if workers:
        from archive.index.distributed import RayEmbedder

        chosen = RayEmbedder(embedder, workers)
    else:
        chosen = nullcontext(get_embedder(embedder))
    with chosen as model:
        report = build_index(corpus_dir, target, model, progress=not quiet,
                             log=lambda m: click.echo(m, err=True), follow_ups=follow_ups)
    click.echo(
        f"Indexed {len(report.indexed)} new or changed, {len(report.unchanged)} unchanged "
        f"({len(report.not_reread)} not re-read), "
        f"{len(report.skipped)} skipped; {report.chunks} chunks ({report.embedded} embedded, "
        f"{report.reused_vectors} reused) in {report.seconds:.1f}s -> {target}"
    )
    for name, reason in report.skipped:
        click.echo(f"  skipped {name}: {reason}")
    for name, original in report.duplicates:
        click.echo(f"  {name}: same content as {original}, indexed once")
    if report.ocr_pages:
        click.echo(f"  {report.ocr_pages} scanned page(s) read by OCR")
    for name, warning in report.warnings:
        click.echo(f"  warning, {name}: {warning}")


def _inputs(index_dir, filter_values: tuple, single: str | None, jsonl: bool, name: str):
    """The opened archive, the filters and the texts to run: one argument, or stdin lines with --jsonl."""
    texts = [line.strip() for line in sys.stdin if line.strip()] if jsonl else [single] if single else []
    if not texts:
        raise click.UsageError(f"give a {name} or use --jsonl with one per stdin line")
    return _open(index_dir), filters_of(*filter_values), texts


@cli.command()
@click.argument("query", required=False)
@click.option("-k", default=5, show_default=True, help="Number of passages.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@click.option("--jsonl", is_flag=True, help="Read one query per stdin line; write one JSON object per line.")
@click.option("--mode", type=click.Choice(["hybrid", "fused", "lexical", "dense"]), default="hybrid")
@filter_options
@index_dir_option
@database_option
@friendly
def search(query, k, as_json, jsonl, mode, council, committee, date_from, date_to, doc_type, meeting,
           index_dir) -> None:
    """Passages that match QUERY, best first."""
    archive, filters, queries = _inputs(index_dir, (committee, date_from, date_to, doc_type, meeting, council),
                                        query, jsonl, "QUERY")
    for text in queries:
        hits = archive.search(text, k=k, filters=filters, mode=mode)
        if jsonl or as_json:
            click.echo(json.dumps({"query": text, "hits": [hit_json(h) for h in hits]}, ensure_ascii=False))
            continue
        for rank, hit in enumerate(hits, start=1):
            click.echo(click.style(f"{rank}. {citation_text(hit)}", bold=True) + f"  [{hit.score:.4f}]")
            click.echo("   " + " ".join(hit.chunk.text.split())[:400])
            click.echo()


@cli.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@click.option("--jsonl", is_flag=True, help="Read one question per stdin line; write one JSON object per line.")
@click.option("-k", default=5, show_default=True, help="Number of citations.")
@filter_options
@index_dir_option
@database_option
@friendly
def ask(question, as_json, jsonl, k, council, committee, date_from, date_to, doc_type, meeting, index_dir) -> None:
    """Answer QUESTION with a quote and citations, or say the archive does not hold the answer.
    A question that names a council of the archive is answered from that council's papers only."""
    archive, filters, questions = _inputs(index_dir, (committee, date_from, date_to, doc_type, meeting, council),
                                          question, jsonl, "QUESTION")
    for text in questions:
        answer = archive.ask(text, k=k, filters=filters)
        if jsonl or as_json:
            click.echo(json.dumps(answer_json(answer), ensure_ascii=False))
            continue
        if answer.text is None and not answer.likely:
            click.echo(click.style("No answer in the archive. ", bold=True) + answer.note)
        else:
            click.echo(click.style(f"Answer: {answer.text}" if answer.text else "No answer in the archive.", bold=True))
            rows = display_rows(answer.quote)
            if rows:  # a table row under its column names
                for cells in rows:
                    click.echo("  | " + " | ".join(cells))
            else:
                click.echo(f'"{" ".join(answer.quote.split())}"')
            click.echo(f"  — {citation_text(answer.citations[0])}")
            click.echo(f"  {answer.note}")
        if answer.citations:
            shown = answer.text is not None or bool(answer.likely)  # the first passage is shown above
            click.echo("\nOther passages:" if shown else "\nClosest passages:")
            for hit in answer.citations[1 if shown else 0 : k]:
                click.echo(f"  - {citation_text(hit)}")


@cli.command("eval")
@click.argument("questions", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--mode", type=click.Choice(["hybrid", "fused", "lexical", "dense", "plain", "all"]), default="hybrid",
              help="Retrieval mode; 'plain' is the plain stack (rank-bm25 + FAISS flat + RRF over 200-word "
                   "windows, most similar sentence as answer); 'all' prints every mode side by side.")
@click.option("--json", "as_json", is_flag=True)
@click.option("--verbose", "-v", is_flag=True, help="One line per question (with --misses: per miss).")
@click.option("--cross-validate", "cross", is_flag=True,
              help="Answer each council's questions with a selector trained on the other councils' only "
                   "(questions carry a 'council' field); prints the held-out figures.")
@click.option("--misses", is_flag=True,
              help="The misses by class (archive/evaluate/misses.py): one column per questions file; "
                   "with --json one object per file; with --cross-validate held out by council over all the files.")
@click.option("--cache", type=click.Path(path_type=Path), default=None,
              help="With --misses --cross-validate: the questions' candidates are pickled here, and read from "
                   "here when the file exists (delete it when the index or the code changes).")
@click.option("--folds", type=int, default=0,
              help="With --misses --cross-validate: deal the councils into this many sets, each held out "
                   "together (fewer fits); default one council at a time.")
@index_dir_option
@database_option
@friendly
def eval_command(questions: tuple[Path, ...], mode: str, as_json: bool, verbose: bool, cross: bool, misses: bool,
                 cache: Path | None, folds: int, index_dir: Path | None) -> None:
    """Recall@1/5/10, MRR@10, answer accuracy, span-exact and abstention on questions JSONL files."""
    from archive.evaluate.metrics import load_questions

    archive = _open(index_dir)
    if misses:
        _misses(archive, questions, mode, as_json, verbose, cross, cache, folds)
        return
    for path in questions:
        items = load_questions(path)
        if cross:
            _cross_validate(archive, path, items, as_json)
        else:
            _eval_set(archive, items, mode, as_json, verbose, _set_name(path) if len(questions) > 1 else "")


def _set_name(path: Path) -> str:
    """eval/heldout/councils-a/questions.jsonl -> councils-a; other files by their stem."""
    return path.parent.name if path.name == "questions.jsonl" else path.stem


def _eval_set(archive, items: list[dict], mode: str, as_json: bool, verbose: bool, name: str) -> None:
    from archive.evaluate.metrics import evaluate

    modes = ["lexical", "dense", "fused", "hybrid", "plain"] if mode == "all" else [mode]
    for each in modes:
        result = evaluate(_stack(archive, each), items, mode=each)
        summary = {**({"set": name} if name else {}), "mode": each, **result.summary()}
        if as_json:
            click.echo(json.dumps(summary))
        else:
            click.echo(" ".join(f"{key}={value}" for key, value in summary.items()))
        if verbose:
            for row in result.rows:
                mark = "ok " if row["correct"] else "BAD"
                click.echo(f"  {mark} {row['id']} rank={row['rank']} answer={row['answer']!r} :: {row['question']}")


def _stack(archive, mode: str):
    if mode != "plain":
        return archive
    from archive.evaluate.plain import PlainStack

    return PlainStack.from_archive(archive)


def _misses(archive, questions: tuple[Path, ...], mode: str, as_json: bool, verbose: bool, cross: bool,
            cache: Path | None, folds: int) -> None:
    """The misses by class of each file: answered by the shipped selector, or with --cross-validate
    by one fitted on the other councils' questions of all the files given (each council held out)."""
    from archive.evaluate import misses
    from archive.evaluate.metrics import evaluate, load_questions

    if mode not in ("hybrid", "plain") or (cross and mode != "hybrid"):
        raise click.UsageError("--misses needs answers: --mode hybrid (the default), or plain without --cross-validate")
    sets: dict[str, list[dict]] = {}
    for path in questions:
        name = _set_name(path)
        sets[name if name not in sets else f"{name}-{len(sets) + 1}"] = load_questions(path)
    if cross:
        found = _heldout_records(archive, sets, cache, folds)
    else:
        found = {name: evaluate(_stack(archive, mode), items, mode=mode, misses=True).records
                 for name, items in sets.items()}
    tallies = {name: misses.count(records) for name, records in found.items()}
    how = (f"held out by council, {folds} folds" if folds else "held out by council") if cross else f"mode {mode}"
    for name, tally in tallies.items():
        if as_json:
            click.echo(json.dumps({"set": name, "mode": mode, "cross_validated": cross, "folds": folds,
                                   **tally.summary()}))
        if verbose:
            for item, record in zip(sets[name], found[name], strict=True):
                miss = misses.classify(record)
                if miss:
                    click.echo(f"  {name} {item.get('id')} {miss.kind} rank={miss.rank} "
                               f"answer={record.answer.text!r} likely={record.answer.likely!r} :: {record.question}",
                               err=as_json)
    if not as_json:
        click.echo(f"Misses by class ({how})")
        click.echo(misses.table(tallies))


def _heldout_records(archive, sets: dict[str, list[dict]], cache: Path | None, folds: int) -> dict[str, list]:
    """Every question of every set answered by a selector trained on the other councils' questions
    (evaluate/train.py: councils the archive holds are groups, the rest one group; with `folds`, the
    councils dealt into that many sets, each held out together), as misses records."""
    import pickle

    from archive.evaluate.misses import heldout_record
    from archive.evaluate.train import build_examples, cross_validate

    if cache and cache.exists():
        examples = pickle.loads(cache.read_bytes())
        if [(e.item["set"], e.item["question"]) for e in examples] != [
                (name, item["question"]) for name, items in sets.items() for item in items]:
            raise click.UsageError(f"{cache} holds other questions: delete it")
    else:
        examples = build_examples(archive, sets, "", set(archive.resources.councils.names))
        if cache:
            cache.write_bytes(pickle.dumps(examples))
    if len({e.group for e in examples}) < 2:
        raise click.UsageError("cross-validation needs questions from at least two councils")
    held = set(archive.resources.councils.names)
    out: dict[str, list] = {name: [] for name in sets}
    for e, row in zip(examples, cross_validate(examples, folds), strict=True):
        council = e.item.get("council")
        out[e.item["set"]].append(heldout_record(e, row, council in held if council else None))
    return out


def _cross_validate(archive, path: Path, items: list[dict], as_json: bool) -> None:
    from archive.evaluate.train import build_examples, cross_validate, summarise

    councils = {item.get("council", "") for item in items}
    found = build_examples(archive, {path.name: items}, "", councils)
    if len({e.group for e in found}) < 2:
        raise click.UsageError("cross-validation needs questions from at least two councils")
    for name, figures in summarise(cross_validate(found)).items():
        line = {"set": name, "mode": "held-out selector", **figures}
        click.echo(json.dumps(line) if as_json else " ".join(f"{k}={v}" for k, v in line.items()))


@cli.command()
@click.argument("text", required=False, default="")
@click.option("--questioner", default="", help="Only questions from this person (substring).")
@click.option("--number", default="", help="One question by its number, e.g. 'PQ 2'.")
@click.option("--council", default="", help="Only this council's papers (substring).")
@click.option("--json", "as_json", is_flag=True, help="One JSON array.")
@click.option("--jsonl", is_flag=True, help="One JSON object per question.")
@index_dir_option
@database_option
@friendly
def questions(text: str, questioner: str, number: str, council: str, as_json: bool, jsonl: bool,
              index_dir: Path | None) -> None:
    """Public and member questions with their responses (optionally only those mentioning TEXT)."""
    from archive.dates import human_date

    found = _open(index_dir).questions(text, questioner, number, council)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    for row in found:
        if jsonl:
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        to = f" to {row['question_to']}" if row["question_to"] else ""
        click.echo(click.style(f"{row['number']} from {row['questioner']}{to}", bold=True)
                   + f" ({row['committee']}, {human_date(row['meeting_date'])}; {row['doc_id']} line {row['line']})")
        click.echo(f"  Q: {row['question'][:300]}")
        if row["response"]:
            by = f" ({row['response_by']})" if row["response_by"] else ""
            click.echo(f"  A{by}: {row['response'][:300]}")
        if row["supplementary_question"]:
            click.echo(f"  Supplementary: {row['supplementary_question'][:200]}")
        click.echo()


@cli.command()
@record_filter_options
@click.option("--owner", default="", help="Only commitments owned by this role (substring).")
@click.option("--status", type=click.Choice(["follow-up found", "no follow-up found", "overdue"]), default=None)
@click.option("--kind", type=click.Choice(["action", "resolution", "recommendation", "undertaking"]), default=None)
@click.option("--json", "as_json", is_flag=True)
@click.option("--jsonl", is_flag=True)
@click.option("--csv", "as_csv", is_flag=True)
@index_dir_option
@database_option
@friendly
def commitments(council, committee, date_from, date_to, owner, status, kind, as_json, jsonl, as_csv, index_dir) -> None:
    """Actions, resolutions, recommendations and undertakings, with follow-ups and status."""
    from archive.dates import human_date
    from archive.export import commitments_csv

    found = _open(index_dir).commitments(committee, date_from, date_to, owner, status or "", kind or "",
                                         council=council)
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
    elif jsonl:
        for item in found:
            click.echo(json.dumps(item, ensure_ascii=False))
    elif as_csv:
        click.echo(commitments_csv(found), nl=False)
    else:
        for item in found:
            due = f", due {item['due']}" if item["due"] else ""
            click.echo(click.style(f"[{item['status']}] {item['kind']}: {item['owner'] or 'owner not stated'}{due}",
                                   bold=True) + f" ({item['committee']}, {human_date(item['meeting_date'])})")
            click.echo(f"  \"{item['quote'][:300]}\"")
            click.echo(f"  {item['part']}, {item['doc_id']} page {item['page']}, line {item['line']}")
            for follow in item["follow_ups"]:
                click.echo(f"  -> {follow['date']}: {follow['quote'][:120]} ({follow['cited_as']})")
            click.echo()


@cli.command()
@click.argument("measure")
@click.option("--council", default="", help="Only this council's papers (substring).")
@click.option("--json", "as_json", is_flag=True)
@index_dir_option
@database_option
@friendly
def figures(measure: str, council: str, as_json: bool, index_dir: Path | None) -> None:
    """Every value the archive gives for MEASURE, by period and council, each with its source."""
    points = _open(index_dir).figures(measure, council)
    if as_json:
        click.echo(json.dumps({"measure": measure, "points": [p.as_dict() for p in points]}, ensure_ascii=False))
        return
    for point in points:
        flag = "  (disagrees with another value for this period)" if point.disagrees else ""
        council = f"{point.council}  " if point.council else ""
        click.echo(f"{council}{point.period:>28}  {point.value:>8} {point.unit:<11} meeting {point.meeting_date}  "
                   f"{point.doc_id} p{point.page} l{point.line}{flag}")


@cli.command()
@index_dir_option
@database_option
@friendly
def glossary(index_dir: Path | None) -> None:
    """Acronyms defined in the corpus and their long forms."""
    archive = _open(index_dir)
    for acronym in sorted(archive.glossary.entries):
        sources = ", ".join(sorted(archive.glossary.sources.get(acronym, ())))
        click.echo(f"{acronym}\t{'; '.join(sorted(archive.glossary.entries[acronym]))}\t[{sources}]")


@cli.command()
@click.option("--port", default=8501, show_default=True)
@database_option
@friendly
def serve(port: int) -> None:
    """Start the Streamlit app on localhost (the archive loads while the server starts)."""
    import os

    from archive.web.serve import serve_app

    if database_url():  # the app's process reads the database from the environment
        os.environ["ARCHIVE_DATABASE_URL"] = database_url()

    serve_app(port, warn=lambda message: click.echo(f"warning: {message}", err=True))


@cli.command()
@index_dir_option
@click.option("--database-url", envvar="ARCHIVE_DATABASE_URL", required=True, metavar="postgresql://...",
              help="The primary PostgreSQL database (default $ARCHIVE_DATABASE_URL); needs the pgvector extension.")
@click.option("--quiet", "-q", is_flag=True, help="Only the summary.")
@friendly
def publish(index_dir: Path | None, database_url: str, quiet: bool) -> None:
    """Copy the built index (the live generation of --index-dir) into PostgreSQL and make it the one
    readers there use, in one step: readers see the previous index until it is complete."""
    from archive.index.format import default_index_dir
    from archive.index.pg.publish import publish as publish_generation
    from archive.index.pg.servers import shown

    report = publish_generation(index_dir or default_index_dir(), database_url,
                                log=(lambda m: None) if quiet else (lambda m: click.echo(m, err=True)))
    click.echo(f"Published {report.chunks} chunks as {report.name} to {shown(database_url)} in {report.seconds:.1f}s"
               + (f"; dropped {', '.join(report.dropped)}" if report.dropped else ""))


def _add_commands() -> None:
    """Commands defined beside their feature (API, fetch, pages, people and decisions); their modules
    import only click at load."""
    from archive.api.commands import COMMANDS as api_commands
    from archive.fetch.commands import COMMANDS as fetch_commands
    from archive.pages.commands import COMMANDS as page_commands
    from archive.people_commands import COMMANDS as people_commands

    for command in (*api_commands, *fetch_commands, *page_commands, *people_commands):
        cli.add_command(command)


_add_commands()

if __name__ == "__main__":
    cli()
