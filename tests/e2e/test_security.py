"""What the security review (issue 18) found, over HTTP against the running system: each test names what it protects."""
import base64
import json
from datetime import UTC, datetime, timedelta

PDF_WITH_SCRIPT = b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n"


def test_a_tampered_cursor_is_422_not_500(as_user):
    developer = as_user("dev1")
    for values in (["not-a-time", "x"], [1, 2], [["nested"], {"a": 1}], ["2026-01-01T00:00:00+00:00"]):
        cursor = base64.urlsafe_b64encode(json.dumps(values).encode()).decode()
        response = developer.get("/api/customers", params={"cursor": cursor})
        assert response.status_code == 422, (values, response.text)
        assert response.json()["code"] == "validation_failed" and "cursor" in response.json()["errors"]
    assert developer.get("/api/customers", params={"cursor": "%%garbage%%"}).status_code == 422


def test_receipts_are_downloaded_sandboxed_never_rendered_inline(as_user):
    developer, manager = as_user("dev1"), as_user("manager")
    customer = developer.post("/api/customers", json={"name": "司马相如"}).json()
    visit = developer.post("/api/visits", json={
        "customer_id": customer["id"], "planned_at": (datetime.now(UTC) - timedelta(hours=2)).isoformat(),
        "place": "客户公司", "method": "in_person", "objectives": "拜访", "budget": "100.00"}).json()
    developer.post(f"/api/visits/{visit['id']}/submit")
    manager.post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "100.00"})
    developer.post(f"/api/visits/{visit['id']}/record", json={"occurred_at": datetime.now(UTC).isoformat()})
    claim = developer.post("/api/expense-claims", json={"subject": {"type": "visit", "id": visit["id"]},
                                                        "items": [{"category": "meal", "amount": "50.00"}]}).json()
    upload = developer.post(f"/api/expense-claims/{claim['id']}/receipts",
                            files={"file": ("发票.pdf", PDF_WITH_SCRIPT, "application/pdf")})
    assert upload.status_code == 201, upload.text

    served = manager.get(f"/api/expense-claims/{claim['id']}/receipts/{upload.json()['id']}")
    assert served.status_code == 200 and served.content == PDF_WITH_SCRIPT
    assert served.headers["Content-Disposition"].startswith("attachment")
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert served.headers["Content-Security-Policy"] == "sandbox"
