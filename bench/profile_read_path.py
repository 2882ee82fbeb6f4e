"""Where the read path's CPU goes: `kam dev` (hosted calls, or `--transport direct|rpc`) saturated by wrk on
GET /api/customers/{id},
each of its processes sampled by py-spy, then per process its CPU in milliseconds a request and the
frames that hold most of its busy samples (blocking reads and waits left out).

    .venv/bin/pip install py-spy && .venv/bin/python -m bench.profile_read_path [--seconds 12] [--transport direct]
"""
import argparse
import collections
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import requests

from bench.load import wrk
from bench.read_path import TRANSPORTS, EmbeddedSystem

WAITING = ("readinto", "select (selectors", "wait (threading", "recv_into", "poll", "acquire")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def descendants(pid):
    found, todo = [], [pid]
    while todo:
        children = subprocess.run(["pgrep", "-P", str(todo.pop())], capture_output=True, text=True).stdout.split()
        found += [int(child) for child in children]
        todo += [int(child) for child in children]
    return found


def cpu_seconds(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def command_of(pid):
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:90]


def busy_frames(raw_file, top):
    """The frames most busy samples pass through, as (share of busy samples, frame)."""
    through, busy = collections.Counter(), 0
    for line in raw_file.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        if any(waiting in frames[-1] for waiting in WAITING):
            continue
        busy += int(count)
        through.update({frame: int(count) for frame in set(frames)})
    return [(round(100 * n / busy, 1), frame) for frame, n in through.most_common(top)] if busy else []


def run(seconds=12, top=25, transport="hosted"):
    spy = shutil.which("py-spy") or str(Path(__file__).parents[1] / ".venv" / "bin" / "py-spy")
    folder = Path(tempfile.mkdtemp(prefix="kam-profile-"))
    with EmbeddedSystem(folder, transport) as system:
        headers = {"Authorization": f"Bearer {system.token()}"}
        customer = requests.post(f"{system.url}/api/customers", json={"name": "基准测试客户", "phone": "13800138000"},
                                 headers=headers, timeout=30).json()
        url = f"{system.url}/api/customers/{customer['id']}"
        pids = descendants(system.process.popen.pid)
        wrk(url, headers=headers, seconds=2, connections=16)  # warm up
        spies = [subprocess.Popen([spy, "record", "-p", str(pid), "-d", str(seconds), "-r", "50", "-f", "raw",
                                   "-o", str(folder / f"{pid}.txt")], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL) for pid in pids]
        time.sleep(1)
        before = {pid: cpu_seconds(pid) for pid in pids}
        load = wrk(url, headers=headers, seconds=seconds - 2, connections=16)
        used = {pid: cpu_seconds(pid) - before[pid] for pid in pids}
        for process in spies:
            process.wait()
        requests_done = load["per_second"] * (seconds - 2)
        print(f"saturated: {load['per_second']} req/s, p50 {load['p50_ms']} ms, p99 {load['p99_ms']} ms")
        for pid in sorted(pids, key=used.get, reverse=True):
            print(f"\n{pid} {command_of(pid)}: {1000 * used[pid] / requests_done:.2f} ms CPU a request")
            for share, frame in busy_frames(folder / f"{pid}.txt", top) if (folder / f"{pid}.txt").exists() else []:
                print(f"  {share:5.1f}%  {frame[:120]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=12)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--transport", choices=TRANSPORTS, default="hosted")
    args = parser.parse_args()
    run(args.seconds, args.top, args.transport)


if __name__ == "__main__":
    main()
