"""`kam dev` as a newcomer runs it (SQLite, the gateway hosting the services' use cases, kam.local), over
HTTP: a hosted read and write decide as the service decides and their events still reach the other
services through the outbox and RabbitMQ; a use case that needs a running service is served by it."""
from datetime import UTC, datetime, timedelta

import pytest
import requests

from kam import testing
from tests.system import PASSWORD, login, unique_phone


@pytest.fixture(scope="module")
def dev(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kam-dev")
    env = testing.kam_env({"KAM_AMQP_URI": testing.create_vhost(), "KAM_DATA_DIR": str(folder),
                           "KAM_DIRECT_PORT_BASE": str(testing.free_port_range(12)), "KAM_LOG_LEVEL": "DEBUG"})
    testing.run_kam("db", "upgrade", env=env)
    for username, role in (("dev1", "developer"), ("dev2", "developer"), ("manager", "manager")):
        testing.run_kam("user", "add", username, "--role", role, "--password", PASSWORD, env=env)
    port = testing.free_port()
    process = testing.Process.kam("dev", "--port", str(port), env=env, log_path=folder / "dev.log")
    base_url = f"http://127.0.0.1:{port}"
    try:
        testing.wait_until(lambda: _healthy(base_url), timeout=90, interval=0.5, message="kam dev to be up")
        yield {"url": base_url, "log": folder / "dev.log"}
    finally:
        process.stop()
        testing.delete_vhost(env["KAM_AMQP_URI"])


def _healthy(base_url):
    try:
        return requests.get(f"{base_url}/api/health", timeout=3).status_code == 200
    except requests.RequestException:
        return False


def served_by_the_services(dev, entrypoint):
    """Whether the services' process ran `entrypoint` (at DEBUG each worker logs what it served)."""
    return f'"entrypoint": "{entrypoint}"' in dev["log"].read_text()


def test_kam_dev_hosts_reads_and_writes_in_the_gateway_and_their_events_reach_the_other_services(dev):
    developer = login(dev["url"], "dev1")
    created = developer.post("/api/customers", json={"name": "上官婉宁", "phone": unique_phone()})
    assert created.status_code == 201, created.text

    read = developer.get(f"/api/customers/{created.json()['id']}")
    contact = developer.post(f"/api/customers/{created.json()['id']}/contacts",
                             json={"channel": "wechat", "topic": "结婚纪念日问候"})

    assert read.status_code == 200 and read.json()["name"] == "上官婉宁"
    assert contact.status_code == 201, contact.text
    testing.wait_until(lambda: any(item["kind"] == "contact.logged" for item in developer.get(
        f"/api/customers/{created.json()['id']}/timeline").json()["items"]), timeout=15,
        message="the timeline to show the hosted contact, from its contact.logged through RabbitMQ")
    assert not served_by_the_services(dev, "get_customer") and not served_by_the_services(dev, "log_contact")
    assert served_by_the_services(dev, "create_customer")  # writing a name stays with the service (pypinyin)


def test_a_hosted_call_refuses_as_the_service_does_in_chinese_first(dev):
    developer, other = login(dev["url"], "dev1"), login(dev["url"], "dev2")
    customer = developer.post("/api/customers", json={"name": "欧阳娜娜"}).json()

    hidden = other.get(f"/api/customers/{customer['id']}")
    invalid = developer.post("/api/customers", json={"name": ""})

    assert hidden.status_code == 404 and hidden.headers["Content-Type"].startswith("application/problem+json")
    assert invalid.status_code == 422 and "name" in invalid.json()["errors"]
    assert any("\u4e00" <= char <= "\u9fff" for char in invalid.json()["detail"])
    names = [row["name"] for row in developer.get("/api/customers").json()["items"]]
    assert "" not in names


def test_a_use_case_that_needs_another_service_is_served_by_the_running_service(dev):
    developer = login(dev["url"], "dev1")
    customer = developer.post("/api/customers", json={"name": "慕容雪"}).json()

    planned = developer.post("/api/visits", json={
        "customer_id": customer["id"], "place": "客户家中", "budget": "300.00",
        "planned_at": (datetime.now(UTC) + timedelta(days=2)).isoformat()})

    assert planned.status_code == 201, planned.text
    assert served_by_the_services(dev, "plan_visit")  # it asks customers and catalog, over RPC, from there
