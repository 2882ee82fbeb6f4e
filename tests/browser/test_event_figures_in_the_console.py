"""Event figures in a real browser: an event run to attendance and a deal over the API, then the manager's
analytics page lists it with its guests, cost, deals and revenue after, and the planner sees the
event's own figures on its page. Screenshots land in build/screenshots/."""
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kam import testing
from tests.browser.menu import open_area
from tests.browser.test_console_basics import log_in
from tests.e2e.test_event_figures import close_a_deal

SHOTS = Path("build/screenshots")
STARTS = (datetime.now(UTC) + timedelta(days=25)).replace(hour=10, minute=0, second=0, microsecond=0)
TITLE = "珍珠与彩宝俱乐部之夜"


def an_event_with_a_guest_who_came_and_bought(as_user, clock):
    planner, manager, developer = as_user("planner"), as_user("manager"), as_user("dev1")
    event = planner.post("/api/events", json={
        "title": TITLE, "kind": "club", "starts_at": STARTS.isoformat(),
        "ends_at": (STARTS + timedelta(hours=3)).isoformat(), "venue": "总部会员厅", "capacity": 12,
        "budget": "20000.00", "description": "南洋金珠与彩色宝石"}).json()
    planner.post(f"/api/events/{event['id']}/submit")
    manager.post(f"/api/events/{event['id']}/approve", json={"funded_amount": "18000.00"})
    customer = developer.post("/api/customers", json={"name": "慕容静怡"}).json()
    developer.post(f"/api/events/{event['id']}/invitations", json={"customer_ids": [customer["id"]]})
    [invitation] = planner.get(f"/api/events/{event['id']}/invitations").json()["items"]
    clock.set(STARTS - timedelta(minutes=15))
    assert planner.post(f"/api/invitations/{invitation['id']}/check-in").json()["status"] == "attended"
    clock.set(STARTS + timedelta(hours=1))
    deal = close_a_deal(developer, manager, customer["id"])
    testing.wait_until(lambda: planner.get(f"/api/analytics/events/{event['id']}").json().get("deals_after") == 1,
                       timeout=20, message="analytics to count the deal after the event")
    return event, deal


@pytest.mark.timeout(300)
def test_the_analytics_page_and_the_event_page_show_the_events_figures(browser, browser_context_args, system,
                                                                       as_user, clock):
    event, deal = an_event_with_a_guest_who_came_and_bought(as_user, clock)
    in_utc = {**browser_context_args, "timezone_id": "UTC"}
    manager, planner = browser.new_page(**in_utc), browser.new_page(**in_utc)
    SHOTS.mkdir(parents=True, exist_ok=True)

    log_in(manager, system.base_url, "manager")
    open_area(manager, "analytics")
    day = STARTS.date().isoformat()
    manager.fill("#period-form input[name=from]", day)
    manager.fill("#period-form input[name=to]", day)
    manager.click("#period-form button[type=submit]")
    block = manager.locator("section.card", has=manager.locator("h2", has_text="活动效果"))
    row = block.locator("tr", has_text=TITLE)
    expect(row).to_be_visible()
    expect(row.locator("td[data-label=已签到]")).to_have_text("1")
    expect(row.locator("td[data-label='活动后 90 天成交']")).to_have_text("1")
    expect(row.locator("td[data-label='活动后 90 天销售额']")).to_have_text("¥58,800.00")
    expect(row.locator("td[data-label=投入产出比]")).to_have_text("—")
    developers = manager.locator("section.card", has=manager.locator("h2", has_text="开发人员业绩"))
    expect(developers.locator("tr", has_text="测试dev1").locator("td[data-label=活动出席]")).to_have_text("1")
    manager.screenshot(path=str(SHOTS / "analytics-event-figures.png"), full_page=True)

    log_in(planner, system.base_url, "planner")
    planner.goto(system.base_url + f"/#/events/{event['id']}")
    figures = planner.locator("section.card", has=planner.locator("h2", has_text="活动效果"))
    expect(figures).to_contain_text("¥58,800.00")
    expect(figures.locator("dt", has_text="活动后 90 天成交").locator("xpath=following-sibling::dd[1]")).to_have_text("1")
    planner.screenshot(path=str(SHOTS / "event-page-figures.png"), full_page=True)
    assert deal["total"] == "58800.00"
