"""Custom-centre work orders over HTTP: a custom design from brief to hand-over (its deal, its money in
analytics once, the customer told), a repair past its promised date, a consignment sold and paid out."""
import io
from datetime import UTC, datetime, timedelta

from PIL import Image
from sqlalchemy import select

from kam import testing
from kam.service import open_store


def customer_messages(system, customer_id):
    from services.notifications.models import customer_messages as table
    from services.notifications.models import metadata

    store = open_store("notifications", metadata, system.settings)
    try:
        with store.session() as session:
            return session.execute(select(table).where(table.c.customer_id == customer_id)).mappings().all()
    finally:
        store.close()


def png():
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (212, 175, 55)).save(out, "PNG")
    return out.getvalue()


def step(api, ticket, action, body=None, status=200):
    response = api.post(f"/api/service-tickets/{ticket['id']}/{action}", json=body or {})
    assert response.status_code == status, response.text
    return response.json()


def tasks_of(api, kind, customer_id):
    return api.get(f"/api/tasks?assignee=me&kind={kind}&customer_id={customer_id}").json()["items"]


def test_a_custom_design_from_brief_to_hand_over(system, as_user):
    developer, manager = as_user("dev1"), as_user("manager")
    customer = developer.post("/api/customers", json={"name": "欧阳婷", "wechat": "wx-ouyang-e2e"}).json()
    ticket = developer.post("/api/service-tickets", json={
        "customer_id": customer["id"], "kind": "custom_design", "description": "结婚十周年定制对戒",
        "notify_channel": "wechat"}).json()
    assert (ticket["status"], ticket["actions"], len(ticket["history"])) == ("brief", ["quote"], 1)

    too_much = developer.post(f"/api/service-tickets/{ticket['id']}/quote", json={"amount": "38000.00",
                                                                                 "deposit": "38000.01"})
    assert too_much.status_code == 422 and "deposit" in too_much.json()["errors"]
    out_of_order = developer.post(f"/api/service-tickets/{ticket['id']}/hand-over", json={})
    assert out_of_order.status_code == 409 and out_of_order.json()["code"] == "invalid_transition"
    assert developer.get(f"/api/service-tickets/{ticket['id']}").json()["status"] == "brief"

    step(developer, ticket, "quote", {"amount": "38000.00", "deposit": "10000.00"})
    step(developer, ticket, "pay-deposit", {"amount": "10000.00"})
    picture = developer.post(f"/api/service-tickets/{ticket['id']}/images", data={"purpose": "design"},
                             files={"file": ("设计图.png", png(), "image/png")})
    assert picture.status_code == 201, picture.text
    assert developer.get(picture.json()["thumbnail_url"]).headers["Content-Type"] == "image/jpeg"
    refused = developer.post(f"/api/service-tickets/{ticket['id']}/images",
                             files={"file": ("x.gif", b"GIF89a" + b"\0" * 64, "image/gif")})
    assert refused.status_code == 415
    step(developer, ticket, "approve-design", {"note": "客户确认设计稿"})
    kept = step(manager, ticket, "quality-check", {"passed": False, "note": "镶口不平"})
    assert kept["status"] == "in_production"
    ready = step(manager, ticket, "quality-check", {"passed": True, "note": "复检合格"})
    assert ready["status"] == "ready" and ready["actions"] == ["hand-over"]
    done = step(developer, ticket, "hand-over")
    assert (done["status"], done["quote"], done["deposit_paid"], done["balance_due"]) == (
        "handed_over", "38000.00", "10000.00", "28000.00")
    assert [s["action"] for s in done["history"]] == [
        "open", "quote", "pay-deposit", "approve-design", "quality-check", "quality-check", "hand-over"]
    assert done["history"][1]["by"] and done["history"][1]["figures"] == {"amount": "38000.00", "deposit": "10000.00"}
    assert [i["purpose"] for i in done["images"]] == ["design"]

    deal = developer.get(f"/api/deals/{done['deal_id']}").json()
    assert (deal["total"], deal["origin"]["type"]) == ("38000.00", "service_ticket")
    testing.wait_until(lambda: tasks_of(developer, "piece_ready", customer["id"]), timeout=30,
                       message="the owner's piece_ready task")
    [told] = testing.wait_until(lambda: [m for m in customer_messages(system, customer["id"]) if m["sent_at"]] or None,
                                timeout=30, message="the customer's message sent by WeChat")
    assert (told["channel"], told["address"]) == ("wechat", "wx-ouyang-e2e")
    figures = testing.wait_until(
        lambda: (body := manager.get(f"/api/analytics/customers/{customer['id']}").json()).get("revenue") == "38000.00"
        and body, timeout=30, message="the design's revenue in analytics")
    assert figures["deals"] == 1  # the deposit and the deal together are the quote, once
    timeline = testing.wait_until(
        lambda: [i for i in developer.get(f"/api/customers/{customer['id']}/timeline").json()["items"]
                 if i["kind"] == "work_order.advanced"] or None, timeout=30, message="the steps on the timeline")
    assert timeline[0]["source"] == {"type": "ticket", "id": ticket["id"]}


def test_a_repair_past_its_promised_date_is_its_owners_task(system, as_user, clock):
    developer = as_user("dev1")
    customer = developer.post("/api/customers", json={"name": "诸葛明"}).json()
    ticket = developer.post("/api/service-tickets", json={
        "customer_id": customer["id"], "kind": "repair", "description": "戒托松动", "intake_notes": "主石无损，爪口磨损",
        "piece": {"description": "1.20克拉钻石戒指"}}).json()
    assert ticket["status"] == "received"
    promised = (datetime.now(UTC) + timedelta(days=2)).date()
    step(developer, ticket, "estimate", {"amount": "880.00", "due_date": promised.isoformat()})
    step(developer, ticket, "accept-estimate")
    clock.set(datetime.now(UTC) + timedelta(days=4))
    overdue = testing.wait_until(lambda: tasks_of(developer, "repair_overdue", customer["id"]), timeout=30,
                                 message="the repair_overdue task")
    assert overdue[0]["subject"] == {"type": "service_ticket", "id": ticket["id"]}


def test_a_consignment_is_sold_with_its_commission_and_paid_out(system, as_user):
    developer, manager = as_user("dev1"), as_user("manager")
    customer = developer.post("/api/customers", json={"name": "上官雪"}).json()
    ticket = developer.post("/api/service-tickets", json={
        "customer_id": customer["id"], "kind": "resale", "description": "寄售翡翠手镯", "resale_mode": "consignment",
        "valuation": "42000.00"}).json()
    until = (datetime.now(UTC) + timedelta(days=60)).date().isoformat()
    listed = step(developer, ticket, "agree", {"asking_price": "39800.00", "commission_rate": "0.15",
                                               "mode": "consignment", "until": until})
    assert set(listed["actions"]) == {"sell", "return", "extend"}
    sold = step(developer, ticket, "sell", {"price": "36000.33", "buyer_customer_id": None})
    assert (sold["commission"], sold["payout"]) == ("5400.05", "30600.28")
    assert step(developer, ticket, "pay-out")["status"] == "paid_out"
    step(developer, ticket, "pay-out", status=409)
    testing.wait_until(
        lambda: manager.get(f"/api/analytics/customers/{customer['id']}").json().get("revenue") == "5400.05",
        timeout=30, message="the commission as revenue")
