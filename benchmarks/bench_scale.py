"""Scale benchmark: build, size, latency and memory of the archive at 10^5 to 10^6 chunks, against the
naive stack (rank-bm25 + FAISS flat + reciprocal-rank fusion) over the same chunks.

For each size: generate a council corpus (benchmarks/scale_corpus.py; cached in the work directory),
build the index with `archive index --embedder hash` in a child process (wall time, peak memory),
measure the index on disk, then in fresh child processes: `ask` and `search` (hybrid, lexical, dense,
and hybrid with each filter) p50/p95 over generated questions and the serving process's memory;
recall@10 of the dense search against an exact scan of the stored vectors; the naive stack built
over the same chunk texts, timed on the same questions. Writes JSON and a Markdown table.

The embedder is the deterministic hash embedder (archive.index.embed.HashEmbedder) so that the
model is not what is measured; with all-MiniLM-L6-v2 the build is bound by the model instead.

    .venv/bin/python benchmarks/bench_scale.py --sizes 100000,1000000 [--queries 50]
        [--out benchmarks/results/scale.json] [--workdir /tmp/bench-scale]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import scale_corpus  # noqa: E402  (a sibling script, not a package)

FILTERS = ("committee", "dates", "doc_type", "meeting")
K = 10
WARM_UP = 3  # questions used only to warm up (never timed: the archive caches sentence vectors)


# -- results ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Latency:
    p50_ms: float
    p95_ms: float
    mean_ms: float
    n: int

    @classmethod
    def of(cls, seconds: list[float]) -> Latency:
        ms = np.array(seconds) * 1000
        return cls(round(float(np.percentile(ms, 50)), 2), round(float(np.percentile(ms, 95)), 2),
                   round(float(ms.mean()), 2), len(ms))


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    peak_mb: float  # peak resident memory of the child (and any processes it started), polled and from wait4
    returncode: int
    killed: str  # why the benchmark stopped it ("" when it finished)
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Build:
    chunks: int
    papers: int
    seconds: float
    chunks_per_second: float
    peak_mb: float
    index_mb: float
    files_mb: dict
    summary: str  # the build's own last line


@dataclass(frozen=True)
class Serving:
    open_seconds: float
    rss_after_open_mb: float
    peak_mb: float  # VmHWM of the serving process after all timed requests
    latency: dict  # operation -> Latency
    answer_rate: float  # share of ask answers that hold the generated fact (a check, not a quality measure)
    target_in_top10: dict  # operation -> share of searches whose top 10 holds the paper stating the fact


@dataclass(frozen=True)
class Recall:
    index_kind: str  # "flat" (exact; recall is 1 by construction) or the manifest's ANN kind
    settings: dict
    recall_at_10: float
    queries: int


@dataclass(frozen=True)
class Naive:
    status: str  # "ok", or why it did not finish
    stage: str  # the last stage reached
    windows: int
    build_seconds: float
    build_peak_mb: float  # resident memory after building (the process's peak)
    peak_mb: float
    search: Latency | None
    ask: Latency | None
    target_in_top10: float | None


@dataclass(frozen=True)
class SizeResult:
    target_chunks: int
    corpus: dict
    corpus_seconds: float
    build: Build | None
    serving: Serving | None
    recall: Recall | None
    naive: Naive | None
    errors: list = field(default_factory=list)


# -- child processes --------------------------------------------------------------------------------
def _rss_kb(pid: int, key: str = "VmRSS") -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """The process and its descendants (from /proc/PID/task/*/children)."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(p) for p in task.read_text().split()]
            except OSError:
                continue
    return out


def run_child(command: list[str], memory_limit_mb: float | None = None, timeout: float | None = None,
              poll: float = 0.2) -> ChildRun:
    """Run a command, polling the memory of its process tree; stop it past the limits.

    The tree's RSS is summed (processes sharing pages are counted twice, so a build with worker
    processes is overstated rather than understated); wait4 adds the kernel's own peak for the child."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, start_new_session=True, cwd=ROOT)
        peak_kb, killed = 0, ""
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak_kb = max(peak_kb, sum(_rss_kb(p) for p in _tree(process.pid)))
            elapsed = time.perf_counter() - started
            if memory_limit_mb and peak_kb / 1024 > memory_limit_mb and not killed:
                killed = f"stopped by the benchmark: memory {peak_kb / 1024:.0f} MB > limit {memory_limit_mb:.0f} MB"
            elif timeout and elapsed > timeout and not killed:
                killed = f"stopped by the benchmark: still running after {timeout:.0f} s"
            if killed:
                os.killpg(process.pid, signal.SIGKILL)  # our own child's process group
            time.sleep(poll)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return ChildRun(round(time.perf_counter() - started, 2), round(max(peak_kb, usage.ru_maxrss) / 1024, 1),
                        process.returncode, killed, out.read().decode(errors="replace"),
                        err.read().decode(errors="replace"))


def _child_command(mode: str, index_dir: Path, queries: Path, out: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--index-dir", str(index_dir),
            "--queries-file", str(queries), "--child-out", str(out)]


def _archive_command() -> list[str]:
    script = Path(sys.executable).parent / "archive"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from archive.cli import cli; cli()"]


# -- the parent's steps -----------------------------------------------------------------------------
def ensure_corpus(workdir: Path, chunks: int, seed: int) -> tuple[Path, scale_corpus.CorpusInfo, float]:
    """The generated corpus for a size, reused when the work directory already holds the same one."""
    corpus = workdir / f"corpus-{chunks}-seed{seed}"
    info = scale_corpus.read_info(corpus)
    if info and info.seed == seed and info.target_chunks == chunks and \
            info.generator_version == scale_corpus.GENERATOR_VERSION:
        print(f"  corpus: reusing {corpus} ({info.papers} papers)")
        return corpus, info, 0.0
    shutil.rmtree(corpus, ignore_errors=True)
    started = time.perf_counter()
    info = scale_corpus.write_corpus(corpus, chunks, seed, log=lambda m: print("  corpus: " + m))
    return corpus, info, round(time.perf_counter() - started, 1)


def generation_dir(index_dir: Path) -> Path:
    return index_dir / (index_dir / "CURRENT").read_text().strip()


def build_index(corpus: Path, index_dir: Path, papers: int, reuse: bool, follow_ups: bool = True) -> Build:
    if reuse and (index_dir / "CURRENT").exists():
        print(f"  build: reusing {index_dir} (build figures from the run that made it)")
        return Build(**json.loads((index_dir / "build.json").read_text()))
    shutil.rmtree(index_dir, ignore_errors=True)
    run = run_child([*_archive_command(), "index", str(corpus), "--index-dir", str(index_dir), "--embedder", "hash",
                     "-q", "--follow-ups" if follow_ups else "--no-follow-ups"])
    if run.returncode != 0:
        raise RuntimeError(f"archive index failed ({run.returncode}): {run.stderr.strip()[-2000:]}")
    generation = generation_dir(index_dir)
    chunks = chunk_count(generation)
    files = {p.name: round(p.stat().st_size / 2**20, 1) for p in generation.iterdir() if p.is_file()}
    build = Build(chunks, papers, run.seconds, round(chunks / run.seconds, 1), run.peak_mb,
                  round(sum(files.values()), 1), files, run.stdout.strip().splitlines()[-1] if run.stdout else "")
    (index_dir / "build.json").write_text(json.dumps(asdict(build), indent=2))
    return build


def chunk_count(generation: Path) -> int:
    with sqlite3.connect(f"file:{generation / 'archive.db'}?mode=ro", uri=True) as db:
        return int(db.execute("SELECT count(*) FROM chunks").fetchone()[0])


def write_queries(path: Path, info: scale_corpus.CorpusInfo, count: int) -> None:
    questions = scale_corpus.questions(info, count + WARM_UP)
    path.write_text(json.dumps([asdict(q) for q in questions], indent=1))


def child_result(mode: str, index_dir: Path, queries: Path, workdir: Path, **limits) -> tuple[dict | None, ChildRun]:
    out = workdir / f"{mode}.json"
    out.unlink(missing_ok=True)
    run = run_child(_child_command(mode, index_dir, queries, out), **limits)
    result = json.loads(out.read_text()) if out.exists() else None
    return result, run


def measure_size(chunks: int, args) -> SizeResult:
    print(f"\n== {chunks:,} chunks")
    workdir = args.workdir
    corpus, info, corpus_seconds = ensure_corpus(workdir, chunks, args.seed)
    index_dir = workdir / f"index-{chunks}-seed{args.seed}"
    errors: list[str] = []
    print("  build: archive index --embedder hash ...", flush=True)
    try:
        build = build_index(corpus, index_dir, info.papers, args.reuse_index,
                            follow_ups=chunks < args.no_follow_ups_from)
    except RuntimeError as exc:  # nothing else can be measured at this size; the next size may still run
        return SizeResult(chunks, asdict(info), corpus_seconds, None, None, None, None, [str(exc)])
    print(f"  build: {build.chunks:,} chunks in {build.seconds:.0f} s ({build.chunks_per_second:.0f} chunks/s), "
          f"peak {build.peak_mb:.0f} MB, index {build.index_mb:.0f} MB")
    queries = workdir / f"queries-{chunks}-seed{args.seed}.json"
    write_queries(queries, info, args.queries)

    print("  serving: timing ask and search ...", flush=True)
    serving_json, run = child_result("serve", index_dir, queries, workdir)
    serving = _serving(serving_json) if serving_json else None
    if serving is None:
        errors.append(f"serving child failed: {run.stderr.strip()[-1500:]}")
    else:
        print(f"  serving: ask p50 {serving.latency['ask'].p50_ms:.0f} ms, memory {serving.peak_mb:.0f} MB")

    print("  recall: dense search against an exact scan ...", flush=True)
    recall_json, run = child_result("recall", index_dir, queries, workdir)
    recall = Recall(**recall_json) if recall_json else None
    if recall is None:
        errors.append(f"recall child failed: {run.stderr.strip()[-1500:]}")

    naive = None
    if not args.skip_naive:
        print("  naive stack: rank-bm25 + FAISS flat + RRF over the same chunks ...", flush=True)
        naive = _naive(*child_result("naive", index_dir, queries, workdir, memory_limit_mb=args.naive_max_mb,
                                     timeout=args.naive_timeout), workdir)
        print(f"  naive stack: {naive.status}" + (f", search p50 {naive.search.p50_ms:.0f} ms" if naive.search else ""))
    return SizeResult(chunks, asdict(info), corpus_seconds, build, serving, recall, naive, errors)


def _serving(data: dict) -> Serving:
    data = dict(data)
    data["latency"] = {name: Latency(**value) for name, value in data["latency"].items()}
    return Serving(**data)


def _naive(data: dict | None, run: ChildRun, workdir: Path) -> Naive:
    if data and data.get("status") == "ok" and run.returncode == 0:
        return Naive(**{**data, "search": Latency(**data["search"]), "ask": Latency(**data["ask"]),
                        "peak_mb": run.peak_mb})
    stage_file = workdir / "naive.stage"
    stage = stage_file.read_text().strip() if stage_file.exists() else "starting"
    why = run.killed or f"exited with {run.returncode}: {run.stderr.strip()[-800:]}"
    return Naive(why, stage, 0, run.seconds, run.peak_mb, run.peak_mb, None, None, None)


# -- the children -----------------------------------------------------------------------------------
def _load_questions(path: Path) -> list[dict]:
    return json.loads(Path(path).read_text())


def _filters(question: dict) -> dict:
    from archive import Filters

    year = question["meeting_date"][:4]
    return {
        "committee": Filters(committee=question["committee"]),
        "dates": Filters(date_from=f"{year}-01-01", date_to=f"{year}-12-31"),
        "doc_type": Filters(doc_type=question["doc_type"]),
        "meeting": Filters(meeting=question["meeting_date"]),
    }


def _timed(function, items) -> tuple[list[float], list]:
    seconds, results = [], []
    for item in items:
        started = time.perf_counter()
        results.append(function(item))
        seconds.append(time.perf_counter() - started)
    return seconds, results


def _holds_answer(answer, expected: str) -> bool:
    return bool(answer.text) and expected.removeprefix("Councillor ").lower() in answer.text.lower()


def _share_found(hits: list, questions: list[dict]) -> float:
    """Share of searches whose hits hold the paper that states the question's answer."""
    found = sum(any(h.chunk.doc_id == q["file"] for h in hs) for hs, q in zip(hits, questions, strict=True))
    return round(found / len(questions), 3)


def child_serve(index_dir: Path, questions: list[dict]) -> dict:
    from archive import Archive
    from archive.index.embed import HashEmbedder

    started = time.perf_counter()
    archive = Archive.open(index_dir, embedder=HashEmbedder())
    open_seconds = time.perf_counter() - started
    rss_after_open = _rss_kb(os.getpid()) / 1024
    warm, timed = questions[:WARM_UP], questions[WARM_UP:]
    for q in warm:
        archive.ask(q["text"])
        for mode in ("hybrid", "lexical", "dense"):
            archive.search(q["text"], k=K, mode=mode)
        for filters in _filters(q).values():
            archive.search(q["text"], k=K, filters=filters)

    latency, found = {}, {}
    seconds, answers = _timed(lambda q: archive.ask(q["text"]), timed)
    latency["ask"] = Latency.of(seconds)
    answer_rate = sum(_holds_answer(a, q["answer"]) for a, q in zip(answers, timed, strict=True)) / len(timed)
    operations = {f"search_{mode}": (lambda q, m=mode: archive.search(q["text"], k=K, mode=m))
                  for mode in ("hybrid", "lexical", "dense")}
    operations |= {f"filter_{name}": (lambda q, n=name: archive.search(q["text"], k=K, filters=_filters(q)[n]))
                   for name in FILTERS}
    for name, operation in operations.items():
        seconds, hits = _timed(operation, timed)
        latency[name] = Latency.of(seconds)
        found[name] = _share_found(hits, timed)
    return {"open_seconds": round(open_seconds, 2), "rss_after_open_mb": round(rss_after_open, 1),
            "peak_mb": round(_rss_kb(os.getpid(), "VmHWM") / 1024, 1),
            "latency": {k: asdict(v) for k, v in latency.items()}, "answer_rate": round(answer_rate, 3),
            "target_in_top10": found}


def exact_top(matrix: np.ndarray, vectors: np.ndarray, k: int) -> np.ndarray:
    """The k best inner products of each query vector over the whole matrix: (queries, k) scores, best first."""
    best = np.full((len(vectors), k), -np.inf, dtype=np.float32)
    for start in range(0, len(matrix), 65_536):
        scores = np.asarray(matrix[start : start + 65_536], dtype=np.float32) @ vectors.T  # (block, queries)
        best = -np.sort(-np.vstack([best.T, scores]), axis=0)[:k].T
    return best


def child_recall(index_dir: Path, questions: list[dict]) -> dict:
    """Recall@10 of the archive's dense search against exact inner product over the stored vectors.
    A returned chunk counts when its exact score reaches the 10th best exact score (ties count)."""
    from archive import Archive
    from archive.ask.retrieve import search as retrieve
    from archive.index.embed import HashEmbedder

    archive = Archive.open(index_dir, embedder=HashEmbedder())
    ann = archive.manifest.get("ann") or {"kind": "flat"}
    # the stored vectors: row r of vectors.npy is chunk rowid r + 1 (archive/index/dense.py)
    matrix = np.load(generation_dir(Path(index_dir)) / "vectors.npy", mmap_mode="r")
    queries = [archive.query(q["text"]) for q in questions]
    vectors = archive.embedder.encode([q.search_text for q in queries])
    tenth = exact_top(matrix, vectors, K)[:, -1]
    hits = 0
    for query, vector, threshold in zip(queries, vectors, tenth, strict=True):
        rows = np.sort([rowid - 1 for rowid in retrieve.semantic(archive.vectors, archive.embedder, query, K)])
        scores = np.asarray(matrix[rows], dtype=np.float32) @ vector if len(rows) else np.array([])
        hits += int((scores >= threshold - 1e-5).sum())
    return {"index_kind": ann.get("kind", "flat"), "settings": ann, "recall_at_10": round(hits / (K * len(queries)), 4),
            "queries": len(queries)}


def child_naive(index_dir: Path, questions: list[dict], stage_file: Path) -> dict:
    """The naive stack (archive/evaluate/plain.py's PlainStack) over the index's own chunk texts, one
    passage per chunk (heading and text), with the same hash embedder."""
    from archive.evaluate.plain import PlainStack
    from archive.index.embed import HashEmbedder

    def stage(name: str) -> None:
        stage_file.write_text(name)

    stage("reading chunks")
    generation = generation_dir(Path(index_dir))
    with sqlite3.connect(f"file:{generation / 'archive.db'}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT rowid, doc_id, heading, text FROM chunks ORDER BY rowid").fetchall()
    papers = {str(rowid): [heading or "", text] for rowid, _, heading, text in rows}
    doc_of = {str(rowid): doc_id for rowid, doc_id, _, _ in rows}
    del rows
    stage("building (rank-bm25, hash embeddings, FAISS flat)")
    started = time.perf_counter()
    stack = PlainStack(papers, HashEmbedder())
    build_seconds = time.perf_counter() - started
    del papers
    build_peak = _rss_kb(os.getpid(), "VmHWM") / 1024
    stage("searching")
    warm, timed = questions[:WARM_UP], questions[WARM_UP:]
    for q in warm:
        stack.search(q["text"], k=K)
        stack.ask(q["text"])
    seconds, hits = _timed(lambda q: stack.search(q["text"], k=K), timed)
    ask_seconds, _ = _timed(lambda q: stack.ask(q["text"]), timed)
    found = sum(any(doc_of[h.chunk.doc_id] == q["file"] for h in hs) for hs, q in zip(hits, timed, strict=True))
    stage("done")
    return {"status": "ok", "stage": "done", "windows": len(stack.windows), "build_seconds": round(build_seconds, 1),
            "build_peak_mb": round(build_peak, 1), "search": asdict(Latency.of(seconds)),
            "ask": asdict(Latency.of(ask_seconds)), "target_in_top10": round(found / len(timed), 3)}


def run_as_child(args) -> None:
    questions = _load_questions(args.queries_file)
    if args.child == "serve":
        result = child_serve(args.index_dir, questions)
    elif args.child == "recall":
        result = child_recall(args.index_dir, questions)
    else:
        result = child_naive(args.index_dir, questions, args.child_out.parent / "naive.stage")
    args.child_out.write_text(json.dumps(result, indent=2))


# -- report -----------------------------------------------------------------------------------------
COLUMNS = (
    "chunks", "build chunks/s", "build peak MB", "index MB", "ask p50 / p95 ms", "hybrid p50", "lexical p50",
    "dense p50", "committee p50", "dates p50", "type p50", "meeting p50", "serving MB", "naive search p50 ms",
    "naive / ask", "dense recall@10",
)


def _ms(latency: Latency | None) -> str:
    return f"{latency.p50_ms:.0f}" if latency else "-"


def table_row(result: SizeResult) -> list[str]:
    b, s, n, r = result.build, result.serving, result.naive, result.recall
    lat = s.latency if s else {}
    ask = lat.get("ask")
    ratio = f"{n.search.p50_ms / ask.p50_ms:.1f}x" if n and n.search and ask else (
        "naive failed" if n else "not run")
    recall = f"{r.recall_at_10:.3f} ({r.index_kind})" if r else "-"
    return [
        f"{b.chunks:,}" if b else f"~{result.target_chunks:,}",
        *((f"{b.chunks_per_second:,.0f}", f"{b.peak_mb:,.0f}", f"{b.index_mb:,.0f}") if b else ("-",) * 3),
        f"{ask.p50_ms:.0f} / {ask.p95_ms:.0f}" if ask else "-",
        *(_ms(lat.get(name)) for name in ("search_hybrid", "search_lexical", "search_dense")),
        *(_ms(lat.get(f"filter_{name}")) for name in FILTERS),
        f"{s.peak_mb:,.0f}" if s else "-", _ms(n.search if n else None), ratio, recall,
    ]


def markdown_table(results: list[SizeResult]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(table_row(r)) + " |" for r in results]
    return "\n".join(lines)


TARGETS = (  # (smallest size it applies to, what, check)
    (1_000_000, "ask p50 <= 150 ms", lambda r: r.serving.latency["ask"].p50_ms <= 150),
    (1_000_000, "ask >= 10x faster than the naive stack's search",
     lambda r: r.naive.search is not None and r.naive.search.p50_ms / r.serving.latency["ask"].p50_ms >= 10),
    (1_000_000, "serving memory <= 2 GB", lambda r: r.serving.peak_mb <= 2048),
    (1_000_000, "build peak memory <= 4 GB", lambda r: r.build.peak_mb <= 4096),
    (100_000, "ask p50 <= 50 ms", lambda r: r.serving.latency["ask"].p50_ms <= 50),
    (0, "dense recall@10 >= 0.95", lambda r: r.recall.recall_at_10 >= 0.95),
)


def target_lines(results: list[SizeResult]) -> list[str]:
    lines = []
    for result in results:
        for size, label, check in TARGETS:
            if size and not (0.8 * size <= result.target_chunks <= 1.25 * size):
                continue
            try:
                verdict = "met" if check(result) else "NOT met"
            except (AttributeError, KeyError, TypeError):
                verdict = "not measured"
            lines.append(f"- {result.target_chunks:,} chunks: {label}: {verdict}")
    return lines


def _git_state() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return commit + (" + uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def write_report(results: list[SizeResult], args, started: float) -> None:
    meta = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"), "code": _git_state(),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "embedder": "hash-256 (archive.index.embed.HashEmbedder): deterministic, not the real model",
        "queries": args.queries, "warm_up_queries": WARM_UP, "k": K, "seed": args.seed,
        "run_seconds": round(time.perf_counter() - started, 1),
        # latencies are only as steady as the machine: other work running at the same time shows here
        "load_average_start": args.load_at_start, "load_average_now": [round(x, 2) for x in os.getloadavg()],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"meta": meta, "results": [asdict(r) for r in results]}, indent=2) + "\n")
    text = "\n".join([
        f"Scale benchmark ({meta['when']}, code {meta['code']}, {meta['machine']}, load average "
        f"{meta['load_average_start'][0]} at start, {meta['load_average_now'][0]} at the end).",
        f"Embedder: {meta['embedder']}. {args.queries} questions per size; latencies in ms over those questions.",
        "Filters are hybrid searches restricted by each question's committee, year, document type or meeting.",
        "Build: wall time and peak RSS of `archive index` (a child process), with the commitment follow-up pass",
        f"below {args.no_follow_ups_from:,} chunks and `--no-follow-ups` from there.",
        "Serving MB: peak RSS of the process that opened the index and ran every timed request",
        "(memory-mapped index pages it touched included).",
        "Naive stack: rank-bm25 BM25Okapi + FAISS IndexFlatIP + reciprocal-rank fusion over the same chunks;",
        "naive / ask = naive search p50 / archive ask p50.", "",
        markdown_table(results), "", "Targets:", *target_lines(results), "",
        *(f"Error at {r.target_chunks:,} chunks: {error}" for r in results for error in r.errors),
    ])
    args.out.with_suffix(".md").write_text(text)
    print("\n" + text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated chunk counts")
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "scale.json")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-scale"))
    parser.add_argument("--reuse-index", action="store_true", help="keep an index already built in the workdir")
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--no-follow-ups-from", type=int, default=500_000,
                        help="build sizes from this many chunks with --no-follow-ups (the follow-up pass is measured "
                             "at the smaller sizes)")
    parser.add_argument("--naive-max-mb", type=float, default=16_000, help="stop the naive stack past this RSS")
    parser.add_argument("--naive-timeout", type=float, default=3600)
    parser.add_argument("--child", choices=("serve", "recall", "naive"), help=argparse.SUPPRESS)
    parser.add_argument("--index-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--queries-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_as_child(args)
        return
    started = time.perf_counter()
    args.load_at_start = [round(x, 2) for x in os.getloadavg()]
    args.workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        results.append(measure_size(size, args))
        write_report(results, args, started)  # after each size, so a long run keeps what it measured


if __name__ == "__main__":
    main()
