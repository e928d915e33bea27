"""The ONNX embedder: the packaged MiniLM exported once, run by onnxruntime with int8 weights."""

import shutil
import subprocess
import sys

import numpy as np
import pytest

from archive.index import onnx_model
from archive.index.embed import ONNX_NAMES, OnnxEmbedder
from archive.index.format import embedder_choice

SENTENCES = [
    "The service had reduced the number of children in its care from a high of 412 in 2022/23 to a "
    "current figure of 396.",
    "In Herefordshire the figures for vulnerable unaccompanied asylum seeking children had risen from 6 "
    "children in 2022 to 38 at the current time.",
    "Placement sufficiency was a key priority and the sufficiency strategy had been refreshed.",
    "There were currently 44 children in residential placements, this number fluctuated and was reviewed regularly.",
    "The Committee enquired about the differences in support between people who were kinship fosterers and "
    "people who were not fostering, but were relatives who were looking after children.",
    "What was the UASC figure in January 2024?",
    "kinship carers",
    "Minutes:",
]


@pytest.fixture(scope="module")
def onnx_embedder():
    return OnnxEmbedder("int8")


def test_manifest_names_map_back_to_their_embedders():
    assert embedder_choice(ONNX_NAMES["int8"]) == "onnx"
    assert embedder_choice(ONNX_NAMES["fp32"]) == "onnx-fp32"
    assert embedder_choice("all-MiniLM-L6-v2") == "minilm"
    assert embedder_choice("hash-256") == "hash"


@pytest.mark.slow
def test_int8_vectors_agree_with_the_torch_model(onnx_embedder, real_embedder):
    ours = onnx_embedder.encode(SENTENCES)
    theirs = real_embedder.encode(SENTENCES)
    assert ours.dtype == np.float32 and ours.shape == (len(SENTENCES), 384)
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosine = np.sum(ours * theirs, axis=1)
    # measured on these sentences: 0.989 to 0.995 (all 407 corpus chunks: mean 0.994, min 0.976)
    assert cosine.min() >= 0.98, cosine
    assert onnx_embedder.name == "all-MiniLM-L6-v2-onnx-int8" != real_embedder.name


@pytest.mark.slow
def test_outputs_follow_the_inputs_order_and_do_not_depend_on_neighbours(onnx_embedder):
    texts = [*sorted(SENTENCES, key=len, reverse=True), "a", SENTENCES[1] * 3]
    singles = np.vstack([onnx_embedder.encode([t]) for t in texts])
    assert np.array_equal(onnx_embedder.encode(texts), singles)
    batched = OnnxEmbedder("int8", batch_size=3)
    batched.session = onnx_embedder.session
    nearest = (batched.encode(texts) @ singles.T).argmax(axis=1)
    assert nearest.tolist() == list(range(len(texts)))


@pytest.mark.slow
def test_empty_input_gives_no_rows(onnx_embedder):
    vectors = onnx_embedder.encode([])
    assert vectors.shape == (0, 384) and vectors.dtype == np.float32


@pytest.mark.slow
def test_a_damaged_cache_file_is_exported_again(onnx_embedder, tmp_path, monkeypatch):
    cached = onnx_model.cache_dir(onnx_embedder.path)
    monkeypatch.setenv("ARCHIVE_ONNX_CACHE", str(tmp_path))
    copy = onnx_model.cache_dir(onnx_embedder.path)
    shutil.copytree(cached, copy)
    damaged = copy / onnx_model.FILES["int8"]
    damaged.write_bytes(damaged.read_bytes()[: damaged.stat().st_size // 2])  # as an interrupted copy leaves it

    again = OnnxEmbedder("int8")
    assert np.allclose(again.encode(SENTENCES), onnx_embedder.encode(SENTENCES), atol=1e-5)
    assert damaged.stat().st_size == (cached / onnx_model.FILES["int8"]).stat().st_size
    assert [p.name for p in tmp_path.iterdir()] == [copy.name]  # no build or damaged directory left


@pytest.mark.slow
def test_loading_from_the_cache_does_not_import_torch(onnx_embedder):
    script = ("import sys; from archive.index.embed import OnnxEmbedder; OnnxEmbedder('int8').encode(['x']); "
              "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
