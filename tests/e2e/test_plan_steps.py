"""Carrying out a development plan over HTTP (实施开发计划): steps on an approved plan only, done by the
customer's own work (a recorded visit by itself, a contact by hand), progress on the customer file and in
the manager's list, and an overdue step as its owner's task."""
from datetime import UTC, datetime, timedelta

from kam import testing
from tests.system import unique_phone

SHANGHAI = timedelta(hours=8)


def shanghai_today():
    return (datetime.now(UTC) + SHANGHAI).date()


def approved_plan(developer, manager, name):
    customer = developer.post("/api/customers", json={"name": name, "phone": unique_phone()}).json()
    assert developer.post(f"/api/customers/{customer['id']}/assessments", json={
        "expected_revenue": "120000.00", "expected_profit": "36000.00", "risk_factor": "0.3",
        "costs": {"staff": "2000.00", "travel": "600.00"}}).status_code == 201
    plan = developer.post("/api/development-plans", json={"customer_id": customer["id"], "methods": ["visit", "mailing"],
                                                          "plan": "寄送图册后上门拜访", "budget": "1800.00"}).json()
    refused = developer.post(f"/api/development-plans/{plan['id']}/steps",
                             json={"method": "visit", "due_on": shanghai_today().isoformat()})
    assert refused.status_code == 409 and refused.json()["code"] == "plan_not_approved"
    assert developer.post(f"/api/development-plans/{plan['id']}/submit").status_code == 200
    assert manager.post(f"/api/development-plans/{plan['id']}/approve").status_code == 200
    return customer, plan


def test_a_plan_is_carried_out_step_by_step(as_user):
    developer, manager, other = as_user("dev1"), as_user("manager"), as_user("dev2")
    customer, plan = approved_plan(developer, manager, "上官婉清")
    steps = f"/api/development-plans/{plan['id']}/steps"
    past = developer.post(steps, json={"method": "visit", "due_on": (shanghai_today() - timedelta(days=1)).isoformat()})
    assert past.status_code == 422 and list(past.json()["errors"]) == ["due_on"]
    assert past.json()["errors"]["due_on"][0].startswith("须为今天或以后的日期")
    assert other.post(steps, json={"method": "visit", "due_on": shanghai_today().isoformat()}).status_code == 404

    mailing = developer.post(steps, json={"method": "mailing", "due_on": shanghai_today().isoformat()})
    assert mailing.status_code == 201 and mailing.json()["actions"] == ["complete"]
    visit_step = manager.post(steps, json={"method": "visit",
                                           "due_on": (shanghai_today() + timedelta(days=7)).isoformat()}).json()

    contact = developer.post(f"/api/customers/{customer['id']}/contacts",
                             json={"channel": "wechat", "topic": "图册已寄出"}).json()
    step_path = f"{steps}/{mailing.json()['id']}"
    done = developer.patch(step_path, json={"done_by": {"kind": "contact", "id": contact["id"]}})
    assert done.status_code == 200 and done.json()["status"] == "done"
    again = developer.patch(step_path, json={"done_by": {"kind": "contact", "id": contact["id"]}})
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"

    visit = developer.post("/api/visits", json={
        "customer_id": customer["id"], "planned_at": (datetime.now(UTC) - timedelta(hours=3)).isoformat(),
        "place": "客户家中"}).json()
    assert developer.post(f"/api/visits/{visit['id']}/submit").status_code == 200
    assert manager.post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "300.00"}).status_code == 200
    assert developer.post(f"/api/visits/{visit['id']}/record", json={
        "occurred_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(), "talking_points": "介绍克拉钻"}).status_code == 200

    def progress():
        listed = developer.get(f"/api/development-plans?customer_id={customer['id']}").json()["items"]
        return listed[0]["progress"]

    testing.wait_until(lambda: progress()["done"] == 2, timeout=20, message="the visit doing its step")
    assert progress() == {"total": 2, "done": 2, "overdue": 0, "next_step": None}
    [shown] = [s for s in developer.get(steps).json()["items"] if s["id"] == visit_step["id"]]
    assert shown["done_by"] == {"kind": "visit", "id": visit["id"]} and shown["completed_by"] is None

    managers_list = manager.get("/api/development-plans?status=approved&limit=200").json()["items"]
    assert [p["progress"]["done"] for p in managers_list if p["id"] == plan["id"]] == [2]


def test_an_overdue_step_is_its_owners_task_until_it_is_done(as_user, clock):
    developer, manager = as_user("dev1"), as_user("manager")
    customer, plan = approved_plan(developer, manager, "诸葛明远")
    steps = f"/api/development-plans/{plan['id']}/steps"
    step = developer.post(steps, json={"method": "visit", "due_on": shanghai_today().isoformat()}).json()

    clock.set(datetime.now(UTC) + timedelta(days=2))

    def step_tasks():
        items = developer.get("/api/tasks?assignee=me&status=open&kind=plan_step_overdue&limit=200").json()["items"]
        return [task for task in items if task["subject"] == {"type": "development_plan", "id": plan["id"]}]

    [task] = testing.wait_until(step_tasks, timeout=20, message="the overdue step's task")
    assert task["customer_id"] == customer["id"]
    [shown] = developer.get(f"/api/development-plans?customer_id={customer['id']}").json()["items"]
    assert shown["progress"]["overdue"] == 1 and shown["progress"]["next_step"]["id"] == step["id"]

    contact = developer.post(f"/api/customers/{customer['id']}/contacts", json={"channel": "phone",
                                                                                "topic": "电话约见"}).json()
    assert developer.patch(f"{steps}/{step['id']}", json={"done_by": {"kind": "contact", "id": contact["id"]}}
                           ).status_code == 200
    testing.wait_until(lambda: not step_tasks(), timeout=20, message="the task done with its step")
