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
