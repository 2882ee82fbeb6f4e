"""Tasks and notifications over HTTP against the running system. The visits service is still a
skeleton here, so the test publishes the `visit.completed` a recorded visit raises straight to the bus."""
from datetime import UTC, datetime, timedelta

from kam import testing
from kam.db import new_id
from kam.events import make_envelope
from kam.harness import producer_contract
from kam.relay import Publisher

DAY0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
TIMER = 30  # the system under test ticks its due-work timer every second (tests/system.py)


def publish(system, event_type, data, actor):
    """The event as its producer (visits) publishes it, held to the producer's contract."""
    producer, contract = producer_contract(event_type)
    publisher = Publisher(system.settings.amqp_uri)
    try:
        publisher.publish(make_envelope(contract, data, producer=producer, actor=actor))
    finally:
        publisher.reset()


def my_tasks(api, **query):
    return api.get("/api/tasks", params={"assignee": "me", **query}).json()["items"]


def record_visit(system, developer, visit_id):
    me = developer.get("/api/me").json()
    publish(system, "visit.completed", {
        "visit_id": visit_id, "customer_id": new_id(), "visitor_id": me["id"], "occurred_at": DAY0,
        "method": "in_person", "place": "国贸三期", "next_visit_at": None}, {"user_id": me["id"], "role": "developer"})

    def callback():
        return [t for t in my_tasks(developer, kind="callback") if t["subject"]["id"] == visit_id]

    [task] = testing.wait_until(callback, timeout=20, message="the callback task")
    return task


def test_visit_on_day_0_callback_due_day_7_manager_told_on_day_8(system, as_user, clock):
    developer, manager = as_user("dev1"), as_user("manager")
    clock.set(DAY0)
    visit_id = new_id()
    task = record_visit(system, developer, visit_id)
    assert datetime.fromisoformat(task["due_at"]) == DAY0 + timedelta(days=7)
    assert task["status"] == "open" and task["kind"] == "callback" and task["overdue"] is False

    clock.set(DAY0 + timedelta(days=7, minutes=1))
    [due] = [t for t in my_tasks(developer, kind="callback", status="open") if t["id"] == task["id"]]
    assert due["overdue"] is True

    clock.set(DAY0 + timedelta(days=8, minutes=1))

    def escalation():
        items = manager.get("/api/notifications", params={"unread": "true", "limit": 200}).json()["items"]
        return [n for n in items if n["kind"] == "escalation" and n["task_id"] == task["id"]]

    [told] = testing.wait_until(escalation, timeout=TIMER, interval=0.5, message="the manager told on day 8")
    assert manager.post(f"/api/notifications/{told['id']}/read").json()["read"] is True
    assert not escalation()
    counts = manager.get("/api/tasks/overdue-counts").json()["items"]
    assert any(row["assignee_id"] == task["assignee_id"] and row["escalated"] >= 1 for row in counts)


def test_completing_twice_is_409_and_only_the_manager_reassigns(system, as_user, clock):
    developer, other, manager = as_user("dev1"), as_user("dev2"), as_user("manager")
    clock.set(DAY0)
    task = record_visit(system, developer, new_id())
    assert task["actions"] == ["complete", "snooze"]
    assert manager.get(f"/api/tasks/{task['id']}").json()["actions"] == ["complete", "reassign"]

    assert other.post(f"/api/tasks/{task['id']}/complete", json={"outcome": "x"}).status_code == 404
    assert developer.post(f"/api/tasks/{task['id']}/reassign", json={"assignee_id": "x"}).status_code == 403
    too_far = (DAY0 + timedelta(days=22)).isoformat()
    snoozed = developer.post(f"/api/tasks/{task['id']}/snooze", json={"until": too_far})
    assert snoozed.status_code == 422 and "until" in snoozed.json()["errors"]
    assert developer.post(f"/api/tasks/{task['id']}/complete", json={"outcome": "x", "status": "done"}).status_code == 422

    done = developer.post(f"/api/tasks/{task['id']}/complete", json={"outcome": "电话回访，客户满意", "notes": "下月到店"})
    assert done.status_code == 200 and done.json()["status"] == "done" and done.json()["actions"] == []
    again = developer.post(f"/api/tasks/{task['id']}/complete", json={"outcome": "again"})
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"
    assert manager.post(f"/api/tasks/{task['id']}/reassign", json={"assignee_id": "x"}).status_code == 409


def test_a_submitted_visit_is_an_approval_task_for_every_manager(system, as_user):
    developer, manager = as_user("dev1"), as_user("manager")
    me = developer.get("/api/me").json()
    visit_id = new_id()
    publish(system, "visit.submitted", {"visit_id": visit_id, "customer_id": new_id(), "visitor_id": me["id"],
                                        "planned_at": DAY0, "budget": "800.00"},
            {"user_id": me["id"], "role": "developer"})

    def approval():
        return [t for t in my_tasks(manager, kind="approval", status="open") if t["subject"]["id"] == visit_id]

    [task] = testing.wait_until(approval, timeout=20, message="the approval task")
    assert task["assignee_id"] is None and task["assignee_role"] == "manager"
    assert task["subject"] == {"type": "visit", "id": visit_id}
    assert not [t for t in my_tasks(developer, kind="approval") if t["id"] == task["id"]]


def test_channel_preferences_round_trip_and_need_an_address(as_user):
    analyst = as_user("analyst")
    assert analyst.get("/api/notifications/preferences").json()["channels"] == ["in_app"]
    missing = analyst.request("PUT", "/api/notifications/preferences", json={"channels": ["email"]})
    assert missing.status_code == 422 and "email" in missing.json()["errors"]
    saved = analyst.request("PUT", "/api/notifications/preferences",
                            json={"channels": ["email", "wechat"], "email": "liuyang@example.com",
                                  "wechat": "liuyang_kam", "digest": False})
    assert saved.status_code == 200
    assert saved.json() == {"channels": ["in_app", "email", "wechat"], "email": "liuyang@example.com",
                            "phone": None, "wechat": "liuyang_kam", "digest": False}
    assert analyst.post(f"/api/notifications/{new_id()}/read").status_code == 404
