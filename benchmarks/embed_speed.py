"""Embedding speed and agreement, in one run, on the shipped corpus's real chunks.

Variants: sentence-transformers on torch (batch 32, as the indexer has used it), the same with the
texts sorted by length first, the same MiniLM in onnxruntime in fp32 and with int8 weights (the
OnnxEmbedder as built: one single-threaded run per core), and int8 as one run over all threads.
Rounds are interleaved and the median round is reported, since other work on the machine makes
single timings noisy. Agreement: cosine between the torch vector and each ONNX vector of each chunk.
Also the cold start of a fresh `python -c` that imports the embedder, loads it and encodes one query.

    .venv/bin/python benchmarks/embed_speed.py [--index-dir index] [--rounds 5] [--threads 1] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "embed_speed.json"
QUERY = "what was the UASC figure in January 2024"
COLD = {
    "torch": "from archive.index.embed import SentenceTransformerEmbedder as E; e = E()",
    "onnx-int8": "from archive.index.embed import OnnxEmbedder as E; e = E('int8')",
}


def chunk_texts(index_dir: Path) -> list[str]:
    """Heading and text of every chunk (the heading first unless the text starts with it), from the
    index's database; a temporary index of corpus/ (stand-in embedder: only its chunks are used)
    when there is none."""
    from archive.index.format import DATABASE, current_generation

    generation = current_generation(index_dir)
    if generation is None or not (generation / DATABASE).exists():
        from archive.build.indexer import build_index
        from archive.index.embed import HashEmbedder

        index_dir = Path(tempfile.mkdtemp(prefix="embed-speed-"))
        build_index(ROOT / "corpus", index_dir, HashEmbedder(), progress=False, log=lambda m: None)
        generation = current_generation(index_dir)
    with sqlite3.connect(generation / DATABASE) as db:
        rows = db.execute("SELECT heading, text FROM chunks ORDER BY rowid").fetchall()
    return [f"{h}\n{t}" if h and not t.lstrip().startswith(h) else t for h, t in rows]


class SortedTorch:
    """sentence-transformers given the texts sorted by length (it sorts inside each call as well)."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder

    def encode(self, texts: list[str]) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.embedder.dim), dtype=np.float32)
        out[order] = self.embedder.encode([texts[i] for i in order])
        return out


def cpu_seconds() -> tuple[float, float]:
    """(all processes' busy CPU seconds, this process's), to tell how much other work ran meanwhile."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return float("nan"), 0.0
    busy = sum(fields) - fields[3] - fields[4]  # all but idle and iowait
    own = resource.getrusage(resource.RUSAGE_SELF)
    return busy / os.sysconf("SC_CLK_TCK"), own.ru_utime + own.ru_stime


def cold_start(code: str, repeats: int = 3) -> float:
    """Median seconds of a fresh interpreter importing, loading and encoding one query."""
    script = f"import time; t = time.perf_counter(); {code}; e.encode([{QUERY!r}]); print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                                 cwd=ROOT).stdout.split()[-1]) for _ in range(repeats)]
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index-dir", type=Path, default=ROOT / "index")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=None,
                        help="cores each variant may use (default all): 1 compares per-core speed on a busy machine")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    threads = args.threads or os.cpu_count()

    import torch

    from archive.index import onnx_model
    from archive.index.embed import OnnxEmbedder, SentenceTransformerEmbedder

    torch.set_num_threads(threads)
    texts = chunk_texts(args.index_dir)
    torch_embedder = SentenceTransformerEmbedder()
    fp32, int8, one_run = OnnxEmbedder("fp32"), OnnxEmbedder("int8"), OnnxEmbedder("int8")
    fp32.workers = int8.workers = threads
    one_run.session = onnx_model.session(one_run.path, "int8", threads=threads)
    one_run.workers = 1
    variants = {
        "torch (sentence-transformers, batch 32)": torch_embedder,
        "torch, sorted by length": SortedTorch(torch_embedder),
        "onnx fp32": fp32,
        "onnx int8": int8,
        f"onnx int8, one run over {threads} thread(s)": one_run,
    }
    vectors = {name: np.asarray(v.encode(texts)) for name, v in variants.items()}  # also the warm-up
    seconds: dict[str, list[float]] = {name: [] for name in variants}
    busy_before, own_before = cpu_seconds()
    wall = time.perf_counter()
    for _ in range(args.rounds):
        for name, embedder in variants.items():
            start = time.perf_counter()
            embedder.encode(texts)
            seconds[name].append(time.perf_counter() - start)
    busy_after, own_after = cpu_seconds()
    # cores' worth of CPU that other processes used while this one was timed (0 on a quiet machine)
    others = ((busy_after - busy_before) - (own_after - own_before)) / (time.perf_counter() - wall)

    base = "torch (sentence-transformers, batch 32)"
    reference = vectors[base]
    rows = {}
    for name in variants:
        cosine = np.sum(reference * vectors[name], axis=1)
        rows[name] = {
            "chunks_per_s": round(len(texts) / statistics.median(seconds[name]), 1),
            "best_chunks_per_s": round(len(texts) / min(seconds[name]), 1),
            "speedup": round(statistics.median(seconds[base]) / statistics.median(seconds[name]), 2),
            "cosine_mean": round(float(cosine.mean()), 5),
            "cosine_min": round(float(cosine.min()), 5),
            "cosine_p01": round(float(np.quantile(cosine, 0.01)), 5),
        }
    tokens = [len(e.ids) for e in int8.tokenizer.encode_batch(texts)]
    result = {
        "chunks": len(texts),
        "tokens_mean": round(float(np.mean(tokens)), 1),
        "tokens_max": int(max(tokens)),
        "rounds": args.rounds,
        "cores": os.cpu_count(),
        "threads": threads,
        "other_processes_cores_busy": round(others, 2),
        "versions": {"python": platform.python_version(), **{m: __import__(m).__version__ for m in
                                                             ("torch", "onnxruntime", "numpy")}},
        "variants": rows,
        "cold_start_s": {name: round(cold_start(code), 3) for name, code in COLD.items()},
    }
    print(f"{len(texts)} chunks, {result['tokens_mean']} tokens on average; median of {args.rounds} rounds; "
          f"other processes kept {others:.2f} of {os.cpu_count()} cores busy meanwhile")
    print(f"{'variant':42s} {'chunks/s':>9s} {'best':>7s} {'speedup':>8s} {'cos mean':>9s} {'cos min':>8s}")
    for name, row in rows.items():
        print(f"{name:42s} {row['chunks_per_s']:9.1f} {row['best_chunks_per_s']:7.1f} {row['speedup']:7.2f}x "
              f"{row['cosine_mean']:9.5f} {row['cosine_min']:8.5f}")
    print("cold start (import, load, encode one query):",
          ", ".join(f"{k} {v:.2f} s" for k, v in result["cold_start_s"].items()))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
