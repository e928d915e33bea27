"""Embedding on a local two-worker Ray cluster (`archive index --workers local:2`) against in-process,
measured in one run with the real model.

Texts: the chunks of a synthetic council corpus of about --chunks chunks (benchmarks/scale_corpus.py,
kept in --workdir), read from a stand-in index of it (embed_speed.chunk_texts) and sorted by length as
the indexer sorts them. Variants, rounds interleaved, the median round reported:
  in-process   get_embedder(choice).encode(texts): ONNX runs one single-threaded session per core
  ray local:2  RayEmbedder(choice, "local:2").encode(texts): two actors, one thread each, shards of 256
The vectors of the two are compared. Also timed: the cluster's start (Ray plus each worker loading the
model) and stop, and one whole `build_index` each way (reading, chunking, SQLite, FAISS, follow-ups;
the Ray one with its cluster's start and stop), after an untimed warm-up build of the shipped
corpus. On one 2-core machine no speed-up is possible: this measures what the distribution costs,
and checks it gives the same vectors.

    .venv/bin/python benchmarks/bench_distributed.py [--chunks 3000] [--rounds 3] [--embedder onnx-fp32]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

import embed_speed  # noqa: E402  (sibling scripts, not a package)
import scale_corpus  # noqa: E402

RESULTS = HERE / "results"


def corpus_for(workdir: Path, chunks: int, seed: int) -> Path:
    corpus = workdir / f"corpus-{chunks}-seed{seed}"
    info = scale_corpus.read_info(corpus)
    if not (info and info.target_chunks == chunks and info.seed == seed
            and info.generator_version == scale_corpus.GENERATOR_VERSION):
        shutil.rmtree(corpus, ignore_errors=True)
        scale_corpus.write_corpus(corpus, chunks, seed, log=lambda m: print("  corpus: " + m))
    return corpus


def texts_of(corpus: Path, workdir: Path) -> list[str]:
    """The corpus's chunk texts, from a stand-in (hash) index of it: only the chunks are used."""
    from archive.build.indexer import build_index
    from archive.index.embed import HashEmbedder

    index_dir = workdir / f"hash-index-{corpus.name}"
    if not (index_dir / "CURRENT").exists():
        build_index(corpus, index_dir, HashEmbedder(), progress=False, log=lambda m: None, follow_ups=False)
    return sorted(embed_speed.chunk_texts(index_dir), key=len)


def whole_build(corpus: Path, index_dir: Path, choice: str, workers: str | None) -> tuple[float, np.ndarray]:
    """Seconds for `archive index` (in this process; the Ray one with its cluster's start and stop), vectors."""
    from archive.build.indexer import build_index
    from archive.index import dense, format
    from archive.index.distributed import RayEmbedder
    from archive.index.embed import get_embedder

    shutil.rmtree(index_dir, ignore_errors=True)
    start = time.perf_counter()
    if workers:
        with RayEmbedder(choice, workers) as embedder:
            build_index(corpus, index_dir, embedder, progress=False, log=lambda m: None)
    else:
        build_index(corpus, index_dir, get_embedder(choice), progress=False, log=lambda m: None)
    seconds = time.perf_counter() - start
    return seconds, np.array(dense.load_matrix(format.current_generation(index_dir) / dense.MATRIX))


def busy_cpu(pids: list[int]) -> tuple[float, float]:
    """(the machine's busy CPU seconds, those of this process and of the given ones: Ray's local workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    busy, own = embed_speed.cpu_seconds()
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        own += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return busy, own


def git_commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--embedder", default="onnx-fp32")
    parser.add_argument("--workers", default="local:2")
    parser.add_argument("--no-build", action="store_true", help="skip the two whole builds")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-distributed"))
    parser.add_argument("--out", type=Path, default=RESULTS / "distributed.json")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)

    import ray

    from archive.index.distributed import RayEmbedder
    from archive.index.embed import get_embedder

    load_before = os.getloadavg()[0]
    corpus = corpus_for(args.workdir, args.chunks, args.seed)
    texts = texts_of(corpus, args.workdir)
    print(f"{len(texts)} chunks from {corpus}")

    local = get_embedder(args.embedder)
    start = time.perf_counter()
    remote = RayEmbedder(args.embedder, args.workers)
    startup = time.perf_counter() - start
    variants = {"in-process": local, f"ray {args.workers}": remote}
    try:
        vectors = {name: np.asarray(e.encode(texts[:64])) for name, e in variants.items()}  # warm-up
        seconds: dict[str, list[float]] = {name: [] for name in variants}
        noise: dict[str, list[float]] = {name: [] for name in variants}
        for round_ in range(args.rounds):
            for name, embedder in variants.items():
                before = busy_cpu(remote.pids)
                start = time.perf_counter()
                vectors[name] = np.asarray(embedder.encode(texts))
                seconds[name].append(time.perf_counter() - start)
                after = busy_cpu(remote.pids)
                # cores' worth of CPU used by anything but this driver and its workers: other work on the machine
                noise[name].append((after[0] - before[0] - (after[1] - before[1])) / seconds[name][-1])
                print(f"  round {round_ + 1} {name}: {len(texts) / seconds[name][-1]:.1f} chunks/s")
    finally:
        start = time.perf_counter()
        remote.close()
        shutdown = time.perf_counter() - start
    assert not ray.is_initialized()

    base, ray_name = "in-process", f"ray {args.workers}"
    rows = {name: {"chunks_per_s": round(len(texts) / statistics.median(s), 1),
                   "best_chunks_per_s": round(len(texts) / min(s), 1),
                   "seconds": [round(x, 2) for x in s]} for name, s in seconds.items()}
    difference = float(np.abs(vectors[ray_name] - vectors[base]).max())
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": git_commit(),
        "embedder": local.name,
        "workers": args.workers,
        "chunks": len(texts),
        "rounds": args.rounds,
        "cores": os.cpu_count(),
        "load_average_start": round(load_before, 2),
        "load_average_end": round(os.getloadavg()[0], 2),
        "other_work_cores_busy": {name: round(statistics.mean(n), 2) for name, n in noise.items()},
        "versions": {"python": platform.python_version(), "ray": ray.__version__, "numpy": np.__version__},
        "encode": rows,
        "ray_over_in_process": round(statistics.median(seconds[ray_name]) / statistics.median(seconds[base]), 2),
        "cluster_start_s": round(startup, 1),
        "cluster_stop_s": round(shutdown, 1),
        "vectors_equal": bool(np.array_equal(vectors[ray_name], vectors[base])),
        "vectors_max_abs_difference": difference,
    }
    if not args.no_build:
        # the first build in a process imports what a build needs (FAISS, NLTK, the answer side for
        # follow-ups): done once here, so that neither timed build pays for it
        whole_build(ROOT / "corpus", args.workdir / "index-warm-up", "hash", None)
        single_s, single = whole_build(corpus, args.workdir / "index-single", args.embedder, None)
        ray_s, distributed = whole_build(corpus, args.workdir / "index-ray", args.embedder, args.workers)
        result["build"] = {"in-process_s": round(single_s, 1), f"{ray_name}_s": round(ray_s, 1),
                           "matrices_equal": bool(np.array_equal(single, distributed)), "chunks": len(single)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    args.out.with_suffix(".md").write_text(markdown(result))
    print(markdown(result))


def markdown(r: dict) -> str:
    ray_name = f"ray {r['workers']}"
    lines = [
        f"Distributed embedding ({r['when']}, code {r['commit']}, {r['cores']} cores, Ray {r['versions']['ray']}; "
        f"load average {r['load_average_start']} at start, {r['load_average_end']} at the end).",
        f"Model: {r['embedder']}; {r['chunks']} chunks of a synthetic council corpus, sorted by length; "
        f"{r['rounds']} rounds, interleaved, median reported.",
        "",
        "| variant | chunks/s (median) | best | seconds per round |",
        "|---|---|---|---|",
    ]
    for name, row in r["encode"].items():
        lines.append(f"| {name} | {row['chunks_per_s']} | {row['best_chunks_per_s']} | "
                     f"{', '.join(map(str, row['seconds']))} |")
    lines += [
        "",
        f"- {ray_name} takes {r['ray_over_in_process']}x the in-process time for the same texts.",
        f"- Cluster start (Ray and two workers loading the model): {r['cluster_start_s']} s; stop: "
        f"{r['cluster_stop_s']} s.",
        f"- Vectors equal: {r['vectors_equal']} (largest difference {r['vectors_max_abs_difference']:.1e}).",
        "- Other work on the machine (neither this driver nor its workers) kept, in cores busy on average: "
        + ", ".join(f"{name} rounds {busy}" for name, busy in r["other_work_cores_busy"].items()) + ".",
    ]
    if "build" in r:
        b = r["build"]
        lines.append(f"- Whole build of {b['chunks']} chunks: in-process {b['in-process_s']} s, {ray_name} "
                     f"{b[f'{ray_name}_s']} s (cluster start and stop included); "
                     f"matrices equal: {b['matrices_equal']}.")
    lines += ["", "On a single 2-core machine the workers share the cores the in-process embedder already uses, "
              "so no speed-up is possible here; the figures are the cost of distribution (start-up, shipping "
              "texts and vectors, the driver's waits). Across machines the throughput should grow with the "
              "workers' cores; one machine cannot show that.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
