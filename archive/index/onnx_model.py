"""The packaged MiniLM as ONNX: exported once from its weights, quantised to int8, cached on disk.

Exporting needs torch and transformers; loading a cached model needs only onnxruntime, so a process
that finds the cache never imports torch. The cache directory is named by a hash of the weights and
EXPORT_VERSION, built under a temporary name and renamed into place whole; it records a checksum of
each file, so a damaged or truncated file is found at load time and the export is done again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
import warnings
from contextlib import contextmanager, suppress
from pathlib import Path

from archive.errors import ArchiveError

EXPORT_VERSION = "1"  # bump when the export or the quantisation below changes: a new cache directory follows
FILES = {"fp32": "model-fp32.onnx", "int8": "model-int8.onnx"}
CHECKSUMS = "checksums.json"
INPUTS = ["input_ids", "attention_mask", "token_type_ids"]


def cache_root() -> Path:
    override = os.environ.get("ARCHIVE_ONNX_CACHE")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "council-archive" / "onnx"


def _sha256(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def cache_dir(model_dir: Path) -> Path:
    weights = model_dir / "model.safetensors"
    if not weights.exists():
        raise ArchiveError(f"no model.safetensors in {model_dir}: cannot export the ONNX model")
    key = hashlib.sha256(f"{_sha256(weights)}\x00{EXPORT_VERSION}".encode()).hexdigest()[:16]
    return cache_root() / key


def _intact(directory: Path, variant: str) -> bool:
    try:
        expected = json.loads((directory / CHECKSUMS).read_text())
        return _sha256(directory / FILES[variant]) == expected[FILES[variant]]
    except (OSError, ValueError, KeyError):
        return False


def onnx_file(model_dir: Path, variant: str, rebuild: bool = False) -> Path:
    """The cached ONNX file of `variant` ("fp32" or "int8"), exported first when missing or damaged
    (or always, with `rebuild`)."""
    if variant not in FILES:
        raise ArchiveError(f"unknown ONNX variant {variant!r}: use one of {sorted(FILES)}")
    directory = cache_dir(model_dir)
    if rebuild or not _intact(directory, variant):
        _export(model_dir, directory, replace=rebuild)
    return directory / FILES[variant]


def session(model_dir: Path, variant: str, threads: int = 1):
    """An onnxruntime session on the cached model; a file the runtime rejects is exported once more."""
    import onnxruntime as ort
    from onnxruntime.capi import onnxruntime_pybind11_state as state

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    rejected = (state.Fail, state.InvalidGraph, state.InvalidProtobuf, state.NoSuchFile)
    for rebuild in (False, True):
        path = onnx_file(model_dir, variant, rebuild=rebuild)
        try:
            return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        except rejected as exc:
            error = exc
    raise ArchiveError(f"onnxruntime cannot load {path} even after exporting it again: {error}")


def _remove_stale(root: Path) -> None:
    """Build directories left by a killed export (a live one is younger than an hour)."""
    for path in root.glob(".building-*"):
        with suppress(OSError):
            if time.time() - path.stat().st_mtime > 3600:
                shutil.rmtree(path, ignore_errors=True)


def _export(model_dir: Path, directory: Path, replace: bool = False) -> None:
    directory.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(directory.parent)
    building = Path(tempfile.mkdtemp(prefix=".building-", dir=directory.parent))
    try:
        _write_models(model_dir, building)
        checksums = {name: _sha256(building / name) for name in FILES.values()}
        (building / CHECKSUMS).write_text(json.dumps(checksums, indent=2))
        building.chmod(0o755)  # mkdtemp makes it private; the cache is readable like any other
        if directory.exists() and (replace or not all(_intact(directory, v) for v in FILES)):
            # a damaged directory: move it aside (one rename) before removing it
            aside = Path(tempfile.mkdtemp(prefix=".damaged-", dir=directory.parent))
            with suppress(OSError):  # another process may have moved it first
                os.replace(directory, aside / "old")
            shutil.rmtree(aside, ignore_errors=True)
        try:
            os.rename(building, directory)
        except OSError:
            # another process published its export first: keep that one if it is whole
            if not all(_intact(directory, v) for v in FILES):
                raise ArchiveError(f"cannot write the ONNX model cache {directory}") from None
    finally:
        shutil.rmtree(building, ignore_errors=True)


@contextmanager
def _quiet():
    """The exporter's deprecation and tracer warnings and the quantiser's log notes say nothing to act on."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        root.setLevel(level)


def _write_models(model_dir: Path, out: Path) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from transformers import AutoModel
    except ImportError as exc:
        raise ArchiveError(f"exporting the ONNX model needs torch, transformers and onnx ({exc}): "
                           "pip install -e .") from exc

    class Encoder(torch.nn.Module):
        """The transformer's last hidden states; pooling is done outside, on the attention mask."""

        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
    example = torch.ones((2, 8), dtype=torch.long)
    axes = {name: {0: "batch", 1: "sequence"} for name in [*INPUTS, "last_hidden_state"]}
    with _quiet(), torch.no_grad():
        # The TorchScript exporter (dynamo=False), although torch 2.9+ defaults to dynamo: a BERT
        # forward has no data-dependent control flow to trace wrongly, it needs no onnxscript, and
        # its graph ran about 10% faster here than the dynamo exporter's.
        torch.onnx.export(
            Encoder(model).eval(), (example, example, torch.zeros_like(example)), str(out / FILES["fp32"]),
            dynamo=False, opset_version=17, input_names=INPUTS, output_names=["last_hidden_state"],
            dynamic_axes=axes,
        )
        # Per-channel int8 weights: per-tensor scales moved vectors to cosine 0.96 (min 0.90)
        # of the torch model's; per channel keeps them at 0.99.
        quantize_dynamic(
            out / FILES["fp32"], out / FILES["int8"], weight_type=QuantType.QInt8, per_channel=True,
            op_types_to_quantize=["MatMul"],
        )
