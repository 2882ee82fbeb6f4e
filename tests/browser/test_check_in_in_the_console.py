"""In a real browser: 签到. The visitor checks in from the visit page; the browser's geolocation is asked
for (granted in one context, denied in another: the check-in goes through with no location); the record
form then takes the visit's time from the check-in; the coordinator sees who is where today."""
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.test_console_basics import log_in
from tests.browser.test_seed_chain_in_the_console import revisit

SHANGHAI = {"latitude": 31.2304, "longitude": 121.4737}


def approved_visit(as_user, developer, name, place):
    customer = as_user(developer).post("/api/customers", json={"name": name}).json()
    visit = as_user(developer).post("/api/visits", json={
        "customer_id": customer["id"], "place": place,
        "planned_at": (datetime.now(UTC) + timedelta(hours=1)).isoformat()}).json()
    as_user(developer).post(f"/api/visits/{visit['id']}/submit")
    as_user("manager").post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "300.00"})
    return visit


@pytest.mark.timeout(600)
def test_the_visitor_checks_in_with_or_without_a_location_and_the_coordinator_sees_it(browser, browser_context_args,
                                                                                      system, as_user):
    located = approved_visit(as_user, "dev1", "慕容雪", "客户公司")
    unlocated = approved_visit(as_user, "dev2", "欧阳菲", "国金中心")
    granted = browser.new_context(**browser_context_args, geolocation=SHANGHAI, permissions=["geolocation"])
    denied = browser.new_context(**browser_context_args)  # no permission: the browser refuses the location
    developer, other = granted.new_page(), denied.new_page()
    log_in(developer, system.base_url, "dev1")
    log_in(other, system.base_url, "dev2")

    revisit(developer, f"{system.base_url}/#/visits/{located['id']}")
    developer.locator("button[data-action=check_in]").click()
    details = developer.locator("section").first
    expect(details).to_contain_text("31.23040")
    expect(details).to_contain_text("121.47370")
    expect(developer.locator("button[data-action=check_in]")).to_have_count(0)
    checked_in = as_user("dev1").get(f"/api/visits/{located['id']}").json()["check_in"]
    assert checked_in["location"] == {"lat": 31.2304, "lng": 121.4737} and checked_in["place"] == "客户公司"

    revisit(other, f"{system.base_url}/#/visits/{unlocated['id']}")
    other.locator("button[data-action=check_in]").click()
    expect(other.locator("section").first).to_contain_text("未提供位置")
    assert as_user("dev2").get(f"/api/visits/{unlocated['id']}").json()["check_in"]["location"] is None

    developer.fill("#record-form textarea[name=talking_points]", "介绍新款铂金对戒")
    developer.click("#record-form button[type=submit]")
    expect(developer.locator(".badge").first).to_have_text("已拜访")
    recorded = as_user("dev1").get(f"/api/visits/{located['id']}").json()
    assert recorded["record"]["occurred_at"] == checked_in["at"]
    assert datetime.fromisoformat(recorded["callback"]["due_at"]) == datetime.fromisoformat(checked_in["at"]) + timedelta(days=7)

    coordinator = browser.new_page(**browser_context_args)
    log_in(coordinator, system.base_url, "coordinator")
    open_area(coordinator, "logistics")
    whereabouts = coordinator.locator(".whereabouts")
    expect(whereabouts.locator("tr", has_text="慕容雪")).to_contain_text("客户公司")
    expect(whereabouts.locator("tr", has_text="欧阳菲")).to_contain_text("未提供位置")
    granted.close()
    denied.close()
