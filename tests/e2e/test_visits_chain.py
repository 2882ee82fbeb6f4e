"""Visits and expenses over HTTP against the running system: the seed's chain, and the rules on the way."""
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from kam import testing
from kam.service import open_store

SHANGHAI = ZoneInfo("Asia/Shanghai")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(200))


def iso(moment):
    return moment.isoformat()


@pytest.fixture(scope="module", autouse=True)
def pearl_brooch_for_high_value_customers(as_user):
    """The analyst's gift rule in the catalog, which visit plans are suggested from."""
    analyst = as_user("analyst")
    gift = analyst.post("/api/products", json={"sku": "G-PEARL-BROOCH", "name": "淡水珍珠胸针礼盒", "kind": "gift",
                                               "tracking": "stock", "list_price": "380.00", "quantity": 50})
    assert gift.status_code in (201, 409), gift.text
    if gift.status_code == 201:
        assert analyst.put("/api/gift-rules/high_value", json={"product_id": gift.json()["id"]}).status_code == 200


@pytest.fixture
def customer(as_user):
    created = as_user("dev1").post("/api/customers", json={"name": "欧阳思琪", "category": "high_value"})
    assert created.status_code == 201, created.text
    return created.json()


def plan_body(customer, **overrides):
    return {"customer_id": customer["id"], "planned_at": iso(datetime.now(UTC) - timedelta(hours=3)),
            "place": "客户家中", "method": "in_person", "objectives": "介绍结婚周年克拉钻",
            "preparation": {"products": ["1克拉结婚周年钻戒"],
                            "offers": [{"product": "1克拉结婚周年钻戒", "discount": "0.08"}],
                            "transport": {"company_car": True}},
            "companions": ["王芳"], "budget": "800.00", **overrides}


def test_the_seeds_chain_from_plan_to_reimbursement(system, as_user, customer):
    developer, manager = as_user("dev1"), as_user("manager")
    planned = developer.post("/api/visits", json=plan_body(customer))
    assert planned.status_code == 201, planned.text
    visit = planned.json()
    assert visit["status"] == "draft" and visit["preparation"]["gift"] == "淡水珍珠胸针礼盒"

    assert developer.post(f"/api/visits/{visit['id']}/submit").json()["status"] == "pending_approval"
    approved = manager.post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "600.00"})
    assert approved.status_code == 200 and approved.json()["funded_amount"] == "600.00"

    occurred_at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    recorded = developer.post(f"/api/visits/{visit['id']}/record", json={
        "occurred_at": iso(occurred_at), "place": "客户家中", "method": "in_person",
        "talking_points": "介绍克拉钻与私人定制", "customer_feedback": "喜欢圆钻，预算八万",
        "next_steps": "准备三款设计稿", "next_visit_at": iso(occurred_at + timedelta(days=14))})
    assert recorded.status_code == 200, recorded.text
    callback = recorded.json()["callback"]
    assert callback["status"] == "pending"
    assert datetime.fromisoformat(callback["due_at"]) == occurred_at + timedelta(days=7)
    _assert_visit_completed_reached_analytics(system, visit["id"], occurred_at)
    task = _callback_task_for(developer, visit["id"])
    assert datetime.fromisoformat(task["due_at"]) == occurred_at + timedelta(days=7)
    assert task["customer_id"] == customer["id"] and task["status"] == "open"

    claim_body = {"subject": {"type": "visit", "id": visit["id"]},
                  "items": [{"category": "travel", "amount": "120.00", "note": "公司车油费"},
                            {"category": "gift", "amount": "380.00", "note": "珍珠胸针礼盒"}]}
    claim = developer.post("/api/expense-claims", json=claim_body).json()
    assert claim["status"] == "draft" and claim["total"] == "500.00"
    refused = developer.post(f"/api/expense-claims/{claim['id']}/submit")
    assert refused.status_code == 409 and refused.json()["code"] == "summary_required"

    summarized = developer.post(f"/api/visits/{visit['id']}/summary", json={"text": "客户意向明确，下一步邀请到店品鉴"})
    assert summarized.json()["status"] == "summarized"
    assert developer.post(f"/api/expense-claims/{claim['id']}/submit").json()["status"] == "submitted"
    unreviewed = manager.post(f"/api/expense-claims/{claim['id']}/approve")
    assert unreviewed.status_code == 409 and unreviewed.json()["code"] == "review_required"
    returned = manager.post(f"/api/visits/{visit['id']}/review", json={"decision": "returned", "comment": "请补充报价反馈"})
    assert returned.status_code == 200 and returned.json()["review"]["status"] == "returned"
    assert developer.get(f"/api/visits/{visit['id']}").json()["actions"] == ["revise"]
    revised = developer.post(f"/api/visits/{visit['id']}/revise", json={"customer_feedback": "客户接受九二折"})
    assert revised.status_code == 200 and [v["review"] and v["review"]["status"] for v in revised.json()["versions"]] \
        == ["returned", None]
    assert manager.post(f"/api/visits/{visit['id']}/review", json={"decision": "accepted"}).status_code == 200
    assert manager.post(f"/api/expense-claims/{claim['id']}/approve").json()["status"] == "approved"
    reimbursed = manager.post(f"/api/expense-claims/{claim['id']}/reimburse")
    assert reimbursed.status_code == 200 and reimbursed.json()["status"] == "reimbursed"
    again = manager.post(f"/api/expense-claims/{claim['id']}/reimburse")
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"
    assert developer.get(f"/api/expense-claims/{claim['id']}").json()["reimbursed_at"] == reimbursed.json()[
        "reimbursed_at"]

    done = developer.post(f"/api/tasks/{task['id']}/complete", json={"outcome": "客户满意", "notes": "约下周到店"})
    assert done.status_code == 200 and done.json()["status"] == "done"
    shown = testing.wait_until(lambda: developer.get(f"/api/visits/{visit['id']}").json()["callback"]["status"] == "done"
                               and developer.get(f"/api/visits/{visit['id']}").json()["callback"], timeout=20,
                               message="the visit to show its callback done")
    assert shown["on_time"] is True and shown["done_at"]


def _callback_task_for(developer, visit_id):
    """The visitor's callback task, made by notifications from `visit.completed`."""
    def found():
        tasks = developer.get("/api/tasks?assignee=me&status=open&kind=callback&limit=200").json()["items"]
        return next((task for task in tasks if task["subject"] == {"type": "visit", "id": visit_id}), None)

    return testing.wait_until(found, timeout=20, message="the callback task for the visitor")


def _assert_visit_completed_reached_analytics(system, visit_id, occurred_at):
    from services.analytics.models import event_log, metadata

    store = open_store("analytics", metadata, system.settings)

    def logged():
        with store.session() as session:
            envelopes = session.scalars(select(event_log.c.envelope).where(event_log.c.type == "visit.completed"))
            return [e for e in envelopes if e["data"]["visit_id"] == visit_id]

    try:
        [event] = testing.wait_until(logged, timeout=20, message="visit.completed on the bus")
    finally:
        store.close()
    assert event["data"]["visitor_id"] and datetime.fromisoformat(event["data"]["occurred_at"]) == occurred_at


def test_visits_are_kept_to_their_visitor_and_their_rules(as_user, customer):
    developer, other, manager = as_user("dev1"), as_user("dev2"), as_user("manager")
    assert other.post("/api/visits", json=plan_body(customer)).status_code == 404
    invalid = developer.post("/api/visits", json={**plan_body(customer), "status": "approved", "visitor_id": "x"})
    assert invalid.status_code == 422 and set(invalid.json()["errors"]) == {"status", "visitor_id"}

    greedy = developer.post("/api/visits", json=plan_body(customer, preparation={
        "offers": [{"product": "钻戒", "discount": "0.30"}]})).json()
    refused = developer.post(f"/api/visits/{greedy['id']}/submit")
    assert refused.status_code == 409 and refused.json()["code"] == "discount_exceeds_authority"
    assert other.get(f"/api/visits/{greedy['id']}").status_code == 404
    assert manager.post(f"/api/visits/{greedy['id']}/record", json={
        "occurred_at": iso(datetime.now(UTC))}).status_code == 403
    early = developer.post(f"/api/visits/{greedy['id']}/record", json={"occurred_at": iso(datetime.now(UTC))})
    assert early.status_code == 409 and early.json()["code"] == "invalid_transition"

    advice = developer.post(f"/api/visits/{greedy['id']}/advice", json={"advisor": "王芳", "text": "先聊纪念日"})
    assert advice.status_code == 201
    assert [a["advisor"] for a in manager.get(f"/api/visits/{greedy['id']}/advice").json()["items"]] == ["王芳"]
    listed = developer.get(f"/api/visits?customer_id={customer['id']}&status=draft&limit=1")
    assert listed.status_code == 200 and len(listed.json()["items"]) == 1 and "next_cursor" in listed.json()


def test_receipts_and_the_coordinators_list(as_user, customer):
    developer, manager, coordinator = as_user("dev1"), as_user("manager"), as_user("coordinator")
    soon = developer.post("/api/visits", json=plan_body(
        customer, planned_at=iso(datetime.now(UTC) + timedelta(days=2)))).json()
    developer.post(f"/api/visits/{soon['id']}/submit")
    manager.post(f"/api/visits/{soon['id']}/approve", json={"funded_amount": "300.00"})

    view = coordinator.get("/api/logistics?days=7")
    assert view.status_code == 200
    [line] = [item for item in view.json()["items"] if item["id"] == soon["id"]]
    assert line["company_car"] is True and line["party_size"] == 2 and line["people"] == ["测试dev1", "王芳"]
    assert developer.get("/api/logistics").status_code == 403

    past = developer.post("/api/visits", json=plan_body(customer)).json()
    developer.post(f"/api/visits/{past['id']}/submit")
    manager.post(f"/api/visits/{past['id']}/approve", json={"funded_amount": "100.00"})
    developer.post(f"/api/visits/{past['id']}/record", json={"occurred_at": iso(datetime.now(UTC))})
    claim = developer.post("/api/expense-claims", json={"subject": {"type": "visit", "id": past["id"]},
                                                        "items": [{"category": "meal", "amount": "150.00"}]}).json()
    upload = developer.post(f"/api/expense-claims/{claim['id']}/receipts",
                            files={"file": ("发票.png", PNG, "image/png")})
    assert upload.status_code == 201, upload.text
    fake = developer.post(f"/api/expense-claims/{claim['id']}/receipts",
                          files={"file": ("invoice.pdf", b"MZ not a pdf", "application/pdf")})
    assert fake.status_code == 422 and "file" in fake.json()["errors"]
    served = manager.get(f"/api/expense-claims/{claim['id']}/receipts/{upload.json()['id']}")
    assert served.status_code == 200 and served.content == PNG and served.headers["Content-Type"] == "image/png"
    assert as_user("dev2").get(f"/api/expense-claims/{claim['id']}/receipts/{upload.json()['id']}").status_code == 404

    developer.post(f"/api/visits/{past['id']}/summary", json={"text": "总结"})
    manager.post(f"/api/visits/{past['id']}/review", json={"decision": "accepted"})
    developer.post(f"/api/expense-claims/{claim['id']}/submit")
    over = manager.post(f"/api/expense-claims/{claim['id']}/approve")
    assert over.status_code == 409 and over.json()["code"] == "over_funded_amount"
    approved = manager.post(f"/api/expense-claims/{claim['id']}/approve", json={"override_reason": "客户招待超支，同意"})
    assert approved.status_code == 200 and approved.json()["override_reason"] == "客户招待超支，同意"


def _next_visit_task(developer, visit_id, status, due_at=None):
    def found():
        items = developer.get(f"/api/tasks?assignee=me&status={status}&kind=next_visit&limit=200").json()["items"]
        task = next((task for task in items if task["subject"] == {"type": "visit", "id": visit_id}), None)
        if task and (due_at is None or datetime.fromisoformat(task["due_at"]) == due_at):
            return task
        return None

    return testing.wait_until(found, timeout=20, message=f"the {status} next_visit task of the visit")


def test_the_agreed_next_visit_is_a_task_that_moves_with_the_revision_and_is_done_by_the_next_visit(as_user,
                                                                                                    customer):
    developer, manager = as_user("dev1"), as_user("manager")

    def recorded_visit(occurred_at, next_visit_at):
        visit = developer.post("/api/visits", json=plan_body(customer)).json()
        developer.post(f"/api/visits/{visit['id']}/submit")
        manager.post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "800.00"})
        body = {"occurred_at": iso(occurred_at), "talking_points": "克拉钻",
                "next_visit_at": next_visit_at and iso(next_visit_at)}
        assert developer.post(f"/api/visits/{visit['id']}/record", json=body).status_code == 200
        return visit

    now = datetime.now(UTC).replace(microsecond=0)
    agreed = now + timedelta(days=14)
    first = recorded_visit(now - timedelta(hours=2), agreed)
    task = _next_visit_task(developer, first["id"], "open", agreed)
    assert task["customer_id"] == customer["id"] and task["assignee_id"] == developer.get("/api/me").json()["id"]

    manager.post(f"/api/visits/{first['id']}/review", json={"decision": "returned", "comment": "下次拜访时间请与客户确认"})
    moved = agreed + timedelta(days=7)
    assert developer.post(f"/api/visits/{first['id']}/revise", json={"next_visit_at": iso(moved)}).status_code == 200
    _next_visit_task(developer, first["id"], "open", moved)

    recorded_visit(now - timedelta(hours=1), None)
    done = _next_visit_task(developer, first["id"], "done")
    assert datetime.fromisoformat(done["due_at"]) == moved


def test_the_visitor_checks_in_and_the_record_and_the_coordinator_follow_it(as_user, customer):
    developer, manager, coordinator = as_user("dev1"), as_user("manager"), as_user("coordinator")
    visit = developer.post("/api/visits", json=plan_body(customer)).json()
    path = f"/api/visits/{visit['id']}"
    early = developer.post(f"{path}/check-in", json={"place": "客户家中", "location": None})
    assert early.status_code == 409 and early.json()["code"] == "invalid_transition"
    developer.post(f"{path}/submit")
    manager.post(f"{path}/approve", json={"funded_amount": "800.00"})
    assert manager.post(f"{path}/check-in", json={}).status_code == 403
    bad = developer.post(f"{path}/check-in", json={"location": {"lat": 91, "lng": 121.47}})
    assert bad.status_code == 422 and "location" in bad.json()["errors"]
    now = datetime.now(UTC).replace(microsecond=0)
    department_midnight = now.astimezone(SHANGHAI).replace(hour=0, minute=0, second=0)
    arrived = max(now - timedelta(minutes=10), department_midnight)  # "today" is the department's day
    checked = developer.post(f"{path}/check-in", json={"at": iso(arrived), "place": "客户家中",
                                                       "location": {"lat": 31.2304, "lng": 121.4737}})
    assert checked.status_code == 200, checked.text
    assert "check_in" not in checked.json()["actions"]
    assert developer.post(f"{path}/check-in", json={}).json()["code"] == "invalid_transition"
    here = coordinator.get("/api/logistics").json()["checked_in"]
    mine = next(item for item in here if item["visit_id"] == visit["id"])
    me = developer.get("/api/me").json()
    assert (mine["place"], mine["location"]) == ("客户家中", {"lat": 31.2304, "lng": 121.4737})
    assert mine["visitor_name"] == (me["display_name"] or me["id"])
    recorded = developer.post(f"{path}/record", json={"talking_points": "克拉钻"}).json()
    assert datetime.fromisoformat(recorded["record"]["occurred_at"]) == arrived
    assert datetime.fromisoformat(recorded["callback"]["due_at"]) == arrived + timedelta(days=7)
