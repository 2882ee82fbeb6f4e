"""Every page of every role's menu renders from the real API: no script error, no error card."""
import pytest
from playwright.sync_api import expect

from tests.browser.test_console_basics import log_in
from tests.system import unique_phone

ROLES = ["manager", "dev1", "coordinator", "planner", "analyst", "admin"]


@pytest.mark.parametrize("username", ROLES)
def test_every_menu_page_renders_for(username, browser, browser_context_args, system, as_user):
    if username == "dev1":  # something to show on each page
        as_user("dev1").post("/api/customers", json={"name": "诸葛明月", "category": "strategic"})
    page = browser.new_page(**browser_context_args)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, system.base_url, username)
    links = page.locator(".nav-link")
    targets = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert targets, "a menu for every role"
    for target in targets:
        page.goto(system.base_url + "/" + target)
        page.reload()
        # the view's own content (its titled sections), not the absence of the loading marker
        expect(page.locator(".view .card > h2").first).to_be_visible(timeout=15000)
        expect(page.locator(".view .loading")).to_have_count(0)
        expect(page.locator(".card.error")).to_have_count(0)
    assert errors == []
    page.close()


def test_a_customer_file_shows_its_sections(browser, browser_context_args, system, as_user):
    developer = as_user("dev1")
    customer = developer.post("/api/customers", json={
        "name": "欧阳雪", "phone": unique_phone(), "key_dates": [{"kind": "wedding_anniversary", "date": "2015-10-01"}],
        "profile": {"holdings": [{"piece": "钻戒", "carat": "1.0", "certificate": "GIA", "amount": "56000.00"}]}}).json()
    page = browser.new_page(**browser_context_args)
    log_in(page, system.base_url, "dev1")
    page.goto(f"{system.base_url}/#/customers/{customer['id']}")
    page.reload()
    expect(page.locator("h2").first).to_have_text("欧阳雪")
    for title in ("客户画像", "记录接触", "开发评估", "开发方案", "时间线", "人脉网络"):
        expect(page.locator("h2", has_text=title)).to_have_count(1)
    expect(page.locator("pre.template")).not_to_be_empty()
    expect(page.locator("text=结婚纪念日：2015-10-01")).to_be_visible()
    page.close()
