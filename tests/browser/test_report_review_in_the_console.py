"""In a real browser: 报告检查. The manager's approvals page lists the reports waiting for review; a visit's
report returned with a comment reaches its visitor in 通知, is revised and accepted, and only then is its claim
approved; a reception's report is accepted from the same queue."""
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.test_console_basics import log_in
from tests.browser.test_seed_chain_in_the_console import revisit


def summarized_visit_with_a_claim(as_user, name):
    developer, manager = as_user("dev1"), as_user("manager")
    customer = developer.post("/api/customers", json={"name": name}).json()
    visit = developer.post("/api/visits", json={"customer_id": customer["id"], "place": "客户公司",
                                                "planned_at": (datetime.now(UTC) - timedelta(hours=3)).isoformat()}).json()
    developer.post(f"/api/visits/{visit['id']}/submit")
    manager.post(f"/api/visits/{visit['id']}/approve", json={"funded_amount": "500.00"})
    developer.post(f"/api/visits/{visit['id']}/record", json={
        "occurred_at": (datetime.now(UTC) - timedelta(hours=2)).isoformat(), "talking_points": "介绍克拉钻"})
    developer.post(f"/api/visits/{visit['id']}/summary", json={"text": "客户有意向"})
    claim = developer.post("/api/expense-claims", json={"subject": {"type": "visit", "id": visit["id"]},
                                                         "items": [{"category": "travel", "amount": "80.00"}]}).json()
    developer.post(f"/api/expense-claims/{claim['id']}/submit")
    return visit, claim


def reported_reception(as_user, name):
    developer, manager = as_user("dev1"), as_user("manager")
    customer = developer.post("/api/customers", json={"name": name}).json()
    reception = developer.post("/api/receptions", json={
        "customer_id": customer["id"], "scheduled_at": datetime.now(UTC).isoformat(), "party_size": 2}).json()
    developer.post(f"/api/receptions/{reception['id']}/submit")
    manager.post(f"/api/receptions/{reception['id']}/approve", json={})
    return developer.post(f"/api/receptions/{reception['id']}/report",
                          json={"experience": "客户满意", "outcome": "follow_up"}).json()


@pytest.mark.timeout(600)
def test_a_returned_report_is_revised_and_accepted_before_its_claim_is_approved(browser, browser_context_args,
                                                                                 system, as_user):
    visit, claim = summarized_visit_with_a_claim(as_user, "上官婉儿")
    reception = reported_reception(as_user, "诸葛明月")
    manager, developer = browser.new_page(**browser_context_args), browser.new_page(**browser_context_args)
    log_in(manager, system.base_url, "manager")
    log_in(developer, system.base_url, "dev1")

    open_area(manager, "approvals")
    queue = manager.locator(".review-queue")
    expect(queue.locator("h2")).to_have_text("报告检查")
    queue.locator("tr", has_text="上官婉儿").locator("button[data-action=return]").click()
    manager.fill("#dialog-form textarea[name=comment]", "请补充客户对报价的反馈")
    manager.click("#dialog-form button[type=submit]")
    expect(queue.locator("tr", has_text="上官婉儿")).to_have_count(0)

    # the visitor is told in 通知, with the comment, and opens the visit from there
    notice = developer.locator("tr", has_text="上官婉儿").filter(has_text="被退回修改")
    for _ in range(20):  # the notice comes through the bus a moment after the review
        open_area(developer, "notifications")
        developer.wait_for_timeout(500)
        if notice.count():
            break
    expect(notice).to_contain_text("请补充客户对报价的反馈")
    notice.locator("a", has_text="查看").click()
    expect(developer).to_have_url(f"{system.base_url}/#/visits/{visit['id']}")
    review = developer.locator("section", has_text="报告检查")
    expect(review).to_contain_text("已退回")
    expect(review).to_contain_text("请补充客户对报价的反馈")
    expect(developer.locator("button[data-action=accept]")).to_have_count(0)
    developer.fill("#revise-form textarea[name=customer_feedback]", "客户接受九二折")
    developer.click("#revise-form button[type=submit]")
    expect(developer.locator("section", has_text="报告检查").locator(".review-status")).to_contain_text("待检查")
    expect(developer.locator("#revise-form")).to_have_count(0)

    revisit(manager, f"{system.base_url}/#/claims/{claim['id']}")
    manager.get_by_role("button", name="批准").click()
    expect(manager.locator(".action-error")).to_contain_text("检查")  # 409 review_required, in Chinese
    open_area(manager, "approvals")
    queue.locator("tr", has_text="上官婉儿").locator("button[data-action=accept]").click()
    expect(queue.locator("tr", has_text="上官婉儿")).to_have_count(0)
    queue.locator("tr", has_text="诸葛明月").locator("button[data-action=accept]").click()
    expect(queue.locator("tr", has_text="诸葛明月")).to_have_count(0)

    revisit(manager, f"{system.base_url}/#/visits/{visit['id']}")
    versions = manager.locator("section", has_text="报告检查").locator("table")
    expect(versions).to_contain_text("#1")
    expect(versions).to_contain_text("已退回")
    expect(versions).to_contain_text("客户接受九二折")
    revisit(manager, f"{system.base_url}/#/claims/{claim['id']}")
    manager.get_by_role("button", name="批准").click()
    expect(manager.locator(".badge").first).to_have_text("已批准")
    revisit(developer, f"{system.base_url}/#/receptions/{reception['id']}")
    expect(developer.locator("section", has_text="报告检查")).to_contain_text("已通过")
