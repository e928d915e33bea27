"""Faults under load: `archive api --processes N` serving clients that ask, search, save searches,
read feeds and post feedback for a fixed time while, in turn,

(a) `archive index` builds a new generation (a new paper added to the corpus) that the servers swap in,
(b) one server process is killed with SIGKILL (uvicorn's supervisor starts another),

and reports what the clients saw: every response by endpoint and status, the failures (a request
whose connection was cut is retried once on a new connection, as browsers and HTTP libraries do for
an idempotent request; a POST is not retried), whether every feedback row and saved search the server
accepted is still there at the end, when the new paper became searchable, and the servers' memory
(RSS and PSS summed over the processes) after warm-up and at the end. Loopback only, bounded in time;
a benchmark, not a test (tests/test_soak.py runs a short one and checks its verdicts).

    .venv/bin/python benchmarks/soak.py [--duration 300] [--clients 20] [--processes 2]
        [--embedder hash] [--work build/soak] [--out benchmarks/results/soak.json]

PostgreSQL replicas (fault (c) of issue 29) are not exercised here: see the README.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bench_api  # noqa: E402  (a sibling script: corpus, server start, questions)

from archive.api.serving import server_processes  # noqa: E402

MIX = (("ask", 0.35), ("search", 0.35), ("feed", 0.15), ("feedback", 0.1), ("save", 0.05))
NEW_PAPER = "2025-02-03-soak-committee-report.txt"
MARKER = "Quillbarrow"  # a word only the paper added mid-run holds


@dataclass
class Record:
    endpoint: str
    status: int  # 0: no response even after the retry
    seconds: float
    at: float  # seconds since the start
    retried: bool = False


@dataclass
class Shared:
    records: list[Record] = field(default_factory=list)
    accepted_feedback: list[str] = field(default_factory=list)  # comments of feedback the server recorded
    saved: list[str] = field(default_factory=list)  # ids of saved searches the server created
    lock: threading.Lock = field(default_factory=threading.Lock)


def _request(connection: http.client.HTTPConnection, method: str, path: str, body: dict | None) -> tuple[int, bytes]:
    payload = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if payload else {}
    connection.request(method, path, body=payload, headers=headers)
    response = connection.getresponse()
    return response.status, response.read()


def client(port: int, seed: int, started: float, until: float, texts: list[str], shared: Shared) -> None:
    rng = random.Random(seed)
    names, weights = zip(*MIX, strict=True)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    serial = 0
    while time.time() < until:
        endpoint = rng.choices(names, weights)[0]
        serial += 1
        method, body = "GET", None
        if endpoint in ("ask", "search"):
            path = f"/{endpoint}?" + urlencode({"q": rng.choice(texts), "k": 5})
        elif endpoint == "feed":
            with shared.lock:
                ids = list(shared.saved)
            path = f"/feeds/{rng.choice(ids)}.atom" if ids else "/feeds"
        elif endpoint == "feedback":
            method, path = "POST", "/feedback"
            body = {"question": rng.choice(texts), "answer": "38", "verdict": rng.choice(("helpful", "wrong")),
                    "comment": f"soak-{seed}-{serial}"}
        else:
            method, path = "POST", "/feeds"
            body = {"q": rng.choice(texts)[:200], "k": 5}
        begun = time.perf_counter()
        retried, status, content = False, 0, b""
        for attempt in range(2 if method == "GET" else 1):
            try:
                status, content = _request(connection, method, path, body)
                break
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                retried = attempt == 0 and method == "GET"
        record = Record(endpoint, status, time.perf_counter() - begun, time.time() - started, retried)
        with shared.lock:
            shared.records.append(record)
            if endpoint == "feedback" and status == 201:
                shared.accepted_feedback.append(body["comment"])
            if endpoint == "save" and status == 201:
                shared.saved.append(json.loads(content)["id"])
        time.sleep(rng.uniform(0.5, 1.5))
    connection.close()


def server_pids(parent: int) -> list[int]:
    """The supervisor and its live server processes."""
    return [parent, *server_processes(parent)]


def memory_mb(pids: list[int]) -> dict:
    """RSS and PSS (shared pages divided between the processes sharing them) summed, in MB."""
    rss = pss = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return {"rss_mb": round(rss / 1024, 1), "pss_mb": round(pss / 1024, 1), "processes": len(pids)}


def searchable(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        status, content = _request(connection, "GET", "/search?" + urlencode({"q": MARKER, "k": 3}), None)
        return status == 200 and MARKER in content.decode()
    except (OSError, http.client.HTTPException):
        return False
    finally:
        connection.close()


def new_paper_text() -> str:
    return (f"{MARKER} Scrutiny Committee\nReport of the Director of Children's Services\n3 February 2025\n\n"
            f"1. The {MARKER} review found that 41 children were placed out of county in January 2025.\n"
            f"2. The committee is asked to note the {MARKER} review's findings.\n")


def rebuild(corpus: Path, index_dir: Path, embedder: str | None, log: Path) -> float:
    """Add the new paper and build a new generation while the servers answer; seconds taken."""
    (corpus / NEW_PAPER).write_text(new_paper_text())
    command = [*bench_api.ARCHIVE, "index", str(corpus), "--index-dir", str(index_dir), "-q"]
    if embedder:
        command += ["--embedder", embedder]
    started = time.perf_counter()
    with open(log, "a") as handle:
        subprocess.run(command, check=True, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT)
    return time.perf_counter() - started


def stored_feedback(index_dir: Path) -> set[str]:
    path = index_dir / "feedback.db"
    if not path.exists():
        return set()
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT comment FROM feedback")}


def stored_searches(index_dir: Path) -> set[str]:
    path = index_dir / "feeds.db"
    if not path.exists():
        return set()
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT id FROM searches")}


def run(args) -> dict:
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    corpus = bench_api.prepare_corpus(work, args.chunks)
    (corpus / NEW_PAPER).unlink(missing_ok=True)
    index_dir = work / "index"
    for name in ("feedback.db", "feeds.db"):
        (index_dir / name).unlink(missing_ok=True)
    bench_api.build_index(corpus, index_dir, args.embedder)
    texts = bench_api.questions(corpus, 60)
    port = bench_api.free_port()
    log = work / "server.log"
    os.environ["ARCHIVE_API_WRITE_RATE_LIMIT"] = "off"  # the clients all come from one address
    env_extra = ["--processes", str(args.processes), "--cache-size", str(args.cache_size)]
    server = bench_api.start_server(index_dir, port, log, env_extra)
    shared = Shared()
    events: dict = {}
    try:
        bench_api.warm(port, texts)
        started = time.time()
        until = started + args.duration
        threads = [threading.Thread(target=client, args=(port, i, started, until, texts, shared), daemon=True)
                   for i in range(args.clients)]
        for thread in threads:
            thread.start()
        time.sleep(min(30.0, args.duration * 0.15))
        events["memory_after_warm_up"] = memory_mb(server_pids(server.pid))
        # (a) a new generation built and swapped in while serving
        time.sleep(max(0.0, started + args.duration * 0.2 - time.time()))
        events["rebuild_started_s"] = round(time.time() - started, 1)
        events["rebuild_seconds"] = round(rebuild(corpus, index_dir, args.embedder, log), 1)
        while time.time() < until and not searchable(port):
            time.sleep(1.0)
        events["new_paper_searchable_s"] = round(time.time() - started, 1) if time.time() < until else None
        # (b) one server process killed
        time.sleep(max(0.0, started + args.duration * 0.55 - time.time()))
        children = server_pids(server.pid)[1:]
        if children:
            victim = children[0]
            os.kill(victim, signal.SIGKILL)
            events["killed"] = {"pid": victim, "at_s": round(time.time() - started, 1)}
            deadline = time.time() + 120
            while time.time() < deadline and len(server_pids(server.pid)) <= len(children):
                time.sleep(0.5)
            events["killed"]["replaced_after_s"] = round(time.time() - started - events["killed"]["at_s"], 1)
        for thread in threads:
            thread.join(timeout=args.duration + 120)
        events["memory_at_end"] = memory_mb(server_pids(server.pid))
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
    return summarise(shared, events, args, index_dir, log)


def summarise(shared: Shared, events: dict, args, index_dir: Path, log: Path) -> dict:
    records = shared.records
    by_endpoint = {}
    for endpoint, _ in MIX:
        mine = [r for r in records if r.endpoint == endpoint]
        if not mine:
            continue
        ms = np.array([r.seconds for r in mine]) * 1000
        by_endpoint[endpoint] = {"requests": len(mine), "statuses": dict(Counter(str(r.status) for r in mine)),
                                 "p50_ms": round(float(np.percentile(ms, 50)), 1),
                                 "p95_ms": round(float(np.percentile(ms, 95)), 1),
                                 "retried": sum(r.retried for r in mine)}
    killed_at = events.get("killed", {}).get("at_s")
    cut = [r for r in records if r.status == 0]
    # cut by the kill: in flight on the killed process, or sent on a keep-alive connection to it before the
    # client saw it close (a GET is retried once; a POST is not): unanswered, ending within 3 s after the kill
    in_flight = [r for r in cut if killed_at is not None and killed_at - 0.5 <= r.at <= killed_at + 3]
    saved_now, feedback_now = stored_searches(index_dir), stored_feedback(index_dir)
    start, end = events.get("memory_after_warm_up", {}), events.get("memory_at_end", {})
    result = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}",
        "duration_s": args.duration, "clients": args.clients, "processes": args.processes,
        "cache_size": args.cache_size, "embedder": args.embedder or "default",
        "requests": len(records), "endpoints": by_endpoint, "events": events,
        "server_errors": sum(1 for r in records if r.status >= 500),
        "failed": len(cut), "failed_in_flight_of_killed": len(in_flight),
        "failed_otherwise": len(cut) - len(in_flight),
        "retried_and_answered": sum(1 for r in records if r.retried and r.status),
        "feedback_accepted": len(shared.accepted_feedback),
        "feedback_lost": len(set(shared.accepted_feedback) - feedback_now),
        "searches_saved": len(shared.saved), "searches_lost": len(set(shared.saved) - saved_now),
        "memory_growth": round(end["pss_mb"] / start["pss_mb"] - 1, 3) if start.get("pss_mb") and end.get("pss_mb")
        else None,
        "tracebacks_in_server_log": log.read_text().count("Traceback") if log.exists() else None,
    }
    result["verdict"] = {
        "no server error": result["server_errors"] == 0,
        "only the killed process's requests failed": result["failed_otherwise"] == 0,
        "no feedback or saved search lost": result["feedback_lost"] == 0 and result["searches_lost"] == 0,
        "new generation served": events.get("new_paper_searchable_s") is not None,
        "killed process replaced": "replaced_after_s" in events.get("killed", {}),
        "memory within 10% of after warm-up": result["memory_growth"] is not None and result["memory_growth"] <= 0.10,
    }
    return result


def markdown(result: dict) -> str:
    events = result["events"]
    lines = [
        "# Faults under load", "",
        f"{result['when']}; {result['machine']}. `archive api --processes {result['processes']}` on loopback "
        f"(cache size {result['cache_size']}, embedder {result['embedder']}), {result['clients']} clients (0.5-1.5 s "
        f"between requests) for {result['duration_s']:.0f} s asking, searching, reading feeds, saving searches and "
        "posting feedback, while a new generation is built and swapped in and one server process is killed "
        "with SIGKILL.", "",
        "| endpoint | requests | statuses | p50 ms | p95 ms | retried after a cut connection |",
        "| --- | ---: | --- | ---: | ---: | ---: |",
    ]
    for endpoint, row in result["endpoints"].items():
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(row["statuses"].items()))
        lines.append(f"| {endpoint} | {row['requests']} | {statuses} | {row['p50_ms']} | {row['p95_ms']} | "
                     f"{row['retried']} |")
    killed = events.get("killed", {})
    lines += [
        "",
        f"- Rebuild: started at {events.get('rebuild_started_s')} s, took {events.get('rebuild_seconds')} s; the new "
        f"paper was found by search from {events.get('new_paper_searchable_s')} s.",
        f"- SIGKILL of server process {killed.get('pid')} at {killed.get('at_s')} s; a new one was serving "
        f"{killed.get('replaced_after_s')} s later.",
        f"- Server errors (5xx): {result['server_errors']}. Requests with no response: {result['failed']} "
        f"({result['failed_in_flight_of_killed']} in flight on the killed process, {result['failed_otherwise']} "
        f"otherwise); {result['retried_and_answered']} cut requests answered on retry.",
        f"- Feedback accepted {result['feedback_accepted']}, lost {result['feedback_lost']}; searches saved "
        f"{result['searches_saved']}, lost {result['searches_lost']}.",
        f"- Memory (PSS over the server processes): {events.get('memory_after_warm_up', {}).get('pss_mb')} MB after "
        f"warm-up, {events.get('memory_at_end', {}).get('pss_mb')} MB at the end (growth {result['memory_growth']}); "
        f"RSS summed {events.get('memory_after_warm_up', {}).get('rss_mb')} -> "
        f"{events.get('memory_at_end', {}).get('rss_mb')} MB.",
        "", "Verdicts: " + "; ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in result["verdict"].items()) + ".", "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=300.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--cache-size", type=int, default=1024)
    parser.add_argument("--chunks", type=int, default=1500, help="generated chunks besides the shipped papers")
    parser.add_argument("--embedder", default="hash", help="index embedder (hash: quick rebuilds; '' the default)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "soak")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "soak.json")
    args = parser.parse_args(argv)
    args.embedder = args.embedder or None
    result = run(args)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2) + "\n")
        args.out.with_suffix(".md").write_text(markdown(result))
    print(markdown(result))


if __name__ == "__main__":
    main()
