"""Load test of the HTTP API (`archive api`) on loopback: many concurrent clients for a fixed time.

The corpus is the shipped papers plus a few hundred generated ones (benchmarks/scale_corpus.py),
indexed with the default embedder (`archive index`, cached in the work directory). The server runs
in its own process (`archive api`, rate limiting off: the load comes from one address); the clients
are threads of this process, each with its own keep-alive connection, sending a mix of `ask`,
`search` and `health` requests (questions from eval/questions.jsonl). Two phases of --duration
seconds each:

- "paced": each client waits 0.5-1.5 s between requests (like locust's `between(0.5, 1.5)`), the
  load a crowd of readers makes;
- "saturated": no wait at all, every client sends its next request as soon as the last is answered
  (the server's throughput; latency is then mostly queueing).

Both phases run twice: against the server as shipped (answers cached per generation, so a repeated
question costs no answering) and with `--cache-size 0` (every request answered afresh: what the
machine can compute). Reports requests/s, p50/p95/p99 per endpoint and errors, as JSON and a
Markdown table. A benchmark, not a test: it asserts nothing. The machine has 2 cores shared by the
server and the clients.

    .venv/bin/python benchmarks/bench_api.py [--clients 50] [--duration 60] [--work build/bench-api]
        [--out benchmarks/results/api.json]
"""

from __future__ import annotations

import argparse
import csv
import http.client
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import scale_corpus  # noqa: E402  (a sibling script, not a package)

ARCHIVE = [sys.executable, "-m", "archive.cli"]
GENERATED_CHUNKS = 4000  # about 340 generated papers
MIX = (("ask", 0.5), ("search", 0.35), ("health", 0.15))
PHASES = {"paced": (0.5, 1.5), "saturated": (0.0, 0.0)}
SERVERS = {"cache on": [], "cache off": ["--cache-size", "0"]}


# -- corpus and index -------------------------------------------------------------------------------
def prepare_corpus(work: Path, chunks: int) -> Path:
    """The shipped papers and generated ones in one corpus directory with one manifest (cached)."""
    corpus = work / "corpus"
    stamp = corpus / ".bench-api.json"
    wanted = {"generated_chunks": chunks, "generator": scale_corpus.GENERATOR_VERSION}
    if stamp.exists() and json.loads(stamp.read_text()) == wanted:
        return corpus
    shutil.rmtree(corpus, ignore_errors=True)
    info = scale_corpus.write_corpus(corpus, chunks, log=lambda m: print(m, file=sys.stderr))
    shipped = ROOT / "corpus"
    with open(corpus / "manifest.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with open(shipped / "manifest.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows.append({k: row.get(k, "") for k in ("file", "title", "committee", "meeting_date", "doc_type",
                                                     "source_url")})
            shutil.copy2(shipped / row["file"], corpus / row["file"])
    with open(corpus / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    stamp.write_text(json.dumps(wanted))
    print(f"corpus: {info.papers} generated + shipped papers in {corpus}", file=sys.stderr)
    return corpus


def build_index(corpus: Path, index_dir: Path, embedder: str | None) -> dict:
    """`archive index` (incremental: a second run reuses everything); the manifest's figures."""
    command = [*ARCHIVE, "index", str(corpus), "--index-dir", str(index_dir), "-q"]
    if embedder:
        command += ["--embedder", embedder]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    generation = index_dir / (index_dir / "CURRENT").read_text().strip()
    manifest = json.loads((generation / "manifest.json").read_text())
    import sqlite3

    with sqlite3.connect(generation / "archive.db") as db:
        papers = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        chunks = db.execute("SELECT count(*) FROM chunks").fetchone()[0]
    return {"model": manifest["model"], "papers": papers, "chunks": chunks, "index_seconds": round(seconds, 1)}


# -- server ---------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(index_dir: Path, port: int, log: Path, extra: list[str]) -> subprocess.Popen:
    env = {**os.environ, "ARCHIVE_INDEX_DIR": str(index_dir)}
    with open(log, "w") as handle:
        process = subprocess.Popen([*ARCHIVE, "api", "--port", str(port), "--rate-limit", "off", *extra], cwd=ROOT,
                                   env=env, stdout=handle, stderr=subprocess.STDOUT)
    deadline = time.time() + 180
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"archive api exited early:\n{log.read_text()}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise SystemExit(f"archive api did not start:\n{log.read_text()}")


# -- clients --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sample:
    endpoint: str
    status: int  # 0: the connection failed
    seconds: float


def questions(corpus: Path, generated: int = 200) -> list[str]:
    """What the clients ask: the dev questions and `generated` questions about the generated papers, so
    that with the cache off few requests repeat an earlier one's passages either."""
    rows = [json.loads(line) for line in (ROOT / "eval" / "questions.jsonl").read_text().splitlines() if line]
    info = scale_corpus.read_info(corpus)
    made = [q.text for q in scale_corpus.questions(info, generated)] if info and generated else []
    return [r["question"] for r in rows] + made


def request_path(endpoint: str, rng: random.Random, texts: list[str]) -> str:
    if endpoint == "health":
        return "/health"
    return f"/{endpoint}?" + urlencode({"q": rng.choice(texts), "k": 5})


def client(port: int, seed: int, until: float, think: tuple[float, float], texts: list[str],
           out: list[Sample]) -> None:
    rng = random.Random(seed)
    names, weights = zip(*MIX, strict=True)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    while time.time() < until:
        endpoint = rng.choices(names, weights)[0]
        started = time.perf_counter()
        try:
            connection.request("GET", request_path(endpoint, rng, texts))
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        out.append(Sample(endpoint, status, time.perf_counter() - started))
        if think[1] > 0:
            time.sleep(rng.uniform(*think))
    connection.close()


def summarise(samples: list[Sample], seconds: float) -> dict:
    out: dict = {"requests": len(samples), "requests_per_second": round(len(samples) / seconds, 1),
                 "server_errors": sum(1 for s in samples if s.status >= 500),
                 "failed_connections": sum(1 for s in samples if s.status == 0),
                 "other_non_200": sum(1 for s in samples if 0 < s.status < 500 and s.status != 200),
                 "endpoints": {}}
    for endpoint, _ in MIX:
        mine = [s for s in samples if s.endpoint == endpoint]
        ms = np.array([s.seconds for s in mine]) * 1000
        if not len(ms):
            continue
        out["endpoints"][endpoint] = {
            "requests": len(mine), "requests_per_second": round(len(mine) / seconds, 1),
            **{f"p{p}_ms": round(float(np.percentile(ms, p)), 1) for p in (50, 95, 99)},
            "max_ms": round(float(ms.max()), 1),
            "errors": sum(1 for s in mine if s.status != 200),
        }
    return out


def run_phase(port: int, clients: int, duration: float, think: tuple[float, float], texts: list[str]) -> dict:
    samples: list[Sample] = []
    until = time.time() + duration
    threads = [threading.Thread(target=client, args=(port, i, until, think, texts, samples)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 120)
    return summarise(samples, time.perf_counter() - started)


def warm(port: int, texts: list[str]) -> None:
    """A few questions through ask and search (what loads on first use)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    for text in texts[:4]:
        for endpoint in ("ask", "search"):
            connection.request("GET", f"/{endpoint}?" + urlencode({"q": text, "k": 5}))
            connection.getresponse().read()
    connection.close()


# -- report ---------------------------------------------------------------------------------------
def markdown(result: dict) -> str:
    lines = [
        "# HTTP API load test",
        "",
        f"{result['when']}; {result['machine']}. Server: `archive api` on loopback ({result['processes']} "
        f"process{'es' if result['processes'] > 1 else ''}, rate limit off), "
        f"index of {result['index']['papers']} papers / {result['index']['chunks']} chunks "
        f"({result['index']['model']}). {result['clients']} client threads in the benchmark's own process for "
        f"{result['duration_s']} s per phase; mix {', '.join(f'{n} {int(w * 100)}%' for n, w in MIX)}, over "
        f"{result['questions']} distinct questions (the dev set and questions about the generated papers). "
        "The server and the clients share the machine's 2 cores, and other work may have run at the same time.",
        "",
        "| server | phase | endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for server, phases in result["servers"].items():
        for phase, figures in phases.items():
            for endpoint, row in figures["endpoints"].items():
                lines.append(f"| {server} | {phase} | {endpoint} | {row['requests']} | {row['requests_per_second']} | "
                             f"{row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} | {row['max_ms']} | "
                             f"{row['errors']} |")
            lines.append(f"| {server} | {phase} | **all** | {figures['requests']} | {figures['requests_per_second']} "
                         f"| | | | | {figures['server_errors']} server errors, {figures['failed_connections']} "
                         "failed connections |")
    lines += ["", "paced: each client waits 0.5-1.5 s between requests; saturated: no wait (throughput; latency is "
                  "then queueing). cache on: the server as shipped (answers remembered per generation); cache off: "
                  "`--cache-size 0`, every request answered afresh.", ""]
    for server, phases in result["servers"].items():
        if "saturated" in phases and "ask" in phases["saturated"]["endpoints"]:
            fresh = phases["saturated"]["endpoints"]
            answered = sum(fresh[e]["requests_per_second"] for e in ("ask", "search") if e in fresh)
            cores = result["cores"]
            lines.append(f"- {server}, saturated: {answered:.1f} asks and searches a second, "
                         f"{answered / cores:.1f} per core ({cores} cores, shared with the clients).")
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per phase")
    parser.add_argument("--phases", default="paced,saturated")
    parser.add_argument("--servers", default=",".join(SERVERS), help="cache on, cache off or both")
    parser.add_argument("--chunks", type=int, default=GENERATED_CHUNKS, help="generated chunks besides the shipped")
    parser.add_argument("--embedder", default=None, help="index embedder (default: the archive's default)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench-api")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "api.json")
    parser.add_argument("--prepare-only", action="store_true", help="build the corpus and index, then stop")
    parser.add_argument("--processes", type=int, default=1, help="server processes (archive api --processes)")
    parser.add_argument("--generated-questions", type=int, default=200)
    args = parser.parse_args(argv)

    args.work.mkdir(parents=True, exist_ok=True)
    corpus = prepare_corpus(args.work, args.chunks)
    index = build_index(corpus, args.work / "index", args.embedder)
    print(f"index: {index}", file=sys.stderr)
    if args.prepare_only:
        return
    texts = questions(corpus, args.generated_questions)
    servers = {}
    for label, extra in SERVERS.items():
        if label not in args.servers.split(","):
            continue
        port = free_port()
        server = start_server(args.work / "index", port, args.work / "server.log",
                              [*extra, "--processes", str(args.processes)])
        try:
            warm(port, texts)
            servers[label] = {}
            for name in args.phases.split(","):
                print(f"{label}, phase {name}: {args.clients} clients for {args.duration:.0f} s", file=sys.stderr)
                servers[label][name] = run_phase(port, args.clients, args.duration, PHASES[name], texts)
                print(json.dumps(servers[label][name]), file=sys.stderr)
        finally:
            server.terminate()
            server.wait(timeout=30)
    result = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "index": index, "clients": args.clients, "duration_s": args.duration, "mix": dict(MIX),
        "processes": args.processes, "cores": os.cpu_count(), "questions": len(set(texts)),
        "servers": servers,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    args.out.with_suffix(".md").write_text(markdown(result))
    print(markdown(result))


if __name__ == "__main__":
    main()
