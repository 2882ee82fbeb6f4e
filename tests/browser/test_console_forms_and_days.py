"""Roles' own work through the console only: forms that succeed with valid input and show a field error
next to the field with invalid input, buttons from `actions`, and forms offered only to roles that may use them."""
from playwright.sync_api import expect

from tests.browser.menu import open_area
from tests.browser.test_console_basics import log_in
from tests.system import unique_phone


def open_view(page, base_url, hash_path):
    page.goto(f"{base_url}/{hash_path}")
    expect(page.locator(".view .card > h2").first).to_be_visible(timeout=15000)


def test_a_developer_registers_edits_and_plans_a_customer_and_the_manager_approves(browser, browser_context_args, system):
    page = browser.new_page(**browser_context_args)
    failures = []
    # a new customer has no figures in analytics yet (404 until its events arrive): the file shows none
    page.on("response", lambda r: failures.append(f"{r.status} {r.url}")
            if r.status >= 400 and "/api/" in r.url and "/api/analytics/customers/" not in r.url else None)
    log_in(page, system.base_url, "dev1")
    open_view(page, system.base_url, "#/customers/new")
    # invalid: a bad e-mail is marked next to its field, in Chinese, never "[object Object]"
    page.fill("#new-customer [name=name]", "司马青云")
    page.fill("#new-customer [name=email]", "not-an-email")
    page.click("#new-customer button[type=submit]")
    expect(page.locator("#new-customer [data-field=email] .field-error")).not_to_be_empty()
    expect(page.locator("#new-customer")).not_to_contain_text("[object Object]")
    expect(page.locator("#new-customer .form-error")).to_contain_text("字段")
    failures.clear()
    # valid: the source channel is a select of labels, a key date a row
    page.fill("#new-customer [name=email]", "sima@example.com")
    page.select_option("#new-customer select[name='source.channel']", label="朋友")
    page.fill("#new-customer [name='profile.occupation']", "律师")
    page.click("#new-customer button[type=submit]")
    expect(page.locator(".view .card > h2").first).to_have_text("司马青云", timeout=15000)
    expect(page.locator(".customer-file")).to_contain_text("朋友")
    # the file is edited in place, and what was saved is shown after a reload
    page.click("text=编辑档案")
    page.fill("#edit-customer [name='profile.needs.purchase']", "结婚十周年钻戒")
    page.fill("#edit-customer [name='profile.hobbies']", "高尔夫，茶艺")
    page.click("#edit-customer button[type=submit]")
    page.reload()
    expect(page.locator(".customer-file")).to_contain_text("结婚十周年钻戒")
    expect(page.locator(".customer-file")).to_contain_text("高尔夫、茶艺")
    # the assessment comes first, and its result stays after a reload (the latest from the API)
    page.fill("#assessment-form [name=expected_revenue]", "200000")
    page.fill("#assessment-form [name=expected_profit]", "60000")
    page.click("#assessment-form button[type=submit]")
    expect(page.locator("#assessment-result")).to_contain_text("值得开发")
    # a development plan with methods ticked from the vocabulary, submitted by its button
    page.check("#plan-form input[name=methods][value=visit]")
    page.check("#plan-form input[name=methods][value=club_event]")
    page.fill("#plan-form [name=plan]", "先拜访，再邀请参加俱乐部活动")
    page.fill("#plan-form [name=budget]", "3000")
    page.click("#plan-form button[type=submit]")
    expect(page.locator(".customer-file")).to_contain_text("俱乐部活动、拜访")
    page.click("button[data-action=submit]")
    expect(page.locator(".customer-file")).to_contain_text("待审批")
    assert failures == []
    url = page.url
    page.close()

    manager = browser.new_page(**browser_context_args)
    log_in(manager, system.base_url, "manager")
    open_view(manager, system.base_url, "#/approvals")
    row = manager.locator("tr", has_text="司马青云")
    row.locator("button[data-action=approve]").click()
    expect(manager.locator("tr", has_text="司马青云")).to_have_count(0, timeout=15000)
    manager.goto(url)
    expect(manager.locator(".customer-file")).to_contain_text("已批准")
    manager.close()


def test_the_customer_picker_searches_as_you_type(page, system, as_user):
    # a name of its own: other tests of the shared system register customers whose names also hold 婉
    created = as_user("dev1").post("/api/customers", json={"name": "上官婉宁", "phone": unique_phone()})
    assert created.status_code == 201, created.text
    log_in(page, system.base_url, "dev1")
    open_view(page, system.base_url, "#/tickets")
    page.locator("#new-ticket .picker-input").press_sequentially("婉")
    # the answer to 婉, not the list the focus showed before it (both may hold her)
    expect(page.locator("#new-ticket .picker-list li[role=option]").filter(has_not_text="婉")).to_have_count(0)
    expect(page.locator("#new-ticket .picker-list li", has_text="上官婉宁")).to_be_visible()
    page.locator("#new-ticket .picker-list li", has_text="上官婉宁").click()
    page.fill("#new-ticket [name=description]", "戒指清洗保养")
    page.select_option("#new-ticket select[name=kind]", label="保养")
    page.click("#new-ticket button[type=submit]")
    expect(page.locator(".view")).to_contain_text("戒指清洗保养")


def test_coordinator_planner_and_analyst_are_offered_no_customer_forms(browser, browser_context_args, system):
    for username in ("coordinator", "planner", "analyst"):
        page = browser.new_page(**browser_context_args)
        log_in(page, system.base_url, username)
        open_view(page, system.base_url, "#/customers")
        expect(page.locator("a[href='#/customers/new']")).to_have_count(0)
        expect(page.locator("#import-customers")).to_have_count(0)
        page.close()


def test_the_menu_folds_on_a_phone_with_no_sideways_scroll(browser, system):
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="zh-CN")
    log_in(page, system.base_url, "manager")
    assert page.evaluate("document.querySelector('.topbar').offsetHeight") <= 64
    expect(page.locator("[data-nav=approvals]")).to_be_hidden()
    page.click(".menu-toggle")
    expect(page.locator("[data-nav=approvals]")).to_be_visible()
    open_area(page, "approvals")
    expect(page.locator(".view .card > h2").first).to_be_visible(timeout=15000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()
