"""In a real browser at 390 px: date fields read in Chinese. Chromium draws a date input's own text in its UI
language (English here, mm/dd/yyyy and AM/PM, whatever the page's lang); the console writes the value, or
a hint, over it in Chinese while it is not being edited, and the value sent stays ISO."""
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_console_basics import log_in

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.mark.timeout(120)
def test_date_fields_read_in_chinese_on_a_phone(browser, browser_context_args, system):
    page = browser.new_page(**{**browser_context_args, "viewport": {"width": 390, "height": 844}})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, system.base_url, "dev1")
    page.goto(f"{system.base_url}/#/visits/new")
    planned = page.locator("input[name=planned_at]")
    hint = page.locator("[data-field=planned_at] .date-hint")
    expect(planned).to_be_visible()
    if planned.input_value():
        planned.fill("")
        planned.blur()
    expect(hint).to_have_text("年 / 月 / 日  时:分")
    planned.fill("2026-12-20T15:00")
    planned.blur()
    expect(hint).to_have_text("2026年12月20日 15:00")
    assert planned.input_value() == "2026-12-20T15:00"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "developer-new-visit-dates-390.png"), full_page=True)

    page.goto(f"{system.base_url}/#/events")
    month = page.locator("input[name=month]")
    expect(month).to_be_visible()
    expect(page.locator(".date-wrap .date-hint").first).to_contain_text("年")
    expect(page.locator(".date-wrap .date-hint").first).to_contain_text(f"{int(month.input_value()[5:])}月")
    page.screenshot(path=str(SHOTS / "developer-events-month-390.png"), full_page=True)
    assert errors == []
