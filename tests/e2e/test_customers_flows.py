"""The customer file over HTTP: development to `contacted`, the timeline, spreadsheets, erasure."""
import io

from openpyxl import load_workbook

from kam import testing
from tests.system import unique_phone


def test_an_approved_plan_moves_the_stage_to_developing_and_a_contact_to_contacted(as_user):
    developer, manager = as_user("dev1"), as_user("manager")
    customer = developer.post("/api/customers", json={"name": "欧阳娜娜", "profile": {"hobbies": ["音乐会"]}}).json()
    plan = developer.post("/api/development-plans", json={"customer_id": customer["id"], "methods": ["visit"],
                                                          "plan": "音乐会后约谈", "budget": "2500.00"}).json()
    refused = developer.post(f"/api/development-plans/{plan['id']}/submit")
    assert refused.status_code == 409 and refused.json()["code"] == "assessment_required"
    assessed = developer.post(f"/api/customers/{customer['id']}/assessments", json={
        "expected_revenue": "150000.00", "expected_profit": "45000.00", "risk_factor": "0.4",
        "costs": {"staff": "3000.00", "travel": "800.00", "pr": "2500.00", "management": "500.00"}})
    assert assessed.status_code == 201 and assessed.json()["worth_developing"] is True
    assert developer.post(f"/api/development-plans/{plan['id']}/submit").json()["status"] == "pending_approval"
    assert manager.post(f"/api/development-plans/{plan['id']}/approve").json()["status"] == "approved"
    again = manager.post(f"/api/development-plans/{plan['id']}/approve")
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"
    assert developer.get(f"/api/customers/{customer['id']}").json()["stage"] == "developing"

    templates = developer.get(f"/api/customers/{customer['id']}/contact-templates?phone=13900001111").json()["items"]
    assert {t["channel"] for t in templates} == {"sms", "wechat", "phone", "email"}
    assert all("13900001111" in t["text"] and "测试dev1" in t["text"] for t in templates)
    logged = developer.post(f"/api/customers/{customer['id']}/contacts", json={"channel": "sms", "topic": "问候"})
    assert logged.status_code == 201
    assert developer.get(f"/api/customers/{customer['id']}").json()["stage"] == "contacted"

    def kinds():
        return [i["kind"] for i in developer.get(f"/api/customers/{customer['id']}/timeline").json()["items"]]

    testing.wait_until(lambda: {"customer.created", "development_plan.approved", "contact.logged",
                                "customer.stage_changed"} <= set(kinds()), timeout=20, message="the timeline")


def test_server_owned_fields_are_refused(as_user):
    response = as_user("dev1").post("/api/customers", json={"name": "张伟", "stage": "won", "owner_id": "x"})
    assert response.status_code == 422 and set(response.json()["errors"]) == {"stage", "owner_id"}
    no_consent = as_user("dev1").post("/api/customers", json={"name": "张伟", "sensitive": {"health": "良好"}})
    assert no_consent.status_code == 422 and "consent" in no_consent.json()["errors"]


def test_import_names_each_bad_row_and_export_never_carries_sensitive(as_user):
    developer = as_user("dev1")
    csv = ("姓名,手机,微信,类别,结婚纪念日\n吴宏亮,13988887777,wuhl,高值客户,2012-06-18\n"
           ",13000000000,,,\n郑雅琪,13700003333,,VIP,2015-02-30\n").encode()
    report = developer.post("/api/customers/import", files={"file": ("客户.csv", csv, "text/csv")})
    assert report.status_code == 200, report.text
    body = report.json()
    assert (body["total"], body["imported"], body["rejected"]) == (3, 1, 2)
    rejected = {row["row"]: row["errors"] for row in body["rows"] if row["status"] == "rejected"}
    assert set(rejected) == {3, 4} and "name" in rejected[3] and {"category", "key_dates"} <= set(rejected[4])

    exported = developer.get("/api/customers/export?format=xlsx")
    assert exported.status_code == 200
    sheet = load_workbook(io.BytesIO(exported.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "姓名" and "吴宏亮" in [row[0] for row in rows[1:]]
    assert "育有" not in exported.content.decode("latin-1")
    assert developer.get("/api/customers/export?format=csv").content.decode("utf-8-sig").startswith("姓名")


def test_erasure_leaves_an_anonymous_file(as_user):
    developer, manager = as_user("dev1"), as_user("manager")
    customer = developer.post("/api/customers", json={"name": "韩雪", "phone": unique_phone(),
                                                      "category": "high_value"}).json()
    erased = manager.request("DELETE", f"/api/customers/{customer['id']}")
    assert erased.status_code == 200
    shown = developer.get(f"/api/customers/{customer['id']}").json()
    assert shown["erased"] is True and shown["name"] == "已删除客户" and shown["phone"] is None
    assert shown["category"] == "high_value"
    assert manager.request("DELETE", f"/api/customers/{customer['id']}").status_code == 409
    assert developer.get("/api/customers?q=韩雪").json()["items"] == []
