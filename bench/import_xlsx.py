"""Importing N customers from an XLSX file with `kam customers import`, on a fresh SQLite file and on a
fresh PostgreSQL database: wall time from start to exit, and the rows imported.

    .venv/bin/python -m bench.import_xlsx [--n 100000] [--backends sqlite,postgresql]

The file is made once per size (build/import-N.xlsx): Chinese names, unique phones and WeChat ids,
source, wedding anniversary, occupation, hobbies; one row in 200 repeats an earlier phone, so the
duplicate check has work to do.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from bench.customers_search import fake_name

ROOT = Path(__file__).parents[1]
GOAL_SECONDS = 60
HEADER = ("姓名", "手机", "微信", "来源", "结婚纪念日", "职业", "爱好")
SOURCES = ("朋友", "亲戚", "同学", "同事", "商场", "平台")
JOBS = ("医生", "教师", "企业主", "律师", "公务员", "工程师", "设计师")
HOBBIES = ("高尔夫", "茶艺", "旅行", "收藏", "摄影", "瑜伽")


def workbook_path(n, seed=3):
    path = ROOT / "build" / f"import-{n}.xlsx"
    if path.exists():
        return path
    path.parent.mkdir(exist_ok=True)
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    sheet.append(HEADER)
    phones = []
    for i in range(n):
        phone = rng.choice(phones) if phones and i % 200 == 199 else f"1{rng.randrange(3, 9)}{i:09d}"
        phones.append(phone)
        sheet.append((fake_name(rng), phone, f"wx_{i:08x}", rng.choice(SOURCES),
                      f"{rng.randrange(1990, 2024)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                      rng.choice(JOBS), "，".join(rng.sample(HOBBIES, 2))))
    book.save(path)
    return path


def run_import(path, backend, env):
    """Seconds, and the import's last progress line."""
    from kam import testing

    with tempfile.TemporaryDirectory(prefix="kam-import-") as data:
        env = {**env, "KAM_DATA_DIR": data}
        url = None
        if backend == "postgresql":
            url = testing.create_database(testing.unique_name("kam_import"))
            env["KAM_DATABASE_URL"] = url
        else:
            env.pop("KAM_DATABASE_URL", None)
        try:
            kam = [str(ROOT / ".venv" / "bin" / "kam")]
            subprocess.run(kam + ["db", "upgrade"], env=env, check=True,
                           capture_output=True)
            began = time.perf_counter()
            done = subprocess.run(kam + ["customers", "import", str(path), "--owner-id", "bench-owner",
                                         "--report", str(Path(data) / "report.json")],
                                  env=env, capture_output=True, text=True)
            seconds = time.perf_counter() - began
            if done.returncode not in (0, 1):  # 1: some rows were rejected, as the file means them to be
                raise RuntimeError(f"import failed on {backend}: {done.stderr[-2000:]}")
            last = (done.stdout.strip().splitlines() or [""])[-1]
            return seconds, last
        finally:
            if url:
                testing.drop_database(url)


def run(n=100_000, backends=("sqlite", "postgresql")):
    path = workbook_path(n)
    env = {**os.environ, "KAM_SECRET_KEY": "b" * 40, "KAM_ENCRYPTION_KEY": _encryption_key()}
    rows = []
    for backend in backends:
        seconds, last = run_import(path, backend, env)
        print(f"import {n:,} rows on {backend}: {seconds:.1f} s ({last})", file=sys.stderr)
        rows.append({"goal": f"import {n:,} customers from XLSX on {backend} ≤ {GOAL_SECONDS} s",
                     "measured": round(seconds, 1), "met": seconds <= GOAL_SECONDS * n / 100_000})
    return rows


def _encryption_key():
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args(argv)
    for row in run(args.n, tuple(args.backends.split(","))):
        print(row)


if __name__ == "__main__":
    main()
