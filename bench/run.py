"""`make bench`: every benchmark, one table (goal | measured | baseline in the same run | ratio | met),
written to build/bench.json and docs/PERFORMANCE.md's figures section.

    .venv/bin/python -m bench.run [--seconds 10] [--smoke]
"""
import argparse
import json
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from bench import customers_search, footprint, import_xlsx, read_path, seed_chain

ROOT = Path(__file__).parents[1]
MARK = "<!-- bench:figures -->"


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return f"{cores} cores, {cpu}, Python {platform.python_version()}"


def ratio(row):
    if not row.get("baseline") or not isinstance(row["measured"], int | float):
        return None
    return round(row["measured"] / row["baseline"], 2)


def table(rows):
    lines = ["| goal | measured | baseline (same run) | ratio | met |", "|---|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row['goal']} | {row['measured']} | {row.get('baseline') if row.get('baseline') else '—'} | "
                     f"{ratio(row) or '—'} | {'yes' if row['met'] else '**no**'} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--smoke", action="store_true", help="a tiny run that only proves the benchmarks work")
    args = parser.parse_args()
    seconds = 1 if args.smoke else args.seconds
    transports = ("hosted",) if args.smoke else read_path.TRANSPORTS
    reads = read_path.run(seconds, transports)
    rows = [row for transport in transports for row in read_path.goals(reads, transport)]
    rows += footprint.run()
    rows += import_xlsx.run(500 if args.smoke else 100_000)
    for db, n in (("postgresql", 2_000 if args.smoke else 1_000_000), ("sqlite", 2_000 if args.smoke else 100_000)):
        rows += customers_search.goals(db, n, customers_search.run(db, n, repeat=10 if args.smoke else 100))
    rows += seed_chain.goals(seed_chain.run(rate=10 if args.smoke else seed_chain.GOAL_RATE, seconds=2 if args.smoke else 10))
    stamp = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}"
    report = {"when": stamp, "rows": [{**row, "ratio": ratio(row)} for row in rows], "read_path": reads}
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
    text = f"{MARK}\nMeasured {stamp} with `make bench`:\n\n{table(rows)}\n"
    print(text)
    if not args.smoke:
        page = ROOT / "docs" / "PERFORMANCE.md"
        before = page.read_text(encoding="utf-8").split(MARK)[0] if page.exists() else ""
        page.write_text(before + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
