"""A short run of the faults-under-load benchmark (benchmarks/soak.py): two server processes answer
clients while a new generation is built and swapped in and one process is killed with SIGKILL.
Nothing but the killed process's requests may fail, no accepted write may be lost, no 5xx."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_short_soak_loses_nothing(tmp_path):
    out = tmp_path / "soak.json"
    command = [sys.executable, str(ROOT / "benchmarks" / "soak.py"), "--duration", "30", "--clients", "5",
               "--chunks", "400", "--work", str(tmp_path / "work"), "--out", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(out.read_text())
    verdict = result["verdict"]
    # memory over 30 s says little (a rebuild is opened, a process replaced): the benchmark reports it
    assert all(ok for name, ok in verdict.items() if not name.startswith("memory")), verdict
    assert result["tracebacks_in_server_log"] == 0
    assert result["feedback_accepted"] > 0 and result["endpoints"]["ask"]["requests"] > 10
