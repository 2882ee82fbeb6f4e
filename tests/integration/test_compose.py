"""docker-compose.yml: valid for docker-compose, and shaped for production (scalable, health-checked)."""
import os
import shutil
import subprocess
import tempfile
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


PROCESSES = (*SERVICES, "relay", "gateway")
SECRETS = ("KAM_SECRET_KEY", "KAM_ENCRYPTION_KEY", "KAM_POSTGRES_PASSWORD", "KAM_BROKER_ADMIN_PASSWORD",
           *(f"KAM_BROKER_PASSWORD_{name.upper()}" for name in PROCESSES))


def compose_config(**env):
    executable = shutil.which("docker-compose")
    if executable is None:
        pytest.skip("docker-compose is not on PATH (Debian: apt-get install docker-compose; scripts/ensure-infra does)")
    env = {**{key: value for key, value in os.environ.items() if key not in SECRETS}, **env}
    with tempfile.NamedTemporaryFile("w", suffix=".env") as no_env_file:  # a developer's .env stays out
        return subprocess.run([executable, "-f", str(COMPOSE_FILE), "--env-file", no_env_file.name, "config"],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def every_secret():
    return {name: f"{name.lower()}-value" for name in SECRETS}


def test_compose_file_is_valid():
    result = compose_config(**every_secret())
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("secret", SECRETS)
def test_no_secret_has_a_default(secret):
    result = compose_config(**{**every_secret(), secret: ""})
    assert result.returncode != 0 and secret in result.stderr


def test_the_jwt_secret_reaches_only_the_gateway_and_the_encryption_key_only_customers():
    services = yaml.safe_load(compose_config(**every_secret()).stdout)["services"]
    holding = {name: set(service.get("environment") or {}) for name, service in services.items()}
    assert [name for name, keys in holding.items() if "KAM_SECRET_KEY" in keys] == ["gateway"]
    assert [name for name, keys in holding.items() if "KAM_ENCRYPTION_KEY" in keys] == ["customers"]


def test_each_process_has_its_own_broker_user_and_the_management_plugin_is_off():
    services = yaml.safe_load(compose_config(**every_secret()).stdout)["services"]
    users = {name: services[name]["environment"]["KAM_AMQP_URI"].split("//", 1)[1].split(":", 1)[0]
             for name in PROCESSES}
    assert users == {name: name for name in PROCESSES}
    for name in PROCESSES:
        assert f"kam_broker_password_{name}-value@" in services[name]["environment"]["KAM_AMQP_URI"]
    assert "management" not in services["rabbitmq"]["image"]
    assert "guest" not in str(services["rabbitmq"])


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
