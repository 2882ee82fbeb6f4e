"""The whole system as real processes on RabbitMQ and PostgreSQL, for the e2e and browser tests."""
import itertools
import os
import secrets
import subprocess
import sys

import requests
from cryptography.fernet import Fernet

from kam import testing
from kam.config import Settings
from kam.plugins import discover

PASSWORD = "e2e-password-1"
USERS = {"admin": "admin", "manager": "manager", "dev1": "developer", "dev2": "developer",
         "coordinator": "coordinator", "planner": "planner", "analyst": "analyst"}


_PHONES = itertools.count(1)


def unique_phone():
    """A mobile number no other test of this session has registered: one system is shared by the whole
    session, and a phone another customer has is 409 `duplicate_customer`."""
    return f"139{os.getpid() % 1000:03d}{next(_PHONES):05d}"


class Api:
    """An HTTP client for one user of the running gateway."""

    def __init__(self, base_url, token=None):
        self.base_url = base_url
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def request(self, method, path, **kwargs):
        return self.session.request(method, self.base_url + path, timeout=30, **kwargs)

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, json=None, **kwargs):
        return self.request("POST", path, json=json, **kwargs)

    def patch(self, path, json=None, **kwargs):
        return self.request("PATCH", path, json=json, **kwargs)

    def put(self, path, json=None, **kwargs):
        return self.request("PUT", path, json=json, **kwargs)

    def delete(self, path, **kwargs):
        return self.request("DELETE", path, **kwargs)


def login(base_url, username, password=PASSWORD):
    response = requests.post(f"{base_url}/api/auth/token", json={"username": username, "password": password},
                             timeout=30)
    assert response.status_code == 200, response.text
    return Api(base_url, response.json()["access_token"])


class System:
    """`instances` of every service and of the relay, as separate processes (KAM_E2E_INSTANCES=2 runs
    the e2e suite scaled out, as docs/OPERATIONS.md describes). `apart`: a process for each service, as
    docker-compose runs them, instead of one `kam serve` for all."""

    def __init__(self, tmp_path, instances=None, apart=False):
        self.instances = int(os.environ.get("KAM_E2E_INSTANCES", "1")) if instances is None else instances
        self.apart = apart
        self.settings = Settings(amqp_uri=testing.create_vhost(), database_url=testing.create_database(),
                                 data_dir=tmp_path, retry_delays=(0.1, 0.5),
                                 clock_file=str(tmp_path / "clock"), secret_key=secrets.token_hex(32),
                                 encryption_key=Fernet.generate_key().decode(),
                                 direct_port_base=testing.free_port_range(12), direct_secret=secrets.token_hex(32))  # the gateway calls services as kam dev's does
        # timers tick every second here, so tests that move the clock need not wait a minute; the tests'
        # cached logins outlive the 15-minute default of an access token in a long run; one proxy hop lets
        # tests log in from addresses of their own (X-Forwarded-For), so failed logins slow only them down
        self.env = testing.kam_env({**self.settings.as_env(), "KAM_DUE_WORK_INTERVAL": "1",
                                    "KAM_TOKEN_TTL_SECONDS": "3600", "KAM_PROXY_HOPS": "1"})
        self.logs = tmp_path
        self.processes = []
        self.port = testing.free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"

    def kam(self, *args, check=True):
        result = subprocess.run([sys.executable, "-m", "kam", *args], env=self.env, capture_output=True,
                                text=True, timeout=120)
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    def start(self, name, *args, env=None, instance=0):
        process = testing.Process.kam(*args, env={**self.env, **(env or {})}, log_path=self.logs / f"{name}.log")
        process.instance = instance
        self.processes.append(process)
        return process

    def up(self):
        self.kam("db", "upgrade")
        self.kam("bus", "declare")
        for username, role in USERS.items():
            self.kam("user", "add", username, "--role", role, "--password", PASSWORD,
                     "--display-name", f"测试{username}")
        for n in range(self.instances):
            if self.apart:
                for name in discover():
                    self.start(self._instance(f"services-{name}", n), "serve", name, instance=n)
            else:
                self.start(self._instance("services", n), "serve", instance=n)
            self.start(self._instance("relay", n), "relay", instance=n)
        self.start("gateway", "gateway", "--port", str(self.port), "--workers", "2")
        testing.wait_until(self._healthy, timeout=60, interval=0.2, message="the gateway to report healthy")

    def _instance(self, name, n):
        return name if self.instances == 1 else f"{name}-{n + 1}"

    def instance_logs(self, name):
        return [self.logs / f"{self._instance(name, n)}.log" for n in range(self.instances)]

    def _healthy(self):
        try:
            return requests.get(f"{self.base_url}/api/health", timeout=5).status_code == 200
        except requests.RequestException:  # refused or slow while the processes start
            return False

    def down(self):
        for process in self.processes:
            process.stop()
        testing.drop_database(self.settings.database_url)
        testing.delete_vhost(self.settings.amqp_uri)
