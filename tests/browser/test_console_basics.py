"""The console in a real browser: log in, the role-aware menu, the language switch."""
from playwright.sync_api import expect

from tests.system import PASSWORD


def log_in(page, base_url, username):
    page.goto(base_url + "/#/login")
    page.fill("#login-form input[name=username]", username)
    page.fill("#login-form input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    expect(page.locator(".topbar")).to_be_visible()


def test_a_developer_logs_in_and_sees_no_approvals(page, system, screenshot):
    log_in(page, system.base_url, "dev1")
    expect(page.locator(".topbar .me")).to_contain_text("测试dev1 · 大客户开发人员")
    expect(page.locator("[data-nav=approvals]")).to_have_count(0)
    expect(page.locator("[data-nav=customers]")).to_have_text("客户")


def test_a_manager_sees_approvals_and_can_switch_to_english(page, system):
    log_in(page, system.base_url, "manager")
    expect(page.locator("[data-nav=approvals]")).to_have_text("审批")
    page.click("button.lang")
    expect(page.locator("[data-nav=approvals]")).to_have_text("Approvals")
    page.click("button.lang")
    expect(page.locator("[data-nav=approvals]")).to_have_text("审批")


def test_a_wrong_password_is_refused_in_the_page(page, system):
    page.goto(system.base_url + "/#/login")
    page.fill("#login-form input[name=username]", "dev2")
    page.fill("#login-form input[name=password]", "not-the-password")
    page.click("#login-form button[type=submit]")
    expect(page.locator("#toast")).to_contain_text("用户名或密码错误")
    expect(page.locator(".topbar")).to_have_count(0)
