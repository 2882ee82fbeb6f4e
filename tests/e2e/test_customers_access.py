"""The authorization matrix: role × own / other's customer × endpoint, over HTTP."""
import pytest

from tests.system import unique_phone

READERS = ("coordinator", "planner", "analyst")


@pytest.fixture
def file(as_user):
    """A customer of dev1's, another to link it to, an assessment worth developing and a draft plan."""
    owner = as_user("dev1")
    customer = owner.post("/api/customers", json={
        "name": "王丽", "phone": unique_phone(), "sensitive": {"family": "育有一子"},
        "consent": {"sensitive": True, "purpose": "推荐纪念日礼物"}}).json()
    friend = owner.post("/api/customers", json={"name": "李梅"}).json()
    owner.post(f"/api/customers/{customer['id']}/assessments", json={
        "expected_revenue": "200000.00", "expected_profit": "60000.00", "risk_factor": "0.3",
        "costs": {"staff": "3000.00", "travel": "1000.00", "pr": "2000.00", "management": "500.00"}})
    plan = owner.post("/api/development-plans", json={"customer_id": customer["id"], "methods": ["visit"],
                                                      "plan": "邀请参加克拉钻品鉴会", "budget": "3000.00"}).json()
    return {"customer": customer["id"], "friend": friend["id"], "plan": plan["id"]}


def expect(as_user, who, method, path, body=None):
    return as_user(who).request(method, path, json=body).status_code


# (method, path, body, {user: expected status}); dev1 owns the customer, dev2 is another developer.
MATRIX = [
    ("GET", "/api/customers/{customer}", None,
     {"dev1": 200, "dev2": 404, "manager": 200, **dict.fromkeys(READERS, 200)}),
    ("PATCH", "/api/customers/{customer}", {"profile": {"occupation": "财务总监"}},
     {"dev1": 200, "dev2": 404, "manager": 200, **dict.fromkeys(READERS, 403)}),
    ("GET", "/api/customers/{customer}/history", None,
     {"dev1": 200, "dev2": 404, "manager": 200, **dict.fromkeys(READERS, 200)}),
    ("GET", "/api/customers/{customer}/network?depth=2", None,
     {"dev1": 200, "dev2": 404, "manager": 200, **dict.fromkeys(READERS, 200)}),
    ("GET", "/api/customers/{customer}/timeline", None,
     {"dev1": 200, "dev2": 404, "manager": 200, **dict.fromkeys(READERS, 200)}),
    ("POST", "/api/customers/{customer}/contacts", {"channel": "wechat", "topic": "问候"},
     {"dev1": 201, "dev2": 404, "manager": 201, **dict.fromkeys(READERS, 403)}),
    ("GET", "/api/customers/{customer}/contact-templates?channel=sms", None,
     {"dev1": 200, "dev2": 404, "manager": 200, **dict.fromkeys(READERS, 403)}),
    ("POST", "/api/customers/{customer}/assessments", {"expected_revenue": "1000.00", "expected_profit": "100.00",
                                                       "costs": {"staff": "10.00"}, "risk_factor": "0.1"},
     {"dev1": 201, "dev2": 404, "manager": 201, **dict.fromkeys(READERS, 403)}),
    ("GET", "/api/customers/{customer}/access-log", None,
     {"dev1": 403, "dev2": 403, "manager": 200, **dict.fromkeys(READERS, 403)}),
    ("GET", "/api/customers/{customer}/export", None,
     {"dev1": 200, "dev2": 404, "manager": 200, **dict.fromkeys(READERS, 403)}),
    ("DELETE", "/api/customers/{customer}", None,
     {"dev1": 403, "dev2": 403, **dict.fromkeys(READERS, 403)}),
    ("POST", "/api/development-plans", {"customer_id": "{customer}", "methods": ["mailing"], "plan": "寄送资料",
                                        "budget": "500.00"},
     {"dev1": 201, "dev2": 404, "manager": 201, **dict.fromkeys(READERS, 403)}),
    ("GET", "/api/development-plans/{plan}", None,
     {"dev1": 200, "dev2": 404, "manager": 200, **dict.fromkeys(READERS, 200)}),
    ("POST", "/api/development-plans/{plan}/approve", None,
     {"dev1": 403, "dev2": 404, **dict.fromkeys(READERS, 403)}),
    ("POST", "/api/development-plans/{plan}/submit", None,
     {"dev2": 404, **dict.fromkeys(READERS, 403), "dev1": 200}),
    ("POST", "/api/development-plans/{plan}/approve", None, {"manager": 200}),
    ("GET", "/api/customers", None, {"dev1": 200, "dev2": 200, "manager": 200, **dict.fromkeys(READERS, 200)}),
]


def test_authorization_matrix_role_by_own_or_others_by_endpoint(as_user, file):
    failures = []
    for method, path, body, expected in MATRIX:
        path = path.format(**file)
        if body and body.get("customer_id"):
            body = {**body, "customer_id": file["customer"]}
        for who, status in expected.items():
            got = expect(as_user, who, method, path, body)
            if got != status:
                failures.append(f"{who} {method} {path}: {got}, expected {status}")
    assert failures == []


def test_sensitive_only_for_owner_and_managers_and_every_read_is_logged(as_user, file):
    path = f"/api/customers/{file['customer']}"
    assert as_user("dev1").get(path).json()["sensitive"] == {"family": "育有一子"}
    assert as_user("manager").get(path).json()["sensitive"] == {"family": "育有一子"}
    for reader in READERS:
        assert "sensitive" not in as_user(reader).get(path).json()
    log = as_user("manager").get(f"{path}/access-log").json()["items"]
    assert [entry["fields"] for entry in log] == [["family"], ["family"]]
    assert log[0]["purpose"] == "推荐纪念日礼物" and log[0]["at"] >= log[1]["at"]


def test_a_developer_lists_only_their_own_customers(as_user, file):
    mine = as_user("dev1").get("/api/customers?q=王丽").json()["items"]
    assert file["customer"] in [item["id"] for item in mine]
    assert file["customer"] not in [i["id"] for i in as_user("dev2").get("/api/customers?q=王丽").json()["items"]]
    assert file["customer"] in [i["id"] for i in as_user("analyst").get("/api/customers?q=wl").json()["items"]]


def test_names_for_a_page_of_ids_only_of_customers_the_caller_may_see(as_user):
    mine = as_user("dev1").post("/api/customers", json={"name": "夏侯兰"}).json()
    theirs = as_user("dev2").post("/api/customers", json={"name": "夏侯惇"}).json()
    ids = f"{mine['id']},{theirs['id']},no-such-id"

    seen_by_dev1 = as_user("dev1").get(f"/api/customers?ids={ids}").json()["items"]
    seen_by_manager = as_user("manager").get(f"/api/customers?ids={ids}").json()["items"]

    assert [c["name"] for c in seen_by_dev1] == ["夏侯兰"]
    assert sorted(c["name"] for c in seen_by_manager) == ["夏侯兰", "夏侯惇"]


def test_an_admin_may_not_list_development_plans(as_user, file):
    assert expect(as_user, "admin", "GET", "/api/development-plans", None) == 403
    assert file["plan"] in [plan["id"] for plan in as_user("manager").get("/api/development-plans").json()["items"]]


def test_the_owners_export_leaves_out_the_access_log_that_only_managers_read(as_user, file):
    path = f"/api/customers/{file['customer']}/export"
    owners = as_user("dev1").get(path).json()["services"]["customers"]["data"]
    managers = as_user("manager").get(path).json()["services"]["customers"]["data"]
    assert "access_log" not in owners and owners["customer"]["sensitive"] == {"family": "育有一子"}
    assert len(managers["access_log"]) == 2  # the owner's export, then the manager's


def test_a_manager_may_not_approve_their_own_development_plan(as_user):
    manager = as_user("manager")
    customer = manager.post("/api/customers", json={"name": "欧阳娜娜"}).json()
    manager.post(f"/api/customers/{customer['id']}/assessments", json={
        "expected_revenue": "200000.00", "expected_profit": "60000.00", "risk_factor": "0.3",
        "costs": {"staff": "3000.00"}})
    plan = manager.post("/api/development-plans", json={"customer_id": customer["id"], "methods": ["visit"],
                                                        "plan": "约茶叙", "budget": "3000.00"}).json()
    assert manager.post(f"/api/development-plans/{plan['id']}/submit").json()["actions"] == ["reject"]

    refused = manager.post(f"/api/development-plans/{plan['id']}/approve")

    assert refused.status_code == 409 and refused.json()["code"] == "own_submission"
