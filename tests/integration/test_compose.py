"""docker-compose.yml: valid for docker-compose, and shaped for production (scalable, health-checked)."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.services import SERVICES

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
SCALABLE = (*SERVICES, "relay")


@pytest.fixture(scope="module")
def compose():
    with COMPOSE_FILE.open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def test_compose_file_is_valid():
    executable = shutil.which("docker-compose")
    if executable is None:
        pytest.skip("docker-compose is not on PATH (Debian: apt-get install docker-compose; scripts/ensure-infra does)")
    env = {**os.environ, "KAM_SECRET_KEY": "test-secret-not-for-production",
           "KAM_ENCRYPTION_KEY": "test-fernet-key-not-for-production"}
    result = subprocess.run([executable, "-f", str(COMPOSE_FILE), "config", "-q"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_every_process_is_a_health_checked_service(compose):
    services = compose["services"]
    for name in (*SCALABLE, "gateway"):
        assert name in services, f"{name} missing"
        assert services[name].get("healthcheck", {}).get("test"), f"{name} has no healthcheck"
    for name in SERVICES:
        assert services[name]["command"] == ["serve", name]
        assert services[name]["healthcheck"]["test"] == ["CMD", "kam", "ping", name]


def test_scalable_services_have_no_fixed_name_or_port(compose):
    for name in SCALABLE:
        service = compose["services"][name]
        assert "container_name" not in service, f"{name} sets container_name: --scale would fail"
        assert "ports" not in service, f"{name} publishes a port: --scale would fail"


def test_gateway_publishes_8000(compose):
    ports = [str(port) for port in compose["services"]["gateway"].get("ports", [])]
    assert "8000:8000" in ports, ports
