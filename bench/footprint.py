"""Idle footprint and start-up of `kam dev`: the resident memory of its whole process tree once healthy,
and the seconds from start to a healthy /api/health."""
import os
import tempfile
import time
from pathlib import Path

from bench.read_path import EmbeddedSystem

GOAL_MB, GOAL_SECONDS = 600, 10


def tree_rss_mb(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(parent, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            with open(f"/proc/{current}/status") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            continue
    return total / 1024


def run():
    started = time.perf_counter()
    with EmbeddedSystem(Path(tempfile.mkdtemp(prefix="kam-bench-footprint-"))) as system:
        up_seconds = time.perf_counter() - started  # includes the migrations of a fresh data folder
        time.sleep(3)
        rss = tree_rss_mb(system.process.popen.pid)
    return [{"goal": f"idle footprint ≤ {GOAL_MB} MB (kam dev, every process)", "measured": round(rss),
             "baseline": None, "met": rss <= GOAL_MB},
            {"goal": f"start to healthy ≤ {GOAL_SECONDS} s (fresh data folder, migrations included)",
             "measured": round(up_seconds, 1), "baseline": None, "met": up_seconds <= GOAL_SECONDS}]
