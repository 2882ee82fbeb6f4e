"""Test helpers for the real RabbitMQ and PostgreSQL: throwaway databases and vhosts, processes, waiting.

Defaults fit this machine; override with KAM_TEST_DATABASE_URL (an admin connection to PostgreSQL),
KAM_TEST_AMQP_URI and KAM_TEST_RABBIT_API (the management plugin).
"""
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from urllib.parse import quote, urlsplit, urlunsplit

import requests
from sqlalchemy import create_engine, text

from kam.db import driver_url

ADMIN_DATABASE_URL = os.environ.get("KAM_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
AMQP_URI = os.environ.get("KAM_TEST_AMQP_URI", "amqp://guest:guest@127.0.0.1:5672/")
RABBIT_API = os.environ.get("KAM_TEST_RABBIT_API", "http://guest:guest@127.0.0.1:15672")


def unique_name(prefix):
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


def _admin_engine():
    return create_engine(driver_url(ADMIN_DATABASE_URL), isolation_level="AUTOCOMMIT")


def create_database(name=None, template=None):
    """A new PostgreSQL database; returns its URL."""
    name = name or unique_name("kam_test")
    engine = _admin_engine()
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
    engine.dispose()
    parts = urlsplit(ADMIN_DATABASE_URL)
    return urlunsplit(parts._replace(path=f"/{name}"))


def drop_database(url):
    name = urlsplit(url).path.lstrip("/")
    engine = _admin_engine()
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def _rabbit(method, path, **kwargs):
    parts = urlsplit(RABBIT_API)
    base = urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else "")))
    response = requests.request(method, base + path, auth=(parts.username, parts.password), timeout=10, **kwargs)
    response.raise_for_status()
    return response


def create_vhost(name=None):
    """A new RabbitMQ vhost the test user may use; returns its AMQP URI."""
    name = name or unique_name("kam_test")
    user = urlsplit(AMQP_URI).username
    _rabbit("PUT", f"/api/vhosts/{quote(name, safe='')}")
    _rabbit("PUT", f"/api/permissions/{quote(name, safe='')}/{user}",
            json={"configure": ".*", "write": ".*", "read": ".*"})
    parts = urlsplit(AMQP_URI)
    return urlunsplit(parts._replace(path=f"/{quote(name, safe='')}"))


def delete_vhost(amqp_uri):
    name = urlsplit(amqp_uri).path.lstrip("/")
    _rabbit("DELETE", f"/api/vhosts/{name}")


def vhost_of(amqp_uri):
    from urllib.parse import unquote

    return unquote(urlsplit(amqp_uri).path.lstrip("/"))


def queue_depth(amqp_uri, queue):
    """Messages ready in `queue` now (a passive declare: live, unlike the management API's stats)."""
    from kombu import Connection

    with Connection(amqp_uri) as connection:
        return connection.default_channel.queue_declare(queue, passive=True).message_count


def queue_settled(amqp_uri, queue):
    """True when `queue` holds no message, ready or delivered but not yet acknowledged: nothing more can
    come of it. Asks the broker itself (rabbitmqctl), whose counts, unlike the management API's, are live."""
    result = subprocess.run(["rabbitmqctl", "-q", "list_queues", "-p", vhost_of(amqp_uri), "name",
                             "messages_ready", "messages_unacknowledged"], capture_output=True, text=True, timeout=30)
    for line in result.stdout.splitlines():
        name, *counts = line.split()
        if name == queue:
            return counts == ["0", "0"]
    return False


GATEWAY_GUNICORN = ("--worker-class", "gthread", "--workers", "2", "--threads", "8")  # as `kam dev` runs it


def run_kam(*args, env, timeout=120):
    result = subprocess.run([sys.executable, "-m", "kam", *args], env=env, capture_output=True, text=True,
                            timeout=timeout)
    if result.returncode != 0:
        raise AssertionError(f"kam {' '.join(args)} failed: {result.stdout}{result.stderr}")
    return result


def free_port_range(count, start=20000, end=60000):
    """The first of `count` consecutive ports that are free now, picked at random in [start, end)."""
    import random

    for _ in range(200):
        base = random.randrange(start, end - count)
        try:
            for port in range(base, base + count):
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", port))
        except OSError:
            continue
        return base
    raise RuntimeError("no free range of ports")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout=30.0, interval=0.05, message="condition"):
    """Poll `predicate` until it returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {message}")
        time.sleep(interval)


class Process:
    """A child process of the system under test, with its output kept in a log file."""

    def __init__(self, args, env, log_path):
        self.args = args
        self.log_path = log_path
        self._log = open(log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.popen = subprocess.Popen(args, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                      start_new_session=True)

    @classmethod
    def kam(cls, *args, env, log_path):
        return cls([sys.executable, "-m", "kam", *args], env, log_path)

    def alive(self):
        return self.popen.poll() is None

    def _signal_group(self, signum):
        """The process and whatever it started: a child left by a parent that died goes too."""
        try:
            os.killpg(self.popen.pid, signum)
        except ProcessLookupError:
            pass

    def kill(self):
        """SIGKILL: no chance to clean up, as in a crash."""
        self._signal_group(signal.SIGKILL)
        self.popen.wait(10)
        self._log.close()

    def stop(self, timeout=15):
        """SIGTERM, then SIGKILL after `timeout`; whether it stopped by itself."""
        self._signal_group(signal.SIGTERM)
        try:
            self.popen.wait(timeout)
            graceful = True
        except subprocess.TimeoutExpired:
            self.kill()
            graceful = False
        self._signal_group(signal.SIGKILL)
        self._log.close()
        return graceful

    def output(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as log:
            return log.read()


def kam_env(settings_env):
    env = {key: value for key, value in os.environ.items() if not key.startswith("KAM_")}
    env.update(settings_env)
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def __getattr__(name):
    """`kam.testing.ServiceHarness` and `FakeUnitOfWork`, loaded only when asked for (they bring nameko)."""
    if name == "ServiceHarness":
        from kam.harness import ServiceHarness

        return ServiceHarness
    if name in ("FakeUnitOfWork", "FakeRemote"):
        from kam import fakes

        return getattr(fakes, name)
    raise AttributeError(name)
