"""Gateway round trips through RabbitMQ to a service and back, on the real processes.

    .venv/bin/python -m bench.gateway_latency --requests 500 --threads 4

Starts the whole system on a throwaway PostgreSQL database and RabbitMQ vhost (as the e2e tests do),
then times GET /api/me (gateway only), GET /api/customers/{id} (one RPC) and POST /api/customers
(one RPC, a write and an outbox row), and the time until analytics has counted the created customers.
"""
import argparse
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kam import testing
from tests.system import System, login


def timed(call, count, threads):
    def one(_):
        started = time.perf_counter()
        response = call()
        assert response.status_code < 300, response.text
        return (time.perf_counter() - started) * 1000

    with ThreadPoolExecutor(threads) as pool:
        started = time.perf_counter()
        durations = sorted(pool.map(one, range(count)))
        elapsed = time.perf_counter() - started
    return {"p50_ms": round(statistics.median(durations), 2),
            "p95_ms": round(durations[int(len(durations) * 0.95) - 1], 2),
            "max_ms": round(durations[-1], 2), "per_second": round(count / elapsed, 1)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    system = System(Path(tempfile.mkdtemp(prefix="kam-bench-")))
    try:
        system.up()
        developer, manager = login(system.base_url, "dev1"), login(system.base_url, "manager")
        customer = developer.post("/api/customers", json={"name": "基准测试"}).json()
        rows = {
            "GET /api/me": timed(lambda: developer.get("/api/me"), args.requests, args.threads),
            "GET /api/customers/{id}": timed(lambda: developer.get(f"/api/customers/{customer['id']}"),
                                              args.requests, args.threads),
            "POST /api/customers": timed(lambda: developer.post("/api/customers", json={"name": "王丽"}),
                                         args.requests, args.threads),
        }
        started = time.perf_counter()
        testing.wait_until(lambda: manager.get("/api/analytics/overview").json()["customers"] >= args.requests + 1,
                           timeout=120, interval=0.02, message="analytics to count every customer")
        for name, row in rows.items():
            print(f"{name:<28} {row}")
        print(f"analytics caught up {round((time.perf_counter() - started) * 1000)} ms after the last POST returned")
    finally:
        system.down()


if __name__ == "__main__":
    main()
