"""Reception and after-sales over HTTP: reception → approval → report → deal → delivery, with the events
checked in the analytics event log; tickets and return visits."""
from datetime import datetime, timedelta

from sqlalchemy import select

from kam import testing
from kam.service import open_store

RING = {"sku": "D-1.20-GIA", "description": "1.20克拉钻石戒指 GIA证书", "quantity": 1, "unit_price": "68800.00"}
BAND = {"sku": "B-PT950-M", "description": "PT950男士素圈对戒", "quantity": 2, "unit_price": "3600.50"}
RECEPTION = {"scheduled_at": "2026-05-20T14:00:00+08:00", "party_size": 2, "needs": "结婚十周年，想看1克拉以上钻戒",
             "location": "总部", "hosts": ["张敏", "李华"],
             "arrangements": {"business_lounge": "3号商务室", "refreshments": ["茶水", "甜点"],
                              "meal_out": {"venue": "香格里拉夏宫", "accompanying_leader": "刘总", "standard": "公司标准"}}}


def events_about(system, customer_id, *types):
    from services.analytics.models import event_log, metadata

    store = open_store("analytics", metadata, system.settings)
    try:
        with store.session() as session:
            envelopes = session.scalars(select(event_log.c.envelope).where(event_log.c.type.in_(types))
                                        .order_by(event_log.c.seq)).all()
    finally:
        store.close()
    return [e for e in envelopes if e["data"].get("customer_id") == customer_id]


def test_no_review_no_reception_claim_approval_over_http(system, as_user):
    """接待报告的审查: a returned report is revised by its host; its claim is approved once it is accepted."""
    developer, manager = as_user("dev1"), as_user("manager")
    customer = developer.post("/api/customers", json={"name": "司马静"}).json()
    path = f"/api/receptions/{developer.post('/api/receptions', json={**RECEPTION, 'customer_id': customer['id']}).json()['id']}"
    developer.post(f"{path}/submit")
    manager.post(f"{path}/approve", json={"funded_amount": "1000.00"})
    early = manager.post(f"{path}/review", json={"decision": "accepted"})
    assert early.status_code == 409 and early.json()["code"] == "invalid_transition"
    reported = developer.post(f"{path}/report", json={"experience": "满意", "outcome": "follow_up"}).json()
    assert reported["review"]["status"] == "pending" and manager.get(path).json()["actions"] == ["review"]
    waiting = manager.get(f"/api/receptions?review=pending&customer_id={customer['id']}").json()["items"]
    assert [item["id"] for item in waiting] == [reported["id"]]
    claim = developer.post("/api/expense-claims", json={"subject": {"type": "reception", "id": reported["id"]},
                                                         "items": [{"category": "meal", "amount": "600.00"}]}).json()
    assert developer.post(f"/api/expense-claims/{claim['id']}/submit").json()["status"] == "submitted"
    refused = manager.post(f"/api/expense-claims/{claim['id']}/approve")
    assert refused.status_code == 409 and refused.json()["code"] == "review_required"
    no_comment = manager.post(f"{path}/review", json={"decision": "returned"})
    assert no_comment.status_code == 422 and "comment" in no_comment.json()["errors"]
    manager.post(f"{path}/review", json={"decision": "returned", "comment": "请写明客户看过的款式"})
    assert manager.post(f"/api/expense-claims/{claim['id']}/approve").json()["code"] == "review_required"
    revised = developer.post(f"{path}/revise", json={"products_viewed": [{"description": "1.20克拉钻石戒指"}]})
    assert revised.status_code == 200, revised.text
    assert [v["review"] and v["review"]["status"] for v in revised.json()["versions"]] == ["returned", None]
    assert manager.post(f"{path}/review", json={"decision": "accepted"}).json()["review"]["status"] == "accepted"
    assert manager.post(f"/api/expense-claims/{claim['id']}/approve").json()["status"] == "approved"


def test_reception_approval_report_deal_delivery_over_http(system, as_user):
    developer, manager, stranger = as_user("dev1"), as_user("manager"), as_user("dev2")
    customer = developer.post("/api/customers", json={"name": "欧阳婉清"}).json()

    no_leader = developer.post("/api/receptions", json={
        **RECEPTION, "customer_id": customer["id"], "arrangements": {"meal_out": {"venue": "香格里拉夏宫"}}})
    assert no_leader.status_code == 422, no_leader.text
    assert stranger.post("/api/receptions", json={**RECEPTION, "customer_id": customer["id"]}).status_code == 404
    reception = developer.post("/api/receptions", json={**RECEPTION, "customer_id": customer["id"]})
    assert reception.status_code == 201, reception.text
    reception = reception.json()
    assert reception["status"] == "draft" and reception["arrangements"]["meal_out"]["accompanying_leader"] == "刘总"
    path = f"/api/receptions/{reception['id']}"

    early = developer.post(f"{path}/report", json={"experience": "满意", "outcome": "deal"})
    assert early.status_code == 409 and early.json()["code"] == "invalid_transition"
    revised = developer.request("PATCH", path, json={"party_size": 3, "needs": "结婚十周年，夫妇与女儿同来"})
    assert revised.status_code == 200 and revised.json()["party_size"] == 3, revised.text
    assert developer.request("PATCH", path, json={"status": "approved"}).status_code == 422
    assert developer.post(f"{path}/submit").json()["status"] == "pending_approval"
    assert developer.request("PATCH", path, json={"party_size": 4}).json()["code"] == "plan_locked"
    assert developer.post(f"{path}/approve", json={}).status_code == 403
    assert stranger.get(path).status_code == 404
    approved = manager.post(f"{path}/approve")
    assert approved.status_code == 200 and approved.json()["status"] == "approved", approved.text
    assert manager.post(f"{path}/approve").json()["code"] == "invalid_transition"
    reported = developer.post(f"{path}/report", json={
        "experience": "客户对商务室环境满意，品鉴前沟通充分", "outcome": "deal", "notes": "夫人偏好铂金戒托",
        "products_viewed": [{"sku": "D-1.20-GIA", "description": "1.20克拉钻石戒指 GIA证书", "interest": "high"}]})
    assert reported.json()["status"] == "reported" and reported.json()["report"]["outcome"] == "deal"

    deal_body = {"customer_id": customer["id"], "origin": {"type": "reception", "id": reception["id"]},
                 "items": [RING, BAND], "discount": "3800.00",
                 "delivery": {"method": "home_delivery", "address": "上海市徐汇区衡山路8号", "date": "2026-05-28"}}
    assert developer.post("/api/deals", json={**deal_body, "total": "1.00"}).status_code == 422
    assert developer.post("/api/deals", json={**deal_body, "discount": "99999.00"}).status_code == 422
    assert developer.post("/api/deals", json={**deal_body, "delivery": {"method": "home_delivery"}}).status_code == 422
    deal = developer.post("/api/deals", json=deal_body)
    assert deal.status_code == 201, deal.text
    deal = deal.json()
    assert (deal["subtotal"], deal["discount"], deal["total"]) == ("76001.00", "3800.00", "72201.00")
    assert deal["status"] == "closed" and deal["repeat_sale"] is False
    delivered = developer.post(f"/api/deals/{deal['id']}/deliver")
    assert delivered.json()["status"] == "delivered", delivered.text
    assert developer.post(f"/api/deals/{deal['id']}/deliver").json()["code"] == "invalid_transition"
    again = developer.post("/api/deals", json={**deal_body, "items": [BAND], "discount": None,
                                                "delivery": {"method": "pickup"}}).json()
    assert again["repeat_sale"] is True and again["total"] == "7201.00"
    listed = developer.get(f"/api/deals?customer_id={customer['id']}&limit=1").json()
    assert [d["id"] for d in listed["items"]] == [again["id"]] and listed["next_cursor"]

    types = ("reception.submitted", "reception.approved", "reception.reported", "deal.closed", "deal.delivered")
    logged = testing.wait_until(lambda: (found := events_about(system, customer["id"], *types)) and len(found) == 6
                                and found, timeout=20, message="the reception's events in analytics")
    by_type = {}
    for envelope in logged:
        by_type.setdefault(envelope["type"], []).append(envelope["data"])
    assert by_type["reception.approved"][0]["funded_amount"] is None
    assert by_type["reception.submitted"][0]["party_size"] == 3
    assert by_type["reception.reported"][0]["outcome"] == "deal"
    assert [(d["total"], d["repeat_sale"], d["item_count"]) for d in by_type["deal.closed"]] == [
        ("72201.00", False, 2), ("7201.00", True, 1)]
    assert by_type["deal.closed"][0]["origin"] == {"type": "reception", "id": reception["id"]}
    assert by_type["deal.delivered"][0]["method"] == "home_delivery"

    delivered_at = datetime.fromisoformat(delivered.json()["delivery"]["delivered_at"])
    task = testing.wait_until(lambda: _first_return_visit_task(developer, customer["id"]), timeout=20,
                              message="the return-visit task after the delivery")
    assert datetime.fromisoformat(task["due_at"]) == delivered_at + timedelta(days=7)
    testing.wait_until(lambda: developer.get(f"/api/customers/{customer['id']}").json()["stage"] == "after_sales",
                       timeout=20, message="the customer's stage to reach after_sales")

    recorded = developer.post("/api/return-visits", json={
        "customer_id": customer["id"], "task_id": task["id"], "occurred_at": delivered_at.isoformat(),
        "method": "phone", "content": "回访佩戴感受", "feedback": "非常满意", "next_steps": "纪念日前推荐对戒"})
    assert recorded.status_code == 201, recorded.text
    testing.wait_until(lambda: developer.get(f"/api/tasks/{task['id']}").json()["status"] == "done", timeout=20,
                       message="the return visit to complete its task")


def _first_return_visit_task(developer, customer_id):
    tasks = developer.get(f"/api/tasks?assignee=me&kind=return_visit&customer_id={customer_id}").json()["items"]
    return min(tasks, key=lambda task: task["due_at"]) if tasks else None


def test_tickets_and_return_visits_over_http(system, as_user):
    developer, coordinator = as_user("dev1"), as_user("coordinator")
    customer = developer.post("/api/customers", json={"name": "司徒静"}).json()

    repair = {"customer_id": customer["id"], "kind": "repair", "description": "戒托松动"}
    missing = developer.post("/api/service-tickets", json=repair)
    assert missing.status_code == 422 and {"intake_notes", "piece"} <= set(missing.json()["errors"])
    ticket = developer.post("/api/service-tickets", json={  # a repair is a work order: test_work_orders.py
        **repair, "kind": "care", "intake_notes": "主石无损，爪口磨损", "piece": {"description": "1.20克拉钻石戒指",
                                                                "certificate_no": "GIA 2141438167"}}).json()
    assert ticket["status"] == "open"
    assert coordinator.post(f"/api/service-tickets/{ticket['id']}/start").json()["status"] == "in_progress"
    resolved = developer.post(f"/api/service-tickets/{ticket['id']}/resolve", json={"resolution": "重新镶爪并清洗"})
    assert resolved.json()["status"] == "resolved"
    assert developer.get(f"/api/service-tickets?customer_id={customer['id']}&status=resolved").json()["items"][0][
        "id"] == ticket["id"]

    visit = developer.post("/api/return-visits", json={
        "customer_id": customer["id"], "occurred_at": "2026-01-05T10:00:00+08:00", "method": "phone",
        "content": "回访佩戴感受", "feedback": "很满意", "next_steps": "周年纪念日前推荐对戒"})
    assert visit.status_code == 201, visit.text
    assert developer.get(f"/api/return-visits?customer_id={customer['id']}").json()["items"][0]["id"] == visit.json()["id"]
    logged = testing.wait_until(lambda: len(found := events_about(system, customer["id"], "service_ticket.resolved",
                                                                  "return_visit.recorded")) == 2 and found,
                                timeout=20, message="the after-sales events in analytics")
    assert {e["type"] for e in logged} == {"service_ticket.resolved", "return_visit.recorded"}
    assert logged[0]["data"]["kind"] == "care" and logged[1]["data"]["task_id"] is None
