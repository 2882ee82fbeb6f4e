"""客户移交 over HTTP through the running system: the customer and its open work pass to the new owner in one
step, past records keep who did them, the old owner loses sight of it, and someone leaving hands over all."""
from datetime import UTC, datetime, timedelta

from kam import testing
from tests.system import PASSWORD, login, unique_phone

REASON = "客户搬到浦东，由同事就近跟进"


def iso(moment):
    return moment.isoformat()


def me(client):
    return client.get("/api/me").json()["id"]


def visit_body(customer_id, hours):
    return {"customer_id": customer_id, "planned_at": iso(datetime.now(UTC) + timedelta(hours=hours)),
            "place": "客户家中", "method": "in_person", "objectives": "介绍结婚周年克拉钻", "budget": "500.00"}


def approved_visit(developer, manager, customer_id, hours):
    visit = developer.post("/api/visits", json=visit_body(customer_id, hours)).json()
    assert developer.post(f"/api/visits/{visit['id']}/submit").status_code == 200
    approved = manager.post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "300.00"})
    assert approved.status_code == 200, approved.text
    return visit["id"]


def open_tasks(client, customer_id):
    tasks = client.get(f"/api/tasks?assignee=me&status=open&customer_id={customer_id}&limit=200").json()["items"]
    return {task["kind"]: task for task in tasks}


def test_transfer_moves_open_work_and_keeps_past_records(as_user):
    old, new, manager = as_user("dev1"), as_user("dev2"), as_user("manager")
    customer = old.post("/api/customers", json={"name": "司马婉清", "category": "high_value",
                                                "phone": unique_phone()}).json()
    plan = old.post("/api/development-plans", json={"customer_id": customer["id"], "methods": ["visit"],
                                                    "plan": "先茶叙，再邀到店品鉴", "budget": "900.00"}).json()
    made = approved_visit(old, manager, customer["id"], hours=-2)
    recorded = old.post(f"/api/visits/{made}/record", json={
        "occurred_at": iso(datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)), "method": "in_person",
        "talking_points": "介绍克拉钻", "customer_feedback": "喜欢圆钻", "next_steps": "准备设计稿"})
    assert recorded.status_code == 200, recorded.text
    to_come = approved_visit(old, manager, customer["id"], hours=48)
    callback = testing.wait_until(lambda: open_tasks(old, customer["id"]).get("callback"), timeout=20,
                                  message="the callback task of the visit made")

    moved = manager.post(f"/api/customers/{customer['id']}/transfer", json={"to_owner_id": me(new), "reason": REASON})
    assert moved.status_code == 200, moved.text
    assert moved.json()["owner_id"] == me(new)

    assert old.get(f"/api/customers/{customer['id']}").status_code == 404
    assert old.get("/api/customers", params={"q": "司马婉清"}).json()["items"] == []
    assert new.get(f"/api/customers/{customer['id']}").status_code == 200
    testing.wait_until(lambda: new.get(f"/api/visits/{to_come}").json().get("visitor_id") == me(new), timeout=20,
                       message="the visit to come to move with customer.transferred")  # visits learns it by event
    assert old.get(f"/api/visits/{to_come}").status_code == 404
    assert new.get(f"/api/visits/{made}").json()["visitor_id"] == me(old)  # a past record keeps its visitor
    assert [p["developer_id"] for p in new.get(f"/api/development-plans?customer_id={customer['id']}").json()[
        "items"]] == [me(new)]
    assert plan["developer_id"] == me(old)
    task = testing.wait_until(lambda: open_tasks(new, customer["id"]).get("callback"), timeout=20,
                              message="the open callback task with the new owner")
    assert task["id"] == callback["id"]
    timeline = new.get(f"/api/customers/{customer['id']}/timeline").json()["items"]
    transfer = next(item for item in timeline if item["kind"] == "customer.transferred")
    assert "测试dev1" in transfer["summary"] and "测试dev2" in transfer["summary"] and REASON in transfer["summary"]


def test_only_managers_transfer_customers_and_only_to_another_active_developer(as_user):
    owner, manager = as_user("dev1"), as_user("manager")
    customer = owner.post("/api/customers", json={"name": "上官雨桐", "phone": unique_phone()}).json()
    path = f"/api/customers/{customer['id']}/transfer"

    assert owner.post(path, json={"to_owner_id": me(as_user("dev2")), "reason": REASON}).status_code == 403
    planner = manager.post(path, json={"to_owner_id": me(as_user("planner")), "reason": REASON})
    assert planner.status_code == 422 and list(planner.json()["errors"]) == ["to_owner_id"]
    assert planner.json()["errors"]["to_owner_id"][0].startswith("须为开发人员")
    same = manager.post(path, json={"to_owner_id": me(owner), "reason": REASON})
    assert same.status_code == 409 and same.json()["code"] == "already_owner"
    assert manager.post("/api/customers/no-such-customer/transfer",
                        json={"to_owner_id": me(owner), "reason": REASON}).status_code == 404
    assert owner.get(f"/api/customers/{customer['id']}").json()["owner_id"] == me(owner)


def test_someone_leaving_hands_over_all_their_customers(as_user):
    admin, manager, successor = as_user("admin"), as_user("manager"), as_user("dev2")
    username = testing.unique_name("leaver")
    leaver_id = admin.post("/api/users", json={"username": username, "password": PASSWORD, "role": "developer",
                                               "display_name": "离职的开发"}).json()["id"]
    leaver = login(admin.base_url, username)
    names = [f"慕容{n}{username[-4:]}" for n in ("晓", "雪")]
    ids = sorted(leaver.post("/api/customers", json={"name": name, "phone": unique_phone()}).json()["id"]
                 for name in names)
    assert admin.patch(f"/api/users/{leaver_id}", json={"disabled": True}).status_code == 200
    listed = {user["id"]: user for user in manager.get("/api/users").json()["items"]}
    assert listed[leaver_id]["disabled"] is True and listed[me(successor)]["disabled"] is False

    to_the_leaver = manager.post("/api/customers/transfers", json={
        "from_owner_id": me(successor), "to_owner_id": leaver_id, "reason": "离职"})
    assert to_the_leaver.status_code == 422 and list(to_the_leaver.json()["errors"]) == ["to_owner_id"]
    answer = manager.post("/api/customers/transfers", json={
        "from_owner_id": leaver_id, "to_owner_id": me(successor), "reason": "离职交接"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["transferred"] == 2 and sorted(answer.json()["customer_ids"]) == ids
    assert all(successor.get(f"/api/customers/{i}").json()["owner_id"] == me(successor) for i in ids)
    assert manager.get(f"/api/customers?owner_id={leaver_id}").json()["items"] == []
