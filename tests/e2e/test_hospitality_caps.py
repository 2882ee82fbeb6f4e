"""Hospitality caps (规格根据公司规定) over HTTP: managers set them, everyone reads them; a gift (its catalog list
price) or a meal out per head above the cap for the customer's category is approved only with the manager's
override_reason, and each override is listed."""
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from kam.testing import wait_until

CAPS = {"important": {"gift_value": "200.00", "meal_per_head": "150.00"}}


@pytest.fixture
def caps(as_user):
    """The caps for this test only: one system serves the whole session, so they are lifted afterwards."""
    manager = as_user("manager")
    before = manager.get("/api/policies/hospitality").json()["caps"]
    saved = manager.put("/api/policies/hospitality", json={"caps": CAPS})
    assert saved.status_code == 200, saved.text
    yield saved.json()["caps"]
    kept = {category: limits for category, limits in before.items() if any(limits.values())}
    assert manager.put("/api/policies/hospitality", json={"caps": kept}).status_code == 200


def test_managers_set_the_caps_everyone_reads_them_and_bad_input_is_refused_field_by_field(as_user, caps):
    assert caps["important"] == CAPS["important"] and caps["potential"] == {"gift_value": None, "meal_per_head": None}
    assert as_user("analyst").get("/api/policies/hospitality").json()["caps"]["important"] == CAPS["important"]
    assert as_user("dev1").put("/api/policies/hospitality", json={"caps": {}}).status_code == 403
    bad = as_user("manager").put("/api/policies/hospitality", json={"caps": {
        "vip": {"gift_value": "1.00"}, "important": {"gift_value": "-5", "meal_per_head": 12.5, "wine": "1"}}})
    assert bad.status_code == 422 and set(bad.json()["errors"]["caps"]) == {"vip", "important"}
    assert as_user("manager").get("/api/policies/hospitality").json()["caps"]["important"] == CAPS["important"]
    assert as_user("dev1").get("/api/policies/hospitality/overrides").status_code == 403


def test_a_gift_and_a_meal_above_the_cap_need_the_managers_override_and_overrides_are_listed(as_user, caps):
    analyst, developer, manager = as_user("analyst"), as_user("dev1"), as_user("manager")
    customer = developer.post("/api/customers", json={"name": "司徒建军", "category": "important"}).json()
    gift = analyst.post("/api/products", json={"sku": f"G-{uuid.uuid4().hex[:8]}", "name": "和田玉摆件", "kind": "gift",
                                               "tracking": "stock", "list_price": "880.00", "quantity": 3}).json()
    visit = developer.post("/api/visits", json={
        "customer_id": customer["id"], "planned_at": (datetime.now(UTC) + timedelta(days=3)).isoformat(),
        "place": "军区干休所", "preparation": {"gift": "和田玉摆件", "gift_product_id": gift["id"]}}).json()
    assert developer.post(f"/api/visits/{visit['id']}/submit").status_code == 200
    refused = manager.post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "500.00"})
    assert refused.status_code == 409 and refused.json()["code"] == "over_hospitality_cap"
    assert "200.00" in refused.json()["detail"] and "880.00" in refused.json()["detail"]
    approved = manager.post(f"/api/visits/{visit['id']}/approve",
                            json={"funded_amount": "500.00", "override_reason": "老首长九十寿辰，经部门负责人同意"})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"

    meal = {"venue": "北京饭店", "accompanying_leader": "王副总", "standard": "按公司标准", "meal_per_head": "320.00"}
    reception = developer.post("/api/receptions", json={
        "customer_id": customer["id"], "scheduled_at": (datetime.now(UTC) + timedelta(days=5)).isoformat(),
        "party_size": 4, "arrangements": {"meal_out": meal}}).json()
    assert reception["arrangements"]["meal_out"]["meal_per_head"] == "320.00"
    assert developer.post(f"/api/receptions/{reception['id']}/submit").status_code == 200
    refused = manager.post(f"/api/receptions/{reception['id']}/approve", json={})
    assert refused.status_code == 409 and refused.json()["code"] == "over_hospitality_cap"
    approved = manager.post(f"/api/receptions/{reception['id']}/approve", json={"override_reason": "外事接待"})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"

    def logged():  # a reception's override is logged from its reception.approved, a moment later
        listed = manager.get("/api/policies/hospitality/overrides").json()["items"]
        return {(o["subject_type"], o["subject_id"]): o for o in listed}

    wait_until(lambda: ("reception", reception["id"]) in logged(), timeout=15, message="the reception's override")
    mine = logged()
    assert mine[("visit", visit["id"])]["amount"] == "880.00" and mine[("visit", visit["id"])]["cap"] == "200.00"
    assert mine[("reception", reception["id"])]["reason"] == "外事接待"
    assert mine[("reception", reception["id"])]["kind"] == "meal_per_head"
