"""The platform over HTTP: health, identity, errors, OpenAPI, and the first slice through every part."""
import subprocess
import sys
import time

import jwt
import requests
from sqlalchemy import select

from kam import testing
from kam.service import open_store
from tests.services import SERVICES
from tests.system import PASSWORD, login

ALL_SERVICES = set(SERVICES)


def test_health_lists_every_service_as_ok(anonymous):
    response = anonymous.get("/api/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["services"]) == ALL_SERVICES
    assert set(body["services"].values()) == {"ok"}


def test_created_customer_reaches_analytics_through_the_outbox(as_user):
    developer, manager = as_user("dev1"), as_user("manager")
    before = manager.get("/api/analytics/overview").json()["customers"]

    created = developer.post("/api/customers", json={"name": "欧阳娜娜"})

    assert created.status_code == 201, created.text
    assert created.json()["stage"] == "prospect"
    testing.wait_until(lambda: manager.get("/api/analytics/overview").json()["customers"] == before + 1,
                       timeout=15, message="analytics to count the customer")


def test_request_id_travels_with_the_rpc_into_the_event(system, as_user):
    from services.analytics.models import event_log, metadata

    response = as_user("dev1").post("/api/customers", json={"name": "司马光"},
                                    headers={"X-Request-ID": "req-e2e-0001"})
    assert response.headers["X-Request-ID"] == "req-e2e-0001"
    store = open_store("analytics", metadata, system.settings)

    def logged():
        with store.session() as session:
            envelopes = session.scalars(select(event_log.c.envelope).where(event_log.c.type == "customer.created"))
            return [e for e in envelopes if e["data"]["customer_id"] == response.json()["id"]]

    [envelope] = testing.wait_until(logged, timeout=15, message="the event in the analytics log")
    store.close()
    assert envelope["request_id"] == "req-e2e-0001"
    assert envelope["actor"]["role"] == "developer"


def test_a_developer_cannot_see_another_developers_customer(as_user):
    created = as_user("dev1").post("/api/customers", json={"name": "上官婉儿"}).json()

    assert as_user("dev2").get(f"/api/customers/{created['id']}").status_code == 404
    assert as_user("manager").get(f"/api/customers/{created['id']}").status_code == 200
    assert as_user("dev1").get(f"/api/customers/{created['id']}").json()["name"] == "上官婉儿"


def test_me_returns_the_caller(as_user):
    me = as_user("dev1").get("/api/me").json()
    assert me["username"] == "dev1" and me["role"] == "developer" and me["display_name"] == "测试dev1"
    assert set(me) >= {"id", "username", "role", "display_name"} and "customers" in me["areas"]


def test_no_token_or_a_bad_token_is_401(anonymous, system):
    assert anonymous.get("/api/me").status_code == 401
    forged = jwt.encode({"sub": "x", "role": "manager", "aud": "kam", "exp": time.time() + 60,
                         "iat": time.time(), "iss": "kam-gateway"}, "not-the-secret-but-32-bytes-long!", algorithm="HS256")
    unsigned = jwt.encode({"sub": "x", "role": "manager", "aud": "kam", "exp": time.time() + 60,
                           "iat": time.time(), "iss": "kam-gateway"}, None, algorithm="none")
    wrong_audience = jwt.encode({"sub": "x", "role": "manager", "aud": "other", "exp": time.time() + 60,
                                 "iat": time.time(), "iss": "kam-gateway"}, system.settings.secret_key,
                                algorithm="HS256")
    expired = jwt.encode({"sub": "x", "role": "manager", "aud": "kam", "exp": time.time() - 5,
                          "iat": time.time() - 100, "iss": "kam-gateway"}, system.settings.secret_key,
                         algorithm="HS256")
    for token in (forged, unsigned, wrong_audience, expired):
        response = anonymous.get("/api/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        assert response.headers["Content-Type"] == "application/problem+json"


def test_failed_logins_slow_the_next_try_down_instead_of_locking_the_account(system, as_user):
    as_user("admin").post("/api/users", json={"username": "victim", "password": PASSWORD, "role": "analyst"})
    url = f"{system.base_url}/api/auth/token"

    def attempt(password, address="192.0.2.10"):
        return requests.post(url, json={"username": "victim", "password": password}, timeout=10,
                             headers={"X-Forwarded-For": address})

    assert [attempt("wrong-guess").status_code for _ in range(3)] == [401] * 3
    waiting = attempt(PASSWORD, address="192.0.2.11")  # per user, whatever the address
    assert waiting.status_code == 429 and waiting.json()["code"] == "too_many_attempts"
    assert waiting.headers["Retry-After"] == "1"
    time.sleep(1.1)
    assert attempt("wrong-guess").status_code == 401
    assert attempt(PASSWORD).headers["Retry-After"] == "2"
    time.sleep(2.1)
    assert attempt(PASSWORD).status_code == 200  # the owner is in after seconds, not 15 minutes


def test_one_address_guessing_many_usernames_is_slowed_down_but_not_its_neighbours(system):
    url = f"{system.base_url}/api/auth/token"

    def attempt(username, address):
        return requests.post(url, json={"username": username, "password": "wrong-guess"}, timeout=10,
                             headers={"X-Forwarded-For": address}).status_code

    assert [attempt(f"spray{n}", "198.51.100.66") for n in range(10)] == [401] * 10
    assert attempt("spray-next", "198.51.100.66") == 429
    assert attempt("spray-next", "198.51.100.67") == 401


def test_only_admin_adds_users(as_user, system):
    payload = {"username": "newdev", "password": "long-enough-1", "role": "developer", "display_name": "新人"}
    assert as_user("manager").post("/api/users", json=payload).status_code == 403
    created = as_user("admin").post("/api/users", json=payload)
    assert created.status_code == 201 and "password" not in created.json()
    assert as_user("admin").post("/api/users", json=payload).status_code == 409
    assert login(system.base_url, "newdev", "long-enough-1").get("/api/me").json()["display_name"] == "新人"


def test_bad_input_is_problem_json_field_by_field_and_changes_nothing(as_user):
    developer = as_user("dev1")
    invalid = developer.post("/api/customers", json={"name": "", "kind": "alien", "stage": "won", "id": "x"})
    assert invalid.status_code == 422
    assert invalid.headers["Content-Type"] == "application/problem+json"
    body = invalid.json()
    assert body["code"] == "validation_failed"
    assert set(body["errors"]) == {"name", "kind", "stage", "id"}

    no_body = developer.post("/api/customers")
    assert no_body.status_code == 400 and no_body.json()["status"] == 400
    garbage = developer.request("POST", "/api/customers", data="{not json",
                                headers={"Content-Type": "application/json"})
    assert garbage.status_code == 400


def test_openapi_document_and_docs_are_served(anonymous):
    spec = anonymous.get("/api/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/customers", "/api/auth/token", "/api/health", "/api/me", "/api/users"} <= set(spec["paths"])
    assert {"customers.CustomerIn", "customers.RejectIn", "reception.RejectIn"} <= set(spec["components"]["schemas"])
    docs = anonymous.get("/api/docs")
    assert docs.status_code == 200 and "/api/docs/assets/swagger-ui-bundle.js" in docs.text
    assert anonymous.get("/api/docs/assets/swagger-ui-bundle.js").status_code == 200


def test_a_service_that_does_not_answer_is_503_within_the_timeout(system):
    """A gateway on a bus where no service runs: a service nobody declared is 503 at once; one whose
    queue exists but nobody consumes is 503 once the RPC timeout (1 s here) has passed, never a hang."""
    empty_bus = testing.create_vhost()
    port = testing.free_port()
    gateway = system.start("lonely-gateway", "gateway", "--port", str(port), "--workers", "1",
                           env={"KAM_AMQP_URI": empty_bus, "KAM_RPC_TIMEOUT": "1", "KAM_HEALTH_TIMEOUT": "1",
                                "KAM_DIRECT_PORT_BASE": "off"})
    base = f"http://127.0.0.1:{port}"
    try:
        testing.wait_until(lambda: _answers(base), timeout=30, message="the lonely gateway to start")
        developer = login(base, "dev1")
        unknown, unknown_seconds = _timed(lambda: developer.post("/api/customers", json={"name": "无人应答"}))
        _declare_rpc_queue_nobody_consumes(empty_bus, "customers")
        silent, silent_seconds = _timed(lambda: developer.post("/api/customers", json={"name": "无人应答"}))

        for response in (unknown, silent):
            assert response.status_code == 503 and response.json()["code"] == "service_unavailable"
        assert unknown_seconds < 1
        assert 1 <= silent_seconds < 4

        health = requests.get(f"{base}/api/health", timeout=10)
        assert health.status_code == 503
        assert set(health.json()["services"].values()) == {"unavailable"}
    finally:
        gateway.stop()
        testing.delete_vhost(empty_bus)


def test_a_service_that_is_not_listening_for_direct_calls_is_503_at_once(system):
    """The gateway calling services directly, where none listens: connection refused, 503 at once."""
    port = testing.free_port()
    gateway = system.start("deaf-gateway", "gateway", "--port", str(port), "--workers", "1",
                           env={"KAM_DIRECT_PORT_BASE": str(testing.free_port_range(12)), "KAM_RPC_TIMEOUT": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        testing.wait_until(lambda: _answers(base), timeout=30, message="the deaf gateway to start")
        response, seconds = _timed(lambda: login(base, "dev1").post("/api/customers", json={"name": "无人应答"}))
        assert response.status_code == 503 and response.json()["code"] == "service_unavailable"
        assert seconds < 1
    finally:
        gateway.stop()


def test_a_direct_call_without_the_shared_secret_is_refused(system):
    """A process on the host that lacks KAM_DIRECT_SECRET cannot act as a manager on a direct port."""
    from kam.direct import HEADERS, SECRET_HEADER
    from kam.plugins import discover

    port = system.settings.direct_port_base + sorted(discover()).index("customers")
    url = f"http://127.0.0.1:{port}/kam/list_customers"
    forged = {HEADERS["user_id"]: "1", HEADERS["role"]: "manager"}
    for headers in (forged, {**forged, SECRET_HEADER: "guessed"}):
        refused = requests.post(url, json={"args": [], "kwargs": {}}, headers=headers, timeout=10)
        assert refused.status_code == 401 and "result" not in refused.json()
    answered = requests.post(url, json={"args": [], "kwargs": {}}, timeout=10,
                             headers={**forged, SECRET_HEADER: system.settings.direct_secret})
    assert answered.status_code == 200 and "result" in answered.json()


def _timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def _declare_rpc_queue_nobody_consumes(amqp_uri, service):
    from kombu import Connection, Exchange, Queue

    with Connection(amqp_uri) as connection:
        rpc = Exchange("nameko-rpc", type="topic", durable=True)
        Queue(f"rpc-{service}", rpc, routing_key=f"{service}.*", durable=True)(connection.default_channel).declare()


def _answers(base):
    try:
        return requests.get(f"{base}/api/openapi.json", timeout=2).status_code == 200
    except requests.RequestException:  # not up yet, or its first OpenAPI document still being built
        return False


def test_kam_dev_says_in_one_line_when_rabbitmq_cannot_be_reached(system):
    env = {**system.env, "KAM_AMQP_URI": "amqp://guest:guest@127.0.0.1:1/"}
    result = subprocess.run([sys.executable, "-m", "kam", "dev"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "RabbitMQ is not reachable" in lines[0] and "rabbitmq-server" in lines[0]


def test_metrics_show_parked_events_per_service_and_requests(as_user, anonymous):
    assert anonymous.get("/api/metrics").status_code == 401
    assert as_user("dev1").get("/api/metrics").status_code == 403
    text = as_user("manager").get("/api/metrics").text
    for service in ALL_SERVICES:
        assert f'kam_failed_events{{service="{service}"}} 0' in text
        assert f'kam_service_up{{service="{service}"}} 1' in text
    assert "kam_http_requests_total{" in text


def test_the_console_is_served_at_the_root_in_chinese(anonymous):
    page = anonymous.get("/")
    assert page.status_code == 200 and '<html lang="zh-CN">' in page.text
    assert anonymous.get("/console/js/main.js").status_code == 200


def test_a_too_long_address_is_a_problem_not_the_servers_html(as_user):
    """gunicorn's own limit answered 414 in HTML, which the OpenAPI document does not allow (schemathesis)."""
    response = as_user("manager").get("/api/customers?q=" + "王" * 3000)
    assert response.status_code == 414
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert "请求地址过长" in response.json()["detail"]
