import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from archive.cli import cli
from tests.conftest import QUESTIONS

HIT_KEYS = {"doc_id", "title", "committee", "meeting_date", "doc_type", "source", "page", "score", "text"}


@pytest.fixture()
def run(hash_index, monkeypatch):
    monkeypatch.setenv("ARCHIVE_INDEX_DIR", str(hash_index))
    runner = CliRunner()

    def invoke(*args, input=None):
        result = runner.invoke(cli, list(args), input=input, catch_exceptions=False)
        return result

    return invoke


def test_search_json_contract(run):
    result = run("search", "unaccompanied asylum seeking children", "-k", "3", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["query"] == "unaccompanied asylum seeking children"
    assert len(data["hits"]) == 3
    assert all(set(hit) >= HIT_KEYS for hit in data["hits"])


def test_search_jsonl_one_object_per_line(run):
    result = run("search", "--jsonl", "-k", "2", input="kinship carers\n\nTelford and Wrekin\n")
    lines = result.output.strip().split("\n")
    assert len(lines) == 2
    objects = [json.loads(line) for line in lines]
    assert [o["query"] for o in objects] == ["kinship carers", "Telford and Wrekin"]
    assert all(len(o["hits"]) == 2 for o in objects)


def test_ask_jsonl_contract(run):
    result = run("ask", "--jsonl", input="How many children live with kinship carers?\n"
                                          "How much did the council spend on road resurfacing in 2023?\n")
    first, second = [json.loads(line) for line in result.output.strip().split("\n")]
    assert {"question", "answer", "quote", "citations"} <= set(first)
    assert first["answer"] == "78" and "78 children live with kinship carers" in first["quote"]
    assert all(set(hit) >= HIT_KEYS for hit in first["citations"])
    assert second["answer"] is None


def test_ask_plain_text(run):
    result = run("ask", "What was the UASC figure in January 2019?")
    assert result.exit_code == 0
    assert "No answer in the archive" in result.output


def test_search_with_filters(run):
    result = run("search", "children in care", "--committee", "Council", "--json")
    hits = json.loads(result.output)["hits"]
    assert hits and {h["committee"] for h in hits} == {"Council"}


def test_eval_prints_the_metrics(run):
    result = run("eval", str(QUESTIONS), "--json")
    data = json.loads(result.output)
    for key in ("recall@1", "recall@5", "recall@10", "mrr@10", "answer_accuracy", "abstention"):
        assert 0.0 <= data[key] <= 1.0
    assert data["questions"] == 30


def test_glossary_command(run):
    result = run("glossary")
    line = next(line for line in result.output.splitlines() if line.startswith("UASC\t"))
    assert "unaccompanied asylum seeking children" in line.lower()
    assert "2024-09-10-smb-public-questions.txt" in line


def test_index_command_summary(tmp_path, small_corpus):
    (small_corpus / "bad.pdf").write_bytes(b"\x00\x01 not a pdf")
    runner = CliRunner()
    result = runner.invoke(cli, ["index", str(small_corpus), "--index-dir", str(tmp_path / "ix"),
                                 "--embedder", "hash", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Indexed 2 new or changed" in result.output
    assert "skipped bad.pdf: binary content" in result.output


def test_errors_are_one_clear_line(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["index", str(tmp_path / "missing"), "--index-dir", str(tmp_path / "ix"),
                                 "--embedder", "hash", "-q"])
    assert result.exit_code != 0
    assert "corpus directory not found" in result.output and "Traceback" not in result.output
    result = runner.invoke(cli, ["search", "x", "--index-dir", str(tmp_path / "none")])
    assert result.exit_code != 0 and "run `archive index` first" in result.output


def test_a_question_loads_no_library_it_does_not_use(hash_index):
    """A cold `archive ask` (a who question: spaCy tags its candidates) never imports torch, SciPy,
    scikit-learn or streamlit, and afterwards they still import (archive/imports.py)."""
    script = (
        "import sys; from click.testing import CliRunner; from archive.cli import cli; "
        "r = CliRunner().invoke(cli, ['ask', 'Who chaired full council on 30 September 2022?', '--json']); "
        "assert r.exit_code == 0, r.output; "
        "print(sorted(m for m in ('torch', 'scipy', 'sklearn', 'streamlit') if m in sys.modules)); "
        "print('spacy' in sys.modules); import sklearn.linear_model, scipy.stats, torch; print('importable')")
    env = {**os.environ, "ARCHIVE_INDEX_DIR": str(hash_index), "ARCHIVE_EMBEDDER": "hash"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.split("\n")[:3] == ["[]", "True", "importable"]
