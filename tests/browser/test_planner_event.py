"""The planner's event in a real browser: planned in the calendar, submitted, approved by the manager,
a developer invites their own customer from "invite my customers", the planner records the answer,
checks the guest in at the door on the check-in screen, and files the report after the event.
Screenshots at 1366, 1024 and 390 px land in build/screenshots/."""
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.test_console_basics import log_in
from tests.browser.test_seed_chain_in_the_console import answer, revisit
from tests.system import unique_phone

SHOTS = Path("build/screenshots")
WIDTHS = (1366, 1024, 390)
STARTS = (datetime.now(UTC) + timedelta(days=12)).replace(hour=6, minute=0, second=0, microsecond=0)
SHANGHAI = ZoneInfo("Asia/Shanghai")  # the department's zone: the form's wall times are read in it


def wall_time(instant):
    return instant.astimezone(SHANGHAI).strftime("%Y-%m-%dT%H:%M")


def shots(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_timeout(150)
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1180, "height": 820})


@pytest.mark.timeout(600)
def test_the_planners_event_from_draft_to_report_and_the_door(browser, browser_context_args, system, as_user,
                                                              clock):
    in_utc = {**browser_context_args, "timezone_id": "UTC"}
    planner, manager, developer = (browser.new_page(**in_utc) for _ in range(3))
    phone = unique_phone()
    as_user("dev1").post("/api/customers", json={"name": "上官婉儿", "phone": phone,
                                                          "category": "important"}).json()
    log_in(planner, system.base_url, "planner")
    log_in(manager, system.base_url, "manager")
    log_in(developer, system.base_url, "dev1")

    open_area(planner, "events")
    expect(planner.locator("h2").first).to_contain_text("活动日历")
    planner.click("a.button.primary")
    planner.fill("#new-event input[name=title]", "秋季高级珠宝品鉴会")
    planner.select_option("#new-event select[name=kind]", "appraisal_salon")
    planner.fill("#new-event input[name=venue]", "总部三楼品鉴厅")
    planner.fill("#new-event input[name=starts_at]", wall_time(STARTS))
    planner.fill("#new-event input[name=ends_at]", wall_time(STARTS + timedelta(hours=3)))
    planner.fill("#new-event input[name=capacity]", "20")
    planner.fill("#new-event input[name=budget]", "30000")
    planner.fill("#new-event textarea[name=description]", "一克拉以上钻石与彩色宝石")
    planner.click("#new-event button[type=submit]")
    expect(planner).to_have_url(re.compile(r"#/events/(?!new$)\w+$"))
    event_url = planner.url
    expect(planner.locator(".badge").first).to_have_text("草稿")
    planner.get_by_role("button", name="提交审批").dblclick()
    expect(planner.locator(".badge").first).to_have_text("待审批")
    expect(planner.get_by_role("button", name="批准")).to_have_count(0)

    open_area(manager, "events")
    if STARTS.strftime("%Y-%m") != datetime.now(UTC).strftime("%Y-%m"):
        manager.get_by_role("button", name=re.compile("下月")).click()
    manager.get_by_role("link", name="秋季高级珠宝品鉴会").click()
    manager.get_by_role("button", name="批准").click()
    answer(manager, "28000")
    expect(manager.locator(".badge").first).to_have_text("已批准")

    open_area(developer, "invite")
    invite = f"#invite-customers-{event_url.rsplit('/', 1)[-1]}"  # this event's: other tests' events may be open too
    developer.locator(f"{invite} select[name=customer_ids]").select_option(label=f"上官婉儿 · {phone}")
    shots(developer, "developer-invite-my-customers")
    developer.click(f"{invite} button[type=submit]")
    expect(developer.locator(".invite-result", has_text="已邀请 1 位客户")).to_have_count(1)

    revisit(planner, event_url)
    row = planner.locator("tr", has_text="上官婉儿")
    expect(row).to_contain_text("已邀请")
    row.get_by_role("button", name="接受").click()
    expect(planner.locator("tr", has_text="上官婉儿")).to_contain_text("已接受")
    expect(planner.locator("[data-count=accepted] strong")).to_have_text("1")
    shots(planner, "planner-event")

    clock.set(STARTS - timedelta(minutes=20))
    planner.get_by_role("link", name="现场签到").click()
    planner.fill("input.door-search", phone[-4:])
    card = planner.locator(".door-guest", has_text="上官婉儿")
    expect(card).to_have_count(1)
    shots(planner, "planner-check-in")
    card.get_by_role("button", name="签到").click()
    expect(planner.locator(".door-guest.arrived", has_text="上官婉儿")).to_be_visible()
    expect(planner.locator(".door-tally")).to_contain_text("已签到 1")
    shots(planner, "planner-check-in-arrived")

    clock.set(STARTS + timedelta(hours=4))
    revisit(planner, event_url)
    planner.fill("#report-form textarea[name=summary]", "嘉宾准时到场，现场预约私人品鉴")
    planner.fill("#report-form textarea[name=highlights]", "彩色宝石讲解\n克拉钻试戴")
    planner.click("#report-form button[type=submit]")
    expect(planner.locator(".badge").first).to_have_text("已报告")
    expect(planner.locator("[data-count=attended] strong")).to_have_text("1")
    shots(planner, "planner-event-reported")

    planner.goto(system.base_url + f"/#/events?month={STARTS.strftime('%Y-%m')}")
    expect(planner.locator("tr", has_text="秋季高级珠宝品鉴会")).to_contain_text("已报告")
    shots(planner, "planner-events-calendar")
