"""What the security review (issue 18) found, over HTTP against the running system: each test names what it protects."""
import base64
import json
from datetime import UTC, datetime, timedelta

import requests

from tests.system import PASSWORD, Api, login

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


def _new_user(as_user, username, role="developer"):
    created = as_user("admin").post("/api/users", json={"username": username, "password": PASSWORD, "role": role,
                                                        "display_name": f"测试{username}"})
    assert created.status_code == 201, created.text
    return created.json()


def _log_in(system, username, password=PASSWORD):
    response = requests.post(f"{system.base_url}/api/auth/token", json={"username": username, "password": password},
                             timeout=30)
    return response


def _refresh(system, refresh_token):
    return requests.post(f"{system.base_url}/api/auth/refresh", json={"refresh_token": refresh_token}, timeout=30)


def test_login_gives_a_short_lived_access_token_and_a_refresh_token_that_works_once(system, as_user):
    _new_user(as_user, "sess1")
    pair = _log_in(system, "sess1").json()
    assert set(pair) == {"access_token", "token_type", "expires_in", "refresh_token"}
    assert pair["token_type"] == "bearer" and pair["expires_in"] == 3600  # KAM_TOKEN_TTL_SECONDS of the e2e system

    renewed = _refresh(system, pair["refresh_token"])
    assert renewed.status_code == 200, renewed.text
    assert Api(system.base_url, renewed.json()["access_token"]).get("/api/me").json()["username"] == "sess1"
    assert _refresh(system, pair["refresh_token"]).status_code == 401  # used already: a copy ends the session
    assert _refresh(system, renewed.json()["refresh_token"]).status_code == 401
    assert Api(system.base_url, renewed.json()["access_token"]).get("/api/me").status_code == 401
    assert _refresh(system, pair["access_token"]).status_code == 401


def test_logout_ends_the_session_at_once_and_only_that_one(system, as_user):
    _new_user(as_user, "sess2")
    desk, ipad = _log_in(system, "sess2").json(), _log_in(system, "sess2").json()
    desk_api = Api(system.base_url, desk["access_token"])
    assert desk_api.post("/api/auth/logout").status_code == 204
    assert desk_api.get("/api/me").status_code == 401
    assert _refresh(system, desk["refresh_token"]).status_code == 401
    assert Api(system.base_url, ipad["access_token"]).get("/api/me").status_code == 200
    by_refresh_token = requests.post(f"{system.base_url}/api/auth/logout",
                                     json={"refresh_token": ipad["refresh_token"]}, timeout=30)
    assert by_refresh_token.status_code == 204
    assert Api(system.base_url, ipad["access_token"]).get("/api/me").status_code == 401


def test_an_admins_change_of_role_ends_the_users_tokens_at_once(system, as_user):
    user = _new_user(as_user, "promoted")
    before = login(system.base_url, "promoted")
    assert before.get("/api/development-plans").status_code == 200
    changed = as_user("admin").patch(f"/api/users/{user['id']}", json={"role": "analyst", "display_name": "新名字"})
    assert changed.status_code == 200 and changed.json()["role"] == "analyst", changed.text
    assert before.get("/api/me").status_code == 401
    assert before.get("/api/customers").status_code == 401
    me = login(system.base_url, "promoted").get("/api/me").json()
    assert (me["role"], me["display_name"]) == ("analyst", "新名字")


def test_a_disabled_user_cannot_log_in_and_their_token_fails_everywhere(system, as_user):
    user = _new_user(as_user, "leaver")
    token = login(system.base_url, "leaver")
    refresh_token = _log_in(system, "leaver").json()["refresh_token"]
    assert as_user("admin").patch(f"/api/users/{user['id']}", json={"disabled": True}).json()["disabled"] is True
    for path in ("/api/me", "/api/customers", "/api/visits", "/api/tasks", "/api/users", "/api/analytics/funnel"):
        assert token.get(path).status_code == 401, path
    assert _refresh(system, refresh_token).status_code == 401
    refused = _log_in(system, "leaver")
    assert refused.status_code == 401 and refused.json()["code"] == "account_disabled"
    assert _log_in(system, "leaver", "wrong-password").json()["code"] == "unauthorized"  # says nothing without it
    as_user("admin").patch(f"/api/users/{user['id']}", json={"disabled": False})
    assert _log_in(system, "leaver").status_code == 200


def test_a_password_reset_ends_the_users_sessions(system, as_user):
    user = _new_user(as_user, "forgetful")
    old = login(system.base_url, "forgetful")
    reset = as_user("admin").post(f"/api/users/{user['id']}/reset-password", json={"password": "brand-new-pass"})
    assert reset.status_code == 204, reset.text
    assert old.get("/api/me").status_code == 401
    assert _log_in(system, "forgetful").status_code == 401
    assert _log_in(system, "forgetful", "brand-new-pass").status_code == 200


def test_only_the_admin_changes_users_and_not_their_own_standing(system, as_user):
    user = _new_user(as_user, "target")
    admin_id = as_user("admin").get("/api/me").json()["id"]
    assert as_user("manager").patch(f"/api/users/{user['id']}", json={"role": "manager"}).status_code == 403
    assert as_user("manager").post(f"/api/users/{user['id']}/reset-password",
                                   json={"password": "long-enough-1"}).status_code == 403
    assert as_user("admin").patch("/api/users/nobody", json={"role": "manager"}).status_code == 404
    assert as_user("admin").patch(f"/api/users/{user['id']}", json={}).status_code == 422
    assert as_user("admin").patch(f"/api/users/{user['id']}", json={"role": "boss"}).status_code == 422
    assert as_user("admin").post(f"/api/users/{user['id']}/reset-password", json={"password": "short"}).status_code == 422
    own = as_user("admin").patch(f"/api/users/{admin_id}", json={"disabled": True})
    assert own.status_code == 409 and own.json()["code"] == "own_account"


def test_colleagues_see_names_and_roles_but_no_usernames(as_user):
    items = as_user("dev1").get("/api/users").json()["items"]
    assert items and all(set(item) == {"id", "display_name", "role"} for item in items)
    assert any(item["username"] == "manager" for item in as_user("admin").get("/api/users").json()["items"])


def test_planning_a_visit_or_a_reception_opens_no_sensitive_data_and_logs_no_read(as_user):
    developer, manager = as_user("dev1"), as_user("manager")
    customer = developer.post("/api/customers", json={
        "name": "欧阳修", "sensitive": {"health": "高血压"}, "consent": {"sensitive": True, "purpose": "挑选礼品"}}).json()
    soon = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    visit = developer.post("/api/visits", json={"customer_id": customer["id"], "planned_at": soon, "place": "客户家中",
                                                "method": "in_person", "objectives": "拜访", "budget": "100.00"})
    reception = developer.post("/api/receptions", json={"customer_id": customer["id"], "scheduled_at": soon,
                                                        "party_size": 2})
    assert (visit.status_code, reception.status_code) == (201, 201), (visit.text, reception.text)

    assert manager.get(f"/api/customers/{customer['id']}/access-log").json()["items"] == []


def test_a_manager_may_not_approve_the_reception_they_host(as_user):
    manager = as_user("manager")
    customer = manager.post("/api/customers", json={"name": "诸葛亮"}).json()
    reception = manager.post("/api/receptions", json={
        "customer_id": customer["id"], "scheduled_at": (datetime.now(UTC) + timedelta(days=2)).isoformat(),
        "party_size": 2}).json()
    assert manager.post(f"/api/receptions/{reception['id']}/submit").status_code == 200

    refused = manager.post(f"/api/receptions/{reception['id']}/approve", json={})

    assert refused.status_code == 409 and refused.json()["code"] == "own_submission"
    assert "approve" not in manager.get(f"/api/receptions/{reception['id']}").json()["actions"]
