"""The seed's chain in a real browser, as a developer and a manager would walk it: a new customer, a visit
plan, approval with funding, the visit record, the callback task on My day, the summary, the expense
claim, the report's review, the claim's approval and reimbursement. Screenshots land in tests/browser/screenshots/."""
import re

from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.picker import pick_customer
from tests.browser.test_console_basics import log_in
from tests.system import unique_phone


def revisit(page, url):
    """Open `url` afresh (a hash URL the page is already on would not re-render)."""
    page.goto(url)
    page.reload()


def answer(page, value):
    """Answer the console's question dialog."""
    page.fill("dialog.ask input[name=answer]", value)
    page.click("dialog.ask button[value=ok]")


def fill_dialog(page, **values):
    """Fill the fields an action asks for in the console's modal form, and send it."""
    for name, value in values.items():
        page.fill(f"dialog.ask [name={name}]", value)
    page.click("dialog.ask button[type=submit]")


def test_the_seeds_chain_as_a_developer_and_a_manager(browser, browser_context_args, system, screenshot):
    developer = browser.new_page(**browser_context_args)
    manager = browser.new_page(**browser_context_args)
    log_in(developer, system.base_url, "dev1")
    log_in(manager, system.base_url, "manager")

    open_area(developer, "customers")
    developer.click("a.button.primary")
    developer.fill("#new-customer input[name=name]", "林婉清")
    developer.select_option("#new-customer select[name=category]", "high_value")
    developer.fill("#new-customer input[name=phone]", unique_phone())
    key_date = developer.locator("#new-customer [data-name=key_dates] .rows-line").first
    key_date.locator("select[name=kind]").select_option("wedding_anniversary")
    key_date.locator("input[name=date]").fill("2016-06-18")
    developer.click("#new-customer button[type=submit]")
    expect(developer.locator("h2").first).to_have_text("林婉清")
    expect(developer.locator(".customer-file")).to_contain_text("2016-06-18")  # the anniversary was saved

    open_area(developer, "visits")
    developer.click("a.button.primary")
    pick_customer(developer, "#new-visit", "林婉清")
    developer.fill("#new-visit input[name=planned_at]", "2026-11-20T15:00")
    developer.fill("#new-visit input[name=place]", "客户家中")
    developer.fill("#new-visit textarea[name=objectives]", "介绍结婚十周年克拉钻")
    developer.fill("#new-visit input[name='preparation.products']", "1克拉结婚周年钻戒")
    developer.fill("#new-visit input[name=budget]", "800")
    developer.click("#new-visit button[type=submit]")
    expect(developer).to_have_url(re.compile(r"#/visits/(?!new$)\w+$"))
    visit_url = developer.url
    developer.get_by_role("button", name="提交审批").click()
    expect(developer.locator(".badge").first).to_have_text("待审批")
    expect(developer.get_by_role("button", name="批准")).to_have_count(0)

    open_area(manager, "approvals")
    row = manager.locator("tr", has_text="林婉清")
    expect(row).to_be_visible()
    screenshot(manager, "manager-approvals")
    row.get_by_role("button", name="批准").click()
    expect(manager.locator("dialog.ask")).to_be_visible()
    screenshot(manager, "manager-approve-with-funding")
    fill_dialog(manager, funded_amount="600")
    expect(manager.locator("tr", has_text="林婉清")).to_have_count(0)

    revisit(developer, visit_url)
    expect(developer.locator(".badge").first).to_have_text("已批准")
    developer.fill("#record-form input[name=occurred_at]", "2026-11-20T15:30")
    developer.fill("#record-form input[name=place]", "客户家中")
    developer.fill("#record-form textarea[name=talking_points]", "介绍克拉钻与私人定制")
    developer.fill("#record-form textarea[name=customer_feedback]", "喜欢圆钻，预算八万")
    developer.fill("#record-form textarea[name=next_steps]", "准备三款设计稿")
    developer.click("#record-form button[type=submit]")
    expect(developer.locator(".badge").first).to_have_text("已拜访")

    open_area(developer, "myday")
    callback = developer.locator("tr", has_text="林婉清")
    expect(callback.first).to_contain_text("回访", timeout=20000)
    screenshot(developer, "developer-my-day")

    revisit(developer, visit_url)
    developer.fill("#summary-form textarea[name=text]", "客户意向明确，下一步邀请到店品鉴")
    developer.click("#summary-form button[type=submit]")
    expect(developer.locator(".badge").first).to_have_text("已总结")
    developer.fill("#subject-claim input[name=amount]", "500")
    developer.fill("#subject-claim input[name=note]", "珍珠胸针礼盒")
    developer.select_option("#subject-claim select[name=category]", "gift")
    developer.click("#subject-claim button[type=submit]")
    expect(developer).to_have_url(re.compile(r"#/claims/\w+$"))
    claim_url = developer.url
    developer.get_by_role("button", name="提交审批").click()
    expect(developer.locator(".badge").first).to_have_text("已提交")

    revisit(manager, manager.url)  # still on 审批 from the approval: now 报告检查 lists the recorded visit
    manager.locator(".review-queue tr", has_text="林婉清").locator("button[data-action=accept]").click()
    expect(manager.locator(".review-queue tr", has_text="林婉清")).to_have_count(0)
    revisit(manager, claim_url)
    manager.get_by_role("button", name="批准").click()
    expect(manager.locator(".badge").first).to_have_text("已批准")
    manager.get_by_role("button", name="确认报销").click()
    expect(manager.locator(".badge").first).to_have_text("已报销")
    screenshot(manager, "manager-claim-reimbursed")

    open_area(manager, "analytics")
    expect(manager.locator(".chart").first).to_be_visible()
    screenshot(manager, "manager-analytics")
