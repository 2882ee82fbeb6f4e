"""The read path on the embedded default: authenticated GET /api/customers/{id} through `kam dev`
(SQLite, every service in one process), saturated and then paced at 80 % of saturation, beside the
in-process baseline (bench/baseline_app.py) under the same gunicorn settings, in the same run.

Three shapes of the gateway's call to the customers service, side by side:
- hosted: the gateway's workers run the service's use case themselves (kam.local; `kam dev`'s default);
- direct: an HTTP call with keep-alive to the service's process (kam.direct; `KAM_LOCAL_CALLS=off`);
- rpc: RPC over RabbitMQ (`KAM_LOCAL_CALLS=off KAM_DIRECT_PORT_BASE=off`).

    .venv/bin/python -m bench.read_path [--seconds 10] [--transport hosted|direct|rpc|all]
"""
import argparse
import json
import sys
import tempfile
from pathlib import Path

import requests

from bench.baseline_app import prepare
from bench.load import wrk
from kam import testing

PASSWORD = "bench-password-1"
GOAL_PER_SECOND, GOAL_P99_MS = 1000, 25
PACED_SHARE = 0.8  # the p99 is measured at this share of saturation


class EmbeddedSystem:
    """`kam dev` as a newcomer runs it, on a fresh data folder and RabbitMQ vhost."""

    def __init__(self, folder, transport="hosted"):
        self.folder = folder
        self.vhost = testing.create_vhost()
        self.port = testing.free_port()
        env = {"KAM_AMQP_URI": self.vhost, "KAM_DATA_DIR": str(folder),
               "KAM_DIRECT_PORT_BASE": "off" if transport == "rpc" else str(testing.free_port_range(10))}
        if transport != "hosted":
            env["KAM_LOCAL_CALLS"] = "off"
        self.env = testing.kam_env(env)
        self.process = None

    def __enter__(self):
        testing.run_kam("db", "upgrade", env=self.env)
        testing.run_kam("user", "add", "bench", "--role", "manager", "--password", PASSWORD, env=self.env)
        self.process = testing.Process.kam("dev", "--port", str(self.port), env=self.env,
                                           log_path=self.folder / "dev.log")
        testing.wait_until(self.healthy, timeout=90, interval=0.5, message="kam dev to be up")
        return self

    def healthy(self):
        try:
            return requests.get(f"{self.url}/api/health", timeout=3).status_code == 200
        except requests.RequestException:
            return False

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.process.stop()
        testing.delete_vhost(self.vhost)

    def token(self):
        response = requests.post(f"{self.url}/api/auth/token", json={"username": "bench", "password": PASSWORD},
                                 timeout=30)
        return response.json()["access_token"]


def measure(url, token, seconds, connections=16):
    headers = {"Authorization": f"Bearer {token}"}
    wrk(url, headers=headers, seconds=2, connections=connections)  # warm up
    saturated = wrk(url, headers=headers, seconds=seconds, connections=connections)
    setting = paced_setting(url, headers, connections, PACED_SHARE * saturated["per_second"], min(3, seconds))
    paced = wrk(url, headers=headers, seconds=seconds, connections=connections, rate=setting)
    return {"saturation_per_second": saturated["per_second"], "paced_per_second": paced["per_second"],
            "paced_share": round(paced["per_second"] / saturated["per_second"], 2),
            "p99_ms_at_80_percent": paced["p99_ms"],
            "p50_ms_at_80_percent": paced["p50_ms"], "errors": saturated["errors"] + paced["errors"]}


def paced_setting(url, headers, connections, target, seconds, tries=3):
    """The `rate` to give wrk for `target` requests a second: the answers' own time adds to each
    connection's wait, so short runs move the setting until the rate reached is within 5 % of the target."""
    setting = target
    for _ in range(tries):
        reached = wrk(url, headers=headers, seconds=seconds, connections=connections, rate=setting)["per_second"]
        if abs(reached - target) <= 0.05 * target:
            break
        setting *= target / max(reached, 1.0)
    return setting


def baseline(folder, customer, seconds):
    secret = "baseline-secret-" + "x" * 32
    token = prepare(folder / "baseline.db", customer, secret)
    port = testing.free_port()
    env = testing.kam_env({"KAM_BASELINE_DB": str(folder / "baseline.db"), "KAM_BASELINE_SECRET": secret})
    app = testing.Process([sys.executable, "-m", "gunicorn", "bench.baseline_app:create_app()", "--bind",
                           f"127.0.0.1:{port}", *testing.GATEWAY_GUNICORN], env, folder / "baseline.log")
    try:
        url = f"http://127.0.0.1:{port}/api/customers/{customer['id']}"
        testing.wait_until(lambda: _answers(url, token), timeout=30, message="the baseline app")
        return measure(url, token, seconds)
    finally:
        app.stop()


def _answers(url, token):
    try:
        return requests.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=3).status_code == 200
    except requests.RequestException:
        return False


TRANSPORTS = ("hosted", "direct", "rpc")


def run(seconds=10, transports=TRANSPORTS):
    rows, customer = {}, None
    for transport in transports:
        folder = Path(tempfile.mkdtemp(prefix=f"kam-bench-{transport}-"))
        with EmbeddedSystem(folder, transport) as system:
            token = system.token()
            headers = {"Authorization": f"Bearer {token}"}
            customer = requests.post(f"{system.url}/api/customers", json={"name": "基准测试客户", "phone": "13800138000"},
                                     headers=headers, timeout=30).json()
            url = f"{system.url}/api/customers/{customer['id']}"
            customer = requests.get(url, headers=headers, timeout=30).json()
            rows[transport] = measure(url, token, seconds)
    rows["baseline"] = baseline(Path(tempfile.mkdtemp(prefix="kam-bench-baseline-")), customer, seconds)
    return rows


def goals(rows, transport="hosted"):
    """The goal rows of make bench's table."""
    kam, base = rows[transport], rows["baseline"]
    shape = transport if transport == "hosted" else f"{transport}, compared"
    return [
        {"goal": f"GET /api/customers/{{id}} ≥ {GOAL_PER_SECOND} req/s (kam dev, {shape})",
         "measured": kam["saturation_per_second"], "baseline": base["saturation_per_second"],
         "met": kam["saturation_per_second"] >= GOAL_PER_SECOND and kam["errors"] == 0},
        {"goal": f"p99 ≤ {GOAL_P99_MS} ms at 80 % of saturation ({shape}; reached {kam['paced_share']:.0%}, "
                 f"baseline {base['paced_share']:.0%})",
         "measured": kam["p99_ms_at_80_percent"], "baseline": base["p99_ms_at_80_percent"],
         "met": kam["p99_ms_at_80_percent"] <= GOAL_P99_MS},
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--transport", choices=(*TRANSPORTS, "all"), default="all")
    args = parser.parse_args()
    transports = TRANSPORTS if args.transport == "all" else (args.transport,)
    print(json.dumps(run(args.seconds, transports), indent=1))


if __name__ == "__main__":
    main()
