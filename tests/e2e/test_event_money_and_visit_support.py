"""Over HTTP: an event's expense claim (no report, no reimbursement; checked against its funding), the
planner raising a visit's level (提升拜访等级), and a development plan naming its event."""
from datetime import UTC, datetime, timedelta

STARTS = datetime.now(UTC).replace(microsecond=0) + timedelta(days=12)
EVENT = {"title": "俱乐部周年之夜", "kind": "club", "starts_at": STARTS.isoformat(),
         "ends_at": (STARTS + timedelta(hours=3)).isoformat(), "venue": "总部会所", "capacity": 40,
         "budget": "6000.00", "description": None}


def approved_event(planner, manager):
    event = planner.post("/api/events", json=EVENT).json()
    planner.post(f"/api/events/{event['id']}/submit")
    return manager.post(f"/api/events/{event['id']}/approve", json={"funded_amount": "5000.00"}).json()


def test_an_events_claim_waits_for_its_report_and_is_checked_against_its_funding(system, as_user, clock):
    planner, manager, developer = as_user("planner"), as_user("manager"), as_user("dev1")
    event = approved_event(planner, manager)
    body = {"subject": {"type": "event", "id": event["id"]},
            "items": [{"category": "pr", "amount": "3000.00", "note": "场地布置"},
                      {"category": "gift", "amount": "1500.00", "note": "伴手礼"}]}
    assert developer.post("/api/expense-claims", json=body).status_code == 403
    bad = planner.post("/api/expense-claims", json={**body, "items": [{"category": "party", "amount": "1.00"}]})
    assert bad.status_code == 422 and "items" in bad.json()["errors"]
    claim = planner.post("/api/expense-claims", json=body)
    assert claim.status_code == 201, claim.text
    claim = claim.json()
    assert (claim["customer_id"], claim["total"], claim["funded_amount"]) == (None, "4500.00", "5000.00")
    early = planner.post(f"/api/expense-claims/{claim['id']}/submit")
    assert (early.status_code, early.json()["code"]) == (409, "report_required")

    clock.set(STARTS + timedelta(hours=4))
    assert planner.post(f"/api/events/{event['id']}/report", json={"summary": "圆满结束"}).ok
    assert planner.post(f"/api/expense-claims/{claim['id']}/submit").json()["over_funded"] is False
    more = planner.post("/api/expense-claims", json={**body, "items": [{"category": "meal", "amount": "800.00"}]})
    more = planner.post(f"/api/expense-claims/{more.json()['id']}/submit").json()
    assert more["over_funded"] is True
    refused = manager.post(f"/api/expense-claims/{more['id']}/approve", json={})
    assert (refused.status_code, refused.json()["code"]) == (409, "over_funded_amount")
    assert manager.post(f"/api/expense-claims/{claim['id']}/approve", json={}).json()["status"] == "approved"
    paid = manager.post(f"/api/expense-claims/{claim['id']}/reimburse").json()
    assert (paid["status"], paid["subject"]) == ("reimbursed", {"type": "event", "id": event["id"]})
    mine = planner.get("/api/expense-claims", params={"subject_type": "event", "subject_id": event["id"]}).json()
    assert sorted(c["id"] for c in mine["items"]) == sorted([claim["id"], more["id"]])


def test_the_planner_raises_a_visits_level_and_the_visitor_sees_it(system, as_user):
    planner, manager, developer = as_user("planner"), as_user("manager"), as_user("dev1")
    event = approved_event(planner, manager)
    customer = developer.post("/api/customers", json={"name": "上官婉儿"}).json()
    visit = developer.post("/api/visits", json={"customer_id": customer["id"], "method": "in_person",
                                                "planned_at": (STARTS - timedelta(days=5)).isoformat()}).json()
    assert "support" in planner.get(f"/api/visits/{visit['id']}").json()["actions"]
    assert "support" not in developer.get(f"/api/visits/{visit['id']}").json()["actions"]
    url = f"/api/visits/{visit['id']}/support"
    assert developer.post(url, json={"kind": "headquarters_invitation"}).status_code == 403
    missing = planner.post(url, json={"kind": "senior_leader"})
    assert missing.status_code == 422 and list(missing.json()["errors"]) == ["leader_name"]
    assert planner.post(url, json={"kind": "event_invitation", "event_id": "nope"}).status_code == 404
    added = planner.post(url, json={"kind": "event_invitation", "event_id": event["id"], "note": "邀请参加周年之夜"})
    assert added.status_code == 201, added.text
    assert manager.post(url, json={"kind": "senior_leader", "leader_name": "周总"}).status_code == 201
    seen = developer.get(f"/api/visits/{visit['id']}").json()["support"]
    assert [(s["kind"], s["event_id"], s["leader_name"]) for s in seen] == [
        ("event_invitation", event["id"], None), ("senior_leader", None, "周总")]
    kinds = {k["code"]: k["label"]["zh-CN"] for k in developer.get("/api/vocabularies").json()["visit_support_kinds"]}
    assert kinds["senior_leader"] == "高层领导陪同拜访"


def test_a_development_plan_names_an_event_only_with_an_event_method(system, as_user):
    planner, manager, developer = as_user("planner"), as_user("manager"), as_user("dev1")
    event = approved_event(planner, manager)
    customer = developer.post("/api/customers", json={"name": "慕容雪"}).json()
    plan = {"customer_id": customer["id"], "plan": "邀请参加俱乐部之夜", "budget": "600.00", "event_id": event["id"]}
    refused = developer.post("/api/development-plans", json={**plan, "methods": ["visit"]})
    assert refused.status_code == 422 and list(refused.json()["errors"]) == ["event_id"]
    made = developer.post("/api/development-plans", json={**plan, "methods": ["club_event", "visit"]})
    assert made.status_code == 201 and made.json()["event_id"] == event["id"]
    assert developer.get(f"/api/development-plans/{made.json()['id']}").json()["event_id"] == event["id"]
