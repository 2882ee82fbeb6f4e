"""In a real browser: the events calendar opens on the month of the browser's own date. At 01:30 on
1 January in Shanghai it is still 31 December in UTC; an iPad in Shanghai opens on January, and the
event at 00:30 that morning is January's."""
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.test_console_basics import log_in

NEW_YEAR_IN_SHANGHAI = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)  # 2027-01-01 01:30 in Shanghai


@pytest.mark.timeout(120)
def test_the_calendar_opens_on_the_browsers_own_month(browser, browser_context_args, system, as_user):
    title = f"新年早场品鉴会{uuid.uuid4().hex[:4].upper()}"
    starts = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)  # 00:30 on 1 January in Shanghai
    created = as_user("planner").post("/api/events", json={
        "title": title, "kind": "club", "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=2)).isoformat(), "venue": "总部品鉴厅", "capacity": 20,
        "budget": "3000.00"})
    assert created.status_code == 201, created.text
    context = browser.new_context(**{**browser_context_args, "timezone_id": "Asia/Shanghai"})
    page = context.new_page()
    page.clock.set_fixed_time(NEW_YEAR_IN_SHANGHAI)
    log_in(page, system.base_url, "planner")
    open_area(page, "events")
    calendar = page.locator("section", has_text="2027-01")
    expect(calendar.locator("h2")).to_contain_text("2027-01")
    expect(page.locator("input[name=month]")).to_have_value("2027-01")
    expect(calendar).to_contain_text(title)
    context.close()
