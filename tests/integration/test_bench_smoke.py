"""The benchmarks never rot: `make bench`'s own command at a tiny size runs and prints its table."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


@pytest.mark.timeout(300)
def test_make_bench_runs_at_a_tiny_size_and_prints_its_table():
    result = subprocess.run([sys.executable, "-m", "bench.run", "--smoke"], cwd=ROOT, capture_output=True,
                            text=True, timeout=280)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| goal | measured | baseline (same run) | ratio | met |" in result.stdout
    assert "GET /api/customers/{id}" in result.stdout and "idle footprint" in result.stdout
    assert "import 500 customers from XLSX on postgresql" in result.stdout


@pytest.mark.timeout(400)
def test_the_fault_run_at_a_small_rate_loses_and_doubles_nothing():
    """bench/faults_under_load.py's own command (the broker drops connections twice, the relay is
    SIGKILLed, the services restart) at 10 visits a second: every committed visit has its effects once."""
    result = subprocess.run([sys.executable, "-m", "bench.faults_under_load", "--rate", "10", "--seconds", "20"],
                            cwd=ROOT, capture_output=True, text=True, timeout=380)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| lost | 0 |" in result.stdout and "| doubled | 0 |" in result.stdout
