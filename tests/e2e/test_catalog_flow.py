"""The catalog over HTTP against the running system: a piece from its photo to sold, through a
reservation, the kit, the coordinator's hand-out and return; gifts by category that leave stock."""
import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image

from kam import testing

# The first test of a session also pays for starting the whole system and five logins (argon2id).
pytestmark = pytest.mark.timeout(300)


def png(colour=(200, 30, 60)):
    out = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(out, "PNG")
    return out.getvalue()


def sku(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def piece_body(**overrides):
    return {"sku": sku("R"), "name": "1克拉圆钻结婚周年戒指", "kind": "ring", "tracking": "piece",
            "list_price": "68000.00", "gem": {"carat": "1.01", "cut": "EX", "color": "F", "clarity": "VS1"},
            "metal": "PT950", "certificate": {"lab": "GIA", "number": sku("GIA")}, **overrides}


def approved_visit(developer, manager, customer, gift=None, hours_ago=3):
    planned = developer.post("/api/visits", json={
        "customer_id": customer["id"], "planned_at": (datetime.now(UTC) - timedelta(hours=hours_ago)).isoformat(),
        "place": "客户家中", "preparation": {"offers": [{"product": "1克拉圆钻结婚周年戒指", "discount": "0.08"}],
                                          **({"gift": gift} if gift else {})}})
    assert planned.status_code == 201, planned.text
    visit = planned.json()
    assert developer.post(f"/api/visits/{visit['id']}/submit").status_code == 200
    assert manager.post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "500.00"}).status_code == 200
    return visit


def record(developer, visit):
    recorded = developer.post(f"/api/visits/{visit['id']}/record", json={
        "occurred_at": (datetime.now(UTC) - timedelta(hours=1)).isoformat(), "talking_points": "展示克拉钻"})
    assert recorded.status_code == 200, recorded.text


def deal(developer, customer, visit, *items):
    return developer.post("/api/deals", json={
        "customer_id": customer["id"], "origin": {"type": "visit", "id": visit["id"]}, "delivery": {"method": "pickup"},
        "items": [{"sku": code, "description": "成交商品", "quantity": 1, "unit_price": "60000.00"} for code in items]})


def test_a_piece_from_its_photo_to_sold(system, as_user):
    analyst, developer, other, manager, coordinator = (as_user(name) for name in
                                                        ("analyst", "dev1", "dev2", "manager", "coordinator"))
    body = piece_body()
    assert developer.post("/api/products", json=body).status_code == 403
    created = analyst.post("/api/products", json=body)
    assert created.status_code == 201, created.text
    piece = created.json()
    assert piece["status"] == "in_stock" and piece["gem"]["carat"] == "1.01"
    duplicate = analyst.post("/api/products", json={**body, "name": "另一件"})
    assert (duplicate.status_code, duplicate.json()["code"]) == (409, "duplicate_sku")

    refused = analyst.post(f"/api/products/{piece['id']}/images", files={"file": ("a.png", b"not a picture")})
    assert refused.status_code == 415, refused.text
    uploaded = analyst.post(f"/api/products/{piece['id']}/images", files={"file": ("ring.png", png(), "image/png")})
    assert uploaded.status_code == 201, uploaded.text
    image = uploaded.json()
    shown = developer.get(image["url"])
    assert shown.status_code == 200 and shown.headers["Content-Type"] == "image/png"
    assert shown.headers["X-Content-Type-Options"] == "nosniff" and shown.content == png()
    thumb = developer.get(image["thumbnail_url"])
    assert thumb.headers["Content-Type"] == "image/jpeg" and thumb.content[:3] == b"\xff\xd8\xff"

    found = developer.get("/api/products", params={"q": body["certificate"]["number"], "min_carat": "1"}).json()
    assert [item["id"] for item in found["items"]] == [piece["id"]] and found["items"][0]["images"][0]["id"] == image["id"]

    customer = developer.post("/api/customers", json={"name": "欧阳慧敏", "category": "high_value"}).json()
    visit = approved_visit(developer, manager, customer)
    reserve = {"product_id": piece["id"], "for": {"type": "visit", "id": visit["id"]}}
    assert other.post("/api/reservations", json=reserve).status_code == 404
    reserved = developer.post("/api/reservations", json=reserve)
    assert reserved.status_code == 201 and reserved.json()["status"] == "reserved", reserved.text
    again = developer.post("/api/reservations", json=reserve)
    assert (again.status_code, again.json()["code"]) == (409, "not_available")

    kit = developer.get(f"/api/visits/{visit['id']}/kit").json()
    assert [p["product_id"] for p in kit["pieces"]] == [piece["id"]] and kit["pieces"][0]["images"][0]["url"]
    assert kit["offers"][0]["discount"] == "0.08" and kit["gift"]["name"]

    reservation = reserved.json()
    assert developer.post(f"/api/reservations/{reservation['id']}/check-out").status_code == 403
    out = coordinator.post(f"/api/reservations/{reservation['id']}/check-out").json()
    assert out["status"] == "checked_out" and out["actions"] == ["check_in"]
    back = coordinator.post(f"/api/reservations/{reservation['id']}/check-in").json()
    assert back["status"] == "returned" and analyst.get(f"/api/products/{piece['id']}").json()["status"] == "in_stock"

    assert developer.post("/api/reservations", json=reserve).status_code == 201
    record(developer, visit)
    sold = deal(developer, customer, visit, piece["sku"], "店内-手链")
    assert sold.status_code == 201, sold.text
    assert [item["in_catalog"] for item in sold.json()["items"]] == [True, False]
    assert analyst.get(f"/api/products/{piece['id']}").json()["status"] == "sold"
    twice = deal(developer, customer, visit, piece["sku"])
    assert (twice.status_code, twice.json()["code"]) == (409, "not_available")


def test_a_piece_held_for_another_customer_is_not_sold(system, as_user):
    analyst, developer, manager = as_user("analyst"), as_user("dev1"), as_user("manager")
    piece = analyst.post("/api/products", json=piece_body()).json()
    held_for = developer.post("/api/customers", json={"name": "司马静怡"}).json()
    buyer = developer.post("/api/customers", json={"name": "上官雅琴"}).json()
    visit = approved_visit(developer, manager, held_for)
    assert developer.post("/api/reservations", json={"product_id": piece["id"],
                                                     "for": {"type": "visit", "id": visit["id"]}}).status_code == 201
    other_visit = approved_visit(developer, manager, buyer)
    record(developer, other_visit)
    refused = deal(developer, buyer, other_visit, piece["sku"])
    assert (refused.status_code, refused.json()["code"]) == (409, "not_available")


def test_the_gift_by_category_comes_from_stock_and_asks_for_restock(system, as_user):
    analyst, developer, manager = as_user("analyst"), as_user("dev1"), as_user("manager")
    gift = analyst.post("/api/products", json={"sku": sku("G"), "name": "企业文化纪念册礼盒", "kind": "gift",
                                               "tracking": "stock", "list_price": "150.00", "quantity": 2,
                                               "reorder_level": 2}).json()
    rule = analyst.put("/api/gift-rules/important", json={"product_id": gift["id"], "note": "重要客户：礼品从简"})
    assert rule.status_code == 200 and rule.json()["name"] == "企业文化纪念册礼盒", rule.text
    assert developer.put("/api/gift-rules/important", json={"product_id": gift["id"]}).status_code == 403

    customer = developer.post("/api/customers", json={"name": "诸葛明远", "category": "important"}).json()
    visit = approved_visit(developer, manager, customer)
    assert visit["preparation"]["gift"] == "企业文化纪念册礼盒" and visit["preparation"]["gift_product_id"] == gift["id"]
    record(developer, visit)
    testing.wait_until(lambda: analyst.get(f"/api/products/{gift['id']}").json()["quantity"] == 1,
                       message="the gift to leave stock")
    task = testing.wait_until(lambda: [t for t in analyst.get("/api/tasks", params={"assignee": "me", "kind": "restock"})
                                       .json()["items"] if gift["name"] in t["title"]], message="a restock task")
    assert task[0]["status"] == "open"
    assert deal(developer, customer, visit, "店内-胸针").status_code == 201
    outcomes = testing.wait_until(lambda: [o for o in analyst.get("/api/gift-rules/outcomes").json()["items"]
                                           if o["product_id"] == gift["id"] and o["led_to_deal"]],
                                  message="the gift counted with the deal")
    assert outcomes[0]["category"] == "important"


def test_a_piece_still_out_a_day_after_its_visit_is_a_task_for_the_coordinator(system, as_user, clock):
    analyst, developer, manager, coordinator = (as_user(name) for name in ("analyst", "dev1", "manager", "coordinator"))
    piece = analyst.post("/api/products", json=piece_body()).json()
    customer = developer.post("/api/customers", json={"name": "慕容婉儿"}).json()
    visit = approved_visit(developer, manager, customer)
    reservation = developer.post("/api/reservations", json={"product_id": piece["id"],
                                                            "for": {"type": "visit", "id": visit["id"]}}).json()
    coordinator.post(f"/api/reservations/{reservation['id']}/check-out")
    clock.set(datetime.now(UTC) + timedelta(days=2))

    def overdue_task():
        tasks = coordinator.get("/api/tasks", params={"assignee": "me", "kind": "piece_overdue"}).json()["items"]
        return [task for task in tasks if task["subject"]["id"] == reservation["id"]]

    task = testing.wait_until(overdue_task, message="the coordinator's piece_overdue task")[0]
    assert task["status"] == "open" and piece["sku"] in task["title"]
    coordinator.post(f"/api/reservations/{reservation['id']}/check-in")
    testing.wait_until(lambda: overdue_task()[0]["status"] == "done", message="the task done when the piece is back")
