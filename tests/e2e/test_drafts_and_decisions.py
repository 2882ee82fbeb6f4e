"""Drafts and decisions over HTTP: only its owner edits or withdraws a draft (403), once submitted it is
409 `not_a_draft`, server-owned fields are 422; a rejected claim comes back as a draft, is edited and
submitted again, and its claimant is told of each decision in their inbox."""
from datetime import UTC, datetime, timedelta

from kam import testing
from tests.system import unique_phone


def approved_visit(as_user, name):
    developer, manager = as_user("dev1"), as_user("manager")
    customer = developer.post("/api/customers", json={"name": name, "phone": unique_phone()}).json()
    visit = developer.post("/api/visits", json={"customer_id": customer["id"], "place": "客户家中",
                                                "planned_at": (datetime.now(UTC) + timedelta(days=2)).isoformat(),
                                                "budget": "500.00"}).json()
    developer.post(f"/api/visits/{visit['id']}/submit")
    manager.post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "500.00"})
    return visit


def test_a_draft_is_edited_and_withdrawn_only_by_its_owner_and_not_once_submitted(as_user):
    developer, other, manager = as_user("dev1"), as_user("dev2"), as_user("manager")
    visit = approved_visit(as_user, "慕容雪")
    path = "/api/expense-claims"
    claim = developer.post(path, json={"subject": {"type": "visit", "id": visit["id"]},
                                       "items": [{"category": "meal", "amount": "120.00", "note": "午餐"}]}).json()
    lines = {"items": [{"category": "meal", "amount": "120.00"}, {"category": "travel", "amount": "35.50"}]}
    assert claim["actions"] == ["submit", "edit", "withdraw"]
    assert manager.patch(f"{path}/{claim['id']}", json=lines).status_code == 403
    assert other.patch(f"{path}/{claim['id']}", json=lines).status_code == 404
    refused = developer.patch(f"{path}/{claim['id']}", json={**lines, "total": "1.00"})
    assert refused.status_code == 422 and "total" in refused.json()["errors"]
    bad = developer.patch(f"{path}/{claim['id']}", json={"items": [{"category": "meal", "amount": "-1"}]})
    assert bad.status_code == 422
    edited = developer.patch(f"{path}/{claim['id']}", json=lines).json()
    assert (edited["total"], len(edited["items"])) == ("155.50", 2)

    plan = developer.post("/api/visits", json={"customer_id": visit["customer_id"],
                                               "planned_at": (datetime.now(UTC) + timedelta(days=5)).isoformat()}).json()
    assert manager.post(f"/api/visits/{plan['id']}/withdraw").status_code == 403
    developer.post(f"/api/visits/{plan['id']}/submit")
    late = developer.post(f"/api/visits/{plan['id']}/withdraw")
    assert late.status_code == 409 and late.json()["code"] == "not_a_draft"
    assert developer.post(f"{path}/{claim['id']}/withdraw").json()["status"] == "withdrawn"
    assert developer.patch(f"{path}/{claim['id']}", json=lines).json()["code"] == "not_a_draft"


def test_a_rejected_claim_is_revised_submitted_again_and_each_decision_reaches_its_claimant(as_user):
    developer, manager = as_user("dev1"), as_user("manager")
    visit = approved_visit(as_user, "独孤兰")
    path = "/api/expense-claims"
    claim = developer.post(path, json={"subject": {"type": "plan", "id": visit["id"]}, "items": []})
    assert claim.status_code == 422
    claim = developer.post(path, json={"subject": {"type": "development_plan", "id": "none"},
                                       "items": [{"category": "meal", "amount": "1.00"}]})
    assert claim.status_code == 404
    developer.post(f"/api/visits/{visit['id']}/record", json={"occurred_at": datetime.now(UTC).isoformat(),
                                                             "talking_points": "介绍结婚周年克拉钻"})
    developer.post(f"/api/visits/{visit['id']}/summary", json={"text": "客户有意向，约定下次带样品"})
    claim = developer.post(path, json={"subject": {"type": "visit", "id": visit["id"]},
                                       "items": [{"category": "gift", "amount": "380.00", "note": "礼盒"}]}).json()
    developer.post(f"{path}/{claim['id']}/submit")
    manager.post(f"{path}/{claim['id']}/reject", json={"reason": "礼品发票缺失，请补上"})
    assert developer.get(f"{path}/{claim['id']}").json()["actions"] == ["redraft"]
    again = developer.post(f"{path}/{claim['id']}/redraft").json()
    assert (again["status"], again["reason"]) == ("draft", "礼品发票缺失，请补上")
    assert developer.post(f"{path}/{claim['id']}/submit").json()["status"] == "submitted"

    def told():
        items = developer.get("/api/notifications").json()["items"]
        return [n for n in items if n["kind"] == "decision" and n["subject"] == {"type": "expense_claim", "id": claim["id"]}]

    [notice] = testing.wait_until(told, timeout=20, message="the rejection in the claimant's inbox")
    assert notice["body"] == "您的费用报销「独孤兰 · 380.00 元」已被驳回：礼品发票缺失，请补上"
