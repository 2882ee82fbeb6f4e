"""Events over HTTP: the planner's event from draft to report, the developer's invitation, the door,
and attendance reaching the customer's stage and the owner's follow-up task."""
from datetime import UTC, datetime, timedelta

from kam import testing
from tests.system import unique_phone

STARTS = datetime.now(UTC).replace(microsecond=0) + timedelta(days=10)
EVENT = {"title": "春季高级珠宝品鉴会", "kind": "appraisal_salon", "starts_at": STARTS.isoformat(),
         "ends_at": (STARTS + timedelta(hours=3)).isoformat(), "venue": "总部三楼品鉴厅", "capacity": 1,
         "budget": "30000.00", "description": "1克拉以上钻石新品"}


def test_an_event_from_draft_to_report_over_http(system, as_user, clock):
    planner, manager, developer, stranger = as_user("planner"), as_user("manager"), as_user("dev1"), as_user("dev2")
    assert developer.post("/api/events", json=EVENT).status_code == 403
    bad = planner.post("/api/events", json={**EVENT, "kind": "party"})
    assert bad.status_code == 422 and "kind" in bad.text
    event = planner.post("/api/events", json=EVENT).json()
    assert (event["status"], event["actions"]) == ("draft", ["submit", "edit", "withdraw"])
    planner.post(f"/api/events/{event['id']}/submit")
    approved = manager.post(f"/api/events/{event['id']}/approve", json={"funded_amount": "25000.00"}).json()
    assert (approved["status"], approved["funded_amount"]) == ("approved", "25000.00")

    phone = unique_phone()
    mine = developer.post("/api/customers", json={"name": "欧阳婉清", "phone": phone}).json()
    other = stranger.post("/api/customers", json={"name": "司马相如"}).json()
    url = f"/api/events/{event['id']}/invitations"
    assert developer.post(url, json={"customer_ids": [other["id"]]}).status_code == 404
    assert developer.post(url, json={"customer_ids": [mine["id"]]}).json() == {"invited": 1, "skipped": []}
    assert developer.post(url, json={"customer_ids": [mine["id"]]}).json()["skipped"] == [
        {"customer_id": mine["id"], "reason": "already_invited"}]
    assert planner.post(url, json={"customer_ids": [other["id"]]}).status_code == 201
    guests = {g["customer_id"]: g for g in planner.get(url).json()["items"]}
    assert developer.post(f"/api/invitations/{guests[mine['id']]['id']}/rsvp", json={"response": "accepted"}).ok
    full = planner.post(f"/api/invitations/{guests[other['id']]['id']}/rsvp", json={"response": "accepted"})
    assert (full.status_code, full.json()["code"]) == (409, "capacity_reached")

    door = f"/api/invitations/{guests[mine['id']]['id']}/check-in"
    assert planner.post(door).json()["code"] == "not_open"
    clock.set(STARTS - timedelta(minutes=30))
    found = planner.get(url, params={"q": phone[-6:]}).json()["items"]
    assert [g["customer_name"] for g in found] == ["欧阳婉清"] and "check_in" in found[0]["actions"]
    assert planner.post(door).json()["status"] == "attended"
    testing.wait_until(lambda: developer.get(f"/api/customers/{mine['id']}").json()["stage"] == "contacted",
                       timeout=20, message="the stage to move on attendance")
    tasks = lambda: [t for t in developer.get("/api/tasks").json()["items"] if t["kind"] == "event_follow_up"]  # noqa: E731
    testing.wait_until(tasks, timeout=20, message="the owner's follow-up task")

    clock.set(STARTS + timedelta(hours=4))
    reported = planner.post(f"/api/events/{event['id']}/report", json={
        "summary": "反响热烈", "highlights": ["两位客户预约私人品鉴"], "attendance_notes": "准时到场"}).json()
    assert reported["status"] == "reported" and reported["counts"]["attended"] == 1
