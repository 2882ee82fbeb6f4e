"""In a real browser: the planner raises a visit's level (提升拜访等级) and its visitor sees it; a developer's
development plan names the event it invites the customer to; the planner files the event's expense
claim from the event page, submitted once the event is reported."""
import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.test_console_basics import log_in
from tests.browser.test_seed_chain_in_the_console import revisit

STARTS = (datetime.now(UTC) + timedelta(days=14)).replace(hour=6, minute=0, second=0, microsecond=0)


def approved_event(as_user, title):
    event = as_user("planner").post("/api/events", json={
        "title": title, "kind": "club", "starts_at": STARTS.isoformat(),
        "ends_at": (STARTS + timedelta(hours=3)).isoformat(), "venue": "总部会所", "capacity": 30,
        "budget": "8000.00", "description": None}).json()
    as_user("planner").post(f"/api/events/{event['id']}/submit")
    return as_user("manager").post(f"/api/events/{event['id']}/approve", json={"funded_amount": "6000.00"}).json()


@pytest.mark.timeout(600)
def test_visit_support_a_plans_event_and_an_events_claim(browser, browser_context_args, system, as_user, clock):
    event = approved_event(as_user, "会员答谢晚宴")
    customer = as_user("dev1").post("/api/customers", json={"name": "东方明珠", "category": "high_value"}).json()
    visit = as_user("dev1").post("/api/visits", json={
        "customer_id": customer["id"], "method": "in_person",
        "planned_at": (datetime.now(UTC) + timedelta(days=3)).isoformat(), "place": "客户公司"}).json()
    planner, developer = browser.new_page(**browser_context_args), browser.new_page(**browser_context_args)
    log_in(planner, system.base_url, "planner")
    log_in(developer, system.base_url, "dev1")

    open_area(planner, "visits")
    revisit(planner, f"{system.base_url}/#/visits/{visit['id']}")
    planner.locator("button[data-action=support]").click()
    planner.select_option("#dialog-form select[name=kind]", "senior_leader")
    planner.fill("#dialog-form input[name=leader_name]", "周总")
    planner.fill("#dialog-form textarea[name=note]", "周总陪同，带新品图册")
    planner.click("#dialog-form button[type=submit]")
    expect(planner.locator("dialog")).to_have_count(0)

    revisit(developer, f"{system.base_url}/#/visits/{visit['id']}")
    support = developer.locator("section", has_text="拜访支持")
    expect(support).to_contain_text("高层领导陪同拜访")
    expect(support).to_contain_text("周总")
    expect(developer.locator("button[data-action=support]")).to_have_count(0)

    revisit(developer, f"{system.base_url}/#/customers/{customer['id']}")
    plan_form = developer.locator("#plan-form")
    expect(plan_form.locator("[data-field=event_id]")).to_be_hidden()
    plan_form.get_by_label("俱乐部活动").check()
    expect(plan_form.locator("[data-field=event_id]")).to_be_visible()
    plan_form.locator("select[name=event_id]").select_option(event["id"])
    plan_form.locator("textarea[name=plan]").fill("邀请参加会员答谢晚宴")
    plan_form.locator("input[name=budget]").fill("500")
    plan_form.locator("button[type=submit]").click()
    expect(developer.locator("table", has_text="邀请参加会员答谢晚宴")).to_contain_text("会员答谢晚宴")

    clock.set(STARTS + timedelta(hours=4))
    as_user("planner").post(f"/api/events/{event['id']}/report", json={"summary": "到场二十人"})
    open_area(planner, "events")
    revisit(planner, f"{system.base_url}/#/events/{event['id']}")
    planner.fill("#subject-claim input[name=amount]", "4200")
    planner.fill("#subject-claim input[name=note]", "晚宴餐费")
    planner.select_option("#subject-claim select[name=category]", "meal")
    planner.click("#subject-claim button[type=submit]")
    expect(planner).to_have_url(re.compile(r"#/claims/\w+$"))
    planner.get_by_role("button", name="提交审批").click()
    expect(planner.locator(".badge").first).to_have_text("已提交")
    planner.locator(f"main a[href='#/events/{event['id']}']").click()
    expect(planner.locator("section", has_text="活动费用报销")).to_contain_text("已提交")
