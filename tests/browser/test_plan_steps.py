"""In a real browser: carrying out a development plan (实施开发计划). On the plan page its developer adds
steps (the method from the vocabulary, a due date) and marks one done by the customer's contact, picked
from the customer's own work; the progress bar shows on the plan, on the customer file and in the
manager's list of plans. Screenshots of the plan page at 1366 and 390 px."""
import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.test_console_basics import log_in
from tests.browser.test_seed_chain_in_the_console import revisit
from tests.system import unique_phone

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def approved_plan_with_a_contact(as_user, name):
    developer, manager = as_user("dev1"), as_user("manager")
    customer = developer.post("/api/customers", json={"name": name, "phone": unique_phone()}).json()
    developer.post(f"/api/customers/{customer['id']}/assessments", json={
        "expected_revenue": "90000.00", "expected_profit": "27000.00", "risk_factor": "0.2",
        "costs": {"staff": "1500.00", "travel": "400.00"}})
    plan = developer.post("/api/development-plans", json={
        "customer_id": customer["id"], "methods": ["mailing", "visit"], "plan": "先寄送周年钻戒图册，再上门拜访",
        "budget": "1600.00"}).json()
    developer.post(f"/api/development-plans/{plan['id']}/submit")
    manager.post(f"/api/development-plans/{plan['id']}/approve")
    developer.post(f"/api/customers/{customer['id']}/contacts", json={"channel": "wechat", "topic": "图册已寄出"})
    return customer, plan


def in_shanghai(days):
    return (datetime.now(UTC) + timedelta(hours=8, days=days)).date().isoformat()


@pytest.mark.timeout(300)
def test_a_plan_is_carried_out_on_its_page(browser, browser_context_args, system, as_user):
    name = f"慕容{uuid.uuid4().hex[:5].upper()}"
    customer, plan = approved_plan_with_a_contact(as_user, name)
    page = browser.new_page(**browser_context_args)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, system.base_url, "dev1")

    revisit(page, f"{system.base_url}/#/customers/{customer['id']}")
    page.locator("section", has_text="开发方案").get_by_role("link", name="查看方案").click()
    expect(page.locator(".plan-page")).to_contain_text("尚无实施步骤")
    steps = page.locator("#step-form")
    steps.locator("select[name=method]").select_option("mailing")
    steps.locator("input[name=due_on]").fill(in_shanghai(3))
    steps.locator("button[type=submit]").click()
    expect(page.locator(".plan-page table")).to_contain_text("邮寄资料")
    steps = page.locator("#step-form")
    steps.locator("select[name=method]").select_option("visit")
    steps.locator("input[name=due_on]").fill(in_shanghai(10))
    steps.locator("button[type=submit]").click()
    expect(page.locator(".plan-page .plan-progress").first).to_contain_text("已完成 0/2")

    page.locator("tr", has_text="邮寄资料").locator("button[data-action=complete]").click()
    picker = page.locator("#dialog-form select[name=done_by]")
    expect(picker).to_contain_text("图册已寄出")
    picker.select_option(label=picker.locator("option", has_text="图册已寄出").inner_text())
    page.click("#dialog-form button[type=submit]")
    done = page.locator("tr", has_text="邮寄资料")
    expect(done).to_contain_text("已完成")
    expect(done).to_contain_text("图册已寄出")
    expect(done.locator("button[data-action=complete]")).to_have_count(0)
    expect(page.locator(".plan-page .plan-progress").first).to_contain_text("已完成 1/2")
    expect(page.locator(".plan-page .plan-progress").first).to_contain_text("下一步：拜访")

    SHOTS.mkdir(parents=True, exist_ok=True)
    expect(page.locator("#toast")).not_to_have_class(re.compile("show"), timeout=6000)
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900 if width > 500 else 844})
        page.wait_for_timeout(150)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(SHOTS / f"developer-plan-steps-{width}.png"), full_page=True)
    page.set_viewport_size(browser_context_args["viewport"])

    revisit(page, f"{system.base_url}/#/customers/{customer['id']}")
    expect(page.locator("section", has_text="开发方案").locator(".plan-progress").first).to_contain_text("已完成 1/2")

    manager = browser.new_page(**browser_context_args)
    log_in(manager, system.base_url, "manager")
    open_area(manager, "plans")
    row = manager.locator("tr", has_text=name)
    expect(row).to_contain_text("已完成 1/2")
    row.click()
    expect(manager.locator(".plan-page")).to_contain_text("先寄送周年钻戒图册")
    expect(manager.locator("#step-form")).to_be_visible()  # managers may add steps too
    manager.set_viewport_size({"width": 390, "height": 844})
    open_area(manager, "plans")
    expect(manager.locator("tr", has_text=name)).to_be_visible()
    manager.screenshot(path=str(SHOTS / "manager-plans-390.png"), full_page=True)
    manager.set_viewport_size({"width": 1366, "height": 900})
    manager.reload()
    expect(manager.locator("tr", has_text=name)).to_be_visible()
    manager.screenshot(path=str(SHOTS / "manager-plans-1366.png"), full_page=True)
    assert errors == []
